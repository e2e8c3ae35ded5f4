/**
 * The Yoga server, assembled: schema and per-request context, GraphiQL, CORS and CSRF, limits,
 * auth, logs and metrics, the response cache, health and readiness, exports and the explorer page,
 * and the event bus of live updates (disposed with the server). It does not listen (main.ts does).
 */
import { createYoga } from 'graphql-yoga';
import type { Logger } from 'pino';
import { DEFAULT_SERVER_OPTIONS, type ServerOptions } from '../config.js';
import { createContext } from '../graphql/context.js';
import { createGraphEvents, type OwnedGraphEvents } from '../graphql/events.js';
import { schema } from '../graphql/schema.js';
import type { GraphStore } from '../store/graphStore.js';
import { bodyLimit } from './bodyLimit.js';
import { corsFor, varyByOrigin } from './cors.js';
import { csrfPrevention } from './csrf.js';
import { explorerPage } from './explorerPage.js';
import { exportRoutes } from './exports.js';
import { GRAPHIQL_TABS } from './graphiql.js';
import { offlineGraphiQL } from './graphiqlPage.js';
import { introspectionPolicy } from './introspection.js';
import { limitsPlugin } from './limits.js';
import { metricsRoute } from './metricsEndpoint.js';
import { requireReadScope } from './requireAuth.js';
import { createLogger, createMetrics, meteredStore, observe, yogaLogger, type Metrics } from './observability.js';
import { readiness } from './readiness.js';
import { staticTransfer } from './staticTransfer.js';
import { responseCache } from './responseCache.js';
import { maskErrorsButOutages } from './errorMasking.js';
import { requestErrorsWithoutEcho } from './requestErrors.js';
import { variableErrorsCoded } from './variableErrors.js';

export interface Observability {
  logger: Logger;
  metrics: Metrics;
}

export function createServer(
  rawStore: GraphStore,
  options: ServerOptions = DEFAULT_SERVER_OPTIONS,
  { logger, metrics }: Observability = { logger: createLogger(), metrics: createMetrics() },
  /** The bus of live updates, which the server then owns; by default one on REDIS_URL, or in-process. */
  events: OwnedGraphEvents = createGraphEvents(options.redisUrl ?? null, logger),
) {
  const store = meteredStore(rawStore, metrics);
  const observed = observe(logger, metrics);
  // off (null) when RESPONSE_CACHE_TTL_MS is 0; on, resolvers publish through it, so a write drops
  // what it touched from this instance's cache before the mutation answers
  const cache = responseCache(options, events, metrics);
  return createYoga({
    logging: yogaLogger(logger),
    schema,
    context: ({ request }) => createContext(store, request, options, cache?.events ?? events),
    graphqlEndpoint: '/graphql',
    maskedErrors: { maskError: maskErrorsButOutages },
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql: options.graphiql && { title: 'Case graph', defaultTabs: GRAPHIQL_TABS },
    // GraphiQL's script, styles and workers from this server, not unpkg.com: it works offline
    renderGraphiQL: offlineGraphiQL(),
    // bodyLimit (last of the plugins) enforces MAX_BODY_BYTES without Yoga's stream per request
    maxRequestBodySize: false,
    // limitsPlugin enforces MAX_BATCH itself, with QUERY_TOO_COMPLEX; Yoga's own limit stays out of its way
    batching: { limit: Number.MAX_SAFE_INTEGER },
    cors: corsFor(options.corsOrigins),
    plugins: [
      observed.requests,
      varyByOrigin(options.corsOrigins),
      metricsRoute(metrics, options),
      // GET and form posts (what a browser sends cross-site without asking) need a header.
      csrfPrevention(),
      requestErrorsWithoutEcho(),
      variableErrorsCoded(),
      limitsPlugin(options.limits),
      requireReadScope(options),
      // after the auth plugin: only operations that passed validation and auth are named
      observed.operations,
      ...introspectionPolicy(options.introspection),
      // after auth and limits: an answer is served only to an operation that passed them
      ...(cache ? [cache.plugin] : []),
      readiness(store),
      exportRoutes(store, options),
      explorerPage(),
      // GraphiQL's 9 MB page and the explorer's files: compressed, and a 304 on a reload
      staticTransfer(),
      // shutdown (closeGracefully) disposes Yoga before it closes the store: Redis goes with Yoga
      { onDispose: () => events.close() },
      // after every plugin that may set a request parser, so that it limits the one chosen
      bodyLimit(options.limits.maxBodyBytes),
    ],
  });
}
