/**
 * A reading of a source against the graph as it is (src/ingest/readSource.ts): the store finds the
 * entities whose names share a word with what the text names, and says which keys are taken.
 */
import type { Entity, Source } from '../domain/model.js';
import type { Draft } from '../domain/suggestions.js';
import { knownEntity } from '../ingest/lookupInGraph.js';
import { MAX_READ_CHARS, readSource } from '../ingest/readSource.js';
import type { GraphStore } from '../store/graphStore.js';

/** The most entities one lookup returns: a name's words are specific, so few match. */
const MAX_KNOWN = 2000;
/** Words per lookup: each is an index seek, and one store call has a deadline (STORE_TIMEOUT_MS). */
const WORDS_PER_LOOKUP = 500;

/** Every entity some word names, a store call per chunk of words, each entity once. */
async function entitiesNamedWith(store: GraphStore, words: readonly string[]) {
  const found = new Map<string, Entity>();
  for (let i = 0; i < words.length; i += WORDS_PER_LOOKUP) {
    for (const entity of await store.entitiesNamedWith(words.slice(i, i + WORDS_PER_LOOKUP), MAX_KNOWN))
      found.set(entity.key, entity);
  }
  return [...found.values()];
}

export function readDraft(store: GraphStore, source: Pick<Source, 'key' | 'text'>): Promise<Draft> {
  return readSource(source.key, source.text, {
    lookup: async (terms) => (await entitiesNamedWith(store, terms)).map(knownEntity),
    keysTaken: async (keys) => {
      const survivors = await store.survivorsOf(keys);
      const current = await store.entitiesByKeys(keys);
      return new Set(keys.filter((_, i) => survivors[i] !== null || current[i] !== null));
    },
    linksAmong: (keys) => store.relationshipsAmong(keys, null),
    maxChars: MAX_READ_CHARS,
  });
}
