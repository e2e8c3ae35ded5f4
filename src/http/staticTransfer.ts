/**
 * The pages this server sends whole (GraphiQL's, 9 MB with its bundle inline, and the explorer's
 * page, script and stylesheet) are the same on every visit: they go gzip-compressed to a browser
 * that accepts it, with an ETag, so that a reload costs a 304 instead of megabytes. Each body is
 * compressed once and kept for as long as the server sends the same text.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'graphql-yoga';

/** A page is one of these types at one of these paths; /graphql is also the API, whose answers are JSON and never touched. */
const STATIC_TYPES = ['text/html', 'text/css', 'text/javascript', 'application/json'];
const STATIC_PATHS = new Set(['/', '/graphql', '/explorer.js', '/explorer.css', '/explorer.js.map']);

interface Prepared {
  text: string;
  etag: string;
  gzipped: Uint8Array<ArrayBuffer>;
}

const acceptsGzip = (request: Request) => /\bgzip\b/i.test(request.headers.get('accept-encoding') ?? '');

export function staticTransfer(): Plugin {
  const prepared = new Map<string, Prepared>();
  const prepare = (path: string, text: string): Prepared => {
    const known = prepared.get(path);
    if (known?.text === text) return known;
    const fresh = {
      text,
      etag: `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`,
      gzipped: new Uint8Array(gzipSync(text)),
    };
    prepared.set(path, fresh);
    return fresh;
  };
  return {
    async onResponse({ request, response, setResponse, fetchAPI }) {
      // the API's POSTs, nearly every request, leave at the first test
      if (request.method !== 'GET' || response.status !== 200) return;
      const path = new URL(request.url).pathname;
      const type = response.headers.get('content-type') ?? '';
      if (!STATIC_PATHS.has(path)) return;
      if (!STATIC_TYPES.some((t) => type.startsWith(t)) || (path === '/graphql' && !type.startsWith('text/html')))
        return;
      if (response.headers.has('content-encoding')) return;
      const page = prepare(path, await response.text());
      const headers = new fetchAPI.Headers(response.headers);
      headers.set('etag', page.etag);
      // a browser may keep it, but asks again each time: a new version of the server sends a new page
      headers.set('cache-control', 'no-cache');
      headers.append('vary', 'accept-encoding');
      if (request.headers.get('if-none-match') === page.etag) {
        headers.delete('content-type');
        setResponse(new fetchAPI.Response(null, { status: 304, headers }));
        return;
      }
      if (!acceptsGzip(request)) {
        setResponse(new fetchAPI.Response(page.text, { status: 200, headers }));
        return;
      }
      headers.set('content-encoding', 'gzip');
      headers.delete('content-length');
      setResponse(new fetchAPI.Response(page.gzipped, { status: 200, headers }));
    },
  };
}
