/**
 * Search ranks alike on both stores for every way a text can meet a name: the embedded store ranks
 * by src/domain/search.ts, Neo4j by cypher/search.cypher from the joined searchText alone, so every
 * name and alias below (accents, apostrophes, names that are another's alias, names sharing words)
 * is searched by itself, by each of its prefixes, words and short substrings, and both answers must
 * agree hit for hit, tier and order included.
 */
import { describe, expect, it } from 'vitest';
import type { CaseGraph, Entity } from '../../src/domain/model.js';
import { MATCH_TIERS, normaliseForSearch } from '../../src/domain/search.js';
import type { GraphStore } from '../../src/store/graphStore.js';
import { bothStoresHolding, neo4jAvailable, rustCase } from '../support/stores.js';

/** People named to meet each other's texts in every tier: [key, name, aliases]. */
const NAMES: [string, string, string[]][] = [
  ['ana-maria', 'Ana Maria', ['Maria Lopez', 'Ana']],
  ['maria', 'Maria', []],
  ['mariana', 'Mariana', ['Mari']],
  ['lopez-sons', 'Lopez & Sons', ['Lopez']],
  ['ana-maria-lopez', 'Ana-María López', ['A. M. Lopez']],
  ['ze-maria', 'Zé Maria', ['Maria, Zé']],
  ['obrien', "O'Brien", ['Obrien', 'O’Brien Jr']],
  ['maria-maria', 'Maria Maria', ['Mariamaria']],
  ['maria-2', 'Maria', ['Ana Maria']],
  ['anna', 'Anna', ['Ana', 'Anita Maria']],
];

function withPeople(graph: CaseGraph): CaseGraph {
  const model = graph.entities.find((e) => e.kind === 'PERSON')!;
  const people: Entity[] = NAMES.map(([key, name, aliases]) => ({ ...model, key, name, aliases, formerKeys: [] }));
  return { ...graph, entities: [...graph.entities, ...people] };
}

/** Each name and alias whole, its prefixes, its words and its substrings of two to four characters. */
function textsToSearch(graph: CaseGraph): string[] {
  const texts = new Set<string>(['a|b', 'maria|ana', '|', 'zzz']);
  for (const entity of graph.entities) {
    for (const name of [entity.name, ...entity.aliases].map(normaliseForSearch)) {
      for (let end = 1; end <= name.length; end++) texts.add(name.slice(0, end));
      for (const word of name.split(' ')) texts.add(word);
      for (let start = 1; start < name.length; start++)
        for (let length = 2; length <= 4; length++) texts.add(name.slice(start, start + length));
    }
  }
  return [...texts].map((text) => text.trim()).filter((text, i, all) => text && all.indexOf(text) === i);
}

describe.runIf(neo4jAvailable)('search on both stores, for every prefix, word and substring of every name', () => {
  const graph = withPeople(rustCase());
  const stores = bothStoresHolding(() => graph);

  it('gives the same hits, tiers and order on both', async () => {
    const tiersSeen = new Set<string>();
    const differences: string[] = [];
    const texts = textsToSearch(graph);
    for (const text of texts) {
      const answer = async (store: GraphStore) =>
        (await store.search(text, null, 100)).map((hit) => `${hit.entity.key}:${hit.tier}`);
      const [expected, actual] = [await answer(stores.embedded), await answer(stores.neo4j)];
      for (const hit of expected) tiersSeen.add(hit.split(':')[1]!);
      if (JSON.stringify(actual) !== JSON.stringify(expected))
        differences.push(`${JSON.stringify(text)}: embedded ${expected.join(' ')}; neo4j ${actual.join(' ')}`);
    }
    expect(differences).toEqual([]);
    // every tier was met, so the comparison covered each branch of the ranking
    expect([...tiersSeen].sort()).toEqual([...MATCH_TIERS].sort());
    expect(texts.length).toBeGreaterThan(500);
  }, 120_000);

  it('finds nothing for a text holding "|", the separator of the joined names', async () => {
    expect(await stores.neo4j.search('maria|ana', null, 10)).toEqual([]);
    expect(await stores.embedded.search('maria|ana', null, 10)).toEqual([]);
  });
});
