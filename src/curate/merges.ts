/**
 * mergeEntities and unmergeEntities: two names found to be one entity, and that finding undone.
 * A merge records both entities and every claim it moved, whole, so an unmerge restores exactly
 * what was there. It does so only while the survivor and every moved claim are still exactly as the
 * merge left them (and the ends of those claims still exist): otherwise restoring would overwrite a
 * later change, so it answers CONFLICT and writes nothing. Undoing a later merge first makes an
 * earlier one undoable again, since that restores the state the earlier merge left.
 */
import type { Change } from '../domain/changes.js';
import type { Entity, Relationship } from '../domain/model.js';
import { compareEvidence } from '../domain/ordering.js';
import type { GraphStore } from '../store/graphStore.js';
import { editOf, sameRecord, sameSpan } from './checks.js';
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
    const change = await tx.commit(
      editOf(
        {
          ...author,
          action: 'MERGE_ENTITIES',
          // the survivor and the merged entity first (unmerge finds the merge by them), then the far
          // ends of the moved claims, whose claims changed too
          entityKeys: [...new Set([survivorKey, mergedKey, ...moved.flatMap((r) => [r.from, r.to])])],
          before: { sources: [], entities: [survivor, merged], relationships: moved },
          after: { sources: [], entities: [entity], relationships: repointed },
        },
        { putEntities: [entity], removeEntities: [mergedKey], putRelationships: repointed },
      ),
    );
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
    const [survivorBefore, restored] = merge.before.entities as [Entity, Entity];
    const [current, mergedNow] = await tx.entitiesByKeys([survivorKey, mergedKey]);
    const movedNow = await tx.relationshipsByKeys(merge.after.relationships.map((r) => r.key));
    const ends = [...new Set(merge.before.relationships.flatMap((r) => [r.from, r.to]))].filter(
      (key) => key !== survivorKey && key !== mergedKey,
    );
    const endsNow = await tx.entitiesByKeys(ends);
    const conflict =
      mergedNow !== null
        ? `"${mergedKey}" exists again`
        : !sameRecord(current, merge.after.entities[0])
          ? `"${survivorKey}" changed after the merge (change ${merge.seq})`
          : merge.after.relationships.some((r, i) => !sameRecord(movedNow[i], r))
            ? `a claim the merge moved changed after it (change ${merge.seq})`
            : endsNow.some((e) => e === null)
              ? 'an entity at the other end of a moved claim is gone'
              : null;
    if (conflict) throw new EditRefusal('mergedKey', `${conflict}: undo the later changes first`, 'CONFLICT');
    const change = await tx.commit(
      editOf(
        {
          ...author,
          action: 'UNMERGE_ENTITIES',
          entityKeys: merge.entityKeys,
          before: { sources: [], entities: current ? [current] : [], relationships: merge.after.relationships },
          after: { sources: [], entities: [survivorBefore, restored], relationships: merge.before.relationships },
        },
        { putEntities: [survivorBefore, restored], putRelationships: merge.before.relationships },
      ),
    );
    return { survivor: survivorBefore, restored, change };
  });
}
