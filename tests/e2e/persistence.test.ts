/**
 * As an editor sees it: writes made through `npm start` on the embedded store are in the case
 * folders under DATA_DIR once the server has stopped (the source's text byte for byte, case.json,
 * the audit trail), with no temporary file left behind; a restart serves them, audit trail
 * included, and numbers the next write after them. A refused write touches no file.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR } from '../../src/paths.js';
import { npmStart, stop, stopServersAfterEach } from '../support/npmStart.js';

stopServersAfterEach();

interface Answer<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

async function ask<T>(url: string, query: string, variables?: Record<string, unknown>): Promise<Answer<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer s3cret' },
    body: JSON.stringify({ query, variables }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Answer<T>;
}

/** A write that must succeed: its data. */
async function write<T>(url: string, mutation: string, input: Record<string, unknown>): Promise<T> {
  const { data, errors } = await ask<T>(url, mutation, { input });
  expect(errors, mutation).toBeUndefined();
  return data!;
}

/**
 * A second report, as an editor pastes it: an emoji first (two UTF-16 code units, so every offset
 * after it differs from a count of characters), curly quotes, CRLF line ends, a tab, trailing
 * spaces and no final newline; all of it must come back byte for byte.
 */
const TEXT =
  '🎬 Variety, 12 July 2024\r\n' +
  'The case against Alec Baldwin over the death of Halyna Hutchins was dismissed by a judge, Variety reported.  \r\n' +
  '\tProsecutors had alleged that Baldwin acted “recklessly” on the set of Rust; his lawyers denied it.';
const SOURCE = 'variety-report';
const at = (words: string) => {
  const start = TEXT.indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in the test article`);
  return { source: SOURCE, start, end: start + words.length, quote: words };
};
const CLAIM_QUOTE =
  'The case against Alec Baldwin over the death of Halyna Hutchins was dismissed by a judge, Variety reported';
const CLAIM_KEY = 'baldwin-cleared-of-charges--concerns--halyna-hutchins';

const ADD_SOURCE = `mutation($input: AddSourceInput!) { addSource(input: $input) { source { key } change { seq } } }`;
const UPSERT = `mutation($input: UpsertEntityInput!) { upsertEntity(input: $input) { entity { key } change { seq } } }`;
const ASSERT = `mutation($input: AssertRelationshipInput!) { assertRelationship(input: $input) {
  relationship { key } change { seq } } }`;

/** Every file under `dir`, by path relative to it: its bytes and when it was last written. */
function filesUnder(dir: string): Map<string, { bytes: Buffer; mtimeMs: number }> {
  const files = new Map<string, { bytes: Buffer; mtimeMs: number }>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path), { bytes: readFileSync(path), mtimeMs: statSync(path).mtimeMs });
  }
  return files;
}

/** What case.json holds, as far as these tests read it. */
interface CaseFile {
  sources: Record<string, unknown>[];
  entities: { key: string; mentions: unknown[] }[];
  relationships: { type: string; from: string; to: string; evidence: unknown[] }[];
}

describe('the embedded store keeps editors’ writes across a restart of `npm start`', () => {
  let dataDir: string;
  // the embedded store, whatever the shell running the tests has set
  const env = () => ({ DATA_DIR: dataDir, EDITOR_TOKENS: 'alice:s3cret', NEO4J_URI: '' });
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'case-graph-persistence-'));
    cpSync(DEFAULT_DATA_DIR, dataDir, { recursive: true });
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('writes a source, an entity and a claim to the case folder, refusing a bad quote without touching a file', async () => {
    const original = filesUnder(dataDir);
    const server = await npmStart(env());
    expect(server.output()).toContain(`Serving the case graph from the embedded store, loaded from ${dataDir}`);

    const added = await write<{ addSource: { change: { seq: number } } }>(server.url, ADD_SOURCE, {
      key: SOURCE,
      caseKey: 'rust-case',
      text: TEXT,
      publisher: 'Variety',
      published: '2024-07-12',
      url: 'https://variety.example/rust-dismissal',
      reason: 'a second report',
    });
    expect(added.addSource.change.seq).toBe(1);
    await write(server.url, UPSERT, {
      key: 'halyna-hutchins',
      kind: 'PERSON',
      name: 'Halyna Hutchins',
      occupations: ['cinematographer'],
      mention: at('Halyna Hutchins'),
    });
    const asserted = await write<{ assertRelationship: { relationship: { key: string }; change: { seq: number } } }>(
      server.url,
      ASSERT,
      {
        type: 'CONCERNS',
        from: 'baldwin-cleared-of-charges',
        to: 'halyna-hutchins',
        evidence: [{ ...at(CLAIM_QUOTE), modality: 'REPORTED', assertedBy: 'Variety' }],
        reason: 'the dismissal concerns her death',
      },
    );
    expect(asserted.assertRelationship).toEqual({ relationship: { key: CLAIM_KEY }, change: { seq: 3 } });

    // a refused write (its second piece of evidence misquotes the text) changes no file
    const beforeRefusal = filesUnder(dataDir);
    const refused = await ask(server.url, ASSERT, {
      input: {
        type: 'CONCERNS',
        from: 'baldwin-cleared-of-charges',
        to: 'alec-baldwin',
        evidence: [at(CLAIM_QUOTE), { ...at('Baldwin acted'), quote: 'Baldwin acts' }],
      },
    });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'evidence[1].quote' });
    expect(filesUnder(dataDir)).toEqual(beforeRefusal);

    await stop(server.child);
    expect(server.output()).toContain('SIGTERM: closing');

    // exactly the files there were, the new text, its draft and the audit trail: no temporary file is left
    const files = filesUnder(dataDir);
    expect([...files.keys()].sort()).toEqual([
      'changes.jsonl',
      'rust-case/case.json',
      'rust-case/rust-article.txt',
      `rust-case/${SOURCE}.draft.json`,
      `rust-case/${SOURCE}.txt`,
    ]);
    expect(JSON.parse(files.get(`rust-case/${SOURCE}.draft.json`)!.bytes.toString('utf8'))).toMatchObject({
      sourceKey: SOURCE,
      readUpTo: TEXT.length,
    });
    expect(files.get(`rust-case/${SOURCE}.txt`)!.bytes.equals(Buffer.from(TEXT, 'utf8'))).toBe(true);
    expect(files.get('rust-case/rust-article.txt')!.bytes).toEqual(original.get('rust-case/rust-article.txt')!.bytes);

    const caseFile = JSON.parse(files.get('rust-case/case.json')!.bytes.toString('utf8')) as CaseFile;
    expect(caseFile.sources.find((s) => s.key === SOURCE)).toEqual({
      key: SOURCE,
      publisher: 'Variety',
      published: '2024-07-12',
      url: 'https://variety.example/rust-dismissal',
      textFile: `${SOURCE}.txt`,
    });
    expect(caseFile.entities.find((e) => e.key === 'halyna-hutchins')).toMatchObject({
      kind: 'PERSON',
      name: 'Halyna Hutchins',
      occupations: ['cinematographer'],
      mentions: [at('Halyna Hutchins')],
    });
    expect(caseFile.relationships.filter((r) => r.to === 'halyna-hutchins')).toEqual([
      {
        type: 'CONCERNS',
        from: 'baldwin-cleared-of-charges',
        to: 'halyna-hutchins',
        evidence: [{ ...at(CLAIM_QUOTE), modality: 'REPORTED', assertedBy: 'Variety' }],
      },
    ]);
    // what was there stays: 18 entities and 29 claims, and one of each added
    expect([caseFile.entities.length, caseFile.relationships.length]).toEqual([19, 30]);

    const trail = files
      .get('changes.jsonl')!
      .bytes.toString('utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as { seq: number; actor: string; action: string });
    expect(trail.map(({ seq, actor, action }) => [seq, actor, action])).toEqual([
      [1, 'alice', 'ADD_SOURCE'],
      [2, 'alice', 'UPSERT_ENTITY'],
      [3, 'alice', 'ASSERT_RELATIONSHIP'],
    ]);
  }, 120_000);

  it('serves them again after a restart, audit trail included, and numbers the next write 4', async () => {
    const server = await npmStart(env());
    const { data, errors } = await ask<{
      person: { key: string; name: string; mentions: { quote: string; source: { key: string; text: string } }[] };
      event: { relationships: { edges: { node: { key: string; to: { key: string }; evidence: unknown[] } }[] } };
      changes: { totalCount: number; edges: { node: { seq: number; actor: string; action: string } }[] };
      draft: { readUpTo: number; entities: { name: string }[] };
    }>(
      server.url,
      `{
        person: entity(kind: PERSON, key: "halyna-hutchins") { key name mentions { quote source { key text } } }
        event: entity(kind: EVENT, key: "baldwin-cleared-of-charges") {
          relationships(types: [CONCERNS], direction: OUT) {
            edges { node { key to { key } evidence { quote start end modality assertedBy source { key } } } } } }
        changes(first: 10) { totalCount edges { node { seq actor action } } }
        draft(source: "${SOURCE}") { readUpTo entities { name } }
      }`,
    );
    expect(errors).toBeUndefined();
    // the reading of the new source comes back with it, for review
    expect(data!.draft.readUpTo).toBe(TEXT.length);
    expect(data!.person).toEqual({
      key: 'halyna-hutchins',
      name: 'Halyna Hutchins',
      mentions: [{ quote: 'Halyna Hutchins', source: { key: SOURCE, text: TEXT } }],
    });
    const { source, ...span } = at(CLAIM_QUOTE);
    expect(data!.event.relationships.edges.map((e) => e.node)).toEqual([
      {
        key: CLAIM_KEY,
        to: { key: 'halyna-hutchins' },
        evidence: [{ ...span, modality: 'REPORTED', assertedBy: 'Variety', source: { key: source } }],
      },
    ]);
    expect(data!.changes.totalCount).toBe(3);
    expect(data!.changes.edges.map((e) => [e.node.seq, e.node.actor, e.node.action])).toEqual([
      [3, 'alice', 'ASSERT_RELATIONSHIP'],
      [2, 'alice', 'UPSERT_ENTITY'],
      [1, 'alice', 'ADD_SOURCE'],
    ]);

    const fourth = await write<{ upsertEntity: { change: { seq: number } } }>(server.url, UPSERT, {
      key: 'halyna-hutchins',
      kind: 'PERSON',
      summary: 'Cinematographer; the second report spells her name so.',
    });
    expect(fourth.upsertEntity.change.seq).toBe(4);
    const lines = readFileSync(join(dataDir, 'changes.jsonl'), 'utf8').split('\n').filter(Boolean);
    expect(lines.map((line) => (JSON.parse(line) as { seq: number }).seq)).toEqual([1, 2, 3, 4]);
  }, 120_000);
});
