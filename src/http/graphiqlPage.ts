/**
 * GraphiQL's page, whole, from this server: Yoga's default page loads its script, stylesheet and
 * editor workers from unpkg.com, so without internet it never leaves "Loading...". The page of
 * @graphql-yoga/render-graphiql carries them inline (9 MB), which is what createYoga's
 * `renderGraphiQL` option is for. Added to it here:
 *
 * - a Content-Security-Policy that lets the page reach its own origin and nothing else: its inline
 *   scripts by hash, the editor workers it makes from blob: URLs, its inline styles and the data:
 *   URLs of its fonts and icons. A request elsewhere is refused by the browser itself;
 * - the script that keeps GraphiQL's stored tabs in order (graphiqlStoredTabs.ts);
 * - a layout for phones (graphiqlNarrowLayout.ts).
 */
import { createHash } from 'node:crypto';
import type { GraphiQLOptions } from 'graphql-yoga';
import { GRAPHIQL_NARROW_LAYOUT } from './graphiqlNarrowLayout.js';
import { storedTabsScript } from './graphiqlStoredTabs.js';

function contentSecurityPolicy(html: string): string {
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`,
  );
  return [
    "default-src 'none'",
    `script-src ${scripts.join(' ')}`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    'font-src data:',
    "connect-src 'self'",
    'worker-src blob:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

async function render(options: GraphiQLOptions): Promise<string> {
  const { renderGraphiQL } = await import('@graphql-yoga/render-graphiql');
  // replacer functions: a replacement string would read `$'` or `$&` in a tab's query as patterns
  const page = renderGraphiQL(options)
    .replace('<head>', () => `<head>\n<script>${storedTabsScript(options.defaultTabs ?? null)}</script>`)
    // after GraphiQL's own stylesheet (the first </style>), so that it overrides it
    .replace('</style>', () => `</style>\n<style>${GRAPHIQL_NARROW_LAYOUT}</style>`);
  // first in <head>, before anything it governs
  const policy = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(page)}" />`;
  return page.replace('<head>', () => `<head>\n${policy}`);
}

/**
 * createYoga's `renderGraphiQL`. The 9 MB bundle is loaded on the first visit, not when the server
 * starts, and the page, the same for every visit, is rendered once.
 */
export function offlineGraphiQL(): (options?: GraphiQLOptions) => Promise<string> {
  let rendered: { key: string; page: Promise<string> } | null = null;
  return (options = {}) => {
    const key = JSON.stringify(options);
    if (rendered?.key !== key) {
      const page = render(options);
      rendered = { key, page };
      // a failed render is tried again on the next visit, not kept
      page.catch(() => {
        if (rendered?.page === page) rendered = null;
      });
    }
    return rendered.page;
  };
}
