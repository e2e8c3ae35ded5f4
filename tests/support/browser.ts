/**
 * What the browser tests share: Debian's Chromium driven by playwright-core, skipped loudly where
 * there is none (and failing under CI=true), and pages that may reach the test server only and
 * report every error they meet.
 */
import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Whether `what` (a browser test) can run here; without Chromium it says so loudly, and under CI=true fails. */
export function chromiumFor(what: string): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true') throw new Error(`CI=true but there is no Chromium at ${CHROMIUM}`);
  console.warn(
    `\n!!! ${what.toUpperCase()} IS SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH) !!!\n`,
  );
  return false;
}

const HEADLESS = [
  '--headless',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/**
 * Chromium, headless. `softwareWebGL`: WebGL 2 drawn by SwiftShader, what a machine without a GPU
 * gets (the explorer's scale figures assume it); otherwise without a GPU.
 */
export function launchChromium(options: { softwareWebGL?: boolean } = {}): Promise<Browser> {
  const gpu = options.softwareWebGL ? ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'] : ['--disable-gpu'];
  return chromium.launch({ executablePath: CHROMIUM, args: [...HEADLESS, ...gpu] });
}

/** Lets `target` reach `origin` and nothing else: every other request is aborted and handed to `blocked`. */
export async function keepOnHost(
  target: BrowserContext | Page,
  origin: string,
  blocked: (url: string) => void,
): Promise<void> {
  await target.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`)) return route.continue();
    blocked(url);
    return route.abort('blockedbyclient');
  });
}

/** Hands `page`'s console errors and uncaught errors to `report`. */
export function watchForErrors(page: Page, report: (kind: 'console' | 'page', text: string) => void): void {
  page.on('console', (message) => {
    if (message.type() === 'error') report('console', message.text());
  });
  page.on('pageerror', (error) => report('page', error.message));
}
