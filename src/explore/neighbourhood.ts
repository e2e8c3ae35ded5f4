/**
 * Exploring around entities, the same on every store: breadth-first over the relationships a store
 * gives (in key order), one batched round trip per hop. Results are deterministic, so the embedded
 * store and Neo4j give identical subgraphs and paths.
 */
import type { RelationshipType } from '../domain/kinds.js';
import type { Entity, Relationship } from '../domain/model.js';
import { compareStrings } from '../domain/ordering.js';
import type { RelatedEntity } from '../store/graphStore.js';

/** Each key's relationships with the entity at the other end, in relationship-key order (a DataLoader's loadMany). */
export type RelatedOf = (keys: string[]) => Promise<RelatedEntity[][]>;

export interface Subgraph {
  /** The focus first, then by distance from it, then by key. */
  nodes: Entity[];
  /** Every relationship among the nodes (of the types asked), by key. */
  edges: Relationship[];
  truncated: boolean;
}

const typeFilter = (types: readonly RelationshipType[] | null) => (r: RelatedEntity) =>
  !types || types.length === 0 || types.includes(r.relationship.type);

export async function neighbourhood(
  focus: Entity,
  depth: number,
  types: readonly RelationshipType[] | null,
  limit: number,
  relatedOf: RelatedOf,
): Promise<Subgraph> {
  const fits = typeFilter(types);
  const nodes = new Map<string, Entity>([[focus.key, focus]]);
  const related = new Map<string, RelatedEntity[]>();
  let frontier = [focus.key];
  let truncated = false;

  for (let hop = 1; hop <= depth && frontier.length > 0 && !truncated; hop++) {
    const lists = await relatedOf(frontier);
    frontier.forEach((key, i) => related.set(key, (lists[i] ?? []).filter(fits)));
    const candidates = new Map<string, Entity>();
    for (const key of frontier) {
      for (const { entity } of related.get(key) ?? []) if (!nodes.has(entity.key)) candidates.set(entity.key, entity);
    }
    frontier = [];
    for (const key of [...candidates.keys()].sort(compareStrings)) {
      if (nodes.size >= limit) {
        truncated = true;
        break;
      }
      nodes.set(key, candidates.get(key)!);
      frontier.push(key);
    }
  }

  // The last hop's nodes may be linked among themselves: read their relationships too.
  const unread = [...nodes.keys()].filter((key) => !related.has(key));
  if (unread.length > 0) {
    const lists = await relatedOf(unread);
    unread.forEach((key, i) => related.set(key, (lists[i] ?? []).filter(fits)));
  }
  const edges = new Map<string, Relationship>();
  for (const list of related.values()) {
    for (const { relationship } of list) {
      if (nodes.has(relationship.from) && nodes.has(relationship.to)) edges.set(relationship.key, relationship);
    }
  }
  return {
    nodes: [...nodes.values()],
    edges: [...edges.values()].sort((a, b) => compareStrings(a.key, b.key)),
    truncated,
  };
}

export interface Path {
  nodes: Entity[];
  edges: Relationship[];
  length: number;
}

/**
 * A shortest path between two entities, following relationships either way, or null when none is
 * within maxLength. Among equally short paths: hop by hop from the start, the entity reached first
 * when the frontier is taken in key order and each entity's relationships in key order.
 */
export async function shortestPath(from: Entity, to: Entity, maxLength: number, relatedOf: RelatedOf): Promise<Path | null> {
  if (from.key === to.key) return { nodes: [from], edges: [], length: 0 };
  const reachedBy = new Map<string, { previous: string; relationship: Relationship; entity: Entity }>();
  const seen = new Set([from.key]);
  let frontier = [from.key];

  for (let length = 1; length <= maxLength && frontier.length > 0; length++) {
    const lists = await relatedOf(frontier);
    const next: string[] = [];
    frontier.forEach((key, i) => {
      for (const { relationship, entity } of lists[i] ?? []) {
        if (seen.has(entity.key)) continue;
        seen.add(entity.key);
        reachedBy.set(entity.key, { previous: key, relationship, entity });
        next.push(entity.key);
      }
    });
    if (seen.has(to.key)) {
      const nodes: Entity[] = [to];
      const edges: Relationship[] = [];
      for (let step = reachedBy.get(to.key); step; step = reachedBy.get(step.previous)) {
        edges.unshift(step.relationship);
        nodes.unshift(step.previous === from.key ? from : reachedBy.get(step.previous)!.entity);
      }
      return { nodes, edges, length: edges.length };
    }
    frontier = next.sort(compareStrings);
  }
  return null;
}
