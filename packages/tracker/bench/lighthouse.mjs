/**
 * Lighthouse performance score of a demo product page with and without the storefront script.
 * Shopify's rule: an app may lower a store's score by at most 10 points; our goal is no
 * measurable drop. Run `npm run build` (and `npx tsc -b packages/demo-store`) first.
 *
 *   node bench/lighthouse.mjs [--preset=mobile|desktop]   (BENCH_RUNS=<n>, default 5)
 *
 * Four scenarios, each run BENCH_RUNS times, interleaved so that drift on a shared machine
 * hits all of them: the store without the tracker and with it, each on a first visit (consent
 * banner shown, tracker loaded but inert) and with consent granted (the tracker runs: config
 * fetch, collectors, first scoring). Each run gets a fresh Chromium, so caches are cold.
 */
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, chromiumVersion } from './bench-chromium.mjs';
import { startBenchStorefront } from './bench-storefront.mjs';
import { fixed, median, printTable, signed } from './bench-table.mjs';

const RUNS = Number.parseInt(process.env.BENCH_RUNS ?? '5', 10);
const PRESET = process.argv.find((arg) => arg.startsWith('--preset='))?.slice(9) ?? 'mobile';
const PRODUCT_PATH = '/products/ridgeline-trail-lantern';
const CONSENT_COOKIE = { name: 'demo_consent', value: 'granted' };

const SCENARIOS = [
  { name: 'first visit, without tracker', tracker: false, consent: false },
  { name: 'first visit, with tracker', tracker: true, consent: false },
  { name: 'consent granted, without tracker', tracker: false, consent: true },
  { name: 'consent granted, with tracker', tracker: true, consent: true },
];

const TRACKER_URL = /\/t\/auraflow-(loader|core)\.[0-9a-f]+\.js$/;

// What Lighthouse scores, and what it attributes to the tracker's files.
const METRICS = [
  { label: 'score', read: (lhr) => lhr.categories.performance.score * 100, decimals: 0 },
  { label: 'FCP (ms)', read: (lhr) => audit(lhr, 'first-contentful-paint'), decimals: 0 },
  { label: 'LCP (ms)', read: (lhr) => audit(lhr, 'largest-contentful-paint'), decimals: 0 },
  { label: 'TBT (ms)', read: (lhr) => audit(lhr, 'total-blocking-time'), decimals: 0 },
  { label: 'CLS', read: (lhr) => audit(lhr, 'cumulative-layout-shift'), decimals: 3 },
];
const ATTRIBUTION = [
  { label: 'tracker main-thread time (ms)', read: trackerMainThreadMs, decimals: 0 },
  { label: 'long tasks', read: (lhr) => longTasks(lhr).length, decimals: 0 },
  {
    label: 'long tasks from tracker files',
    read: (lhr) => longTasks(lhr).filter((task) => TRACKER_URL.test(task.url)).length,
    decimals: 0,
  },
];

/**
 * Lighthouse's default config for the preset, with the per-script table ("bootup-time")
 * listing every script: by default it hides those under 50 ms, the tracker among them.
 */
const LIGHTHOUSE_CONFIG = {
  ...(PRESET === 'desktop' ? desktopConfig : { extends: 'lighthouse:default' }),
  audits: [{ path: 'bootup-time', options: { thresholdInMs: 0 } }],
};

function audit(lhr, id) {
  return lhr.audits[id]?.numericValue ?? Number.NaN;
}

/** Main-thread time Lighthouse attributes to the loader and core (simulated CPU on mobile). */
function trackerMainThreadMs(lhr) {
  const items = lhr.audits['bootup-time']?.details?.items ?? [];

  return items
    .filter((item) => TRACKER_URL.test(item.url))
    .reduce((sum, item) => sum + item.total, 0);
}

function longTasks(lhr) {
  return lhr.audits['long-tasks']?.details?.items ?? [];
}

async function main() {
  if (PRESET !== 'mobile' && PRESET !== 'desktop') {
    throw new Error('--preset must be mobile or desktop.');
  }
  const storefront = await startBenchStorefront();
  const results = new Map(SCENARIOS.map((scenario) => [scenario, []]));

  try {
    for (let run = 0; run < RUNS; run += 1) {
      for (const scenario of SCENARIOS) {
        results.get(scenario).push(await measureScenario(storefront, scenario));
      }
      console.error(`round ${run + 1}/${RUNS} done`);
    }
  } finally {
    await storefront.close();
  }
  report(results);
}

/** One Lighthouse run in its own Chromium, after checking what the page really loaded. */
async function measureScenario(storefront, scenario) {
  const origin = scenario.tracker ? storefront.withTrackerUrl : storefront.withoutTrackerUrl;
  const url = `${origin}${PRODUCT_PATH}`;
  const chrome = await launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_FLAGS });

  try {
    if (scenario.consent) await setConsentCookie(chrome.port, url);
    const result = await lighthouse(
      url,
      { port: chrome.port, logLevel: 'error', output: 'json', onlyCategories: ['performance'] },
      LIGHTHOUSE_CONFIG,
    );
    const lhr = result?.lhr;
    if (!lhr || lhr.runtimeError) throw new Error(`Lighthouse failed: ${lhr?.runtimeError?.code}`);
    checkTrackerActivity(lhr, scenario);

    return {
      lhr,
      values: METRICS.map((metric) => metric.read(lhr)),
      attribution: ATTRIBUTION.map((metric) => metric.read(lhr)),
    };
  } finally {
    await chrome.kill();
  }
}

/**
 * Sets the demo store's consent cookie in the browser itself. Lighthouse's `extraHeaders`
 * would only add a request header: the server would hide the banner, but the page's consent
 * interface reads `document.cookie`, so the tracker would stay inert. Lighthouse's storage
 * reset clears caches and service workers, not cookies, so the cookie survives it.
 */
async function setConsentCookie(port, url) {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    await browser.contexts()[0].addCookies([{ ...CONSENT_COOKIE, url }]);
  } finally {
    await browser.close();
  }
}

/**
 * A run only counts when the page did what the scenario says: the loader fetched whenever the
 * tracker is on the page, and the core and the shop config fetched exactly when consent was
 * granted (the loader holds the core back until then).
 */
function checkTrackerActivity(lhr, scenario) {
  const urls = (lhr.audits['network-requests']?.details?.items ?? []).map((item) => item.url);
  const loadedLoader = urls.some((url) => TRACKER_URL.test(url) && url.includes('-loader.'));
  const loadedCore = urls.some((url) => TRACKER_URL.test(url) && url.includes('-core.'));
  const fetchedConfig = urls.some((url) => url.includes('/v1/config/'));
  const running = scenario.tracker && scenario.consent;

  if (loadedLoader !== scenario.tracker || loadedCore !== running || fetchedConfig !== running) {
    throw new Error(
      `"${scenario.name}": loader ${loadedLoader}, core ${loadedCore}, ` +
        `config ${fetchedConfig}; ` +
        'the page did not behave as the scenario requires.',
    );
  }
}

// --- report --------------------------------------------------------------------------------

function report(results) {
  const all = [...results.values()].flat();
  const settings = all[0].lhr.configSettings;
  const benchmarkIndex = median(all.map((run) => run.lhr.environment.benchmarkIndex));

  console.log(`\nLighthouse ${all[0].lhr.lighthouseVersion}, preset ${PRESET}`);
  console.log(`(form factor ${settings.formFactor}, ${settings.throttlingMethod} throttling,`);
  console.log(`CPU ×${settings.throttling.cpuSlowdownMultiplier}), ${chromiumVersion()},`);
  console.log(`page ${PRODUCT_PATH}, ${RUNS} runs per scenario, medians (min … max).`);
  console.log(`Lighthouse benchmarkIndex of this machine (median): ${fixed(benchmarkIndex, 0)}\n`);

  printTable(
    ['scenario', ...METRICS.map((metric) => metric.label)],
    SCENARIOS.map((scenario) => scenarioRow(results.get(scenario), METRICS, 'values', scenario)),
  );
  console.log('');
  printTable(
    ['with tracker − without', ...METRICS.map((metric) => metric.label)],
    [differenceRow('first visit', results, 0, 1), differenceRow('consent granted', results, 2, 3)],
  );
  console.log('');
  printTable(
    ['scenario', ...ATTRIBUTION.map((metric) => metric.label)],
    SCENARIOS.map((scenario) =>
      scenarioRow(results.get(scenario), ATTRIBUTION, 'attribution', scenario),
    ),
  );
  console.log('\nShopify allows a drop of at most 10 points in score.');
}

function scenarioRow(runs, metrics, field, scenario) {
  return [
    scenario.name,
    ...metrics.map((metric, index) => {
      const values = runs.map((run) => run[field][index]);
      const low = fixed(Math.min(...values), metric.decimals);
      const high = fixed(Math.max(...values), metric.decimals);
      return `${fixed(median(values), metric.decimals)} (${low} … ${high})`;
    }),
  ];
}

/** Difference of the medians, since Lighthouse runs are not paired by anything real. */
function differenceRow(label, results, baselineIndex, trackerIndex) {
  const baseline = results.get(SCENARIOS[baselineIndex]);
  const tracker = results.get(SCENARIOS[trackerIndex]);

  return [
    label,
    ...METRICS.map((metric, index) => {
      const medianOf = (runs) => median(runs.map((run) => run.values[index]));
      return signed(medianOf(tracker) - medianOf(baseline), metric.decimals);
    }),
  ];
}

await main();
