/**
 * A tree the store read (store/entityTrees.ts), made into the objects the resolvers meet: each
 * entity carries the answers of its related fields, each relationship the entities its end fields
 * lead to, computed by the same RelatedField.answer a resolver would run. A field whose answer
 * fails (a bad cursor) carries the error, thrown when that field resolves, so that it lands at the
 * same place in the response as without the tree.
 */
import type { Entity, Relationship } from '../../domain/model.js';
import type { EntityTree } from '../../store/entityTrees.js';
import type { RelatedEntity } from '../../store/graphStore.js';
import type { EndBinding, EntityBinding } from './plan.js';
import { failedAnswer, withAnswers } from './prefetched.js';

export function attachTree(tree: EntityTree, binding: EntityBinding): Entity {
  // a copy per place in the response: two ends that read alike share one tree, not their answers
  const answers = new Map<string, unknown>();
  const entity = withAnswers(tree.entity, answers);
  binding.related.forEach((related, i) => {
    if (related.forKinds && !related.forKinds.includes(entity.kind)) return;
    const read = tree.related[i]!;
    // the entity itself, for the ends that lead back to it: attached once per end, when an item does
    const near: Entity[] = [];
    const nearOf = (end: EndBinding, j: number) => {
      near[j] ??= attachTree(read.near[end.index]!, end.binding);
      return near[j];
    };
    const items: RelatedEntity[] = read.items.map((item) => {
      const ends = related.ends.map((end, j): [string, Entity] => [
        end.responseKey,
        // where the plan read no near end (the end is always the other node), a self-loop's end is the far one
        item.relationship[end.end] === entity.key && read.near[end.index]
          ? nearOf(end, j)
          : attachTree(farOf(item.far[end.index]), end.binding),
      ]);
      const relationship: Relationship =
        ends.length > 0 ? withAnswers(item.relationship, new Map(ends)) : item.relationship;
      return { relationship, entity: related.items ? attachTree(farOf(item.far[0]), related.items) : item.other };
    });
    // a page's total is read only when the selection shows it (RelatedTreePlan.counted); where it
    // does not, the page's end stands in for it, and no field of the answer reads it
    const paged = related.page && {
      offset: related.page.offset,
      totalCount: read.totalCount ?? related.page.offset + read.items.length,
    };
    try {
      answers.set(related.responseKey, related.field.answer(entity, items, related.args, paged));
    } catch (error) {
      answers.set(related.responseKey, failedAnswer(error));
    }
  });
  return entity;
}

/** A far end the store read: it reads each one the items lead to (farWhen), so a missing one is a broken store. */
function farOf(tree: EntityTree | null | undefined): EntityTree {
  if (!tree) throw new Error('an entity tree lacks the far end of a relationship');
  return tree;
}
