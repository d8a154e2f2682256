/**
 * Builds the storefront tracker: the core bundle first, then the loader with the core's file
 * name and SHA-384 hash baked in, then everything that must carry the loader's hash (the
 * manifest, the HTML snippet, the Shopify theme app extension). Fails when the size budget is
 * exceeded; prints the sizes on every run.
 *
 * Usage: `npm run build -w @auraflow/tracker`, or `buildTracker()` from a test.
 */
import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants as zlibConstants } from 'node:zlib';
import { build } from 'esbuild';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const repoDir = join(packageDir, '..', '..');

/** Loader and core together, gzip (the product's promise: under 6 KB). */
export const TOTAL_GZIP_BUDGET_BYTES = 6_144;
/** Any single file, gzip: Shopify theme-check flags app JavaScript over 10,000 bytes. */
export const FILE_GZIP_BUDGET_BYTES = 10_000;

const INTERNAL_PROPERTIES =
  /^(touch|setVisible|take|inView|rescan|notify|enqueue|flush|products|productId|sale)$/;

/**
 * @typedef {object} TrackerFile
 * @property {string} file
 * @property {number} bytes
 * @property {number} gzipBytes
 * @property {number} brotliBytes
 * @property {string} integrity
 *
 * @typedef {object} TrackerManifest
 * @property {string} taxonomyVersion
 * @property {TrackerFile} loader
 * @property {TrackerFile} core
 * @property {{ bytes: number, gzipBytes: number, brotliBytes: number }} total
 *
 * @typedef {object} BuildOptions
 * @property {string} [outDir] where the bundles, manifest.json and snippet.html go
 * @property {string | null} [extensionDir] the theme app extension to generate; null skips it
 * @property {(line: string) => void} [log]
 *
 * @typedef {object} BuildResult
 * @property {TrackerManifest} manifest
 * @property {string[]} budgetProblems empty when the size budget holds
 */

/**
 * @param {BuildOptions} [options]
 * @returns {Promise<BuildResult>}
 */
export async function buildTracker(options = {}) {
  const outDir = options.outDir ?? join(packageDir, 'dist');
  const extensionDir =
    options.extensionDir === undefined
      ? join(repoDir, 'shopify', 'extensions', 'auraflow-embed')
      : options.extensionDir;
  const log = options.log ?? console.log;

  const coreCode = await bundle('src/core.ts', {});
  const core = describeFile('auraflow-core', coreCode);
  const loaderCode = await bundle('src/loader.ts', {
    AURAFLOW_CORE_FILE: JSON.stringify(core.file),
    AURAFLOW_CORE_INTEGRITY: JSON.stringify(core.integrity),
  });
  const loader = describeFile('auraflow-loader', loaderCode);

  /** @type {TrackerManifest} */
  const manifest = {
    taxonomyVersion: await readTaxonomyVersion(),
    loader,
    core,
    total: {
      bytes: loader.bytes + core.bytes,
      gzipBytes: loader.gzipBytes + core.gzipBytes,
      brotliBytes: loader.brotliBytes + core.brotliBytes,
    },
  };

  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, core.file), coreCode);
  await writeFile(join(outDir, loader.file), loaderCode);
  await writeFile(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await writeFile(join(outDir, 'snippet.html'), snippetHtml(loader));
  if (extensionDir !== null) await writeThemeExtension(extensionDir, loader);

  const budgetProblems = checkBudget(manifest);
  printSizes(manifest, budgetProblems, log);

  return { manifest, budgetProblems };
}

/**
 * @param {string} entry
 * @param {Record<string, string>} define
 * @returns {Promise<Uint8Array>}
 */
async function bundle(entry, define) {
  const result = await build({
    entryPoints: [join(packageDir, entry)],
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    // Every browser Shopify supports runs ES2020; esbuild fails the build on newer syntax
    // it cannot lower, which doubles as the syntax-target check.
    target: 'es2020',
    // Workspace packages export their TypeScript source under this condition.
    conditions: ['@auraflow/source'],
    define,
    // Property names that only the tracker's own modules use (not the page, the wire format,
    // the stored taxonomy counters or the public API) are shortened like local names. The
    // list is explicit: a DOM or wire property with one of these names would break.
    mangleProps: INTERNAL_PROPERTIES,
    legalComments: 'none',
    write: false,
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`esbuild produced no output for ${entry}`);

  return output.contents;
}

/**
 * @param {string} name
 * @param {Uint8Array} code
 * @returns {TrackerFile}
 */
function describeFile(name, code) {
  const digest = createHash('sha384').update(code).digest();

  return {
    file: `${name}.${digest.toString('hex').slice(0, 8)}.js`,
    bytes: code.byteLength,
    gzipBytes: gzipSync(code, { level: 9 }).byteLength,
    brotliBytes: brotliCompressSync(code, {
      params: { [zlibConstants.BROTLI_PARAM_QUALITY]: zlibConstants.BROTLI_MAX_QUALITY },
    }).byteLength,
    integrity: `sha384-${digest.toString('base64')}`,
  };
}

/** The taxonomy version the core was built with, read from the taxonomy package itself. */
async function readTaxonomyVersion() {
  const result = await build({
    stdin: {
      contents: "export { TAXONOMY_VERSION } from '@auraflow/taxonomy';",
      resolveDir: packageDir,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    conditions: ['@auraflow/source'],
    write: false,
  });
  const code = result.outputFiles[0]?.text ?? '';
  const module = await import(
    `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`
  );
  if (typeof module.TAXONOMY_VERSION !== 'string') {
    throw new Error('@auraflow/taxonomy does not export TAXONOMY_VERSION');
  }

  return module.TAXONOMY_VERSION;
}

/**
 * @param {TrackerManifest} manifest
 * @returns {string[]}
 */
function checkBudget(manifest) {
  const problems = [];
  if (manifest.total.gzipBytes > TOTAL_GZIP_BUDGET_BYTES) {
    problems.push(
      `loader + core are ${manifest.total.gzipBytes} bytes gzip, over the ${TOTAL_GZIP_BUDGET_BYTES}-byte budget`,
    );
  }
  for (const file of [manifest.loader, manifest.core]) {
    if (file.gzipBytes > FILE_GZIP_BUDGET_BYTES) {
      problems.push(
        `${file.file} is ${file.gzipBytes} bytes gzip, over the ${FILE_GZIP_BUDGET_BYTES}-byte file limit`,
      );
    }
  }

  return problems;
}

/**
 * @param {TrackerManifest} manifest
 * @param {string[]} problems
 * @param {(line: string) => void} log
 */
function printSizes(manifest, problems, log) {
  /** @param {string} name @param {{ bytes: number, gzipBytes: number, brotliBytes: number }} size */
  const row = (name, size) =>
    `${name.padEnd(30)}${[size.bytes, size.gzipBytes, size.brotliBytes]
      .map((bytes) => bytes.toLocaleString('en-US').padStart(9))
      .join('')}`;

  log(
    `${'tracker file'.padEnd(30)}${['min', 'gzip', 'brotli'].map((h) => h.padStart(9)).join('')}`,
  );
  log(row(manifest.loader.file, manifest.loader));
  log(row(manifest.core.file, manifest.core));
  log(row('total', manifest.total));
  log(
    `budget: ${manifest.total.gzipBytes.toLocaleString('en-US')} of ${TOTAL_GZIP_BUDGET_BYTES.toLocaleString('en-US')} bytes gzip for loader + core, ${FILE_GZIP_BUDGET_BYTES.toLocaleString('en-US')} per file: ${problems.length === 0 ? 'ok' : 'EXCEEDED'}`,
  );
  for (const problem of problems) log(`  ${problem}`);
}

/**
 * The tag a storefront outside Shopify pastes; the demo store fills in the placeholders.
 * @param {TrackerFile} loader
 */
function snippetHtml(loader) {
  return `${scriptTag(loader, '{{API_ORIGIN}}', '{{SITE_KEY}}')}\n`;
}

/**
 * The loader tag, written by hand because Shopify's `script_tag` filter cannot add
 * `integrity`, `crossorigin` or `defer`. No referrer: the page URL is nobody's business.
 * @param {TrackerFile} loader
 * @param {string} api
 * @param {string} siteKey
 */
function scriptTag(loader, api, siteKey) {
  return (
    `<script src="${api}/t/${loader.file}" integrity="${loader.integrity}"` +
    ` crossorigin="anonymous" referrerpolicy="no-referrer" defer` +
    ` data-site-key="${siteKey}" data-api="${api}"></script>`
  );
}

/**
 * Generates the theme app extension whose app embed block loads the pinned loader.
 * @param {string} dir
 * @param {TrackerFile} loader
 */
async function writeThemeExtension(dir, loader) {
  await mkdir(join(dir, 'blocks'), { recursive: true });
  await mkdir(join(dir, 'locales'), { recursive: true });
  await writeFile(join(dir, 'shopify.extension.toml'), extensionToml());
  await writeFile(join(dir, 'blocks', 'auraflow-embed.liquid'), embedBlock(loader));
  await writeFile(join(dir, 'locales', 'en.default.json'), storefrontLocale());
  await writeFile(join(dir, 'locales', 'en.default.schema.json'), schemaLocale());
}

function extensionToml() {
  return [
    '# Generated by packages/tracker/scripts/build.mjs; edit the generator, not this file.',
    'name = "auraflow-embed"',
    'type = "theme"',
    '',
  ].join('\n');
}

/** @param {TrackerFile} loader */
function embedBlock(loader) {
  const schema = {
    name: 't:blocks.auraflow_embed.name',
    target: 'head',
    settings: [
      {
        type: 'text',
        id: 'api_origin',
        label: 't:blocks.auraflow_embed.settings.api_origin.label',
        info: 't:blocks.auraflow_embed.settings.api_origin.info',
      },
      {
        type: 'text',
        id: 'site_key',
        label: 't:blocks.auraflow_embed.settings.site_key.label',
        info: 't:blocks.auraflow_embed.settings.site_key.info',
      },
    ],
  };
  const tag = scriptTag(loader, '{{ auraflow_api | escape }}', '{{ auraflow_site_key | escape }}');

  return `{%- comment -%}
  Generated by packages/tracker/scripts/build.mjs; edit the generator, not this file.
  Loads the Auraflow loader pinned by Subresource Integrity (hash of this build). The tracker
  is served from the app's own origin, not from the extension's assets, because Shopify's CDN
  may re-minify assets and so break a build-time hash. Shopify does not consent-gate app
  embeds; the tracker gates itself on the Customer Privacy API.
{%- endcomment -%}
{%- liquid
  assign auraflow_api = block.settings.api_origin | strip
  assign auraflow_site_key = app.metafields.auraflow.site_key.value | default: block.settings.site_key | strip
-%}
{%- if auraflow_api != blank and auraflow_site_key != blank -%}
  ${tag}
{%- endif -%}

{% schema %}
${JSON.stringify(schema, null, 2)}
{% endschema %}
`;
}

function storefrontLocale() {
  // The embed renders no visible text; the file exists because every extension ships one.
  return `${JSON.stringify({ auraflow_embed: { name: 'Auraflow' } }, null, 2)}\n`;
}

function schemaLocale() {
  const locale = {
    blocks: {
      auraflow_embed: {
        name: 'Auraflow personalisation',
        settings: {
          api_origin: {
            label: 'Auraflow API origin',
            info: 'For example https://api.auraflow.example, without a trailing slash.',
          },
          site_key: {
            label: 'Site key',
            info: 'Set by the app when it is installed; fill in only if support asks you to.',
          },
        },
      },
    },
  };

  return `${JSON.stringify(locale, null, 2)}\n`;
}

// Run as a script: build, and fail the process when the budget is exceeded.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { budgetProblems } = await buildTracker();
  if (budgetProblems.length > 0) {
    console.error('tracker build failed: size budget exceeded');
    process.exitCode = 1;
  }
}
