/** The whole graph a store holds, read through its port: what "nothing was written" and parity compare. */
import { ENTITY_KINDS } from '../../src/domain/kinds.js';
import type { GraphStore } from '../../src/store/graphStore.js';

export async function snapshotOf(store: GraphStore) {
  const sources = await store.sources();
  const entities = [];
  for (const kind of ENTITY_KINDS) {
    entities.push(...(await store.listEntities(kind, {}, { offset: 0, limit: 10_000 })).items);
  }
  const keys = entities.map((e) => e.key);
  const relationships = (await store.relationshipsOf(keys)).map((related) => related.map((r) => r.relationship));
  const changes = await store.changes(null, { offset: 0, limit: 10_000 });
  const drafts = await store.draftsOf(sources.map((s) => s.key));
  return { sources, entities, relationships, drafts, changes: changes.totalCount };
}
