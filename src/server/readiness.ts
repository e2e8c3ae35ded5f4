/** GET /ready: 200 when the store answers, 503 when it does not (a load balancer's question). */
import type { Plugin } from 'graphql-yoga';
import type { GraphStore } from '../store/graphStore.js';

export function readiness(store: GraphStore): Plugin {
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
