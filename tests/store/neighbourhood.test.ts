/**
 * Neo4j reads a neighbourhood in one query (neighbourhoodOf); it must be exactly the walk of
 * explore/neighbourhood.ts, hop by hop over neighbour keys, that the embedded store answers: the
 * same entities in the same order, the same edges, the same truncation. Checked around hubs and
 * quiet entities of a synthetic case with a heavy tail, at every depth, with limits that cut a hop
 * short and with type filters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticCase } from '../../scripts/bench/synthetic.js';
import type { RelationshipType } from '../../src/domain/kinds.js';
import type { CaseGraph, Entity } from '../../src/domain/model.js';
import { type GraphReader, neighbourhood, storeReader, type Subgraph } from '../../src/explore/neighbourhood.js';
import type { GraphStore } from '../../src/store/graphStore.js';
import { rustCase, STORES } from '../support/stores.js';

const neo4jStore = STORES.find((s) => s.name === 'neo4j')!;
const embeddedStore = STORES.find((s) => s.name === 'embedded')!;

/** What a subgraph shows, compared whole: keys in order, edges with their ends and evidence. */
const shown = (subgraph: Subgraph) => ({
  nodes: subgraph.nodes,
  edges: subgraph.edges,
  truncated: subgraph.truncated,
});

/** Entities to centre on: the most linked, the least, and some between. */
function foci(graph: CaseGraph): Entity[] {
  const degree = new Map<string, number>();
  for (const r of graph.relationships) for (const k of [r.from, r.to]) degree.set(k, (degree.get(k) ?? 0) + 1);
  const byDegree = [...graph.entities].sort((a, b) => (degree.get(b.key) ?? 0) - (degree.get(a.key) ?? 0));
  const at = (fraction: number) => byDegree[Math.floor((byDegree.length - 1) * fraction)]!;
  return [at(0), at(0.01), at(0.1), at(0.5), at(0.9), at(1)];
}

const CASES: { depth: number; limit: number; types: RelationshipType[] | null }[] = [
  { depth: 1, limit: 200, types: null },
  { depth: 2, limit: 200, types: null },
  { depth: 3, limit: 1000, types: null },
  { depth: 2, limit: 1, types: null },
  { depth: 2, limit: 7, types: null },
  { depth: 3, limit: 60, types: null },
  { depth: 2, limit: 200, types: ['WORKED_ON', 'PARTICIPATED_IN'] },
  { depth: 3, limit: Number.MAX_SAFE_INTEGER, types: ['REPRESENTS'] },
];

describe.skipIf(!neo4jStore.available)('a neighbourhood read in one query on Neo4j', () => {
  for (const [name, graph] of [
    ['the case files', rustCase()],
    ['a synthetic case of 1,000 entities', syntheticCase(1000)],
  ] as const) {
    describe(name, () => {
      let neo4j: GraphStore;
      let embedded: GraphStore;
      beforeAll(async () => {
        neo4j = await neo4jStore.open(graph);
        embedded = await embeddedStore.open(graph);
      });
      afterAll(async () => {
        await neo4j.close();
        await embedded.close();
      });

      it('gives exactly the hop-by-hop walk, around hubs and quiet entities, cut short or not', async () => {
        const oneQuery = storeReader(neo4j);
        expect(oneQuery.neighbourhoodOf).toBeDefined();
        const walk: GraphReader = { ...storeReader(neo4j), neighbourhoodOf: undefined };
        const reference = storeReader(embedded);
        let truncatedSome = false;
        for (const focus of foci(graph)) {
          for (const { depth, limit, types } of CASES) {
            const [fast, slow, memory] = await Promise.all([
              neighbourhood(focus, depth, types, limit, oneQuery),
              neighbourhood(focus, depth, types, limit, walk),
              neighbourhood(focus, depth, types, limit, reference),
            ]);
            const where = `${focus.key}, depth ${depth}, limit ${limit}, types ${types}`;
            expect(shown(fast), where).toEqual(shown(slow));
            expect(shown(fast), where).toEqual(shown(memory));
            truncatedSome ||= fast.truncated;
          }
        }
        // the limits above do cut some walks short
        expect(truncatedSome).toBe(true);
      });
    });
  }
});
