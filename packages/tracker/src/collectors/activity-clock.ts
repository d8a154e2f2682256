/** Without any input for this long, a visible page stops counting as active time. */
const IDLE_AFTER_MS = 30_000;

/**
 * Measures visible, active time: time counts while the page is visible and the visitor did
 * something (scrolled, pointed, typed) in the last 30 s. The caller takes the elapsed active
 * time whenever the page state it attributes time to (page type, reviews in view) changes.
 */
export interface ActivityClock {
  /** Records visitor input. Called from high-frequency listeners, so it stays cheap. */
  touch(): void;
  /** Page Visibility changes. Take the elapsed time first: it belongs to the old state. */
  setVisible(visible: boolean): void;
  /** Active milliseconds since the previous call. */
  take(): number;
}

export function createActivityClock(): ActivityClock {
  let visible = document.visibilityState === 'visible';
  let lastTakeMs = performance.now();
  let lastInputMs = lastTakeMs;
  let pendingMs = 0;

  const activeSinceLastTake = (nowMs: number): number =>
    visible ? Math.max(0, Math.min(nowMs, lastInputMs + IDLE_AFTER_MS) - lastTakeMs) : 0;

  return {
    touch() {
      const nowMs = performance.now();
      // After an idle gap, bank the active part before it so the gap itself is not counted.
      if (nowMs - lastInputMs > IDLE_AFTER_MS) {
        pendingMs += activeSinceLastTake(nowMs);
        lastTakeMs = nowMs;
      }
      lastInputMs = nowMs;
    },
    setVisible(nowVisible) {
      visible = nowVisible;
      lastTakeMs = performance.now();
      lastInputMs = lastTakeMs;
    },
    take() {
      const nowMs = performance.now();
      const activeMs = pendingMs + activeSinceLastTake(nowMs);
      pendingMs = 0;
      lastTakeMs = nowMs;

      return activeMs;
    },
  };
}
