/**
 * Prints the tracker's size per file and in total (minified, gzip, brotli) beside two peers'
 * trackers. Reads dist/manifest.json, so run `npm run build -w @auraflow/tracker` first.
 *
 * Peer figures (minified and gzip bytes) are the project's reference measurements of
 * Plausible's npm tracker (all features) and Umami's tracker v3; they are fixed numbers here,
 * not re-measured. The scopes differ: the peers send raw page views for server-side analysis,
 * while Auraflow's core also carries the on-device classifier from @auraflow/taxonomy, whose
 * share is measured and printed separately.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const PEERS = [
  { name: 'Plausible (npm, all features)', bytes: 6_434, gzipBytes: 2_670 },
  { name: 'Umami v3', bytes: 4_566, gzipBytes: 2_206 },
];

const manifestUrl = new URL('../dist/manifest.json', import.meta.url);
const manifest = JSON.parse(
  await readFile(manifestUrl, 'utf8').catch(() => {
    console.error('No dist/manifest.json: run `npm run build -w @auraflow/tracker` first.');
    process.exit(1);
  }),
);

const number = (value) => value.toLocaleString('en-US').padStart(9);
const row = (name, size) =>
  `${name.padEnd(32)}${number(size.bytes)}${number(size.gzipBytes)}${
    size.brotliBytes === undefined ? '        –' : number(size.brotliBytes)
  }`;

console.log(
  `${'script'.padEnd(32)}${['min', 'gzip', 'brotli'].map((h) => h.padStart(9)).join('')}`,
);
console.log(row(manifest.loader.file, manifest.loader));
console.log(row(manifest.core.file, manifest.core));
console.log(row('Auraflow total (loader + core)', manifest.total));
for (const peer of PEERS) console.log(row(peer.name, peer));
console.log('');
console.log(
  `of which the taxonomy model in the core: ${number(await taxonomyGzipBytes()).trim()} bytes gzip`,
);
for (const peer of PEERS) {
  const ratio = manifest.total.gzipBytes / peer.gzipBytes;
  console.log(`Auraflow / ${peer.name}: ${ratio.toFixed(2)}× gzip`);
}

/** Bundles just what the core imports from @auraflow/taxonomy, minified, and gzips it. */
async function taxonomyGzipBytes() {
  const result = await build({
    stdin: {
      contents: [
        "import * as t from '@auraflow/taxonomy';",
        'globalThis.keep = [t.classify, t.roundProbabilities, t.topArchetype, t.isCalibration,',
        '  t.emptySignals, t.IDENTITY_CALIBRATION, t.TAXONOMY_VERSION, t.ARCHETYPE_IDS];',
      ].join('\n'),
      resolveDir: fileURLToPath(new URL('..', import.meta.url)),
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    conditions: ['@auraflow/source'],
    write: false,
  });

  return gzipSync(result.outputFiles[0].contents, { level: 9 }).byteLength;
}
