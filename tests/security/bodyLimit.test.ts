/**
 * MAX_BODY_BYTES over a real socket (src/http/bodyLimit.ts): the body is not counted when Node's
 * HTTP parser read it with a Content-Length, so these tests send what a client could send to
 * make that length lie, be absent or be twice given. None may get a body past the limit to the
 * GraphQL parser, and none may be a 500.
 */
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, DEFAULT_SERVER_OPTIONS } from '../../src/config.js';
import { createServer } from '../../src/http/createServer.js';
import { createLogger, createMetrics } from '../../src/http/observability.js';
import { createHttpServer } from '../../src/http/shutdown.js';
import { MemoryStore } from '../../src/store/memory/memoryStore.js';
import { rustCase } from '../support/stores.js';

const LIMIT = 1000;
const yoga = createServer(
  new MemoryStore(rustCase()),
  { ...DEFAULT_SERVER_OPTIONS, limits: { ...DEFAULT_LIMITS, maxBodyBytes: LIMIT } },
  { logger: createLogger('silent'), metrics: createMetrics() },
);
const http = createHttpServer(yoga);
let port = 0;

beforeAll(async () => {
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  port = (http.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => http.close(resolve));
  await yoga.dispose();
});

/** A people count padded with spaces to `size` bytes: valid JSON of exactly that length. */
function bodyOf(size: number): string {
  const body = JSON.stringify({ query: '{ people { totalCount } }' });
  return body.slice(0, -1) + ' '.repeat(size - body.length) + body.slice(-1);
}

/** Writes `head` and then `rest` (if any) on one connection and returns all it reads until the server closes it. */
function exchange(head: string, rest = ''): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
      text += chunk;
    });
    socket.on('close', () => resolve(text));
    socket.on('error', (error) => (text ? resolve(text) : reject(error)));
    socket.write(head);
    // the rest may be refused before it is written: the server closes, and the write fails silently
    if (rest) socket.write(rest, () => {});
    setTimeout(() => socket.destroy(), 5000);
  });
}

const request = (headers: string[]) =>
  [
    'POST /graphql HTTP/1.1',
    'Host: test',
    'Content-Type: application/json',
    'Connection: close',
    ...headers,
    '',
    '',
  ].join('\r\n');

// a status line may follow the previous answer's body on the same line
const statusesOf = (raw: string) => [...raw.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((m) => Number(m[1]));

/** A chunked body: each piece a chunk, then the last, empty one. */
const chunked = (pieces: string[]) =>
  `${pieces.map((p) => `${Buffer.byteLength(p).toString(16)}\r\n${p}\r\n`).join('')}0\r\n\r\n`;

describe('the body limit over a socket', () => {
  it('a Content-Length at the limit is read and answered', async () => {
    const answer = await exchange(request([`Content-Length: ${LIMIT}`]), bodyOf(LIMIT));
    expect(statusesOf(answer)).toEqual([200]);
    expect(answer).toContain('"totalCount"');
  });

  it('a Content-Length one byte over is a 413 QUERY_TOO_COMPLEX, answered before the body is sent', async () => {
    const answer = await exchange(request([`Content-Length: ${LIMIT + 1}`]));
    expect(statusesOf(answer)).toEqual([413]);
    expect(answer).toContain('"QUERY_TOO_COMPLEX"');
    expect(answer).toContain('"bodySize"');
  });

  it('a chunked body is counted as it arrives: at the limit it passes, one byte over is a 413', async () => {
    const body = bodyOf(LIMIT);
    const pieces = [body.slice(0, 400), body.slice(400, 800), body.slice(800)];
    const ok = await exchange(request(['Transfer-Encoding: chunked']), chunked(pieces));
    expect(statusesOf(ok)).toEqual([200]);
    const over = bodyOf(LIMIT + 1);
    const refused = await exchange(
      request(['Transfer-Encoding: chunked']),
      chunked([over.slice(0, 400), over.slice(400, 800), over.slice(800)]),
    );
    expect(statusesOf(refused)).toEqual([413]);
    expect(refused).toContain('"bodySize"');
  });

  it('a chunked body of 5 MB is refused without the server reading it all', async () => {
    const big = `{"query":"{ people { totalCount } }","x":"${'a'.repeat(5_000_000)}"}`;
    const answer = await exchange(request(['Transfer-Encoding: chunked']), chunked([big]));
    expect(statusesOf(answer)[0]).toBe(413);
  });

  it('the body is what the Content-Length says: bytes after it are read as the next request', async () => {
    // kept alive, so that Node goes on to parse what follows the declared 100 bytes
    const first = request(['Content-Length: 100']).replace('Connection: close', 'Connection: keep-alive');
    const next = 'GET /health HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n';
    const answer = await exchange(first, bodyOf(100) + next);
    expect(statusesOf(answer)).toEqual([200, 200]);
    expect(answer).toContain('"totalCount"');
    // garbage in their place is refused by Node's parser, and never reaches GraphQL as a body
    const garbage = await exchange(first, bodyOf(100) + 'x'.repeat(5_000));
    expect(statusesOf(garbage).every((s) => s === 200 || s === 400)).toBe(true);
  });

  it.each([
    ['a negative length', ['Content-Length: -1']],
    ['a length that is not a number', ['Content-Length: 12abc']],
    ['two different lengths', ['Content-Length: 10', 'Content-Length: 2000']],
    ['a length and chunks at once', [`Content-Length: ${LIMIT}`, 'Transfer-Encoding: chunked']],
  ])('%s is a 400, never a 500', async (_name, headers) => {
    const answer = await exchange(request(headers), bodyOf(LIMIT));
    const statuses = statusesOf(answer);
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses[0]).toBe(400);
  });

  it('a Request handed to the server directly, with a Content-Length that lies, is counted all the same', async () => {
    const response = await yoga.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '10' },
      body: bodyOf(LIMIT + 1),
    });
    expect(response.status).toBe(413);
    expect(JSON.stringify(await response.json())).toContain('"bodySize"');
  });
});
