/**
 * Attacks on the per-document plan cache (graphql/prefetch/planCache.ts), on the paged reads that
 * skip their COUNT when the selection does not show it, and on the HTTP routes that now match
 * their paths by hand (readiness, metrics, exports, explorer, GraphiQL).
 *
 * A cached plan must answer exactly what planning afresh (and reading level by level) answers,
 * whatever varies between requests of one document: variables, @include/@skip on variables,
 * operationName, the parent type a field node is reached under, batched operations, callers.
 */
import { type GraphQLResolveInfo, parse, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/config.js';
import type { Entity } from '../../src/domain/model.js';
import { plannedOnce } from '../../src/graphql/prefetch/planCache.js';
import type { GraphStore } from '../../src/store/graphStore.js';
import { MemoryStore } from '../../src/store/memory/memoryStore.js';
import { apiFor } from '../support/api.js';
import { countingStore } from '../support/countingStore.js';
import { rustCase, STORES } from '../support/stores.js';

// --- the cache itself -------------------------------------------------------------------------

const rootFields = (source: string): FieldNode[] =>
  (parse(source).definitions[0] as OperationDefinitionNode).selectionSet.selections as FieldNode[];

const infoOf = (fieldNodes: readonly FieldNode[], parent: string, variableValues: Record<string, unknown>) =>
  ({ fieldNodes, parentType: { name: parent }, variableValues }) as unknown as GraphQLResolveInfo;

describe('plannedOnce', () => {
  it('keeps a value per field nodes, parent type, `what` and variables, never across them', () => {
    const [a, b] = rootFields('{ x { y } x { z } }');
    let made = 0;
    const make = () => ++made;
    const at = (nodes: FieldNode[], parent: string, what: string, variables: Record<string, unknown>) =>
      plannedOnce(infoOf(nodes, parent, variables), what, make, () => 1);
    expect(at([a!], 'Person', 'k', { v: 1 })).toBe(1);
    expect(at([a!], 'Person', 'k', { v: 1 })).toBe(1);
    expect(at([a!], 'Person', 'k', { v: 2 })).toBe(2);
    expect(at([a!], 'Production', 'k', { v: 1 })).toBe(3);
    expect(at([a!], 'Person', 'other', { v: 1 })).toBe(4);
    // the same first node merged with another: a different selection
    expect(at([a!, b!], 'Person', 'k', { v: 1 })).toBe(5);
    expect(at([a!, b!], 'Person', 'k', { v: 1 })).toBe(5);
    expect(at([a!], 'Person', 'k', { v: 1 })).toBe(1);
    // null, absent and a value are three sets of variables
    expect(at([b!], 'Person', 'k', {})).toBe(6);
    expect(at([b!], 'Person', 'k', { v: null })).toBe(7);
    expect(at([b!], 'Person', 'k', { v: 'null' })).toBe(8);
    expect(at([b!], 'Person', 'k', {})).toBe(6);
  });

  it('keeps the latest values within its bound, whatever varies, and no key longer than its limit', () => {
    const [a] = rootFields('{ x { y } }');
    let made = 0;
    const make = () => ++made;
    const at = (variables: Record<string, unknown>, size = 1) =>
      plannedOnce(infoOf([a!], 'Query', variables), 'k', make, () => size);
    // far more sets of variables than the cache holds: only pushes older ones out
    for (let i = 0; i < 5000; i++) at({ i });
    expect(made).toBe(5000);
    for (let i = 4900; i < 5000; i++) at({ i });
    expect(made).toBe(5000);
    at({ i: 0 });
    expect(made).toBe(5001);
    // large values count for their size: a few of them push out many small ones
    for (let i = 0; i < 64; i++) at({ big: i }, 65);
    at({ i: 4999 });
    expect(made).toBe(5001 + 64 + 1);
    // a value larger than the whole cache is never kept
    at({ huge: 1 }, 10_000);
    at({ huge: 1 }, 10_000);
    expect(made).toBe(5001 + 64 + 1 + 2);
    // huge variables are planned each time, never kept
    const huge = { s: 'x'.repeat(5000) };
    at(huge);
    at(huge);
    expect(made).toBe(5001 + 64 + 1 + 4);
  });

  it('keeps nothing when planning throws', () => {
    const [a] = rootFields('{ x { y } }');
    let calls = 0;
    const info = infoOf([a!], 'Query', {});
    expect(() =>
      plannedOnce(
        info,
        'k',
        () => {
          calls++;
          throw new Error('boom');
        },
        () => 1,
      ),
    ).toThrow('boom');
    expect(
      plannedOnce(
        info,
        'k',
        () => ++calls,
        () => 1,
      ),
    ).toBe(2);
  });
});

// --- what a client can make the cache keep -----------------------------------------------------

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMB = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1e6;
};

describe('the memory a client can make the plan cache keep', () => {
  /**
   * A small document (1 KB, well within the default limits: 14 aliases, cost ~180,000) whose plan
   * below each of 8 aliased roots is large, sent with 16 values of a variable. Yoga keeps 1024
   * documents; before the plan cache (6ce6ca3) each such document cost ~0.12 MB of heap, with it
   * ~4.6 MB (11 MB with 20 roots): some 5-11 GB that anonymous clients can pin with ~16,000 small
   * requests. Measured on the embedded store, where plannedProperties plans the same tree (and
   * keeps only its property list).
   */
  it('stays near the size of the documents Yoga keeps, whatever variables a client varies', async () => {
    const api = apiFor(new MemoryStore(rustCase()), { responseCacheTtlMs: 0 });
    const fragments = `
      fragment L2 on Entity { key ${['a', 'b', 'c']
        .map(
          (a) =>
            `${a}: relationships(first: 1) { totalCount edges { node { key from { key name } to { key name } } } }`,
        )
        .join(' ')} }
      fragment L1 on Entity { key ${['a', 'b', 'c']
        .map((a) => `${a}: relationships(first: 1) { edges { node { key from { ...L2 } to { ...L2 } } } }`)
        .join(' ')} }`;
    const roots = Array.from({ length: 8 }, (_, i) => `p${i}: people(first: $f) { edges { node { ...L1 } } }`);
    const DOCUMENTS = 8;
    const send = async (document: number, f: number) => {
      const answer = await api.query<unknown>(`query ($f: Int) { ${roots.join(' ')} } ${fragments} # ${document}`, {
        f,
      });
      expect(answer.errors).toBeUndefined();
    };
    await send(-1, 1);
    const before = heapMB();
    for (let document = 0; document < DOCUMENTS; document++) for (let f = 1; f <= 16; f++) await send(document, f);
    const perDocument = (heapMB() - before) / DOCUMENTS;
    expect(perDocument, `${perDocument.toFixed(2)} MB kept per 1 KB document`).toBeLessThan(1);
  }, 60_000);
});

// --- the HTTP routes --------------------------------------------------------------------------

describe('the routes matched by path', () => {
  const store = new MemoryStore(rustCase());
  const api = apiFor(store);
  const fetchOf = async (path: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
    await api.yoga.fetch(`http://test${path}`, init);

  it('answers /ready exactly, with or without a query string, and nothing else as readiness', async () => {
    for (const path of ['/ready', '/ready?probe=1']) {
      const response = await fetchOf(path);
      expect(response.status, path).toBe(200);
      expect(await response.json()).toEqual({ status: 'ready', store: 'embedded' });
    }
    expect((await fetchOf('/ready', { method: 'HEAD' })).status).toBe(200);
    for (const path of ['/ready/', '/x/ready', '/READY', '/readyz']) {
      const response = await fetchOf(path);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toContain('"ready"');
    }
    // a GraphQL GET whose query string ends in /ready is a GraphQL request
    const graphql = await fetchOf(`/graphql?query=${encodeURIComponent('{ __typename }')}&x=/ready`, {
      headers: { accept: 'application/json', 'x-graphql-yoga-csrf': '1' },
    });
    expect(graphql.status).toBe(200);
    expect(await graphql.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('answers 503 on /ready when the store does not answer', async () => {
    const broken = new Proxy(store, {
      get: (target, p, r) => (p === 'ping' ? () => Promise.reject(new Error('down')) : Reflect.get(target, p, r)),
    });
    const response = await apiFor(broken).yoga.fetch('http://test/ready');
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable', store: 'embedded' });
  });

  it('serves /metrics on GET only, labelled by the path each request had', async () => {
    await api.data('{ __typename }');
    await fetchOf('/ready');
    await fetchOf('/nowhere?x=1');
    const metrics = await fetchOf('/metrics');
    expect(metrics.status).toBe(200);
    const text = await metrics.text();
    expect(text).toMatch(/http_requests_total\{[^}]*path="\/graphql"[^}]*status="200"/);
    expect(text).toMatch(/http_requests_total\{[^}]*path="\/ready"/);
    expect(text).toMatch(/http_requests_total\{[^}]*path="other"[^}]*status="404"/);
    const posted = await fetchOf('/metrics', { method: 'POST' });
    expect(await posted.text()).not.toContain('http_requests_total');
    // every response still carries its request id
    expect((await fetchOf('/ready')).headers.get('x-request-id')).toBeTruthy();
  });

  it('serves the exports, their errors, the favicon and GraphiQL as before', async () => {
    const gexf = await fetchOf('/export/graph.gexf');
    expect(gexf.status).toBe(200);
    expect(gexf.headers.get('content-disposition')).toContain('case-graph.gexf');
    expect(await gexf.text()).toContain('<gexf');
    const unknown = await fetchOf('/export/graph.nope');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    const badDepth = await fetchOf('/export/graph.gexf?focus=nobody&depth=999');
    expect(badDepth.status).toBe(400);
    expect((await fetchOf('/export/graph.gexf', { method: 'POST' })).status).not.toBe(200);
    expect((await fetchOf('/favicon.ico')).status).toBe(204);
    const graphiql = await fetchOf('/graphql', { headers: { accept: 'text/html' } });
    expect(graphiql.status).toBe(200);
    expect(graphiql.headers.get('content-type')).toContain('text/html');
    expect(graphiql.headers.get('etag')).toBeTruthy();
  });

  it('still closes /metrics and the exports, not /ready, under REQUIRE_AUTH', async () => {
    const closed = apiFor(store, { requireAuth: true, readTokens: ['reader-token'] });
    const at = (path: string, headers: Record<string, string> = {}) =>
      closed.yoga.fetch(`http://test${path}`, { headers });
    expect((await at('/ready')).status).toBe(200);
    expect((await at('/metrics')).status).toBe(401);
    expect((await at('/export/graph.gexf')).status).toBe(401);
    expect((await at('/metrics', { authorization: 'Bearer reader-token' })).status).toBe(200);
    expect((await at('/export/graph.gexf', { authorization: 'Bearer reader-token' })).status).toBe(200);
  });
});

// --- cached plans and uncounted pages, against reading level by level -------------------------

const neo4jStore = STORES.find((s) => s.name === 'neo4j')!;

/** The same store without entityTrees: what the API reads level by level. */
const levelByLevel = (store: GraphStore): GraphStore =>
  new Proxy(store, { get: (target, p, r) => (p === 'entityTrees' ? undefined : Reflect.get(target, p, r)) });

const PAGE_VARIABLES = `$first: Int, $after: String, $direction: Direction,
  $withTotal: Boolean!, $withPage: Boolean!, $skipEdges: Boolean! = false`;
const VARIABLES = `$kind: EntityKind!, $key: String!, ${PAGE_VARIABLES}`;

/**
 * One document, three operations sharing fragments: the totals shown (or not) through fragments,
 * aliases, @include and @skip on variables, nested connections, and the same field node reached
 * under several parent types.
 */
const DOCUMENT = `
fragment Shown on RelationshipConnection {
  total: totalCount @include(if: $withTotal)
  pageInfo @include(if: $withPage) { hasNextPage endCursor }
}
fragment Rel on Entity {
  key
  relationships(first: $first, after: $after, direction: $direction) {
    ...Shown
    edges @skip(if: $skipEdges) { cursor node { key type from { key } to { key
      nested: relationships(first: $first) { totalCount @include(if: $withTotal) edges { node { key } } }
      ... on Person { relationships(first: 1) { edges { node { key } } } }
    } } }
  }
  onlyEdges: relationships(first: 1) { edges { node { key } } }
  ... on Person { onlyEdges: relationships(first: 1) { pageInfo @include(if: $withPage) { hasNextPage } } }
  ... on Production { counted: relationships(first: 1) { totalCount } }
  ... on Node { ... on Entity { viaNode: relationships(first: 1) { edges { node { key } } ...Shown } } }
}
query One(${VARIABLES}) { entity(kind: $kind, key: $key) { ...Rel } }
query Two(${VARIABLES}) { entity(kind: $kind, key: $key) { ...Rel credits: relationships(first: 2) { ...Shown } } }
query Three(${PAGE_VARIABLES}) { people(first: 3) { edges { node { ...Rel } } } }
`;

type Vars = Record<string, unknown>;

describe.skipIf(!neo4jStore.available)('cached tree plans answer as planning afresh does, on Neo4j', () => {
  const graph = rustCase();
  let store: GraphStore;
  let counted: ReturnType<typeof countingStore>;
  let oneQuery: ReturnType<typeof apiFor>;
  let byLevel: ReturnType<typeof apiFor>;
  const limits = { ...DEFAULT_LIMITS, maxDepth: 30, maxCost: 100_000_000 };

  beforeAll(async () => {
    store = await neo4jStore.open(graph);
    counted = countingStore(store);
    oneQuery = apiFor(counted.store, { limits, responseCacheTtlMs: 0 });
    byLevel = apiFor(levelByLevel(store), { limits, responseCacheTtlMs: 0 });
  }, 120_000);
  afterAll(async () => store?.close());

  const post = async (api: ReturnType<typeof apiFor>, body: unknown, headers: Record<string, string> = {}) => {
    const response = await api.yoga.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };

  /** The one-query answer, checked against level by level; whether it read a tree. */
  async function both(operationName: string, variables: Vars) {
    counted.reset();
    const fast = await post(oneQuery, { query: DOCUMENT, operationName, variables });
    const tree = counted.calls.includes('entityTrees');
    const slow = await post(byLevel, { query: DOCUMENT, operationName, variables });
    expect(fast, `${operationName} ${JSON.stringify(variables)}`).toEqual(slow);
    expect((fast.body as { errors?: unknown }).errors).toBeUndefined();
    return { fast, tree };
  }

  /** The entities with the most relationships of each of the first kinds: where pages end early. */
  const busiest = (): Entity[] => {
    const degree = new Map<string, number>();
    for (const r of graph.relationships) {
      degree.set(r.from, (degree.get(r.from) ?? 0) + 1);
      degree.set(r.to, (degree.get(r.to) ?? 0) + 1);
    }
    const byKind = new Map<string, Entity>();
    for (const e of [...graph.entities].sort((a, b) => (degree.get(b.key) ?? 0) - (degree.get(a.key) ?? 0)))
      if (!byKind.has(e.kind)) byKind.set(e.kind, e);
    return [...byKind.values()];
  };

  it('gives each set of variables its own plan: totals shown or not, pages, directions, cursors', async () => {
    const entities = busiest().slice(0, 1);
    const shows = [
      { withTotal: false, withPage: false },
      { withTotal: true, withPage: false },
      { withTotal: false, withPage: true },
    ];
    let trees = 0;
    // One twice, with Two between, so that the second round meets the plans the first left
    for (const operation of ['One', 'Two', 'One']) {
      for (const entity of entities) {
        for (const show of shows) {
          for (const page of [
            { first: 1, direction: 'BOTH' },
            { first: 2, direction: 'OUT', after: 'Y3Vyc29yOjA' },
          ]) {
            const variables = { kind: entity.kind, key: entity.key, ...show, ...page };
            const { fast, tree } = await both(operation, variables);
            if (tree) trees++;
            const text = JSON.stringify(fast.body);
            // the totals stay out where unasked, and where asked they are the real ones (compared above)
            if (!show.withTotal) expect(text).not.toContain('"total"');
            if (!show.withPage) expect(text).not.toContain('"hasNextPage"');
          }
        }
      }
    }
    // the prefetched path was taken: otherwise this compares level by level with itself
    expect(trees).toBeGreaterThan(10);
  }, 60_000);

  it('sees a total that only a skipped `edges` leaves, and a hasNextPage that the uncounted page would get wrong', async () => {
    const [entity] = busiest();
    const variables = { kind: entity!.kind, key: entity!.key, first: 1, withTotal: false, withPage: true };
    const { fast } = await both('One', { ...variables, skipEdges: true });
    const again = await both('One', variables);
    const rel = (body: unknown) =>
      (body as { data: { entity: { relationships: { pageInfo: { hasNextPage: boolean } } } } }).data.entity
        .relationships;
    expect(rel(fast.body).pageInfo.hasNextPage).toBe(true);
    expect(rel(again.fast.body).pageInfo.hasNextPage).toBe(true);
  });

  it('answers a batch of operations of one document, each with its own variables and operation', async () => {
    const entities = busiest();
    const batch: { query: string; operationName: string; variables: Vars }[] = entities
      .slice(0, 3)
      .flatMap((entity, i) => [
        {
          query: DOCUMENT,
          operationName: 'One',
          variables: { kind: entity.kind, key: entity.key, first: 1, withTotal: i % 2 === 0, withPage: i % 2 === 1 },
        },
        {
          query: DOCUMENT,
          operationName: 'Two',
          variables: { kind: entity.kind, key: entity.key, first: 2, withTotal: i % 2 === 1, withPage: false },
        },
      ]);
    batch.push({
      query: DOCUMENT,
      operationName: 'Three',
      variables: { first: 1, withTotal: true, withPage: true },
    });
    const fast = await post(oneQuery, batch);
    const slow = await Promise.all(batch.map((one) => post(byLevel, one)));
    expect(fast.status).toBe(200);
    expect(fast.body).toEqual(slow.map((s) => s.body));
    for (const answer of fast.body as { errors?: unknown }[]) expect(answer.errors).toBeUndefined();
  }, 30_000);

  it('shares nothing between callers but the plan: a refused caller, then a reader, then another', async () => {
    const closed = apiFor(counted.store, { limits, requireAuth: true, readTokens: ['a', 'b'] });
    const [entity] = busiest();
    const body = {
      query: DOCUMENT,
      operationName: 'One',
      variables: { kind: entity!.kind, key: entity!.key, first: 1, withTotal: false, withPage: true },
    };
    const refused = await post(closed, body);
    const refusal = refused.body as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    expect(refusal.data ?? null).toBeNull();
    expect(refusal.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const slow = await post(byLevel, body);
    expect(await post(closed, body, { authorization: 'Bearer a' })).toEqual(slow);
    expect(await post(closed, body, { authorization: 'Bearer b' })).toEqual(slow);
    expect(
      await post(closed, { ...body, variables: { ...body.variables, withTotal: true } }, { authorization: 'Bearer b' }),
    ).toEqual(await post(byLevel, { ...body, variables: { ...body.variables, withTotal: true } }));
  }, 30_000);
});
