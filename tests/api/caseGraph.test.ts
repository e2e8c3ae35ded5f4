/** The case through GraphQL, on both stores: what a GraphiQL user asks, and what comes back. */
import { describe, expect, it } from 'vitest';
import { apiOn, WHOLE_GRAPH_QUERIES, type Edges } from '../support/api.js';
import { STORES } from '../support/stores.js';

const COUNTS = `{
  people(first: 50) { totalCount }
  organisations { totalCount }
  productions { totalCount }
  locations { totalCount }
  events { totalCount }
}`;

interface Named {
  name: string;
}
/** A quote and where it is in its source's text. */
interface Span {
  quote: string;
  start: number;
  end: number;
}

for (const under of STORES) {
  describe.runIf(under.available)(`the API on the ${under.name} store`, () => {
    const on = apiOn(under, WHOLE_GRAPH_QUERIES);

    it('counts every kind the article names', async () => {
      expect(await on.api.data(COUNTS)).toEqual({
        people: { totalCount: 5 },
        organisations: { totalCount: 2 },
        productions: { totalCount: 1 },
        locations: { totalCount: 3 },
        events: { totalCount: 7 },
      });
    });

    it('pages through people by name with opaque cursors', async () => {
      const first = await on.api.data<{
        people: {
          edges: { cursor: string; node: Named }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      }>(`{ people(first: 2) { edges { cursor node { name } } pageInfo { hasNextPage endCursor } } }`);
      expect(first.people.edges.map((e) => e.node.name)).toEqual(['Alec Baldwin', 'Alex Spiro']);
      expect(first.people.pageInfo.hasNextPage).toBe(true);
      const next = await on.api.data<{
        people: Edges<Named> & { pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean } };
      }>(
        `query($after: String) { people(first: 10, after: $after) {
        edges { node { name } } pageInfo { hasNextPage hasPreviousPage } } }`,
        { after: first.people.pageInfo.endCursor },
      );
      expect(next.people.edges.map((e) => e.node.name)).toEqual(['Galina Hutchins', 'Joel Souza', 'Lewten Nikas']);
      expect(next.people.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true });
    });

    it('answers who represents Alec Baldwin, with the words that say so', async () => {
      const { entity } = await on.api.data<{
        entity: Named & {
          occupations: string[];
          relationships: { totalCount: number } & Edges<{
            role: string | null;
            from: Named;
            evidence: (Span & { source: { key: string } })[];
          }>;
        };
      }>(`{
        entity(kind: PERSON, key: "alec-baldwin") {
          name
          ... on Person { occupations }
          relationships(types: [REPRESENTS], direction: IN) {
            totalCount
            edges { node { role from { name } evidence { quote start end source { key } } } }
          }
        }
      }`);
      expect(entity.name).toBe('Alec Baldwin');
      expect(entity.occupations).toEqual([]);
      expect(entity.relationships.totalCount).toBe(2);
      expect(entity.relationships.edges.map((e) => [e.node.from.name, e.node.role])).toEqual([
        ['Alex Spiro', 'legal counsel'],
        ['Lewten Nikas', 'legal counsel'],
      ]);
      expect(entity.relationships.edges[0]?.node.evidence).toEqual([
        {
          quote: 'Lewten Nikas and Alex Spiro, who represent Baldwin',
          start: 395,
          end: 445,
          source: { key: 'rust-article' },
        },
      ]);
    });

    it('gives every quote exactly as the source text reads at its offsets', async () => {
      const { sources, people, events } = await on.api.data<{
        sources: { text: string }[];
        people: Edges<{ mentions: Span[]; relationships: Edges<{ evidence: Span[] }> }>;
        events: Edges<{ mentions: Span[] }>;
      }>(`{
        sources { text }
        people { edges { node { mentions { quote start end }
          relationships(first: 100) { edges { node { evidence { quote start end } } } } } } }
        events { edges { node { mentions { quote start end } } } }
      }`);
      const text = sources[0]!.text;
      const spans = [
        ...people.edges.flatMap((e) => [
          ...e.node.mentions,
          ...e.node.relationships.edges.flatMap((r) => r.node.evidence),
        ]),
        ...events.edges.flatMap((e) => e.node.mentions),
      ];
      expect(spans.length).toBeGreaterThan(40);
      for (const span of spans) expect(text.slice(span.start, span.end)).toBe(span.quote);
    });

    it('counts relationships per type and direction, for a front end to offer "expand"', async () => {
      const { entity } = await on.api.data<{
        entity: { relationshipCounts: { type: string; direction: string; count: number }[] };
      }>(`{ entity(kind: PRODUCTION, key: "rust") { relationshipCounts { type direction count } } }`);
      expect(entity.relationshipCounts).toEqual([
        { type: 'CONCERNS', direction: 'IN', count: 3 },
        { type: 'FILMED_AT', direction: 'OUT', count: 2 },
        { type: 'WORKED_ON', direction: 'IN', count: 2 },
      ]);
    });

    it('dates the November 2021 incident to the month', async () => {
      const { entity } = await on.api.data<{
        entity: Named & {
          eventType: string;
          date: {
            year: number;
            month: number | null;
            day: number | null;
            precision: string;
            text: string;
            earliest: string;
            latest: string;
          };
        };
      }>(`{ entity(kind: EVENT, key: "rust-set-incident") {
        name ... on Event { eventType date { year month day precision text earliest latest } } } }`);
      expect(entity).toEqual({
        name: 'November 2021 incident on the Rust set',
        eventType: 'incident',
        date: {
          year: 2021,
          month: 11,
          day: null,
          precision: 'MONTH',
          text: '2021-11',
          earliest: '2021-11-01',
          latest: '2021-11-30',
        },
      });
    });

    it('resolves the global IDs of entities, relationships and sources through node and nodes', async () => {
      const { entity, sources } = await on.api.data<{
        entity: { id: string; relationships: Edges<{ id: string }> };
        sources: { id: string }[];
      }>(`{
        entity(kind: PERSON, key: "joel-souza") { id relationships(types: [WORKED_ON]) { edges { node { id } } } }
        sources { id }
      }`);
      const relationshipId = entity.relationships.edges[0]!.node.id;
      const sourceId = sources[0]!.id;
      const { nodes } = await on.api.data<{ nodes: unknown[] }>(
        `query($ids: [ID!]!) { nodes(ids: $ids) {
        __typename id
        ... on Person { name }
        ... on Relationship { type role to { name } }
        ... on Source { key }
      } }`,
        { ids: [entity.id, relationshipId, sourceId] },
      );
      expect(nodes).toEqual([
        { __typename: 'Person', id: entity.id, name: 'Joel Souza' },
        { __typename: 'Relationship', id: relationshipId, type: 'WORKED_ON', role: 'director', to: { name: 'Rust' } },
        { __typename: 'Source', id: sourceId, key: 'rust-article' },
      ]);
    });

    it('lists everything a source mentions', async () => {
      const { sources } = await on.api.data<{ sources: { title: string; entities: (Named & { kind: string })[] }[] }>(
        `{ sources { title entities { name kind } } }`,
      );
      expect(sources[0]?.entities).toHaveLength(18);
      expect(sources[0]?.entities).toContainEqual({ name: 'New Mexico State Attorney’s Office', kind: 'ORGANISATION' });
    });

    it('answers null for a well-formed ID or key that names nothing', async () => {
      const missing = Buffer.from('Person:nobody').toString('base64');
      const wrongKind = Buffer.from('Organisation:alec-baldwin').toString('base64');
      const result = await on.api.query(
        `query($a: ID!, $b: ID!) { a: node(id: $a) { id } b: node(id: $b) { id }
        c: entity(kind: EVENT, key: "alec-baldwin") { key } }`,
        { a: missing, b: wrongKind },
      );
      expect(result).toEqual({ status: 200, data: { a: null, b: null, c: null } });
    });

    it('refuses a malformed ID and an oversized page with BAD_USER_INPUT, not a 500', async () => {
      const badId = await on.api.query(`{ node(id: "not-an-id") { id } }`);
      expect(badId.status).toBe(200);
      expect(badId.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      const tooMany = await on.api.query(`{ people(first: 101) { totalCount } }`);
      expect(tooMany.errors?.[0]).toMatchObject({
        message: 'first must be between 0 and 100, got 101',
        extensions: { code: 'BAD_USER_INPUT' },
      });
      const negative = await on.api.query(
        `{ entity(kind: PERSON, key: "alec-baldwin") { relationships(first: -1) { totalCount } } }`,
      );
      expect(negative.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const badCursor = await on.api.query(`{ people(after: "nonsense") { totalCount } }`);
      expect(badCursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });
}
