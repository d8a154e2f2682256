import type { Classification } from '@auraflow/taxonomy';

/** One score: a derived state with its sequence number within the session (from 1, rising). */
export interface CollectItem extends Classification {
  seq: number;
}

/**
 * The whole body of `POST {api}/v1/collect`, sent as `text/plain;charset=UTF-8` JSON. These
 * keys, and the item keys, are all there is: the server's strict schema refuses anything else.
 */
export interface CollectBody {
  siteKey: string;
  /** Random visitor id, 22 base64url characters, per shop (first-party cookie). */
  visitorId: string;
  /** Random session id, 22 base64url characters, per browsing session. */
  sessionId: string;
  taxonomyVersion: string;
  /** 1 to 20 items, `seq` strictly increasing. */
  batch: CollectItem[];
}
