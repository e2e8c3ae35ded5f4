/**
 * GraphStore.write, held to the port on every store that writes: a commit's records read back
 * through the ordinary reads, a throw writes nothing, changes are numbered 1, 2, 3 without gaps,
 * and concurrent writes run one after another, none lost.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Change, type Edit, emptyState } from '../../src/domain/changes.js';
import type { CaseGraph, Entity, Relationship, Source } from '../../src/domain/model.js';
import type { GraphStore } from '../../src/store/graphStore.js';
import { MemoryStore } from '../../src/store/memory/memoryStore.js';
import { rustCase, STORES } from '../support/stores.js';

/** The embedded store is being given writes alongside; it runs these tests once it has them. */
const writes = (name: string) => name === 'neo4j' || typeof Reflect.get(MemoryStore.prototype, 'write') === 'function';

const page = { offset: 0, limit: 20 };

function edit(parts: Partial<Omit<Edit, 'change'>> & { entityKeys?: string[]; reason?: string }): Edit {
  const { entityKeys, reason, ...puts } = parts;
  return {
    putSources: [],
    putEntities: [],
    removeEntities: [],
    putRelationships: [],
    removeRelationships: [],
    ...puts,
    change: {
      actor: 'test-editor',
      action: 'UPSERT_ENTITY',
      reason: reason ?? null,
      entityKeys: entityKeys ?? (puts.putEntities ?? []).map((e) => e.key),
      before: emptyState(),
      after: { sources: [], entities: puts.putEntities ?? [], relationships: puts.putRelationships ?? [] },
    },
  };
}

/** An entity of the Rust case with its fields changed. */
function changed(graph: CaseGraph, key: string, fields: Partial<Entity>): Entity {
  return { ...graph.entities.find((e) => e.key === key)!, ...fields };
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

for (const storeUnderTest of STORES) {
  describe.runIf(storeUnderTest.available && writes(storeUnderTest.name))(`writes (${storeUnderTest.name})`, () => {
    let graph: CaseGraph;
    let store: GraphStore;
    let article: Source;
    beforeEach(async () => {
      graph = rustCase();
      article = graph.sources[0]!;
      store = await storeUnderTest.open(graph);
    });
    afterEach(async () => {
      await store?.close();
    });

    it('puts and removes records, which the ordinary reads then see', async () => {
      const second: Source = {
        key: 'second-article',
        caseKey: 'rust-case',
        title: null,
        publisher: 'Example News',
        url: 'https://news.example/rust',
        published: '2025-04',
        text: 'Informed sources said the set was quiet.',
      };
      const at = article.text.indexOf('informed sources');
      const sources: Entity = {
        ...changed(graph, 'abc-news', {}),
        key: 'informed-sources',
        name: 'Informed sources',
        aliases: ['the sources'],
        summary: null,
        organisationType: null,
        mentions: [
          { sourceKey: article.key, start: at, end: at + 16 },
          { sourceKey: second.key, start: 0, end: 16 },
        ],
      };
      const told: Relationship = {
        key: 'informed-sources-told-abc',
        type: 'REPRESENTS',
        from: 'informed-sources',
        to: 'abc-news',
        role: null,
        evidence: [{ sourceKey: second.key, start: 0, end: 16, modality: 'REPORTED', assertedBy: 'Example News' }],
      };
      const montanaLinks = (await store.relationshipsOf(['montana']))[0]!.map((r) => r.relationship.key);
      // a merge re-points a relationship: same key, other ends
      const repointed = { ...(await store.relationshipsByKeys(['lewten-nikas--represents--alec-baldwin']))[0]! };
      repointed.from = 'alex-spiro';
      repointed.role = 'counsel';
      const baldwin = changed(graph, 'alec-baldwin', { aliases: ['Baldwin', 'Alexander Baldwin'] });

      const change = await store.write((tx) =>
        tx.commit(
          edit({
            putSources: [second],
            putEntities: [sources, baldwin],
            removeEntities: ['montana'],
            putRelationships: [told, repointed],
            removeRelationships: montanaLinks,
          }),
        ),
      );

      expect(change).toMatchObject({ seq: 1, actor: 'test-editor', entityKeys: ['informed-sources', 'alec-baldwin'] });
      expect(Date.parse(change.at)).toBeGreaterThan(Date.now() - 60_000);
      expect(await store.sourcesByKeys(['second-article'])).toEqual([second]);
      expect(await store.entitiesByKeys(['informed-sources', 'alec-baldwin', 'montana'])).toEqual([
        sources,
        baldwin,
        null,
      ]);
      expect(await store.relationshipsByKeys([told.key, montanaLinks[0]!])).toEqual([told, null]);
      const [ofSources] = await store.relationshipsOf(['informed-sources']);
      expect(ofSources!.map((r) => [r.relationship, r.entity.key])).toEqual([[told, 'abc-news']]);
      const [ofNikas, ofSpiro] = await store.relationshipsOf(['lewten-nikas', 'alex-spiro']);
      expect(ofNikas!.map((r) => r.relationship.key)).not.toContain(repointed.key);
      expect(ofSpiro!.find((r) => r.relationship.key === repointed.key)?.relationship).toEqual(repointed);
      expect((await store.search('informed', null, 5)).map((hit) => hit.entity.key)).toEqual(['informed-sources']);
      expect((await store.search('alexander', null, 5)).map((hit) => hit.entity.key)).toEqual(['alec-baldwin']);
      const [inSecond] = await store.entitiesMentionedIn(['second-article']);
      expect(inSecond!.map((e) => e.key)).toEqual(['informed-sources']);
      expect((await store.countByKind()).LOCATION).toBe(graph.entities.filter((e) => e.kind === 'LOCATION').length - 1);
    });

    it('writes nothing when the work throws, and the next change takes the number', async () => {
      const newcomer = { ...changed(graph, 'abc-news', {}), key: 'newcomer', name: 'Newcomer' };
      await expect(
        store.write(async (tx) => {
          await tx.commit(edit({ putEntities: [newcomer] }));
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      expect(await store.entitiesByKeys(['newcomer'])).toEqual([null]);
      expect(await store.changes(null, page)).toEqual({ items: [], totalCount: 0 });

      // a write that records no change takes no number either
      expect(await store.write(async (tx) => (await tx.entitiesByKeys(['abc-news']))[0]?.name)).toBe('ABC News');
      const change = await store.write((tx) => tx.commit(edit({ putEntities: [newcomer] })));
      expect(change.seq).toBe(1);
      await expect(
        store.write(async (tx) => {
          await tx.commit(edit({ putEntities: [newcomer] }));
          return tx.commit(edit({ putEntities: [newcomer] }));
        }),
      ).rejects.toThrow();
      expect((await store.changes(null, page)).totalCount).toBe(1);
    });

    it('numbers changes 1, 2, 3 and finds them newest first, by entity', async () => {
      const rename = (key: string, name: string) =>
        store.write((tx) => tx.commit(edit({ putEntities: [changed(graph, key, { name })], reason: `rename ${key}` })));
      const recorded: Change[] = [];
      recorded.push(await rename('abc-news', 'ABC'));
      recorded.push(await rename('montana', 'Montana, USA'));
      recorded.push(await rename('abc-news', 'ABC News Network'));
      expect(recorded.map((c) => c.seq)).toEqual([1, 2, 3]);

      expect(await store.changes(null, page)).toEqual({ items: [...recorded].reverse(), totalCount: 3 });
      expect(await store.changes('abc-news', page)).toEqual({ items: [recorded[2], recorded[0]], totalCount: 2 });
      expect(await store.changes('abc-news', { offset: 1, limit: 5 })).toEqual({ items: [recorded[0]], totalCount: 2 });
      expect(await store.changes('rust', page)).toEqual({ items: [], totalCount: 0 });

      await store.write(async (tx) => {
        expect(await tx.changeBySeq(2)).toEqual(recorded[1]);
        expect(await tx.changeBySeq(9)).toBeNull();
        expect(await tx.changesAfter(1, ['abc-news', 'rust'])).toEqual([recorded[2]]);
        expect(await tx.changesAfter(0, ['montana', 'abc-news'])).toEqual(recorded);
      });
    });

    it('resolves former keys to the entity they were merged into', async () => {
      const merged = changed(graph, 'alec-baldwin', { formerKeys: ['baldwin-alec'] });
      await store.write((tx) =>
        tx.commit(edit({ putEntities: [merged], entityKeys: ['alec-baldwin', 'baldwin-alec'] })),
      );
      expect(await store.survivorsOf(['baldwin-alec', 'alec-baldwin', 'nobody'])).toEqual(['alec-baldwin', null, null]);
      expect((await store.entitiesByKeys(['alec-baldwin']))[0]!.formerKeys).toEqual(['baldwin-alec']);
      expect((await store.changes('baldwin-alec', page)).totalCount).toBe(1);
      await store.write(async (tx) => {
        // inside a write an entity's own key is current too
        expect(await tx.survivorsOf(['baldwin-alec', 'alec-baldwin', 'nobody'])).toEqual([
          'alec-baldwin',
          'alec-baldwin',
          null,
        ]);
        const touching = await tx.relationshipsTouching(['lewten-nikas', 'alec-baldwin']);
        const expected = graph.relationships
          .filter((r) => [r.from, r.to].some((key) => key === 'lewten-nikas' || key === 'alec-baldwin'))
          .map((r) => r.key)
          .sort();
        expect(touching.map((r) => r.key)).toEqual(expected);
        expect(await tx.sourcesByKeys([article.key, 'none'])).toEqual([article, null]);
      });
    });

    it('runs concurrent writes one after another: each reads what the one before committed', async () => {
      const addAlias = (alias: string) =>
        store.write(async (tx) => {
          const [current] = await tx.entitiesByKeys(['alec-baldwin']);
          await sleep(100); // a second writer that did not wait would read the same aliases
          const next = { ...current!, aliases: [...current!.aliases, alias] };
          return tx.commit(edit({ putEntities: [next] }));
        });
      const changes = await Promise.all([addAlias('first'), addAlias('second'), addAlias('third')]);
      expect(changes.map((c) => c.seq).sort()).toEqual([1, 2, 3]);
      const [baldwin] = await store.entitiesByKeys(['alec-baldwin']);
      expect([...baldwin!.aliases].sort()).toEqual(['Baldwin', 'first', 'second', 'third']);
    });
  });
}
