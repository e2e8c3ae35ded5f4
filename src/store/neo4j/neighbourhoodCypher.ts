/**
 * A whole neighbourhood as ONE Cypher query: the breadth-first walk of explore/neighbourhood.ts
 * (each hop's new neighbours by key, kept while there is room under the limit), then the chosen
 * entities and the relationships among them. The walk done hop by hop from Node took a round trip
 * per hop and two more for the entities and the edges; this is one.
 *
 * Only the number of hops shapes the text, so Neo4j plans each depth once; everything a request
 * chooses (the focus, the types, the limit) is a parameter.
 */
import { RELATIONSHIP_PROPERTIES } from './mapping.js';

/**
 * A relationship property read only when `$evidence` (or, for its role, `$role`) says so; the others
 * are null, which the mapping reads as none. The key is always read.
 */
const relationshipProperty = (p: (typeof RELATIONSHIP_PROPERTIES)[number]) =>
  p === 'key' ? 'r.key' : `CASE WHEN ${p === 'role' ? '$role' : '$evidence'} THEN r.${p} END`;

/** A bound on the text's size, well above the depths the API allows (explore/neighbourhood.ts). */
const MAX_HOPS = 10;

/**
 * One hop: the entities linked to the frontier by $types that are not chosen yet, by key
 * (Neo4j orders strings by UTF-16 code units, as compareStrings does), then as many as there is
 * room for. A hop after a truncated one finds nothing, as the walk stops there.
 */
const HOP = `CALL {
  WITH chosen, frontier, truncated
  UNWIND CASE WHEN truncated THEN [] ELSE frontier END AS x
  MATCH (x)-[r]-(m:Entity)
  WHERE type(r) IN $types AND NOT m IN chosen
  WITH DISTINCT m ORDER BY m.key
  RETURN collect(m) AS candidates
}
WITH chosen, truncated, candidates, $limit - size(chosen) AS room
WITH chosen + candidates[0..room] AS chosen, candidates[0..room] AS frontier, truncated OR size(candidates) > room AS truncated`;

const queries = new Map<number, string>();

/**
 * The query for `depth` hops: one row with `truncated`, `entities` (focus first, then by hop, then
 * key; their `$properties`) and `relationships` (their role when `$role`, their evidence when
 * `$evidence`).
 */
export function neighbourhoodQuery(depth: number): string {
  if (!Number.isInteger(depth) || depth < 1 || depth > MAX_HOPS)
    throw new RangeError(`not a neighbourhood depth: ${depth}`);
  let query = queries.get(depth);
  if (!query) {
    query = `MATCH (focus:Entity {key: $focus})
WITH [focus] AS chosen, [focus] AS frontier, false AS truncated
${Array.from({ length: depth }, () => HOP).join('\n')}
CALL {
  WITH chosen
  UNWIND chosen AS a
  MATCH (a)-[r]->(b)
  WHERE b IN chosen AND type(r) IN $types
  RETURN collect([${RELATIONSHIP_PROPERTIES.map(relationshipProperty).join(', ')}, type(r), a.key, b.key]) AS relationships
}
// $properties of each entity, as a list (entityProperties, mapping.ts): only what the query reads
RETURN truncated, [n IN chosen | [p IN $properties | n[p]]] AS entities, relationships`;
    queries.set(depth, query);
  }
  return query;
}
