/**
 * Where root fields read a whole selection at once: when the store can (entityTrees) and the
 * planner finds relationships to read below the entities the field returns. Null otherwise: the
 * field then reads as it always did, level by level through the loaders.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { EntityKind } from '../../domain/kinds.js';
import type { Entity } from '../../domain/model.js';
import type { EntityTreeRoots } from '../../store/entityTrees.js';
import type { Context } from '../context.js';
import { attachTree } from './attach.js';
import { planTrees } from './plan.js';

export interface ReadTrees {
  entities: Entity[];
  totalCount: number;
}

/**
 * How the current field reads the entities it returns (at `itemPath` below it) with everything the
 * query selects below them, planned once; null when the store cannot or the planner declines. The
 * entities it reads hold only what the selection reads, so they are never put in the loaders' caches.
 */
export function treeReader(
  { store }: Context,
  info: GraphQLResolveInfo,
  kinds: readonly EntityKind[],
  itemPath: readonly string[] = [],
): ((roots: EntityTreeRoots) => Promise<ReadTrees>) | null {
  const entityTrees = store.entityTrees?.bind(store);
  const planned = entityTrees ? planTrees(info, kinds, itemPath) : null;
  if (!entityTrees || !planned) return null;
  return async (roots) => {
    const page = await entityTrees(roots, planned.plan);
    return { entities: page.trees.map((tree) => attachTree(tree, planned.binding)), totalCount: page.totalCount };
  };
}
