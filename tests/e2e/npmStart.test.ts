/**
 * As a new user runs it: `npm start` answers on the embedded store; after `npm run seed` twice,
 * `npm start` on Neo4j answers the same counts.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';
import { npmStart, stop, stopServersAfterEach } from '../support/npmStart.js';
import { DATABASE, neo4jDriver, neo4jUri, rustCase } from '../support/stores.js';
import { seedNeo4j } from '../../src/store/neo4j/seed.js';

async function resetNeo4j(): Promise<void> {
  const driver = neo4jDriver();
  try {
    await seedNeo4j(driver, DATABASE, rustCase());
  } finally {
    await driver.close();
  }
}

const COUNTS = `{ people(first: 50) { totalCount edges { node { name } } }
  organisations { totalCount } productions { totalCount } locations { totalCount } events { totalCount } }`;

/** What COUNTS asks for. */
interface Counts {
  people: { totalCount: number; edges: { node: { name: string } }[] };
  organisations: { totalCount: number };
  productions: { totalCount: number };
  locations: { totalCount: number };
  events: { totalCount: number };
}

stopServersAfterEach();

async function ask(url: string, query: typeof COUNTS) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { data: Counts; errors?: unknown };
}

describe('npm start, as a new user runs it', () => {
  let embeddedCounts: unknown;

  it('serves the embedded store with no database, says so, and stops cleanly on SIGTERM', async () => {
    const server = await npmStart({ NEO4J_URI: '' });
    expect(server.output()).toContain('Serving the case graph from the embedded store');
    const { data, errors } = await ask(server.url, COUNTS);
    expect(errors).toBeUndefined();
    expect(data.people.totalCount).toBe(5);
    expect(data.people.edges.map((e) => e.node.name)).toEqual([
      'Alec Baldwin',
      'Alex Spiro',
      'Galina Hutchins',
      'Joel Souza',
      'Lewten Nikas',
    ]);
    embeddedCounts = data;
    expect((await fetch(server.url.replace('/graphql', '/health'))).status).toBe(200);
    await stop(server.child);
    expect(server.output()).toContain('SIGTERM: closing');
    await expect(fetch(server.url.replace('/graphql', '/health'))).rejects.toThrow();
  }, 120_000);

  it.runIf(neo4jUri !== null)(
    'serves the same counts from Neo4j after `npm run seed` has run twice',
    async () => {
      const env = { ...process.env, NEO4J_URI: neo4jUri! };
      // other test files leave editors' changes behind, which `npm run seed` would rightly refuse to discard
      await resetNeo4j();
      for (let run = 0; run < 2; run++) {
        const seed = spawnSync('npm', ['run', 'seed', '--silent'], { cwd: PROJECT_ROOT, env, encoding: 'utf8' });
        expect(seed.status, seed.stderr).toBe(0);
        expect(seed.stdout).toContain('1 source(s), 18 entities, 29 relationships, 71 pieces of evidence');
      }
      const server = await npmStart({ NEO4J_URI: neo4jUri! });
      expect(server.output()).toContain(`Serving the case graph from Neo4j at ${neo4jUri}`);
      const { data } = await ask(server.url, COUNTS);
      expect(data).toEqual(embeddedCounts);
    },
    180_000,
  );

  it('refuses to seed without NEO4J_URI, saying what to set', () => {
    const seed = spawnSync('npm', ['run', 'seed', '--silent'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NEO4J_URI: '' },
      encoding: 'utf8',
    });
    expect(seed.status).toBe(1);
    expect(seed.stderr).toContain('NEO4J_URI is not set');
  });
});
