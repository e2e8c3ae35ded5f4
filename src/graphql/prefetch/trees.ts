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
import { type PlannedTree, planTrees } from './plan.js';

export interface ReadTrees {
  entities: Entity[];
  totalCount: number;
}

/**
 * The most tree reads one request may make. Each is a Cypher query of its own, and one Neo4j has
 * not compiled yet takes it a second or more: 25 aliases of a search with typed fragments made 100
 * of them at once, filled the store's read slots (CONCURRENT_READS) and kept another client's read
 * waiting past the timeout. Past this a request reads level by level, where the loaders share one
 * read per level among all its fields.
 */
const TREE_READS_PER_REQUEST = 8;

/** Tree reads promised so far, per request (its context, one object for the whole request). */
const treeReadsPromised = new WeakMap<Context, number>();

/** Whether the request may make `count` more tree reads; if so, they are counted as made. */
function promise(context: Context, count: number): boolean {
  const promised = treeReadsPromised.get(context) ?? 0;
  if (promised + count > TREE_READS_PER_REQUEST) return false;
  treeReadsPromised.set(context, promised + count);
  return true;
}

/**
 * How the current field reads the entities it returns (at `itemPath` below it) with everything the
 * query selects below them, planned once; null when the store cannot, the planner declines or the
 * request has made its tree reads. The entities it reads hold only what the selection reads, so
 * they are never put in the loaders' caches.
 */
export function treeReader(
  context: Context,
  info: GraphQLResolveInfo,
  kinds: readonly EntityKind[],
  itemPath: readonly string[] = [],
): ((roots: EntityTreeRoots) => Promise<ReadTrees>) | null {
  const entityTrees = entityTreesOf(context);
  const planned = entityTrees ? planTrees(info, kinds, itemPath) : null;
  if (!entityTrees || !planned || !promise(context, 1)) return null;
  return readerOf(entityTrees, planned);
}

type EntityTrees = NonNullable<Context['store']['entityTrees']>;

const entityTreesOf = ({ store }: Context): EntityTrees | null => store.entityTrees?.bind(store) ?? null;

/** Reads the roots' trees as `planned` says, each entity with its answers attached. */
function readerOf(entityTrees: EntityTrees, planned: PlannedTree) {
  return async (roots: EntityTreeRoots): Promise<ReadTrees> => {
    const page = await entityTrees(roots, planned.plan);
    return { entities: page.trees.map((tree) => attachTree(tree, planned.binding)), totalCount: page.totalCount };
  };
}

/**
 * How a root field that finds its entities by some other read (a page of events, search hits), of
 * any of `kinds`, reads them again by key with everything the query selects below them (at
 * `itemPath` below the field): the entities read again, in a map by key. Reading them level by
 * level instead would read every relationship of each, and every property of what is at its other
 * end, to answer the few the query selects. Null when no kind has anything to read below it, or the
 * request has made its tree reads: the field then reads as it did before.
 *
 * One query per kind found, sent at once, each planned as an entity page of that kind is: a plan
 * for every kind at once holds each kind's fields, and Neo4j took seconds to compile one for a
 * search hit's typed fragments. Entities of a kind with nothing selected below them are not read
 * again (and not in the map); neither is one that went missing between the two reads.
 */
export function foundAgainReader(
  context: Context,
  info: GraphQLResolveInfo,
  kinds: readonly EntityKind[],
  itemPath: readonly string[] = [],
): ((found: readonly Entity[]) => Promise<Map<string, Entity>>) | null {
  const entityTrees = entityTreesOf(context);
  if (!entityTrees) return null;
  const readers = new Map<EntityKind, ReturnType<typeof readerOf>>();
  for (const kind of kinds) {
    const planned = planTrees(info, [kind], itemPath);
    if (planned) readers.set(kind, readerOf(entityTrees, planned));
  }
  if (readers.size === 0 || !promise(context, readers.size)) return null;
  return async (found) => {
    const keysByKind = new Map<EntityKind, string[]>();
    for (const { kind, key } of found) {
      if (!readers.has(kind)) continue;
      const keys = keysByKind.get(kind);
      if (keys) keys.push(key);
      else keysByKind.set(kind, [key]);
    }
    const reads = [...keysByKind].map(([kind, keys]) => readers.get(kind)!({ keys }));
    const read = new Map<string, Entity>();
    for (const { entities } of await Promise.all(reads)) for (const entity of entities) read.set(entity.key, entity);
    return read;
  };
}
