/**
 * A store that answers in bounded time: every call races a deadline (STORE_TIMEOUT_MS), and a call
 * with no answer by then raises StoreUnavailable, which the API reports as STORE_UNAVAILABLE. Which
 * errors mean an outage is the adapter's to say (neo4j/executor.ts), not this guard's. Nothing is
 * cached or retried here: when the database comes back, the next request simply reaches it.
 *
 * Analyst Cypher is not raced: it has its own, usually longer, deadline (CYPHER_TIMEOUT_MS plus a
 * margin, enforced where it runs), and a query that runs too long is the query's fault
 * (QUERY_TOO_COMPLEX), not an outage.
 */
import { StoreUnavailable, type GraphStore } from './graphStore.js';
import { interceptStore } from './interceptStore.js';

/**
 * Methods with a deadline of their own, not raced against the store timeout. A write must not be:
 * answering STORE_UNAVAILABLE while its transaction goes on to commit would tell an editor that a
 * change failed which in fact landed. Its transaction carries the store's timeout instead.
 */
const OWN_DEADLINE = new Set(['readOnlyCypher', 'write']);

export function guardedStore(store: GraphStore, timeoutMs: number): GraphStore {
  return interceptStore(store, (method, call) => {
    if (OWN_DEADLINE.has(method)) return call();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new StoreUnavailable(store.name, new Error(`no answer within ${timeoutMs} ms`))),
        timeoutMs,
      );
    });
    return Promise.race([call(), deadline]).finally(() => clearTimeout(timer));
  });
}
