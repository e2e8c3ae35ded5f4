/** Chooses the store: Neo4j when NEO4J_URI is set, the embedded store otherwise. */
import type { Config } from '../config.js';
import { loadCases } from '../domain/loadCases.js';
import type { GraphStore } from './graphStore.js';
import { MemoryStore } from './memory/memoryStore.js';
import { createDriver } from './neo4j/driver.js';
import { guardedStore } from './guardedStore.js';
import { Neo4jStore } from './neo4j/neo4jStore.js';

export function createStore(config: Config): GraphStore {
  if (config.neo4j) {
    return guardedStore(new Neo4jStore(createDriver(config.neo4j, config.storeTimeoutMs), config.neo4j.database), config.storeTimeoutMs);
  }
  return new MemoryStore(loadCases(config.dataDir));
}

/** One line for the start-up log: which store answers, and where. */
export function describeStore(config: Config): string {
  return config.neo4j
    ? `Neo4j at ${config.neo4j.uri} (database ${config.neo4j.database})`
    : `the embedded store, loaded from ${config.dataDir}`;
}
