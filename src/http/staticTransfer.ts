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
  /** One strong ETag per content coding, as RFC 9110 asks: a cache must never mistake one for the other. */
  etag: { identity: string; gzip: string };
  gzipped: Uint8Array<ArrayBuffer>;
}

/** Whether Accept-Encoding admits gzip: named (or `*`) with a q above 0, never inside another token. */
function acceptsGzip(request: Request): boolean {
  let gzip: number | null = null;
  let any: number | null = null;
  for (const part of (request.headers.get('accept-encoding') ?? '').split(',')) {
    const [name = '', ...parameters] = part.split(';').map((p) => p.trim().toLowerCase());
    const q = parameters.find((p) => p.startsWith('q='));
    const weight = q ? Number.parseFloat(q.slice(2)) : 1;
    if (name === 'gzip' || name === 'x-gzip') gzip = weight;
    else if (name === '*') any = weight;
  }
  return (gzip ?? any ?? 0) > 0;
}

/** Whether If-None-Match names `etag` (weakly, as a GET compares), or is `*`. */
function matches(request: Request, etag: string): boolean {
  const header = request.headers.get('if-none-match');
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}

export function staticTransfer(): Plugin {
  const prepared = new Map<string, Prepared>();
  const prepare = (path: string, text: string): Prepared => {
    const known = prepared.get(path);
    if (known?.text === text) return known;
    const hash = createHash('sha256').update(text).digest('base64url').slice(0, 27);
    const fresh = {
      text,
      etag: { identity: `"${hash}"`, gzip: `"${hash}-gz"` },
      gzipped: new Uint8Array(gzipSync(text)),
    };
    prepared.set(path, fresh);
    return fresh;
  };
  return {
    // not async: the API's POSTs, nearly every request, leave at the first test without a promise
    onResponse({ request, response, setResponse, fetchAPI }) {
      if (request.method !== 'GET' || response.status !== 200) return;
      const path = new URL(request.url).pathname;
      const type = response.headers.get('content-type') ?? '';
      if (!STATIC_PATHS.has(path)) return;
      if (!STATIC_TYPES.some((t) => type.startsWith(t)) || (path === '/graphql' && !type.startsWith('text/html')))
        return;
      if (response.headers.has('content-encoding')) return;
      return transfer(path, type, request, response, setResponse, fetchAPI);
    },
  };

  async function transfer(
    path: string,
    type: string,
    request: Request,
    response: Response,
    setResponse: (response: Response) => void,
    fetchAPI: { Response: typeof Response; Headers: typeof Headers },
  ) {
    const page = prepare(path, await response.text());
    const gzip = acceptsGzip(request);
    const etag = gzip ? page.etag.gzip : page.etag.identity;
    const headers = new fetchAPI.Headers(response.headers);
    headers.set('content-type', type);
    headers.set('etag', etag);
    // a browser may keep it, but asks again each time: a new version of the server sends a new page
    headers.set('cache-control', 'no-cache');
    headers.append('vary', 'accept-encoding');
    headers.set('x-content-type-options', 'nosniff');
    // no other site may frame these pages (a <meta> policy cannot say so)
    if (type.startsWith('text/html')) headers.set('content-security-policy', "frame-ancestors 'none'");
    headers.delete('content-length');
    if (matches(request, etag)) {
      headers.delete('content-type');
      setResponse(new fetchAPI.Response(null, { status: 304, headers }));
      return;
    }
    if (!gzip) {
      setResponse(new fetchAPI.Response(page.text, { status: 200, headers }));
      return;
    }
    headers.set('content-encoding', 'gzip');
    setResponse(new fetchAPI.Response(page.gzipped, { status: 200, headers }));
  }
}
