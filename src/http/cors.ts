/**
 * CORS: which web pages, besides the server's own, may call the API from a browser. Only the
 * origins in CORS_ORIGINS; with none, Yoga sends no CORS headers at all (same origin only).
 */
import type { Plugin, YogaServerOptions } from 'graphql-yoga';

type CorsOption = YogaServerOptions<object, object>['cors'];

/** The headers a page may send: the bearer token, JSON, the CSRF header and a trace id. */
const ALLOWED_HEADERS = ['authorization', 'content-type', 'x-graphql-yoga-csrf', 'x-request-id'];

/**
 * Yoga's cors option for these origins. A factory, not Yoga's origin list: given a list, Yoga
 * answers a foreign origin with its only entry, or with "null" (which sandboxed pages send), where
 * a foreign origin must get no CORS header at all. No credentials: the API reads a bearer token,
 * never a cookie, so a page never needs the browser to attach them.
 */
export function corsFor(origins: readonly string[]): CorsOption {
  if (origins.length === 0) return false;
  const allowed = new Set(origins);
  return (request: Request) => {
    const origin = request.headers.get('origin');
    if (origin === null || !allowed.has(origin)) return false;
    return {
      origin: [origin],
      credentials: false,
      methods: ['GET', 'POST'],
      allowedHeaders: ALLOWED_HEADERS,
      exposedHeaders: ['x-request-id'],
      maxAge: 600,
    };
  };
}

/**
 * Vary: Origin on every response while origins are listed: whether CORS headers are sent depends
 * on the Origin, so a cache must not hand one origin's answer to another.
 */
export function varyByOrigin(origins: readonly string[]): Plugin {
  if (origins.length === 0) return {};
  return {
    onResponse({ response }) {
      const vary = response.headers.get('vary') ?? '';
      if (!/\borigin\b/i.test(vary)) response.headers.set('vary', vary ? `${vary}, Origin` : 'Origin');
    },
  };
}
