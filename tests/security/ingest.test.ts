/**
 * Attacks on the reading of sources (src/ingest), on drafts and on the decisions made on them
 * (acceptSuggestion, rejectSuggestion), and on `npm run ingest`. Each test asserts the safe
 * behaviour: a failing test is a hole. The embedded store only: nothing here needs Neo4j.
 *
 * - a hostile sentence whose list of names made the claim patterns backtrack for minutes
 * - a text naming thousands of the graph's entities: each compared with every one the text brought in
 * - a name the text makes 3,000 characters long, accepted past the limits an editor's name has
 * - who may read drafts and decide suggestions; two accepts of one suggestion at once
 * - the CLI overwriting a draft that holds editors' decisions
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerOptions } from '../../src/config.js';
import { draftFileContent, parseDraft } from '../../src/domain/draftFile.js';
import { caseFilesOf } from '../../src/domain/saveCases.js';
import type { Source } from '../../src/domain/model.js';
import type { Draft, EntitySuggestion } from '../../src/domain/suggestions.js';
import { readSource } from '../../src/ingest/readSource.js';
import type { KnownEntity } from '../../src/ingest/types.js';
import { DEFAULT_DATA_DIR } from '../../src/paths.js';
import { apiFor, apiOn } from '../support/api.js';
import { snapshotOf } from '../support/snapshot.js';
import { rustCase, STORES } from '../support/stores.js';

const SECRETS = { alice: 'alice-editor-secret-19ab', reader: 'reader-secret-77cd' };
const TOKENS: Partial<ServerOptions> = {
  editorTokens: [`alice:${SECRETS.alice}`],
  readTokens: [`reader:${SECRETS.reader}`],
};
const ALICE = { authorization: `Bearer ${SECRETS.alice}` };
const READER = { authorization: `Bearer ${SECRETS.reader}` };

type Errors = { message: string; extensions?: { code?: string; field?: string } }[] | undefined;

const ADD_SOURCE = `mutation($input: AddSourceInput!) { addSource(input: $input) {
  draft { entities { key name sameAs { key } } } } }`;
const ACCEPT = `mutation($input: AcceptSuggestionInput!) { acceptSuggestion(input: $input) {
  entity { key name aliases } change { seq } } }`;
const DRAFT = `query($source: String!) { draft(source: $source) { entities { key status name } } }`;

const noGraph = {
  lookup: async () => [],
  linksAmong: async () => [],
  keysTaken: async () => new Set<string>(),
  maxChars: 200_000,
};

describe('the reading of a hostile text', () => {
  it('reads a list of names with runs of spaces between them without catastrophic backtracking', () => {
    // "A and its x<spaces>B and its x<spaces>C ...": the list pattern's "[a-z -]{0,40},?\s+" split
    // each run of spaces many ways, seven names multiplied them (26 spaces: minutes; 40: hours).
    // The reading runs in a child process so that a regression fails here instead of hanging the run.
    const script = `
      import { readSource } from ${JSON.stringify(new URL('../../src/ingest/readSource.ts', import.meta.url).pathname)};
      const names = ['John Smith', 'Mary Jones', 'Peter Brown', 'Susan Clark', 'David Lewis', 'Laura Young', 'James Hall'];
      const text = names.map((n) => n + ' said.').join(' ') + '\\n\\n' + names.join(' and its x' + ' '.repeat(40)) + ' zzz.';
      const draft = await readSource('hostile', text, { lookup: async () => [], linksAmong: async () => [],
        keysTaken: async () => new Set(), maxChars: 200000 });
      console.log(draft.entities.length);`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 25_000,
    });
    expect(run.signal, 'the reading did not finish').toBeNull();
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('7');
  });

  it('still reads "A and its managing director, B" as a list (the pattern kept its meaning)', async () => {
    const text =
      'Lawyer Kari Morrissey said. Lawyer Jason Bowles said. Lawyer Kari Morrissey and its managing director, Jason Bowles, who represent Alec Baldwin, spoke.';
    const draft = await readSource('list', text, noGraph);
    const name = (key: string) => draft.entities.find((e) => e.key === key)?.name;
    const represents = draft.claims.filter((c) => c.type === 'REPRESENTS').map((c) => name(c.from));
    expect(represents).toEqual(expect.arrayContaining(['Kari Morrissey', 'Jason Bowles']));
  });

  /** Known entities that count how often the reading looks at them (each comparison reads `kind`). */
  function countedEntities(names: string[]) {
    const count = { reads: 0 };
    const entities = names.map((name, i): KnownEntity => {
      const entity = { key: `p${i}`, name, aliases: [], occupations: [] } as unknown as KnownEntity;
      Object.defineProperty(entity, 'kind', {
        enumerable: true,
        get: () => {
          count.reads++;
          return 'PERSON';
        },
      });
      return entity;
    });
    return { count, entities };
  }

  // distinct names: "Alab Acdson", "Alac Adeson"... none shares a word with another
  const word = (i: number) => i.toString(36).replace(/\d/g, (d) => 'abcdefghij'[Number(d)] as string);
  const names = (n: number, surname: (i: number) => string) =>
    Array.from({ length: n }, (_, i) => `Al${word(i)} ${surname(i)}`);

  it('compares each name with the entities that share a word with it, not with all the text brought in', async () => {
    // before: names × known comparisons, 2,000 names (a 40 kB text) against 2,000 entities a minute long
    const list = names(400, (i) => `Ac${word(i + 7)}son`);
    const { count, entities } = countedEntities(list);
    const text = list.map((n) => `${n} said.`).join(' ');
    const draft = await readSource('many', text, { ...noGraph, lookup: async () => entities });
    // each text entity looks at the few entities named like it (once to rank, a few reads each)
    expect(count.reads).toBeLessThan(list.length * 10);
    // and still finds itself
    const found = draft.entities.filter((e) => e.candidates[0]?.name === e.name);
    expect(found.length).toBeGreaterThan(draft.entities.length / 2);
  });

  it('bounds the comparisons a word many entities share ("Smith") can bring', async () => {
    const list = names(600, () => 'Smith');
    const { count, entities } = countedEntities(list);
    const text = list.map((n) => `${n} said.`).join(' ');
    await readSource('smiths', text, { ...noGraph, lookup: async () => entities });
    // before: every "X Smith" of the text against every Smith of the graph (600 × 600 and more)
    expect(count.reads).toBeLessThan(150_000);
  });
});

for (const under of STORES.filter((s) => s.name === 'embedded')) {
  describe(`decisions on a hostile draft (${under.name})`, () => {
    const handle = apiOn(under, TOKENS);
    const longName = `Q${'a'.repeat(3000)}`;

    beforeAll(async () => {
      const text = `Mr. ${longName} said. Then ${longName} left. Alec Baldwin said.`;
      const { errors } = (await handle.api.query(
        ADD_SOURCE,
        { input: { key: 'long-name', caseKey: 'rust-case', text } },
        ALICE,
      )) as { errors: Errors };
      expect(errors).toBeUndefined();
    });

    async function suggestionNamed(name: string) {
      const { data } = await handle.api.query<{ draft: { entities: { key: string; name: string }[] } }>(
        DRAFT,
        { source: 'long-name' },
        ALICE,
      );
      const found = data?.draft.entities.find((e) => e.name === name);
      if (!found) throw new Error(`no suggestion named ${name.slice(0, 20)}...`);
      return found.key;
    }

    it('refuses to accept a 3,000-character name as a new entity, and writes nothing', async () => {
      const key = await suggestionNamed(longName);
      const before = await snapshotOf(handle.store);
      const { errors } = (await handle.api.query(
        ACCEPT,
        { input: { source: 'long-name', suggestion: key } },
        ALICE,
      )) as { errors: Errors };
      expect(errors?.[0]?.extensions?.code, JSON.stringify(errors)?.slice(0, 300)).toBe('BAD_USER_INPUT');
      expect(errors?.[0]?.extensions?.field).toBe('name');
      expect(await snapshotOf(handle.store)).toEqual(before);
    });

    it('does not make a 3,000-character name an alias of the entity it is accepted as', async () => {
      const key = await suggestionNamed(longName);
      const { data, errors } = (await handle.api.query<{
        acceptSuggestion: { entity: { key: string; aliases: string[] } };
      }>(ACCEPT, { input: { source: 'long-name', suggestion: key, entityKey: 'alec-baldwin' } }, ALICE)) as {
        data?: { acceptSuggestion: { entity: { aliases: string[] } } };
        errors: Errors;
      };
      expect(errors).toBeUndefined();
      expect(data?.acceptSuggestion.entity.aliases.every((a) => a.length <= 300)).toBe(true);
    });

    it('lets two accepts of one suggestion at once decide it once', async () => {
      const key = await suggestionNamed('Alec Baldwin');
      const answers = await Promise.all(
        [1, 2, 3].map(
          () =>
            handle.api.query(ACCEPT, { input: { source: 'long-name', suggestion: key } }, ALICE) as Promise<{
              errors: Errors;
            }>,
        ),
      );
      const codes = answers.map((a) => a.errors?.[0]?.extensions?.code ?? 'OK').sort();
      expect(codes).toEqual(['CONFLICT', 'CONFLICT', 'OK']);
    });
  });

  describe(`a claim whose asserter the text makes 400 characters long (${under.name})`, () => {
    const handle = apiOn(under, TOKENS);
    const long = `Q${'a'.repeat(400)}`;
    const CLAIMS = `query { draft(source: "long-asserter") { entities { key name } claims { key evidence { assertedBy } } } }`;

    it('refuses to accept it with the reading’s asserter, writes nothing, and takes the editor’s', async () => {
      const text = `Mr. ${long} said. ${long} reported that Alex Spiro represents Alec Baldwin.`;
      const added = (await handle.api.query(
        ADD_SOURCE,
        { input: { key: 'long-asserter', caseKey: 'rust-case', text } },
        ALICE,
      )) as { errors: Errors };
      expect(added.errors).toBeUndefined();
      const { data } = await handle.api.query<{
        draft: {
          entities: { key: string; name: string }[];
          claims: { key: string; evidence: { assertedBy: string } }[];
        };
      }>(CLAIMS, {}, ALICE);
      const claim = data?.draft.claims.find((c) => c.evidence.assertedBy === long);
      expect(claim, 'the reading no longer proposes the long asserter: this test needs another text').toBeDefined();
      for (const name of ['Alex Spiro', 'Alec Baldwin']) {
        const key = data?.draft.entities.find((e) => e.name === name)?.key;
        const accepted = (await handle.api.query(
          ACCEPT,
          { input: { source: 'long-asserter', suggestion: key } },
          ALICE,
        )) as {
          errors: Errors;
        };
        expect(accepted.errors).toBeUndefined();
      }
      const before = await snapshotOf(handle.store);
      const refused = (await handle.api.query(
        ACCEPT,
        { input: { source: 'long-asserter', suggestion: claim?.key } },
        ALICE,
      )) as { errors: Errors };
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(refused.errors?.[0]?.extensions?.field).toBe('assertedBy');
      expect(await snapshotOf(handle.store)).toEqual(before);
      const corrected = (await handle.api.query(
        ACCEPT,
        { input: { source: 'long-asserter', suggestion: claim?.key, assertedBy: 'a reporter' } },
        ALICE,
      )) as { errors: Errors };
      expect(corrected.errors).toBeUndefined();
    });
  });

  describe(`a hand-edited draft (${under.name})`, () => {
    /** The Rust article's draft as a reading makes it, then `edit`ed, in a store of the case files. */
    async function storeWithDraft(edit: (draft: Draft) => void) {
      const graph = rustCase();
      const source = graph.sources.find((s) => s.key === 'rust-article') as Source;
      const draft = await readSource(source.key, source.text, noGraph);
      edit(draft);
      return under.open({ ...graph, drafts: [draft] });
    }

    it('refuses, when loading, a new key that is no slug and a date that is no date', async () => {
      const graph = rustCase();
      const source = graph.sources.find((s) => s.key === 'rust-article') as Source;
      const draft = await readSource(source.key, source.text, noGraph);
      (draft.entities[0] as EntitySuggestion).newKey = 'Bad Key/../x';
      expect(() => parseDraft(JSON.parse(draftFileContent(draft)), source.key, source.text, 'edited')).toThrow(/slug/);
      const dated = await readSource(source.key, source.text, noGraph);
      (dated.dates[0] as { date: string }).date = 'last Tuesday';
      expect(() => parseDraft(JSON.parse(draftFileContent(dated)), source.key, source.text, 'edited')).toThrow(
        /not a date/,
      );
    });

    it('does not write an entity under a draft’s key that is no slug (case.json would no longer load)', async () => {
      const store = await storeWithDraft((d) => {
        (d.entities[0] as EntitySuggestion).newKey = 'Bad Key/../x';
      });
      try {
        const api = apiFor(store, TOKENS);
        const before = await snapshotOf(store);
        const { errors } = (await api.query(
          ACCEPT,
          { input: { source: 'rust-article', suggestion: 'e1', asNew: true } },
          ALICE,
        )) as { errors: Errors };
        expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(errors?.[0]?.extensions?.field).toBe('key');
        expect(await snapshotOf(store)).toEqual(before);
      } finally {
        await store.close();
      }
    });

    it('still answers the draft when a candidate’s entity is gone', async () => {
      const store = await storeWithDraft((d) => {
        (d.entities[0] as EntitySuggestion).candidates = [
          { entityKey: 'no-such-entity', name: 'Gone', kind: 'PERSON', score: 0.5, match: 'FUZZY', reasons: [] },
        ];
      });
      try {
        const { errors, data } = await apiFor(store, TOKENS).query<{ draft: { entities: unknown[] } }>(
          `{ draft(source: "rust-article") { entities { key candidates { entity { key } } } } }`,
          {},
          ALICE,
        );
        expect(errors).toBeUndefined();
        expect(data?.draft.entities.length).toBeGreaterThan(0);
      } finally {
        await store.close();
      }
    });
  });

  describe(`addSource of a key that exists (${under.name})`, () => {
    it('is refused before the text is read (thirty aliases, ten times batched, were as many readings)', async () => {
      const store = await under.open();
      let lookups = 0;
      const counting = new Proxy(store, {
        get(target, name, receiver) {
          if (name === 'entitiesNamedWith') lookups++;
          const value = Reflect.get(target, name, receiver);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      try {
        const { errors } = (await apiFor(counting, TOKENS).query(
          ADD_SOURCE,
          { input: { key: 'rust-article', caseKey: 'rust-case', text: 'Alec Baldwin said.' } },
          ALICE,
        )) as { errors: Errors };
        expect(errors?.[0]?.extensions?.field).toBe('key');
        expect(lookups).toBe(0);
      } finally {
        await store.close();
      }
    });
  });

  describe(`a claim whose ends were merged into one entity since (${under.name})`, () => {
    const handle = apiOn(under, TOKENS);
    const MERGE = `mutation($input: MergeEntitiesInput!) { mergeEntities(input: $input) { entity { key } } }`;

    it('is refused, and writes nothing, rather than linking the entity to itself', async () => {
      const text = 'Lawyer Kari Morrissey said. Lawyer Jason Bowles said. Kari Morrissey represents Jason Bowles.';
      await handle.api.query(ADD_SOURCE, { input: { key: 'merged-ends', caseKey: 'rust-case', text } }, ALICE);
      const { data } = await handle.api.query<{
        draft: { entities: { key: string; name: string }[]; claims: { key: string }[] };
      }>(`{ draft(source: "merged-ends") { entities { key name } claims { key } } }`, {}, ALICE);
      const keys: string[] = [];
      for (const name of ['Kari Morrissey', 'Jason Bowles']) {
        const suggestion = data?.draft.entities.find((e) => e.name === name)?.key;
        const accepted = await handle.api.query<{ acceptSuggestion: { entity: { key: string } } }>(
          ACCEPT,
          { input: { source: 'merged-ends', suggestion, asNew: true } },
          ALICE,
        );
        keys.push(accepted.data?.acceptSuggestion.entity.key as string);
      }
      const merged = (await handle.api.query(
        MERGE,
        { input: { survivorKey: keys[0], mergedKey: keys[1] } },
        ALICE,
      )) as { errors: Errors };
      expect(merged.errors).toBeUndefined();
      const before = await snapshotOf(handle.store);
      const { errors } = (await handle.api.query(
        ACCEPT,
        { input: { source: 'merged-ends', suggestion: data?.draft.claims[0]?.key } },
        ALICE,
      )) as { errors: Errors };
      expect(errors?.[0]?.extensions?.code, JSON.stringify(errors)).toBe('CONFLICT');
      expect(await snapshotOf(handle.store)).toEqual(before);
    });
  });

  describe(`who may read drafts and decide (${under.name}, REQUIRE_AUTH)`, () => {
    const handle = apiOn(under, { ...TOKENS, requireAuth: true });

    it('reads no draft for an outsider, and refuses a reader any decision', async () => {
      const outsider = (await handle.api.query(DRAFT, { source: 'rust-article' })) as { errors: Errors };
      expect(outsider.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      for (const mutation of [ACCEPT, ADD_SOURCE]) {
        const input =
          mutation === ACCEPT
            ? { source: 'rust-article', suggestion: 'e1' }
            : { key: 'by-reader', caseKey: 'rust-case', text: 'Alec Baldwin said.' };
        const reader = (await handle.api.query(mutation, { input }, READER)) as { errors: Errors };
        expect(reader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
    });
  });
}

describe('the case folders the embedded store writes after each commit', () => {
  it('prints a draft no decision touched only once, however many writes follow', async () => {
    // every write used to print every draft again: with fifteen long drafts a third of a second of
    // blocked event loop per write, growing with each draft added
    const graph = rustCase();
    const source = graph.sources.find((s) => s.key === 'rust-article') as Source;
    const draft = await readSource(source.key, source.text, noGraph);
    const withDraft = { ...graph, drafts: [draft] };
    const printed = () => {
      let count = 0;
      const stringify = JSON.stringify;
      JSON.stringify = ((value: unknown, ...rest: unknown[]) => {
        if (value === draft) count++;
        return (stringify as (...a: unknown[]) => string)(value, ...rest);
      }) as typeof JSON.stringify;
      try {
        caseFilesOf(withDraft);
      } finally {
        JSON.stringify = stringify;
      }
      return count;
    };
    printed();
    expect(printed()).toBe(0);
  });
});

describe('npm run ingest', () => {
  let data: string;
  beforeAll(() => {
    data = mkdtempSync(join(tmpdir(), 'ingest-security-'));
    cpSync(DEFAULT_DATA_DIR, data, { recursive: true });
  });
  afterAll(() => rmSync(data, { recursive: true, force: true }));

  const ingest = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/ingest.ts', ...args], { encoding: 'utf8' });

  it('does not overwrite a draft that may hold editors’ decisions', () => {
    const article = join(data, 'follow-up.txt');
    writeFileSync(article, 'Alec Baldwin said. Alex Spiro, who represents Alec Baldwin, said.');
    const folder = join(data, 'rust-case');
    expect(ingest(article, '--case', folder).status).toBe(0);
    const draft = join(folder, 'follow-up.draft.json');
    // an editor's decision, as the embedded store writes it
    const decided = readFileSync(draft, 'utf8').replace('"status": "OPEN"', '"status": "REJECTED"');
    writeFileSync(draft, decided);
    const again = ingest(article, '--case', folder);
    expect(again.status).not.toBe(0);
    expect(readFileSync(draft, 'utf8')).toBe(decided);
  });

  it('does not write a draft of a case source from another text (the data directory would no longer load)', () => {
    const other = join(data, 'other.txt');
    writeFileSync(other, 'Halyna Hutchins said.');
    const run = ingest(other, '--case', join(data, 'rust-case'), '--key', 'rust-article');
    expect(run.status).not.toBe(0);
    expect(existsSync(join(data, 'rust-case', 'rust-article.draft.json'))).toBe(false);
  });
});
