/// <reference lib="dom" />
/**
 * The explorer in a real browser (Debian's Chromium, driven by playwright-core), as a new user
 * meets it: it opens on the case, readable; search, select, expand, find a path, filter, share the
 * link and reload to the same view; export a PNG; read the timeline in causal order; see errors on
 * the page; and on cases of 2,000 and 10,000 entities, open on the most connected and meet hubs as
 * groups. On phones (390×844) and wide screens (1440×900), light and dark. Every request that is
 * not to the test server is blocked, and any console error or page error fails the test.
 * Screenshots go to test-output/explorer/. Without Chromium the test is skipped loudly, and under
 * CI=true it fails.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { syntheticCase } from '../../scripts/bench/synthetic.js';
import { DEFAULT_SERVER_OPTIONS, type ServerOptions } from '../../src/config.js';
import type { CaseGraph } from '../../src/domain/model.js';
import { createServer } from '../../src/http/createServer.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { MemoryStore } from '../../src/store/memory/memoryStore.js';
import type { GraphView } from '../../web/src/graphTypes.js';
import { chromiumFor, keepOnHost, launchChromium, watchForErrors } from '../support/browser.js';
import { rustCase } from '../support/stores.js';

const OUTPUT = join(PROJECT_ROOT, 'test-output', 'explorer');
const haveChromium = chromiumFor('the explorer browser test');

declare global {
  /** The page's window: web/src/main.ts leaves the explorer's drawing on it, for tests like these. */
  interface Window {
    explorer: { view: GraphView };
  }
}

const PHONE = { width: 390, height: 844 };
const WIDE = { width: 1440, height: 900 };
type Scheme = 'light' | 'dark';

async function serve(graph: CaseGraph, options: Partial<ServerOptions> = {}): Promise<{ http: Server; url: string }> {
  const http = createHttpServer(
    createServer(new MemoryStore(graph), {
      ...DEFAULT_SERVER_OPTIONS,
      editorTokens: ['alice:explorer-editor'],
      ...options,
    }),
  );
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return { http, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/` };
}

describe.runIf(haveChromium)('the explorer, in Chromium', () => {
  let browser: Browser;
  const servers: Server[] = [];
  let rust: string;
  /** What went wrong in the pages of the current test: console errors, page errors, requests that left the host. */
  let problems: string[] = [];
  /** Console errors a test expects (a request it made fail on purpose). */
  let expectedConsoleErrors: RegExp[] = [];
  let contexts: BrowserContext[] = [];

  beforeAll(async () => {
    const build = spawnSync('npm', ['run', 'build:web', '--silent'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    const served = await serve(rustCase());
    servers.push(served.http);
    rust = served.url;
    browser = await launchChromium();
    mkdirSync(OUTPUT, { recursive: true });
  });

  afterEach(async () => {
    for (const context of contexts) await context.close();
    contexts = [];
    const found = problems;
    problems = [];
    expectedConsoleErrors = [];
    expect(found).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    for (const http of servers) await new Promise((resolve) => http.close(resolve));
  });

  /**
   * A new browser window at `size` in `scheme`, on `url`, ready (the case drawn) and idle;
   * `beforeLoad` sets up what must be in place when the page starts (a dialog's answer).
   */
  async function open(
    url: string,
    size = WIDE,
    scheme: Scheme = 'light',
    beforeLoad: (page: Page) => void = () => {},
  ): Promise<Page> {
    const context = await browser.newContext({ viewport: size, colorScheme: scheme, acceptDownloads: true });
    contexts.push(context);
    const origin = new URL(url).origin;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await keepOnHost(context, origin, (blocked) => problems.push(`request outside the test server: ${blocked}`));
    const page = await context.newPage();
    watchForErrors(page, (kind, text) => {
      if (kind === 'console' && expectedConsoleErrors.some((e) => e.test(text))) return;
      problems.push(`${kind} error: ${text}`);
    });
    beforeLoad(page);
    await page.goto(url);
    await idle(page);
    return page;
  }

  /** Waits until the page has started and has no action under way. */
  const idle = (page: Page) =>
    page.waitForFunction(() => document.body.dataset.ready === 'true' && !document.body.dataset.busy, null, {
      timeout: 20_000,
    });
  const drawn = (page: Page) =>
    page.evaluate(() =>
      window.explorer.view
        .nodes()
        .map((n) => n.name)
        .sort(),
    );
  const edgeLabels = (page: Page) => page.evaluate(() => window.explorer.view.edges().map((e) => e.label));
  const query = (page: Page) => new URL(page.url()).searchParams;
  const shot = (page: Page, name: string) => page.screenshot({ path: join(OUTPUT, `${name}.png`) });

  /** Types into the search box and picks `name` with the keyboard: arrows to it, then Enter. */
  async function pick(page: Page, text: string, name: string): Promise<void> {
    await page.fill('#search', text);
    await page.waitForSelector(`#search-results li:has-text("${name}")`);
    const names = await page.$$eval('#search-results li', (items) => items.map((i) => i.textContent ?? ''));
    const at = names.findIndex((n) => n.startsWith(name));
    for (let i = 0; i < at; i++) await page.press('#search', 'ArrowDown');
    expect(await page.getAttribute('#search-results li[aria-selected="true"]', 'id')).toBe(`search-hit-${at}`);
    await page.press('#search', 'Enter');
    await page.waitForSelector(`#details h2:has-text("${name}")`);
    await idle(page);
  }

  it('opens on the whole Rust case, in words, at every size and in both schemes', async () => {
    for (const [size, scheme] of [
      [WIDE, 'light'],
      [WIDE, 'dark'],
      [PHONE, 'light'],
      [PHONE, 'dark'],
    ] as const) {
      const page = await open(rust, size, scheme);
      expect(await drawn(page)).toHaveLength(18);
      expect(await page.textContent('#status')).toBe('18 entities, 29 relationships in view');
      expect(await page.isVisible('#case-note')).toBe(false);
      // relationship types and roles in words, never the API's enum names
      const labels = await edgeLabels(page);
      expect(labels).toContain('took part in (cleared)');
      expect(labels.filter((l) => /[A-Z]{2,}_/.test(l))).toEqual([]);
      // the page follows the system's scheme, and nothing spills sideways on a phone
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe(scheme === 'dark' ? 'rgb(13, 17, 23)' : 'rgb(250, 250, 250)');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
      await shot(page, `rust-case-${size.width}-${scheme}`);
    }
  });

  it('search → select → expand → path → filter → share the link → reload to the same view', async () => {
    const page = await open(rust);
    await page.click('#clear');
    await idle(page);
    expect(await drawn(page)).toEqual([]);

    await pick(page, 'Baldwin', 'Alec Baldwin');
    expect(await drawn(page)).toEqual(['Alec Baldwin']);
    expect(await page.textContent('#source-text mark.selected')).toBe('Alec Baldwin has been cleared of charges');
    await page.click('#expand');
    await idle(page);
    expect(await drawn(page)).toEqual(expect.arrayContaining(['Alec Baldwin', 'Lewten Nikas', 'Alex Spiro', 'Rust']));
    expect(await page.textContent('#details')).toContain('“Lewten Nikas and Alex Spiro, who represent Baldwin”');
    expect(await page.textContent('#details')).toContain('is represented by (as legal counsel) Lewten Nikas');

    // "In view" names are buttons that select
    await page.click('#in-view button:text-is("Alex Spiro")');
    await page.waitForSelector('#details h2:has-text("Alex Spiro")');
    await idle(page);
    await page.click('#details .path-from-here');
    await idle(page);
    await pick(page, 'montana', 'Montana');
    await page.click('#details .path-to-here');
    await idle(page);
    await page.click('#find-path');
    await idle(page);
    expect(await page.textContent('#path-result')).toBe('3 steps: Alex Spiro → Alec Baldwin → Rust → Montana');
    expect(await drawn(page)).toContain('Montana');
    // the path finder is on screen, not cut off by the panel
    const finder = await page.locator('#path-finder').boundingBox();
    expect(finder && finder.y >= 0 && finder.y + finder.height <= WIDE.height).toBe(true);

    // filters: people only hides the rest, and says so
    await page.click('#filters-summary');
    for (const kind of ['ORGANISATION', 'PRODUCTION', 'LOCATION', 'EVENT'])
      await page.uncheck(`#filters input[value="${kind}"]`);
    await idle(page);
    const people = await page.evaluate(() => window.explorer.view.nodes().filter((n) => n.kind === 'PERSON').length);
    expect(people).toBeGreaterThanOrEqual(3);
    expect(await page.evaluate(() => window.explorer.view.visibleCount().nodes)).toBe(people);
    expect(await page.textContent('#status')).toMatch(
      new RegExp(`^${people} entities, \\d+ relationships in view \\(\\d+ hidden by the filters\\)$`),
    );
    await shot(page, 'filtered-to-people');

    // share: the URL holds the view, and "Copy link" puts it on the clipboard
    await page.click('#share');
    await page.waitForSelector('#note:has-text("Link copied")');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(page.url());
    expect(query(page).get('kinds')).toBe('PERSON');
    expect(query(page).get('case')).toBe('off');

    const before = {
      drawn: await drawn(page),
      details: await page.textContent('#details h2'),
      path: await page.textContent('#path-result'),
      status: await page.textContent('#status'),
    };
    const again = await open(link);
    expect({
      drawn: await drawn(again),
      details: await again.textContent('#details h2'),
      path: await again.textContent('#path-result'),
      status: await again.textContent('#status'),
    }).toEqual(before);
    expect(await again.isChecked('#filters input[value="EVENT"]')).toBe(false);

    // Back steps out of the last choice (the path's second end), Forward brings it back
    await page.goBack();
    await idle(page);
    expect(await page.textContent('#path-to')).toBe('—');
    expect(await page.textContent('#path-result')).toBe('');
    await page.goForward();
    await idle(page);
    expect(await page.textContent('#path-result')).toBe('3 steps: Alex Spiro → Alec Baldwin → Rust → Montana');

    // Escape clears the path's highlight; Clear clears everything, the URL too
    await page.keyboard.press('Escape');
    await idle(page);
    expect(await page.textContent('#path-result')).toBe('');
    expect(query(page).get('path')).toBeNull();
    await page.click('#clear');
    await idle(page);
    expect(await drawn(page)).toEqual([]);
    expect(await page.textContent('#details')).toContain('Search for someone');
    expect(await page.isChecked('#filters input[value="EVENT"]')).toBe(true);
    expect([...query(page).keys()]).toEqual(['case']);
  });

  it('filters by the modality of the evidence and by the dates of events', async () => {
    const page = await open(rust, PHONE);
    await page.click('#filters-summary');
    for (const modality of ['STATED', 'REPORTED', 'EXPECTED', 'ALLEGED', 'DENIED', 'INFERRED']) {
      await page.uncheck(`#filters input[value="${modality}"]`);
    }
    await idle(page);
    const planned = await page.evaluate(
      () => window.explorer.view.edges().filter((e) => e.modalities.includes('PLANNED')).length,
    );
    expect(planned).toBeGreaterThan(0);
    expect(await page.evaluate(() => window.explorer.view.visibleCount().edges)).toBe(planned);
    expect(query(page).get('modalities')).toBe('PLANNED');
    await page.click('#filters-reset');
    await idle(page);
    expect(await page.evaluate(() => window.explorer.view.visibleCount())).toEqual({ nodes: 18, edges: 29 });

    // the one dated event (November 2021) is outside 2022 onwards; undated events stay, their date unknown
    await page.fill('#filter-from', '2022');
    await idle(page);
    expect(await page.evaluate(() => window.explorer.view.visibleCount().nodes)).toBe(17);
    expect(query(page).get('from')).toBe('2022');
    await page.fill('#filter-from', '2021-11');
    await idle(page);
    expect(await page.evaluate(() => window.explorer.view.visibleCount().nodes)).toBe(18);
    await shot(page, 'phone-filters');

    // Back steps through selections without losing the filter or the drawing
    await pick(page, 'Baldwin', 'Alec Baldwin');
    await pick(page, 'Spiro', 'Alex Spiro');
    await page.goBack();
    await idle(page);
    expect(await page.textContent('#details h2')).toBe('Alec Baldwin');
    await page.goBack();
    await idle(page);
    expect(await page.textContent('#details')).toContain('Search for someone');
    expect(await page.inputValue('#filter-from')).toBe('2021-11');
    expect(await page.evaluate(() => window.explorer.view.visibleCount().nodes)).toBe(18);
  });

  it('keyboard: Escape closes the results, arrows wrap around, Enter on a fresh search picks the best hit', async () => {
    const page = await open(rust, PHONE, 'dark');
    await page.fill('#search', 'a');
    await page.waitForSelector('#search-results li');
    const count = await page.locator('#search-results li').count();
    await page.press('#search', 'ArrowUp');
    expect(await page.getAttribute('#search-results li[aria-selected="true"]', 'id')).toBe(`search-hit-${count - 1}`);
    await page.press('#search', 'Escape');
    expect(await page.locator('#search-results li').count()).toBe(0);
    await page.fill('#search', 'Spiro');
    await page.press('#search', 'Enter');
    await page.waitForSelector('#details h2:has-text("Alex Spiro")');
    await idle(page);
    // on a phone the panels stack under the drawing; the path finder is whole, not cut off
    await page.locator('#path-finder').scrollIntoViewIfNeeded();
    const finder = await page.locator('#path-finder').boundingBox();
    expect(finder!.x).toBeGreaterThanOrEqual(0);
    expect(finder!.x + finder!.width).toBeLessThanOrEqual(PHONE.width);
    expect(await page.isVisible('#find-path')).toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'phone-dark-alex-spiro');
  });

  it('lists the timeline by date, then by what led to what, marking undated events', async () => {
    const page = await open(rust);
    const items = await page.$$eval('#timeline li', (list) =>
      list.map((li) => ({
        date: li.querySelector('.date')?.textContent,
        name: li.querySelector('.name')?.textContent,
        undated: li.className === 'undated',
      })),
    );
    expect(items.map((i) => i.name)).toEqual([
      'November 2021 incident on the Rust set',
      'Death of Galina Hutchins',
      'Rust production halt',
      'Legal scrutiny of Alec Baldwin',
      'Alec Baldwin cleared of charges',
      'Statement by Lewten Nikas and Alex Spiro',
      'Rust filming resumption',
    ]);
    expect(items[0]).toMatchObject({ date: '2021-11', undated: false });
    expect(items.slice(1).every((i) => i.undated && i.date === 'undated')).toBe(true);
    await page.click('#timeline button:has-text("Rust production halt")');
    await page.waitForSelector('#details h2:has-text("Rust production halt")');
    await idle(page);
    expect(await page.getAttribute('#timeline button:has-text("Rust production halt")', 'aria-pressed')).toBe('true');
    // clicking the timeline scrolled the page down to it; the picture for the docs shows the top
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'rust-case-selected');
    mkdirSync(join(PROJECT_ROOT, 'docs', 'images'), { recursive: true });
    copyFileSync(join(OUTPUT, 'rust-case-selected.png'), join(PROJECT_ROOT, 'docs', 'images', 'explorer.png'));
  });

  it('downloads the picture as a PNG, and links the exports to the selected entity', async () => {
    const page = await open(rust, WIDE, 'dark');
    await pick(page, 'Baldwin', 'Alec Baldwin');
    await page.click('#export-panel summary');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    expect(download.suggestedFilename()).toBe('case-graph.png');
    const png = readFileSync((await download.path())!);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.length).toBeGreaterThan(5_000);
    const gexf = await page.getAttribute('#export-gexf', 'href');
    expect(gexf).toMatch(/^\/export\/graph\.gexf\?focus=.+&depth=1$/);
    const answer = await page.evaluate(
      (href) => fetch(href!).then(async (r) => [r.status, await r.text()] as const),
      gexf,
    );
    expect(answer[0]).toBe(200);
    expect(answer[1]).toContain('Alec Baldwin');
  });

  it('exports where the server requires a token, with the one it was given, which a plain link could not send', async () => {
    const closed = await serve(rustCase(), { requireAuth: true, readTokens: ['reader:explorer-reader'] });
    servers.push(closed.http);
    // the explorer asks for the token once the server refuses it without one
    const page = await open(closed.url, WIDE, 'light', (p) =>
      p.on('dialog', (dialog) => void dialog.accept('explorer-reader')),
    );
    await pick(page, 'Baldwin', 'Alec Baldwin');
    await page.click('#export-panel summary');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-gexf')]);
    expect(download.suggestedFilename()).toMatch(/\.gexf$/);
    expect(readFileSync((await download.path())!, 'utf8')).toContain('Alec Baldwin');
    // the same address without the token is refused (Chromium logs the refusal itself)
    expectedConsoleErrors = [/status of 401/];
    const href = await page.getAttribute('#export-gexf', 'href');
    expect(await page.evaluate((url) => fetch(url!).then((r) => r.status), href)).toBe(401);
  });

  it('shows a failed request on the page, saying what failed, until dismissed', async () => {
    const page = await open(rust);
    // the API answers with errors
    await page.route('**/graphql', async (route) => {
      if (!route.request().postData()?.includes('query Search')) return route.continue();
      await route.fulfill({ json: { errors: [{ message: 'the search index is rebuilding' }] } });
    });
    await page.fill('#search', 'Baldwin');
    await page.waitForSelector('#error:not([hidden])');
    expect(await page.textContent('#error-text')).toBe(
      'Could not search for “Baldwin”: the search index is rebuilding',
    );
    await page.click('#error-dismiss');
    expect(await page.isVisible('#error')).toBe(false);
    // the network fails (Chromium logs the failed load itself)
    expectedConsoleErrors = [/Failed to load resource: net::ERR_FAILED/];
    await page.unroute('**/graphql');
    await page.route('**/graphql', (route) => route.abort('failed'));
    await page.click('#in-view button:text-is("Rust")');
    await page.waitForSelector('#error:not([hidden])');
    expect(await page.textContent('#error-text')).toMatch(
      /^Could not read what the sources say about Rust: the server did not answer/,
    );
    await shot(page, 'error-on-the-page');

    // a link to an entity that is gone opens the case all the same, and says what it could not show
    const stale = await open(`${rust}?select=${encodeURIComponent('UGVyc29uOm5vYm9keQ==')}`);
    expect(await stale.textContent('#error-text')).toMatch(/^That entity is not in the graph \(any more\)/);
    expect(await drawn(stale)).toHaveLength(18);
  });

  it('shows an editor’s new claim on the open view without a reload', async () => {
    const page = await open(rust);
    await pick(page, 'Baldwin', 'Alec Baldwin');
    const article = rustCase().sources[0]!.text;
    const quote = 'Lewten Nikas and Alex Spiro, who represent Baldwin';
    const start = article.indexOf(quote);
    const write = (query: string) =>
      fetch(`${rust}graphql`, {
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
    await idle(page);
    expect(await page.textContent('#details')).toContain('The lawyers');
    expect(await drawn(page)).toContain('The lawyers');
    expect(await page.textContent('#note')).toContain('by alice');
  });

  describe.each([2_000, 10_000])('a case of %i entities', (size) => {
    let url: string;
    beforeAll(async () => {
      const served = await serve(syntheticCase(size));
      servers.push(served.http);
      url = served.url;
    });

    it('opens on its most connected entities, saying so; a hub’s big types come as groups, a page at a time', async () => {
      const started = Date.now();
      const page = await open(url, size === 2_000 ? WIDE : PHONE);
      const openedMs = Date.now() - started;
      expect(await page.textContent('#case-note')).toContain(
        `Showing the 20 most connected of ${size.toLocaleString('en')} entities`,
      );
      expect(await drawn(page)).toHaveLength(20);
      expect(openedMs).toBeLessThan(10_000);
      await shot(page, `synthetic-${size}-opening`);

      // the most connected entity, expanded: its biggest types as groups, not hundreds of nodes
      const [hub] = await page.evaluate(() =>
        fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ mostConnected(first: 1) { degree entity { id name } } }' }),
        }).then(
          async (r) =>
            (await r.json()).data.mostConnected as { degree: number; entity: { id: string; name: string } }[],
        ),
      );
      await page.click(`#in-view button:text-is("${hub!.entity.name}")`);
      await idle(page);
      await page.click('#expand');
      await idle(page);
      const groups = await page.$$eval('#groups button', (buttons) => buttons.map((b) => b.textContent ?? ''));
      expect(groups.length).toBeGreaterThan(0);
      const [label, count] = /^(.+) \(([\d,]+)\) of /.exec(groups[0]!)!.slice(1);
      const total = Number(count!.replaceAll(',', ''));
      expect(total).toBeGreaterThan(25);
      const nodesBefore = (await drawn(page)).length;
      expect(nodesBefore).toBeLessThan(20 + hub!.degree);
      await page.click('#groups li:first-child button');
      await idle(page);
      expect(await page.textContent('#note')).toBe(
        `Drew 25 of the ${total} ${label} of ${hub!.entity.name}; ${total - 25} left: click the group for more.`,
      );
      expect((await drawn(page)).length).toBeGreaterThan(nodesBefore);
      expect(await page.textContent('#groups li:first-child button')).toContain(
        `(${(total - 25).toLocaleString('en')} more)`,
      );
      await shot(page, `synthetic-${size}-hub-group`);
    });
  });
});
