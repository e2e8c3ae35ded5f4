/**
 * Thousands of random requests, reproducible from FUZZ_SEED: never a 5xx, never a stack or an
 * internal message, never even a masked "Unexpected error" (each would be a bug), and the server
 * still answers afterwards. On both stores.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../src/graphql/schema.js';
import type { GraphStore } from '../../src/store/graphStore.js';
import { apiFor } from '../support/api.js';
import { STORES } from '../support/stores.js';
import { randomRequest, randomSource } from './generate.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const COUNT: Record<string, number> = { embedded: 3000, neo4j: 600 };
const INTERNALS = /\bat .+:\d+:\d+|node_modules|Neo4jError|neo4j-driver|TypeError|ReferenceError|Cannot read prop/;

for (const under of STORES) {
  describe.runIf(under.available)(`fuzzing the API (${under.name} store, seed ${SEED})`, () => {
    let store: GraphStore;
    let api: ReturnType<typeof apiFor>;
    beforeAll(async () => {
      store = await under.open();
      api = apiFor(store, { analystTokens: ['fuzz'] });
    });
    afterAll(async () => {
      await store?.close();
    });

    it(`answers ${COUNT[under.name]} random requests without a 5xx or a leak`, async () => {
      const random = randomSource(SEED);
      const problems: string[] = [];
      for (let i = 0; i < COUNT[under.name]!; i++) {
        const request = randomRequest(schema, random);
        const url =
          request.method === 'GET'
            ? `http://test/graphql?query=${encodeURIComponent(request.query ?? '')}`
            : 'http://test/graphql';
        const response = await api.yoga.fetch(url, {
          method: request.method,
          headers: {
            accept: 'application/json',
            'x-graphql-yoga-csrf': '1',
            authorization: 'Bearer fuzz',
            ...(request.contentType ? { 'content-type': request.contentType } : {}),
          },
          ...(request.method === 'POST' ? { body: request.body } : {}),
        });
        const text = await response.text();
        const where = `#${i} ${request.method} ${(request.body ?? request.query ?? '').slice(0, 300)}`;
        if (response.status >= 500) problems.push(`${where}: status ${response.status}`);
        if (INTERNALS.test(text)) problems.push(`${where}: leaks internals: ${text.slice(0, 300)}`);
        if (text.includes('Unexpected error'))
          problems.push(`${where}: a masked unexpected error: ${text.slice(0, 200)}`);
        if (problems.length > 10) break;
      }
      expect(problems).toEqual([]);
      expect((await api.query('{ people { totalCount } }')).data).toEqual({ people: { totalCount: 5 } });
    }, 300_000);
  });
}
