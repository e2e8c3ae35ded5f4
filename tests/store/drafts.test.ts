/**
 * Drafts kept by both stores: beside the case file on disk (written by the embedded store, read
 * back by loadCases, refused when they no longer fit their text), in Neo4j through seed and dump;
 * and the name-word lookup ingest resolves against, the same on both stores.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DRAFT_FILE_SUFFIX } from '../../src/domain/draftFile.js';
import { loadCases } from '../../src/domain/loadCases.js';
import type { CaseGraph } from '../../src/domain/model.js';
import { caseFolderWriter, saveCases } from '../../src/domain/saveCases.js';
import type { Draft } from '../../src/domain/suggestions.js';
import { DEFAULT_DATA_DIR } from '../../src/paths.js';
import { readNeo4jGraph } from '../../src/store/neo4j/readGraph.js';
import { seedNeo4j } from '../../src/store/neo4j/seed.js';
import { DATABASE, neo4jDriver, neo4jUri, rustCase, STORES } from '../support/stores.js';
import { entitySuggestion } from '../support/suggestions.js';

const temporaryDirs: string[] = [];
function copyOfData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'case-graph-drafts-'));
  temporaryDirs.push(dir);
  cpSync(DEFAULT_DATA_DIR, dir, { recursive: true });
  return dir;
}
afterAll(() => {
  for (const dir of temporaryDirs) rmSync(dir, { recursive: true, force: true });
});

/** A small draft of the Rust article: one suggestion, one date, at the article's own offsets. */
function draftOf(graph: CaseGraph): Draft {
  const text = graph.sources.find((s) => s.key === 'rust-article')!.text;
  const span = (words: string) => {
    const start = text.indexOf(words);
    return { start, end: start + words.length, quote: words };
  };
  return {
    sourceKey: 'rust-article',
    readUpTo: text.length,
    dates: [{ ...span('November 2021'), date: '2021-11' }],
    entities: [
      entitySuggestion({
        key: 'e1',
        kind: 'PERSON',
        name: 'Joel Souza',
        mentions: [span('Joel Souza')],
        occupations: ['director'],
        candidates: [
          {
            entityKey: 'joel-souza',
            name: 'Joel Souza',
            kind: 'PERSON',
            score: 1,
            match: 'EXACT',
            reasons: ['exact name'],
          },
        ],
        sameAs: 'joel-souza',
        newKey: 'joel-souza-2',
      }),
    ],
    claims: [],
  };
}

describe('drafts in case folders', () => {
  it('are written beside the case file and read back as they were', () => {
    const dir = copyOfData();
    const graph = loadCases(dir);
    const draft = draftOf(graph);
    saveCases(dir, { ...graph, drafts: [draft] }, []);
    expect(JSON.parse(readFileSync(join(dir, 'rust-case', `rust-article${DRAFT_FILE_SUFFIX}`), 'utf8'))).toEqual(draft);
    expect(loadCases(dir).drafts).toEqual([draft]);
  });

  it('are rewritten by the embedded store when a decision changes them', () => {
    const dir = copyOfData();
    const graph = loadCases(dir);
    const persist = caseFolderWriter(dir, 0);
    const draft = draftOf(graph);
    persist({ ...graph, drafts: [draft] }, []);
    const decided: Draft = { ...draft, entities: [{ ...draft.entities[0]!, status: 'REJECTED' }] };
    persist({ ...graph, drafts: [decided] }, []);
    expect(loadCases(dir).drafts?.[0]?.entities[0]?.status).toBe('REJECTED');
  });

  it('refuses a draft that no longer fits its text, naming the file and the span', () => {
    const dir = copyOfData();
    const draft = draftOf(loadCases(dir));
    const file = join(dir, 'rust-case', `rust-article${DRAFT_FILE_SUFFIX}`);
    const moved = {
      ...draft,
      entities: [{ ...draft.entities[0]!, mentions: [{ start: 1, end: 11, quote: 'Joel Souza' }] }],
    };
    writeFileSync(file, JSON.stringify(moved));
    expect(() => loadCases(dir)).toThrow(
      /rust-article\.draft\.json[\s\S]*e1\.mentions\[0\]: the quote is not the text/,
    );
    writeFileSync(file, JSON.stringify({ ...draft, entities: 'none' }));
    expect(() => loadCases(dir)).toThrow(/not a draft/);
    writeFileSync(file, '{');
    expect(() => loadCases(dir)).toThrow(/not valid JSON/);
  });
});

describe.runIf(neo4jUri !== null)('drafts in Neo4j', () => {
  it('are seeded, read, dumped, and removed by a seed without them', async () => {
    const driver = neo4jDriver();
    try {
      const graph = rustCase();
      const draft = draftOf(graph);
      await seedNeo4j(driver, DATABASE, { ...graph, drafts: [draft] });
      expect((await readNeo4jGraph(driver, DATABASE)).graph.drafts).toEqual([draft]);
      await seedNeo4j(driver, DATABASE, graph);
      expect((await readNeo4jGraph(driver, DATABASE)).graph.drafts).toBeUndefined();
    } finally {
      await driver.close();
    }
  });
});

for (const under of STORES) {
  describe.runIf(under.available)(`drafts and the name lookup (${under.name} store)`, () => {
    it('answers each source’s draft, null where it has none', async () => {
      const graph = rustCase();
      const store = await under.open({ ...graph, drafts: [draftOf(graph)] });
      const [found, none] = await store.draftsOf(['rust-article', 'nowhere']);
      expect(found).toEqual(draftOf(graph));
      expect(none).toBeNull();
    });

    it('finds entities by whole words of their names and aliases, normalised, up to the limit', async () => {
      const store = await under.open();
      const keys = async (words: string[], limit = 100) =>
        (await store.entitiesNamedWith(words, limit)).map((e) => e.key);
      expect(await keys(['Hutchins'])).toEqual(['death-of-galina-hutchins', 'galina-hutchins']);
      expect(await keys(['HUTCHINS', 'nikas'])).toEqual([
        'death-of-galina-hutchins',
        'galina-hutchins',
        'lewten-nikas',
        'statement-by-baldwins-lawyers',
      ]);
      // a word, not a part of one; "attorney’s" as written with either apostrophe
      expect(await keys(['hutch'])).toEqual([]);
      expect(await keys(["attorney's"])).toEqual(['new-mexico-state-attorneys-office']);
      expect(await keys(['attorney’s'])).toEqual(['new-mexico-state-attorneys-office']);
      expect(await keys(['Hutchins'], 1)).toEqual(['death-of-galina-hutchins']);
      expect(await keys([])).toEqual([]);
    });
  });
}
