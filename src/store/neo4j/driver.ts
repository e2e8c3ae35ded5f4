/** One driver per process (and one per analyst Cypher worker), configured from the environment. */
import neo4j, { type Config, type Driver } from 'neo4j-driver';
import type { Neo4jConfig } from '../../config.js';

/** Who a driver logs in as: the API's user, or the analyst user (NEO4J_ANALYST_USER). */
export type Neo4jLogin = Pick<Neo4jConfig, 'uri' | 'user' | 'password'>;

export function createDriver(config: Neo4jLogin, timeoutMs = 5_000, extra: Config = {}): Driver {
  // A local Neo4j without authentication accepts no credentials; a password means basic auth.
  const auth = config.password ? neo4j.auth.basic(config.user, config.password) : undefined;
  return neo4j.driver(config.uri, auth, {
    // The driver's own default waits 60 s for a connection; a user waits far less for an answer.
    connectionAcquisitionTimeout: timeoutMs,
    connectionTimeout: timeoutMs,
    maxTransactionRetryTime: timeoutMs,
    ...extra,
  });
}

/** Whom analyst Cypher logs in as: NEO4J_ANALYST_USER (a reader) when set, the API's own user otherwise. */
export function analystLogin({ uri, user, password, analyst }: Neo4jConfig): Neo4jLogin {
  return { uri, ...(analyst ?? { user, password }) };
}
