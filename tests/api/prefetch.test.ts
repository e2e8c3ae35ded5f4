/**
 * Reading a nested selection in one query (graphql/prefetch/, Neo4j's entityTrees) answers exactly
 * what reading it level by level answers: the same data, the same errors at the same paths, on the
 * case files and on a synthetic case with hubs. And it is one round trip where it applies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticCase } from '../../scripts/bench/synthetic.js';
import { ENTITY_KINDS, KIND_NAME } from '../../src/domain/kinds.js';
import type { CaseGraph } from '../../src/domain/model.js';
import type { EntityTreePlan, RelatedTreePlan } from '../../src/store/entityTrees.js';
import type { GraphStore } from '../../src/store/graphStore.js';
import { apiFor } from '../support/api.js';
import { encodeGlobalID } from '../../src/graphql/globalIds.js';
import { DEFAULT_LIMITS } from '../../src/config.js';
import { countingStore } from '../support/countingStore.js';
import { rustCase, STORES } from '../support/stores.js';

const neo4jStore = STORES.find((s) => s.name === 'neo4j')!;

/** The same store without entityTrees: what the API reads level by level. */
const levelByLevel = (store: GraphStore): GraphStore =>
  new Proxy(store, { get: (target, p, r) => (p === 'entityTrees' ? undefined : Reflect.get(target, p, r)) });

const ENDS = `fragment End on Entity { __typename id key kind name aliases summary formerKeys mentions { quote start end source { key } } }`;

const TYPED = `
fragment Typed on Entity {
  ... on Person {
    occupations representedBy { ...End } represents { key name }
    credits { role person { key } production { ...End productionType } evidence { quote modality assertedBy } }
    participations { role participant { key } event { key date { text earliest } } }
  }
  ... on Organisation { organisationType jurisdiction { ...End } participations { role event { key } } }
  ... on Production {
    productionType credits { person { key name } role } stated: credits(modality: [STATED]) { person { key } }
    events { key eventType } filmingLocations { key } planned: filmingLocations(modality: [PLANNED]) { key }
  }
  ... on Location { locationType within { key } events { key } }
  ... on Event {
    eventType date { year month day precision text earliest latest }
    location { key locationType } production { key } causes { key name } consequences { key }
    participants { participant { key } role } reported: participants(modality: [REPORTED, ALLEGED]) { participant { key } }
  }
}`;

const PAGE = `
fragment Page on Entity {
  ...End ...Typed
  relationshipCounts { type direction count }
  claimsBySource { source { key } relationships { key type from { key name } } }
  relationships(first: 100) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { __typename id key type role modalities sources { key } evidence { quote modality }
      from { ...End relationshipCounts { count } } to { key ... on Event { date { text } } } } }
  }
  out: relationships(direction: OUT, types: [WORKED_ON, PARTICIPATED_IN, REPRESENTS], first: 3) {
    totalCount edges { cursor node { key to { key } } }
  }
  inferred: relationships(modality: [INFERRED, PLANNED, EXPECTED]) { totalCount edges { node { key modalities } } }
}`;

/** Four levels of relationships: deeper than one tree reads (MAX_LEVELS), so the last is read by key. */
const DEEP = `
fragment Deep on Entity {
  key deep: relationships(first: 5) { edges { node { key from { key relationships(first: 4) { edges { node { to { key
    relationships(first: 3) { totalCount edges { node { from { name relationships(first: 2) { edges { node { key to { name } } } } } } } }
  } } } } } } } }
}`;

const ENTITY_QUERY = `${ENDS} ${TYPED} ${PAGE} ${DEEP}
query Entity($kind: EntityKind!, $key: String!, $withDeep: Boolean!, $skipTyped: Boolean!) {
  entity(kind: $kind, key: $key) { ...Page ...Deep @include(if: $withDeep) ...Typed @skip(if: $skipTyped)
    alias: relationships(first: 1) { edges { node { a: from { k: key } b: to { k: key } } } } }
}`;

const LISTS = `${ENDS} ${TYPED} ${PAGE}
query Lists($after: String) {
  people(first: 7, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ...Page } } }
  organisations { totalCount edges { node { ...Page } } }
  productions { edges { node { ...Typed key } } }
  locations(first: 2) { edges { node { key relationships { edges { node { from { key } } } } } } }
  filtered: people(where: { nameContains: "a" }, first: 5) { totalCount edges { cursor node { ...Page } } }
  none: people(where: { keys: [] }) { totalCount edges { node { key relationships { totalCount } } } }
}`;

/**
 * Roots that find their entities by another read (a page of events, the timeline, search hits),
 * then read below them, one request each: every tree Neo4j has not compiled yet takes it a second
 * or more on this machine, and reads wait their turn for at most the store's timeout.
 */
const FOUND = [
  `query ($after: String) { events(first: 4, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ...Page } } } }`,
  `{ events(order: DESC, first: 3) { edges { node { key location { name } participants { role participant { name } } } } } }`,
  `{ events(where: { eventTypes: ["incident", "legal decision", "statement"] }) { totalCount edges { node { ...Typed } } } }`,
  `{ timeline { key name date { text } ...Typed } }`,
  `{ timeline(where: { from: "2021", to: "2022" }) { ...Page } }`,
  `query ($text: String!) { search(text: $text, first: 5) { score entity { ...Page } } }`,
  `query ($text: String!) { search(text: $text, kinds: [PERSON]) { entity { key ... on Person { credits { role production { name } } } } } }`,
  `{ search(text: "no such name at all") { entity { key relationships { totalCount } } } }`,
].map((query) => {
  // only the fragments it spreads (Page spreads End and Typed, Typed spreads End): an unused one is invalid
  if (query.includes('...Page')) return `${ENDS} ${TYPED} ${PAGE} ${query}`;
  return query.includes('...Typed') ? `${ENDS} ${TYPED} ${query}` : query;
});

/** Each of FOUND, with these variables where it takes them. */
async function bothFound(
  both: (query: string, variables?: Record<string, unknown>) => Promise<{ data?: unknown; errors?: unknown }>,
  variables: { text: string; after?: string },
) {
  const answers = [];
  for (const query of FOUND) {
    const answer = await both(query, {
      ...(query.includes('$text') ? { text: variables.text } : {}),
      ...(query.includes('$after') ? { after: variables.after } : {}),
    });
    expect(answer.errors).toBeUndefined();
    answers.push(answer.data);
  }
  return answers;
}

const FAILING = `{
  people(first: 3) { edges { node { key
    bad: relationships(after: "not a cursor") { totalCount }
    tooMany: relationships(first: 101) { totalCount }
    good: relationships(first: 1) { totalCount }
  } } }
}`;

async function compareOn(graph: CaseGraph) {
  const store = await neo4jStore.open(graph);
  const counted = countingStore(store);
  // these queries read everything at once, beyond what a caller may ask by default
  const limits = { ...DEFAULT_LIMITS, maxDepth: 30, maxCost: 100_000_000 };
  const oneQuery = apiFor(counted.store, { limits });
  const byLevel = apiFor(levelByLevel(store), { limits });
  const both = async (query: string, variables?: Record<string, unknown>) => {
    const [fast, slow] = [
      await oneQuery.query<unknown>(query, variables),
      await byLevel.query<unknown>(query, variables),
    ];
    expect(fast).toEqual(slow);
    return fast;
  };
  return { store, counted, both };
}

describe.skipIf(!neo4jStore.available)('one query for a nested selection, on Neo4j', () => {
  describe('the case files', () => {
    let setup: Awaited<ReturnType<typeof compareOn>>;
    const graph = rustCase();
    beforeAll(async () => {
      setup = await compareOn(graph);
    });
    afterAll(async () => setup.store.close());

    it('answers every entity page, typed fields and four levels as reading level by level does', async () => {
      for (const entity of graph.entities) {
        const variables = { kind: entity.kind, key: entity.key, withDeep: true, skipTyped: false };
        setup.counted.reset();
        const answer = await setup.both(ENTITY_QUERY, variables);
        // read as one tree first (the fourth level, the quotes and the sources then by key)
        expect(setup.counted.calls[0]).toBe('entityTrees');
        expect(answer.errors).toBeUndefined();
        expect((answer.data as { entity: { key: string } }).entity.key).toBe(entity.key);
      }
      // the same through node(id:), which reads ahead as entity() does
      const byId = `${ENDS} ${TYPED} ${PAGE} query Node($id: ID!) { node(id: $id) { id ... on Entity { ...Page } } }`;
      for (const entity of graph.entities.slice(0, 6)) {
        const id = encodeGlobalID(KIND_NAME[entity.kind], entity.key);
        setup.counted.reset();
        const answer = await setup.both(byId, { id });
        expect(answer.errors).toBeUndefined();
        expect(setup.counted.calls[0]).toBe('entityTrees');
      }
      // directives that leave parts out, and a kind that does not match the key
      await setup.both(ENTITY_QUERY, { kind: 'PERSON', key: 'alec-baldwin', withDeep: false, skipTyped: true });
      const wrongKind = await setup.both(ENTITY_QUERY, {
        kind: 'EVENT',
        key: 'alec-baldwin',
        withDeep: true,
        skipTyped: false,
      });
      expect(wrongKind.data).toEqual({ entity: null });
      const unknown = await setup.both(ENTITY_QUERY, {
        kind: 'PERSON',
        key: 'nobody',
        withDeep: true,
        skipTyped: false,
      });
      expect(unknown.data).toEqual({ entity: null });
    });

    it('answers the lists, filtered or not, and their later pages, as reading level by level does', async () => {
      setup.counted.reset();
      const first = await setup.both(LISTS);
      expect(first.errors).toBeUndefined();
      expect(setup.counted.calls.filter((call) => call === 'entityTrees')).toHaveLength(5);
      const after = (first.data as { people: { pageInfo: { endCursor: string } } }).people.pageInfo.endCursor;
      await setup.both(LISTS, { after });
    });

    it('answers events, the timeline and search hits, with what lies below them, as reading level by level does', async () => {
      const [events] = (await bothFound(setup.both, { text: 'baldwin' })) as [
        { events: { pageInfo: { endCursor: string } } },
      ];
      // each root finds its entities, then reads below them in one query per kind found: nothing
      // below them is read level by level
      setup.counted.reset();
      const few = await setup.both(`{
        events(first: 4) { edges { node { key location { name } participants { participant { name } } } } }
        timeline(where: { from: "2021" }) { key causes { key } }
        search(text: "baldwin") { entity { key ... on Person { credits { production { name } } } } }
      }`);
      expect(few.errors).toBeUndefined();
      const others = setup.counted.calls.filter((call) => call !== 'entityTrees');
      expect(others.sort()).toEqual(['listEvents', 'listEvents', 'search']);
      expect(setup.counted.calls.filter((call) => call === 'entityTrees').length).toBeGreaterThanOrEqual(3);
      await bothFound(setup.both, { after: events.events.pageInfo.endCursor, text: 'rust' });
      await bothFound(setup.both, { text: 'hutchins' });
    });

    it('plans a document once per set of variables, and answers each set as its own', async () => {
      const plans: EntityTreePlan[] = [];
      const entityTrees = setup.store.entityTrees!.bind(setup.store);
      setup.store.entityTrees = (roots, plan) => {
        plans.push(plan);
        return entityTrees(roots, plan);
      };
      const query = `query ($key: String!, $first: Int!, $roles: Boolean!) { entity(kind: PERSON, key: $key) {
        key relationships(first: $first) { edges { node { type role @include(if: $roles) to { name } } } } } }`;
      const baldwin = { key: 'alec-baldwin', first: 3, roles: true };
      try {
        const first = await setup.both(query, baldwin);
        // other variables, and more sets of them than are kept for one document
        const other = await setup.both(query, { ...baldwin, first: 2, roles: false });
        expect(other).not.toEqual(first);
        for (const person of graph.entities.filter((e) => e.kind === 'PERSON').slice(0, 20))
          await setup.both(query, { ...baldwin, key: person.key });
        // the same request twice, past the response cache
        const uncached = apiFor(setup.store, { responseCacheTtlMs: 0 });
        plans.length = 0;
        expect(await uncached.query(query, baldwin)).toEqual(first);
        expect(await uncached.query(query, baldwin)).toEqual(first);
        expect(plans).toHaveLength(2);
        expect(plans[1]).toBe(plans[0]);
        expect(plans[0]!.related[0]).toMatchObject({ page: { offset: 0, limit: 3 }, role: true });
      } finally {
        setup.store.entityTrees = entityTrees;
      }
    });

    it('reports a bad argument below the list at the field that took it, as reading level by level does', async () => {
      const answer = await setup.both(FAILING);
      // the page is non-null all the way up, so the first refusal empties it; it is reported where it was made
      expect(answer.data).toBeNull();
      expect(answer.errors?.[0]).toMatchObject({
        path: ['people', 'edges', 0, 'node', 'bad'],
        extensions: { code: 'BAD_USER_INPUT' },
      });
    });

    it('reads an entity page, two levels and a list each in one round trip', async () => {
      const { counted, both } = setup;
      const shapes = [
        `{ entity(kind: PERSON, key: "alec-baldwin") { key relationships(first: 100) { edges { node { type role from { key name } to { key name } } } } } }`,
        `{ entity(kind: PRODUCTION, key: "rust") { key ... on Production { credits { role person { key relationships { edges { node { type from { key } to { key } } } } } } } } }`,
        `{ people(first: 50) { totalCount edges { node { key relationships(first: 100) { edges { node { type from { key name } to { key name } } } } } } } }`,
      ];
      for (const query of shapes) {
        counted.reset();
        await both(query);
        expect(counted.calls).toEqual(['entityTrees']);
      }
      // claimsBySource is read by its resolver, by the entity's key; the rest of the page still in one tree
      counted.reset();
      await both(`{ entity(kind: PERSON, key: "alec-baldwin") { key claimsBySource { source { key } relationships { key } }
        relationships { edges { node { to { name } } } } } }`);
      expect(counted.calls.sort()).toEqual(['entityTrees', 'relationshipsOf', 'sourcesByKeys']);
    });
  });

  describe('a synthetic case of 1,000 entities, hubs included', () => {
    let setup: Awaited<ReturnType<typeof compareOn>>;
    const graph = syntheticCase(1000);
    const degree = new Map<string, number>();
    for (const r of graph.relationships) for (const k of [r.from, r.to]) degree.set(k, (degree.get(k) ?? 0) + 1);
    // per kind: the most linked entity and one with few links
    const subjects = ENTITY_KINDS.flatMap((kind) => {
      const ofKind = graph.entities
        .filter((e) => e.kind === kind)
        .sort((a, b) => (degree.get(b.key) ?? 0) - (degree.get(a.key) ?? 0));
      return [ofKind[0], ofKind[Math.floor(ofKind.length / 2)]].filter((e) => e !== undefined);
    });
    beforeAll(async () => {
      setup = await compareOn(graph);
    });
    afterAll(async () => setup.store.close());

    it(`answers the pages of ${KIND_NAME.PERSON} hubs and median entities of every kind as reading level by level does`, async () => {
      expect(subjects.length).toBe(ENTITY_KINDS.length * 2);
      for (const entity of subjects) {
        const answer = await setup.both(ENTITY_QUERY, {
          kind: entity.kind,
          key: entity.key,
          withDeep: true,
          skipTyped: false,
        });
        expect(answer.errors).toBeUndefined();
      }
      const lists = await setup.both(LISTS);
      expect(lists.errors).toBeUndefined();
      for (const text of ['person 1', 'event', 'location 7']) await bothFound(setup.both, { text });
    });

    it('pages through a hub by cursor, showing the total or not, as reading level by level does; it counts only when shown', async () => {
      const hub = subjects[0]!;
      expect(degree.get(hub.key)).toBeGreaterThan(12);
      const plans: RelatedTreePlan[] = [];
      const entityTrees = setup.store.entityTrees!.bind(setup.store);
      setup.store.entityTrees = (roots, plan) => {
        plans.push(...plan.related);
        return entityTrees(roots, plan);
      };
      try {
        const shows = ['', 'totalCount', 'pageInfo { hasNextPage }', 'pageInfo { endCursor }', '__typename'];
        for (const shown of shows) {
          let after: string | null = null;
          let pages = 0;
          do {
            plans.length = 0;
            const answer = (await setup.both(
              `query ($kind: EntityKind!, $key: String!, $after: String) { entity(kind: $kind, key: $key) {
                relationships(first: 5, after: $after) { ${shown} edges { cursor node { key from { key } to { name } } } } } }`,
              { kind: hub.kind, key: hub.key, after },
            )) as { data: { entity: { relationships: { edges: { cursor: string }[] } } } };
            expect(plans.map((plan) => plan.counted)).toEqual([shown !== '' && shown !== '__typename']);
            const edges = answer.data.entity.relationships.edges;
            after = edges.length === 5 ? edges.at(-1)!.cursor : null;
            pages += 1;
          } while (after && pages < 4);
          expect(pages).toBe(Math.min(4, Math.ceil((degree.get(hub.key) ?? 0) / 5)));
        }
      } finally {
        setup.store.entityTrees = entityTrees;
      }
    });
  });
});
