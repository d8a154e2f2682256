/**
 * Types for code that works with the tracker from the outside: the server reading the build
 * manifest and validating collect bodies, themes using `window.auraflow`. The tracker itself
 * ships as the browser bundles in `dist/` (see README). Nothing here needs the DOM.
 */
export type { AuraflowApi, AuraflowSnapshot } from './auraflow-api.js';
export { READY_EVENT } from './auraflow-api.js';
export type { CollectBody, CollectItem } from './collect-body.js';
export type { TrackerFile, TrackerManifest } from './manifest.js';
