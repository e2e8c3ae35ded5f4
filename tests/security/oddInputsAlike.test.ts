/**
 * Search, periods and neighbourhoods on Neo4j, each read its own way (d6b1ace 969bc8c 082f45e), held
 * to the embedded store (whole entities, the reference) on the case files plus entities made for
 * edge cases:
 * - search ranked from searchText alone (search.cypher): names that normalise to nothing, aliases
 *   empty after normalising, equal to the name or to each other, apostrophes, ligatures, very long
 *   names, '|' in names and texts, kinds filters and limits;
 * - the timeline's period query (list-events-period.cypher): leap days, month and year ends, from
 *   after to, only from or only to, event types (none, empty list, some), both orders, pages past the end;
 * - neighbourhoods read partly (prefetch/subgraph.ts): every field of nodes and edges, fragments
 *   (named, inline, nested, on interfaces, on Subgraph), aliases (swapped ends, an edge's role under
 *   the name `from`), @include/@skip, a self-loop, the same entities read whole elsewhere in the same
 *   request (entity, node, nodes, search, people, path, timeline, a second neighbourhood), fields that
 *   lead further (declined), depths 1 to 3 and limits 1 to 1000. It also checks that the partial
 *   reads are really taken for the shapes that should be planned.
 * Odd stored values (names beyond U+FFFF, untyped events, years before 1000): oddValuesAlike.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseGraph, Entity } from '../../src/domain/model.js';
import { apiFor, WHOLE_GRAPH_QUERIES } from '../support/api.js';
import { bothStoresHolding, neo4jAvailable, rustCase } from '../support/stores.js';

/** [key, name, aliases]: names that normalise oddly. */
const PEOPLE: [string, string, string[]][] = [
  ['bang', '!!!', ['Bob Bang', '...']],
  ['zed', 'Zed', ['', '...', 'Zed', 'zed', 'ZED', 'Zed Two']],
  ['dup', 'Dup Lee', ['Dup', 'Dup', 'dup']],
  ['obrien-2', 'O’Brien', ["o'brien", 'O`Brien']],
  ['ligature', 'ﬁsh Straße', ['Ǆemal']],
  ['plain-alpha', 'alpha', []],
  ['long', 'Long '.repeat(400).trim(), ['L'.repeat(3000)]],
  ['pipe', 'Pipe | Name', ['a|b']],
];

function reviewGraph(): CaseGraph {
  const graph = rustCase();
  const person = graph.entities.find((e) => e.kind === 'PERSON')!;
  const event = graph.entities.find((e) => e.key === 'rust-set-incident')!;
  const people: Entity[] = PEOPLE.map(([key, name, aliases]) => ({ ...person, key, name, aliases, formerKeys: [] }));
  const events: Entity[] = [
    { ...event, key: 'ev-no-type', name: 'No type', eventType: null, date: '2021-10-21', aliases: [] },
    { ...event, key: 'ev-leap', name: 'Leap', eventType: 'incident', date: '2024-02-29', aliases: [] },
    { ...event, key: 'ev-dec', name: 'December', eventType: 'statement', date: '2021-12', aliases: [] },
    { ...event, key: 'ev-year', name: 'Year', eventType: 'incident', date: '2021', aliases: [] },
    { ...event, key: 'ev-new-year', name: 'New year', eventType: 'incident', date: '2022-01-01', aliases: [] },
  ];
  const represents = graph.relationships.find((r) => r.type === 'REPRESENTS')!;
  const loop = { ...represents, key: 'self-loop', from: 'alec-baldwin', to: 'alec-baldwin', role: 'self' };
  return {
    ...graph,
    entities: [...graph.entities, ...people, ...events],
    relationships: [...graph.relationships, loop],
  };
}

const id = (type: string, key: string) => Buffer.from(`${type}:${key}`).toString('base64');
const BALDWIN = id('Person', 'alec-baldwin');
const RUST = id('Production', 'rust');
const INCIDENT = id('Event', 'rust-set-incident');

const ALL_ENTITY = `__typename id key kind name aliases summary formerKeys
  mentions { quote start end modality assertedBy source { key } }
  ... on Person { occupations } ... on Organisation { organisationType } ... on Production { productionType }
  ... on Location { locationType } ... on Event { eventType date { text earliest latest precision } }`;
const ALL_EDGE = `__typename id key type role modalities sources { key }
  evidence { quote start end modality assertedBy source { key } }`;

/** Neighbourhood selections that the planner plans (partial reads), with the selection it should ask for. */
const PLANNED: [string, unknown][] = [
  [
    `{ neighbourhood(id: "${RUST}", depth: 2) { edges { from: to { key name } to: from { key summary } key } } }`,
    { entity: ['summary'], role: false, evidence: false },
  ],
  [
    `fragment N on Node { id ... on Event { eventType } ... on Entity { ... on Person { occupations } } }
     { neighbourhood(id: "${RUST}", depth: 2) { ... on Subgraph { nodes { summary } } nodes { ...N name }
       edges { ... on Relationship { from { ...N ... on Entity { ... on Production { productionType } } } } } } }`,
    { entity: ['summary', 'occupations', 'eventType', 'productionType'], role: false, evidence: false },
  ],
  [
    `query($a: Boolean!, $b: Boolean!) { neighbourhood(id: "${RUST}", depth: 2) { nodes { name summary @include(if: $a)
       aliases @skip(if: $b) ... @include(if: $a) { formerKeys } } edges { role @include(if: $a) evidence @skip(if: $b) { quote }
       from @include(if: $a) { summary } to @skip(if: $a) { aliases } } } }`,
    { entity: ['aliases'], role: false, evidence: false },
  ],
  [
    `{ neighbourhood(id: "${BALDWIN}", depth: 1, limit: 3) { nodes { key claimsBySource { source { key } relationships { key role from { name summary } } } } edges { from { claimsBySource { source { key } } } } } }`,
    { entity: [], role: false, evidence: false },
  ],
  [
    `{ neighbourhood(id: "${BALDWIN}", depth: 2) { edges { from: role to: key x: from { key } } } }`,
    { entity: [], role: true, evidence: false },
  ],
];

const NEIGHBOURHOODS: string[] = [
  ...PLANNED.map(([query]) => query),
  `{ neighbourhood(id: "${BALDWIN}", depth: 2) { nodes { n1: name n2: summary k: key } edges { f1: from { name } f2: from { summary aliases } t: to { mentions { quote } } r1: role r2: role e: evidence { quote } } } }`,
  `fragment A on Entity { name ...B } fragment B on Entity { summary ... on Person { ...C } } fragment C on Person { occupations aliases }
   fragment E on Relationship { role from { ...A } ... on Node { id } }
   { neighbourhood(id: "${RUST}", depth: 2) { nodes { ...A ... on Node { id } } edges { ...E to { ... on Event { date { text } } ...A } } } }`,
  `query($s: Boolean = true) { neighbourhood(id: "${RUST}", depth: 2) { ...S @skip(if: $s) nodes { name } edges { key } } } fragment S on Subgraph { nodes { summary } edges { from { summary } } }`,
  `query($s: Boolean = false) { neighbourhood(id: "${RUST}", depth: 2) { ...S @skip(if: $s) nodes { name } edges { key } } } fragment S on Subgraph { nodes { summary } edges { from { summary } } }`,
  `{ neighbourhood(id: "${BALDWIN}", depth: 1) { nodes { key summary } edges { key role evidence { quote } from { summary aliases } to { summary } } } }`,
  `{ path(from: "${BALDWIN}", to: "${BALDWIN}") { nodes { key } } neighbourhood(id: "${BALDWIN}", depth: 2, types: [REPRESENTS]) { nodes { key } edges { key from { key summary } to { key aliases } } } }`,
  `{ neighbourhood(id: "${RUST}", depth: 1) { nodes { name relationships(first: 3) { edges { node { role from { summary } } } } } edges { from { summary } } } }`,
  `{ neighbourhood(id: "${RUST}", depth: 1) { nodes { name } edges { from { name ... on Person { credits { role production { name } } } } to { relationshipCounts { type count } } } } }`,
  `{ neighbourhood(id: "${BALDWIN}", depth: 3, types: [REPRESENTS, PARTICIPATED_IN]) { truncated nodes { name summary } edges { type role from { summary } to { aliases } } } }`,
  `{ neighbourhood(id: "${BALDWIN}", depth: 2, types: []) { truncated nodes { name } edges { role to { summary } } } }`,
  `{ neighbourhood(id: "${BALDWIN}", depth: 2, limit: 2) { truncated } }`,
  `{ neighbourhood(id: "${BALDWIN}", depth: 2, limit: 4) { edges { from { summary } } } }`,
  `{ neighbourhood(id: "${BALDWIN}", depth: 2) { __typename nodes { __typename } edges { __typename from { __typename } } } }`,
  `{ neighbourhood(id: "${BALDWIN}", depth: 2, limit: 0) { nodes { name } } }`,
  `{ neighbourhood(id: "${BALDWIN}", depth: 4) { nodes { name } } }`,
  `{ neighbourhood(id: "${id('Person', 'nobody')}") { nodes { name } } }`,
  `{ neighbourhood(id: "${RUST}", depth: 2) { nodes { id name } edges { id from { id } } } nodes(ids: ["${BALDWIN}", "${INCIDENT}"]) { ... on Entity { summary aliases } } }`,
  `{ a: neighbourhood(id: "${RUST}", depth: 2) { nodes { name } edges { from { name } } }
     b: neighbourhood(id: "${RUST}", depth: 2) { nodes { summary aliases } edges { role evidence { quote } from { summary aliases } to { summary } } } }`,
  // the same entities read partly in a neighbourhood and whole everywhere else in the request
  `{ neighbourhood(id: "${RUST}", depth: 2) { nodes { name } edges { from { name } to { key } } }
     e: entity(kind: PERSON, key: "alec-baldwin") { summary aliases mentions { quote } }
     n: node(id: "${INCIDENT}") { ... on Event { summary date { text } eventType mentions { quote } } }
     s: search(text: "rust") { entity { summary aliases } }
     p: people(first: 50) { edges { node { key summary occupations } } }
     path(from: "${BALDWIN}", to: "${INCIDENT}") { nodes { key summary aliases } edges { role evidence { quote } from { summary } to { summary } } }
     timeline { key summary }
     w: neighbourhood(id: "${BALDWIN}", depth: 3) { nodes { summary aliases mentions { quote } } edges { role from { summary } } } }`,
];
for (const focus of [BALDWIN, RUST, INCIDENT])
  for (const [depth, limit] of [
    [1, 1],
    [2, 5],
    [3, 1000],
  ])
    NEIGHBOURHOODS.push(
      `{ neighbourhood(id: "${focus}", depth: ${depth}, limit: ${limit}) { truncated nodes { ${ALL_ENTITY} } edges { ${ALL_EDGE} from { ${ALL_ENTITY} } to { ${ALL_ENTITY} } } } }`,
    );

const SEARCHES = [
  'bob',
  'bang',
  '!!!',
  'zed',
  'zed two',
  'two',
  'dup',
  'dup lee',
  "o'brien",
  'O’BRIEN',
  'obrien',
  'brien',
  'fish',
  'strasse',
  'straße',
  'dzemal',
  'alpha',
  'a',
  'long long',
  'l',
  'pipe',
  'pipe|name',
  'a|b',
  'a b',
  'name',
  'e',
  'ba',
  'rust',
  'ée',
  '  zed  ',
];

const PERIODS: Record<string, string>[] = [
  { from: '2024-02-29', to: '2024-02-29' },
  { from: '2024-02-28' },
  { to: '2024-02-28' },
  { from: '2024-03' },
  { to: '2024-02' },
  { from: '2024-03', to: '2024-02' },
  { from: '2022', to: '2021' },
  { to: '2021-11' },
  { from: '2021-12-31' },
  { from: '2021-12' },
  { to: '2021-12-31' },
  { from: '2022-01-01' },
  { to: '2022-01-01' },
  { from: '2021', to: '2021' },
  { from: '2021-11-30', to: '2021-12-01' },
  { from: '1000', to: '3000' },
  { from: '9999' },
  { to: '1000' },
  { from: '2020-02-29' },
];

describe.runIf(neo4jAvailable)('search, periods and neighbourhoods on odd inputs, alike on both stores', () => {
  const stores = bothStoresHolding(reviewGraph);
  let apis: { neo4j: ReturnType<typeof apiFor>; embedded: ReturnType<typeof apiFor> };
  beforeAll(() => {
    apis = { neo4j: apiFor(stores.neo4j, WHOLE_GRAPH_QUERIES), embedded: apiFor(stores.embedded, WHOLE_GRAPH_QUERIES) };
  });

  /** The queries whose answers (data and errors) differ between the stores. */
  let answeredWithErrors = 0;
  const differing = async (queries: [string, Record<string, unknown>?][]) => {
    const differences: string[] = [];
    answeredWithErrors = 0;
    for (const [query, variables] of queries) {
      const [n, e] = [await apis.neo4j.query(query, variables), await apis.embedded.query(query, variables)];
      if (n.errors) answeredWithErrors += 1;
      if (JSON.stringify(n) !== JSON.stringify(e))
        differences.push(
          `${query} ${JSON.stringify(variables)}\n neo4j ${JSON.stringify(n).slice(0, 400)}\n embedded ${JSON.stringify(e).slice(0, 400)}`,
        );
    }
    return differences;
  };

  it('searches alike: odd names and aliases, texts with "|" and spaces, kinds and limits', async () => {
    const queries: [string, Record<string, unknown>][] = [];
    for (const t of SEARCHES) {
      queries.push([`query($t: String!) { search(text: $t, first: 100) { score entity { key name } } }`, { t }]);
      queries.push([
        `query($t: String!) { search(text: $t, first: 2, kinds: [PERSON, EVENT]) { score entity { key aliases summary } } }`,
        { t },
      ]);
    }
    queries.push([`{ search(text: "a", kinds: [], first: 100) { score entity { key } } }`, {}]);
    queries.push([`{ search(text: "a", first: 1) { score entity { key } } }`, {}]);
    expect(await differing(queries)).toEqual([]);
    // the store itself refuses a text with its separator, and ranks one exact alias that is also the name as the name
    expect(await stores.neo4j.search('pipe|name', null, 10)).toEqual([]);
    expect((await stores.neo4j.search('zed', null, 10)).map((hit) => `${hit.entity.key}:${hit.tier}`)).toEqual(
      (await stores.embedded.search('zed', null, 10)).map((hit) => `${hit.entity.key}:${hit.tier}`),
    );
  });

  it('answers periods alike: boundaries, leap days, from after to, types, orders and pages past the end', async () => {
    const queries: [string, Record<string, unknown>][] = [];
    for (const period of PERIODS) {
      queries.push([`query($w: EventFilter) { timeline(where: $w) { key date { text } } }`, { w: period }]);
      queries.push([
        `query($w: EventFilter) { timeline(where: $w) { key summary } }`,
        { w: { ...period, eventTypes: ['incident', 'statement'] } },
      ]);
      queries.push([`query($w: EventFilter) { timeline(where: $w) { key } }`, { w: { ...period, eventTypes: [] } }]);
      for (const [order, first, after] of [
        ['ASC', 2, null],
        ['ASC', 3, 'Y3Vyc29yOjE'],
        ['DESC', 3, 'Y3Vyc29yOjE'],
        ['DESC', 1, 'Y3Vyc29yOjk5OTk5OTk'],
      ])
        queries.push([
          `query($w: EventFilter, $o: OrderDirection, $f: Int, $a: String) { events(where: $w, order: $o, first: $f, after: $a) { totalCount edges { cursor node { key name } } pageInfo { hasNextPage } } }`,
          { w: period, o: order, f: first, a: after },
        ]);
    }
    expect(await differing(queries)).toEqual([]);
    // every question was a valid one (cursors included), so the answers compared are pages, not errors
    expect(answeredWithErrors).toBe(0);
  });

  it('answers neighbourhoods alike, read partly or whole, next to whole reads of the same entities', async () => {
    expect(await differing(NEIGHBOURHOODS.map((query) => [query, { a: false, b: true }]))).toEqual([]);
    // only the three refused on purpose (limit 0, depth 4, an unknown ID) answer with errors
    expect(answeredWithErrors).toBe(3);
    expect(await differing(NEIGHBOURHOODS.slice(0, 6).map((query) => [query, { a: true, b: false }]))).toEqual([]);
  });

  it('reads neighbourhoods partly where the planner plans them', async () => {
    const asked: unknown[] = [];
    const recording = new Proxy(stores.neo4j, {
      get(target, p, receiver) {
        const value = Reflect.get(target, p, receiver) as unknown;
        if (p !== 'neighbourhoodOf' || typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          asked.push(args[4]);
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const api = apiFor(recording);
    for (const [query] of PLANNED) expect((await api.query(query, { a: false, b: true })).errors).toBeUndefined();
    expect(asked).toEqual(PLANNED.map(([, selection]) => selection));
  });
});
