/** The HTTP surface around GraphQL: GraphiQL, health, readiness, and the committed SDL. */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { printedSchema } from '../../src/graphql/printSchema.js';
import { SCHEMA_FILE } from '../../src/paths.js';
import type { GraphStore } from '../../src/store/graphStore.js';
import { apiFor } from '../support/api.js';
import { rustCase } from '../support/stores.js';
import { MemoryStore } from '../../src/store/memory/memoryStore.js';
import { GRAPHIQL_TABS } from '../../src/http/graphiql.js';

describe('the server', () => {
  const { yoga } = apiFor(new MemoryStore(rustCase()));

  it('serves GraphiQL at /graphql to a browser, with tabs that show the case', async () => {
    const response = await yoga.fetch('http://test/graphql', { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<title>Case graph</title>');
    for (const tab of [
      'query EntityPage {\\n  entity(kind: PERSON, key: \\"alec-baldwin\\")',
      'query Search($text: String',
      'query Timeline {',
      'query CaseOverview {',
    ]) {
      expect(html).toContain(tab);
    }
  });

  it('serves GraphiQL whole: its page names no other origin, and its policy lets it reach none', async () => {
    const response = await yoga.fetch('http://test/graphql', { headers: { accept: 'text/html' } });
    const html = await response.text();
    // the markup around the inline script and styles: every src and href is inline (data:) or here
    const markup = html.replace(/<(script|style)>[\s\S]*?<\/\1>/g, '<$1></$1>');
    const references = [...markup.matchAll(/\b(?:src|href)\s*=\s*["']?([^"'\s>]+)/g)].map((m) => m[1]);
    expect(references.filter((url) => /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(url!))).toEqual([]);
    expect(markup).not.toMatch(/<script[^>]+src|<link[^>]+stylesheet/);
    // every url() of its stylesheets is a data: URL (its fonts and icons)
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n');
    const urls = [...styles.matchAll(/url\(\s*["']?([^"')\s]{0,40})/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((url) => !url.startsWith('data:'))).toEqual([]);
    expect(styles).not.toContain('@import');
    expect(html).not.toContain('unpkg.com');
    // what the browser enforces: scripts by hash, requests to this origin only
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    const directives: Record<string, string[]> = Object.fromEntries(
      policy.split('; ').map((directive) => {
        const [name, ...sources] = directive.split(' ');
        return [name, sources];
      }),
    );
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['script-src']?.length).toBeGreaterThan(0);
    expect(directives['script-src']?.every((source) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(source))).toBe(true);
    expect(
      Object.values(directives)
        .flat()
        .filter((source) => /\/\/|\*|https?:/.test(source)),
    ).toEqual([]);
  });

  it('sends GraphiQL compressed to a browser that accepts it, and a 304 on a reload', async () => {
    const plain = await yoga.fetch('http://test/graphql', { headers: { accept: 'text/html' } });
    const html = await plain.text();
    expect(plain.headers.get('content-encoding')).toBeNull();
    const etag = plain.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    const compressed = await yoga.fetch('http://test/graphql', {
      headers: { accept: 'text/html', 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(compressed.headers.get('content-encoding')).toBe('gzip');
    // each coding its own validator: a cache never mistakes one body for the other
    expect(compressed.headers.get('etag')).not.toBe(etag);
    expect(plain.headers.get('content-type')).toMatch(/^text\/html/);
    for (const page of [plain, compressed]) {
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      expect(page.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    }
    // gzip refused (q=0), or only inside another token: sent as it is
    for (const refusal of ['gzip;q=0, identity', 'not-gzip-please']) {
      const asIs = await yoga.fetch('http://test/graphql', {
        headers: { accept: 'text/html', 'accept-encoding': refusal },
      });
      expect(asIs.headers.get('content-encoding')).toBeNull();
    }
    const bytes = Buffer.from(await compressed.arrayBuffer());
    expect(bytes.length).toBeLessThan(html.length / 2);
    expect(gunzipSync(bytes).toString('utf8')).toBe(html);
    const reload = await yoga.fetch('http://test/graphql', {
      headers: { accept: 'text/html', 'if-none-match': etag! },
    });
    expect(reload.status).toBe(304);
    expect(await reload.text()).toBe('');
    // the API's own answers at the same path are never touched
    const answer = await yoga.fetch('http://test/graphql?query=%7B__typename%7D', {
      headers: { accept: 'application/json', 'accept-encoding': 'gzip', 'x-graphql-yoga-csrf': '1' },
    });
    expect(answer.headers.get('content-encoding')).toBeNull();
    expect(await answer.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('answers every GraphiQL tab without errors', async () => {
    const api = apiFor(new MemoryStore(rustCase()));
    for (const { query } of GRAPHIQL_TABS) {
      const result = await api.query(query);
      expect(result.errors, query).toBeUndefined();
    }
  });

  it('answers /health, and /ready while the store answers', async () => {
    expect((await yoga.fetch('http://test/health')).status).toBe(200);
    const ready = await yoga.fetch('http://test/ready');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', store: 'embedded' });
  });

  it('answers /ready with 503 when the store does not', async () => {
    const broken = Object.assign(new MemoryStore(rustCase()), {
      ping: async () => {
        throw new Error('connection refused');
      },
    }) as GraphStore;
    const response = await apiFor(broken).yoga.fetch('http://test/ready');
    expect(response.status).toBe(503);
  });

  it('masks unexpected errors: no internals reach the client', async () => {
    const failing = Object.assign(new MemoryStore(rustCase()), {
      listEntities: async () => {
        throw new Error('secret internals at /srv/db');
      },
    }) as GraphStore;
    const result = await apiFor(failing).query(`{ people { totalCount } }`);
    expect(result.status).toBe(200);
    expect(JSON.stringify(result.errors)).not.toContain('secret');
    expect(result.errors?.[0]?.message).toBe('Unexpected error.');
  });

  it('has committed the SDL it serves (run `npm run schema` after changing the schema)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printedSchema());
  });
});
