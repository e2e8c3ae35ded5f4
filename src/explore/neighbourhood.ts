/**
 * Exploring around entities, the same on every store: breadth-first over neighbour keys (one light
 * query per hop), then the chosen entities and the relationships among them in one go. A store
 * that can walk a whole neighbourhood in one query does (Neo4j's neighbourhoodOf, held to this walk
 * by tests/store/neighbourhood.test.ts). Results are deterministic, so the embedded store and Neo4j
 * give identical subgraphs and paths.
 */
import type { RelationshipType } from '../domain/kinds.js';
import type { Entity, Relationship } from '../domain/model.js';
import { compareStrings } from '../domain/ordering.js';
import type { GraphStore } from '../store/graphStore.js';

/** The bounds of an integer argument, with its default: one home for what the API and exports accept. */
export interface IntRange {
  name: string;
  default: number;
  min: number;
  max: number;
}

export const NEIGHBOURHOOD_DEPTH: IntRange = { name: 'depth', default: 1, min: 1, max: 3 };
export const NEIGHBOURHOOD_LIMIT: IntRange = { name: 'limit', default: 200, min: 1, max: 1000 };
export const PATH_LENGTH: IntRange = { name: 'maxLength', default: 6, min: 1, max: 10 };

/** What exploring reads: a store's neighbour keys and relationships among entities, and entities by key. */
export interface GraphReader {
  neighbourKeys(keys: string[], types: readonly RelationshipType[] | null): Promise<string[][]>;
  relationshipsAmong(keys: string[], types: readonly RelationshipType[] | null): Promise<Relationship[]>;
  /** In the order asked; keys that name nothing are left out. */
  entities(keys: string[]): Promise<Entity[]>;
  /** The whole walk below at once, where the store can. */
  neighbourhoodOf?: GraphStore['neighbourhoodOf'];
}

/** A GraphReader straight on a store (no per-request cache), for the exports. */
export const storeReader = (store: GraphStore): GraphReader => ({
  neighbourKeys: (keys, types) => store.neighbourKeys(keys, types),
  relationshipsAmong: (keys, types) => store.relationshipsAmong(keys, types),
  entities: async (keys) => (await store.entitiesByKeys(keys)).filter((entity): entity is Entity => entity !== null),
  neighbourhoodOf: store.neighbourhoodOf?.bind(store),
});

export interface Subgraph {
  /** The focus first, then by distance from it, then by key. */
  nodes: Entity[];
  /** Every relationship among the nodes (of the types asked), by key. */
  edges: Relationship[];
  truncated: boolean;
}

export async function neighbourhood(
  focus: Entity,
  depth: number,
  types: readonly RelationshipType[] | null,
  limit: number,
  reader: GraphReader,
): Promise<Subgraph> {
  const typesAsked = types && types.length > 0 ? types : null;
  // at once only when bounded as the API bounds it: an export's unbounded walk, which may reach
  // most of a large graph, stays hop by hop, its visited set in a Set rather than in a Cypher list
  if (reader.neighbourhoodOf && limit <= NEIGHBOURHOOD_LIMIT.max) {
    const read = await reader.neighbourhoodOf(focus.key, depth, typesAsked, limit);
    return { nodes: [focus, ...read.entities.slice(1)], edges: read.relationships, truncated: read.truncated };
  }
  const keys = [focus.key];
  const seen = new Set(keys);
  let frontier = [focus.key];
  let truncated = false;

  for (let hop = 1; hop <= depth && frontier.length > 0 && !truncated; hop++) {
    const lists = await reader.neighbourKeys(frontier, typesAsked);
    const candidates = [...new Set(lists.flat())].filter((key) => !seen.has(key)).sort(compareStrings);
    frontier = [];
    for (const key of candidates) {
      if (keys.length >= limit) {
        truncated = true;
        break;
      }
      keys.push(key);
      seen.add(key);
      frontier.push(key);
    }
  }

  const [others, edges] = await Promise.all([
    reader.entities(keys.slice(1)),
    reader.relationshipsAmong(keys, typesAsked),
  ]);
  return { nodes: [focus, ...others], edges, truncated };
}

export interface Path {
  nodes: Entity[];
  edges: Relationship[];
  length: number;
}

/**
 * A shortest path between two entities, following relationships either way, or null when none is
 * within maxLength. Among equally short paths: hop by hop from the start, the entity reached first
 * when the frontier and each entity's neighbours are taken in key order; between two neighbours
 * linked more than once, the relationship with the smallest key.
 */
export async function shortestPath(
  from: Entity,
  to: Entity,
  maxLength: number,
  reader: GraphReader,
): Promise<Path | null> {
  if (from.key === to.key) return { nodes: [from], edges: [], length: 0 };
  const previous = new Map<string, string>();
  const seen = new Set([from.key]);
  let frontier = [from.key];

  for (let length = 1; length <= maxLength && frontier.length > 0; length++) {
    const lists = await reader.neighbourKeys(frontier, null);
    const next: string[] = [];
    frontier.forEach((key, i) => {
      for (const neighbour of lists[i] ?? []) {
        if (seen.has(neighbour)) continue;
        seen.add(neighbour);
        previous.set(neighbour, key);
        next.push(neighbour);
      }
    });
    if (seen.has(to.key)) {
      const keys = [to.key];
      for (let key = previous.get(to.key); key !== undefined; key = previous.get(key)) keys.unshift(key);
      const [middle, among] = await Promise.all([
        reader.entities(keys.slice(1, -1)),
        reader.relationshipsAmong(keys, null),
      ]);
      const edges = keys.slice(1).map((key, i) => {
        const before = keys[i]!;
        return among.find((r) => (r.from === before && r.to === key) || (r.from === key && r.to === before))!;
      });
      return { nodes: [from, ...middle, to], edges, length: edges.length };
    }
    frontier = next.sort(compareStrings);
  }
  return null;
}
