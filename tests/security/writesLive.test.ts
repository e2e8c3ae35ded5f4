/**
 * graphChanged under attack: subscribers without read access under REQUIRE_AUTH, many subscribers
 * (memory per stream), subscribers that never read (memory must stay bounded, and others must
 * still hear every change), and focus/depth making each change cost the store work per subscriber.
 */
import { createServer as createHttpServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SERVER_OPTIONS, type ServerOptions } from '../../src/config.js';
import { type Change, emptyState } from '../../src/domain/changes.js';
import { createGraphEvents } from '../../src/graphql/events.js';
import { encodeGlobalID } from '../../src/graphql/globalIds.js';
import { createServer } from '../../src/http/createServer.js';
import { createLogger, createMetrics } from '../../src/http/observability.js';
import type { GraphStore } from '../../src/store/graphStore.js';
import { MemoryStore } from '../../src/store/memory/memoryStore.js';
import { countingStore } from '../support/countingStore.js';
import { rustCase } from '../support/stores.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
/** Heap and buffers (what a socket's unsent bytes take) after a full collection. */
const heap = () => {
  gc();
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
};

const SECRETS = { editor: 'live-editor-secret-91ab', reader: 'live-reader-secret-77cd' };
const OPTIONS: Partial<ServerOptions> = {
  editorTokens: [`alice:${SECRETS.editor}`],
  readTokens: [`reader:${SECRETS.reader}`],
};
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
const SUBSCRIPTION = `subscription($focus: ID, $depth: Int) { graphChanged(focus: $focus, depth: $depth) { seq actor entityKeys } }`;
const UPSERT = `mutation($input: UpsertEntityInput!) { upsertEntity(input: $input) { change { seq } } }`;
const FOCUS = encodeGlobalID('Person', 'alec-baldwin');

function serverOn(store: GraphStore, options: Partial<ServerOptions> = {}) {
  const events = createGraphEvents(null);
  const yoga = createServer(
    store,
    { ...DEFAULT_SERVER_OPTIONS, ...OPTIONS, ...options },
    { logger: createLogger('silent'), metrics: createMetrics() },
    events,
  );
  return { yoga, events };
}
type Yoga = ReturnType<typeof serverOn>['yoga'];

/** An SSE subscription read as EventSource would: its events' data, as they arrive. */
async function subscribe(yoga: Yoga, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await yoga.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
    body: JSON.stringify({ query: SUBSCRIPTION, variables }),
  });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const payloads: unknown[] = [];
  let done = false;
  const pump = (async () => {
    for (;;) {
      const { value, done: ended } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (ended) break;
      buffer += value;
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const data = buffer
          .slice(0, end)
          .split('\n')
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).trim())
          .join('');
        if (data) payloads.push(JSON.parse(data));
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf('\n\n');
      }
    }
    done = true;
  })();
  return {
    payloads,
    ended: () => done,
    close: async () => {
      await reader.cancel().catch(() => undefined);
      await pump;
    },
  };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(check: () => boolean, ms = 5_000) {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await wait(10);
  return check();
}

const write = (yoga: Yoga, summary: string) =>
  yoga.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(SECRETS.editor) },
    body: JSON.stringify({ query: UPSERT, variables: { input: { key: 'alec-baldwin', kind: 'PERSON', summary } } }),
  });

describe('who hears changes', () => {
  it('under REQUIRE_AUTH, a subscriber without a valid read token is refused and hears nothing', async () => {
    const { yoga } = serverOn(new MemoryStore(rustCase()), { requireAuth: true });
    const outsiders = await Promise.all([
      subscribe(yoga),
      subscribe(yoga, {}, bearer('wrong-token')),
      subscribe(yoga, { focus: FOCUS, depth: 3 }, { authorization: `Basic ${btoa(`reader:${SECRETS.reader}`)}` }),
    ]);
    const insider = await subscribe(yoga, {}, bearer(SECRETS.reader));
    await wait(50);
    expect((await (await write(yoga, 'Actor.')).json()) as unknown).toMatchObject({ data: { upsertEntity: {} } });
    expect(await until(() => insider.payloads.length > 0)).toBe(true);
    for (const outsider of outsiders) {
      expect(await until(() => outsider.ended(), 2_000)).toBe(true);
      expect(JSON.stringify(outsider.payloads)).toContain('UNAUTHENTICATED');
      expect(JSON.stringify(outsider.payloads)).not.toContain('"seq"');
    }
    for (const s of [...outsiders, insider]) await s.close();
  });

  it('refuses a focus that names nothing and a depth outside 1..3, with a code', async () => {
    const { yoga } = serverOn(new MemoryStore(rustCase()));
    for (const [variables, code] of [
      [{ focus: encodeGlobalID('Person', 'nobody') }, 'NOT_FOUND'],
      [{ focus: 'not-an-id' }, 'BAD_USER_INPUT'],
      [{ focus: FOCUS, depth: 4 }, 'BAD_USER_INPUT'],
      [{ focus: FOCUS, depth: 0 }, 'BAD_USER_INPUT'],
      [{ depth: 1_000_000 }, 'BAD_USER_INPUT'],
    ] as const) {
      const s = await subscribe(yoga, variables);
      expect(await until(() => s.ended())).toBe(true);
      expect(JSON.stringify(s.payloads), JSON.stringify(variables)).toContain(code);
      await s.close();
    }
  });
});

describe('many subscribers', () => {
  let store: ReturnType<typeof countingStore>;
  let yoga: Yoga;
  beforeAll(() => {
    store = countingStore(new MemoryStore(rustCase()));
    ({ yoga } = serverOn(store.store));
  });

  it('costs the store the same per change whether 1 or 100 subscribers watch the same focus', async () => {
    const cost = async (subscribers: number, summary: string) => {
      const streams = await Promise.all(
        Array.from({ length: subscribers }, () => subscribe(yoga, { focus: FOCUS, depth: 3 })),
      );
      await wait(100);
      store.reset();
      await write(yoga, summary);
      expect(await until(() => streams.every((s) => s.payloads.length > 0), 10_000)).toBe(true);
      const calls = store.calls.length;
      for (const s of streams) await s.close();
      return calls;
    };
    const one = await cost(1, 'one watcher');
    const hundred = await cost(100, 'a hundred watchers');
    console.info(
      `[writes] store calls for one change: 1 focused subscriber ${one}, 100 focused subscribers ${hundred}`,
    );
    // the neighbourhood of the focus as the change arrives is the same for every such subscriber
    expect(hundred).toBeLessThanOrEqual(one * 2 + 5);
  });

  it('holds 500 open streams in bounded memory, delivers a change to all, and keeps answering queries', {
    timeout: 60_000,
  }, async () => {
    const before = heap();
    const streams: Awaited<ReturnType<typeof subscribe>>[] = [];
    for (let i = 0; i < 500; i++) streams.push(await subscribe(yoga));
    await wait(200);
    const perStream = (heap() - before) / 500;
    const t = performance.now();
    const response = await yoga.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ changes(first: 1) { totalCount } }' }),
    });
    expect(response.status).toBe(200);
    const queryMs = performance.now() - t;
    const sent = performance.now();
    await write(yoga, 'five hundred watchers');
    expect(await until(() => streams.every((s) => s.payloads.length > 0), 20_000)).toBe(true);
    const deliveredMs = performance.now() - sent;
    console.info(
      `[writes] 500 SSE streams: ${Math.round(perStream / 1024)} KB heap each; a query meanwhile ${Math.round(queryMs)} ms; ` +
        `one change reached all 500 in ${Math.round(deliveredMs)} ms`,
    );
    for (const s of streams) await s.close();
    expect(perStream).toBeLessThan(64 * 1024);
    expect(queryMs).toBeLessThan(1_000);
  });
});

describe('subscribers that never read', () => {
  let server: Server;
  let port: number;
  let events: ReturnType<typeof createGraphEvents>;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    const built = serverOn(new MemoryStore(rustCase()));
    events = built.events;
    server = createHttpServer(built.yoga);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  /** A client that subscribes over a raw socket and then never reads a byte. */
  function stalledSubscriber(): Promise<void> {
    const body = JSON.stringify({ query: SUBSCRIPTION });
    return new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(
          `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
            `Accept: text/event-stream\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
        );
      });
      // the response has begun (the stream is open): from now on, not a byte more is read
      socket.once('data', (chunk: Buffer) => {
        socket.pause();
        expect(chunk.toString()).toMatch(/^HTTP\/1\.1 200/);
        resolve();
      });
      sockets.push(socket);
    });
  }

  it('keeps memory bounded while 20 subscribers stall and 1 000 changes of 64 KB go out; a live reader gets the last', {
    timeout: 60_000,
  }, async () => {
    await Promise.all(Array.from({ length: 20 }, () => stalledSubscriber()));
    const live = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: SUBSCRIPTION }),
    });
    const reader = live.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    const reading = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        text = (text + value).slice(-200_000);
      }
    })();
    await wait(300);
    const before = heap();
    for (let seq = 1; seq <= 1000; seq++) {
      const change: Change = {
        seq,
        at: new Date().toISOString(),
        actor: 'alice',
        action: 'UPSERT_ENTITY',
        // a flat string of its own per change (a template on one shared padding would share it)
        reason: Buffer.alloc(64 * 1024, 97 + (seq % 26)).toString('latin1') + seq,
        entityKeys: ['alec-baldwin'],
        before: emptyState(),
        after: emptyState(),
      };
      events.publish('graphChanged', change);
      if (seq % 50 === 0) await wait(5);
    }
    const arrived = await until(() => text.includes('"seq":1000'), 20_000);
    await wait(200);
    const grown = heap() - before;
    console.info(
      `[writes] 20 stalled SSE readers, 1 000 changes of 64 KB: heap grew ${Math.round(grown / 2 ** 20)} MB`,
    );
    await reader.cancel();
    await reading.catch(() => undefined);
    expect(arrived).toBe(true);
    // each subscriber keeps at most 256 changes (events.ts), and they are shared: ~16 MB, not 20 x 64 MB
    expect(grown).toBeLessThan(150 * 2 ** 20);
  });
});
