/** The export formats: GEXF for Gephi, GraphML, and Cytoscape.js JSON. */
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import gexf from 'graphology-gexf';
import { create } from 'xmlbuilder2';
import type { EntityKind } from '../domain/kinds.js';
import { KIND_STYLE } from '../domain/kindStyle.js';
import type { ExportEdge, ExportGraph, ExportNode } from './exportGraph.js';

export interface ExportFormat {
  extension: string;
  contentType: string;
  write(graph: ExportGraph): string;
}

const colourOfKind = (kind: string) => KIND_STYLE[kind as EntityKind]?.colour ?? '#888888';

const nodeAttributes = (a: ExportNode) => ({
  kind: a.kind,
  name: a.name,
  key: a.key,
  ...(a.date ? { date: a.date } : {}),
});
const edgeAttributes = (a: ExportEdge) => ({
  type: a.type,
  role: a.role,
  evidence: a.evidence,
  modalities: a.modalities,
  assertedBy: a.assertedBy,
  sources: a.sources,
});

/**
 * GEXF 1.3 from graphology's writer, then made dynamic: events get start and end (the period their
 * date covers) on the node, which is what Gephi's timeline reads. The writer has no option for
 * that, so its output is amended through an XML DOM, never by splicing strings.
 */
function writeGexf(graph: ExportGraph): string {
  const written = gexf.write(graph, {
    version: '1.3',
    formatNode: (_key: string, a: ExportNode) => ({
      label: a.label,
      attributes: nodeAttributes(a),
      viz: { color: colourOfKind(a.kind) },
    }),
    formatEdge: (_key: string, a: ExportEdge) => ({ label: a.label, attributes: edgeAttributes(a) }),
  });
  const document = new DOMParser().parseFromString(written, 'application/xml');
  const graphElement = document.getElementsByTagName('graph')[0];
  graphElement?.setAttribute('mode', 'dynamic');
  graphElement?.setAttribute('timeformat', 'date');
  const nodes = document.getElementsByTagName('node');
  for (let i = 0; i < nodes.length; i++) {
    const element = nodes[i]!;
    const attributes = graph.getNodeAttributes(element.getAttribute('id') ?? '');
    if (attributes?.start && attributes.end) {
      element.setAttribute('start', attributes.start);
      element.setAttribute('end', attributes.end);
    }
  }
  return new XMLSerializer().serializeToString(document);
}

/** GraphML with typed keys for every node and edge attribute. */
function writeGraphml(graph: ExportGraph): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('graphml', {
    xmlns: 'http://graphml.graphdrawing.org/xmlns',
  });
  const nodeKeys = ['label', 'kind', 'name', 'key', 'date', 'start', 'end'] as const;
  const edgeKeys = ['label', 'type', 'role', 'evidence', 'modalities', 'assertedBy', 'sources'] as const;
  for (const k of nodeKeys) root.ele('key', { id: `n_${k}`, for: 'node', 'attr.name': k, 'attr.type': 'string' });
  for (const k of edgeKeys) root.ele('key', { id: `e_${k}`, for: 'edge', 'attr.name': k, 'attr.type': 'string' });
  const g = root.ele('graph', { id: 'case-graph', edgedefault: 'directed' });
  graph.forEachNode((key, a) => {
    const node = g.ele('node', { id: key });
    for (const k of nodeKeys) if (a[k] !== undefined) node.ele('data', { key: `n_${k}` }).txt(String(a[k]));
  });
  graph.forEachEdge((key, a, source, target) => {
    const edge = g.ele('edge', { id: key, source, target });
    for (const k of edgeKeys) edge.ele('data', { key: `e_${k}` }).txt(a[k]);
  });
  return root.end({ prettyPrint: true });
}

/** Cytoscape.js elements JSON: load it with cy.add(json.elements) or cytoscape({ elements }). */
function writeCytoscape(graph: ExportGraph): string {
  const nodes = graph.mapNodes((key, a) => ({ data: { id: key, ...a, colour: colourOfKind(a.kind) } }));
  const edges = graph.mapEdges((key, a, source, target) => ({ data: { id: key, source, target, ...a } }));
  return JSON.stringify({ elements: { nodes, edges } }, null, 2);
}

const EXPORT_FORMATS: Record<string, ExportFormat> = {
  gexf: { extension: 'gexf', contentType: 'application/gexf+xml; charset=utf-8', write: writeGexf },
  graphml: { extension: 'graphml', contentType: 'application/graphml+xml; charset=utf-8', write: writeGraphml },
  cyjs: { extension: 'cyjs', contentType: 'application/json; charset=utf-8', write: writeCytoscape },
};

/**
 * The format with this name, or undefined. Own properties only: a plain object also answers to
 * "constructor", "__proto__" or "toString", which are not formats.
 */
export function exportFormatNamed(name: string): ExportFormat | undefined {
  return Object.hasOwn(EXPORT_FORMATS, name) ? EXPORT_FORMATS[name] : undefined;
}
