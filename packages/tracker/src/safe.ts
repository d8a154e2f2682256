/**
 * Wraps a tracker entry point (event listener, timer, callback) so that no error escapes into
 * the host page: a broken theme or a blocked storage API must cost us data, never the shop.
 */
export function safe<A extends unknown[]>(task: (...args: A) => void): (...args: A) => void {
  return (...args) => {
    try {
      task(...args);
    } catch {
      // Deliberately silent: the page has no use for our errors and the console is theirs.
    }
  };
}
