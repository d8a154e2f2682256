import { TAXONOMY_VERSION } from '@auraflow/taxonomy';
import type { CollectBody, CollectItem } from './collect-body.js';
import { isClassification } from './derived-state.js';
import { QUEUE_KEY, readStored, writeStored } from './device-storage.js';
import { safe } from './safe.js';

export interface TransportOptions {
  api: string;
  siteKey: string;
  visitorId: string;
  sessionId: string;
}

export interface Transport {
  /** Adds a score to the bounded queue (kept in sessionStorage until acknowledged). */
  enqueue(item: CollectItem): void;
  /** Sends the queue; `unloading` skips a pending backoff: the page is going away. */
  flush(unloading: boolean): void;
  /** Stops retrying and never writes to storage again (consent withdrawn). */
  stop(): void;
}

/** The collect API takes 1..20 scores per request; older scores give way to newer ones. */
const MAX_QUEUED_ITEMS = 20;
const FIRST_RETRY_MS = 2_000;
const MAX_RETRY_MS = 30_000;

export function createTransport(options: TransportOptions): Transport {
  let queue = loadQueue();
  let inFlight = false;
  let stopped = false;
  let failures = 0;
  // Set while a retry is pending: only that retry (or the page going away) sends.
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const save = (items: CollectItem[]): void => {
    if (!stopped) writeStored(false, QUEUE_KEY, items);
  };

  const flush = (unloading: boolean): void => {
    const lastSeq = queue[queue.length - 1]?.seq;
    if (stopped || inFlight || (retryTimer && !unloading) || lastSeq === undefined) return;

    const request = post(options, queue);
    inFlight = true;
    request
      .catch(() => 0)
      .then(
        safe((status: number) => {
          inFlight = false;
          if (stopped) return;

          // 2xx: stored. A 4xx other than 408 and 429: the server will never take this batch
          // (its schema moved on, or the queue was edited), and retrying would jam the queue:
          // both end the batch. Network errors (0), timeouts, throttling and 5xx are retried
          // with exponential backoff.
          if (status > 0 && status < 500 && status !== 408 && status !== 429) {
            queue = queue.filter((item) => item.seq > lastSeq);
            failures = 0;
            save(queue);
            flush(false);
            return;
          }

          save(queue);
          clearTimeout(retryTimer);
          retryTimer = setTimeout(
            safe(() => {
              retryTimer = undefined;
              flush(false);
            }),
            Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** failures++),
          );
        }),
      );
    // A request sent while the page goes away usually arrives, but its answer cannot be read.
    // With the API answering, the queue is stored without it, so the next page does not send
    // the same scores again (should the page stay, as a hidden tab, a failure stores them
    // back). During an outage the scores stay queued for the next page to deliver.
    if (unloading && failures === 0) save([]);
  };

  setTimeout(safe(flush), 0, false);

  return {
    enqueue(item) {
      queue = [...queue, item].slice(-MAX_QUEUED_ITEMS);
      save(queue);
    },
    flush,
    stop() {
      stopped = true;
      clearTimeout(retryTimer);
    },
  };
}

/** Resolves with the HTTP status; rejects on network failure. */
function post(options: TransportOptions, batch: CollectItem[]): Promise<number> {
  const body: CollectBody = {
    siteKey: options.siteKey,
    visitorId: options.visitorId,
    sessionId: options.sessionId,
    taxonomyVersion: TAXONOMY_VERSION,
    // Items are built with exactly seq, probabilities and confidence (see tracker); one
    // edited in storage gets the batch refused with a 4xx, which drops it.
    batch,
  };

  // A string body goes out as text/plain;charset=UTF-8, a "simple" request: no CORS
  // preflight. keepalive lets the request outlive the page on pagehide; no cookies and no
  // referrer go with it, so the page URL never reaches the server.
  return fetch(`${options.api}/v1/collect`, {
    method: 'POST',
    body: JSON.stringify(body),
    credentials: 'omit',
    keepalive: true,
    referrerPolicy: 'no-referrer',
  }).then((response) => response.status);
}

function loadQueue(): CollectItem[] {
  const stored = readStored(false, QUEUE_KEY);

  return Array.isArray(stored) ? stored.filter(isCollectItem) : [];
}

function isCollectItem(value: unknown): value is CollectItem {
  return isClassification(value) && 'seq' in value && typeof value.seq === 'number';
}
