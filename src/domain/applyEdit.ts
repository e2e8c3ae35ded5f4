/** An edit applied to a case graph in memory, purely: the embedded store's commit, and a test's oracle. */
import type { Edit } from './changes.js';
import type { CaseGraph } from './model.js';
import { compareStrings } from './ordering.js';

/** Puts replace records with the same key; removals go first, so a put may re-create a removed key. */
export function applyEdit(graph: CaseGraph, edit: Edit): CaseGraph {
  const put = <T extends { key: string }>(list: T[], removed: readonly string[], puts: T[]): T[] => {
    const byKey = new Map(list.map((item) => [item.key, item]));
    for (const key of removed) byKey.delete(key);
    for (const item of puts) byKey.set(item.key, item);
    return [...byKey.values()].sort((a, b) => compareStrings(a.key, b.key));
  };
  const drafts = new Map((graph.drafts ?? []).map((d) => [d.sourceKey, d]));
  for (const draft of edit.putDrafts ?? []) drafts.set(draft.sourceKey, draft);
  return {
    ...(drafts.size > 0
      ? { drafts: [...drafts.values()].sort((a, b) => compareStrings(a.sourceKey, b.sourceKey)) }
      : {}),
    sources: put(graph.sources, [], edit.putSources),
    entities: put(graph.entities, edit.removeEntities, edit.putEntities),
    relationships: put(graph.relationships, edit.removeRelationships, edit.putRelationships),
  };
}
