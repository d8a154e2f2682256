import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's Chromium, as in the tracker's browser tests (see the README). */
const CHROMIUM_PATH = '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH });
}

/** Collects the console messages in which Chromium reports a blocked resource under the CSP. */
export function watchCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text());
  });

  return violations;
}

/** Records the `detail` of every consent event the page dispatches, in `window.consentEvents`. */
export async function recordConsentEvents(page: Page): Promise<void> {
  await page.evaluate(() => {
    const events: unknown[] = [];
    Object.defineProperty(window, 'consentEvents', { value: events });
    document.addEventListener('visitorConsentCollected', (event) => {
      events.push(event instanceof CustomEvent ? event.detail : null);
    });
  });
}

export function consentEvents(page: Page): Promise<unknown> {
  return page.evaluate(() => Reflect.get(window, 'consentEvents'));
}

export function analyticsAllowed(page: Page): Promise<unknown> {
  return page.evaluate(() => window.auraflowConsent?.analyticsAllowed?.());
}

/**
 * Puts a stand-in for the tracker's public API on the page, as the tracker core would once
 * consent is given, and announces it with the tracker's ready event.
 */
export async function exposeStandInApi(page: Page): Promise<void> {
  await page.evaluate(() => {
    const probabilities = { deal_seeker: 0.25, researcher: 0.6, explorer: 0.15 };
    Object.defineProperty(window, 'auraflow', {
      configurable: true,
      value: {
        archetype: () => 'researcher',
        probabilities: () => probabilities,
        confidence: () => 0.42,
        onChange: () => () => {},
      },
    });
    document.dispatchEvent(new Event('auraflow:ready'));
  });
}

declare global {
  interface Window {
    auraflowConsent?: { analyticsAllowed?: () => unknown };
  }
}
