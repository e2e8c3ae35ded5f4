/**
 * A store that answers in bounded time: every call races a deadline (STORE_TIMEOUT_MS), and a
 * store that cannot be reached (connection refused, timed out, service unavailable) raises
 * StoreUnavailable, which the API reports as STORE_UNAVAILABLE. Nothing is cached or retried
 * here: when the database comes back, the next request simply reaches it.
 *
 * Analyst Cypher is not raced: it has its own, usually longer, deadline (CYPHER_TIMEOUT_MS plus a
 * margin, enforced where it runs), and a query that runs too long is the query's fault
 * (QUERY_TOO_COMPLEX), not an outage.
 */
import type { GraphStore } from './graphStore.js';
import { CypherRefusal } from './cypher.js';
import { interceptStore } from './interceptStore.js';

export class StoreUnavailable extends Error {
  constructor(readonly storeName: string, cause?: unknown) {
    super(`the ${storeName} store is unavailable`, { cause });
    this.name = 'StoreUnavailable';
  }
}

/** What neo4j-driver raises when it cannot talk to the database (not query errors). */
function isConnectivityError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (code === 'ServiceUnavailable' || code === 'SessionExpired') return true;
  return /ECONNREFUSED|ECONNRESET|EPIPE|Connection acquisition timed out|Failed to connect|connection.*(closed|lost|terminated)/i.test(error.message);
}

/** Methods with a deadline of their own, not raced against the store timeout. */
const OWN_DEADLINE = new Set(['readOnlyCypher']);

export function guardedStore(store: GraphStore, timeoutMs: number): GraphStore {
  return interceptStore(store, (method, call) => {
    const answer = call().catch((error: unknown) => {
      if (error instanceof CypherRefusal || !isConnectivityError(error)) throw error;
      throw new StoreUnavailable(store.name, error);
    });
    if (OWN_DEADLINE.has(method)) return answer;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new StoreUnavailable(store.name, new Error(`no answer within ${timeoutMs} ms`))), timeoutMs);
    });
    return Promise.race([answer, deadline]).finally(() => clearTimeout(timer));
  });
}
