/**
 * mergeEntities and unmergeEntities: two names found to be one entity, and that finding undone.
 * A merge records both entities and every claim it moved, whole, so an unmerge restores exactly
 * what was there, provided nothing has touched them since (else CONFLICT: nothing is lost).
 */
import type { Change } from '../domain/changes.js';
import type { Entity, Relationship } from '../domain/model.js';
import { compareEvidence } from '../domain/ordering.js';
import type { GraphStore } from '../store/graphStore.js';
import { sameSpan } from './checks.js';
import type { Author } from './inputs.js';
import { EditRefusal } from './refusal.js';

export function mergeEntities(
  store: GraphStore,
  author: Author,
  survivorKey: string,
  mergedKey: string,
): Promise<{ entity: Entity; change: Change }> {
  return store.write(async (tx) => {
    const [survivor, merged] = await tx.entitiesByKeys([survivorKey, mergedKey]);
    if (!survivor) throw new EditRefusal('survivorKey', `no entity has the key "${survivorKey}"`, 'NOT_FOUND');
    if (!merged) throw new EditRefusal('mergedKey', `no entity has the key "${mergedKey}"`, 'NOT_FOUND');
    if (survivorKey === mergedKey) throw new EditRefusal('mergedKey', 'an entity cannot be merged into itself');
    if (survivor.kind !== merged.kind) {
      throw new EditRefusal('mergedKey', `"${mergedKey}" is a ${merged.kind} and "${survivorKey}" a ${survivor.kind}`);
    }
    const names = [merged.name, ...survivor.aliases, ...merged.aliases].filter((name) => name !== survivor.name);
    const mentions = [...survivor.mentions];
    for (const m of merged.mentions) if (!mentions.some((s) => sameSpan(s, m))) mentions.push(m);
    const entity: Entity = {
      ...survivor,
      aliases: [...new Set(names)],
      mentions: mentions.sort(compareEvidence),
      formerKeys: [...new Set([...survivor.formerKeys, mergedKey, ...merged.formerKeys])],
    };
    const moved = await tx.relationshipsTouching([mergedKey]);
    const repointed = moved.map(
      (r): Relationship => ({
        ...r,
        from: r.from === mergedKey ? survivorKey : r.from,
        to: r.to === mergedKey ? survivorKey : r.to,
      }),
    );
    const change = await tx.commit({
      putSources: [],
      putEntities: [entity],
      removeEntities: [mergedKey],
      putRelationships: repointed,
      removeRelationships: [],
      change: {
        ...author,
        action: 'MERGE_ENTITIES',
        entityKeys: [survivorKey, mergedKey],
        before: { sources: [], entities: [survivor, merged], relationships: moved },
        after: { sources: [], entities: [entity], relationships: repointed },
      },
    });
    return { entity, change };
  });
}

export function unmergeEntities(
  store: GraphStore,
  author: Author,
  survivorKey: string,
  mergedKey: string,
): Promise<{ survivor: Entity; restored: Entity; change: Change }> {
  return store.write(async (tx) => {
    const merges = (await tx.changesAfter(0, [mergedKey])).filter(
      (c) => c.action === 'MERGE_ENTITIES' && c.entityKeys[0] === survivorKey && c.entityKeys[1] === mergedKey,
    );
    const merge = merges.at(-1);
    if (!merge)
      throw new EditRefusal('mergedKey', `"${mergedKey}" was never merged into "${survivorKey}"`, 'NOT_FOUND');
    const since = await tx.changesAfter(merge.seq, [survivorKey, mergedKey]);
    if (since.length > 0) {
      throw new EditRefusal(
        'mergedKey',
        `change ${since[0]!.seq} (${since[0]!.action}) touched these entities after the merge (change ${merge.seq}); undo it first`,
        'CONFLICT',
      );
    }
    const [survivorBefore, restored] = merge.before.entities as [Entity, Entity];
    const [current] = await tx.entitiesByKeys([survivorKey]);
    const change = await tx.commit({
      putSources: [],
      putEntities: [survivorBefore, restored],
      removeEntities: [],
      putRelationships: merge.before.relationships,
      removeRelationships: [],
      change: {
        ...author,
        action: 'UNMERGE_ENTITIES',
        entityKeys: [survivorKey, mergedKey],
        before: { sources: [], entities: current ? [current] : [], relationships: merge.after.relationships },
        after: { sources: [], entities: [survivorBefore, restored], relationships: merge.before.relationships },
      },
    });
    return { survivor: survivorBefore, restored, change };
  });
}
