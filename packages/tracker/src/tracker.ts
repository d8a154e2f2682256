import {
  type Calibration,
  type Classification,
  classify,
  IDENTITY_CALIBRATION,
} from '@auraflow/taxonomy';
import { fetchCalibration } from './calibration.js';
import { createActivityClock } from './collectors/activity-clock.js';
import { countInteraction } from './collectors/interactions.js';
import { onNavigate } from './collectors/navigation.js';
import { type PageContext, readPageContext } from './collectors/page-context.js';
import { watchReviews } from './collectors/review-reads.js';
import { scrollDepth } from './collectors/scroll-depth.js';
import { changedMeaningfully, toDerivedState } from './derived-state.js';
import { randomId, readVisitorId, writeVisitorId } from './identity.js';
import { whenIdle } from './idle.js';
import { exposePublicApi } from './public-api.js';
import { safe } from './safe.js';
import { loadDerivedState, loadSession, saveDerivedState, saveSession } from './signals-store.js';
import { createTransport } from './transport.js';

export interface TrackerOptions {
  siteKey: string;
  /** API base URL without a trailing slash. */
  api: string;
}

/** A meaningful change is sent once the scores have held still this long. */
const SEND_DEBOUNCE_MS = 2_000;

/**
 * Starts tracking on this page. Call only while analytics consent is given. Returns `stop`,
 * which removes every listener, timer and observer and writes nothing more; erasing the
 * stored data is the caller's job (`clearTrackerData`).
 */
export function startTracker(options: TrackerOptions): () => void {
  const controller = new AbortController();
  const cleanups = [() => controller.abort()];
  run(options, controller.signal, cleanups);

  return () => {
    for (const cleanup of cleanups) safe(cleanup)();
  };
}

// The steps that can throw (cookie access in a sandboxed frame, storage) come before any
// listener or timer exists, so a start that fails leaves nothing running behind.
function run(options: TrackerOptions, signal: AbortSignal, cleanups: Array<() => void>): void {
  const isVisible = (): boolean => document.visibilityState === 'visible';

  // Identity. "Returning" means the cookie predates this session; the id is renewed either way.
  const knownVisitorId = readVisitorId();
  const visitorId = knownVisitorId ?? randomId();
  writeVisitorId(visitorId);
  const session = loadSession(knownVisitorId !== null);
  const signals = session.signals;

  const transport = createTransport({ ...options, visitorId, sessionId: session.id });
  let calibration: Calibration = IDENTITY_CALIBRATION;
  // The current derived state, the last one queued for sending and the last one announced to
  // the theme. Every page queues its final state on pagehide, so the last state queued by the
  // previous page is the stored derived state.
  let current: Classification | null = null;
  let sent = loadDerivedState();
  let announced: Classification | null = null;
  let sendTimer: ReturnType<typeof setTimeout> | undefined;
  const publicApi = exposePublicApi(() => current);
  cleanups.push(transport.stop, publicApi.remove, () => clearTimeout(sendTimer));

  // --- scoring -------------------------------------------------------------------------

  const queueCurrent = (): void => {
    if (!current || JSON.stringify(current) === JSON.stringify(sent)) return;

    sent = current;
    session.seq += 1;
    transport.enqueue({ seq: session.seq, ...current });
    saveSession(session);
  };

  const rescore = (): void => {
    const prior = session.prior;
    const next = toDerivedState(
      classify(signals, prior ? { calibration, prior } : { calibration }),
    );
    current = next;
    saveDerivedState(next);

    if (changedMeaningfully(announced, next)) {
      announced = next;
      publicApi.notify();
    }
    if (changedMeaningfully(sent, next)) {
      clearTimeout(sendTimer);
      sendTimer = setTimeout(
        safe(() => {
          queueCurrent();
          transport.flush(false);
        }),
        SEND_DEBOUNCE_MS,
      );
    }
  };

  // --- collecting ----------------------------------------------------------------------

  const clock = createActivityClock();
  let page: PageContext | null = null;
  let pagePath = '';
  let pageDepth = 0;
  let scrolled = true;
  let scheduled = false;
  const pending: Event[] = [];

  // Gives the active time since the last call to the page state that held during it.
  const accrue = (): void => {
    const activeMs = clock.take();
    signals.activeMs += activeMs;
    if (page?.type === 'product') signals.productDwellMs += activeMs;
    if (reviews.inView()) signals.reviewDwellMs += activeMs;
  };

  const reviews = watchReviews(() => {
    signals.reviewReads += 1;
    schedule();
  }, accrue);
  cleanups.push(reviews.stop);

  const countPageView = (): void => {
    page = readPageContext();
    pagePath = location.pathname;
    pageDepth = 0;
    scrolled = true;

    const type = page.type;
    signals.pageViews += 1;
    if (type === 'product') signals.productViews += 1;
    if (type === 'collection') signals.collectionViews += 1;
    if (type === 'search') signals.searches += 1;
    if (type === 'cart') signals.cartViews += 1;
    if (page.sale) signals.saleViews += 1;
    if (page.productId && !session.products.includes(page.productId)) {
      session.products.push(page.productId);
      signals.distinctProducts += 1;
    }
    reviews.rescan();
  };

  // The one place where observations become counters. Runs at idle time, or at once when the
  // page is being hidden (idle time may never come then).
  const process = (): void => {
    scheduled = false;
    if (signal.aborted) return;

    accrue();
    if (location.pathname !== pagePath) countPageView();
    for (const event of pending.splice(0)) countInteraction(event, signals);
    if (scrolled) {
      scrolled = false;
      // Adding each rise of the page's deepest point sums the per-page maxima.
      const depth = scrollDepth();
      if (depth > pageDepth) {
        signals.scrollDepthSum += depth - pageDepth;
        pageDepth = depth;
      }
    }

    saveSession(session);
    rescore();
  };

  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    whenIdle(safe(process));
  };

  // --- listeners: passive, and they only note what happened ----------------------------

  const listen = (target: EventTarget, types: string, handler: (event: Event) => void): void => {
    for (const type of types.split(' ')) {
      // Capture phase: a theme's stopPropagation must not hide an event from us.
      target.addEventListener(type, safe(handler), { capture: true, passive: true, signal });
    }
  };

  const settleAndSend = (): void => {
    process();
    queueCurrent();
    transport.flush(true);
  };

  listen(window, 'pointerdown pointermove keydown', clock.touch);
  listen(window, 'scroll', () => {
    clock.touch();
    scrolled = true;
    schedule();
  });
  listen(document, 'click change submit', (event) => {
    clock.touch();
    pending.push(event);
    schedule();
  });
  listen(document, 'visibilitychange', () => {
    accrue();
    clock.setVisible(isVisible());
    if (!isVisible()) settleAndSend();
  });
  listen(window, 'pagehide', settleAndSend);
  onNavigate(safe(schedule), signal);

  fetchCalibration(options.api, options.siteKey).then(
    safe((shopCalibration: Calibration) => {
      calibration = shopCalibration;
      if (current && !signal.aborted) rescore();
    }),
  );
  schedule();
}
