/** A nested query of depth d costs at most d + 1 store round trips, whatever the list sizes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../src/store/graphStore.js';
import { apiFor, WHOLE_GRAPH_QUERIES, type Edges } from '../support/api.js';
import { countingStore } from '../support/countingStore.js';
import { STORES } from '../support/stores.js';

/** Depth 4: people -> participations/event -> participants/participant -> credits/production. */
const DEPTH_FOUR = `{
  people(first: 100) { edges { node {                                  # 1
    name
    participations { role evidence { quote } event {                   # 2
      name
      participants { role participant {                                # 3
        name
        ... on Person { credits { role production { name } } }          # 4
      } }
    } }
  } } }
}`;

/** Depth 4 through other fields: events -> participants -> relationships -> from/to. */
const ANOTHER_DEPTH_FOUR = `{
  events(first: 100) { edges { node {                                  # 1
    name location { name } production { name }
    causes { name consequences { name } }                              # 2, 3
    participants { participant {                                       # 2
      relationshipCounts { type count }                                # 3
      relationships(first: 100) { edges { node { from { name } to { name } } } }  # 3, 4
    } }
  } } }
}`;

/** What the tests read of DEPTH_FOUR: every participant of every event each person took part in. */
interface DepthFour {
  people: Edges<{ participations: { event: { participants: { role: string; participant: { name: string } }[] } }[] }>;
}

for (const under of STORES) {
  describe.runIf(under.available)(`batching (${under.name} store)`, () => {
    let inner: GraphStore;
    let counter: ReturnType<typeof countingStore>;
    let api: ReturnType<typeof apiFor>;
    beforeAll(async () => {
      inner = await under.open();
      counter = countingStore(inner);
      api = apiFor(counter.store, WHOLE_GRAPH_QUERIES);
    });
    afterAll(async () => {
      await inner?.close();
    });

    it('answers a depth-4 query over every person in at most 5 round trips', async () => {
      counter.reset();
      const { people } = await api.data<DepthFour>(DEPTH_FOUR);
      expect(people.edges).toHaveLength(5);
      const participants = people.edges.flatMap((p) => p.node.participations.flatMap((x) => x.event.participants));
      expect(participants.length).toBeGreaterThan(20);
      expect(counter.calls.length, counter.calls.join(', ')).toBeLessThanOrEqual(5);
    });

    it('answers another depth-4 query over every event in at most 5 round trips', async () => {
      counter.reset();
      const { events } = await api.data<{ events: Edges<{ name: string }> }>(ANOTHER_DEPTH_FOUR);
      expect(events.edges).toHaveLength(7);
      expect(counter.calls.length, counter.calls.join(', ')).toBeLessThanOrEqual(5);
    });

    it('makes one round trip for a flat list, however long', async () => {
      counter.reset();
      await api.data(`{ people(first: 100) { totalCount edges { node { name aliases kind } } } }`);
      expect(counter.calls).toEqual(['listEntities']);
    });
  });
}
