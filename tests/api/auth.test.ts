/** Who may do what: READ_TOKENS and REQUIRE_AUTH close reads; analyst tokens open Cypher. */
import { describe, expect, it } from 'vitest';
import type { ServerOptions } from '../../src/config.js';
import { MemoryStore } from '../../src/store/memory/memoryStore.js';
import { apiFor } from '../support/api.js';
import { rustCase } from '../support/stores.js';

const store = new MemoryStore(rustCase());
const CLOSED: Partial<ServerOptions> = {
  requireAuth: true,
  readTokens: ['reader-token'],
  analystTokens: ['analyst-token'],
};
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const PEOPLE = '{ people { totalCount } }';
const CYPHER = '{ cypher(query: "RETURN 1") { columns } }';

describe('with REQUIRE_AUTH', () => {
  const api = apiFor(store, CLOSED);
  const codeOf = async (query: string, headers: Record<string, string> = {}) => {
    const result = await api.query(query, undefined, headers);
    expect(result.status).toBeLessThan(500);
    return result.errors?.[0]?.extensions?.code ?? 'OK';
  };

  it('refuses reads without a token, or with a wrong one', async () => {
    expect(await codeOf(PEOPLE)).toBe('UNAUTHENTICATED');
    expect(await codeOf(PEOPLE, bearer('guess'))).toBe('UNAUTHENTICATED');
    expect((await api.query(PEOPLE)).data).toBeUndefined();
  });

  it('lets read and analyst tokens read', async () => {
    expect(await codeOf(PEOPLE, bearer('reader-token'))).toBe('OK');
    expect(await codeOf(PEOPLE, bearer('analyst-token'))).toBe('OK');
  });

  it('tells a read token it may not use Cypher (FORBIDDEN), and an analyst token only that it needs Neo4j', async () => {
    expect(await codeOf(CYPHER, bearer('reader-token'))).toBe('FORBIDDEN');
    expect(await codeOf(CYPHER, bearer('analyst-token'))).toBe('NOT_SUPPORTED');
  });

  it('closes the exports too', async () => {
    expect((await api.yoga.fetch('http://test/export/graph.cyjs')).status).toBe(401);
    expect((await api.yoga.fetch('http://test/export/graph.cyjs', { headers: bearer('guess') })).status).toBe(401);
    expect((await api.yoga.fetch('http://test/export/graph.cyjs', { headers: bearer('reader-token') })).status).toBe(
      200,
    );
  });

  it('leaves health and readiness open, for load balancers', async () => {
    expect((await api.yoga.fetch('http://test/health')).status).toBe(200);
    expect((await api.yoga.fetch('http://test/ready')).status).toBe(200);
  });
});

describe('without REQUIRE_AUTH (the default, for local use)', () => {
  const api = apiFor(store, { ...CLOSED, requireAuth: false });

  it('anyone may read, but Cypher still needs an analyst token', async () => {
    expect((await api.query(PEOPLE)).data).toEqual({ people: { totalCount: 5 } });
    expect((await api.query(CYPHER)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await api.query(CYPHER, undefined, bearer('guess'))).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await api.query(CYPHER, undefined, bearer('reader-token'))).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
  });
});
