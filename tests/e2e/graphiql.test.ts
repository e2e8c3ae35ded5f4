/// <reference lib="dom" />
/**
 * GraphiQL in a real browser with no way out (Debian's Chromium, driven by playwright-core): every
 * request that is not to the test server is blocked and fails the test, as on a machine without
 * internet. On a phone and on a desktop, light and dark, GraphiQL opens on the entity page, its
 * tabs have names, and each tab runs as it is. Screenshots are kept under test-output/graphiql/.
 * Without Chromium the test is skipped loudly, and under CI=true it fails.
 */
import { mkdirSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parse } from 'graphql';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SERVER_OPTIONS } from '../../src/config.js';
import { createServer } from '../../src/http/createServer.js';
import { GRAPHIQL_TABS } from '../../src/http/graphiql.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { MemoryStore } from '../../src/store/memory/memoryStore.js';
import { chromiumFor, keepOnHost, launchChromium, watchForErrors } from '../support/browser.js';
import { rustCase } from '../support/stores.js';

const OUTPUT = join(PROJECT_ROOT, 'test-output', 'graphiql');
const haveChromium = chromiumFor('the GraphiQL browser test');

/** Each tab's name (its operation's), and words its answer shows on screen. */
const TABS = [
  { name: 'EntityPage', shows: 'Alec Baldwin' },
  { name: 'Search', shows: 'New Mexico State Attorney’s Office' },
  { name: 'Timeline', shows: 'November 2021 incident on the Rust set' },
  { name: 'CaseOverview', shows: 'rust-article' },
];

const SCREENS = [
  { label: 'phone', viewport: { width: 390, height: 844 } },
  { label: 'desktop', viewport: { width: 1440, height: 900 } },
] as const;
const SCHEMES = ['light', 'dark'] as const;

/** What the page did that it should not: console errors, uncaught errors, requests off the host. */
interface Trouble {
  consoleErrors: string[];
  pageErrors: string[];
  blocked: string[];
}

describe.runIf(haveChromium)('GraphiQL, offline, in Chromium', () => {
  let http: Server;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    http = createHttpServer(createServer(new MemoryStore(rustCase()), DEFAULT_SERVER_OPTIONS));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    browser = await launchChromium();
    mkdirSync(OUTPUT, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => http?.close(resolve));
  });

  /** A browser context that can reach the test server and nothing else, and a page in it that reports trouble. */
  async function offlinePage(options: Parameters<Browser['newContext']>[0]) {
    const trouble: Trouble = { consoleErrors: [], pageErrors: [], blocked: [] };
    const context: BrowserContext = await browser.newContext(options);
    await keepOnHost(context, origin, (url) => trouble.blocked.push(url));
    const page = await context.newPage();
    watchForErrors(page, (kind, text) => (kind === 'console' ? trouble.consoleErrors : trouble.pageErrors).push(text));
    return { context, page, trouble };
  }

  /** Text on screen, its white space (Monaco's no-break spaces, its wrapped lines) read as one space. */
  const textOf = (page: Page, selector: string) =>
    page.$eval(selector, (element) => (element.textContent ?? '').replace(/\s+/g, ' '));

  const tabNames = (page: Page) =>
    page.$$eval('.graphiql-tab .graphiql-tab-button', (tabs) => tabs.map((tab) => (tab.textContent ?? '').trim()));

  /**
   * Clicks a tab until GraphiQL shows it open. In this headless Chromium the first click on
   * GraphiQL's tabs after the page loads is lost (they are draggable, to reorder them; a click
   * dispatched to the button itself always works): a user would click again, and so does this.
   */
  async function openTab(page: Page, name: string): Promise<void> {
    const tab = page.locator('.graphiql-tab', { has: page.locator(`.graphiql-tab-button[title="${name}"]`) });
    for (let attempt = 0; attempt < 5 && (await tab.getAttribute('aria-selected')) !== 'true'; attempt++) {
      await tab.locator('.graphiql-tab-button').click();
      await page.waitForTimeout(100);
    }
    expect(await tab.getAttribute('aria-selected'), `the ${name} tab opens`).toBe('true');
  }

  async function openGraphiQL(page: Page): Promise<void> {
    await page.goto(`${origin}/graphql`);
    await page.waitForSelector('.graphiql-query-editor .view-lines');
    await page.waitForFunction(() => document.querySelectorAll('.graphiql-tab').length > 0);
  }

  it('names its tabs after their operations, the entity page first', () => {
    const names = GRAPHIQL_TABS.map(({ query }) =>
      parse(query).definitions.map((d) => (d.kind === 'OperationDefinition' ? d.name?.value : undefined)),
    );
    expect(names).toEqual(TABS.map((tab) => [tab.name]));
  });

  for (const screen of SCREENS) {
    for (const colorScheme of SCHEMES) {
      it(`opens on the entity page and runs every tab, on a ${screen.label} in ${colorScheme}`, async () => {
        const { context, page, trouble } = await offlinePage({ viewport: screen.viewport, colorScheme });
        try {
          await openGraphiQL(page);
          expect(await page.title()).toBe('Case graph');
          expect(await tabNames(page)).toEqual(TABS.map((tab) => tab.name));
          // the first tab is open, on the entity page's own text, and runs as it is
          expect(await textOf(page, '.graphiql-query-editor .view-lines')).toContain('query EntityPage');
          for (const tab of TABS) {
            await openTab(page, tab.name);
            await page.waitForFunction(
              (words) =>
                (document.querySelector('.graphiql-query-editor .view-lines')?.textContent ?? '')
                  .replace(/\s+/g, ' ')
                  .includes(words),
              `query ${tab.name}`,
            );
            await page.click('.graphiql-execute-button');
            await page.waitForFunction(
              (words) =>
                (document.querySelector('.graphiql-response')?.textContent ?? '').replace(/\s+/g, ' ').includes(words),
              tab.shows,
            );
            const response = await textOf(page, '.graphiql-response');
            expect(response).not.toContain('"errors"');
            await page.screenshot({
              path: join(OUTPUT, `${screen.viewport.width}x${screen.viewport.height}-${colorScheme}-${tab.name}.png`),
            });
          }
          expect(trouble).toEqual({ consoleErrors: [], pageErrors: [], blocked: [] });
        } finally {
          await context.close();
        }
      });
    }
  }

  it('opens on the entity page even where an earlier page left a welcome tab in localStorage', async () => {
    const { context, page, trouble } = await offlinePage({ viewport: { width: 1440, height: 900 } });
    try {
      await openGraphiQL(page);
      // what GraphiQL kept from the page as it was: one untitled tab of comments
      await page.evaluate(() => {
        localStorage.clear();
        localStorage.setItem(
          'graphiql:tabState',
          JSON.stringify({
            activeTabIndex: 0,
            tabs: [
              {
                id: 'old',
                title: '<untitled>',
                query: '#\n# Welcome to Case graph\n#\n',
                variables: null,
                headers: null,
                operationName: null,
                response: null,
              },
            ],
          }),
        );
        localStorage.setItem('graphiql:query', '#\n# Welcome to Case graph\n#\n');
      });
      await page.reload();
      await page.waitForSelector('.graphiql-query-editor .view-lines');
      expect(await tabNames(page)).toEqual(TABS.map((tab) => tab.name));
      expect(await textOf(page, '.graphiql-query-editor .view-lines')).toContain('query EntityPage');
      // tabs kept under the same defaults stay as they are: a reload opens no new ones
      await openTab(page, 'Timeline');
      await page.waitForTimeout(700); // GraphiQL stores its tabs half a second after a change
      await page.reload();
      await page.waitForSelector('.graphiql-query-editor .view-lines');
      expect(await tabNames(page)).toEqual(TABS.map((tab) => tab.name));
      expect(await textOf(page, '.graphiql-query-editor .view-lines')).toContain('query Timeline');
      expect(trouble).toEqual({ consoleErrors: [], pageErrors: [], blocked: [] });
    } finally {
      await context.close();
    }
  });
});
