import type { ArchetypeId } from '@auraflow/taxonomy';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DashboardServer, startDashboardServer } from './support/dashboard-server.js';
import { expectHeading } from './support/dashboard-steps.js';
import { type SeededVisitor, seedVisitors } from './support/seed-visitors.js';
import { createVerifiedAccount, signInByEmailCode } from './support/test-accounts.js';
import {
  launchChromium,
  newDevice,
  openPage,
  screenshot,
  type WatchedPage,
} from './support/test-browser.js';

/**
 * The overview: an empty state before any visitor, then, once visitors' states are stored, the
 * archetype mix as a chart with its legend and table, per day and per hour.
 */
const OWNER = {
  email: 'owner@harbour-goods.test',
  password: 'tidal harbour lanterns at dusk',
  shopName: 'Harbour Goods',
};
const HOUR_MS = 3_600_000;

let dashboard: DashboardServer;
let browser: Browser;
let watched: WatchedPage;
let page: Page;

beforeAll(async () => {
  dashboard = await startDashboardServer();
  browser = await launchChromium();
  watched = await openPage(await newDevice(browser, { country: 'GB', region: 'SCT' }));
  page = watched.page;
  await createVerifiedAccount(page, dashboard, OWNER);
  await signInByEmailCode(page, dashboard, OWNER);
});
afterAll(async () => {
  await browser?.close();
  await dashboard?.close();
});

/**
 * Visitors over the last five days (inside "Last 7 days" in any time zone), researchers leading:
 * day d, archetype i gets (d + i) % 3 + 1 visitors, researchers 4 more.
 */
function visitorsOverFiveDays(now: number): SeededVisitor[] {
  const archetypes: ArchetypeId[] = [
    'deal_seeker',
    'researcher',
    'impulse_buyer',
    'social_proof_seeker',
    'loyalist',
    'explorer',
    'overwhelmed',
  ];
  return [0, 1, 2, 3, 4].flatMap((day) =>
    archetypes.flatMap((archetype, index) => {
      const count = ((day + index) % 3) + 1 + (archetype === 'researcher' ? 4 : 0);
      const at = new Date(now - day * 24 * HOUR_MS - (index % 3) * HOUR_MS - 5 * 60_000);
      return Array.from({ length: count }, () => ({ archetype, at }));
    }),
  );
}

async function shopIdOfSession(): Promise<string> {
  const shopId = await page.evaluate(async () => {
    const body: unknown = await (await fetch('/v1/auth/session')).json();
    const shops = typeof body === 'object' && body !== null ? Reflect.get(body, 'shops') : null;
    const first: unknown = Array.isArray(shops) ? shops[0] : null;
    return typeof first === 'object' && first !== null ? Reflect.get(first, 'shopId') : null;
  });
  if (typeof shopId !== 'string') throw new Error('the owner has no shop');

  return shopId;
}

describe('the overview', () => {
  it('shows an empty state before any visitor', async () => {
    await expectHeading(page, 'Archetype mix of Harbour Goods');
    await page.getByRole('heading', { name: 'No visitors yet' }).waitFor();
    expect(await page.getByRole('img', { name: /Archetype mix of visitors/ }).count()).toBe(0);
    await screenshot(page, 'overview-empty');
  });

  it('draws the mix per day once visitors are stored', async () => {
    const visitors = visitorsOverFiveDays(Date.now());
    await seedVisitors(dashboard.server.database, await shopIdOfSession(), visitors);
    await page.reload();

    const chart = page.getByRole('img', { name: /Archetype mix of visitors per day/ });
    await chart.waitFor();
    expect(await chart.locator('rect.chart-segment').count()).toBe(5 * 7);
    const visitorsStat = page.getByRole('definition').first();
    expect(await visitorsStat.textContent()).toBe(String(visitors.length));
    const researchers = visitors.filter((visitor) => visitor.archetype === 'researcher').length;
    const legend = page.getByRole('list', { name: 'Visitors by archetype over the period' });
    const researcherItem = legend.getByRole('listitem').filter({ hasText: 'Researcher' });
    expect(await researcherItem.textContent()).toContain(`${researchers} ·`);
    await page.getByText('Most common archetype', { exact: true }).waitFor();
    await screenshot(page, 'overview-chart');
  });

  it('offers the numbers as a table and an hourly view', async () => {
    await page.getByText('Show the numbers as a table').click();
    const rows = page.getByRole('table').getByRole('row');
    await expect.poll(() => rows.count()).toBe(1 + 5);

    await page.getByRole('combobox', { name: 'Period' }).selectOption('24h');
    await page.getByRole('img', { name: /Archetype mix of visitors per hour/ }).waitFor();
    await screenshot(page, 'overview-24-hours');
  });

  it('ran without a CSP violation or a page error', () => {
    expect(watched.problems).toEqual([]);
  });
});
