/**
 * A list variable may repeat one enum value a hundred thousand times within the body limit. Each
 * kinds or relationship-types filter reaches the store with each value once, so its cost does not
 * grow with the list (the embedded store tested every entity against the whole list).
 */
import { describe, expect, it } from 'vitest';
import type { EntityKind, RelationshipType } from '../../src/domain/kinds.js';
import type { GraphStore } from '../../src/store/graphStore.js';
import { MemoryStore } from '../../src/store/memory/memoryStore.js';
import { apiFor } from '../support/api.js';
import { rustCase } from '../support/stores.js';

const REPEATS = 100_000;

/** The embedded store, noting the filters each call is given. */
function noting(asked: unknown[][]): GraphStore {
  return new Proxy(new MemoryStore(rustCase()), {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        asked.push(args.filter(Array.isArray));
        return value.apply(target, args);
      };
    },
  });
}

describe('a filter list that repeats one value', () => {
  it('reaches the store with each kind once, and answers as the one kind would', async () => {
    const asked: unknown[][] = [];
    const { api } = { api: apiFor(noting(asked)) };
    const kinds: EntityKind[] = Array.from({ length: REPEATS }, (_, i) => (i % 2 ? 'EVENT' : 'PERSON'));
    const query = `query($kinds: [EntityKind!]) {
      mostConnected(first: 3, kinds: $kinds) { entity { key } }
      search(text: "a", kinds: $kinds, first: 3) { entity { key } } }`;
    const repeated = await api.data(query, { kinds });
    const lists = asked.flat().filter((list) => (list as unknown[]).length > 0);
    expect(lists.every((list) => (list as unknown[]).length <= 2)).toBe(true);
    expect(repeated).toEqual(await api.data(query, { kinds: ['PERSON', 'EVENT'] }));
  });

  it('reaches the store with each relationship type once, for a neighbourhood', async () => {
    const asked: unknown[][] = [];
    const api = apiFor(noting(asked));
    const { entity } = await api.data<{ entity: { id: string } }>(
      '{ entity(kind: PERSON, key: "alec-baldwin") { id } }',
    );
    // fewer: a longer name, and the same body limit
    const types: RelationshipType[] = Array.from({ length: 60_000 }, () => 'REPRESENTS');
    const query = `query($id: ID!, $types: [RelationshipType!]) {
      neighbourhood(id: $id, types: $types) { nodes { key } } }`;
    const repeated = await api.data(query, { id: entity.id, types });
    expect(
      asked.flat().every((list) => (list as unknown[]).length <= 1 || !(list as string[]).includes('REPRESENTS')),
    ).toBe(true);
    expect(repeated).toEqual(await api.data(query, { id: entity.id, types: ['REPRESENTS'] }));
  });
});
