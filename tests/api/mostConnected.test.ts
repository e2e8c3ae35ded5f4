/**
 * Where the explorer opens a large case: "which entities have the most relationships?", the same
 * answer on both stores. The expected rankings are counted here from the case file's relationships,
 * not asked of a store.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { EntityKind } from '../../src/domain/kinds.js';
import type { CaseGraph } from '../../src/domain/model.js';
import type { GraphStore } from '../../src/store/graphStore.js';
import { apiFor, apiOn } from '../support/api.js';
import { rustCase, STORES } from '../support/stores.js';

interface Ranked {
  key: string;
  name: string;
  kind: EntityKind;
  degree: number;
}
interface MostConnected {
  mostConnected: { degree: number; entity: { key: string; name: string; kind: EntityKind } }[];
}

const MOST_CONNECTED = `query($first: Int, $kinds: [EntityKind!]) {
  mostConnected(first: $first, kinds: $kinds) { degree entity { key name kind } } }`;

const flat = ({ mostConnected }: MostConnected): Ranked[] =>
  mostConnected.map(({ degree, entity }) => ({ ...entity, degree }));

/** Every entity of the case with its number of relationships, counted at both ends, most first, then name, then key. */
function expectedRanking(graph: CaseGraph): Ranked[] {
  const codeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return graph.entities
    .map(({ key, name, kind }) => ({
      key,
      name,
      kind,
      degree: graph.relationships.filter((r) => r.from === key || r.to === key).length,
    }))
    .sort((a, b) => b.degree - a.degree || codeUnits(a.name, b.name) || codeUnits(a.key, b.key));
}

const EDITOR = { authorization: 'Bearer s3cret' };

for (const under of STORES) {
  describe.runIf(under.available)(`most connected entities (${under.name} store)`, () => {
    const on = apiOn(under, { editorTokens: ['alice:s3cret'] });
    const ranking = expectedRanking(rustCase());

    it('opens the Rust case on Alec Baldwin and Rust, seven relationships each, then the incident', async () => {
      const top = flat(await on.api.data<MostConnected>(MOST_CONNECTED, { first: 3 }));
      expect(top).toEqual([
        { key: 'alec-baldwin', name: 'Alec Baldwin', kind: 'PERSON', degree: 7 },
        { key: 'rust', name: 'Rust', kind: 'PRODUCTION', degree: 7 },
        { key: 'rust-set-incident', name: 'November 2021 incident on the Rust set', kind: 'EVENT', degree: 6 },
      ]);
    });

    it('ranks every entity by its relationships, mentions left out, ties by name', async () => {
      // 18 entities: the default of 20 holds them all
      const all = flat(await on.api.data<MostConnected>(MOST_CONNECTED));
      expect(all).toEqual(ranking);
      expect(all.at(-1)?.degree).toBe(1);
    });

    it('keeps only the kinds asked for, in the same order', async () => {
      const kinds: EntityKind[] = ['PERSON', 'LOCATION'];
      const some = flat(await on.api.data<MostConnected>(MOST_CONNECTED, { kinds, first: 5 }));
      expect(some).toEqual(ranking.filter((r) => kinds.includes(r.kind)).slice(0, 5));
      expect(some.map((r) => r.name)).toEqual([
        'Alec Baldwin',
        'Joel Souza',
        'Alex Spiro',
        'Galina Hutchins',
        'Lewten Nikas',
      ]);
      const everything = flat(await on.api.data<MostConnected>(MOST_CONNECTED, { kinds: [], first: 100 }));
      expect(everything).toEqual(ranking);
    });

    it('takes first from 0 to 100 and refuses the rest with BAD_USER_INPUT', async () => {
      expect(await on.api.data<MostConnected>(MOST_CONNECTED, { first: 0 })).toEqual({ mostConnected: [] });
      for (const first of [-1, 101]) {
        const { status, errors, data } = await on.api.query(MOST_CONNECTED, { first });
        expect(status).toBe(200);
        expect(data).toBeNull();
        expect(errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
          ['BAD_USER_INPUT', `first must be between 0 and 100, got ${first}`],
        ]);
      }
    });

    it('re-ranks after a write: a retracted claim no longer counts', async () => {
      const graph = rustCase();
      const claim = graph.relationships.find((r) => r.from === 'alec-baldwin' && r.type === 'WORKED_ON')!;
      const retract = `mutation($input: RetractRelationshipInput!) { retractRelationship(input: $input) { retractedKey } }`;
      const { errors } = await on.api.query(retract, { input: { key: claim.key, reason: 'test' } }, EDITOR);
      expect(errors).toBeUndefined();
      const after = expectedRanking({ ...graph, relationships: graph.relationships.filter((r) => r !== claim) });
      const top = flat(await on.api.data<MostConnected>(MOST_CONNECTED, { first: 3 }));
      expect(top).toEqual(after.slice(0, 3));
      // three at six now: Baldwin, the incident and Rust, by name
      expect(top.map((r) => [r.key, r.degree])).toEqual([
        ['alec-baldwin', 6],
        ['rust-set-incident', 6],
        ['rust', 6],
      ]);
    });
  });
}

describe.runIf(STORES.every((s) => s.available))('most connected entities on both stores', () => {
  const opened: GraphStore[] = [];
  afterAll(async () => {
    await Promise.all(opened.map((store) => store.close()));
  });

  it('gives the same answer on the embedded store and on Neo4j, for every kind', async () => {
    const answers = await Promise.all(
      STORES.map(async (under) => {
        const store = await under.open();
        opened.push(store);
        const api = apiFor(store);
        const query = `{ all: mostConnected(first: 100) { degree entity { id key } }
          ${['PERSON', 'ORGANISATION', 'PRODUCTION', 'LOCATION', 'EVENT']
            .map((kind) => `${kind}: mostConnected(kinds: [${kind}], first: 3) { degree entity { id key } }`)
            .join('\n')} }`;
        return api.data<Record<string, unknown>>(query);
      }),
    );
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]?.all).toHaveLength(rustCase().entities.length);
  });
});
