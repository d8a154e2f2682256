import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// The taxonomy's share of the tracker's 6 KB gzip budget (loader + core together).
const MAX_GZIP_BYTES = 2500;

// What the storefront tracker imports from this package.
const TRACKER_ENTRY =
  "export { classify, roundProbabilities, topArchetype, emptySignals } from './src/index.ts';";

// Distinctive catalog strings that must be tree-shaken away from the tracker.
const CATALOG_STRINGS = [
  'Golden eggs and hyperbolic discounting',
  'When choice is demotivating',
  'Show the saving against the compare-at price',
  'No published study validates',
];

async function bundleTrackerImports(): Promise<string> {
  const result = await build({
    stdin: {
      contents: TRACKER_ENTRY,
      resolveDir: fileURLToPath(new URL('..', import.meta.url)),
      loader: 'ts',
      sourcefile: 'tracker-entry.ts',
    },
    bundle: true,
    minify: true,
    treeShaking: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });

  return result.outputFiles[0]?.text ?? '';
}

describe('the code the tracker bundles from the taxonomy', () => {
  it(`stays under ${MAX_GZIP_BYTES} bytes gzip and leaves the catalog out`, async () => {
    const code = await bundleTrackerImports();
    const gzipBytes = gzipSync(code).length;
    console.log(`taxonomy tracker bundle: ${code.length} bytes minified, ${gzipBytes} gzip`);

    expect(code).toContain('classify');
    expect(gzipBytes).toBeLessThan(MAX_GZIP_BYTES);
    for (const text of CATALOG_STRINGS) expect(code).not.toContain(text);
  });
});
