/**
 * Editors' writes on the embedded store as `npm start` runs it: each write saves the case folders
 * under DATA_DIR (file names from source keys and case keys) and the audit trail. Attacks: keys
 * that would escape DATA_DIR or collide with its files; writes that the store accepts but the
 * loader then refuses (the server could not start again); and what a flood of writes costs, in
 * bytes read and written per write (node:fs is counted, not replaced).
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { CaseGraph } from '../../src/domain/model.js';
import { loadCases } from '../../src/domain/loadCases.js';
import { caseFolderWriter, loadChanges, saveCases } from '../../src/domain/saveCases.js';
import { DEFAULT_DATA_DIR } from '../../src/paths.js';
import { MemoryStore } from '../../src/store/memory/memoryStore.js';
import { apiFor } from '../support/api.js';
import { snapshotOf } from '../support/snapshot.js';

/** Bytes that pass through readFileSync and writeFileSync, for the cost of one write. */
const io = vi.hoisted(() => ({ read: 0, written: 0 }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const size = (data: unknown) =>
    typeof data === 'string' ? Buffer.byteLength(data) : ((data as Uint8Array | undefined)?.byteLength ?? 0);
  const readFileSync = ((...args: Parameters<typeof fs.readFileSync>) => {
    const result = fs.readFileSync(...args);
    io.read += size(result);
    return result;
  }) as typeof fs.readFileSync;
  const writeFileSync = ((...args: Parameters<typeof fs.writeFileSync>) => {
    io.written += size(args[1]);
    return fs.writeFileSync(...args);
  }) as typeof fs.writeFileSync;
  return { ...fs, default: { ...fs, readFileSync, writeFileSync }, readFileSync, writeFileSync };
});

const EDITOR = { authorization: 'Bearer disk-editor-secret' };
const OPTIONS = { editorTokens: ['alice:disk-editor-secret'] };
type Errors = { message: string; extensions?: { code?: string; field?: string } }[] | undefined;

const ADD_SOURCE = `mutation($input: AddSourceInput!) { addSource(input: $input) { source { key } } }`;
const UPSERT = `mutation($input: UpsertEntityInput!) { upsertEntity(input: $input) { entity { key } } }`;
const ADD_MENTION = `mutation($input: AddMentionInput!) { addMention(input: $input) { change { seq } } }`;
const MERGE = `mutation($input: MergeEntitiesInput!) { mergeEntities(input: $input) { change { seq } } }`;
const UNMERGE = `mutation($input: UnmergeEntitiesInput!) { unmergeEntities(input: $input) { change { seq } } }`;

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A copy of the repository's data directory inside a fresh root, and the store `npm start` would open on it. */
function persistedStore(seed?: (graph: CaseGraph) => void) {
  const root = mkdtempSync(join(tmpdir(), 'writes-disk-'));
  roots.push(root);
  const dataDir = join(root, 'data');
  cpSync(DEFAULT_DATA_DIR, dataDir, { recursive: true });
  if (seed) {
    const graph = loadCases(dataDir);
    seed(graph);
    saveCases(dataDir, graph, []);
  }
  const open = () => {
    const changes = loadChanges(dataDir);
    return new MemoryStore(loadCases(dataDir), changes, caseFolderWriter(dataDir, changes.length));
  };
  const store = open();
  return { root, dataDir, store, api: apiFor(store, OPTIONS), open };
}

/** Every path under `dir`, with its size: what a refused write must leave as it was. */
function listing(dir: string): Record<string, number> {
  const found: Record<string, number> = {};
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else found[relative(dir, path)] = statSync(path).size;
    }
  };
  walk(dir);
  return found;
}

/** The data directory loads (a restart would work) and holds exactly what the running store holds. */
async function expectRestartable(disk: ReturnType<typeof persistedStore>) {
  const reopened = disk.open();
  expect(await snapshotOf(reopened)).toEqual(await snapshotOf(disk.store));
}

describe('keys that become file names', () => {
  it('refuses keys that would leave DATA_DIR, name its files, or are not plain slugs, writing nothing anywhere', async () => {
    const disk = persistedStore();
    const before = listing(disk.root);
    const hostile = [
      '../escaped',
      '..',
      '.',
      'a/b',
      'a\\b',
      '/tmp/escaped',
      'case.json',
      'changes.jsonl',
      'rust-article.txt',
      '.hidden',
      'caf\u00e9',
      'cafe\u0301',
      '\uff52ust',
      'a\u0000b',
      'a\nb',
      'CON',
      'nul ',
      'a--b',
      '-a',
      '',
      'x'.repeat(101),
    ];
    for (const key of hostile) {
      for (const [field, input] of [
        ['key', { key, caseKey: 'rust-case', text: 'x' }],
        ['caseKey', { key: 'fine-key', caseKey: key, text: 'x' }],
      ] as const) {
        const { errors } = (await disk.api.query(ADD_SOURCE, { input }, EDITOR)) as { errors: Errors };
        expect(errors?.[0]?.extensions?.code, `${field} ${JSON.stringify(key)}`).toBe('BAD_USER_INPUT');
        expect(errors?.[0]?.extensions?.field, `${field} ${JSON.stringify(key)}`).toBe(field);
      }
    }
    expect(listing(disk.root)).toEqual(before);
  });

  it('keeps slugs that echo the data directory’s own names apart from its files', async () => {
    const disk = persistedStore();
    for (const input of [
      { key: 'case', caseKey: 'changes', text: 'A source whose text file is case.txt.' },
      { key: 'changes', caseKey: 'rust-case', text: 'A source whose text file is changes.txt.' },
      { key: 'x'.repeat(100), caseKey: 'y'.repeat(100), text: 'The longest keys.' },
    ]) {
      const { errors } = (await disk.api.query(ADD_SOURCE, { input }, EDITOR)) as { errors: Errors };
      expect(errors).toBeUndefined();
    }
    expect(statSync(join(disk.dataDir, 'changes.jsonl')).isFile()).toBe(true);
    expect(loadChanges(disk.dataDir)).toHaveLength(3);
    await expectRestartable(disk);
  });
});

describe('what the store accepts, the data directory must load again', () => {
  it('an existing entity given name: null (the write fails, but the case file was already saved with it)', async () => {
    const disk = persistedStore();
    const { errors } = (await disk.api.query(
      UPSERT,
      { input: { key: 'rust', kind: 'PRODUCTION', name: null } },
      EDITOR,
    )) as { errors: Errors };
    await expectRestartable(disk);
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a merge that moves a claim (the claim keeps its "<from>--<type>--<to>" key, which is no slug)', async () => {
    const disk = persistedStore();
    const { errors } = await disk.api.query(
      MERGE,
      { input: { survivorKey: 'alex-spiro', mergedKey: 'lewten-nikas', reason: 'routine merge' } },
      EDITOR,
    );
    expect(errors).toBeUndefined();
    await expectRestartable(disk);
  });

  it('an unmerge that fails after its save (a moved claim whose other end was merged away since)', async () => {
    const disk = persistedStore();
    for (const input of [
      { survivorKey: 'alex-spiro', mergedKey: 'lewten-nikas' },
      { survivorKey: 'joel-souza', mergedKey: 'alec-baldwin' },
    ]) {
      expect((await disk.api.query(MERGE, { input }, EDITOR)).errors).toBeUndefined();
    }
    await disk.api.query(UNMERGE, { input: { survivorKey: 'alex-spiro', mergedKey: 'lewten-nikas' } }, EDITOR);
    await expectRestartable(disk);
  });

  it('a source text with a lone surrogate, and a mention of it (UTF-8 on disk cannot hold it)', async () => {
    const disk = persistedStore();
    const text = 'Broken \ud800 text, and a split \u{1F600} emoji.';
    await disk.api.query(ADD_SOURCE, { input: { key: 'lone', caseKey: 'rust-case', text } }, EDITOR);
    const at = text.indexOf('\ud800');
    await disk.api.query(
      ADD_MENTION,
      { input: { entityKey: 'rust', mention: { source: 'lone', start: at, end: at + 1, quote: '\ud800' } } },
      EDITOR,
    );
    // either refused, or kept byte for byte: never a data directory that no longer loads
    await expectRestartable(disk);
  });
});

describe('a flood of writes on the embedded store', () => {
  it('costs each write what it changes, not the whole history: 200 writes with a 1 MB source', {
    timeout: 60_000,
  }, async () => {
    const big = 'lorem ipsum dolor sit amet '.repeat(40_000).slice(0, 1_000_000);
    const disk = persistedStore((graph) =>
      graph.sources.push({
        key: 'big-source',
        caseKey: 'big-case',
        title: null,
        publisher: 'Lorem',
        published: null,
        url: null,
        text: big,
      }),
    );
    mkdirSync(join(disk.dataDir, 'unrelated'), { recursive: true });
    const times: number[] = [];
    const perWrite: { read: number; written: number }[] = [];
    const started = performance.now();
    for (let i = 0; i < 200; i++) {
      io.read = 0;
      io.written = 0;
      const t = performance.now();
      const { errors } = (await disk.api.query(
        ADD_MENTION,
        {
          input: {
            entityKey: 'rust',
            mention: { source: 'big-source', start: i * 27, end: i * 27 + 5, quote: 'lorem' },
          },
        },
        EDITOR,
      )) as { errors: Errors };
      expect(errors).toBeUndefined();
      times.push(performance.now() - t);
      perWrite.push({ ...io });
    }
    const total = performance.now() - started;
    const mean = (xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10;
    const last = perWrite.at(-1)!;
    const trail = statSync(join(disk.dataDir, 'changes.jsonl')).size;
    console.info(
      `[writes] embedded, Rust case + 1 MB source, 200 sequential addMention: ${Math.round(total)} ms total; ` +
        `first 10 ${mean(times.slice(0, 10))} ms/write, last 10 ${mean(times.slice(-10))} ms/write; ` +
        `write #1 read ${perWrite[0]!.read} B, wrote ${perWrite[0]!.written} B; ` +
        `write #200 read ${last.read} B, wrote ${last.written} B; changes.jsonl ${trail} B`,
    );
    await expectRestartable(disk);
    // the 1 MB text never changes, and the audit trail only grows by one line: neither should be
    // read back or written again in full by every write
    expect(last.read).toBeLessThan(256 * 1024);
    expect(last.written).toBeLessThan(256 * 1024);
  });
});
