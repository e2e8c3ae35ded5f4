/**
 * Lists that read only what the query selects of their entities (plannedProperties): the timeline,
 * events, search and the entity lists. On Neo4j they then read fewer properties, and the answers do
 * not change: the same as the embedded store's, which always reads whole entities, even where one
 * request reads the same entities partly in one field and whole in another.
 */
import { describe, expect, it } from 'vitest';
import type { GraphStore } from '../../src/store/graphStore.js';
import { apiFor } from '../support/api.js';
import { bothStoresHolding, neo4jAvailable } from '../support/stores.js';

/**
 * The store, recording the `properties` each list read is asked for, and the selection of each
 * one-query neighbourhood (undefined: everything).
 */
function recordingProperties(store: GraphStore) {
  const asked: Record<string, unknown[]> = { listEvents: [], search: [], listEntities: [], neighbourhoodOf: [] };
  const positions: Record<string, number> = { listEvents: 3, search: 3, listEntities: 3, neighbourhoodOf: 4 };
  const recording = new Proxy(store, {
    get(target, p, receiver) {
      const value = Reflect.get(target, p, receiver);
      if (typeof p !== 'string' || !(p in positions) || typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        asked[p]!.push(args[positions[p]!]);
        return value.apply(target, args);
      };
    },
  });
  return { store: recording, asked };
}

// the same events, people and search hits read partly (names only) and whole, in one request
const MIXED = `{
  timeline { name eventType date { text } }
  events(first: 5) { totalCount edges { cursor node { key name } } }
  search(text: "bal") { score entity { __typename id name } }
  people(first: 4) { totalCount edges { node { name ... on Person { occupations } } } }
  organisations(where: { nameContains: "a" }) { edges { node { name } } }
  whole: timeline { key summary aliases mentions { quote start end } date { earliest latest } }
  hit: search(text: "bal") { entity { summary mentions { quote } ... on Person { occupations } } }
  baldwin: entity(kind: PERSON, key: "alec-baldwin") { summary aliases mentions { quote } }
  incident: node(id: "RXZlbnQ6cnVzdC1zZXQtaW5jaWRlbnQ=") { ... on Event { summary mentions { quote } } }
}`;

describe.runIf(neo4jAvailable)('lists read only the properties a query selects', () => {
  const stores = bothStoresHolding();

  it('answers as reading whole entities does, where one request reads the same entities partly and whole', async () => {
    type Mixed = { whole: { summary: string | null }[]; baldwin: { summary: string } };
    const [partly, whole] = [
      await apiFor(stores.neo4j).query<Mixed>(MIXED),
      await apiFor(stores.embedded).query<Mixed>(MIXED),
    ];
    expect(partly.errors).toBeUndefined();
    expect(partly).toEqual(whole);
    const data = partly.data!;
    // the whole reads are whole: summaries and mentions are there
    expect(data.baldwin.summary).toBeTruthy();
    expect(data.whole.some((event) => event.summary)).toBe(true);
  });

  it('asks the store for the selected properties only, and for every one where relationships are selected too', async () => {
    const { store, asked } = recordingProperties(stores.neo4j);
    const api = apiFor(store);
    const names = await api.query(`{ timeline { name date { text } } search(text: "bal") { entity { name } }
      people(first: 2) { edges { node { key } } } }`);
    expect(names.errors).toBeUndefined();
    expect(asked.listEvents).toEqual([['date']]);
    expect(asked.search).toEqual([[]]);
    expect(asked.listEntities).toEqual([[]]);

    for (const list of Object.values(asked)) list.length = 0;
    const related = await api.query(`{ timeline { name participants { participant { name } } }
      search(text: "bal") { entity { name mentions { quote } relationshipCounts { count } } } }`);
    expect(related.errors).toBeUndefined();
    // the timeline's events are found by key alone, then read with their participants in one tree
    // (prefetch/trees.ts); search hits are read whole, since a kind with nothing below it keeps them
    expect(asked.listEvents).toEqual([[]]);
    expect(asked.search).toEqual([undefined]);
  });

  it('refuses a property list that names anything but an entity property', async () => {
    await expect(stores.neo4j.listEvents({}, 'ASC', null, ['searchText' as never])).rejects.toThrow(TypeError);
    await expect(stores.neo4j.search('bal', null, 5, ['timelineKey' as never])).rejects.toThrow(TypeError);
  });
});

const BALDWIN = Buffer.from('Person:alec-baldwin').toString('base64');
const RUST = Buffer.from('Production:rust').toString('base64');

// what a drawing front end asks, and shapes around it: ends with fragments, evidence, aliases of
// fields below the edges, a type filter, a cut-short walk, and nodes that lead further (declined)
const NEIGHBOURHOODS = [
  `{ neighbourhood(id: "${BALDWIN}", depth: 2) { truncated nodes { id name kind } edges { id type from { id } to { id } } } }`,
  `{ neighbourhood(id: "${RUST}", depth: 3, limit: 7) { truncated nodes { __typename key ... on Person { occupations } ... on Event { date { text } eventType } }
     edges { key role evidence { quote modality assertedBy } start: from { name aliases } end: to { key summary } } } }`,
  `fragment Drawn on Entity { name mentions { quote source { key } } }
   { neighbourhood(id: "${BALDWIN}", depth: 2, types: [WORKED_ON, PARTICIPATED_IN]) { nodes { ...Drawn } edges { modalities sources { key } from { ...Drawn } } } }`,
  `{ neighbourhood(id: "${RUST}", depth: 1) { nodes { name relationships(first: 2) { totalCount } } edges { to { name } } } }`,
  `{ neighbourhood(id: "${RUST}", depth: 2) { a: nodes { name } b: nodes { aliases } edges { id } } }`,
];

describe.runIf(neo4jAvailable)('a neighbourhood read in one query reads only what the query selects', () => {
  const stores = bothStoresHolding();

  it('answers every selection as the embedded store does, reading whole entities hop by hop', async () => {
    for (const query of NEIGHBOURHOODS) {
      const [partly, whole] = [await apiFor(stores.neo4j).query(query), await apiFor(stores.embedded).query(query)];
      expect(partly.errors, query).toBeUndefined();
      expect(partly, query).toEqual(whole);
    }
  });

  it('asks for the selected entity properties, role and evidence only, and for everything where a node leads further', async () => {
    const { store, asked: all } = recordingProperties(stores.neo4j);
    const asked = all.neighbourhoodOf;
    const api = apiFor(store);
    for (const query of NEIGHBOURHOODS) expect((await api.query(query)).errors).toBeUndefined();
    expect(asked).toEqual([
      { entity: [], role: false, evidence: false },
      { entity: ['occupations', 'date', 'eventType', 'aliases', 'summary'], role: true, evidence: true },
      { entity: ['mentionSources', 'mentionStarts', 'mentionEnds'], role: false, evidence: true },
      undefined,
      undefined,
    ]);
  });

  it('keeps whole entities whole where the same request reads them partly in a neighbourhood', async () => {
    const query = `{ neighbourhood(id: "${RUST}", depth: 2) { nodes { name } edges { from { name } } }
      baldwin: entity(kind: PERSON, key: "alec-baldwin") { summary aliases mentions { quote } }
      rust: node(id: "${RUST}") { ... on Production { summary productionType } } }`;
    type Read = { baldwin: { summary: string; aliases: string[] }; rust: { productionType: string } };
    const [partly, whole] = [
      await apiFor(stores.neo4j).query<Read>(query),
      await apiFor(stores.embedded).query<Read>(query),
    ];
    expect(partly.errors).toBeUndefined();
    expect(partly).toEqual(whole);
    const data = partly.data!;
    expect(data.baldwin.summary).toBeTruthy();
    expect(data.baldwin.aliases.length).toBeGreaterThan(0);
    expect(data.rust.productionType).toBeTruthy();
  });
});
