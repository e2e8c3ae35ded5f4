/** The Yoga server: schema, per-request context, GraphiQL, health and readiness. It does not listen. */
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { createGraphQLError, createYoga, maskError, type Plugin } from 'graphql-yoga';
import { StoreUnavailable } from '../store/guardedStore.js';
import { DEFAULT_SERVER_OPTIONS, type ServerOptions } from '../config.js';
import { createContext } from '../graphql/context.js';
import { schema } from '../graphql/schema.js';
import type { GraphStore } from '../store/graphStore.js';
import { explorerPage } from './explorerPage.js';
import { exportRoutes } from './exports.js';
import { GRAPHIQL_DEFAULT_QUERY, GRAPHIQL_TABS } from './graphiql.js';
import { introspectionPolicy } from './introspection.js';
import { limitsPlugin } from './limits.js';
import { requireReadScope } from './requireAuth.js';
import { createLogger, createMetrics, meteredStore, observe, yogaLogger, type Metrics } from './observability.js';
import type { Logger } from 'pino';

/** GET /ready: 200 when the store answers, 503 when it does not (a load balancer's question). */
function readiness(store: GraphStore): Plugin {
  return {
    async onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname !== '/ready') return;
      try {
        await store.ping();
        endResponse(fetchAPI.Response.json({ status: 'ready', store: store.name }));
      } catch {
        endResponse(fetchAPI.Response.json({ status: 'unavailable', store: store.name }, { status: 503 }));
      }
    },
  };
}

/** Errors stay masked, but a store outage is said plainly: clients should retry, not report a bug. */
function reportStoreOutages(error: unknown, message: string, isDev?: boolean): Error {
  const original = (error as { originalError?: unknown }).originalError ?? error;
  if (original instanceof StoreUnavailable) {
    return createGraphQLError('the store is unavailable: try again shortly', {
      extensions: { code: 'STORE_UNAVAILABLE' },
      path: (error as { path?: readonly (string | number)[] }).path,
    });
  }
  return maskError(error, message, isDev);
}

export interface Observability {
  logger: Logger;
  metrics: Metrics;
}

export function createServer(
  rawStore: GraphStore,
  options: ServerOptions = DEFAULT_SERVER_OPTIONS,
  { logger, metrics }: Observability = { logger: createLogger(), metrics: createMetrics() },
) {
  const store = meteredStore(rawStore, metrics);
  return createYoga({
    logging: yogaLogger(logger),
    schema,
    context: ({ request }) => createContext(store, request, options),
    graphqlEndpoint: '/graphql',
    maskedErrors: { maskError: reportStoreOutages },
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql: options.graphiql && { title: 'Case graph', defaultQuery: GRAPHIQL_DEFAULT_QUERY, defaultTabs: GRAPHIQL_TABS },
    maxRequestBodySize: options.limits.maxBodyBytes,
    batching: { limit: options.limits.maxBatch },
    plugins: [
      // GET and form posts (what a browser sends cross-site without asking) need this header.
      observe(logger, metrics),
      useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf'] }),
      limitsPlugin(options.limits),
      requireReadScope(),
      introspectionPolicy(options.introspection),
      readiness(store),
      exportRoutes(store, options),
      explorerPage(),
    ],
  });
}

export type CaseGraphServer = ReturnType<typeof createServer>;
