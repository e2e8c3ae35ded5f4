/**
 * The HTTP surface against an outsider (issue 8, items 4, 7 and parts of 8): metrics and logs stay
 * bounded whatever names anonymous requests carry, /metrics is closed or on a port of its own,
 * CORS allows only CORS_ORIGINS, the CSRF refusal has a code, and the small leaks (export formats
 * named like Object's properties, echoed bodies, 200 for refused graphql-response+json requests,
 * kept-alive connections reset during shutdown) are closed.
 */
import { Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SERVER_OPTIONS, readConfig, type ServerOptions } from '../../src/config.js';
import { createServer } from '../../src/http/createServer.js';
import { createMetricsServer } from '../../src/http/metricsEndpoint.js';
import { createLogger, createMetrics } from '../../src/http/observability.js';
import { closeGracefully, createHttpServer } from '../../src/http/shutdown.js';
import type { GraphStore } from '../../src/store/graphStore.js';
import { MemoryStore } from '../../src/store/memory/memoryStore.js';
import { createGraphQLError } from 'graphql-yoga';
import { slowPost } from '../support/slowPost.js';
import { rustCase } from '../support/stores.js';

const CLOSED: Partial<ServerOptions> = {
  requireAuth: true,
  readTokens: ['reader-token'],
  analystTokens: ['analyst-token'],
};
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A server with its log lines captured and its metrics at hand. */
function observed(options: Partial<ServerOptions> = {}, store: GraphStore = new MemoryStore(rustCase())) {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const metrics = createMetrics();
  const yoga = createServer(
    store,
    { ...DEFAULT_SERVER_OPTIONS, ...options },
    { logger: createLogger('info', destination), metrics },
  );
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    yoga.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  return { yoga, lines, metrics, post };
}

/** The metrics text without prom-client's process and Node.js metrics, whose size varies with GC. */
const ownMetrics = (text: string) =>
  text
    .split('\n')
    .filter((l) => !/^(# (HELP|TYPE) )?(process|nodejs)_/.test(l))
    .join('\n');

/** 100 kB of name, different for each i: what the attack sent 200 times. */
const hugeName = (i: number) => `Op${i}_${'x'.repeat(100_000)}`;

describe('metrics and logs under a flood of anonymous operation names (item 4)', () => {
  it('refused, invalid and misnamed requests leave /metrics small and log lines short', async () => {
    const closed = observed(CLOSED);
    const open = observed();
    for (let i = 0; i < 200; i++) {
      // no token, REQUIRE_AUTH on: refused before execution
      await closed.post({ query: `query ${hugeName(i)} { people { totalCount } }` });
      // no token needed, but the document does not validate
      await open.post({ query: `query ${hugeName(i)} { noSuchField }` });
      // a valid document with an operationName naming nothing in it
      await open.post({ query: '{ __typename }', operationName: hugeName(i) });
    }
    for (const server of [closed, open]) {
      const text = await (await server.yoga.fetch('http://test/metrics', { headers: bearer('reader-token') })).text();
      // today: 20 MB, every name in full
      expect(text.length).toBeLessThan(64_000);
      expect(ownMetrics(text).length).toBeLessThan(8_000);
      expect(text).not.toContain('xxxxxxxxxx');
      expect(server.lines.length).toBeGreaterThanOrEqual(200);
      expect(Math.max(...server.lines.map((l) => l.length))).toBeLessThan(1_000);
    }
  });

  it('names of executed operations are cut short, and at most 100 of them become labels', async () => {
    const open = observed();
    for (let i = 0; i < 200; i++) {
      const response = await open.post({ query: `query ${hugeName(i)} { __typename }` });
      expect(response.status).toBe(200);
    }
    const text = await (await open.yoga.fetch('http://test/metrics')).text();
    const labels = [...text.matchAll(/^graphql_operations_total\{operation="([^"]*)"/gm)].map((m) => m[1]!);
    expect(labels.length).toBe(101);
    expect(labels).toContain('other');
    expect(Math.max(...labels.map((l) => l.length))).toBeLessThanOrEqual(64);
    expect(text).toMatch(/graphql_operations_total\{operation="other",outcome="ok"\} 100/);
    // 101 labels of at most 64 characters: about 13 kB with the rest of our own metrics
    expect(ownMetrics(text).length).toBeLessThan(20_000);
    const logged = open.lines.map((l) => JSON.parse(l) as { operation?: string }).filter((l) => l.operation);
    expect(logged.length).toBe(200);
    for (const line of logged) expect(line.operation!.length).toBeLessThanOrEqual(64);
  });

  it('labels only known error codes and methods, and logs a long path cut short', async () => {
    const store = Object.assign(new MemoryStore(rustCase()), {
      listEntities: async () => {
        throw createGraphQLError('chosen by someone else', { extensions: { code: `EVIL_${'y'.repeat(1000)}` } });
      },
    }) as GraphStore;
    const server = observed({}, store);
    await server.post({ query: '{ node(id: "garbage") { id } }' });
    // a GraphQLError is not masked, so its code reaches the client and the metrics as it is
    const probe = await server.post({ query: '{ people { totalCount } }' });
    expect(((await probe.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toMatch(
      /^EVIL_/,
    );
    for (let i = 0; i < 20; i++) await server.yoga.fetch('http://test/ready', { method: `M${i}${'Z'.repeat(50)}` });
    await server.yoga.fetch(`http://test/${'p'.repeat(100_000)}`);
    const text = await (await server.yoga.fetch('http://test/metrics')).text();
    expect(text).toMatch(/graphql_errors_total\{code="BAD_USER_INPUT"\} 1/);
    expect(text).toMatch(/graphql_errors_total\{code="other"\} 1/);
    expect(text).not.toMatch(/EVIL_|ZZZZZ/);
    expect(text).toMatch(/http_requests_total\{method="other",path="\/ready",status="200"\} 20/);
    expect(Math.max(...server.lines.map((l) => l.length))).toBeLessThan(1_000);
  });
});

describe('/metrics is not for everyone (item 4)', () => {
  it('with REQUIRE_AUTH it needs a read or analyst token', async () => {
    const { yoga } = observed(CLOSED);
    const metrics = (headers: Record<string, string> = {}) => yoga.fetch('http://test/metrics', { headers });
    const refused = await metrics();
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    expect((await metrics(bearer('guess'))).status).toBe(401);
    expect((await metrics(bearer('reader-token'))).status).toBe(200);
    const analyst = await metrics(bearer('analyst-token'));
    expect(analyst.status).toBe(200);
    expect(await analyst.text()).toContain('http_requests_total');
  });

  it('without REQUIRE_AUTH it stays open, as before', async () => {
    expect((await observed().yoga.fetch('http://test/metrics')).status).toBe(200);
  });

  it('with METRICS_PORT it moves to a listener of its own, and the main port answers 404', async () => {
    const server = observed({ ...CLOSED, metricsPort: 9464 });
    expect((await server.yoga.fetch('http://test/metrics', { headers: bearer('reader-token') })).status).toBe(404);
    await server.post({ query: '{ people { totalCount } }' }, bearer('reader-token'));

    const listener = createMetricsServer(server.metrics);
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = listener.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/plain');
      expect(await response.text()).toMatch(/http_requests_total\{method="POST",path="\/graphql",status="200"\} 1/);
      expect((await fetch(`http://127.0.0.1:${port}/graphql`)).status).toBe(404);
      expect((await fetch(`http://127.0.0.1:${port}/metrics`, { method: 'POST' })).status).toBe(405);
    } finally {
      await new Promise((resolve) => listener.close(resolve));
    }
    expect(readConfig({ METRICS_PORT: '9464' }).server.metricsPort).toBe(9464);
    expect(readConfig({}).server.metricsPort).toBeUndefined();
  });
});

describe('CORS allows only CORS_ORIGINS (item 7)', () => {
  const preflight = (yoga: ReturnType<typeof observed>['yoga'], origin: string) =>
    yoga.fetch('http://test/graphql', {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,x-graphql-yoga-csrf',
      },
    });
  const simple = (yoga: ReturnType<typeof observed>['yoga'], origin: string) =>
    yoga.fetch('http://test/graphql', {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json' },
      body: '{"query":"{ __typename }"}',
    });

  it('by default sends no CORS headers at all: same origin only', async () => {
    const { yoga } = observed();
    for (const response of [
      await preflight(yoga, 'https://evil.example'),
      await simple(yoga, 'https://evil.example'),
    ]) {
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
      expect(response.headers.get('access-control-allow-headers')).toBeNull();
    }
    expect(readConfig({}).server.corsOrigins).toEqual([]);
  });

  it('allows a listed origin exactly, and nothing to any other (not even "null")', async () => {
    for (const corsOrigins of [['https://app.example', 'https://other.example:8443'], ['https://app.example']]) {
      const { yoga } = observed({ corsOrigins });
      const allowed = await preflight(yoga, 'https://app.example');
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example');
      expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
      expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-graphql-yoga-csrf');
      expect(allowed.headers.get('vary')).toContain('Origin');
      expect((await simple(yoga, 'https://app.example')).headers.get('access-control-allow-origin')).toBe(
        'https://app.example',
      );
      for (const foreign of [
        'https://evil.example',
        'null',
        'https://app.example.evil.example',
        'http://app.example',
      ]) {
        for (const response of [await preflight(yoga, foreign), await simple(yoga, foreign)]) {
          expect(response.headers.get('access-control-allow-origin'), foreign).toBeNull();
          expect(response.headers.get('access-control-allow-credentials'), foreign).toBeNull();
        }
      }
    }
  });

  it('reads CORS_ORIGINS as origins, and refuses an entry that is not one', () => {
    expect(readConfig({ CORS_ORIGINS: 'https://app.example, https://other.example:8443/' }).server.corsOrigins).toEqual(
      ['https://app.example', 'https://other.example:8443'],
    );
    expect(() => readConfig({ CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS/);
    expect(() => readConfig({ CORS_ORIGINS: 'app.example' })).toThrow(/CORS_ORIGINS/);
  });
});

describe('CSRF prevention (item 7): when the x-graphql-yoga-csrf header is needed', () => {
  const { yoga } = observed();
  const QUERY = '{ __typename }';
  const form = new URLSearchParams({ query: QUERY }).toString();
  const multipart = () => {
    const data = new FormData();
    data.set('operations', JSON.stringify({ query: QUERY }));
    data.set('map', '{}');
    return data;
  };
  const cases: { name: string; init: () => RequestInit; path?: string; needsHeader: boolean }[] = [
    {
      name: 'GET without a content type',
      path: `/graphql?query=${encodeURIComponent(QUERY)}`,
      init: () => ({}),
      needsHeader: true,
    },
    {
      name: 'GET with content-type text/plain',
      path: `/graphql?query=${encodeURIComponent(QUERY)}`,
      init: () => ({ headers: { 'content-type': 'text/plain' } }),
      needsHeader: true,
    },
    {
      name: 'GET with content-type application/json',
      path: `/graphql?query=${encodeURIComponent(QUERY)}`,
      init: () => ({ headers: { 'content-type': 'application/json' } }),
      needsHeader: false,
    },
    {
      name: 'POST application/json',
      init: () => ({
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: QUERY }),
      }),
      needsHeader: false,
    },
    {
      name: 'POST application/graphql-response+json accepted, json body',
      init: () => ({
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', accept: 'application/graphql-response+json' },
        body: JSON.stringify({ query: QUERY }),
      }),
      needsHeader: false,
    },
    {
      name: 'POST application/graphql',
      init: () => ({ method: 'POST', headers: { 'content-type': 'application/graphql' }, body: QUERY }),
      needsHeader: false,
    },
    {
      name: 'POST text/plain',
      init: () => ({
        method: 'POST',
        headers: { 'content-type': 'text/plain;charset=UTF-8' },
        body: JSON.stringify({ query: QUERY }),
      }),
      needsHeader: true,
    },
    {
      name: 'POST Text/Plain (case does not matter)',
      init: () => ({
        method: 'POST',
        headers: { 'content-type': 'Text/Plain' },
        body: JSON.stringify({ query: QUERY }),
      }),
      needsHeader: true,
    },
    {
      name: 'POST application/x-www-form-urlencoded',
      init: () => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form }),
      needsHeader: true,
    },
    { name: 'POST multipart/form-data', init: () => ({ method: 'POST', body: multipart() }), needsHeader: true },
    {
      name: 'POST without a content type',
      init: () => ({ method: 'POST', body: new Blob([JSON.stringify({ query: QUERY })]) }),
      needsHeader: true,
    },
  ];

  for (const c of cases) {
    it(`${c.name}: ${c.needsHeader ? 'needs it' : 'does not'}`, async () => {
      const url = `http://test${c.path ?? '/graphql'}`;
      const bare = await yoga.fetch(url, c.init());
      if (c.needsHeader) {
        expect(bare.status).toBe(403);
        const body = (await bare.json()) as { errors: { message: string; extensions?: { code?: string } }[] };
        expect(body.errors[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(body.errors[0]?.message).toContain('x-graphql-yoga-csrf');
        expect(body.errors[0]?.message).toContain('application/json');
      } else {
        expect(bare.status).toBe(200);
      }
      const init = c.init();
      const withHeader = await yoga.fetch(url, {
        ...init,
        headers: { ...(init.headers as Record<string, string> | undefined), 'x-graphql-yoga-csrf': '1' },
      });
      expect(withHeader.status).not.toBe(403);
    });
  }
});

describe('small leaks (item 8)', () => {
  it("export formats named like Object's own properties are 404, with the JSON error and no stack", async () => {
    const { yoga } = observed();
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      const response = await yoga.fetch(`http://test/export/graph.${name}`);
      expect(response.status, name).toBe(404);
      const text = await response.text();
      expect(JSON.parse(text), name).toMatchObject({ error: { code: 'NOT_FOUND' } });
      expect(text).not.toMatch(/\/work\/|\.ts:|\bat /);
    }
    expect((await yoga.fetch('http://test/export/graph.cyjs')).status).toBe(200);
  });

  it('a refused request that accepts application/graphql-response+json gets 401, not 200', async () => {
    const { post } = observed(CLOSED);
    const strict = { accept: 'application/graphql-response+json' };
    const refused = await post({ query: '{ people { totalCount } }' }, strict);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer');
    const body = (await refused.json()) as { data?: unknown; errors: { extensions: Record<string, unknown> }[] };
    expect(body.data).toBeUndefined();
    expect(body.errors[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect((await post({ query: '{ people { totalCount } }' }, { ...strict, ...bearer('guess') })).status).toBe(401);
    expect((await post({ query: '{ people { totalCount } }' }, { ...strict, ...bearer('reader-token') })).status).toBe(
      200,
    );
    // application/json keeps its 200 with the error, as GraphQL over HTTP allows for that type
    const legacy = await post({ query: '{ people { totalCount } }' }, { accept: 'application/json' });
    expect(legacy.status).toBe(200);
    expect(((await legacy.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('a malformed JSON body is a short 400 that does not echo the body', async () => {
    const { yoga } = observed();
    for (const accept of ['application/json', 'application/graphql-response+json']) {
      const body = `{"query": "{ __typename }", ${'secret-body-text '.repeat(1000)}`;
      const response = await yoga.fetch('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept },
        body,
      });
      expect(response.status).toBe(400);
      const text = await response.text();
      expect(text).not.toContain('secret-body-text');
      expect(text.length).toBeLessThan(200);
      expect(JSON.parse(text)).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
    }
    // variables that are not JSON, in a GET or a form post: a 400 too, not a masked 500
    const variables = encodeURIComponent(`{"x": secret-variables-text`);
    const get = await yoga.fetch(
      `http://test/graphql?query=${encodeURIComponent('{ __typename }')}&variables=${variables}`,
      { headers: { 'x-graphql-yoga-csrf': '1' } },
    );
    const form = await yoga.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-graphql-yoga-csrf': '1' },
      body: `query=${encodeURIComponent('{ __typename }')}&variables=${variables}`,
    });
    for (const response of [get, form]) {
      expect(response.status).toBe(400);
      const text = await response.text();
      expect(text).not.toContain('secret-variables-text');
      expect(JSON.parse(text)).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
    }
  });

  it('says "an analyst token"', async () => {
    const { post } = observed();
    const response = await post({ query: '{ cypher(query: "RETURN 1") { columns } }' });
    const body = (await response.json()) as { errors: { message: string }[] };
    expect(body.errors[0]?.message).toContain('this needs an analyst token');
  });
});

describe('shutdown with kept-alive connections (item 8)', () => {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  afterAll(() => agent.destroy());

  it('a response written after closeGracefully began says Connection: close', async () => {
    const store = new MemoryStore(rustCase());
    const yoga = createServer(store, DEFAULT_SERVER_OPTIONS, {
      logger: createLogger('silent'),
      metrics: createMetrics(),
    });
    const http = createHttpServer(yoga);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const { port } = http.address() as AddressInfo;

    // a first request opens the kept-alive connection, and is told to keep it
    const first = slowPost(port, agent);
    first.finish();
    expect((await first.answer).headers.connection).toBe('keep-alive');

    const inFlight = slowPost(port, agent);
    await new Promise((r) => setTimeout(r, 50));
    const closing = closeGracefully(http, yoga, store, 5000, () => {});
    inFlight.finish();
    const answer = await inFlight.answer;
    expect(answer.status).toBe(200);
    expect(answer.headers.connection).toBe('close');
    await closing;
  });
});
