/** Chooses the store: Neo4j when NEO4J_URI is set, the embedded store otherwise. */
import type { Config } from '../config.js';
import { loadCases } from '../domain/loadCases.js';
import { caseFolderWriter, loadChanges } from '../domain/saveCases.js';
import type { GraphStore } from './graphStore.js';
import { MemoryStore } from './memory/memoryStore.js';
import { analystLogin, createDriver } from './neo4j/driver.js';
import { guardedStore } from './guardedStore.js';
import { CypherWorkers } from './neo4j/cypherWorkers.js';
import { Neo4jStore } from './neo4j/neo4jStore.js';

/** Analyst queries running at once (each in its own worker thread); more wait for one to finish. */
const CYPHER_WORKERS = 4;

export function createStore(config: Config): GraphStore {
  if (config.neo4j) {
    const { database } = config.neo4j;
    const cypher = new CypherWorkers({
      login: analystLogin(config.neo4j),
      database,
      connectTimeoutMs: config.storeTimeoutMs,
      // room to decode and convert a result of CYPHER_MAX_BYTES many times over; more ends the worker
      heapMb: Math.max(256, Math.ceil((16 * config.server.cypherMaxBytes) / 2 ** 20)),
      maxWorkers: CYPHER_WORKERS,
    });
    const store = new Neo4jStore(createDriver(config.neo4j, config.storeTimeoutMs), database, {
      timeoutMs: config.storeTimeoutMs,
      cypher,
    });
    return guardedStore(store, config.storeTimeoutMs);
  }
  // the embedded store keeps editors' writes in the case folders it was loaded from
  const dataDir = config.dataDir;
  const changes = loadChanges(dataDir);
  return new MemoryStore(loadCases(dataDir), changes, caseFolderWriter(dataDir, changes.length));
}

/** One line for the start-up log: which store answers, and where. */
export function describeStore(config: Config): string {
  return config.neo4j
    ? `Neo4j at ${config.neo4j.uri} (database ${config.neo4j.database})`
    : `the embedded store, loaded from ${config.dataDir}`;
}
