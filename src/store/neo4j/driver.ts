/** One driver per process, configured from the environment. */
import neo4j, { type Driver } from 'neo4j-driver';
import type { Neo4jConfig } from '../../config.js';

export function createDriver(config: Neo4jConfig, timeoutMs = 5_000): Driver {
  // A local Neo4j without authentication accepts no credentials; a password means basic auth.
  const auth = config.password ? neo4j.auth.basic(config.user, config.password) : undefined;
  return neo4j.driver(config.uri, auth, {
    // The driver's own default waits 60 s for a connection; a user waits far less for an answer.
    connectionAcquisitionTimeout: timeoutMs,
    connectionTimeout: timeoutMs,
    maxTransactionRetryTime: timeoutMs,
  });
}
