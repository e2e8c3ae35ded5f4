/**
 * What an export holds: the whole graph, or a neighbourhood, as a graphology graph whose nodes
 * carry kind, name and key (events their date's period) and whose edges carry type, role and the
 * evidence quotes. The writers for each format start from here.
 */
import graphology from 'graphology';
import { ENTITY_KINDS } from '../domain/kinds.js';
import { quoteOf, type Entity, type Source } from '../domain/model.js';
import { parsePartialDate } from '../domain/partialDate.js';
import { neighbourhood, type GraphReader, type Subgraph } from '../explore/neighbourhood.js';
import { modalitiesOf } from '../domain/claims.js';
import type { GraphStore } from '../store/graphStore.js';

const { MultiDirectedGraph } = graphology;

export interface ExportNode {
  label: string;
  kind: string;
  name: string;
  key: string;
  /** Events with a date: the period it covers, ISO days, for timelines. */
  start?: string;
  end?: string;
  date?: string;
}

export interface ExportEdge {
  label: string;
  type: string;
  role: string;
  /** Every quote that states it, joined with " | ". */
  evidence: string;
  /** How its evidence asserts it, each way once, joined with " | " (e.g. "STATED | REPORTED"). */
  modalities: string;
  /** Who asserts each piece of evidence, in the order of `evidence` ("source" for the source itself). */
  assertedBy: string;
  /** The keys of the sources that state it, joined with " | ". */
  sources: string;
}

export type ExportGraph = InstanceType<typeof MultiDirectedGraph<ExportNode, ExportEdge>>;

/** Reads the whole graph: one pass per kind, then the relationships among everything. */
async function wholeGraph(store: GraphStore): Promise<Subgraph> {
  const nodes: Entity[] = [];
  const counts = await store.countByKind();
  for (const kind of ENTITY_KINDS) {
    nodes.push(...(await store.listEntities(kind, {}, { offset: 0, limit: counts[kind] })).items);
  }
  const edges = await store.relationshipsAmong(
    nodes.map((n) => n.key),
    null,
  );
  return { nodes, edges, truncated: false };
}

export interface ExportScope {
  /** The entity at the centre; the whole graph when absent. */
  focus?: Entity;
  depth?: number;
}

export async function gatherExport(store: GraphStore, reader: GraphReader, scope: ExportScope): Promise<ExportGraph> {
  const subgraph = scope.focus
    ? await neighbourhood(scope.focus, scope.depth ?? 1, null, Number.MAX_SAFE_INTEGER, reader)
    : await wholeGraph(store);
  const sources = new Map((await store.sources()).map((s): [string, Source] => [s.key, s]));

  const graph: ExportGraph = new MultiDirectedGraph<ExportNode, ExportEdge>();
  for (const entity of subgraph.nodes) {
    const date = entity.date ? parsePartialDate(entity.date) : null;
    graph.addNode(entity.key, {
      label: entity.name,
      kind: entity.kind,
      name: entity.name,
      key: entity.key,
      ...(date ? { start: date.earliest, end: date.latest, date: date.text } : {}),
    });
  }
  for (const r of subgraph.edges) {
    const quotes = r.evidence.map((e) => {
      const source = sources.get(e.sourceKey);
      return source ? quoteOf(e, source) : '';
    });
    graph.addDirectedEdgeWithKey(r.key, r.from, r.to, {
      label: r.type,
      type: r.type,
      role: r.role ?? '',
      evidence: quotes.join(' | '),
      modalities: modalitiesOf(r.evidence).join(' | '),
      assertedBy: r.evidence.map((e) => e.assertedBy ?? 'source').join(' | '),
      sources: [...new Set(r.evidence.map((e) => e.sourceKey))].join(' | '),
    });
  }
  return graph;
}
