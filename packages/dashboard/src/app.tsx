/** The merchant dashboard; its screens arrive with the accounts work. */
export function App() {
  return (
    <main>
      <h1>Auraflow</h1>
      <p>The merchant dashboard.</p>
    </main>
  );
}
