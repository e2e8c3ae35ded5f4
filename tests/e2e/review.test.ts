/// <reference lib="dom" />
/**
 * The explorer's review of a draft in a real browser (Debian's Chromium, driven by playwright-core),
 * as an editor meets it: the server runs on a copy of data/ with a hand-written draft of the Rust
 * article beside its case file (`rust-article.draft.json`), and editor and read tokens set. From
 * "Drafts to review" the editor opens the review (the link holds it: `?review=`), sees every
 * suggested mention and date highlighted, gives an editor token, accepts entity suggestions as
 * existing entities (with the mouse and with the keyboard) and as new, rejects one, accepts a claim
 * once its ends are accepted, and is told why another cannot be yet; a read token's decision is
 * refused in the error banner. The draft and the graph are then checked through the API. Names
 * with markup stay text. At 390 px and wide, light and dark. Every request off the test server is
 * blocked and any console or page error fails the test. Screenshots go to test-output/review/.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.js';
import { KIND_STYLE } from '../../src/domain/kindStyle.js';
import type { Draft } from '../../src/domain/suggestions.js';
import { createServer } from '../../src/http/createServer.js';
import { DEFAULT_DATA_DIR, PROJECT_ROOT } from '../../src/paths.js';
import { createStore } from '../../src/store/createStore.js';
import { chromiumFor, keepOnHost, launchChromium, watchForErrors } from '../support/browser.js';
import { entitySuggestion } from '../support/suggestions.js';

const OUTPUT = join(PROJECT_ROOT, 'test-output', 'review');
const haveChromium = chromiumFor('the review browser test');

const SOURCE = 'rust-article';
const EDITOR_TOKEN = 'review-editor';
const READ_TOKEN = 'review-reader';
const PHONE = { width: 390, height: 844 };
const WIDE = { width: 1440, height: 900 };
/** Markup where a name or a reason is shown: it must stay text (a source once carried an attack). */
const MARKUP_NAME = 'ABC News <img src=x onerror="document.body.dataset.xss=1">';
const MARKUP_REASON = '<b onmouseover="document.body.dataset.xss=1">the same name</b>';

/** The Rust article's draft, as a reading might make it; every span found with indexOf, so it fits the text. */
function rustDraft(text: string): Draft {
  const at = (quote: string, after = 0) => {
    const start = text.indexOf(quote, after);
    if (start < 0) throw new Error(`"${quote}" is not in the article`);
    return { start, end: start + quote.length, quote };
  };
  type Suggestion = Draft['entities'][number];
  const entity = (
    key: string,
    kind: Suggestion['kind'],
    name: string,
    mentions: Suggestion['mentions'],
    more: Partial<Suggestion>,
  ): Suggestion => entitySuggestion({ key, kind, name, mentions, newKey: `${key}-new`, ...more });
  const candidate = (
    entityKey: string,
    name: string,
    kind: Suggestion['kind'],
    score: number,
    match: Suggestion['candidates'][number]['match'],
    reasons: string[],
  ) => ({ entityKey, name, kind, score, match, reasons });
  const represent = at('Lewten Nikas and Alex Spiro, who represent Baldwin');
  const report = at(
    'Reports noted that the majority of the shoot was planned to continue at a location in Montana, with Baldwin and director Joel Souza expected to return to the set',
  );
  return {
    sourceKey: SOURCE,
    readUpTo: text.length,
    dates: [{ ...at('November 2021'), date: '2021-11' }],
    entities: [
      entity(
        'e1',
        'PERSON',
        'Alec Baldwin',
        [at('Alec Baldwin'), at('Baldwin', represent.start), at('Baldwin', report.start)],
        {
          confidence: 0.97,
          occupations: ['actor'],
          sameAs: 'alec-baldwin',
          candidates: [candidate('alec-baldwin', 'Alec Baldwin', 'PERSON', 1, 'EXACT', ['the same name, as written'])],
        },
      ),
      entity('e2', 'ORGANISATION', 'New Mexico State Attorney’s Office', [at('New Mexico State Attorney’s Office')], {
        sameAs: 'new-mexico-state-attorneys-office',
        candidates: [
          candidate(
            'new-mexico-state-attorneys-office',
            'New Mexico State Attorney’s Office',
            'ORGANISATION',
            0.99,
            'EXACT',
            ['the same name, as written'],
          ),
        ],
      }),
      // "Galina Hutchins" alone is a span the graph does not hold yet (it has "cinematographer Galina Hutchins")
      entity('e3', 'PERSON', 'Galina Hutchins', [at('Galina Hutchins')], {
        occupations: ['cinematographer'],
        sameAs: 'galina-hutchins',
        candidates: [
          candidate('galina-hutchins', 'Galina Hutchins', 'PERSON', 0.98, 'EXACT', ['the same name, as written']),
        ],
      }),
      entity('e4', 'ORGANISATION', MARKUP_NAME, [at('ABC News')], {
        sameAs: 'abc-news',
        candidates: [candidate('abc-news', 'ABC News', 'ORGANISATION', 0.95, 'NORMALISED', [MARKUP_REASON])],
      }),
      entity('e5', 'PERSON', 'Alex Spiro', [at('Alex Spiro')], {
        confidence: 0.95,
        occupations: ['lawyer'],
        sameAs: 'alex-spiro',
        candidates: [
          candidate('alex-spiro', 'Alex Spiro', 'PERSON', 0.99, 'EXACT', [
            'the same name, as written',
            'a lawyer in both',
          ]),
          candidate('lewten-nikas', 'Lewten Nikas', 'PERSON', 0.31, 'FUZZY', [
            'a lawyer in both',
            'named in the same sentence',
          ]),
        ],
      }),
      entity('e6', 'PRODUCTION', 'Rust', [at('Rust', at('the movie Rust').start)], {
        sameAs: 'rust',
        candidates: [candidate('rust', 'Rust', 'PRODUCTION', 0.98, 'EXACT', ['the same title'])],
      }),
      entity('e7', 'ORGANISATION', 'the studio', [at('the studio')], { confidence: 0.44, newKey: 'the-studio' }),
      entity('e8', 'PERSON', 'Officials', [at('Officials')], { confidence: 0.31, newKey: 'officials' }),
    ],
    claims: [
      {
        key: 'c1',
        status: 'OPEN',
        type: 'REPRESENTS',
        from: 'e5',
        to: 'e1',
        role: 'legal counsel',
        evidence: { ...represent, modality: 'STATED', assertedBy: null, cue: null },
        confidence: 0.9,
        pattern: 'X, who represent Y',
        decision: null,
      },
      {
        key: 'c2',
        status: 'OPEN',
        type: 'WORKED_ON',
        from: 'e1',
        to: 'e6',
        role: null,
        evidence: { ...report, modality: 'REPORTED', assertedBy: null, cue: 'Reports noted' },
        confidence: 0.6,
        pattern: 'X expected to return to the set of Y',
        decision: null,
      },
    ],
  };
}

describe.runIf(haveChromium)('the review of a draft, in Chromium', () => {
  let browser: Browser;
  let http: Server;
  let url: string;
  let dataDir: string;
  let problems: string[] = [];
  /** Console errors a test expects (a refused request Chromium logs itself). */
  let expectedConsoleErrors: RegExp[] = [];
  let contexts: BrowserContext[] = [];

  beforeAll(async () => {
    const build = spawnSync('npm', ['run', 'build:web', '--silent'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    dataDir = mkdtempSync(join(tmpdir(), 'case-graph-review-'));
    cpSync(DEFAULT_DATA_DIR, dataDir, { recursive: true });
    const text = readFileSync(join(dataDir, 'rust-case', 'rust-article.txt'), 'utf8');
    writeFileSync(join(dataDir, 'rust-case', `${SOURCE}.draft.json`), `${JSON.stringify(rustDraft(text), null, 2)}\n`);
    const config = readConfig({
      DATA_DIR: dataDir,
      EDITOR_TOKENS: `alice:${EDITOR_TOKEN}`,
      READ_TOKENS: `reader:${READ_TOKEN}`,
    });
    http = createHttpServer(createServer(createStore(config), config.server));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/`;
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
    if (http) await new Promise((resolve) => http.close(resolve));
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function open(address: string, size = WIDE, scheme: 'light' | 'dark' = 'light'): Promise<Page> {
    const context = await browser.newContext({ viewport: size, colorScheme: scheme });
    contexts.push(context);
    const origin = new URL(address).origin;
    await keepOnHost(context, origin, (blocked) => problems.push(`request outside the test server: ${blocked}`));
    const page = await context.newPage();
    watchForErrors(page, (kind, text) => {
      if (kind === 'console' && expectedConsoleErrors.some((e) => e.test(text))) return;
      problems.push(`${kind} error: ${text}`);
    });
    await page.goto(address);
    await idle(page);
    return page;
  }

  const idle = (page: Page) =>
    page.waitForFunction(() => document.body.dataset.ready === 'true' && !document.body.dataset.busy, null, {
      timeout: 20_000,
    });
  const shot = (page: Page, name: string) => page.screenshot({ path: join(OUTPUT, `${name}.png`) });
  const panel = (page: Page) => page.locator('#review-suggestion');
  const status = (page: Page) => page.textContent('#review-suggestion .review-status');

  /** Opens a suggestion by clicking its (first) highlight or claim tag. */
  async function pick(page: Page, key: string): Promise<void> {
    await page.locator(`#review-text [data-suggestion="${key}"]`).first().click();
    await page.waitForSelector(`#review-text [data-suggestion="${key}"][aria-pressed="true"]`);
  }

  /** Presses a decision's button and waits for the draft to be read again. */
  async function decide(page: Page, label: string): Promise<void> {
    await panel(page).getByRole('button', { name: label, exact: true }).click();
    await idle(page);
  }

  /** The API, as a script would ask it. */
  async function ask<T>(query: string): Promise<T> {
    const response = await fetch(`${url}graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const answer = (await response.json()) as { data: T; errors?: unknown };
    expect(answer.errors).toBeUndefined();
    return answer.data;
  }

  it('opens from the explorer; accepts as existing and as new, rejects, accepts a claim; the API agrees', async () => {
    const page = await open(url);
    // the explorer lists the source with a draft; "Review" opens it, and the address says so
    expect(await page.textContent('#drafts-area')).toContain('10 open');
    await page.click(`#drafts button[data-source="${SOURCE}"]`);
    await idle(page);
    expect(new URL(page.url()).searchParams.get('review')).toBe(SOURCE);
    expect(await page.isVisible('#review-area')).toBe(true);
    expect(await page.textContent('#review-title')).toBe(`Review: ${SOURCE}`);

    // every mention and date highlighted, in its kind's colour; each claim's words with a tag
    expect(await page.locator('#review-text mark.hl-entity').count()).toBe(10);
    expect(await page.locator('#review-text mark.hl-date').count()).toBe(1);
    expect(await page.locator('#review-text .claim-tag').count()).toBe(2);
    expect(await page.textContent('#review-text .claim-evidence[data-claims="c1"]')).toContain(
      'Lewten Nikas and Alex Spiro, who represent Baldwin',
    );
    const colour = await page.getAttribute('#review-text mark[data-suggestion="e6"]', 'style');
    expect(colour).toContain(KIND_STYLE.PRODUCTION.colour);

    // markup in a name and in a reason is shown as text, never run
    await pick(page, 'e4');
    expect(await page.textContent('#review-suggestion h3')).toBe(MARKUP_NAME);
    expect(await page.textContent('#review-suggestion .reasons')).toBe(MARKUP_REASON);
    expect(await page.locator('#review-area img, #review-area b').count()).toBe(0);
    expect(await page.evaluate(() => document.body.dataset.xss)).toBeUndefined();

    // without a token the buttons cannot be pressed, and say why
    await pick(page, 'e5');
    expect(await panel(page).getByRole('button', { name: 'Accept as Alex Spiro' }).isDisabled()).toBe(true);
    expect(await page.textContent('#review-suggestion .review-blocked')).toContain('needs an editor token');
    page.once('dialog', (dialog) => void dialog.accept(EDITOR_TOKEN));
    await page.click('#review-give-token');
    expect(await panel(page).getByRole('button', { name: 'Accept as Alex Spiro' }).isEnabled()).toBe(true);

    // the candidates side by side, the reading's proposal marked
    expect(await page.locator('#review-suggestion .candidate').count()).toBe(4);
    expect(await page.textContent('#review-suggestion .candidate.proposed h4')).toBe('Alex Spiro');
    const other = await page.textContent('#review-suggestion .candidate:has(h4:text-is("Lewten Nikas"))');
    expect(other).toContain('31% · a like name');
    expect(other).toContain('named in the same sentence');
    expect(other).toContain('Also called: Nikas');
    await shot(page, 'candidates-wide-light');
    await decide(page, 'Accept as Alex Spiro');
    expect(await status(page)).toMatch(/^Accepted by alice, .* UTC, as Alex Spiro$/);

    // with the keyboard: a highlight takes the focus and opens with Enter, the focus going on to
    // the suggestion; Tab reaches the reason, then the first candidate's button
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? document.activeElement?.tagName);
    await page.focus('#review-text mark[data-suggestion="e1"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#review-suggestion h3:text-is("Alec Baldwin")');
    expect(await focused()).toBe('Alec Baldwin');
    await page.keyboard.press('Tab');
    await page.keyboard.type('the actor, as in the graph');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Accept as Alec Baldwin');
    await page.keyboard.press('Enter');
    await idle(page);
    expect(await status(page)).toContain('as Alec Baldwin: “the actor, as in the graph”');

    await pick(page, 'e3');
    await decide(page, 'Accept as Galina Hutchins');
    await pick(page, 'e7');
    await page.fill('#review-suggestion input[name="reason"]', 'a studio the article names');
    await decide(page, 'Accept as new');
    expect(await status(page)).toContain('as the studio');
    await pick(page, 'e8');
    await page.fill('#review-suggestion input[name="reason"]', 'not a person');
    await decide(page, 'Reject');
    expect(await status(page)).toMatch(/^Rejected by alice, .*: “not a person”$/);
    expect(await page.getAttribute('#review-text mark[data-suggestion="e8"]', 'class')).toContain('status-rejected');

    // a claim whose ends are accepted can be accepted; one with an open end says which, and asks for its asserter
    await pick(page, 'c2');
    expect(await panel(page).getByRole('button', { name: 'Accept', exact: true }).isDisabled()).toBe(true);
    expect(await page.textContent('#review-suggestion')).toContain('Accept “Rust” first');
    expect(await page.isVisible('#review-suggestion input[name="assertedBy"]')).toBe(true);
    await pick(page, 'c1');
    expect(await page.textContent('#review-suggestion h3')).toBe(
      'Alex Spiro represents (as legal counsel) Alec Baldwin',
    );
    await decide(page, 'Accept');
    expect(await status(page)).toMatch(/^Accepted by alice/);
    expect(await page.textContent('#review-summary')).toContain('3 of 8 entities and 1 of 2 claims still open');
    await shot(page, 'decided-wide-light');

    // a token that may only read is refused by the server, and the banner says so
    await page.evaluate((token) => localStorage.setItem('caseGraphToken', token), READ_TOKEN);
    await pick(page, 'e2');
    await decide(page, 'Accept as New Mexico State Attorney’s Office');
    expect(await page.isVisible('#error')).toBe(true);
    expect(await page.textContent('#error-text')).toMatch(
      /^Could not accept “New Mexico State Attorney’s Office” as New Mexico State Attorney’s Office: .*may not/,
    );
    expect(await status(page)).toMatch(/^Open/);

    // Back closes the review; the list of drafts counts what is left
    await page.goBack();
    await idle(page);
    expect(await page.isVisible('#review-area')).toBe(false);
    expect(await page.textContent('#drafts-area')).toContain('4 open');

    // the API holds the decisions, and the graph what the accepts wrote
    const { draft } = await ask<{
      draft: {
        entities: {
          key: string;
          status: string;
          decision: { actor: string; reason: string | null; entity: { key: string } | null } | null;
        }[];
        claims: {
          key: string;
          status: string;
          decision: { relationship: { key: string; type: string } | null } | null;
        }[];
      };
    }>(`{ draft(source: "${SOURCE}") {
      entities { key status decision { actor reason entity { key } } }
      claims { key status decision { relationship { key type } } } } }`);
    const byKey = Object.fromEntries(draft.entities.map((e) => [e.key, e]));
    expect(Object.fromEntries(draft.entities.map((e) => [e.key, e.status]))).toEqual({
      e1: 'ACCEPTED',
      e2: 'OPEN',
      e3: 'ACCEPTED',
      e4: 'OPEN',
      e5: 'ACCEPTED',
      e6: 'OPEN',
      e7: 'ACCEPTED',
      e8: 'REJECTED',
    });
    expect(byKey.e1!.decision).toEqual({
      actor: 'alice',
      reason: 'the actor, as in the graph',
      entity: { key: 'alec-baldwin' },
    });
    expect(byKey.e5!.decision?.entity).toEqual({ key: 'alex-spiro' });
    expect(byKey.e7!.decision).toEqual({
      actor: 'alice',
      reason: 'a studio the article names',
      entity: { key: 'the-studio' },
    });
    expect(byKey.e8!.decision).toMatchObject({ actor: 'alice', reason: 'not a person', entity: null });
    expect(draft.claims.map((c) => c.status)).toEqual(['ACCEPTED', 'OPEN']);
    expect(draft.claims[0]!.decision?.relationship?.type).toBe('REPRESENTS');

    const text = readFileSync(join(dataDir, 'rust-case', 'rust-article.txt'), 'utf8');
    const galina = text.indexOf('Galina Hutchins');
    const graph = await ask<{
      hutchins: { mentions: { start: number; end: number; quote: string }[] } | null;
      studio: { kind: string; name: string; mentions: { start: number; quote: string }[] } | null;
    }>(`{ hutchins: entity(key: "galina-hutchins", kind: PERSON) { mentions { start end quote } }
          studio: entity(key: "the-studio", kind: ORGANISATION) { kind name mentions { start quote } } }`);
    expect(graph.hutchins?.mentions).toContainEqual({ start: galina, end: galina + 15, quote: 'Galina Hutchins' });
    expect(graph.studio).toEqual({
      kind: 'ORGANISATION',
      name: 'the studio',
      mentions: [{ start: text.indexOf('the studio'), quote: 'the studio' }],
    });
  });

  it('reopens from a link, readable at 390 px and wide, in light and dark', async () => {
    for (const [size, scheme] of [
      [PHONE, 'dark'],
      [PHONE, 'light'],
      [WIDE, 'dark'],
    ] as const) {
      const page = await open(`${url}?review=${SOURCE}`, size, scheme);
      expect(await page.isVisible('#review-area')).toBe(true);
      expect(await page.locator('#review-text mark.hl-entity').count()).toBe(10);
      // decided in the first test: the status shows on the highlight and in the panel
      await pick(page, 'e5');
      expect(await status(page)).toMatch(/^Accepted by alice/);
      expect(await page.isVisible('#review-suggestion h3')).toBe(true);
      // nothing spills sideways, on a phone either
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe(scheme === 'dark' ? 'rgb(13, 17, 23)' : 'rgb(250, 250, 250)');
      await shot(page, `review-${size.width}-${scheme}`);
    }
    // a link to a source without a draft opens the explorer all the same, and says why there is no review
    const none = await open(`${url}?review=no-such-source`);
    expect(await none.isVisible('#review-area')).toBe(false);
    expect(await none.textContent('#error-text')).toContain('There is no draft of “no-such-source”');
    expect(new URL(none.url()).searchParams.get('review')).toBeNull();
  });
});
