/** GET /ready: 200 when the store answers, 503 when it does not (a load balancer's question), on Yoga's readiness check. */
import { useReadinessCheck, type Plugin } from 'graphql-yoga';
import type { GraphStore } from '../store/graphStore.js';

export function readiness(store: GraphStore): Plugin {
  return useReadinessCheck({
    endpoint: '/ready',
    check: async ({ fetchAPI }) => {
      const ready = await store.ping().then(
        () => true,
        () => false,
      );
      return fetchAPI.Response.json(
        { status: ready ? 'ready' : 'unavailable', store: store.name },
        { status: ready ? 200 : 503 },
      );
    },
  });
}
