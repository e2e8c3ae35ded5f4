/** The stores under test: the embedded store always, Neo4j whenever the global setup has one. */
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, inject } from 'vitest';
import { loadCases } from '../../src/domain/loadCases.js';
import type { CaseGraph } from '../../src/domain/model.js';
import { DEFAULT_DATA_DIR } from '../../src/paths.js';
import type { GraphStore } from '../../src/store/graphStore.js';
import { MemoryStore } from '../../src/store/memory/memoryStore.js';
import { Neo4jStore } from '../../src/store/neo4j/neo4jStore.js';
import { seedNeo4j } from '../../src/store/neo4j/seed.js';

export const DATABASE = 'neo4j';
export const neo4jUri = inject('neo4jUri');
/** Whether the global setup has a Neo4j for this run (tests of it are skipped otherwise). */
export const neo4jAvailable = neo4jUri !== null;

export interface StoreUnderTest {
  name: 'embedded' | 'neo4j';
  /** False when no Neo4j could run here (the suite is then reported as skipped). */
  available: boolean;
  /** A store holding `graph` (the repository's case files by default). */
  open(graph?: CaseGraph): Promise<GraphStore>;
}

export const rustCase = (): CaseGraph => loadCases(DEFAULT_DATA_DIR);

export function neo4jDriver() {
  if (!neo4jUri) throw new Error('no Neo4j for this test run');
  return neo4j.driver(neo4jUri);
}

export const STORES: StoreUnderTest[] = [
  { name: 'embedded', available: true, open: async (graph = rustCase()) => new MemoryStore(graph) },
  {
    name: 'neo4j',
    available: neo4jUri !== null,
    open: async (graph = rustCase()) => {
      const driver = neo4jDriver();
      await seedNeo4j(driver, DATABASE, graph);
      return new Neo4jStore(driver, DATABASE);
    },
  },
];

/** Both stores, each holding the same graph, as opened for the tests of one describe. */
export interface BothStores {
  embedded: GraphStore;
  neo4j: GraphStore;
}

/**
 * Both stores holding `graph` (the case files by default) for the tests of the describe this is
 * called in: opened before them, closed after. Only where Neo4j is available.
 */
export function bothStoresHolding(graph: () => CaseGraph = rustCase): BothStores {
  const stores = {} as BothStores;
  beforeAll(async () => {
    const held = graph();
    stores.embedded = await STORES[0]!.open(held);
    stores.neo4j = await STORES[1]!.open(held);
  }, 60_000);
  afterAll(async () => {
    await stores.embedded?.close();
    await stores.neo4j?.close();
  });
  return stores;
}
