/** One built file in `dist/manifest.json`. */
export interface TrackerFile {
  /** File name, content-hashed: `auraflow-loader.<hash8>.js`, `auraflow-core.<hash8>.js`. */
  file: string;
  /** Minified size in bytes. */
  bytes: number;
  gzipBytes: number;
  brotliBytes: number;
  /** Subresource Integrity value, `sha384-<base64>`, of exactly these bytes. */
  integrity: string;
}

/**
 * `dist/manifest.json`, written by `scripts/build.mjs`. The server serves both files at
 * `{api}/t/<file>`; pages reference only the loader, which pins the core itself.
 */
export interface TrackerManifest {
  /** The taxonomy version the core classifies with (and sends as `taxonomyVersion`). */
  taxonomyVersion: string;
  loader: TrackerFile;
  core: TrackerFile;
  total: { bytes: number; gzipBytes: number; brotliBytes: number };
}
