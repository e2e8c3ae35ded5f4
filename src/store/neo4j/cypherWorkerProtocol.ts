/** The messages between the API and its analyst Cypher worker threads (structured clones: plain data only). */
import type { CypherAnswer, CypherLimits, CypherRefusalReason } from '../cypher.js';
import type { Neo4jLogin } from './driver.js';

/** What a worker is started with: whom its own driver logs in as, and where. */
export interface CypherWorkerData {
  login: Neo4jLogin;
  database: string;
  /** How long its driver waits to connect (STORE_TIMEOUT_MS). */
  connectTimeoutMs: number;
}

export interface CypherRequest {
  query: string;
  parameters: Record<string, unknown>;
  limits: CypherLimits;
}

export type CypherReply =
  | { kind: 'answer'; answer: CypherAnswer }
  | { kind: 'refusal'; reason: CypherRefusalReason; message: string }
  /** Anything else: an error that is not the query's fault, by its name and driver code (ServiceUnavailable, ...). */
  | { kind: 'failure'; name: string; code: string | undefined; message: string };
