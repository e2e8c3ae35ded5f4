/** Asks the server in-process (yoga.fetch, no port), as any GraphQL client would. */
import { DEFAULT_SERVER_OPTIONS, type ServerOptions } from '../../src/config.js';
import { createServer } from '../../src/server/createServer.js';
import { afterAll, beforeAll } from 'vitest';
import type { GraphStore } from '../../src/store/graphStore.js';
import type { StoreUnderTest } from './stores.js';

/**
 * For tests that read the whole graph in one query on purpose (pages of 100 inside pages of 100):
 * the static cost estimate of such a query is in the hundreds of millions, so they switch the
 * cost limit off, as an operator could with MAX_COST. Every other limit stays.
 */
export const WHOLE_GRAPH_QUERIES: Partial<ServerOptions> = {
  limits: { ...DEFAULT_SERVER_OPTIONS.limits, maxCost: Number.MAX_SAFE_INTEGER },
};

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string } }[];
}

export function apiFor(store: GraphStore, options: Partial<ServerOptions> = {}) {
  const yoga = createServer(store, { ...DEFAULT_SERVER_OPTIONS, ...options });
  return {
    yoga,
    async query<T = Record<string, any>>(
      query: string,
      variables?: Record<string, unknown>,
      headers: Record<string, string> = {},
    ): Promise<GraphQLResponse<T>> {
      const response = await yoga.fetch('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...(await response.json()) };
    },
    /** The data of a query that must succeed. */
    async data<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T> {
      const result = await this.query<T>(query, variables);
      if (result.errors) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
      return result.data as T;
    },
  };
}

/** Inside a describe: a store (the case files by default) opened before its tests, closed after, and an API on it. */
export function apiOn(under: StoreUnderTest, options: Partial<ServerOptions> = {}) {
  const handle = {} as { store: GraphStore; api: ReturnType<typeof apiFor> };
  beforeAll(async () => {
    handle.store = await under.open();
    handle.api = apiFor(handle.store, options);
  });
  afterAll(async () => {
    await handle.store?.close();
  });
  return handle;
}
