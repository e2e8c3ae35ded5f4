/**
 * Attacks on the query limits, as an outsider without a token would make them: a small document
 * whose fragments double at every level, and a list argument longer than any page. Each is refused
 * quickly with QUERY_TOO_COMPLEX or BAD_USER_INPUT, and the server keeps answering /health meanwhile.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/config.js';
import { MemoryStore } from '../../src/store/memory/memoryStore.js';
import { apiFor } from '../support/api.js';
import { rustCase } from '../support/stores.js';

/** `fragment F<i> on Entity { ...F<i-1> ...F<i-1> }`, `levels` deep: 2^levels fields once expanded. */
function fragmentBomb(levels: number): string {
  const fragments = ['fragment F0 on Entity { name key }'];
  for (let i = 1; i <= levels; i += 1) fragments.push(`fragment F${i} on Entity { ...F${i - 1} ...F${i - 1} }`);
  return `query Bomb { search(text: "baldwin") { entity { ...F${levels} } } }\n${fragments.join('\n')}`;
}

const REQUIRE_AUTH = { requireAuth: true, readTokens: ['reader'] };

describe('a fragment bomb', () => {
  // anonymous, where anyone may read (without REQUIRE_AUTH): the limits must hold on their own
  const api = apiFor(new MemoryStore(rustCase()));

  it('of 40 levels, sent without a token, is refused as too complex in well under 50 ms', async () => {
    const query = fragmentBomb(40);
    expect(Buffer.byteLength(query)).toBeLessThan(3_000);
    await api.query(fragmentBomb(3)); // warm the schema and the parser once
    const started = performance.now();
    const result = await api.query(query);
    const ms = performance.now() - started;
    expect(result.status).toBeLessThan(500);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'cost' } });
    expect(ms).toBeLessThan(50);
  });

  it('is measured exactly: 2^n names and keys, not an estimate', async () => {
    const open = apiFor(new MemoryStore(rustCase()), {
      limits: { ...DEFAULT_LIMITS, maxCost: 1 + 10 * (1 + 2 ** 10 * 2) },
    });
    // search 1, then 10 hits (its default first) each: entity 1 + 2^10 x (name, key)
    expect((await open.query(fragmentBomb(10))).errors).toBeUndefined();
    const tighter = apiFor(new MemoryStore(rustCase()), {
      limits: { ...DEFAULT_LIMITS, maxCost: 10 * (1 + 2 ** 10 * 2) },
    });
    expect((await tighter.query(fragmentBomb(10))).errors?.[0]).toMatchObject({
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'cost', found: 1 + 10 * (1 + 2 ** 10 * 2) },
    });
  });

  it('does not hold up /health while it is refused', async () => {
    const query = fragmentBomb(60);
    const attacks = Array.from({ length: 20 }, () => api.query(query));
    const healthTimes: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const started = performance.now();
      expect((await api.yoga.fetch('http://test/health')).status).toBe(200);
      healthTimes.push(performance.now() - started);
    }
    const answers = await Promise.all(attacks);
    expect(answers.every((a) => a.errors?.[0]?.extensions?.code === 'QUERY_TOO_COMPLEX')).toBe(true);
    expect(Math.max(...healthTimes)).toBeLessThan(100);
  });
});

describe('with REQUIRE_AUTH, a caller without a token', () => {
  const api = apiFor(new MemoryStore(rustCase()), REQUIRE_AUTH);

  it('is refused before the document is read: no field names suggested, no limits described', async () => {
    const misspelt = await api.query('{ sourcez { title } }');
    expect(misspelt.errors).toHaveLength(1);
    expect(misspelt.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(JSON.stringify(misspelt)).not.toMatch(/Did you mean|sources/);
    const bomb = await api.query(fragmentBomb(40));
    expect(bomb.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    const withToken = await api.query('{ sourcez { title } }', undefined, { authorization: 'Bearer reader' });
    expect(withToken.errors?.[0]?.message).toMatch(/Did you mean "sources"/);
  });
});
