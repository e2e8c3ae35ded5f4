/** API answers as the drawing wants them: nodes, and edges labelled in words (labels.ts). */
import { relationshipLabel } from '@case-graph/domain/labels.js';
import type { RelationshipType } from '@case-graph/domain/kinds.js';
import type { ViewEdge, ViewNode } from './graphTypes.js';
import type { EntitySummary, Found } from './queries.js';

/** An event's period, for the date filter; null for other kinds and for undated events. */
export type Period = { earliest: string; latest: string } | null;

export const periodOf = (entity: EntitySummary): Period =>
  'date' in entity && entity.date ? { earliest: entity.date.earliest, latest: entity.date.latest } : null;

const toViewNode = ({ id, key, kind, name }: EntitySummary): ViewNode => ({ id, key, kind, name });

type AnyRelationship = Found['edges'][number];

const toViewEdge = (r: AnyRelationship): ViewEdge => ({
  id: r.id,
  type: r.type,
  role: r.role,
  from: r.from.id,
  to: r.to.id,
  label: relationshipLabel(r.type as RelationshipType, r.role),
  modalities: [...r.modalities],
});

/** The nodes of `found` (its own first, then the ends of its edges) and its edges, each once. */
export function toView(found: Found): { nodes: ViewNode[]; edges: ViewEdge[]; entities: EntitySummary[] } {
  const entities = new Map<string, EntitySummary>();
  const ends = found.edges.flatMap((e) => [e.from, e.to]).filter((end): end is EntitySummary => 'name' in end);
  for (const n of [...found.nodes, ...ends]) {
    if (!entities.has(n.id)) entities.set(n.id, n);
  }
  const edges = new Map(found.edges.map((e) => [e.id, toViewEdge(e)]));
  return {
    nodes: [...entities.values()].map(toViewNode),
    edges: [...edges.values()],
    entities: [...entities.values()],
  };
}
