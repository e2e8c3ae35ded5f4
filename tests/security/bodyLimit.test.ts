/**
 * MAX_BODY_BYTES over a raw socket (src/http/bodyLimit.ts). The body is not counted when Node's
 * HTTP parser read it with a Content-Length, so these tests send what a client could send to make
 * that length lie, be absent or be twice given: lengths at and over the limit, chunked bodies,
 * pipelined requests, odd Content-Lengths, other transfer and content encodings, form bodies,
 * a body on a GET, HTTP/1.0 and slow drips (the attacks after the first block by a second agent). In every case: no 500, the server still answers a
 * normal query afterwards, and no body over the limit reaches GraphQL (its people count never
 * comes back).
 */
import { gzipSync } from 'node:zlib';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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

const QUERY = '{ people { totalCount } }';
/** What only an executed people count answers. */
const EXECUTED = '"totalCount"';

/** A people count padded with spaces to `size` bytes: valid JSON of exactly that length. */
function bodyOf(size: number): string {
  const body = JSON.stringify({ query: QUERY });
  return body.slice(0, -1) + ' '.repeat(size - body.length) + body.slice(-1);
}

/**
 * Writes each part in turn on one connection (`gapMs` apart) and returns all it reads until the
 * server closes it, or `waitMs` have passed.
 */
function exchange(parts: (string | Buffer)[], { gapMs = 0, waitMs = 5000 } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => {
      text += chunk;
    });
    socket.on('close', () => resolve(text));
    socket.on('error', (error) => (text ? resolve(text) : reject(error)));
    (async () => {
      for (const part of parts) {
        if (socket.destroyed) return;
        // the rest may be refused before it is written: the server closes, and the write fails silently
        socket.write(part, () => {});
        if (gapMs) await new Promise((r) => setTimeout(r, gapMs));
      }
    })();
    setTimeout(() => socket.destroy(), waitMs);
  });
}

const head = (headers: string[], { method = 'POST', version = '1.1', type = 'application/json' } = {}) =>
  [
    `${method} /graphql HTTP/${version}`,
    'Host: test',
    ...(type ? [`Content-Type: ${type}`] : []),
    ...headers,
    '',
    '',
  ].join('\r\n');

// a status line may follow the previous answer's body on the same line
const statusesOf = (raw: string) => [...raw.matchAll(/HTTP\/1\.[01] (\d{3}) /g)].map((m) => Number(m[1]));

/** A chunked body: each piece a chunk, then the last, empty one. */
const chunked = (pieces: string[]) =>
  `${pieces.map((p) => `${Buffer.byteLength(p).toString(16)}\r\n${p}\r\n`).join('')}0\r\n\r\n`;

/** Neither a 500 nor an executed body: what every refused attack must look like. */
function refusedCleanly(answer: string) {
  const statuses = statusesOf(answer);
  expect(statuses.every((s) => s < 500)).toBe(true);
  expect(answer).not.toContain(EXECUTED);
  return statuses;
}

// after every attack, the server still answers a normal query on a new connection
afterEach(async () => {
  const body = bodyOf(100);
  const answer = await exchange([head(['Connection: close', `Content-Length: ${body.length}`]), body]);
  expect(statusesOf(answer)).toEqual([200]);
  expect(answer).toContain(EXECUTED);
});

/** A request that asks the server to close the connection after answering. */
const request = (headers: string[]) => head(['Connection: close', ...headers]);

describe('the body limit over a socket', () => {
  it('a Content-Length at the limit is read and answered', async () => {
    const answer = await exchange([request([`Content-Length: ${LIMIT}`]), bodyOf(LIMIT)]);
    expect(statusesOf(answer)).toEqual([200]);
    expect(answer).toContain('"totalCount"');
  });

  it('a Content-Length one byte over is a 413 QUERY_TOO_COMPLEX, answered before the body is sent', async () => {
    const answer = await exchange([request([`Content-Length: ${LIMIT + 1}`])]);
    expect(statusesOf(answer)).toEqual([413]);
    expect(answer).toContain('"QUERY_TOO_COMPLEX"');
    expect(answer).toContain('"bodySize"');
  });

  it('a chunked body is counted as it arrives: at the limit it passes, one byte over is a 413', async () => {
    const body = bodyOf(LIMIT);
    const pieces = [body.slice(0, 400), body.slice(400, 800), body.slice(800)];
    const ok = await exchange([request(['Transfer-Encoding: chunked']), chunked(pieces)]);
    expect(statusesOf(ok)).toEqual([200]);
    const over = bodyOf(LIMIT + 1);
    const refused = await exchange([
      request(['Transfer-Encoding: chunked']),
      chunked([over.slice(0, 400), over.slice(400, 800), over.slice(800)]),
    ]);
    expect(statusesOf(refused)).toEqual([413]);
    expect(refused).toContain('"bodySize"');
  });

  it('a chunked body of 5 MB is refused without the server reading it all', async () => {
    const big = `{"query":"{ people { totalCount } }","x":"${'a'.repeat(5_000_000)}"}`;
    const answer = await exchange([request(['Transfer-Encoding: chunked']), chunked([big])]);
    expect(statusesOf(answer)[0]).toBe(413);
  });

  it('the body is what the Content-Length says: bytes after it are read as the next request', async () => {
    // kept alive, so that Node goes on to parse what follows the declared 100 bytes
    const first = head(['Content-Length: 100', 'Connection: keep-alive']);
    const next = 'GET /health HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n';
    const answer = await exchange([first, bodyOf(100) + next]);
    expect(statusesOf(answer)).toEqual([200, 200]);
    expect(answer).toContain('"totalCount"');
    // garbage in their place is refused by Node's parser, and never reaches GraphQL as a body
    const garbage = await exchange([first, bodyOf(100) + 'x'.repeat(5_000)]);
    expect(statusesOf(garbage).every((s) => s === 200 || s === 400)).toBe(true);
  });

  it.each([
    ['a negative length', ['Content-Length: -1']],
    ['a length that is not a number', ['Content-Length: 12abc']],
    ['two different lengths', ['Content-Length: 10', 'Content-Length: 2000']],
    ['a length and chunks at once', [`Content-Length: ${LIMIT}`, 'Transfer-Encoding: chunked']],
  ])('%s is a 400, never a 500', async (_name, headers) => {
    const answer = await exchange([request(headers), bodyOf(LIMIT)]);
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

describe('pipelined requests on one connection', () => {
  it('a request over the limit between two good ones is refused and closes the connection; its body is never read as a request', async () => {
    // the refused body carries a whole request: were it parsed as one, a third count would come back
    const smuggled = head(['Content-Length: 100', 'Connection: keep-alive']) + bodyOf(100);
    const over = smuggled + ' '.repeat(LIMIT + 1 - smuggled.length);
    const answer = await exchange([
      head(['Content-Length: 100', 'Connection: keep-alive']),
      bodyOf(100),
      head([`Content-Length: ${over.length}`, 'Connection: keep-alive']),
      over,
      head(['Content-Length: 100', 'Connection: close']),
      bodyOf(100),
    ]);
    const statuses = statusesOf(answer);
    // the refusal says Connection: close (the client sends the third again on a new connection),
    // and there is never a smuggled request
    expect(statuses).toEqual([200, 413]);
    expect(answer).toMatch(/413[\s\S]*connection: close/i);
    expect(answer.split(EXECUTED).length - 1).toBe(statuses.filter((s) => s === 200).length);
  });

  it('a chunked request over the limit between two good ones: refused, the connection closed, and never a smuggled request', async () => {
    const smuggled = head(['Content-Length: 100', 'Connection: keep-alive']) + bodyOf(100);
    const over = smuggled + ' '.repeat(2 * LIMIT);
    const answer = await exchange([
      head(['Content-Length: 100', 'Connection: keep-alive']) + bodyOf(100),
      head(['Transfer-Encoding: chunked', 'Connection: keep-alive']) + chunked([over.slice(0, 900), over.slice(900)]),
      head(['Content-Length: 100', 'Connection: close']) + bodyOf(100),
    ]);
    const statuses = statusesOf(answer);
    expect(statuses).toEqual([200, 413]);
    expect(answer.split(EXECUTED).length - 1).toBe(statuses.filter((s) => s === 200).length);
  });

  it('ten requests at the limit on one connection are each answered', async () => {
    const one = head([`Content-Length: ${LIMIT}`, 'Connection: keep-alive']) + bodyOf(LIMIT);
    const last = head([`Content-Length: ${LIMIT}`, 'Connection: close']) + bodyOf(LIMIT);
    const answer = await exchange([one.repeat(9) + last]);
    expect(statusesOf(answer)).toEqual(Array(10).fill(200));
    expect(answer.split(EXECUTED).length - 1).toBe(10);
  });
});

describe('Content-Lengths spelled oddly', () => {
  it('leading zeros are the number they spell: at the limit read, over it refused', async () => {
    const at = await exchange([head(['Connection: close', `Content-Length: 000${LIMIT}`]), bodyOf(LIMIT)]);
    expect(statusesOf(at)).toEqual([200]);
    const over = await exchange([head(['Connection: close', `Content-Length: 000${LIMIT + 1}`]), bodyOf(LIMIT + 1)]);
    expect(refusedCleanly(over)[0]).toBe(413);
  });

  it('spaces around the length are allowed by HTTP and are the same length; tabs Node refuses', async () => {
    const at = await exchange([head(['Connection: close', `Content-Length:   ${LIMIT}   `]), bodyOf(LIMIT)]);
    expect(statusesOf(at)).toEqual([200]);
    const over = await exchange([head(['Connection: close', `Content-Length:  ${LIMIT + 1}  `]), bodyOf(LIMIT + 1)]);
    expect(refusedCleanly(over)).toEqual([413]);
    const tabs = await exchange([head(['Connection: close', `Content-Length: \t${LIMIT + 1} \t`]), bodyOf(LIMIT + 1)]);
    expect(refusedCleanly(tabs)[0]).toBe(400);
  });

  it.each([
    ['a plus sign', `+${LIMIT + 1}`],
    ['a decimal point', `${LIMIT}.0`],
    ['an exponent', '1e3'],
    ['hexadecimal', '0x3e9'],
    ['beyond 2^53', '9007199254740993'],
    ['beyond 2^64', '18446744073709551617'],
    ['a hundred digits', '9'.repeat(100)],
    ['empty', ''],
    ['a list of the same length twice', `${LIMIT + 1}, ${LIMIT + 1}`],
  ])('%s is refused (400 or 413), never read', async (_name, length) => {
    const answer = await exchange([head(['Connection: close', `Content-Length: ${length}`]), bodyOf(LIMIT + 1)]);
    const statuses = refusedCleanly(answer);
    expect(statuses.length).toBeGreaterThan(0);
    expect([400, 413]).toContain(statuses[0]);
  });
});

describe('transfer encodings and chunks', () => {
  it.each([
    ['gzip, chunked', 'gzip, chunked'],
    ['chunked, chunked', 'chunked, chunked'],
    ['identity', 'identity'],
    ['gzip alone', 'gzip'],
    ['Chunked, capitalised', 'Chunked'],
  ])('Transfer-Encoding: %s over the limit is refused, never executed', async (_name, encoding) => {
    const over = bodyOf(LIMIT * 3);
    const answer = await exchange([
      head(['Connection: close', `Transfer-Encoding: ${encoding}`]),
      chunked([over.slice(0, 1500), over.slice(1500)]),
    ]);
    expect(refusedCleanly(answer).length).toBeGreaterThan(0);
  });

  it('chunk extensions do not hide bytes: over the limit with extensions is a 413', async () => {
    const over = bodyOf(LIMIT + 1);
    const withExtensions = `1f4;name=value;other\r\n${over.slice(0, 500)}\r\n${(over.length - 500).toString(16)};x="y"\r\n${over.slice(500)}\r\n0\r\n\r\n`;
    const answer = await exchange([head(['Connection: close', 'Transfer-Encoding: chunked']), withExtensions]);
    expect(refusedCleanly(answer)).toEqual([413]);
  });

  it.each([
    ['a chunk size that is not hex', `zz\r\n${bodyOf(LIMIT + 1)}\r\n0\r\n\r\n`],
    ['a negative chunk size', `-1\r\n${bodyOf(LIMIT + 1)}\r\n0\r\n\r\n`],
    ['a chunk size beyond 2^64', `1${'0'.repeat(20)}\r\n${bodyOf(LIMIT + 1)}\r\n0\r\n\r\n`],
    ['a chunk size larger than the chunk', `ffff\r\n${bodyOf(LIMIT + 1)}\r\n0\r\n\r\n`],
    ['a chunk size smaller than the chunk', `10\r\n${bodyOf(LIMIT + 1)}\r\n0\r\n\r\n`],
    ['many tiny chunks over the limit', chunked(bodyOf(LIMIT + 1).match(/.{1,3}/gs) ?? [])],
    ['trailers after the last chunk', `${chunked([bodyOf(LIMIT + 1)]).slice(0, -2)}X-Trailer: 1\r\n\r\n`],
  ])('%s: refused, never executed', async (_name, body) => {
    const answer = await exchange([head(['Connection: close', 'Transfer-Encoding: chunked']), body], { waitMs: 3000 });
    refusedCleanly(answer);
  });

  it('trailers after a body within the limit are read as HTTP allows', async () => {
    const body = `${chunked([bodyOf(LIMIT)]).slice(0, -2)}X-Trailer: 1\r\n\r\n`;
    const answer = await exchange([head(['Connection: close', 'Transfer-Encoding: chunked']), body]);
    expect(statusesOf(answer)).toEqual([200]);
  });
});

describe('Expect: 100-continue', () => {
  it('a length over the limit is a 413 without the body being sent (after the 100 Continue Node sends first)', async () => {
    // Node answers 100 Continue itself (no checkContinue listener), before the limit is looked at
    const answer = await exchange(
      [head(['Connection: close', 'Expect: 100-continue', `Content-Length: ${LIMIT + 1}`])],
      {
        waitMs: 2000,
      },
    );
    expect(statusesOf(answer).filter((s) => s !== 100)).toEqual([413]);
    expect(answer).toContain('"bodySize"');
  });

  it('a chunked body that then grows past the limit is refused', async () => {
    const over = bodyOf(LIMIT * 2);
    const answer = await exchange(
      [
        head(['Connection: close', 'Expect: 100-continue', 'Transfer-Encoding: chunked']),
        chunked([over.slice(0, 900), over.slice(900)]),
      ],
      { gapMs: 50 },
    );
    const statuses = refusedCleanly(answer).filter((s) => s !== 100);
    expect(statuses).toEqual([413]);
  });
});

describe('HTTP/1.0', () => {
  it('a body without a length is no body (HTTP/1.0 requests are not read until close), never executed whole', async () => {
    const answer = await exchange([head([], { version: '1.0' }), bodyOf(LIMIT * 5)], { waitMs: 2000 });
    refusedCleanly(answer);
  });

  it('with a length over the limit: a 413', async () => {
    const answer = await exchange([head([`Content-Length: ${LIMIT + 1}`], { version: '1.0' }), bodyOf(LIMIT + 1)]);
    expect(refusedCleanly(answer)).toEqual([413]);
  });
});

/**
 * A multipart/form-data body of about `size` bytes: its operations padded with spaces, or (`padAfter`)
 * whole in the first bytes, with a padding field after the map.
 */
function multipart(size: number, padAfter = false) {
  const boundary = 'XyZBoundary';
  const operations = JSON.stringify({ query: QUERY, variables: {} });
  const part = (name: string, value: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const build = (pad: number) =>
    padAfter
      ? `${part('operations', operations)}${part('map', '{}')}${part('pad', 'a'.repeat(pad))}--${boundary}--\r\n`
      : `${part('operations', operations + ' '.repeat(pad))}${part('map', '{}')}--${boundary}--\r\n`;
  const body = build(Math.max(0, size - build(0).length));
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

describe('other bodies GraphQL accepts', () => {
  const csrf = 'x-graphql-yoga-csrf: 1';
  const form = (size: number) => {
    const body = `query=${encodeURIComponent(QUERY)}&pad=${'a'.repeat(size)}`;
    return body.slice(0, size);
  };

  it('multipart/form-data: at the limit by length read; over it by length, a 413', async () => {
    const at = multipart(LIMIT);
    expect(at.body.length).toBe(LIMIT);
    const ok = await exchange([
      head(['Connection: close', csrf, `Content-Length: ${LIMIT}`], { type: at.type }),
      at.body,
    ]);
    expect(statusesOf(ok)).toEqual([200]);
    expect(ok).toContain(EXECUTED);
    const over = multipart(LIMIT * 3);
    const byLength = await exchange([
      head(['Connection: close', csrf, `Content-Length: ${over.body.length}`], { type: over.type }),
      over.body,
    ]);
    expect(refusedCleanly(byLength)).toEqual([413]);
  });

  it('multipart/form-data in chunks over the limit, its operations whole in the first bytes: never executed', async () => {
    const over = multipart(LIMIT * 3, true);
    expect(over.body.indexOf('name="map"')).toBeLessThan(LIMIT);
    const answer = await exchange([
      head(['Connection: close', csrf, 'Transfer-Encoding: chunked'], { type: over.type }),
      chunked([over.body.slice(0, 800), over.body.slice(800)]),
    ]);
    expect(refusedCleanly(answer)).toHaveLength(1);
  });

  // the fetch ponyfill's formData() wraps bodyLimit's error in a 400 "invalid multipart data" (as it
  // did Yoga's own maxRequestBodySize's): bodyLimit refuses again after the parser, in its own terms
  it('multipart/form-data in chunks over the limit: a 413 QUERY_TOO_COMPLEX naming bodySize', async () => {
    const over = multipart(LIMIT * 3);
    const answer = await exchange([
      head(['Connection: close', csrf, 'Transfer-Encoding: chunked'], { type: over.type }),
      chunked([over.body.slice(0, 800), over.body.slice(800)]),
    ]);
    expect(statusesOf(answer)).toEqual([413]);
    expect(answer).toContain('"QUERY_TOO_COMPLEX"');
    expect(answer).toContain('"bodySize"');
  });

  it('application/x-www-form-urlencoded: over the limit by length or in chunks, refused', async () => {
    const type = 'application/x-www-form-urlencoded';
    const ok = await exchange([head(['Connection: close', csrf, `Content-Length: ${LIMIT}`], { type }), form(LIMIT)]);
    expect(statusesOf(ok)).toEqual([200]);
    expect(ok).toContain(EXECUTED);
    const over = form(LIMIT * 3);
    const byLength = await exchange([
      head(['Connection: close', csrf, `Content-Length: ${over.length}`], { type }),
      over,
    ]);
    expect(refusedCleanly(byLength)).toEqual([413]);
    const inChunks = await exchange([
      head(['Connection: close', csrf, 'Transfer-Encoding: chunked'], { type }),
      chunked([over.slice(0, 800), over.slice(800)]),
    ]);
    expect(refusedCleanly(inChunks)).toEqual([413]);
  });

  it.each(['application/graphql+json', 'application/json; charset=utf-8'])(
    '%s over the limit in chunks: refused',
    async (type) => {
      const over = bodyOf(LIMIT * 2);
      const answer = await exchange([
        head(['Connection: close', 'Transfer-Encoding: chunked'], { type }),
        chunked([over.slice(0, 800), over.slice(800)]),
      ]);
      expect(refusedCleanly(answer)).toEqual([413]);
    },
  );

  it('application/graphql (the query as text) over the limit in chunks: refused', async () => {
    const type = 'application/graphql';
    const over = QUERY + ' '.repeat(LIMIT * 2);
    const answer = await exchange([
      head(['Connection: close', csrf, 'Transfer-Encoding: chunked'], { type }),
      chunked([over.slice(0, 800), over.slice(800)]),
    ]);
    refusedCleanly(answer);
    expect(statusesOf(answer).length).toBeGreaterThan(0);
  });

  it('a GET with a body over the limit: the body is not the query, and the server stays up', async () => {
    const over = bodyOf(LIMIT * 3);
    const query = `/graphql?query=${encodeURIComponent('{ __typename }')}`;
    const byLength = await exchange([
      head(['Connection: close', csrf, `Content-Length: ${over.length}`], { method: 'GET' }).replace('/graphql', query),
      over,
    ]);
    refusedCleanly(byLength);
    const inChunks = await exchange([
      head(['Connection: close', csrf, 'Transfer-Encoding: chunked'], { method: 'GET' }).replace('/graphql', query),
      chunked([over]),
    ]);
    refusedCleanly(inChunks);
  });
});

describe('compressed bodies', () => {
  it('a gzip body under the limit that inflates far past it is not inflated: a 400, never executed', async () => {
    // 500 kB of padding around a people count: a few hundred bytes compressed, under the limit
    const inflated = `{"query":"${QUERY}","pad":"${' '.repeat(500_000)}"}`;
    const zipped = gzipSync(inflated);
    expect(zipped.length).toBeLessThan(LIMIT);
    const byLength = await exchange([
      head(['Connection: close', 'Content-Encoding: gzip', `Content-Length: ${zipped.length}`]),
      zipped,
    ]);
    expect(refusedCleanly(byLength)).toEqual([400]);
    const inChunks = await exchange([
      head(['Connection: close', 'Content-Encoding: gzip', 'Transfer-Encoding: chunked']),
      Buffer.concat([Buffer.from(`${zipped.length.toString(16)}\r\n`), zipped, Buffer.from('\r\n0\r\n\r\n')]),
    ]);
    expect(refusedCleanly(inChunks)).toEqual([400]);
    // nor is a small one: a body nobody inflates is not JSON
    const small = gzipSync(bodyOf(100));
    const answer = await exchange([
      head(['Connection: close', 'Content-Encoding: gzip', `Content-Length: ${small.length}`]),
      small,
    ]);
    expect(refusedCleanly(answer)).toEqual([400]);
  });
});

describe('slow drips', () => {
  it('a chunked body dripped a chunk at a time is refused once it passes the limit, not after it ends', async () => {
    const over = bodyOf(LIMIT * 20);
    const pieces = over.match(/.{1,200}/gs) ?? [];
    const started = Date.now();
    let answeredAt = 0;
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      let text = '';
      socket.setEncoding('latin1');
      socket.on('data', (chunk) => {
        text += chunk;
        answeredAt ||= Date.now();
      });
      socket.on('close', () => resolve(text));
      socket.on('error', () => resolve(text));
      socket.write(head(['Connection: close', 'Transfer-Encoding: chunked']));
      let i = 0;
      const drip = setInterval(() => {
        if (socket.destroyed || i >= pieces.length) {
          clearInterval(drip);
          if (!socket.destroyed) socket.end('0\r\n\r\n');
          return;
        }
        const p = pieces[i++] as string;
        socket.write(`${p.length.toString(16)}\r\n${p}\r\n`, () => {});
      }, 20);
      setTimeout(() => socket.destroy(), 8000);
    });
    expect(refusedCleanly(answer)).toEqual([413]);
    // 100 pieces 20 ms apart take 2 s; the limit is passed at the sixth
    expect(answeredAt - started).toBeLessThan(1500);
  });

  it('a body within the limit dripped byte by byte by length is read and answered', async () => {
    const body = bodyOf(200);
    const answer = await exchange(
      [head(['Connection: close', 'Content-Length: 200']), ...(body.match(/.{1,10}/gs) ?? [])],
      {
        gapMs: 5,
      },
    );
    expect(statusesOf(answer)).toEqual([200]);
    expect(answer).toContain(EXECUTED);
  });
});

describe('after a refusal by length', () => {
  /** Declares a huge body on a kept-alive connection, then writes up to `cap` bytes of it: what the server took. */
  function flood(headers: string[], cap: number): Promise<{ written: number; closed: boolean; answer: string }> {
    return new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1');
      let answer = '';
      let closed = false;
      socket.setEncoding('latin1');
      socket.on('data', (chunk) => {
        answer += chunk;
      });
      socket.on('close', () => {
        closed = true;
      });
      socket.on('error', () => {});
      socket.write(head(['Connection: keep-alive', ...headers, 'Content-Length: 1000000000000']));
      const block = Buffer.alloc(1 << 16, 32);
      const pump = () => {
        while (!socket.destroyed && socket.bytesWritten < cap && socket.write(block));
      };
      socket.on('drain', pump);
      // once the refusal has come
      setTimeout(pump, 200);
      setTimeout(() => {
        resolve({ written: socket.bytesWritten, closed, answer });
        socket.destroy();
      }, 1500);
    });
  }

  // a 413 for a declared length once kept the connection alive (as Yoga's own check did), so Node
  // read and threw away every byte of the body declared (a terabyte here) at up to a gigabyte a second
  it('the connection is closed, not read to the end of a terabyte', async () => {
    const { written, closed, answer } = await flood([], 50_000_000);
    expect(statusesOf(answer)).toEqual([413]);
    expect(closed || written < 50_000_000).toBe(true);
  });

  it('it is refused all the same, and nothing of it is executed', async () => {
    const { answer } = await flood(['Expect: 100-continue'], 5_000_000);
    expect(refusedCleanly(answer).filter((s) => s !== 100)).toEqual([413]);
  });
});
