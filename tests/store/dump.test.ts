/**
 * Case folders round-trip: saving a loaded data directory gives back the same graph in the same
 * hand-written layout, and a Neo4j dumped, seeded afresh from the dump and dumped again writes the
 * very same bytes, audit trail included.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Change, emptyState, sourceRecord } from '../../src/domain/changes.js';
import { loadCases } from '../../src/domain/loadCases.js';
import type { CaseGraph, Entity, Relationship, Source } from '../../src/domain/model.js';
import { caseFilesOf, loadChanges, saveCases } from '../../src/domain/saveCases.js';
import { DEFAULT_DATA_DIR, PROJECT_ROOT } from '../../src/paths.js';
import { Neo4jStore } from '../../src/store/neo4j/neo4jStore.js';
import { readNeo4jGraph } from '../../src/store/neo4j/readGraph.js';
import { seedNeo4j } from '../../src/store/neo4j/seed.js';
import { DATABASE, neo4jDriver, neo4jUri, rustCase } from '../support/stores.js';

const abcNews = (graph: CaseGraph) => graph.entities.find((e) => e.key === 'abc-news')!;

const temporaryDirs: string[] = [];
function temporaryDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'case-graph-dump-'));
  temporaryDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temporaryDirs) rmSync(dir, { recursive: true, force: true });
});

/** Every file under `dir`, by relative path, with its bytes. */
function filesUnder(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
  return Object.fromEntries(
    files.map((d) => [relative(dir, join(d.parentPath, d.name)), readFileSync(join(d.parentPath, d.name), 'latin1')]),
  );
}

/** A file's lines, trailing commas dropped and sorted: the same lines, whatever their order. */
const linesOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.replace(/,$/, ''))
    .sort();

describe('saving case folders', () => {
  it('gives back the graph it saved, in the layout of the hand-written case file', () => {
    const graph = loadCases(DEFAULT_DATA_DIR);
    const dir = temporaryDir();
    saveCases(dir, graph, []);
    expect(loadCases(dir)).toEqual(graph);

    const saved = filesUnder(dir);
    const original = filesUnder(DEFAULT_DATA_DIR);
    expect(Object.keys(saved).sort()).toEqual(['rust-case/case.json', 'rust-case/rust-article.txt']);
    expect(saved['rust-case/rust-article.txt']).toBe(original['rust-case/rust-article.txt']);
    // loading sorts evidence by position, so lines may move; none may change
    expect(linesOf(saved['rust-case/case.json']!)).toEqual(linesOf(original['rust-case/case.json']!));
  });

  it('saves the audit trail beside the case folders and reads it back', () => {
    const graph = rustCase();
    const change: Change = {
      seq: 1,
      at: '2025-01-02T03:04:05.000Z',
      actor: 'editor',
      action: 'UPSERT_ENTITY',
      reason: null,
      entityKeys: ['abc-news'],
      before: { ...emptyState(), entities: [abcNews(graph)] },
      after: { ...emptyState(), entities: [{ ...abcNews(graph), name: 'ABC' }] },
    };
    const dir = temporaryDir();
    expect(loadChanges(dir)).toEqual([]);
    saveCases(dir, graph, [change, { ...change, seq: 2, reason: 'again' }]);
    expect(loadChanges(dir)).toEqual([change, { ...change, seq: 2, reason: 'again' }]);
    expect(readFileSync(join(dir, 'changes.jsonl'), 'utf8').split('\n')).toHaveLength(3);
    // written beside, then renamed: nothing half-written is left behind
    expect(Object.keys(filesUnder(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('puts each record in the case of the source its first evidence cites', () => {
    const graph = rustCase();
    const other: Source = { ...graph.sources[0]!, key: 'other', caseKey: 'other-case', text: 'Somebody else' };
    const somebody: Entity = {
      ...abcNews(graph),
      key: 'somebody',
      mentions: [{ sourceKey: 'other', start: 0, end: 8 }],
    };
    const link: Relationship = {
      ...graph.relationships[0]!,
      key: 'somebody-represents-abc',
      from: 'somebody',
      to: 'abc-news',
      evidence: [{ sourceKey: 'other', start: 0, end: 13, modality: 'ALLEGED', assertedBy: 'a rival' }],
    };
    const folders = caseFilesOf({
      sources: [...graph.sources, other],
      entities: [...graph.entities, somebody],
      relationships: [...graph.relationships, link],
    });
    expect(folders.map((f) => [f.caseKey, f.files.map((file) => file.name)])).toEqual([
      ['other-case', ['case.json', 'other.txt']],
      ['rust-case', ['case.json', 'rust-article.txt']],
    ]);
    const otherCase = folders[0]!.files[0]!.content;
    expect(otherCase).toContain('{ "source": "other", "start": 0, "end": 8, "quote": "Somebody" }');
    expect(otherCase).toContain(
      '{ "source": "other", "start": 0, "end": 13, "quote": "Somebody else", "modality": "ALLEGED", "assertedBy": "a rival" }',
    );
    expect(otherCase).toContain('"key": "somebody-represents-abc"');
  });
});

describe.runIf(neo4jUri !== null)('dumping Neo4j', () => {
  let driver: Driver;
  beforeAll(() => {
    driver = neo4jDriver();
  });
  afterAll(async () => {
    await driver?.close();
  });

  const dumpWithScript = (dir: string) =>
    promisify(execFile)('npx', ['tsx', 'scripts/dump.ts', dir], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NEO4J_URI: neo4jUri ?? '', NEO4J_DATABASE: DATABASE, NEO4J_PASSWORD: '' },
    });

  it('writes case folders that seed a fresh database which dumps the very same bytes', async () => {
    const graph = rustCase();
    await seedNeo4j(driver, DATABASE, graph);
    const store = new Neo4jStore(driver, DATABASE);
    const article = graph.sources[0]!;
    const second: Source = {
      ...article,
      key: 'second',
      caseKey: 'second-case',
      url: 'https://news.example/2',
      text: 'Alec Baldwin spoke.',
    };
    const baldwin = graph.entities.find((e) => e.key === 'alec-baldwin')!;
    const edited: Entity = {
      ...baldwin,
      aliases: [...baldwin.aliases, 'A. Baldwin'],
      mentions: [...baldwin.mentions, { sourceKey: 'second', start: 0, end: 12 }],
    };
    const recorded = await store.write((tx) =>
      tx.commit({
        putSources: [second],
        putEntities: [edited],
        removeEntities: [],
        putRelationships: [],
        removeRelationships: ['alex-spiro--represents--alec-baldwin'],
        change: {
          actor: 'editor',
          action: 'ADD_MENTION',
          reason: 'a second article',
          entityKeys: ['alec-baldwin'],
          before: { ...emptyState(), entities: [baldwin] },
          after: { ...emptyState(), sources: [sourceRecord(second)], entities: [edited] },
        },
      }),
    );

    const first = temporaryDir();
    const { stdout } = await dumpWithScript(first);
    expect(stdout).toMatch(/^Dumped .* 2 case\(s\), 2 source\(s\), 18 entities, 28 relationships, 1 change\(s\)\n$/);
    expect(loadChanges(first)).toEqual([recorded]);

    // a fresh database: nothing but what the dump holds
    await driver.executeQuery('MATCH (n) DETACH DELETE n', {}, { database: DATABASE });
    await seedNeo4j(driver, DATABASE, loadCases(first), { changes: loadChanges(first) });
    const again = temporaryDir();
    const dumped = await readNeo4jGraph(driver, DATABASE);
    saveCases(again, dumped.graph, dumped.changes);
    expect(filesUnder(again)).toEqual(filesUnder(first));
    expect(Object.keys(filesUnder(again)).sort()).toEqual([
      'changes.jsonl',
      'rust-case/case.json',
      'rust-case/rust-article.txt',
      'second-case/case.json',
      'second-case/second.txt',
    ]);

    // the audit trail came back with its numbering: the next change is 2
    const { seq: _seq, at: _at, ...change } = recorded;
    const next = await store.write((tx) => tx.commit({ ...emptyEdit(), change: { ...change, reason: 'next' } }));
    expect(next.seq).toBe(2);
    expect((await store.changes('alec-baldwin', { offset: 0, limit: 5 })).items.map((c) => c.seq)).toEqual([2, 1]);
  });
});

const emptyEdit = () => ({
  putSources: [],
  putEntities: [],
  removeEntities: [],
  putRelationships: [],
  removeRelationships: [],
});
