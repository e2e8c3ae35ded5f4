/** One contract, two stores: the embedded store and Neo4j answer every question the same way. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteOf } from '../../src/domain/model.js';
import type { GraphStore } from '../../src/store/graphStore.js';
import { STORES } from '../support/stores.js';

for (const under of STORES) {
  describe.runIf(under.available)(`the ${under.name} store`, () => {
    let store: GraphStore;
    beforeAll(async () => { store = await under.open(); });
    afterAll(async () => { await store?.close(); });

    it('counts the entities of each kind', async () => {
      expect(await store.countByKind()).toEqual({ PERSON: 5, ORGANISATION: 2, PRODUCTION: 1, LOCATION: 3, EVENT: 7 });
    });

    it('lists a kind by name, a page at a time, with the total', async () => {
      const first = await store.listEntities('PERSON', { offset: 0, limit: 2 });
      const rest = await store.listEntities('PERSON', { offset: 2, limit: 10 });
      expect(first.totalCount).toBe(5);
      expect([...first.items, ...rest.items].map((e) => e.name)).toEqual([
        'Alec Baldwin', 'Alex Spiro', 'Galina Hutchins', 'Joel Souza', 'Lewten Nikas',
      ]);
    });

    it('looks entities up by key, null where a key names nothing, in the order asked', async () => {
      const [souza, nobody, rust] = await store.entitiesByKeys(['joel-souza', 'nobody', 'rust']);
      expect(souza).toMatchObject({ kind: 'PERSON', name: 'Joel Souza', aliases: ['Souza'], occupations: ['director'] });
      expect(nobody).toBeNull();
      expect(rust).toMatchObject({ kind: 'PRODUCTION', productionType: 'movie', organisationType: null });
      expect(souza?.mentions.map((m) => m.start)).toEqual([1036, 1430]);
    });

    it('gives an entity its relationships in both directions, each with its evidence', async () => {
      const [baldwin] = await store.relationshipsOf(['alec-baldwin']);
      const lawyers = baldwin!.filter((r) => r.type === 'REPRESENTS');
      expect(lawyers.map((r) => [r.from, r.to, r.role])).toEqual([
        ['alex-spiro', 'alec-baldwin', 'legal counsel'],
        ['lewten-nikas', 'alec-baldwin', 'legal counsel'],
      ]);
      const [source] = await store.sourcesByKeys(['rust-article']);
      expect(quoteOf(lawyers[0]!.evidence[0]!, source!)).toBe('Lewten Nikas and Alex Spiro, who represent Baldwin');
      expect(baldwin!.every((r) => r.evidence.length > 0)).toBe(true);
      expect(baldwin!.length).toBe(7);
    });

    it('looks relationships up by key', async () => {
      const [directs, none] = await store.relationshipsByKeys(['joel-souza--worked-on--rust', 'nothing']);
      expect(directs).toMatchObject({ type: 'WORKED_ON', from: 'joel-souza', to: 'rust', role: 'director' });
      expect(none).toBeNull();
    });

    it('holds the source and everything it mentions', async () => {
      const sources = await store.sources();
      expect(sources.map((s) => [s.key, s.text.length, s.publisher, s.published])).toEqual([['rust-article', 2899, null, null]]);
      const [mentioned, none] = await store.entitiesMentionedIn(['rust-article', 'nothing']);
      expect(mentioned).toHaveLength(18);
      expect(mentioned![0]!.name).toBe('ABC News');
      expect(none).toEqual([]);
    });

    it('answers a ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
