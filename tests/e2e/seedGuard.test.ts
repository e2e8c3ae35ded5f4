/**
 * `npm run seed` replaces the graph in Neo4j with the case files: it must never discard editors'
 * writes that exist only in Neo4j. It refuses, says what to do, and --if-empty (what docker compose
 * runs on every start) leaves a database that holds a graph alone.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertEntity } from '../../src/curate/entities.js';
import { DEFAULT_DATA_DIR, PROJECT_ROOT } from '../../src/paths.js';
import { Neo4jStore } from '../../src/store/neo4j/neo4jStore.js';
import { seedNeo4j } from '../../src/store/neo4j/seed.js';
import { DATABASE, neo4jDriver, neo4jUri, rustCase } from '../support/stores.js';

const run = (script: string, args: string[], dataDir: string) =>
  spawnSync('npm', ['run', script, '--silent', '--', ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NEO4J_URI: neo4jUri ?? '', DATA_DIR: dataDir },
    encoding: 'utf8',
  });

describe.runIf(neo4jUri !== null)('seeding over editors’ writes', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'seed-guard-'));
  const driver = neo4jUri ? neo4jDriver() : null;
  const entityCount = async () => {
    const result = await driver!.executeQuery('MATCH (n:Entity) RETURN count(n) AS n', {}, { database: DATABASE });
    return Number(result.records[0]!.get('n'));
  };

  beforeAll(async () => {
    cpSync(DEFAULT_DATA_DIR, dataDir, { recursive: true });
    await seedNeo4j(driver!, DATABASE, rustCase());
    // an editor's write, made in Neo4j only
    const store = new Neo4jStore(driver!, DATABASE);
    const source = rustCase().sources[0]!;
    const start = source.text.indexOf('the studio');
    await upsertEntity(
      store,
      { actor: 'alice', reason: null },
      {
        key: 'the-studio',
        kind: 'ORGANISATION',
        name: 'the studio',
        mention: { source: source.key, start, end: start + 'the studio'.length, quote: 'the studio' },
      },
    );
  }, 60_000);

  afterAll(async () => {
    await driver?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses to seed over writes not in the case files, saying how to keep them', async () => {
    const seed = run('seed', [], dataDir);
    expect(seed.status).not.toBe(0);
    expect(seed.stderr).toContain('npm run dump');
    expect(await entityCount()).toBe(19);
  }, 60_000);

  it('leaves a database that holds a graph alone with --if-empty', async () => {
    const seed = run('seed', ['--if-empty'], dataDir);
    expect(seed.status, seed.stderr).toBe(0);
    expect(seed.stdout).toContain('not seeding it again');
    expect(await entityCount()).toBe(19);
  }, 60_000);

  it('seeds once the writes are dumped, and keeps them', async () => {
    const dump = run('dump', [dataDir], dataDir);
    expect(dump.status, dump.stderr).toBe(0);
    const seed = run('seed', [], dataDir);
    expect(seed.status, seed.stderr).toBe(0);
    expect(seed.stdout).toContain('19 entities');
    expect(seed.stdout).toContain('1 change(s)');
    expect(await entityCount()).toBe(19);
  }, 90_000);
});
