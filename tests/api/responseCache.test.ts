/**
 * The response cache (src/http/responseCache.ts) on the embedded store: a repeated query costs no
 * store round trip; callers never share answers; a write drops exactly what it touched (on every
 * instance of the bus), lists, counts and searches included; Cypher and errors are never kept; a
 * query that was running when a write landed is not kept either.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SERVER_OPTIONS, readConfig, type ServerOptions } from '../../src/config.js';
import { KIND_NAME } from '../../src/domain/kinds.js';
import { createGraphEvents, type OwnedGraphEvents } from '../../src/graphql/events.js';
import { createServer } from '../../src/http/createServer.js';
import { createLogger, createMetrics } from '../../src/http/observability.js';
import type { CypherAnswer } from '../../src/store/cypher.js';
import { type GraphStore, StoreUnavailable } from '../../src/store/graphStore.js';
import { interceptStore } from '../../src/store/interceptStore.js';
import { countingStore } from '../support/countingStore.js';
import { rustCase, STORES } from '../support/stores.js';

const embedded = STORES.find((s) => s.name === 'embedded')!;

const EDITOR = { authorization: 'Bearer s3cret' };
const READER = { authorization: 'Bearer r3ad' };
const ANALYST = { authorization: 'Bearer an4lyst' };
const TOKENS: Partial<ServerOptions> = {
  editorTokens: ['alice:s3cret'],
  readTokens: ['rita:r3ad'],
  analystTokens: ['ana:an4lyst'],
};

const id = (typename: string, key: string) => Buffer.from(`${typename}:${key}`).toString('base64');
const ALEC = { id: id('Person', 'alec-baldwin') };
const RUST = { id: id('Production', 'rust') };
const MONTANA = { id: id('Location', 'montana') };
const NEWCOMER = { id: id('Person', 'hannah-gutierrez') };

/** No `id` asked for: the cache asks for it itself. */
const NAME = 'query Name($id: ID!) { node(id: $id) { ... on Entity { name summary } } }';
/** The benchmark's entity page (scripts/bench/operations.ts). */
const PAGE = `query Page($id: ID!) { node(id: $id) { ... on Entity { name aliases summary mentions { quote }
  relationshipCounts { type direction count }
  relationships(first: 50) { totalCount edges { node { type role from { name } to { name } evidence { quote start end } } } } } } }`;
const BY_KEY = 'query ByKey($key: String!) { entity(kind: PERSON, key: $key) { name summary } }';
const PEOPLE = '{ people(first: 50) { totalCount edges { node { name } } } }';
const SEARCH = 'query Search($text: String!) { search(text: $text) { entity { name } } }';
const MENTIONED = `query Mentioned($id: ID!) { node(id: $id) { ... on Source { entities { key } } } }`;
const ENDS = `query Ends($id: ID!) { node(id: $id) { ... on Entity {
  relationships(first: 50) { edges { node { from { name } to { name } } } } } } }`;
const COUNTS = 'query Counts($id: ID!) { node(id: $id) { ... on Entity { relationships { totalCount } } } }';

const UPSERT = `mutation($input: UpsertEntityInput!) { upsertEntity(input: $input) { change { seq } } }`;
const ASSERT = `mutation($input: AssertRelationshipInput!) { assertRelationship(input: $input) {
  relationship { key } change { seq } } }`;
const RETRACT = `mutation($input: RetractRelationshipInput!) { retractRelationship(input: $input) { change { seq } } }`;

interface Body {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

const servers: { dispose(): Promise<void> | void }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.dispose()));
});

/** A server on `inner` (a fresh embedded store by default) counting its store round trips and its cache's hits. */
async function serve(
  options: Partial<ServerOptions> = {},
  inner?: GraphStore,
  events: OwnedGraphEvents = createGraphEvents(null),
) {
  const store = inner ?? (await embedded.open());
  const counter = countingStore(store);
  const metrics = createMetrics();
  const yoga = createServer(
    counter.store,
    { ...DEFAULT_SERVER_OPTIONS, ...TOKENS, ...options },
    { logger: createLogger('silent'), metrics },
    events,
  );
  servers.push(yoga);
  const ask = async (query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const response = await yoga.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as Body;
  };
  const counted = async (name: string) => (await metrics.registry.getSingleMetric(name)?.get())?.values[0]?.value ?? 0;
  return {
    store,
    ask,
    /** The answer, and how many store round trips it cost. */
    async trips(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
      counter.reset();
      const body = await ask(query, variables, headers);
      return { body, trips: counter.calls.length };
    },
    async write(mutation: string, input: Record<string, unknown>) {
      const body = await ask(mutation, { input }, EDITOR);
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
      return body;
    },
    hits: () => counted('response_cache_hits_total'),
    misses: () => counted('response_cache_misses_total'),
  };
}

type Server = Awaited<ReturnType<typeof serve>>;

/** Asks `query` twice: the first answer comes from the store, the second from the cache. */
async function cached(server: Server, query: string, variables?: Record<string, unknown>) {
  const first = await server.trips(query, variables);
  expect(first.body.errors, JSON.stringify(first.body.errors)).toBeUndefined();
  expect(first.trips).toBeGreaterThan(0);
  const second = await server.trips(query, variables);
  expect(second.trips).toBe(0);
  expect(second.body).toEqual(first.body);
  return first.body;
}

/** A span of the case's article, as mentions and evidence quote it. */
async function span(store: GraphStore, words: string) {
  const [source] = await store.sources();
  const start = source!.text.indexOf(words);
  expect(start).toBeGreaterThanOrEqual(0);
  return { source: source!.key, start, end: start + words.length, quote: words };
}

describe('response cache (embedded store)', () => {
  it('answers a repeated query without a store round trip, and counts hits and misses', async () => {
    const server = await serve();
    const first = await server.trips(PAGE, ALEC);
    expect(first.trips).toBeGreaterThan(0);
    expect(first.body.data?.node).toMatchObject({ name: 'Alec Baldwin' });
    for (let i = 0; i < 3; i++) {
      const again = await server.trips(PAGE, ALEC);
      expect(again.trips).toBe(0);
      expect(again.body).toEqual(first.body);
    }
    expect(await server.hits()).toBe(3);
    expect(await server.misses()).toBe(1);
  });

  it('is off with RESPONSE_CACHE_TTL_MS=0, on by default for 60 s', async () => {
    expect(readConfig({}).server.responseCacheTtlMs).toBe(60_000);
    expect(readConfig({ RESPONSE_CACHE_TTL_MS: '0' }).server.responseCacheTtlMs).toBe(0);
    const server = await serve({ responseCacheTtlMs: 0 });
    for (let i = 0; i < 2; i++) expect((await server.trips(PAGE, ALEC)).trips).toBeGreaterThan(0);
    expect(await server.hits()).toBe(0);
  });

  it('never shares an answer between callers: anonymous, each token, each scope', async () => {
    const server = await serve();
    const callers: Record<string, string>[] = [{}, READER, EDITOR, ANALYST];
    for (const headers of callers) expect((await server.trips(PAGE, ALEC, headers)).trips).toBeGreaterThan(0);
    for (const headers of callers) expect((await server.trips(PAGE, ALEC, headers)).trips).toBe(0);

    // under REQUIRE_AUTH, what a reader has cached reaches nobody without a valid token
    const closed = await serve({ requireAuth: true });
    expect((await closed.trips(PAGE, ALEC, READER)).trips).toBeGreaterThan(0);
    for (const headers of [{}, { authorization: 'Bearer wrong' }] as Record<string, string>[]) {
      const { body, trips } = await closed.trips(PAGE, ALEC, headers);
      expect(body.data ?? undefined).toBeUndefined();
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(trips).toBe(0);
    }
    expect((await closed.trips(PAGE, ALEC, READER)).trips).toBe(0);
  });

  it('drops exactly what a write touched: the entity, the pages that show it; not the rest', async () => {
    const server = await serve();
    await cached(server, NAME, ALEC);
    await cached(server, BY_KEY, { key: 'alec-baldwin' });
    const endsOf = (body: Body) =>
      (
        body.data as {
          node: { relationships: { edges: { node: { from: { name: string }; to: { name: string } } }[] } };
        }
      ).node.relationships.edges.flatMap(({ node }) => [node.from.name, node.to.name]);
    expect(endsOf(await cached(server, ENDS, RUST))).toContain('Alec Baldwin');
    const montana = await cached(server, NAME, MONTANA);

    await server.write(UPSERT, { key: 'alec-baldwin', kind: 'PERSON', name: 'Alexander Baldwin', summary: 'Renamed.' });

    const alec = await server.trips(NAME, ALEC);
    expect(alec.trips).toBeGreaterThan(0);
    expect(alec.body.data?.node).toEqual({ name: 'Alexander Baldwin', summary: 'Renamed.' });
    expect((await server.ask(BY_KEY, { key: 'alec-baldwin' })).data?.entity).toEqual({
      name: 'Alexander Baldwin',
      summary: 'Renamed.',
    });
    // the far end of Rust's relationships, named on its page without asking for its ID
    const ends = endsOf(await server.ask(ENDS, RUST));
    expect(ends).toContain('Alexander Baldwin');
    expect(ends).not.toContain('Alec Baldwin');
    // Montana is not near Alec Baldwin: still served from the cache
    const untouched = await server.trips(NAME, MONTANA);
    expect(untouched.trips).toBe(0);
    expect(untouched.body).toEqual(montana);
  });

  it('drops a source’s draft, read by its ID, when an editor decides one of its suggestions', async () => {
    const server = await serve();
    const text = 'Lawyer Luke Nikas said Alec Baldwin would appeal.';
    await server.write(`mutation($input: AddSourceInput!) { addSource(input: $input) { source { key } } }`, {
      key: 'appeal-report',
      caseKey: 'rust-case',
      text,
    });
    const DRAFT = `query($id: ID!) { node(id: $id) { ... on Source { draft { entities { key status } } } } }`;
    const source = id('Source', 'appeal-report');
    const before = await cached(server, DRAFT, { id: source });
    const [first] = (before.data as { node: { draft: { entities: { key: string }[] } } }).node.draft.entities;
    await server.write(
      `mutation($input: RejectSuggestionInput!) { rejectSuggestion(input: $input) { change { seq } } }`,
      { source: 'appeal-report', suggestion: first!.key },
    );
    const after = await server.trips(DRAFT, { id: source });
    expect(after.trips).toBeGreaterThan(0);
    expect(
      (after.body.data as { node: { draft: { entities: { status: string }[] } } }).node.draft.entities[0]?.status,
    ).toBe('REJECTED');
  });

  it('drops lists, counts, searches and lookups of what did not exist when a write adds or removes', async () => {
    const server = await serve();
    const people = (await cached(server, PEOPLE)).data as { people: { totalCount: number } };
    expect(await cached(server, SEARCH, { text: 'Gutierrez' })).toEqual({ data: { search: [] } });
    expect(await cached(server, NAME, NEWCOMER)).toEqual({ data: { node: null } });
    expect(await cached(server, BY_KEY, { key: 'hannah-gutierrez' })).toEqual({ data: { entity: null } });
    const [source] = await server.store.sources();
    const mentioned = await cached(server, MENTIONED, { id: id('Source', source!.key) });
    expect(JSON.stringify(mentioned)).not.toContain('hannah-gutierrez');
    const counts = (await cached(server, COUNTS, ALEC)).data as { node: { relationships: { totalCount: number } } };

    const mention = await span(server.store, 'Alec Baldwin');
    await server.write(UPSERT, { key: 'hannah-gutierrez', kind: 'PERSON', name: 'Hannah Gutierrez', mention });

    const after = (await server.ask(PEOPLE)).data as { people: { totalCount: number; edges: unknown[] } };
    expect(after.people.totalCount).toBe(people.people.totalCount + 1);
    expect(JSON.stringify(after)).toContain('Hannah Gutierrez');
    expect((await server.ask(SEARCH, { text: 'Gutierrez' })).data?.search).toEqual([
      { entity: { name: 'Hannah Gutierrez' } },
    ]);
    expect((await server.ask(NAME, NEWCOMER)).data?.node).toEqual({ name: 'Hannah Gutierrez', summary: null });
    expect((await server.ask(BY_KEY, { key: 'hannah-gutierrez' })).data?.entity).toMatchObject({
      name: 'Hannah Gutierrez',
    });
    expect(JSON.stringify(await server.ask(MENTIONED, { id: id('Source', source!.key) }))).toContain(
      'hannah-gutierrez',
    );
    // a new entity touches no relationship: Alec Baldwin's count is still served from the cache
    expect((await server.trips(COUNTS, ALEC)).trips).toBe(0);

    // a claim between them: both ends' counts change, then change back when it is retracted
    const evidence = [await span(server.store, 'Alec Baldwin')];
    const asserted = await server.write(ASSERT, {
      type: 'REPRESENTS',
      from: 'hannah-gutierrez',
      to: 'alec-baldwin',
      evidence,
    });
    const total = async () => ((await server.ask(COUNTS, ALEC)).data as typeof counts).node.relationships.totalCount;
    expect(await total()).toBe(counts.node.relationships.totalCount + 1);
    const { assertRelationship } = asserted.data as { assertRelationship: { relationship: { key: string } } };
    const key = assertRelationship.relationship.key;
    await server.write(RETRACT, { key, reason: 'a test' });
    expect(await total()).toBe(counts.node.relationships.totalCount);
  });

  it('drops on one instance what a write on another touched, through their shared bus', async () => {
    const events = createGraphEvents(null);
    const store = await embedded.open();
    const a = await serve({}, store, events);
    const b = await serve({}, store, events);
    await cached(b, NAME, ALEC);
    await cached(b, NAME, MONTANA);
    await a.write(UPSERT, { key: 'alec-baldwin', kind: 'PERSON', summary: 'Changed on A.' });
    await vi.waitFor(async () =>
      expect((await b.ask(NAME, ALEC)).data?.node).toEqual({ name: 'Alec Baldwin', summary: 'Changed on A.' }),
    );
    expect((await b.trips(NAME, MONTANA)).trips).toBe(0);
  });

  it('never keeps Cypher: each analyst query runs again', async () => {
    let runs = 0;
    const answer: CypherAnswer = {
      columns: ['n'],
      rows: [{ n: 1 }],
      truncated: false,
      entityKeys: [],
      relationshipKeys: [],
    };
    const inner = await embedded.open();
    const withCypher = new Proxy(inner, {
      get(target, property) {
        if (property !== 'readOnlyCypher') return Reflect.get(target, property);
        return async () => {
          runs += 1;
          return answer;
        };
      },
    });
    const server = await serve({}, withCypher);
    for (let i = 0; i < 3; i++) {
      const body = await server.ask('{ cypher(query: "RETURN 1 AS n") { columns rows } }', undefined, ANALYST);
      expect(body).toEqual({ data: { cypher: { columns: ['n'], rows: [{ n: 1 }] } } });
    }
    expect(runs).toBe(3);
    expect(await server.hits()).toBe(0);
    expect(await server.misses()).toBe(0);
  });

  it('never keeps an answer with errors', async () => {
    let failNext = false;
    const inner = await embedded.open();
    const flaky = interceptStore(inner, (_method, call) => {
      if (!failNext) return call();
      failNext = false;
      return Promise.reject(new StoreUnavailable('embedded'));
    });
    const server = await serve({}, flaky);
    failNext = true;
    expect((await server.ask(NAME, ALEC)).errors?.[0]?.extensions?.code).toBe('STORE_UNAVAILABLE');
    const recovered = await server.trips(NAME, ALEC);
    expect(recovered.body.data?.node).toMatchObject({ name: 'Alec Baldwin' });
    expect(recovered.trips).toBeGreaterThan(0);
    for (let i = 0; i < 2; i++)
      expect((await server.ask(NAME, { id: 'not-an-id' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await server.hits()).toBe(0);
  });

  it('does not keep a query that was reading while a write landed', async () => {
    let release = () => {};
    const released = new Promise<void>((done) => {
      release = done;
    });
    let reached = () => {};
    const started = new Promise<void>((done) => {
      reached = done;
    });
    let holding = true;
    const inner = await embedded.open();
    // the first read returns what the store held, but only once the write below has landed
    const slow = interceptStore(inner, async (_method, call) => {
      const result = await call();
      if (holding) {
        holding = false;
        reached();
        await released;
      }
      return result;
    });
    const server = await serve({}, slow);
    const reading = server.ask(NAME, ALEC);
    await started;
    await server.write(UPSERT, { key: 'alec-baldwin', kind: 'PERSON', summary: 'Changed meanwhile.' });
    release();
    expect((await reading).data?.node).toMatchObject({ name: 'Alec Baldwin' });
    const after = await server.trips(NAME, ALEC);
    expect(after.body.data?.node).toEqual({ name: 'Alec Baldwin', summary: 'Changed meanwhile.' });
    expect(after.trips).toBeGreaterThan(0);
  });
});

/** Everything an entity page may ask, each relation's far end by name and ID. */
const EVERYTHING = `fragment Quote on Evidence { quote start end modality assertedBy source { key title } }
fragment Everything on Entity {
  key kind name aliases summary formerKeys mentions { ...Quote }
  claimsBySource { source { key entities { key } } relationships { key } }
  relationshipCounts { type direction count }
  relationships(first: 100) { totalCount edges { node { key type role from { key name } to { key name } evidence { ...Quote } modalities sources { key } } } }
  ... on Person { occupations representedBy { name } represents { name } credits { production { name } role } participations { event { name } role } }
  ... on Organisation { organisationType jurisdiction { name } participations { event { name } role } }
  ... on Production { productionType credits { person { name } role } events { name } filmingLocations { name } }
  ... on Location { locationType within { name } events { name } }
  ... on Event { eventType date { text } location { name } production { name } causes { name } consequences { name } participants { participant { name } role } }
}`;

/** A second report, for the writes below. */
const SECOND =
  'The case against Alec Baldwin over the death of Halyna Hutchins was dismissed by a judge, the Associated Press reported. ' +
  'Prosecutors had alleged that Baldwin acted recklessly on the set of Rust; Montana is where filming resumed.';
const second = (words: string) => {
  const start = SECOND.indexOf(words);
  return { source: 'rust-dismissal', start, end: start + words.length, quote: words };
};

/** Every kind of write an editor makes, in an order that lets each one land. */
const WRITES: [mutation: string, input: Record<string, unknown>][] = [
  [
    'mutation($input: AddSourceInput!) { addSource(input: $input) { change { seq } } }',
    { key: 'rust-dismissal', caseKey: 'rust-case', text: SECOND, title: 'Dismissed' },
  ],
  [UPSERT, { key: 'halyna-hutchins', kind: 'PERSON', name: 'Halyna Hutchins', mention: second('Halyna Hutchins') }],
  [
    'mutation($input: AddMentionInput!) { addMention(input: $input) { change { seq } } }',
    { entityKey: 'montana', mention: second('Montana') },
  ],
  [
    ASSERT,
    {
      type: 'CONCERNS',
      from: 'baldwin-cleared-of-charges',
      to: 'halyna-hutchins',
      evidence: [{ ...second('the death of Halyna Hutchins'), modality: 'STATED' }],
    },
  ],
  [UPSERT, { key: 'alec-baldwin', kind: 'PERSON', name: 'Alexander Baldwin', aliases: ['Baldwin'] }],
  [RETRACT, { key: 'alec-baldwin--worked-on--rust', reason: 'a test' }],
  [
    'mutation($input: MergeEntitiesInput!) { mergeEntities(input: $input) { change { seq } } }',
    { survivorKey: 'galina-hutchins', mergedKey: 'halyna-hutchins' },
  ],
  [
    'mutation($input: UnmergeEntitiesInput!) { unmergeEntities(input: $input) { change { seq } } }',
    { survivorKey: 'galina-hutchins', mergedKey: 'halyna-hutchins' },
  ],
];

describe('response cache against no cache (embedded store)', () => {
  it('after every kind of write, answers every query it had cached as a server without a cache does', async () => {
    const graph = rustCase();
    const store = await embedded.open(graph);
    const cachedServer = await serve({}, store);
    const plain = await serve({ responseCacheTtlMs: 0 }, store);
    const entityIds = [...graph.entities.map((e) => id(KIND_NAME[e.kind], e.key)), id('Person', 'halyna-hutchins')];
    const relationshipIds = graph.relationships.map((r) => id('Relationship', r.key));
    const sourceIds = [id('Source', 'rust-article'), id('Source', 'rust-dismissal')];
    const queries: [string, Record<string, unknown>?][] = [
      ...entityIds.map((entity): [string, Record<string, unknown>] => [
        `${EVERYTHING} query($id: ID!) { node(id: $id) { id ...Everything } }`,
        { id: entity },
      ]),
      ...['alec-baldwin', 'halyna-hutchins', 'galina-hutchins'].map((key): [string, Record<string, unknown>] => [
        `${EVERYTHING} query($key: String!) { entity(kind: PERSON, key: $key) { ...Everything } }`,
        { key },
      ]),
      [
        'query($ids: [ID!]!) { nodes(ids: $ids) { ... on Relationship { key type from { name } to { name } evidence { quote } } } }',
        { ids: relationshipIds },
      ],
      ...sourceIds.map((source): [string, Record<string, unknown>] => [
        'query($id: ID!) { node(id: $id) { ... on Source { key title entities { key name } } } }',
        { id: source },
      ]),
      ['{ people(first: 50) { totalCount edges { node { key name } } } }'],
      ['{ events(first: 50, order: DESC) { totalCount edges { node { key name } } } }'],
      ['{ sources { key entities { key } } }'],
      ['{ timeline { key name } }'],
      ['{ changes(first: 50) { totalCount edges { node { seq action entityKeys } } } }'],
      ['query($text: String!) { search(text: $text, first: 50) { score entity { key name } } }', { text: 'hutchins' }],
      [
        'query($id: ID!) { neighbourhood(id: $id, depth: 2) { nodes { key name } edges { key } } }',
        { id: id('Person', 'alec-baldwin') },
      ],
      [
        'query($from: ID!, $to: ID!) { path(from: $from, to: $to) { length nodes { key } } }',
        { from: id('Person', 'alec-baldwin'), to: id('Location', 'montana') },
      ],
    ];
    const compare = async (step: string) => {
      for (const [query, variables] of queries) {
        const expected = await plain.ask(query, variables);
        expect(expected.errors, JSON.stringify(expected.errors)).toBeUndefined();
        expect(
          await cachedServer.ask(query, variables),
          `${step}: ${query.slice(-120)} ${JSON.stringify(variables)}`,
        ).toEqual(expected);
      }
    };
    await compare('before any write');
    const before = await cachedServer.hits();
    await compare('cached');
    expect(await cachedServer.hits()).toBeGreaterThan(before);
    for (const [mutation, input] of WRITES) {
      await cachedServer.write(mutation, input);
      await compare(mutation.slice(0, 40));
    }
  });
});
