/**
 * A reading against a graph held in memory (the CLI's case folders and the evaluation): the
 * entities whose names share a word with what the text names, the relationships that corroborate a
 * match, and the keys taken (former keys too: they still resolve).
 */
import type { CaseGraph, Entity } from '../domain/model.js';
import { indexByNameWords, namedWith } from '../domain/nameWords.js';
import { MAX_READ_CHARS, type ReadingOptions } from './readSource.js';
import type { KnownEntity } from './types.js';

export const knownEntity = ({ key, kind, name, aliases, occupations }: Entity): KnownEntity => ({
  key,
  kind,
  name,
  aliases,
  occupations,
});

export function readingOptionsIn(graph: Pick<CaseGraph, 'entities' | 'relationships'>): ReadingOptions {
  const index = indexByNameWords(graph.entities);
  const keys = new Set(graph.entities.flatMap((e) => [e.key, ...e.formerKeys]));
  return {
    lookup: async (terms) => namedWith(index, terms).map(knownEntity),
    linksAmong: async (among) => {
      const wanted = new Set(among);
      return graph.relationships.filter((r) => wanted.has(r.from) && wanted.has(r.to));
    },
    keysTaken: async (wanted) => new Set(wanted.filter((k) => keys.has(k))),
    maxChars: MAX_READ_CHARS,
  };
}
