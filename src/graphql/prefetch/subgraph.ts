/**
 * What a neighbourhood query reads of its nodes and edges (issue 11: read only what is asked). The
 * Neo4j store walks a neighbourhood in one query; told this, it returns only these entity
 * properties, and a relationship's role and evidence only when selected. At 100,000 entities a
 * depth-2 neighbourhood of 200 entities selecting names and ends came back as 27 kB instead of 69.
 *
 * The planner's rules hold (plan.ts): a field it does not know, an entity field that leads further
 * (relationships, credits, ...) or a step selected under two names, and it declines (null): the
 * walk then reads whole entities, as before. The entities are then partial, so they never go to the
 * loaders; the edges' ends are answered from them instead, by response key (prefetched.ts).
 */
import { type GraphQLResolveInfo, getNamedType, isObjectType } from 'graphql';
import { ENTITY_KINDS } from '../../domain/kinds.js';
import type { Entity, Relationship } from '../../domain/model.js';
import type { TreeEntityProperty } from '../../store/entityTrees.js';
import type { NeighbourhoodSelection } from '../../store/graphStore.js';
import { Decline, Planner, type PlannedTree } from './plan.js';
import { withAnswers } from './prefetched.js';

export interface PlannedSubgraph {
  selection: NeighbourhoodSelection;
  /** The fields of an edge that lead to an end, by response key. */
  ends: { responseKey: string; end: 'from' | 'to' }[];
}

/** The plan of a field returning a Subgraph (its `nodes` and `edges`), or null when the planner declines. */
export function plannedSubgraph(info: GraphQLResolveInfo): PlannedSubgraph | null {
  const subgraph = getNamedType(info.returnType);
  if (!isObjectType(subgraph)) return null;
  const planner = new Planner(info);
  const properties = new Set<TreeEntityProperty>();
  const read = (tree: PlannedTree) => {
    if (tree.plan.related.length > 0) throw new Decline('an entity of the subgraph leads further');
    for (const property of tree.plan.properties) properties.add(property);
  };
  let role = false;
  let evidence = false;
  const ends: PlannedSubgraph['ends'] = [];
  try {
    const nodes = planner.reach([...info.fieldNodes], subgraph, ['nodes']);
    if (nodes) read(planner.entity(nodes, ENTITY_KINDS, 1));
    const edges = planner.reach([...info.fieldNodes], subgraph, ['edges']);
    const edgeType = getNamedType(subgraph.getFields().edges?.type);
    if (edges && isObjectType(edgeType)) {
      const fields = planner.relationshipFields(edgeType, edges);
      ({ role, evidence } = fields);
      for (const { responseKey, end, kinds, nodes: endNodes } of fields.ends) {
        read(planner.entity(endNodes, kinds, 1));
        ends.push({ responseKey, end });
      }
    }
  } catch (error) {
    if (error instanceof Decline) return null;
    throw error;
  }
  return { selection: { entity: [...properties], role, evidence }, ends };
}

/** The edges, each carrying its ends (among `entities`, as read for the plan) under the plan's response keys. */
export function withPlannedEnds(
  edges: readonly Relationship[],
  entities: readonly Entity[],
  plan: PlannedSubgraph,
): Relationship[] {
  if (plan.ends.length === 0) return [...edges];
  const byKey = new Map(entities.map((entity) => [entity.key, entity]));
  return edges.map((edge) => {
    const answers = new Map<string, unknown>();
    for (const { responseKey, end } of plan.ends) {
      // every edge of a neighbourhood joins two of its entities; were one missing, the loaders answer
      const entity = byKey.get(edge[end]);
      if (entity) answers.set(responseKey, entity);
    }
    return withAnswers(edge, answers);
  });
}
