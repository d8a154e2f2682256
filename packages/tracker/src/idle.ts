// Safari has no requestIdleCallback; a short timeout still moves the work out of the event.
const FALLBACK_DELAY_MS = 50;
// Idle callbacks may starve on a busy page; two seconds late is still on time for scoring.
const IDLE_TIMEOUT_MS = 2_000;

/** Runs `task` when the main thread is idle, so that collecting never delays the page. */
export function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') {
    requestIdleCallback(task, { timeout: IDLE_TIMEOUT_MS });
  } else {
    setTimeout(task, FALLBACK_DELAY_MS);
  }
}
