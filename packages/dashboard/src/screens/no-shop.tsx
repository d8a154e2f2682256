import { PageHeading } from '../components/page-heading.js';

/** A signed-in user who belongs to no shop yet (for instance, before accepting an invitation). */
export function NoShop({ title }: { readonly title: string }) {
  return (
    <section className="page">
      <PageHeading>{title}</PageHeading>
      <div className="card empty-state">
        <h2 className="subheading">You are not part of a shop yet</h2>
        <p>
          Open the invitation email a shop owner sent you and accept it, or sign up again with a
          shop name to create your own.
        </p>
      </div>
    </section>
  );
}
