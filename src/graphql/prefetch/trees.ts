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
 * The entities at `roots`, with everything the query selects below them read ahead. Their objects
 * hold only what the selection reads, so they are never put in the loaders' caches.
 */
export async function readTrees(
  { store }: Context,
  info: GraphQLResolveInfo,
  roots: EntityTreeRoots,
  kinds: readonly EntityKind[],
  itemPath: readonly string[] = [],
): Promise<ReadTrees | null> {
  if (!store.entityTrees) return null;
  const planned = planTrees(info, kinds, itemPath);
  if (!planned) return null;
  const page = await store.entityTrees(roots, planned.plan);
  return { entities: page.trees.map((tree) => attachTree(tree, planned.binding)), totalCount: page.totalCount };
}
