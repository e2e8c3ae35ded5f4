/**
 * events, timeline and search on Neo4j find their entities, then read below them in one tree per
 * kind found (foundAgainReader, src/graphql/prefetch/trees.ts). Attacked as a client would: every
 * kind at once, filters, pages past the end, aliases, directives, shapes the planner declines,
 * bad arguments below the hits, and documents that would make many trees. Each answer must equal
 * reading level by level on the same Neo4j, and the embedded store's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseGraph } from '../../src/domain/model.js';
import { encodeGlobalID } from '../../src/graphql/globalIds.js';
import type { GraphStore } from '../../src/store/graphStore.js';
import { MemoryStore } from '../../src/store/memory/memoryStore.js';
import { apiFor } from '../support/api.js';
import { countingStore } from '../support/countingStore.js';
import { rustCase, STORES } from '../support/stores.js';

const neo4jStore = STORES.find((s) => s.name === 'neo4j')!;

/** The same store without entityTrees: what the API reads level by level. */
const levelByLevel = (store: GraphStore): GraphStore =>
  new Proxy(store, { get: (target, p, r) => (p === 'entityTrees' ? undefined : Reflect.get(target, p, r)) });

/** Something of every kind below a hit: each kind found is one tree. */
const EVERY_KIND = `
fragment EveryKind on Entity {
  __typename key name
  ... on Person { occupations credits { role production { key name } } participations { role event { key date { text } } } }
  ... on Organisation { organisationType jurisdiction { key name } participations { role event { key } } }
  ... on Production { productionType credits { person { key name } role } events { key eventType } filmingLocations { key } }
  ... on Location { locationType within { key } events { key name } }
  ... on Event { eventType date { text earliest } location { name } participants { role participant { key name } } causes { key } consequences { key } }
  relationships(first: 5) { totalCount edges { cursor node { type from { key } to { key } } } }
}`;

const SEARCH = `${EVERY_KIND}
query ($text: String!, $first: Int, $kinds: [EntityKind!]) {
  search(text: $text, first: $first, kinds: $kinds) { score entity { ...EveryKind } }
}`;

const EVENTS = `
query ($where: EventFilter, $order: OrderDirection, $first: Int, $after: String) {
  events(where: $where, order: $order, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor node { key eventType location { key name } production { key }
      participants { role participant { key name } } causes { key } } }
  }
}`;

const TIMELINE = `
query ($where: EventFilter) {
  timeline(where: $where) { key date { text } location { name } participants { participant { key } } consequences { key } }
}`;

const graph = rustCase();
type Api = ReturnType<typeof apiFor>;
type Answer = Awaited<ReturnType<Api['query']>>;

describe.skipIf(!neo4jStore.available)('entities found, then read again below them, on Neo4j', () => {
  let store: GraphStore;
  let counted: ReturnType<typeof countingStore>;
  let trees: Api;
  let byLevel: Api;
  let embedded: Api;

  beforeAll(async () => {
    store = await neo4jStore.open(graph);
    counted = countingStore(store);
    // the limits a client meets; no response cache, so that every request reads the store
    const options = { responseCacheTtlMs: 0 };
    trees = apiFor(counted.store, options);
    byLevel = apiFor(levelByLevel(store), options);
    embedded = apiFor(new MemoryStore(graph as CaseGraph), options);
  });
  afterAll(async () => store?.close());

  /** The answer read in trees, after checking that level by level and the embedded store answer the same. */
  async function same(query: string, variables?: Record<string, unknown>): Promise<Answer> {
    const fast = await trees.query<unknown>(query, variables);
    const slow = await byLevel.query<unknown>(query, variables);
    const memory = await embedded.query<unknown>(query, variables);
    expect(fast).toEqual(slow);
    expect(fast).toEqual(memory);
    return fast;
  }

  const trips = () => counted.calls.filter((c) => c === 'entityTrees').length;

  it('search hits of every kind, with typed fragments on each, in pages of 0, 1, 10 and 100', async () => {
    for (const text of ['a', 'baldwin', 'santa fe']) {
      for (const first of [0, 1, 100]) {
        const answer = await same(SEARCH, { text, first });
        expect(answer.errors).toBeUndefined();
        const hits = (answer.data as { search: { entity: { __typename: string } }[] }).search;
        expect(hits.length).toBeLessThanOrEqual(first);
      }
    }
    // "a" finds entities of most kinds: one tree per kind found
    counted.reset();
    const every = await trees.query<{ search: { entity: { __typename: string } }[] }>(SEARCH, {
      text: 'a',
      first: 100,
    });
    const kinds = new Set(every.data?.search.map((h) => h.entity.__typename));
    expect(kinds.size).toBeGreaterThanOrEqual(4);
    expect(trips()).toBe(kinds.size);
  });

  it('search with kinds filters, including none and every kind', async () => {
    for (const kinds of [
      ['PERSON'],
      ['EVENT', 'LOCATION'],
      [],
      ['ORGANISATION', 'PRODUCTION', 'PERSON', 'EVENT', 'LOCATION'],
    ]) {
      const answer = await same(SEARCH, { text: 'a', first: 20, kinds });
      expect(answer.errors).toBeUndefined();
    }
    const nothing = await same(SEARCH, { text: 'zzzzqqq', first: 100 });
    expect(nothing.data).toEqual({ search: [] });
  });

  it('events: order both ways, filters of every sort, a page past the end', async () => {
    const rust = encodeGlobalID('Production', 'rust');
    const baldwin = encodeGlobalID('Person', 'alec-baldwin');
    const cases: Record<string, unknown>[] = [
      {},
      { order: 'DESC', first: 3 },
      { first: 100 },
      { first: 0 },
      { where: { involving: baldwin } },
      { where: { production: rust }, order: 'DESC' },
      { where: { from: '2021', to: '2022' } },
      { where: { from: '2021-10-21', to: '2021-10-21' } },
      { where: { eventTypes: ['incident', 'no such type'] } },
      { where: { involving: baldwin, production: rust, from: '2020', to: '2030' }, order: 'DESC', first: 2 },
    ];
    counted.reset();
    for (const variables of cases) {
      const answer = await same(EVENTS, variables);
      expect(answer.errors).toBeUndefined();
    }
    // read in trees, not level by level
    expect(trips()).toBeGreaterThan(0);
    // the last page, then past it
    const all = await same(EVENTS, { first: 100 });
    const total = (all.data as { events: { totalCount: number } }).events.totalCount;
    expect(total).toBeGreaterThan(3);
    const lastCursor = (all.data as { events: { edges: { cursor: string }[] } }).events.edges.at(-1)!.cursor;
    const past = await same(EVENTS, { first: 5, after: lastCursor });
    expect(past.data).toMatchObject({ events: { totalCount: total, edges: [] } });
    const pastDesc = await same(EVENTS, { first: 5, after: lastCursor, order: 'DESC' });
    expect(pastDesc.data).toMatchObject({ events: { edges: [] } });
  });

  // BUG (store parity, older than this change): events(where: { eventTypes: [] }) is every event
  // on Neo4j (neo4jStore.ts nullIfEmpty) and no event on the embedded store (memoryStore.ts
  // filter.eventTypes.includes); the trees and level by level agree with each other on Neo4j
  it('an empty eventTypes filter answers the same on both stores', async () => {
    const answer = await same(EVENTS, { where: { eventTypes: [] } });
    expect(answer.errors).toBeUndefined();
  });

  it('the timeline, filtered and not', async () => {
    for (const where of [undefined, { from: '2021', to: '2021' }, { eventTypes: ['statement'] }, { from: '2099' }]) {
      const answer = await same(TIMELINE, { where });
      expect(answer.errors).toBeUndefined();
    }
  });

  it('search, events and timeline under aliases in one document, one field twice with other selections', async () => {
    const answer = await same(`{
      a: search(text: "rust", first: 5) { entity { key relationships(first: 2) { edges { node { key } } } } }
      b: search(text: "rust", first: 5) { score entity { name ... on Production { credits { person { name } } } } }
      late: events(first: 2, order: DESC) { edges { node { key participants { participant { name } } } } }
      early: events(first: 2) { edges { node { key location { key } } } }
      tl: timeline(where: { from: "2021" }) { key location { name } }
      timeline { key causes { name } }
      search(text: "baldwin") { entity { key } }
    }`);
    expect(answer.errors).toBeUndefined();
    // one response key selected twice with different sub-selections: both merged into one answer
    const merged = await same(`{
      search(text: "baldwin") { entity { key relationships(first: 3) { totalCount } } }
      search(text: "baldwin") { score entity { name ... on Person { credits { role production { name } } } } }
      events(first: 3) { edges { node { key } } }
      events(first: 3) { edges { node { participants { role } } } totalCount }
    }`);
    expect(merged.errors).toBeUndefined();
    const hit = (merged.data as { search: Record<string, unknown>[] }).search[0]!;
    expect(hit).toHaveProperty('score');
    expect(hit.entity).toHaveProperty('key');
    expect(hit.entity).toHaveProperty('name');
    expect(hit.entity).toHaveProperty('relationships');
  });

  it('@skip and @include on the nested parts, by variables', async () => {
    const query = `
    query ($text: String!, $rel: Boolean!, $skipPerson: Boolean!, $deep: Boolean!) {
      search(text: $text, first: 20) { entity { key
        relationships(first: 3) @include(if: $rel) { totalCount edges { node { to { key } } } }
        ... on Person @skip(if: $skipPerson) { credits { role production { key } } }
        ... on Event { participants @include(if: $deep) { participant { key name } } }
      } }
      events(first: 4) { edges { node { key location @skip(if: $deep) { key } causes @include(if: $deep) { key } } } }
      timeline { key participants @include(if: $rel) { role } }
    }`;
    counted.reset();
    for (const rel of [true, false])
      for (const skipPerson of [true, false])
        for (const deep of [true, false]) {
          const answer = await same(query, { text: 'a', rel, skipPerson, deep });
          expect(answer.errors).toBeUndefined();
        }
    expect(trips()).toBeGreaterThan(0);
    // the step to the entities itself left out: nothing below them is read, and nothing is missing
    const whole = `
    query ($on: Boolean!) {
      search(text: "rust") { score entity @include(if: $on) { key relationships(first: 2) { totalCount } } }
      events(first: 2) { totalCount edges @skip(if: $on) { node { key location { key } } } }
      timeline @include(if: $on) { key location { key } }
    }`;
    for (const on of [true, false]) {
      const answer = await same(whole, { on });
      expect(answer.errors).toBeUndefined();
    }
  });

  it('shapes the planner declines are read level by level, and answer the same', async () => {
    counted.reset();
    const answer = await same(`{
      search(text: "rust", first: 10) { a: entity { key relationships(first: 2) { totalCount } } b: entity { name } }
      events(first: 3) { a: edges { node { key location { key } } } b: edges { cursor } }
    }`);
    expect(answer.errors).toBeUndefined();
    expect(trips()).toBe(0);
  });

  it('a bad argument below a hit is reported at the field that took it, as reading level by level does', async () => {
    const search = await same(`{
      search(text: "baldwin", first: 3) { entity { key
        bad: relationships(first: 1000) { totalCount }
        good: relationships(first: 1) { totalCount }
      } }
    }`);
    expect(search.errors?.[0]).toMatchObject({
      path: ['search', 0, 'entity', 'bad'],
      extensions: { code: 'BAD_USER_INPUT' },
    });
    // one root each: both are non-null to the root, so which refusal comes first would be a race
    const events = await same(
      `{ events(first: 2) { edges { node { key relationships(after: "not a cursor") { totalCount } } } } }`,
    );
    expect(events.errors?.[0]).toMatchObject({
      path: ['events', 'edges', 0, 'node', 'relationships'],
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const timeline = await same(`{ timeline { key bad: relationships(first: -1) { totalCount } } }`);
    expect(timeline.errors?.[0]).toMatchObject({
      path: ['timeline', 0, 'bad'],
      extensions: { code: 'BAD_USER_INPUT' },
    });
    // deeper, below a relationship's end
    const deep = await same(`{
      search(text: "rust", first: 2, kinds: [PRODUCTION]) { entity { ... on Production {
        credits { person { key relationships(first: 101) { totalCount } } } } } }
    }`);
    expect(deep.errors?.[0]?.path?.slice(0, 4)).toEqual(['search', 0, 'entity', 'credits']);
  });

  it('a document of many aliased searches, each of every kind, is refused as too complex, or answered in time', async () => {
    const aliases = Array.from(
      { length: 30 },
      (_, i) => `s${i}: search(text: "a", first: 100) { entity { ...EveryKind } }`,
    );
    const started = Date.now();
    const answer = await trees.query(`${EVERY_KIND} { ${aliases.join('\n')} }`);
    const took = Date.now() - started;
    expect(answer.status).not.toBe(500);
    const codes = (answer.errors ?? []).map((e) => e.extensions?.code);
    expect(codes).not.toContain('STORE_UNAVAILABLE');
    if (answer.errors) expect(codes).toContain('QUERY_TOO_COMPLEX');
    else expect(took).toBeLessThan(20_000);
  });

  it('what the default limits let through, many aliases with different selections, answers without STORE_UNAVAILABLE', async () => {
    // the largest a client may send: distinct selections make distinct trees Neo4j has to plan
    const fields = ['key', 'name', 'summary', 'aliases', 'formerKeys'];
    const kinds = ['PERSON', 'ORGANISATION', 'PRODUCTION', 'LOCATION', 'EVENT'];
    const aliases = fields.flatMap((field, i) =>
      kinds.map(
        (kind, j) =>
          `k${i}${j}: search(text: "a", first: 10, kinds: [${kind}]) { entity { ${field} relationships(first: ${i + j + 1}) { totalCount edges { node { to { ${field} } } } } } }`,
      ),
    );
    const started = Date.now();
    const answer = await trees.query(`{ ${aliases.join('\n')} }`);
    const took = Date.now() - started;
    const codes = (answer.errors ?? []).map((e) => e.extensions?.code);
    expect(codes).not.toContain('STORE_UNAVAILABLE');
    expect(answer.status).not.toBe(500);
    if (!answer.errors) expect(took).toBeLessThan(20_000);
    // and the same on the embedded store, when answered
    if (!answer.errors) {
      const memory = await embedded.query(`{ ${aliases.join('\n')} }`);
      expect(answer).toEqual(memory);
    }
  });

  /**
   * 25 searches in one document, each selecting other properties on each kind it finds (4 kinds):
   * 100 trees of 25 shapes, all asked at once. Within the default limits (aliases, cost, depth).
   */
  const PROPS = ['name', 'summary', 'aliases', 'formerKeys', 'kind', 'mentions { quote }'];
  const PAIRS = PROPS.flatMap((a, i) => PROPS.slice(i + 1).map((b) => `${a} ${b}`));
  const fanOut = (shapes: number) =>
    `{ ${Array.from({ length: 25 }, (_, i) => {
      const p = PAIRS[i % shapes]!;
      const q = PAIRS[(i * 7 + 3) % shapes]!;
      return `h${i}: search(text: "a", first: 20) { entity { key ${p}
        ... on Person { credits { production { ${q} } } }
        ... on Organisation { participations { event { ${q} } } }
        ... on Location { events { ${q} } }
        ... on Event { participants { participant { ${q} } } }
        relationships(first: ${(i % 4) + 1}) { edges { node { to { ${i % 2 ? p : q} } } } } } }`;
    }).join('\n')} }`;
  const FAN_OUT = fanOut(PAIRS.length);

  it('a document of 25 aliased searches within the default limits, read level by level, answers', async () => {
    const answer = await byLevel.query(FAN_OUT);
    expect(answer.errors).toBeUndefined();
    expect(answer).toEqual(await embedded.query(FAN_OUT));
  });

  // each alias x kind found was its own entityTrees read, none shared between aliases as the loaders
  // share reads level by level: 25 aliases x 4 kinds = 100 reads queued at once for the executor's 16
  // turns (src/store/neo4j/executor.ts), waited past the store's 5 s, and the document (within the
  // default limits) was STORE_UNAVAILABLE, and so was another client's people count sent while it
  // ran. A request now makes at most TREE_READS_PER_REQUEST tree reads (prefetch/trees.ts)
  it('the same document read in trees answers too, and does not starve a bystander', async () => {
    const bystanderApi = apiFor(store, { responseCacheTtlMs: 0 });
    const [answer, bystander] = await Promise.all([
      trees.query(FAN_OUT),
      new Promise((resolve) => setTimeout(resolve, 300)).then(() =>
        bystanderApi.query('{ people(first: 5) { totalCount edges { node { key } } } }'),
      ),
    ]);
    const codes = [...(answer.errors ?? []), ...(bystander.errors ?? [])].map((e) => e.extensions?.code);
    expect(codes).not.toContain('STORE_UNAVAILABLE');
    expect(answer.errors).toBeUndefined();
    expect(bystander.errors).toBeUndefined();
  });
});
