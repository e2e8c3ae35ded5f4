/** Expanding around an entity and connecting two, the same on both stores. */
import { afterAll, describe, expect, it } from 'vitest';
import type { CaseGraph } from '../../src/domain/model.js';
import type { GraphStore } from '../../src/store/graphStore.js';
import { apiFor, apiOn } from '../support/api.js';
import { STORES } from '../support/stores.js';

const id = (typename: string, key: string) => Buffer.from(`${typename}:${key}`).toString('base64');
const BALDWIN = id('Person', 'alec-baldwin');

interface Keyed {
  key: string;
}
/** What NEIGHBOURHOOD asks for. */
interface Neighbourhood {
  neighbourhood: { truncated: boolean; nodes: Keyed[]; edges: { type: string; from: Keyed; to: Keyed }[] };
}
/** What PATH asks for: null where there is no path short enough. */
interface Path {
  path: { length: number; nodes: Keyed[]; edges: { type: string; role: string | null }[] } | null;
}

/** Two people who never meet: a graph with no path between them. */
function twoIslands(): CaseGraph {
  const text = 'Ann Lee. Bob Roe.';
  const mention = (start: number, end: number) => [{ sourceKey: 'islands', start, end }];
  const person = (key: string, name: string, start: number) => ({
    key,
    kind: 'PERSON' as const,
    name,
    aliases: [],
    summary: null,
    mentions: mention(start, start + 7),
    occupations: [],
    organisationType: null,
    productionType: null,
    locationType: null,
    eventType: null,
    date: null,
    formerKeys: [],
  });
  return {
    sources: [
      { key: 'islands', caseKey: 'islands', title: 'Islands', publisher: null, url: null, published: null, text },
    ],
    entities: [person('ann-lee', 'Ann Lee', 0), person('bob-roe', 'Bob Roe', 9)],
    relationships: [],
  };
}

for (const under of STORES) {
  describe.runIf(under.available)(`exploring (${under.name} store)`, () => {
    const on = apiOn(under);

    const NEIGHBOURHOOD = `query($id: ID!, $depth: Int, $types: [RelationshipType!], $limit: Int) {
      neighbourhood(id: $id, depth: $depth, types: $types, limit: $limit) {
        truncated nodes { key } edges { type from { key } to { key } } } }`;

    it('expands Alec Baldwin one hop: his lawyers appear, with every relationship among what is shown', async () => {
      const { neighbourhood } = await on.api.data<Neighbourhood>(NEIGHBOURHOOD, { id: BALDWIN });
      const keys = neighbourhood.nodes.map((n) => n.key);
      expect(keys[0]).toBe('alec-baldwin');
      expect(keys).toEqual(expect.arrayContaining(['lewten-nikas', 'alex-spiro', 'rust']));
      expect(keys).toHaveLength(8);
      expect(neighbourhood.truncated).toBe(false);
      for (const edge of neighbourhood.edges) {
        expect(keys).toContain(edge.from.key);
        expect(keys).toContain(edge.to.key);
      }
      // the lawyers are linked to each other's statement only at two hops, but both to Baldwin here
      expect(neighbourhood.edges.filter((e) => e.type === 'REPRESENTS')).toHaveLength(2);
    });

    it('follows only the types asked, and says when the limit cut it', async () => {
      const lawyers = await on.api.data<Neighbourhood>(NEIGHBOURHOOD, { id: BALDWIN, types: ['REPRESENTS'] });
      expect(lawyers.neighbourhood.nodes.map((n) => n.key)).toEqual(['alec-baldwin', 'alex-spiro', 'lewten-nikas']);
      const cut = await on.api.data<Neighbourhood>(NEIGHBOURHOOD, { id: BALDWIN, depth: 2, limit: 4 });
      expect(cut.neighbourhood.truncated).toBe(true);
      expect(cut.neighbourhood.nodes).toHaveLength(4);
      const all = await on.api.data<Neighbourhood>(NEIGHBOURHOOD, { id: BALDWIN, depth: 3, limit: 1000 });
      expect(all.neighbourhood.truncated).toBe(false);
      expect(all.neighbourhood.nodes).toHaveLength(18);
      expect(all.neighbourhood.edges).toHaveLength(29);
    });

    it('finds how Alex Spiro connects to Montana, and no path when maxLength is too short', async () => {
      const PATH = `query($from: ID!, $to: ID!, $max: Int) { path(from: $from, to: $to, maxLength: $max) {
        length nodes { key } edges { type role } } }`;
      const vars = { from: id('Person', 'alex-spiro'), to: id('Location', 'montana') };
      const { path } = await on.api.data<Path>(PATH, vars);
      expect(path).toEqual({
        length: 3,
        nodes: [{ key: 'alex-spiro' }, { key: 'alec-baldwin' }, { key: 'rust' }, { key: 'montana' }],
        edges: [
          { type: 'REPRESENTS', role: 'legal counsel' },
          { type: 'WORKED_ON', role: null },
          { type: 'FILMED_AT', role: 'planned' },
        ],
      });
      expect((await on.api.data<Path>(PATH, { ...vars, max: 2 })).path).toBeNull();
      expect((await on.api.data<Path>(PATH, { from: vars.from, to: vars.from })).path).toEqual({
        length: 0,
        nodes: [{ key: 'alex-spiro' }],
        edges: [],
      });
    });

    it('refuses what it cannot answer with a code', async () => {
      const codes = async (query: string) => (await on.api.query(query)).errors?.map((e) => e.extensions?.code);
      expect(await codes(`{ neighbourhood(id: "${BALDWIN}", depth: 4) { truncated } }`)).toEqual(['BAD_USER_INPUT']);
      expect(await codes(`{ neighbourhood(id: "${BALDWIN}", limit: 0) { truncated } }`)).toEqual(['BAD_USER_INPUT']);
      expect(await codes(`{ neighbourhood(id: "${id('Person', 'nobody')}") { truncated } }`)).toEqual(['NOT_FOUND']);
      expect(await codes(`{ path(from: "${BALDWIN}", to: "${id('Source', 'rust-article')}") { length } }`)).toEqual([
        'BAD_USER_INPUT',
      ]);
      expect(await on.api.query(`{ path(from: "${BALDWIN}", to: "${id('Person', 'nobody')}") { length } }`)).toEqual({
        status: 200,
        data: { path: null },
      });
    });
  });

  describe.runIf(under.available)(`a graph in two pieces (${under.name} store)`, () => {
    let store: GraphStore;
    afterAll(async () => {
      await store?.close();
    });

    it('has no path between them, at any length', async () => {
      store = await under.open(twoIslands());
      const { path } = await apiFor(store).data<{ path: { length: number } | null }>(
        `{ path(from: "${id('Person', 'ann-lee')}", to: "${id('Person', 'bob-roe')}", maxLength: 10) { length } }`,
      );
      expect(path).toBeNull();
    });
  });
}
