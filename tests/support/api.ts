/** Asks the server in-process (yoga.fetch, no port), as any GraphQL client would. */
import { DEFAULT_SERVER_OPTIONS, type ServerOptions } from '../../src/config.js';
import { createServer } from '../../src/http/createServer.js';
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

/** An answer as a client sees it: the HTTP status, then the body, its data shaped as the caller says. */
export interface GraphQLResponse<T> {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string } }[];
}

/** A connection as the tests read it: its edges' nodes, each of the shape N. */
export interface Edges<N> {
  edges: { node: N }[];
}

/**
 * The data of a `cypher` query: its columns, its rows as JSON objects by column, and the subgraph
 * they show. `query` answers with this shape when its caller names none, because the Cypher tests
 * (tests/api/cypher.test.ts, tests/security/cypher.test.ts) read their answers that way; every other
 * test names the shape it reads. Once those pass `CypherData` themselves, the fallback can be `unknown`.
 */
export interface CypherData {
  cypher: {
    columns: string[];
    rows: Record<string, unknown>[];
    truncated: boolean;
    subgraph: {
      nodes: { key: string }[];
      edges: { type: string; from: { key: string }; to: { key: string } }[];
    };
  };
}

export function apiFor(store: GraphStore, options: Partial<ServerOptions> = {}) {
  const yoga = createServer(store, { ...DEFAULT_SERVER_OPTIONS, ...options });
  return {
    yoga,
    async query<T = CypherData>(
      query: string,
      variables?: Record<string, unknown>,
      headers: Record<string, string> = {},
    ): Promise<GraphQLResponse<T>> {
      const response = await yoga.fetch('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
      return { status: response.status, ...body };
    },
    /** The data of a query that must succeed, of the shape T its caller reads (a shape, not a check). */
    async data<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
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
