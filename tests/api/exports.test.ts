/** Exports for Gephi, yEd and Cytoscape: parsed back with graphology's own parsers, every node and edge found. */
import graphology from 'graphology';
import gexf from 'graphology-gexf';
import graphml from 'graphology-graphml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../src/store/graphStore.js';
import { apiFor } from '../support/api.js';
import { STORES, rustCase } from '../support/stores.js';

const { MultiDirectedGraph } = graphology;
const BALDWIN = Buffer.from('Person:alec-baldwin').toString('base64');

/** The parts of a Cytoscape.js elements JSON the tests read: node IDs, edge ends and quotes (joined with " | "). */
interface CytoscapeElements {
  elements: {
    nodes: { data: { id: string } }[];
    edges: { data: { source: string; target: string; evidence: string } }[];
  };
}

for (const under of STORES) {
  describe.runIf(under.available)(`exports (${under.name} store)`, () => {
    let store: GraphStore;
    let fetchExport: (path: string) => Promise<Response>;
    const expected = rustCase();
    beforeAll(async () => {
      store = await under.open();
      const { yoga } = apiFor(store);
      fetchExport = async (path) => yoga.fetch(`http://test${path}`);
    });
    afterAll(async () => {
      await store?.close();
    });

    it("GEXF: every node and edge, events with their period for Gephi's timeline", async () => {
      const response = await fetchExport('/export/graph.gexf');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/gexf+xml; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="case-graph.gexf"');
      const text = await response.text();
      const graph = gexf.parse(MultiDirectedGraph, text);
      expect(graph.order).toBe(expected.entities.length);
      expect(graph.size).toBe(expected.relationships.length);
      for (const e of expected.entities)
        expect(graph.getNodeAttributes(e.key)).toMatchObject({ kind: e.kind, name: e.name, key: e.key });
      for (const r of expected.relationships) {
        expect(graph.hasEdge(r.key), r.key).toBe(true);
        expect(graph.source(r.key)).toBe(r.from);
        expect(graph.target(r.key)).toBe(r.to);
        expect(graph.getEdgeAttributes(r.key)).toMatchObject({ type: r.type });
      }
      expect(graph.getEdgeAttributes('joel-souza--participated-in--rust-set-incident')).toMatchObject({
        role: 'injured',
        evidence: 'left Souza injured',
      });
      expect(text).toContain('mode="dynamic"');
      expect(text).toMatch(/<node id="rust-set-incident"[^>]* start="2021-11-01" end="2021-11-30"/);
    });

    it('GraphML: every node and edge with kind, name, key, type, role and quotes', async () => {
      const response = await fetchExport('/export/graph.graphml');
      expect(response.headers.get('content-type')).toBe('application/graphml+xml; charset=utf-8');
      const graph = graphml.parse(MultiDirectedGraph, await response.text());
      expect(graph.order).toBe(expected.entities.length);
      expect(graph.size).toBe(expected.relationships.length);
      expect(graph.getNodeAttributes('galina-hutchins')).toMatchObject({
        kind: 'PERSON',
        name: 'Galina Hutchins',
        key: 'galina-hutchins',
      });
      expect(graph.getNodeAttributes('rust-set-incident')).toMatchObject({
        date: '2021-11',
        start: '2021-11-01',
        end: '2021-11-30',
      });
      expect(graph.getEdgeAttributes('lewten-nikas--represents--alec-baldwin')).toMatchObject({
        type: 'REPRESENTS',
        role: 'legal counsel',
        evidence: 'Lewten Nikas and Alex Spiro, who represent Baldwin',
      });
    });

    it('Cytoscape.js JSON of a neighbourhood, with a filename that says so', async () => {
      const response = await fetchExport(`/export/graph.cyjs?focus=${encodeURIComponent(BALDWIN)}&depth=1`);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe(
        'attachment; filename="neighbourhood-alec-baldwin-depth-1.cyjs"',
      );
      const { elements } = (await response.json()) as CytoscapeElements;
      expect(elements.nodes).toHaveLength(8);
      expect(elements.nodes.map((n) => n.data.id)).toEqual(
        expect.arrayContaining(['alec-baldwin', 'lewten-nikas', 'alex-spiro']),
      );
      const ids = new Set(elements.nodes.map((n) => n.data.id));
      for (const edge of elements.edges) {
        expect(ids.has(edge.data.source) && ids.has(edge.data.target)).toBe(true);
        expect(edge.data.evidence.length).toBeGreaterThan(0);
      }
    });

    it('answers a bad request with a code, not a 500', async () => {
      expect((await fetchExport('/export/graph.pdf')).status).toBe(404);
      const bad = await fetchExport('/export/graph.gexf?focus=garbage');
      expect(bad.status).toBe(400);
      expect(await bad.json()).toEqual({ error: { code: 'BAD_USER_INPUT', message: '"garbage" is not a valid ID' } });
      expect((await fetchExport(`/export/graph.gexf?focus=${BALDWIN}&depth=9`)).status).toBe(400);
      const nobody = Buffer.from('Person:nobody').toString('base64');
      expect((await fetchExport(`/export/graph.graphml?focus=${nobody}`)).status).toBe(404);
    });
  });
}
