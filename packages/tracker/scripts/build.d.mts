// Types for scripts/build.mjs, so that tests importing it are type-checked.
import type { TrackerManifest } from '../src/manifest.js';

export declare const TOTAL_GZIP_BUDGET_BYTES: number;
export declare const FILE_GZIP_BUDGET_BYTES: number;

export interface BuildOptions {
  /** Where the bundles, manifest.json and snippet.html go; default `dist/`. */
  outDir?: string;
  /** The theme app extension to generate; null skips it. Default `shopify/extensions/…`. */
  extensionDir?: string | null;
  log?: (line: string) => void;
}

export interface BuildResult {
  manifest: TrackerManifest;
  /** Empty when the size budget holds. */
  budgetProblems: string[];
}

export declare function buildTracker(options?: BuildOptions): Promise<BuildResult>;
