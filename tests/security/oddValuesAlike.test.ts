/**
 * Odd stored values read alike on both stores (each once answered differently, found by review):
 * 1. Names ordered by code point, as Neo4j orders what it stores: a name with a character above
 *    U+FFFF and one with a character in U+E000..U+FFFF (a full-width letter) keep one order in
 *    search and in the lists (compareStrings once compared UTF-16 code units).
 * 2. eventTypes: [""] keeps the events without a type (they show "" as their eventType) on Neo4j
 *    too, where `null IN [""]` kept none.
 * 3. A year before 1000 ("0999"): its days are written with four digits, so Neo4j's date() reads
 *    them (it answered INTERNAL_SERVER_ERROR) and the embedded store compares them as text in
 *    date order (an event of 0999 "reached" 2000).
 */
import { describe, expect, it } from 'vitest';
import type { CaseGraph, Entity } from '../../src/domain/model.js';
import { apiFor } from '../support/api.js';
import { bothStoresHolding, neo4jAvailable, rustCase } from '../support/stores.js';

function findingsGraph(): CaseGraph {
  const graph = rustCase();
  const person = graph.entities.find((e) => e.kind === 'PERSON')!;
  const event = graph.entities.find((e) => e.key === 'rust-set-incident')!;
  const people: Entity[] = [
    ['astral', '𝒜lpha'], // U+1D49C: a surrogate pair, D835 DC9C
    ['fullwidth', 'Ａlpha'], // U+FF21
    ['plain-alpha', 'alpha'],
  ].map(([key, name]) => ({ ...person, key: key!, name: name!, aliases: [], formerKeys: [] }));
  const events: Entity[] = [
    { ...event, key: 'ev-no-type', name: 'No type', eventType: null, date: '2021-10-21', aliases: [] },
    { ...event, key: 'ev-early', name: 'Early', eventType: 'incident', date: '0999', aliases: [] },
  ];
  return { ...graph, entities: [...graph.entities, ...people, ...events] };
}

describe.runIf(neo4jAvailable)('odd stored values, alike on both stores', () => {
  const stores = bothStoresHolding(findingsGraph);

  const both = async (query: string, variables?: Record<string, unknown>) => ({
    neo4j: await apiFor(stores.neo4j).query(query, variables),
    embedded: await apiFor(stores.embedded).query(query, variables),
  });

  it('orders names alike in search: 𝒜lpha (U+1D49C) and Ａlpha (U+FF21), both exact matches of "alpha"', async () => {
    const { neo4j: n, embedded: e } = await both(`{ search(text: "alpha") { entity { key } } }`);
    // by code point: plain-alpha, fullwidth, astral (by code unit, astral came before fullwidth)
    expect(n).toEqual(e);
  });

  it('orders the same names alike in the people list and in a name filter', async () => {
    const { neo4j: n, embedded: e } = await both(
      `{ people(first: 100) { edges { node { key } } } filtered: people(where: { nameContains: "lpha" }) { edges { node { key } } } }`,
    );
    expect(n.errors).toBeUndefined();
    expect(n).toEqual(e);
  });

  it('keeps the same events for eventTypes [""], with and without a period', async () => {
    for (const where of [{ eventTypes: [''] }, { eventTypes: [''], from: '2000' }]) {
      const { neo4j: n, embedded: e } = await both(`query($w: EventFilter) { timeline(where: $w) { key } }`, {
        w: where,
      });
      expect(n, JSON.stringify(where)).toEqual(e);
    }
  });

  it('answers a period before the year 1000 on Neo4j, and the same on both stores', async () => {
    const { neo4j: n, embedded: e } = await both(`{ timeline(where: { from: "0999" }) { key } }`);
    expect(n.errors).toBeUndefined();
    expect(n).toEqual(e);
  });

  it('does not count an event of 0999 as reaching 2000, on either store', async () => {
    const { neo4j: n, embedded: e } = await both(`{ timeline(where: { from: "2000" }) { key } }`);
    const keys = (r: typeof n) => (r.data as unknown as { timeline: { key: string }[] }).timeline.map((ev) => ev.key);
    expect(keys(n)).not.toContain('ev-early');
    expect(keys(e)).not.toContain('ev-early');
  });
});
