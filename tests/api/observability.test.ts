/** Logs say which request and which operation, never a token; /metrics counts what operators watch. */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVER_OPTIONS } from '../../src/config.js';
import { createServer } from '../../src/http/createServer.js';
import { createLogger, createMetrics } from '../../src/http/observability.js';
import { MemoryStore } from '../../src/store/memory/memoryStore.js';
import { rustCase } from '../support/stores.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger('info', destination) };
}

describe('observability', () => {
  const { lines, logger } = capture();
  const yoga = createServer(
    new MemoryStore(rustCase()),
    { ...DEFAULT_SERVER_OPTIONS, analystTokens: ['secret-analyst-token'], editorTokens: ['alice:editor-secret'] },
    { logger, metrics: createMetrics() },
  );
  const post = (query: string, headers: Record<string, string> = {}) =>
    yoga.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });

  it('logs one line per request with its id, operation, status and time, and echoes the id', async () => {
    const response = await post('query WhoIsInIt { people { totalCount } }', { 'x-request-id': 'trace-42' });
    expect(response.headers.get('x-request-id')).toBe('trace-42');
    const line = lines.find((l) => l.reqId === 'trace-42');
    expect(line).toMatchObject({
      msg: 'request',
      method: 'POST',
      path: '/graphql',
      status: 200,
      operation: 'WhoIsInIt',
    });
    expect(typeof line?.ms).toBe('number');
    const anonymous = await post('{ people { totalCount } }');
    expect(anonymous.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('never logs a token', async () => {
    await post('{ cypher(query: "RETURN 1") { columns } }', { authorization: 'Bearer secret-analyst-token' });
    await post('{ cypher(query: "RETURN 1") { columns } }', { authorization: 'Bearer wrong-secret-token' });
    expect(JSON.stringify(lines)).not.toMatch(/secret-analyst-token|wrong-secret-token/);
  });

  it('names an editor by the token’s name, never its secret', async () => {
    await post('mutation Retract { retractRelationship(input: { key: "none", reason: "test" }) { retractedKey } }', {
      authorization: 'Bearer editor-secret',
      'x-request-id': 'edit-1',
    });
    expect(lines.find((l) => l.reqId === 'edit-1')).toMatchObject({ operation: 'Retract', caller: 'alice' });
    expect(JSON.stringify(lines)).not.toContain('editor-secret');
  });

  it('counts requests, latencies, errors by code and store round trips at /metrics', async () => {
    await post('{ node(id: "garbage") { id } }');
    await post('{ people { edges { node { name relationshipCounts { count } } } } }');
    const metrics = await (await yoga.fetch('http://test/metrics')).text();
    expect(metrics).toMatch(/http_requests_total\{method="POST",path="\/graphql",status="200"\} \d+/);
    expect(metrics).toMatch(/http_request_duration_seconds_bucket\{le="0.1",path="\/graphql"\} \d+/);
    expect(metrics).toMatch(/graphql_errors_total\{code="BAD_USER_INPUT"\} 1/);
    expect(metrics).toMatch(/store_round_trips_total\{method="listEntities"\} \d+/);
    expect(metrics).toMatch(/store_round_trips_total\{method="relationshipsOf"\} \d+/);
    expect(metrics).toMatch(/graphql_operations_total\{operation="WhoIsInIt",outcome="ok"\} 1/);
  });
});
