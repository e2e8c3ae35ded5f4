/** Serves the explorer (web/) at /: its page, stylesheet and the bundle `npm run build:web` makes. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plugin } from 'graphql-yoga';
import { PROJECT_ROOT } from '../paths.js';

const WEB_DIR = join(PROJECT_ROOT, 'web');

const FILES: Record<string, { path: string; contentType: string }> = {
  '/': { path: join(WEB_DIR, 'index.html'), contentType: 'text/html; charset=utf-8' },
  '/explorer.css': { path: join(WEB_DIR, 'explorer.css'), contentType: 'text/css; charset=utf-8' },
  '/explorer.js': { path: join(WEB_DIR, 'dist', 'explorer.js'), contentType: 'text/javascript; charset=utf-8' },
  '/explorer.js.map': {
    path: join(WEB_DIR, 'dist', 'explorer.js.map'),
    contentType: 'application/json; charset=utf-8',
  },
};

export function explorerPage(): Plugin {
  const cache = new Map<string, string>();
  return {
    // not async: an API request leaves at once, without a promise for Yoga to wait on
    onRequest({ url, request, endResponse, fetchAPI }) {
      if (url.pathname === '/favicon.ico') return endResponse(new fetchAPI.Response(null, { status: 204 }));
      const file = FILES[url.pathname];
      if (!file || request.method !== 'GET') return;
      return serve(file, endResponse, fetchAPI);
    },
  };

  async function serve(
    file: { path: string; contentType: string },
    endResponse: (response: Response) => void,
    fetchAPI: { Response: typeof Response },
  ) {
    let body = cache.get(file.path);
    if (body === undefined) {
      try {
        body = await readFile(file.path, 'utf8');
        cache.set(file.path, body);
      } catch {
        endResponse(
          new fetchAPI.Response('The explorer is not built: run `npm run build` (npm start does).', { status: 503 }),
        );
        return;
      }
    }
    endResponse(new fetchAPI.Response(body, { headers: { 'content-type': file.contentType } }));
  }
}
