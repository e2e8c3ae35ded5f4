/** Every limit, one step under and one step over: QUERY_TOO_COMPLEX naming the limit, never a 500. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVER_OPTIONS, type ServerOptions } from '../../src/config.js';
import { DEFAULT_LIMITS, type Limits } from '../../src/config.js';
import { MemoryStore } from '../../src/store/memory/memoryStore.js';
import { apiFor, type GraphQLResponse } from '../support/api.js';
import { rustCase } from '../support/stores.js';

const store = new MemoryStore(rustCase());
const withLimits = (limits: Partial<Limits>, options: Partial<ServerOptions> = {}) =>
  apiFor(store, { ...options, limits: { ...DEFAULT_LIMITS, ...limits } });

async function refusal(api: ReturnType<typeof apiFor>, query: string) {
  const result = await api.query(query);
  expect(result.status).toBeLessThan(500);
  return result.errors?.[0];
}

describe('limits', () => {
  it('depth: 4 levels pass at a limit of 4, 5 do not', async () => {
    const api = withLimits({ maxDepth: 4 });
    expect(await refusal(api, '{ people { edges { node { name } } } }')).toBeUndefined();
    expect(await refusal(api, '{ people { edges { node { credits { role } } } } }')).toMatchObject({
      message: 'query is too complex: depth 5 exceeds the limit of 4',
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'depth', max: 4, found: 5 },
    });
  });

  it("depth counts through fragments, and leaves introspection (GraphiQL's schema query) alone", async () => {
    const api = withLimits({ maxDepth: 4 });
    expect(
      await refusal(api, 'fragment F on Person { credits { role } } { people { edges { node { ...F } } } }'),
    ).toMatchObject({ extensions: { limit: 'depth' } });
    expect(
      await refusal(api, '{ __schema { types { fields { type { ofType { ofType { name } } } } } } }'),
    ).toBeUndefined();
  });

  it('cost: list multipliers follow first', async () => {
    // people 1, then 3 each for totalCount, edges, node and name: 13
    const query = '{ people(first: 3) { totalCount edges { node { name } } } }';
    expect(await refusal(withLimits({ maxCost: 13 }), query)).toBeUndefined();
    expect(await refusal(withLimits({ maxCost: 12 }), query)).toMatchObject({
      message: 'query is too complex: cost 13 exceeds the limit of 12',
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'cost' },
    });
    // the same shape at first: 30: 1 + 30 x 4
    const bigger = query.replace('first: 3', 'first: 30');
    expect(await refusal(withLimits({ maxCost: 121 }), bigger)).toBeUndefined();
    expect(await refusal(withLimits({ maxCost: 120 }), bigger)).toMatchObject({ extensions: { found: 121 } });
  });

  it('aliases: 2 pass at a limit of 2, 3 do not', async () => {
    const api = withLimits({ maxAliases: 2 });
    expect(await refusal(api, '{ a: people { totalCount } b: people { totalCount } }')).toBeUndefined();
    expect(
      await refusal(api, '{ a: people { totalCount } b: people { totalCount } c: people { totalCount } }'),
    ).toMatchObject({
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'aliases', max: 2, found: 3 },
    });
  });

  it('directives: 1 passes at a limit of 1, 2 do not', async () => {
    const api = withLimits({ maxDirectives: 1 });
    expect(await refusal(api, '{ people @include(if: true) { totalCount } }')).toBeUndefined();
    expect(await refusal(api, '{ people @include(if: true) { totalCount @skip(if: false) } }')).toMatchObject({
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'directives', max: 1, found: 2 },
    });
  });

  it('tokens: 6 pass at a limit of 6, not at 5', async () => {
    const query = '{ people { totalCount } }'; // {, people, {, totalCount, }, }: 6 tokens
    expect(await refusal(withLimits({ maxTokens: 6 }), query)).toBeUndefined();
    expect(await refusal(withLimits({ maxTokens: 5 }), query)).toMatchObject({
      message: 'query is too complex: tokens 6 exceeds the limit of 5',
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'tokens', max: 5 },
    });
  });

  async function post(api: ReturnType<typeof apiFor>, body: string) {
    const response = await api.yoga.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body,
    });
    return { status: response.status, body: (await response.json()) as Omit<GraphQLResponse<unknown>, 'status'> };
  }

  it('body size: a body of exactly the limit passes, one byte more is a 413', async () => {
    const body = JSON.stringify({ query: '{ people { totalCount } }' });
    const size = Buffer.byteLength(body);
    expect((await post(withLimits({ maxBodyBytes: size }), body)).status).toBe(200);
    const over = await post(withLimits({ maxBodyBytes: size - 1 }), body);
    expect(over.status).toBe(413);
    expect(over.body.errors?.[0]).toMatchObject({
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'bodySize', max: size - 1 },
    });
  });

  it('the default body limit is 1 MB', () => {
    expect(DEFAULT_SERVER_OPTIONS.limits.maxBodyBytes).toBe(1_000_000);
  });

  it('batch size: 2 operations pass at a limit of 2, 3 are a 413', async () => {
    const operation = { query: '{ people { totalCount } }' };
    const api = withLimits({ maxBatch: 2 });
    const ok = await post(api, JSON.stringify([operation, operation]));
    expect(ok.status).toBe(200);
    expect(ok.body).toHaveLength(2);
    const over = await post(api, JSON.stringify([operation, operation, operation]));
    expect(over.status).toBe(413);
    expect(over.body.errors?.[0]).toMatchObject({
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'batchSize', max: 2 },
    });
  });
});

describe('introspection, GraphiQL and CSRF', () => {
  it('with introspection off: no schema query, and no field suggestions in errors', async () => {
    const open = apiFor(store);
    expect((await open.query('{ peple { totalCount } }')).errors?.[0]?.message).toMatch(/Did you mean "people"\?/);
    const closed = apiFor(store, { introspection: false });
    expect((await closed.query('{ __schema { types { name } } }')).errors?.[0]?.message).toMatch(/introspection/i);
    const misspelt = await closed.query('{ peple { totalCount } }');
    expect(misspelt.errors?.[0]?.message).toBe('Cannot query field "peple" on type "Query".');
    expect((await closed.query('{ people { totalCount } }')).data).toEqual({ people: { totalCount: 5 } });
  });

  it('with GraphiQL off, a browser gets no GraphiQL page', async () => {
    const { yoga } = apiFor(store, { graphiql: false });
    const response = await yoga.fetch('http://test/graphql', { headers: { accept: 'text/html' } });
    expect(await response.text()).not.toContain('Case graph');
  });

  it('refuses a GET query without the CSRF header, which a browser would only send when asked to', async () => {
    const { yoga } = apiFor(store);
    const url = 'http://test/graphql?query=%7B%20people%20%7B%20totalCount%20%7D%20%7D';
    expect((await yoga.fetch(url, { headers: { accept: 'application/json' } })).status).toBe(403);
    const allowed = await yoga.fetch(url, { headers: { accept: 'application/json', 'x-graphql-yoga-csrf': '1' } });
    expect(allowed.status).toBe(200);
  });
});
