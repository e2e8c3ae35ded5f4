/** One contract, two stores: the embedded store and Neo4j answer every question the same way. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteOf } from '../../src/domain/model.js';
import type { GraphStore } from '../../src/store/graphStore.js';
import { STORES } from '../support/stores.js';

for (const under of STORES) {
  describe.runIf(under.available)(`the ${under.name} store`, () => {
    let store: GraphStore;
    beforeAll(async () => {
      store = await under.open();
    });
    afterAll(async () => {
      await store?.close();
    });

    it('counts the entities of each kind', async () => {
      expect(await store.countByKind()).toEqual({ PERSON: 5, ORGANISATION: 2, PRODUCTION: 1, LOCATION: 3, EVENT: 7 });
    });

    it('lists a kind by name, a page at a time, with the total', async () => {
      const first = await store.listEntities('PERSON', {}, { offset: 0, limit: 2 });
      const rest = await store.listEntities('PERSON', {}, { offset: 2, limit: 10 });
      expect(first.totalCount).toBe(5);
      expect([...first.items, ...rest.items].map((e) => e.name)).toEqual([
        'Alec Baldwin',
        'Alex Spiro',
        'Galina Hutchins',
        'Joel Souza',
        'Lewten Nikas',
      ]);
    });

    it('looks entities up by key, null where a key names nothing, in the order asked', async () => {
      const [souza, nobody, rust] = await store.entitiesByKeys(['joel-souza', 'nobody', 'rust']);
      expect(souza).toMatchObject({
        kind: 'PERSON',
        name: 'Joel Souza',
        aliases: ['Souza'],
        occupations: ['director'],
      });
      expect(nobody).toBeNull();
      expect(rust).toMatchObject({ kind: 'PRODUCTION', productionType: 'movie', organisationType: null });
      expect(souza?.mentions.map((m) => m.start)).toEqual([1036, 1430]);
    });

    it('gives an entity its relationships in both directions, each with its evidence', async () => {
      const [related] = await store.relationshipsOf(['alec-baldwin']);
      const lawyers = related!.filter((r) => r.relationship.type === 'REPRESENTS');
      expect(lawyers.map(({ relationship: r, entity }) => [r.from, r.to, r.role, entity.name])).toEqual([
        ['alex-spiro', 'alec-baldwin', 'legal counsel', 'Alex Spiro'],
        ['lewten-nikas', 'alec-baldwin', 'legal counsel', 'Lewten Nikas'],
      ]);
      const [source] = await store.sourcesByKeys(['rust-article']);
      expect(quoteOf(lawyers[0]!.relationship.evidence[0]!, source!)).toBe(
        'Lewten Nikas and Alex Spiro, who represent Baldwin',
      );
      expect(related!.every((r) => r.relationship.evidence.length > 0)).toBe(true);
      expect(related!.length).toBe(7);
      expect(related!.every((r) => r.entity.mentions.length > 0)).toBe(true);
    });

    it('looks relationships up by key', async () => {
      const [directs, none] = await store.relationshipsByKeys(['joel-souza--worked-on--rust', 'nothing']);
      expect(directs).toMatchObject({ type: 'WORKED_ON', from: 'joel-souza', to: 'rust', role: 'director' });
      expect(none).toBeNull();
    });

    it('holds the source and everything it mentions', async () => {
      const sources = await store.sources();
      expect(sources.map((s) => [s.key, s.text.length, s.publisher, s.published])).toEqual([
        ['rust-article', 2899, null, null],
      ]);
      const [mentioned, none] = await store.entitiesMentionedIn(['rust-article', 'nothing']);
      expect(mentioned).toHaveLength(18);
      expect(mentioned![0]!.name).toBe('ABC News');
      expect(none).toEqual([]);
    });

    it('filters entity lists by name (accents, case and apostrophes aside), keys and source', async () => {
      const names = async (
        filter: Parameters<GraphStore['listEntities']>[1],
        kind: 'PERSON' | 'ORGANISATION' = 'PERSON',
      ) => (await store.listEntities(kind, filter, { offset: 0, limit: 50 })).items.map((e) => e.name);
      expect(await names({ nameContains: 'al' })).toEqual(['Alec Baldwin', 'Alex Spiro', 'Galina Hutchins']);
      expect(await names({ nameContains: "attorney's" }, 'ORGANISATION')).toEqual([
        'New Mexico State Attorney’s Office',
      ]);
      expect(await names({ keys: ['joel-souza', 'rust', 'nobody'] })).toEqual(['Joel Souza']);
      expect(await names({ mentionedIn: 'rust-article' })).toHaveLength(5);
      expect(await names({ mentionedIn: 'no-such-source' })).toEqual([]);
    });

    it('orders events by date, then first mention, undated last; DESC is the exact reverse', async () => {
      const asc = await store.listEvents({}, 'ASC', null);
      expect(asc.items.map((e) => e.key)).toEqual([
        'rust-set-incident',
        'baldwin-cleared-of-charges',
        'death-of-galina-hutchins',
        'statement-by-baldwins-lawyers',
        'rust-production-halt',
        'rust-filming-resumption',
        'legal-scrutiny-of-baldwin',
      ]);
      const desc = await store.listEvents({}, 'DESC', { offset: 0, limit: 100 });
      expect(desc.items.map((e) => e.key)).toEqual(asc.items.map((e) => e.key).reverse());
      const page = await store.listEvents({}, 'DESC', { offset: 1, limit: 2 });
      expect(page).toMatchObject({ totalCount: 7 });
      expect(page.items.map((e) => e.key)).toEqual(['rust-filming-resumption', 'rust-production-halt']);
    });

    it('filters events by type, period, who is involved and production', async () => {
      const keys = async (filter: Parameters<GraphStore['listEvents']>[0]) =>
        (await store.listEvents(filter, 'ASC', null)).items.map((e) => e.key);
      expect(await keys({ from: '2021-11-15', to: '2021-11-15' })).toEqual(['rust-set-incident']);
      expect(await keys({ from: '2021-12-01' })).toEqual([]);
      expect(await keys({ to: '2021-10-31' })).toEqual([]);
      expect(await keys({ eventTypes: ['statement', 'legal decision'] })).toEqual([
        'baldwin-cleared-of-charges',
        'statement-by-baldwins-lawyers',
      ]);
      expect(await keys({ involving: 'joel-souza' })).toEqual(['rust-set-incident', 'rust-filming-resumption']);
      expect(await keys({ production: 'rust' })).toEqual([
        'rust-set-incident',
        'rust-production-halt',
        'rust-filming-resumption',
      ]);
      expect(await keys({ production: 'alec-baldwin' })).toEqual([]);
    });

    it('searches names and aliases: exact name, alias, prefix, word, substring', async () => {
      const hits = async (text: string, kinds: Parameters<GraphStore['search']>[1] = null, limit = 10) =>
        (await store.search(text, kinds, limit)).map((h) => `${h.entity.key}:${h.tier}`);
      expect(await hits('rust')).toEqual([
        'rust:EXACT_NAME',
        'rust-filming-resumption:PREFIX',
        'rust-production-halt:PREFIX',
        'rust-set:PREFIX',
        'rust-set-incident:WORD',
      ]);
      expect(await hits('baldwin')).toEqual([
        'alec-baldwin:EXACT_ALIAS',
        'baldwin-cleared-of-charges:WORD',
        'legal-scrutiny-of-baldwin:WORD',
      ]);
      expect(await hits('aldw', ['PERSON'])).toEqual(['alec-baldwin:SUBSTRING']);
      expect(await hits("state attorney's")).toEqual(['new-mexico-state-attorneys-office:WORD']);
      expect(await hits('nothing like it')).toEqual([]);
      expect(await hits('rust', null, 2)).toEqual(['rust:EXACT_NAME', 'rust-filming-resumption:PREFIX']);
    });

    it('answers a ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
