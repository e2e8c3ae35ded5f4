/** The synthetic case holds to the rules of a real one, so scale runs measure a legitimate graph. */
import { describe, expect, it } from 'vitest';
import { syntheticCase } from '../../scripts/bench/synthetic.js';
import { fitsEndpoints } from '../../src/domain/kinds.js';
import { quoteOf } from '../../src/domain/model.js';
import { MemoryStore } from '../../src/store/memory/memoryStore.js';

describe('the synthetic case', () => {
  const graph = syntheticCase(2000);
  const entity = new Map(graph.entities.map((e) => [e.key, e]));
  const source = new Map(graph.sources.map((s) => [s.key, s]));

  it('has the size asked for, unique keys, and the kinds in a realistic mix', () => {
    expect(graph.entities).toHaveLength(2000);
    expect(entity.size).toBe(2000);
    expect(new Set(graph.relationships.map((r) => r.key)).size).toBe(graph.relationships.length);
    expect(graph.entities.filter((e) => e.kind === 'PERSON').length).toBe(900);
  });

  it('evidences every entity and relationship with the words of a source, of types that fit', () => {
    for (const e of graph.entities) expect(quoteOf(e.mentions[0]!, source.get(e.mentions[0]!.sourceKey)!)).toBe(e.name);
    for (const r of graph.relationships) {
      const from = entity.get(r.from)!;
      const to = entity.get(r.to)!;
      expect(fitsEndpoints(r.type, from.kind, to.kind), r.key).toBe(true);
      expect(quoteOf(r.evidence[0]!, source.get(r.evidence[0]!.sourceKey)!)).toBe(
        `${from.name} ${r.type.toLowerCase().replaceAll('_', ' ')} ${to.name}`,
      );
    }
  });

  it('spreads degrees with a heavy tail: most entities have few links, a few have many', async () => {
    const store = new MemoryStore(graph);
    const degrees = (await store.relationshipsOf(graph.entities.map((e) => e.key)))
      .map((l) => l.length)
      .sort((a, b) => a - b);
    expect(degrees[Math.floor(degrees.length / 2)]).toBeLessThanOrEqual(6);
    expect(degrees.at(-1)).toBeGreaterThan(40);
    expect(syntheticCase(2000)).toEqual(graph);
  });
});
