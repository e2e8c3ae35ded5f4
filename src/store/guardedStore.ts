/**
 * A store that answers in bounded time: every call races a deadline (STORE_TIMEOUT_MS), and a
 * store that cannot be reached (connection refused, timed out, service unavailable) raises
 * StoreUnavailable, which the API reports as STORE_UNAVAILABLE. Nothing is cached or retried
 * here: when the database comes back, the next request simply reaches it.
 */
import type { GraphStore } from './graphStore.js';
import { CypherRefusal } from './cypher.js';

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

const PASS_THROUGH = new Set(['name', 'close']);

export function guardedStore(store: GraphStore, timeoutMs: number): GraphStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || PASS_THROUGH.has(String(property))) return value;
      return (...args: unknown[]) => {
        let timer: NodeJS.Timeout | undefined;
        const deadline = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new StoreUnavailable(target.name, new Error(`no answer within ${timeoutMs} ms`))), timeoutMs);
        });
        const call = Promise.resolve(value.apply(target, args)).catch((error: unknown) => {
          if (error instanceof CypherRefusal || !isConnectivityError(error)) throw error;
          throw new StoreUnavailable(target.name, error);
        });
        return Promise.race([call, deadline]).finally(() => clearTimeout(timer));
      };
    },
  });
}
