/**
 * Resolution's lookup over entities held in memory (the CLI's case folders and the evaluation):
 * the entities whose names share a word with what the text names.
 */
import type { Entity, Relationship } from '../domain/model.js';
import { indexByNameWords, namedWith } from '../domain/nameWords.js';
import type { EntityLookup } from './readSource.js';
import type { KnownEntity } from './types.js';

export const knownEntity = ({ key, kind, name, aliases, occupations }: Entity): KnownEntity => ({
  key,
  kind,
  name,
  aliases,
  occupations,
});

export function lookupInGraph(entities: readonly Entity[]): EntityLookup {
  const index = indexByNameWords(entities);
  return async (terms) => namedWith(index, terms).map(knownEntity);
}

/** The relationships among `keys` of a graph held in memory, for corroboration. */
export function linksAmongIn(relationships: readonly Relationship[]) {
  return async (keys: readonly string[]) => {
    const wanted = new Set(keys);
    return relationships.filter((r) => wanted.has(r.from) && wanted.has(r.to));
  };
}
