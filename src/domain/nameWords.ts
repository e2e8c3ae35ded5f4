/**
 * The words of an entity's names, normalised as search compares them: how ingest finds the entities
 * a new text may name ("Hutchins" finds Galina Hutchins) without comparing it with every entity.
 */
import type { Entity } from './model.js';
import { normaliseForSearch } from './search.js';

/** The normalised words of a name or alias: "Attorney’s Office" gives "attorney's" and "office". */
function wordsOf(text: string): string[] {
  return normaliseForSearch(text).split(' ').filter(Boolean);
}

/** Each word of the entities' names and aliases, with the entities that have it, in the order given. */
export function indexByNameWords<E extends Pick<Entity, 'name' | 'aliases'>>(entities: Iterable<E>): Map<string, E[]> {
  const byWord = new Map<string, E[]>();
  for (const entity of entities) {
    for (const word of new Set([entity.name, ...entity.aliases].flatMap(wordsOf))) {
      const list = byWord.get(word);
      if (list) list.push(entity);
      else byWord.set(word, [entity]);
    }
  }
  return byWord;
}

/** The entities of an index that have any of `words` (each normalised here), each once. */
export function namedWith<E extends Pick<Entity, 'key'>>(index: Map<string, E[]>, words: readonly string[]): E[] {
  const found = new Map<string, E>();
  for (const word of words) {
    for (const entity of index.get(normaliseForSearch(word)) ?? []) found.set(entity.key, entity);
  }
  return [...found.values()];
}
