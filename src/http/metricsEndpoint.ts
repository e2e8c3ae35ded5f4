/**
 * GET /metrics, the Prometheus text. On the main port it needs a read (or analyst) token when
 * REQUIRE_AUTH is on, like every read. With METRICS_PORT it is served instead by a listener of its
 * own (main.ts starts it, bound to HOST), so that a firewall, not a token, decides who scrapes.
 */
import { createServer as createNodeServer, type Server } from 'node:http';
import type { Plugin } from 'graphql-yoga';
import type { ServerOptions } from '../config.js';
import { callerOf, httpOf, refusalFor } from '../access/callers.js';
import type { Metrics } from './observability.js';

/** The route on the main port; nothing at all when METRICS_PORT moves it away (then it is a 404). */
export function metricsRoute(metrics: Metrics, options: ServerOptions): Plugin {
  if (options.metricsPort !== undefined) return {};
  return {
    // not async: an API request leaves at once, without a promise for Yoga to wait on
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== '/metrics' || request.method !== 'GET') return;
      const refusal = refusalFor(callerOf(request, options), 'read');
      if (refusal) {
        const { status, headers } = httpOf(refusal);
        return endResponse(
          fetchAPI.Response.json({ error: { code: refusal.code, message: refusal.message } }, { status, headers }),
        );
      }
      return metrics.registry
        .metrics()
        .then((text) =>
          endResponse(new fetchAPI.Response(text, { headers: { 'content-type': metrics.registry.contentType } })),
        );
    },
  };
}

/** The METRICS_PORT listener: GET /metrics and nothing else. The caller listens and closes it. */
export function createMetricsServer(metrics: Metrics): Server {
  return createNodeServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://metrics').pathname;
    if (path !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found: try /metrics\n');
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response
        .writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' })
        .end('method not allowed\n');
      return;
    }
    metrics.registry.metrics().then(
      // Node sends no body to a HEAD request by itself
      (text) => response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      (error: unknown) =>
        response
          .writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
          .end(`metrics failed: ${String(error)}\n`),
    );
  });
}
