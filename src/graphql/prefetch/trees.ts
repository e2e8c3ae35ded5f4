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

/**
 * Entities a root field found by some other read (a page of events, search hits) read again by key,
 * with everything the query selects below them (at `itemPath` below the field), by key: the entities
 * read again, in a map by key. Reading them level by level instead would read every relationship of
 * each, and every property of what is at its other end, to answer the few the query selects.
 *
 * One query per kind found, sent at once, each planned as an entity page of that kind is: a plan for
 * every kind at once holds each kind's fields, and Neo4j took seconds to compile one for a search
 * hit's typed fragments. Kinds with nothing selected below them are not read again.
 */
export async function readFoundAgain(
  context: Context,
  info: GraphQLResolveInfo,
  found: readonly Entity[],
  itemPath: readonly string[] = [],
): Promise<Map<string, Entity>> {
  const keysByKind = new Map<EntityKind, string[]>();
  for (const { kind, key } of found) {
    const keys = keysByKind.get(kind);
    if (keys) keys.push(key);
    else keysByKind.set(kind, [key]);
  }
  const reads = [...keysByKind].map(([kind, keys]) => treeReader(context, info, [kind], itemPath)?.({ keys }));
  const read = new Map<string, Entity>();
  for (const trees of await Promise.all(reads))
    for (const entity of trees?.entities ?? []) read.set(entity.key, entity);
  return read;
}
