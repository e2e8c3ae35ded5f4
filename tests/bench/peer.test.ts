/**
 * `npm run bench:peer` compares this project with @neo4j/graphql and a one-query floor only after
 * checking that the three give the same facts; this holds them to that on the test run's Neo4j,
 * in-process: the project through its Yoga, the peer through its own, the floor through its handler.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { createPeerYoga } from '../../scripts/bench/peer/peerServer.js';
import { floorHandler, type FloorOperation } from '../../scripts/bench/peer/floorServer.js';
import {
  agree,
  differences,
  OPERATION_NAMES,
  peerOperations,
  RUST_PEER_SUBJECTS,
  syntheticPeerSubjects,
  type Send,
} from '../../scripts/bench/peer/operations.js';
import { syntheticCase } from '../../scripts/bench/synthetic.js';
import type { GraphStore } from '../../src/store/graphStore.js';
import { seedNeo4j } from '../../src/store/neo4j/seed.js';
import { apiFor } from '../support/api.js';
import { DATABASE, neo4jDriver, neo4jUri, rustCase, STORES } from '../support/stores.js';

describe('the subjects of a synthetic case', () => {
  it('are a median person, a credited production and a search that finds a dozen people', () => {
    const graph = syntheticCase(2000);
    const subjects = syntheticPeerSubjects(graph);
    const keys = new Set(graph.entities.map((e) => e.key));
    expect(keys.has(subjects.person) && subjects.person.startsWith('person-')).toBe(true);
    expect(graph.relationships.some((r) => r.type === 'WORKED_ON' && r.to === subjects.production)).toBe(true);
    expect(graph.entities.filter((e) => e.name.includes(subjects.search)).length).toBeGreaterThan(1);
  });

  it('are compared fact by fact, and a difference is named', () => {
    expect(differences(['a', 'b'], ['a', 'b'])).toBeNull();
    expect(differences(['a', 'b'], ['a', 'c'])).toMatch(/missing: b[\s\S]*extra: {3}c/);
    expect(differences(['a', 'a'], ['a'])).toMatch(/2 facts expected, 1 given/);
  });
});

describe.skipIf(!neo4jUri)('the three servers of the peer benchmark', () => {
  let store: GraphStore;
  let driver: Driver;
  let peer: Awaited<ReturnType<typeof createPeerYoga>>;
  let floor: ReturnType<typeof floorHandler>;

  /** How each server is asked, in-process; a project server of its own, so that no answer it kept carries over. */
  const sender = (): Send => {
    const project = apiFor(store).yoga;
    const post = async (fetch: typeof project.fetch, path: string, body: unknown) => {
      const response = await fetch(`http://test${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
      });
      return response.json();
    };
    return async (server, operation) => {
      if (server === 'project') return post(project.fetch, operation.path, operation.body);
      if (server === 'peer') return post(peer.fetch as typeof project.fetch, operation.path, operation.body);
      // as the floor's HTTP face answers: its rows through JSON
      const rows = await floor(decodeURIComponent(operation.path.slice(1)) as FloorOperation, operation.body);
      return JSON.parse(JSON.stringify(rows));
    };
  };

  beforeAll(async () => {
    // seeds the case files, as every Neo4j test does
    store = await STORES.find((s) => s.name === 'neo4j')!.open();
    driver = neo4jDriver();
    peer = await createPeerYoga(driver, DATABASE);
    floor = floorHandler(driver, DATABASE);
  });

  afterAll(async () => {
    await driver?.close();
    await store?.close();
  });

  it('agree on the facts of every operation on the Rust case', async () => {
    const send = sender();
    const operations = peerOperations(RUST_PEER_SUBJECTS);
    const counts = await agree(operations, send);
    expect(Object.keys(counts)).toEqual([...OPERATION_NAMES]);
    // what the facts are, on a case small enough to read
    const page = operations['entity page'].project;
    const facts = page.facts(await send('project', page));
    expect(facts).toContain('alec-baldwin REPRESENTS<- lewten-nikas "Lewten Nikas" role=legal counsel');
    expect(facts).toContain('alec-baldwin WORKED_ON-> rust "Rust" role=-');
    const search = operations.search.floor;
    expect(search.facts(await send('floor', search))).toEqual([
      'alec-baldwin "Alec Baldwin"',
      'baldwin-cleared-of-charges "Alec Baldwin cleared of charges"',
      'legal-scrutiny-of-baldwin "Legal scrutiny of Alec Baldwin"',
    ]);
  });

  it('agree on a synthetic case of 1,000 entities, and name a difference when one does not', async () => {
    const graph = syntheticCase(1000);
    await seedNeo4j(driver, DATABASE, graph, { batchSize: 5000 });
    try {
      const send = sender();
      const operations = peerOperations(syntheticPeerSubjects(graph));
      const answers = new Map<unknown, unknown>();
      const counts = await agree(operations, async (server, operation) => {
        answers.set(operation, await send(server, operation));
        return answers.get(operation);
      });
      expect(counts.list).toBeGreaterThan(50);
      // a server that lost a relationship is caught (the same answers, one relationship fewer)
      const lossy: Send = async (_server, operation) => {
        const answer = answers.get(operation);
        if (operation !== operations['entity page'].floor) return answer;
        const [row] = answer as { links: unknown[] }[];
        return [{ ...row, links: row!.links.slice(1) }];
      };
      await expect(agree(operations, lossy)).rejects.toThrow(
        /entity page: floor differs from the project[\s\S]*missing/,
      );
    } finally {
      await seedNeo4j(driver, DATABASE, rustCase());
    }
  });
});
