import { safe } from '../safe.js';

/** A review section counts as read once it has been in view this long (contract: 2 s). */
const READ_AFTER_MS = 2_000;

export interface ReviewWatcher {
  /** Whether any review section is in view right now. */
  inView(): boolean;
  /** Observes the review sections of a newly viewed page (SPA navigations included). */
  rescan(): void;
  stop(): void;
}

/**
 * Watches `[data-af-reviews]` sections with an IntersectionObserver (no scroll polling).
 * "In view" means reaching the middle 60 % of the viewport, so a section peeking in at an
 * edge does not count. `beforeChange` runs before the in-view state changes, so elapsed time
 * can be given to the old state; `onRead` runs once per section per page.
 */
export function watchReviews(onRead: () => void, beforeChange: () => void): ReviewWatcher {
  // Sections in view, each with the timer that will count it as read.
  const inView = new Map<Element, ReturnType<typeof setTimeout>>();
  let read = new WeakSet<Element>();

  const observer = new IntersectionObserver(
    safe((entries: IntersectionObserverEntry[]) => {
      beforeChange();
      for (const { target, isIntersecting } of entries) {
        clearTimeout(inView.get(target));
        inView.delete(target);
        if (!isIntersecting) continue;

        const countRead = safe(() => {
          if (read.has(target) || document.visibilityState !== 'visible') return;
          read.add(target);
          onRead();
        });
        inView.set(target, setTimeout(countRead, READ_AFTER_MS));
      }
    }),
    { rootMargin: '-20% 0px' },
  );

  return {
    inView: () => inView.size > 0,
    rescan() {
      read = new WeakSet();
      for (const section of document.querySelectorAll('[data-af-reviews]')) {
        observer.observe(section);
      }
    },
    stop() {
      observer.disconnect();
      for (const timer of inView.values()) clearTimeout(timer);
    },
  };
}
