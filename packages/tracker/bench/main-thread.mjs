/**
 * Main-thread cost of the storefront script per shopper event, in Chromium with the CPU
 * throttled 4× (Lighthouse's mobile setting). Run `npm run build` (and
 * `npx tsc -b packages/demo-store`) first; `BENCH_RUNS=<n>` sets the number of runs (default 5).
 *
 * Each run drives the same scripted visit twice, in a fresh browser context each time: once on
 * the demo store with the tracker (consent granted on the home page), once on the same store
 * without it, the baseline. The order alternates between runs so that drift on a shared
 * machine hits both sides. A visit loads a collection page and a product page; on each it
 * measures the load (navigation until 2 s after the tracker is running) and a journey of
 * scripted actions (scrolling, price filter, sort, variant, reviews in view, add to cart):
 *
 * - CDP `Performance.getMetrics` ScriptDuration and TaskDuration (wall time of the throttled
 *   main thread, harness and page included; only the difference is the tracker's);
 * - long tasks from a buffered `PerformanceObserver`;
 * - a CPU profile (CDP `Profiler`): time of samples whose stack has a frame from the tracker's
 *   files, and the longest unbroken stretch of such samples. This is the attribution.
 *
 * Figures are medians over the runs; differences and ratios are medians of per-run pairs.
 */
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, chromiumVersion } from './bench-chromium.mjs';
import { startBenchStorefront } from './bench-storefront.mjs';
import { fixed, median, printTable, signed } from './bench-table.mjs';

const RUNS = Number.parseInt(process.env.BENCH_RUNS ?? '5', 10);
const CPU_SLOWDOWN = 4;
// After load: the core's start, the config fetch and the first idle-time scoring.
const SETTLE_MS = 2_000;
// After the last action: idle-time counting and the send 2 s after a meaningful change.
const TRAILING_MS = 3_000;
// Between scripted actions, so that each is its own burst of events as a shopper's would be.
const PAUSE_MS = 300;
// The tracker counts reviews as read after 2 s in the middle of the viewport.
const REVIEW_DWELL_MS = 2_500;
const SCROLL_STEP_PX = 300;
// 100 µs sampling would disturb the page more; 200 µs resolves 1 ms of throttled work.
const SAMPLING_INTERVAL_US = 200;
const TRACKER_URL = /\/t\/auraflow-(loader|core)\.[0-9a-f]+\.js$/;

const COLLECTION_PATH = '/collections/outdoor';
const PRODUCT_PATH = '/products/ridgeline-trail-lantern';

const PAGES = [
  { name: 'collection', path: COLLECTION_PATH, journey: collectionJourney },
  { name: 'product', path: PRODUCT_PATH, journey: productJourney },
];

/**
 * Installed in every document before its scripts. Records long tasks and the events the
 * tracker listens to, and keeps the journey on one document: the store submits forms for sort
 * and add-to-cart, and a navigation would reset the metrics mid-journey. The tracker's own
 * capture listeners still see every event; only the navigation is cancelled.
 */
function pageProbe(eventTypes) {
  const probe = { longTasks: [], events: 0 };
  Object.defineProperty(window, '__benchProbe', { value: probe });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      probe.longTasks.push({ startTime: entry.startTime, duration: entry.duration });
    }
  }).observe({ type: 'longtask', buffered: true });
  for (const type of eventTypes) {
    window.addEventListener(type, () => probe.events++, { capture: true, passive: true });
  }
  HTMLFormElement.prototype.submit = () => {};
  window.addEventListener('submit', (event) => event.preventDefault());
}

// The events the tracker listens to (src/tracker.ts), besides visibility and pagehide.
const TRACKED_EVENT_TYPES = [
  'pointerdown',
  'pointermove',
  'keydown',
  'scroll',
  'click',
  'change',
  'submit',
];

async function main() {
  const storefront = await startBenchStorefront();
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_FLAGS.filter((flag) => flag !== '--headless'),
  });

  try {
    // The first visits in a new browser pay for process start-up, fonts and cold code caches;
    // one discarded run keeps that out of both sides.
    await measureRun(browser, storefront, 0);
    console.error('warm-up run done');
    const runs = [];
    for (let run = 0; run < RUNS; run += 1) {
      runs.push(await measureRun(browser, storefront, run));
      console.error(`run ${run + 1}/${RUNS} done`);
    }
    report(runs, storefront);
  } finally {
    await browser.close();
    await storefront.close();
  }
}

async function measureRun(browser, storefront, run) {
  const order = run % 2 === 0 ? ['without', 'with'] : ['with', 'without'];
  const visits = {};
  for (const variant of order) {
    const origin = variant === 'with' ? storefront.withTrackerUrl : storefront.withoutTrackerUrl;
    visits[variant] = await measureVisit(browser, origin, variant === 'with');
  }

  return visits;
}

/** One shopper's visit in a fresh context: consent on the home page, then each page. */
async function measureVisit(browser, origin, withTracker) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript(pageProbe, TRACKED_EVENT_TYPES);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await cdp.send('Performance.enable');
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
    await grantConsent(page, origin, withTracker);

    const phases = {};
    for (const target of PAGES) {
      Object.assign(phases, await measurePage(page, cdp, origin, target, withTracker));
    }
    return phases;
  } finally {
    await context.close();
  }
}

/** Both variants click the banner, so the baseline does the same work apart from the tracker. */
async function grantConsent(page, origin, withTracker) {
  await page.goto(`${origin}/`);
  await page.click('[data-consent-choice="granted"]');
  if (withTracker) await waitForTracker(page);
}

async function waitForTracker(page) {
  // Polls on a timer rather than every frame, to stay off the measured main thread.
  await page.waitForFunction(() => window.auraflow !== undefined, null, { polling: 100 });
}

/** The page's load, then its journey, each with its own metrics and profile. */
async function measurePage(page, cdp, origin, target, withTracker) {
  // Same-origin navigation keeps the renderer, so the profile spans the whole load.
  await cdp.send('Profiler.start');
  await page.goto(`${origin}${target.path}`);
  if (withTracker) await waitForTracker(page);
  await page.waitForTimeout(SETTLE_MS);
  const load = await collectPhase(page, cdp, { metrics: zeroMetrics(), sinceMs: 0, events: 0 });

  const start = await phaseStart(page, cdp);
  const actions = await target.journey(page);
  await page.waitForTimeout(TRAILING_MS);
  const journey = await collectPhase(page, cdp, start);

  return {
    [`${target.name} load`]: load,
    [`${target.name} journey`]: { ...journey, actions },
  };
}

async function phaseStart(page, cdp) {
  const probe = await page.evaluate(() => ({
    nowMs: performance.now(),
    events: window.__benchProbe.events,
  }));
  const metrics = await readMetrics(cdp);
  await cdp.send('Profiler.start');

  return { metrics, sinceMs: probe.nowMs, events: probe.events };
}

/** Stops the profiler and sums up everything since `start`. */
async function collectPhase(page, cdp, start) {
  const { profile } = await cdp.send('Profiler.stop');
  const metrics = await readMetrics(cdp);
  const probe = await page.evaluate(() => window.__benchProbe);
  const longTasks = probe.longTasks.filter((task) => task.startTime >= start.sinceMs);

  return {
    scriptMs: metrics.scriptMs - start.metrics.scriptMs,
    taskMs: metrics.taskMs - start.metrics.taskMs,
    longTaskCount: longTasks.length,
    longTaskMs: longTasks.reduce((sum, task) => sum + task.duration, 0),
    events: probe.events - start.events,
    ...trackerTime(profile),
  };
}

function zeroMetrics() {
  return { scriptMs: 0, taskMs: 0 };
}

async function readMetrics(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const seconds = (name) => metrics.find((metric) => metric.name === name)?.value ?? 0;

  return { scriptMs: seconds('ScriptDuration') * 1000, taskMs: seconds('TaskDuration') * 1000 };
}

// --- journeys: each returns the number of shopper actions it performed -------------------

async function collectionJourney(page) {
  await page.mouse.move(640, 400);
  const scrolls = await scrollSteps(page, 4, SCROLL_STEP_PX);
  await page.fill('#price-min', '20');
  await page.press('#price-min', 'Tab');
  await page.fill('#price-max', '60');
  await page.press('#price-max', 'Tab');
  await page.selectOption('#sort-by', 'price-ascending');
  await page.waitForTimeout(PAUSE_MS);
  const back = await scrollSteps(page, 2, -SCROLL_STEP_PX);

  // Two filter entries (typing, then leaving the field) and one sort change.
  return scrolls + 3 + back;
}

async function productJourney(page) {
  await page.mouse.move(640, 400);
  const scrolls = await scrollSteps(page, 3, SCROLL_STEP_PX);
  await page.locator('[data-af-reviews]').scrollIntoViewIfNeeded();
  await page.waitForTimeout(REVIEW_DWELL_MS);
  await page.locator('[data-af-variant]').nth(1).check();
  await page.waitForTimeout(PAUSE_MS);
  await page.click('[data-af-add-to-cart]');
  await page.waitForTimeout(PAUSE_MS);

  // Scrolling the reviews into view, a variant change and the add-to-cart click.
  return scrolls + 3;
}

async function scrollSteps(page, count, deltaPx) {
  for (let step = 0; step < count; step += 1) {
    await page.mouse.wheel(0, deltaPx);
    await page.waitForTimeout(PAUSE_MS);
  }

  return count;
}

// --- attribution ---------------------------------------------------------------------------

/**
 * Time of the samples taken while a tracker function was on the stack (its own code and what
 * it called: DOM, storage, JSON), the part of it in tracker frames themselves, and the longest
 * run of consecutive such samples, an upper bound for the longest tracker task.
 */
function trackerTime(profile) {
  const inside = insideTrackerLookup(profile.nodes);
  const ownFrame = new Set(
    profile.nodes.filter((node) => TRACKER_URL.test(node.callFrame.url)).map((node) => node.id),
  );
  const totals = { trackerMs: 0, trackerSelfMs: 0, trackerLongestMs: 0 };
  let stretchMs = 0;

  profile.samples.forEach((nodeId, index) => {
    // A sample stands for the time until the next one.
    const sampleMs = (profile.timeDeltas[index + 1] ?? 0) / 1000;
    if (!inside(nodeId)) {
      stretchMs = 0;
      return;
    }
    totals.trackerMs += sampleMs;
    if (ownFrame.has(nodeId)) totals.trackerSelfMs += sampleMs;
    stretchMs += sampleMs;
    totals.trackerLongestMs = Math.max(totals.trackerLongestMs, stretchMs);
  });

  return totals;
}

/** Whether a profile node is a tracker frame or has one among its callers (memoised). */
function insideTrackerLookup(nodes) {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const parentOf = new Map();
  for (const node of nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const known = new Map();

  const inside = (id) => {
    if (known.has(id)) return known.get(id);
    const node = byId.get(id);
    const parent = parentOf.get(id);
    const result =
      (node !== undefined && TRACKER_URL.test(node.callFrame.url)) ||
      (parent !== undefined && inside(parent));
    known.set(id, result);
    return result;
  };
  return inside;
}

// --- report --------------------------------------------------------------------------------

const METRICS = [
  { key: 'scriptMs', label: 'script time (ms)' },
  { key: 'taskMs', label: 'task time (ms)' },
  // Ratios of long tasks are meaningless while both sides are mostly zero.
  { key: 'longTaskCount', label: 'long tasks', decimals: 0, noRatio: true },
  { key: 'longTaskMs', label: 'long tasks (ms)', noRatio: true },
  { key: 'trackerMs', label: 'in tracker, profile (ms)', decimals: 2, noRatio: true },
  { key: 'trackerSelfMs', label: '  of which tracker frames (ms)', decimals: 2, noRatio: true },
  { key: 'trackerLongestMs', label: 'longest tracker stretch (ms)', decimals: 2, noRatio: true },
];

function report(runs, storefront) {
  const phases = Object.keys(runs[0].with);
  const journeys = phases.filter((phase) => phase.endsWith('journey'));
  for (const run of runs) for (const visit of Object.values(run)) addJourneyTotal(visit, journeys);

  console.log(`\n${chromiumVersion()}, CPU throttled ${CPU_SLOWDOWN}×, ${runs.length} runs,`);
  console.log(`pages ${COLLECTION_PATH} and ${PRODUCT_PATH}, viewport 1280×800.`);
  console.log('Medians; "with − without" and "ratio" are medians of per-run pairs.');
  for (const phase of [...phases, 'journey total']) printPhase(runs, phase);
  printPerEvent(runs, 'journey total');
  printSanity(runs, storefront);
}

/** Sums both pages' journeys into a 'journey total' phase. */
function addJourneyTotal(visit, journeys) {
  const total = {};
  for (const key of [...METRICS.map((metric) => metric.key), 'actions', 'events']) {
    total[key] = journeys.reduce((sum, phase) => sum + (visit[phase][key] ?? 0), 0);
  }
  total.trackerLongestMs = Math.max(...journeys.map((phase) => visit[phase].trackerLongestMs));
  visit['journey total'] = total;
}

function printPhase(runs, phase) {
  const first = runs[0].with[phase];
  const counts =
    first.actions === undefined
      ? ''
      : `: ${first.actions} actions, ~${median(runs.map((run) => run.with[phase].events))} events`;
  console.log(`\n### ${phase}${counts}\n`);
  printTable(
    ['metric', 'without', 'with', 'with − without', 'min … max diff', 'ratio'],
    METRICS.map((metric) => comparisonRow(runs, phase, metric)),
  );
}

function comparisonRow(runs, phase, metric) {
  const decimals = metric.decimals ?? 1;
  const values = (variant) => runs.map((run) => run[variant][phase][metric.key]);
  const differences = runs.map(
    (run) => run.with[phase][metric.key] - run.without[phase][metric.key],
  );
  const ratios = runs.map((run) => run.with[phase][metric.key] / run.without[phase][metric.key]);

  return [
    metric.label,
    fixed(median(values('without')), decimals),
    fixed(median(values('with')), decimals),
    signed(median(differences), decimals),
    `${signed(Math.min(...differences), decimals)} … ${signed(Math.max(...differences), decimals)}`,
    metric.noRatio ? '–' : `${fixed(median(ratios), 2)}×`,
  ];
}

/** The headline: tracker cost per shopper action and per handled event. */
function printPerEvent(runs, phase) {
  const perRun = (divisorKey) =>
    runs.map((run) => {
      const divisor = run.with[phase][divisorKey];
      return {
        script: (run.with[phase].scriptMs - run.without[phase].scriptMs) / divisor,
        task: (run.with[phase].taskMs - run.without[phase].taskMs) / divisor,
        profile: run.with[phase].trackerMs / divisor,
      };
    });
  const row = (label, divisorKey, scale, decimals) => {
    const items = perRun(divisorKey);
    return [
      label,
      ...['script', 'task', 'profile'].map((key) =>
        signed(median(items.map((item) => item[key] * scale)), decimals),
      ),
    ];
  };

  console.log('\n### Tracker cost per event, both journeys\n');
  printTable(
    ['per', 'script time diff', 'task time diff', 'in tracker (profile)'],
    [row('shopper action (ms)', 'actions', 1, 2), row('tracked DOM event (µs)', 'events', 1000, 0)],
  );
}

/** Shows that the tracker really ran in the "with" visits: files, config and scores. */
function printSanity(runs, storefront) {
  const requests = storefront.apiRequests;
  console.log(
    `\nAPI requests, warm-up included: ${requests.tracker} tracker files, ${requests.config} ` +
      `config, ${requests.collect} collect, ${requests.other} other, from ${runs.length + 1} ` +
      'visits with the tracker (visits without it request nothing).',
  );

  // Same-origin navigations kept the renderer, so every profile should have caught the tracker.
  const phases = runs.flatMap((run) =>
    Object.entries(run.with).flatMap(([name, phase]) => (name === 'journey total' ? [] : [phase])),
  );
  const seen = phases.filter((phase) => phase.trackerMs > 0).length;
  console.log(`The profiles saw tracker code in ${seen} of ${phases.length} measured phases.`);
}

// Last, so that every module-level constant above is initialised when it runs.
await main();
