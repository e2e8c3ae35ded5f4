/**
 * Events of a period (the timeline and period-filtered event pages) are the same on both stores:
 * Neo4j reads them with list-events-period.cypher when the period and the event types are the only
 * filters, so every boundary of years, months and days that partial dates meet is asked here, with
 * and without types, in both orders, whole and a page at a time, and held to the embedded store's
 * answer. The general query (an entity involved as well) is compared on the same periods.
 */
import { describe, expect, it } from 'vitest';
import { syntheticCase } from '../../scripts/bench/synthetic.js';
import type { EventFilter, OrderDirection } from '../../src/domain/filters.js';
import type { GraphStore, Page } from '../../src/store/graphStore.js';
import { bothStoresHolding, neo4jAvailable } from '../support/stores.js';

const graph = syntheticCase(400);

/** Days where partial dates begin or end, and days inside them, over the synthetic years 2000 to 2024. */
function periods(): [string | null, string | null][] {
  const days = ['1999-12-31', '2000-01-01', '2003-02-28', '2003-03-01', '2003-03-31', '2011-06-15'];
  days.push('2011-12-31', '2012-01-01', '2018-07-04', '2024-12-31', '2025-01-01');
  const pairs: [string | null, string | null][] = [];
  for (const from of [null, ...days])
    for (const to of [null, ...days]) if (from !== null || to !== null) pairs.push([from, to]);
  for (let year = 2000; year <= 2024; year += 3) {
    const month = String(1 + (year % 12)).padStart(2, '0');
    pairs.push([`${year}-01-01`, `${year}-12-31`], [`${year}-${month}-01`, `${year}-${month}-28`]);
    pairs.push([`${year}-${month}-${month}`, `${year}-${month}-${month}`]);
  }
  return pairs;
}

describe.runIf(neo4jAvailable)('events of a period, on both stores', () => {
  const stores = bothStoresHolding(() => graph);

  const answer = async (store: GraphStore, filter: EventFilter, order: OrderDirection, page: Page | null) => {
    const { items, totalCount } = await store.listEvents(filter, order, page);
    return `${totalCount}: ${items.map((event) => `${event.key}@${event.date}`).join(' ')}`;
  };

  it('gives the same events, order and count for every period, type filter, order and page', async () => {
    const types = [...new Set(graph.entities.flatMap((e) => (e.kind === 'EVENT' && e.eventType ? [e.eventType] : [])))];
    const hub = graph.entities.find((e) => e.kind === 'PERSON')!.key;
    const differences: string[] = [];
    let matched = 0;
    const compare = async (filter: EventFilter, order: OrderDirection, page: Page | null) => {
      const [expected, actual] = [
        await answer(stores.embedded, filter, order, page),
        await answer(stores.neo4j, filter, order, page),
      ];
      if (!expected.startsWith('0:')) matched += 1;
      if (actual !== expected)
        differences.push(`${JSON.stringify({ filter, order, page })}: embedded ${expected}; neo4j ${actual}`);
    };
    for (const [from, to] of periods()) {
      // the period alone in both orders, whole and by pages; with the other filters, once
      for (const order of ['ASC', 'DESC'] as const)
        for (const page of [null, { offset: 0, limit: 5 }, { offset: 3, limit: 4 }])
          await compare({ from, to }, order, page);
      await compare({ from, to, eventTypes: types.slice(0, 2) }, 'DESC', { offset: 1, limit: 3 });
      await compare({ from, to, eventTypes: [] }, 'ASC', null);
      await compare({ from, to, involving: hub }, 'ASC', null);
    }
    expect(differences.slice(0, 5)).toEqual([]);
    // most of the questions found events, so the comparison is not of empty answers
    expect(matched).toBeGreaterThan(500);
  }, 180_000);
});
