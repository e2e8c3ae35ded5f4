/** The Yoga server: schema, per-request context, GraphiQL, health and readiness. It does not listen. */
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { createYoga, type Plugin } from 'graphql-yoga';
import { DEFAULT_SERVER_OPTIONS, type ServerOptions } from '../config.js';
import { createContext } from '../graphql/context.js';
import { schema } from '../graphql/schema.js';
import type { GraphStore } from '../store/graphStore.js';
import { explorerPage } from './explorerPage.js';
import { exportRoutes } from './exports.js';
import { GRAPHIQL_DEFAULT_QUERY, GRAPHIQL_TABS } from './graphiql.js';
import { introspectionPolicy } from './introspection.js';
import { limitsPlugin } from './limits.js';

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

export function createServer(store: GraphStore, options: ServerOptions = DEFAULT_SERVER_OPTIONS) {
  return createYoga({
    schema,
    context: ({ request }) => createContext(store, request, options),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql: options.graphiql && { title: 'Case graph', defaultQuery: GRAPHIQL_DEFAULT_QUERY, defaultTabs: GRAPHIQL_TABS },
    maxRequestBodySize: options.limits.maxBodyBytes,
    batching: { limit: options.limits.maxBatch },
    plugins: [
      // GET and form posts (what a browser sends cross-site without asking) need this header.
      useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf'] }),
      limitsPlugin(options.limits),
      introspectionPolicy(options.introspection),
      readiness(store),
      exportRoutes(store),
      explorerPage(),
    ],
  });
}

export type CaseGraphServer = ReturnType<typeof createServer>;
