/// <reference lib="dom" />
/**
 * The explorer in a real browser (Debian's Chromium, driven by playwright-core): search "Baldwin",
 * expand him, and his lawyers appear; then connect two entities. A screenshot is kept under
 * test-output/explorer/. Without Chromium the test is skipped loudly, and under CI=true it fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Core } from 'cytoscape';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';
import { DEFAULT_SERVER_OPTIONS } from '../../src/config.js';
import { createServer } from '../../src/http/createServer.js';
import { MemoryStore } from '../../src/store/memory/memoryStore.js';
import { rustCase } from '../support/stores.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUTPUT = join(PROJECT_ROOT, 'test-output', 'explorer');
const haveChromium = existsSync(CHROMIUM);

declare global {
  /** The page's window: web/src/main.ts leaves the explorer's Cytoscape instance on it, for tests like these. */
  interface Window {
    explorer: { cy: Core };
  }
}

if (!haveChromium) {
  if (process.env.CI === 'true') throw new Error(`CI=true but there is no Chromium at ${CHROMIUM}`);
  console.warn(
    `\n!!! THE BROWSER TEST IS SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH) !!!\n`,
  );
}

describe.runIf(haveChromium)('the explorer, in Chromium', () => {
  let http: Server;
  let browser: Browser;
  let page: Page;
  let url: string;

  beforeAll(async () => {
    const build = spawnSync('npm', ['run', 'build:web', '--silent'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    http = createHttpServer(
      createServer(new MemoryStore(rustCase()), { ...DEFAULT_SERVER_OPTIONS, editorTokens: ['alice:explorer-editor'] }),
    );
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    mkdirSync(OUTPUT, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => http?.close(resolve));
  });

  const inView = () => page.textContent('#in-view');
  const drawn = () =>
    page.evaluate(() =>
      window.explorer.cy
        .nodes()
        .map((n) => n.data('name') as string)
        .sort(),
    );

  async function pick(text: string, name: string): Promise<void> {
    await page.fill('#search', text);
    await page.click(`#search-results button:has-text("${name}")`);
    await page.waitForSelector(`#details h2:has-text("${name}")`);
  }

  it('finds Baldwin, expands him, and shows his lawyers', async () => {
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.title()).toBe('Case graph explorer');

    await pick('Baldwin', 'Alec Baldwin');
    expect(await drawn()).toEqual(['Alec Baldwin']);
    expect(await page.textContent('#source-text mark.selected')).toBe('Alec Baldwin has been cleared of charges');

    await page.click('#expand');
    await page.waitForFunction(() => document.querySelector('#in-view')?.textContent?.includes('Lewten Nikas'));
    expect(await inView()).toContain('Alex Spiro');
    expect(await drawn()).toEqual(expect.arrayContaining(['Alec Baldwin', 'Lewten Nikas', 'Alex Spiro']));
    expect(await page.textContent('#details')).toContain('“Lewten Nikas and Alex Spiro, who represent Baldwin”');
    await page.screenshot({ path: join(OUTPUT, 'alec-baldwin-expanded.png') });
  });

  it('finds how Alex Spiro connects to Montana, and lists the timeline', async () => {
    await pick('Spiro', 'Alex Spiro');
    await page.click('#details button:has-text("Path from here")');
    await pick('montana', 'Montana');
    await page.click('#details button:has-text("Path to here")');
    await page.click('#find-path');
    await page.waitForSelector('#path-result:has-text("step")');
    expect(await page.textContent('#path-result')).toBe('3 step(s): Alex Spiro → Alec Baldwin → Rust → Montana');
    const timeline = await page.$$eval('#timeline button', (buttons) => buttons.map((b) => b.textContent));
    expect(timeline[0]).toBe('2021-11November 2021 incident on the Rust set');
    expect(timeline).toHaveLength(7);
    await page.screenshot({ path: join(OUTPUT, 'path-spiro-to-montana.png') });
  });

  it("draws the whole case within the server's default limits", async () => {
    await page.click('#whole-case');
    await page.waitForFunction(() => window.explorer.cy.nodes().length === 18);
    expect(await page.evaluate(() => window.explorer.cy.edges().length)).toBe(29);
    await page.screenshot({ path: join(OUTPUT, 'whole-case.png') });
  });

  it('shows an editor’s new claim on the open view without a reload', async () => {
    await pick('Baldwin', 'Alec Baldwin');
    const article = rustCase().sources[0]!.text;
    const quote = 'Lewten Nikas and Alex Spiro, who represent Baldwin';
    const start = article.indexOf(quote);
    const write = (query: string) =>
      fetch(`${url}graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer explorer-editor' },
        body: JSON.stringify({ query }),
      }).then((r) => r.json() as Promise<{ errors?: unknown }>);
    const span = `{ source: "rust-article", start: ${start}, end: ${start + quote.length}, quote: ${JSON.stringify(quote)} }`;
    const mention = `{ source: "rust-article", start: ${start}, end: ${start + 'Lewten Nikas and Alex Spiro'.length}, quote: "Lewten Nikas and Alex Spiro" }`;
    expect(
      await write(`mutation { upsertEntity(input: { key: "the-lawyers", kind: PERSON, name: "The lawyers",
        mention: ${mention} }) { entity { key } } }`),
    ).not.toHaveProperty('errors');
    expect(
      await write(`mutation { assertRelationship(input: { type: REPRESENTS, from: "the-lawyers", to: "alec-baldwin",
        role: "lawyers", evidence: [${span}] }) { relationship { key } } }`),
    ).not.toHaveProperty('errors');
    await page.waitForSelector('body[data-last-change="2"]');
    await page.waitForFunction(() => document.querySelector('#details')?.textContent?.includes('The lawyers'));
    expect(await drawn()).toContain('The lawyers');
    expect(await page.textContent('#status')).toContain('by alice');
  });
});
