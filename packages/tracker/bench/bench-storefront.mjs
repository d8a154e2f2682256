/**
 * The storefront both browser benchmarks measure, started on 127.0.0.1 and closed by the caller:
 *
 * - a stand-in API origin serving the built tracker files at `/t/<file>` with the headers the
 *   real server sends (CORS `*`, immutable caching, no compression), `GET /v1/config/:siteKey`
 *   with an identity calibration and `POST /v1/collect` answering 204;
 * - two demo stores (`@auraflow/demo-store`): one with the tracker snippet in every page, one
 *   with a harmless HTML comment in its place, the baseline.
 *
 * A stand-in rather than the whole server: the browser's main thread is what is measured, the
 * server's database would only add start-up time and shared CPU on a 2-core machine, and the
 * baseline store needs a snippet the server does not offer.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';

const TRACKER_DIST = new URL('../dist/', import.meta.url);
const DEMO_STORE_ENTRY = new URL('../../demo-store/dist/index.js', import.meta.url);
const SITE_KEY = 'bench-shop';

// The shape `GET /v1/config/:siteKey` answers; identity values keep scoring uncalibrated.
const CONFIG_BODY = JSON.stringify({
  taxonomyVersion: '2026-12',
  calibration: {
    temperature: 1,
    logPriorAdjustment: {
      deal_seeker: 0,
      researcher: 0,
      impulse_buyer: 0,
      social_proof_seeker: 0,
      loyalist: 0,
      explorer: 0,
      overwhelmed: 0,
    },
  },
});

// renderSnippet insists on both placeholders; a comment carries them and does nothing.
const BASELINE_SNIPPET = '<!-- no tracker ({{API_ORIGIN}}, {{SITE_KEY}}) -->';

/**
 * Starts the stand-in API and both stores. `options.snippetAttributes` is added to the loader
 * tag (e.g. ` data-allow-automation`). Returns their URLs, a live request count per API route
 * (so a benchmark can check that the tracker really ran) and `close()`.
 */
export async function startBenchStorefront(options = {}) {
  const manifest = await readManifest();
  const api = await startStandInApi(manifest);
  const startStore = await loadDemoStore();
  const template = await trackerSnippetTemplate(options.snippetAttributes ?? '');
  const withTracker = await startStore(api.url, template);
  const withoutTracker = await startStore(api.url, BASELINE_SNIPPET);

  return {
    manifest,
    apiUrl: api.url,
    apiRequests: api.requests,
    withTrackerUrl: withTracker.url,
    withoutTrackerUrl: withoutTracker.url,
    async close() {
      await Promise.all([withTracker.close(), withoutTracker.close(), api.close()]);
    },
  };
}

async function readManifest() {
  try {
    return JSON.parse(await readFile(new URL('manifest.json', TRACKER_DIST), 'utf8'));
  } catch {
    throw new Error('No tracker build: run `npm run build` first.');
  }
}

async function trackerSnippetTemplate(extraAttributes) {
  const template = (await readFile(new URL('snippet.html', TRACKER_DIST), 'utf8')).trim();

  return template.replace('></script>', `${extraAttributes}></script>`);
}

async function loadDemoStore() {
  let demoStore;
  try {
    demoStore = await import(DEMO_STORE_ENTRY.href);
  } catch {
    throw new Error('No demo store build: run `npx tsc -b packages/demo-store` first.');
  }

  return (apiOrigin, snippetHtml) =>
    demoStore.startDemoStore({
      host: '127.0.0.1',
      port: 0,
      apiOrigin,
      siteKey: SITE_KEY,
      snippetHtml,
    });
}

/** The API routes the tracker uses, nothing else; each answer carries CORS `*`. */
async function startStandInApi(manifest) {
  const files = new Map();
  for (const entry of [manifest.loader, manifest.core]) {
    files.set(`/t/${entry.file}`, await readFile(new URL(entry.file, TRACKER_DIST)));
  }
  const requests = { tracker: 0, config: 0, collect: 0, other: 0 };

  const server = createServer((request, response) => {
    response.setHeader('access-control-allow-origin', '*');
    const route = routeOf(request, files);
    requests[route] += 1;
    answer(route, request, response, files);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    url: `http://127.0.0.1:${server.address().port}`,
    requests,
    close: () => closeServer(server),
  };
}

function routeOf(request, files) {
  const path = new URL(request.url ?? '/', 'http://api.invalid').pathname;
  if (request.method === 'GET' && files.has(path)) return 'tracker';
  if (request.method === 'GET' && path.startsWith('/v1/config/')) return 'config';
  if (request.method === 'POST' && path === '/v1/collect') return 'collect';

  return 'other';
}

function answer(route, request, response, files) {
  if (route === 'tracker') {
    response.writeHead(200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cross-origin-resource-policy': 'cross-origin',
      'cache-control': 'public, max-age=31536000, immutable',
    });
    response.end(files.get(new URL(request.url ?? '/', 'http://api.invalid').pathname));
    return;
  }
  if (route === 'config') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(CONFIG_BODY);
    return;
  }

  // The body is drained so that keep-alive connections stay usable.
  request.resume();
  response.writeHead(route === 'collect' ? 204 : 404);
  response.end();
}

function closeServer(server) {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
