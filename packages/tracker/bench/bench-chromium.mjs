/**
 * How the browser benchmarks launch Chromium: Debian's build, headless, with the project's
 * flags for Chromium in tests (a fresh user-data dir comes from each launcher).
 */
import { execFileSync } from 'node:child_process';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // A driven Chromium reports navigator.webdriver, and the loader then stays inert by design
  // (crawlers are not shoppers). The benchmarks must run what a shopper's browser runs, with
  // the snippet exactly as shipped, so the browser hides the flag instead.
  '--disable-blink-features=AutomationControlled',
];

/** E.g. "Chromium 156.0.8078.114"; Debian's wrapper script may add noise on stderr. */
export function chromiumVersion() {
  const output = execFileSync(CHROMIUM_PATH, ['--version'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });

  return output.replace(/ built on .*/s, '').trim();
}
