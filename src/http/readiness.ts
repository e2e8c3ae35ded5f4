/**
 * GET /ready: 200 when the store answers, 503 when it does not (a load balancer's question).
 *
 * Not Yoga's useReadinessCheck: it tests every request's URL against a URLPattern, which on Node
 * 20 is a polyfill, and that test cost about 3% of the server's CPU on each API request. The path
 * is compared exactly here, which is what the pattern matched.
 */
import type { Plugin } from 'graphql-yoga';
import type { GraphStore } from '../store/graphStore.js';

export function readiness(store: GraphStore): Plugin {
  return {
    onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname !== '/ready') return;
      return store.ping().then(
        () => endResponse(fetchAPI.Response.json({ status: 'ready', store: store.name }, { status: 200 })),
        () => endResponse(fetchAPI.Response.json({ status: 'unavailable', store: store.name }, { status: 503 })),
      );
    },
  };
}
