/**
 * Inputs that used to reach a store unchecked and answer 500: a search text long enough to make
 * Lucene give up, a cursor far past any list, a cursor in another notation, and a list argument of
 * 30,000 IDs. Each is BAD_USER_INPUT with the documented maximum, on both stores.
 */
import { describe, expect, it } from 'vitest';
import { encodeGlobalID } from '../../src/graphql/globalIds.js';
import { apiOn } from '../support/api.js';
import { STORES } from '../support/stores.js';

const cursorOf = (text: string) => Buffer.from(text).toString('base64url');

for (const under of STORES) {
  describe.runIf(under.available)(`input limits on the ${under.name} store`, () => {
    const on = apiOn(under);
    const refusal = async (query: string, variables?: Record<string, unknown>) => {
      const result = await on.api.query(query, variables);
      expect(result.status).toBeLessThan(500);
      expect(result.data ?? null).toBeNull();
      return result.errors?.[0];
    };

    it('refuses a search text over 100 characters, and still answers one of 100', async () => {
      const SEARCH = 'query($text: String!) { search(text: $text) { entity { name } } }';
      expect(await refusal(SEARCH, { text: 'a'.repeat(315) })).toMatchObject({
        message: 'text may be at most 100 characters long, got 315',
        extensions: { code: 'BAD_USER_INPUT' },
      });
      const longest = await on.api.query<{ search: { entity: { name: string } }[] }>(SEARCH, {
        text: `baldwin ${'x'.repeat(92)}`,
      });
      expect(longest.errors).toBeUndefined();
      expect(longest.data!.search).toEqual([]);
      expect(
        (await refusal('{ people(where: { nameContains: "%s" }) { totalCount } }'.replace('%s', 'b'.repeat(101))))
          ?.extensions?.code,
      ).toBe('BAD_USER_INPUT');
    });

    it('refuses cursors that encodeCursor never writes: far offsets, hex, padding, signs', async () => {
      const PAGE = 'query($after: String) { people(first: 2, after: $after) { edges { node { name } } } }';
      for (const text of [
        'cursor:1000000000000',
        'cursor:0x10',
        'cursor:1e3',
        'cursor:-1',
        'cursor: 1',
        'cursor:01',
        'cursor:10000001',
      ]) {
        expect(await refusal(PAGE, { after: cursorOf(text) }), text).toMatchObject({
          extensions: { code: 'BAD_USER_INPUT' },
        });
      }
      expect(await refusal(PAGE, { after: `${cursorOf('cursor:1')}==` })).toMatchObject({
        extensions: { code: 'BAD_USER_INPUT' },
      });
      const events = 'query($after: String) { events(first: 1, after: $after) { totalCount } }';
      expect(await refusal(events, { after: cursorOf('cursor:1000000000000') })).toMatchObject({
        extensions: { code: 'BAD_USER_INPUT' },
      });
      // the furthest cursor allowed simply finds nothing there
      const far = await on.api.query<{ people: { edges: { node: { name: string } }[] } }>(PAGE, {
        after: cursorOf('cursor:9999999'),
      });
      expect(far.data?.people.edges).toEqual([]);
    });

    it('refuses nodes(ids:) with more than 100 IDs, literal or variable, and answers 100', async () => {
      const id = encodeGlobalID('Person', 'alec-baldwin');
      const NODES = 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }';
      expect(await refusal(NODES, { ids: Array(30_000).fill(id) })).toMatchObject({
        message: 'ids may hold at most 100 items, got 30000',
        extensions: { code: 'BAD_USER_INPUT' },
      });
      const hundred = await on.api.query<{ nodes: { id: string }[] }>(NODES, { ids: Array(100).fill(id) });
      expect(hundred.data?.nodes).toHaveLength(100);
      const literal = `{ nodes(ids: [${Array(101).fill(`"${id}"`).join(',')}]) { id } }`;
      expect((await refusal(literal))?.extensions?.code).toBe('BAD_USER_INPUT');
      const keys = `{ people(where: { keys: [${Array(101).fill('"k"').join(',')}] }) { totalCount } }`;
      expect((await refusal(keys))?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });
}
