/** The embedded store's answer to mostConnected: every entity ranked by its number of relationships. */
import { RELATIONSHIP_TYPES } from '../../domain/kinds.js';
import type { CaseGraph } from '../../domain/model.js';
import { compareEntities } from '../../domain/ordering.js';
import type { ConnectedEntity } from '../graphStore.js';

const DOMAIN_TYPES = new Set<string>(RELATIONSHIP_TYPES);

/**
 * Most relationships first, ties by name, then key: the order Neo4j's most-connected.cypher gives.
 * A relationship counts once at each end it touches, so once in all for one to the entity itself,
 * as Neo4j counts it.
 */
export function rankByDegree(graph: CaseGraph): ConnectedEntity[] {
  const degree = new Map<string, number>(graph.entities.map((e) => [e.key, 0]));
  for (const r of graph.relationships) {
    if (!DOMAIN_TYPES.has(r.type)) continue;
    degree.set(r.from, (degree.get(r.from) ?? 0) + 1);
    if (r.to !== r.from) degree.set(r.to, (degree.get(r.to) ?? 0) + 1);
  }
  return graph.entities
    .map((entity) => ({ entity, degree: degree.get(entity.key) ?? 0 }))
    .sort((a, b) => b.degree - a.degree || compareEntities(a.entity, b.entity));
}
