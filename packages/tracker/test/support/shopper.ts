import type { Page } from 'playwright-core';
import { waitForScores } from './browser.js';

/**
 * Scripted shopping on the fixture store. The page's clock is Playwright's fake clock, so a
 * minute of reading takes milliseconds; the shopper keeps moving the mouse while "reading",
 * because the tracker stops counting active time after 30 s without input.
 */
export class Shopper {
  constructor(
    readonly page: Page,
    private readonly shopOrigin: string,
  ) {}

  /** Call before the first visit: from then on `dwell` fast-forwards the page's time. */
  async installClock(): Promise<void> {
    await this.page.clock.install();
  }

  async visit(path: string): Promise<void> {
    await this.page.goto(`${this.shopOrigin}${path}`);
  }

  /** Clicks a link or submit button and waits for the tracker on the next page. */
  async follow(selector: string): Promise<void> {
    await Promise.all([this.page.waitForEvent('load'), this.page.click(selector)]);
    await waitForScores(this.page);
  }

  async back(): Promise<void> {
    await this.page.goBack();
    await waitForScores(this.page);
  }

  /** Stays on the page for `seconds` of (fake) time, moving the mouse every 10 s. */
  async dwell(seconds: number): Promise<void> {
    for (let elapsed = 0; elapsed < seconds; elapsed += 10) {
      await this.page.mouse.move(100 + (elapsed % 200), 200 + (elapsed % 100));
      await this.page.clock.fastForward(Math.min(10, seconds - elapsed) * 1000);
    }
    await this.settle();
  }

  /** Scrolls in steps to `fraction` of the page height. */
  async scrollTo(fraction: number): Promise<void> {
    await this.page.evaluate((target) => {
      const bottom = document.documentElement.scrollHeight * target - window.innerHeight;
      window.scrollTo(0, Math.max(0, bottom));
    }, fraction);
    await this.settle();
  }

  /** Brings the reviews into view and keeps them there past the 2 s reading threshold. */
  async readReviews(seconds: number): Promise<void> {
    await this.page.locator('#reviews').scrollIntoViewIfNeeded();
    await this.page.evaluate(() => {
      document.getElementById('reviews')?.scrollIntoView({ block: 'center' });
    });
    // IntersectionObserver reports asynchronously, in real time.
    await this.page.waitForTimeout(300);
    await this.dwell(seconds);
  }

  async choose(selector: string, value: string): Promise<void> {
    await this.page.selectOption(selector, value);
    await this.settle();
  }

  /** Types a value into a field and leaves it, which commits it (a `change` event). */
  async enter(selector: string, value: string): Promise<void> {
    await this.page.fill(selector, value);
    await this.page.press(selector, 'Tab');
    await this.settle();
  }

  async click(selector: string): Promise<void> {
    await this.page.click(selector);
    await this.settle();
  }

  /** Gives the tracker's idle-time processing a moment of real time to run. */
  async settle(): Promise<void> {
    await this.page.waitForTimeout(150);
  }
}
