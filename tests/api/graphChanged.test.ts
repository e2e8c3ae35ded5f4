/**
 * graphChanged over SSE, as a front end subscribes: every change, or only those near a focus;
 * refused without a read token under REQUIRE_AUTH; and across two instances through a real Redis,
 * which may go away and come back without taking the server down.
 */
import { parse, subscribe as execute, type ExecutionResult } from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_SERVER_OPTIONS, type ServerOptions } from '../../src/config.js';
import { type Change, emptyState } from '../../src/domain/changes.js';
import { createContext } from '../../src/graphql/context.js';
import { createGraphEvents, type GraphEvents, type OwnedGraphEvents } from '../../src/graphql/events.js';
import { encodeGlobalID } from '../../src/graphql/globalIds.js';
import { schema } from '../../src/graphql/schema.js';
import { createServer } from '../../src/http/createServer.js';
import { createLogger, createMetrics } from '../../src/http/observability.js';
import type { GraphStore } from '../../src/store/graphStore.js';
import { startRedis } from '../setup/redis.globalSetup.js';
import { STORES } from '../support/stores.js';

const redisUrl = inject('redisUrl');
const embedded = STORES.find((s) => s.name === 'embedded')!;

const SUBSCRIPTION = /* GraphQL */ `
  subscription Watch($focus: ID, $depth: Int) {
    graphChanged(focus: $focus, depth: $depth) { seq at actor action reason entityKeys before after }
  }
`;

/** A change as a store would record it; `probe` marks the ones that only check a subscriber listens. */
const change = (seq: number, entityKeys: string[], actor = 'alice'): Change => ({
  seq,
  at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(),
  actor,
  action: 'UPSERT_ENTITY',
  reason: `change ${seq}`,
  entityKeys,
  before: emptyState(),
  after: emptyState(),
});

type Yoga = ReturnType<typeof createServer>;

interface Payload {
  data?: { graphChanged: Change } | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A subscription over SSE (Yoga's own transport), read event by event as an EventSource would. */
async function subscribeSse(yoga: Yoga, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await yoga.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
    body: JSON.stringify({ query: SUBSCRIPTION, variables }),
  });
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let pending: Promise<Payload | null> | null = null;

  /** The next `next` event's payload, or null when the stream completes; pings are skipped. */
  async function read(): Promise<Payload | null> {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const field = (name: string) =>
          block
            .split('\n')
            .filter((line) => line.startsWith(`${name}:`))
            .map((line) => line.slice(name.length + 1).trim())
            .join('\n');
        if (field('event') === 'complete') return null;
        if (field('event') === 'next') return JSON.parse(field('data')) as Payload;
        continue;
      }
      const { value, done } = await reader.read();
      if (done) return null;
      buffer += value;
    }
  }

  return {
    status: response.status,
    /** The next payload within `ms`, or 'timeout'; a read cut short by a timeout goes on in the background. */
    async next(ms = 5_000): Promise<Payload | null | 'timeout'> {
      pending ??= read();
      const result = await Promise.race([pending, wait(ms).then(() => 'timeout' as const)]);
      if (result !== 'timeout') pending = null;
      return result;
    },
    /** The next change that is not a probe. */
    async nextChange(ms = 5_000): Promise<Change> {
      for (;;) {
        const payload = await this.next(ms);
        if (payload === 'timeout' || payload === null) throw new Error(`no change arrived (${payload})`);
        if (payload.errors) throw new Error(`errors: ${JSON.stringify(payload.errors)}`);
        const arrived = payload.data!.graphChanged;
        if (arrived.actor !== 'probe') return arrived;
      }
    },
    /**
     * Publishes probes until one arrives: a subscription listens only once its first read has
     * begun (and, through Redis, once Redis has confirmed it), and a change before then is lost.
     */
    async listening(events: GraphEvents, probeKeys: string[]): Promise<void> {
      for (let attempt = 0; attempt < 100; attempt++) {
        events.publish('graphChanged', change(0, probeKeys, 'probe'));
        const payload = await this.next(100);
        if (payload === null) throw new Error('the subscription ended');
        if (payload !== 'timeout') {
          if (payload.errors) throw new Error(`errors: ${JSON.stringify(payload.errors)}`);
          return;
        }
      }
      throw new Error('the subscription never heard a probe');
    },
    close: () => reader.cancel(),
  };
}

const quiet = () => ({ logger: createLogger('silent'), metrics: createMetrics() });

function serverWith(store: GraphStore, events: OwnedGraphEvents, options: Partial<ServerOptions> = {}): Yoga {
  return createServer(store, { ...DEFAULT_SERVER_OPTIONS, ...options }, quiet(), events);
}

describe('graphChanged, in-process', () => {
  let store: GraphStore;
  let events: OwnedGraphEvents;
  let yoga: Yoga;
  const focusId = encodeGlobalID('Person', 'alec-baldwin');
  let near: string;
  let far: string;

  beforeAll(async () => {
    store = await embedded.open();
    events = createGraphEvents(null);
    yoga = serverWith(store, events);
    // a neighbour of the focus, and an entity within three hops of it but not one
    const [neighbours] = await store.neighbourKeys(['alec-baldwin'], null);
    const twoAway = await store.neighbourKeys(neighbours!, null);
    near = neighbours![0]!;
    far = twoAway.flat().find((key) => key !== 'alec-baldwin' && !neighbours!.includes(key))!;
    expect(near).toBeDefined();
    expect(far).toBeDefined();
  });
  afterAll(async () => {
    await yoga.dispose();
    await store.close();
  });

  it('sends each change as it is published, with its fields', async () => {
    const sub = await subscribeSse(yoga);
    expect(sub.status).toBe(200);
    await sub.listening(events, ['anything']);
    const sent = change(7, ['alec-baldwin', 'rust']);
    events.publish('graphChanged', sent);
    expect(await sub.nextChange()).toEqual(sent);
    const second = change(8, ['halyna-hutchins']);
    events.publish('graphChanged', second);
    expect(await sub.nextChange()).toEqual(second);
    await sub.close();
  });

  it('with a focus, sends only the changes that touch its neighbourhood', async () => {
    const sub = await subscribeSse(yoga, { focus: focusId, depth: 1 });
    await sub.listening(events, ['alec-baldwin']);
    events.publish('graphChanged', change(10, [far]));
    events.publish('graphChanged', change(11, [near]));
    events.publish('graphChanged', change(12, ['alec-baldwin']));
    // changes are filtered in order, so the far one would have come first
    expect((await sub.nextChange()).seq).toBe(11);
    expect((await sub.nextChange()).seq).toBe(12);
    await sub.close();
  });

  it('follows the depth asked: two hops reach what one does not', async () => {
    const sub = await subscribeSse(yoga, { focus: focusId, depth: 2 });
    await sub.listening(events, ['alec-baldwin']);
    events.publish('graphChanged', change(20, [far]));
    expect((await sub.nextChange()).seq).toBe(20);
    await sub.close();
  });

  it('refuses a focus that is not an entity ID, names nothing, or a depth out of range', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ focus: 'not-an-id' }, 'BAD_USER_INPUT'],
      [{ focus: encodeGlobalID('Source', 'rust-article') }, 'BAD_USER_INPUT'],
      [{ focus: encodeGlobalID('Person', 'nobody-at-all') }, 'NOT_FOUND'],
      [{ focus: focusId, depth: 9 }, 'BAD_USER_INPUT'],
    ];
    for (const [variables, code] of cases) {
      const sub = await subscribeSse(yoga, variables);
      const payload = await sub.next();
      expect(payload, JSON.stringify(variables)).not.toBe('timeout');
      expect((payload as Payload).errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe(code);
      await sub.close();
    }
  });
});

describe('graphChanged under REQUIRE_AUTH', () => {
  let store: GraphStore;
  let events: OwnedGraphEvents;
  let yoga: Yoga;
  const closed: Partial<ServerOptions> = { requireAuth: true, readTokens: ['reader-secret'] };

  beforeAll(async () => {
    store = await embedded.open();
    events = createGraphEvents(null);
    yoga = serverWith(store, events, closed);
  });
  afterAll(async () => {
    await yoga.dispose();
    await store.close();
  });

  it('refuses an anonymous subscriber before anything is sent', async () => {
    const sub = await subscribeSse(yoga);
    const payload = await sub.next();
    expect((payload as Payload).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((payload as Payload).data ?? null).toBeNull();
    await sub.close();
  });

  it('refuses at the field too, for an executor without the HTTP gate', async () => {
    const context = createContext(store, undefined, { ...DEFAULT_SERVER_OPTIONS, ...closed });
    const result = (await execute({ schema, document: parse(SUBSCRIPTION), contextValue: context })) as ExecutionResult;
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('serves a reader', async () => {
    const sub = await subscribeSse(yoga, {}, { authorization: 'Bearer reader-secret' });
    await sub.listening(events, ['rust']);
    events.publish('graphChanged', change(30, ['rust']));
    expect((await sub.nextChange()).seq).toBe(30);
    await sub.close();
  });
});

const EDITOR_SECRET = 'editor-secret';

describe.skipIf(redisUrl === null)('graphChanged across instances, through Redis', () => {
  let store: GraphStore;
  let eventsA: OwnedGraphEvents;
  let a: Yoga;
  let b: Yoga;

  beforeAll(async () => {
    store = await embedded.open();
    eventsA = createGraphEvents(redisUrl);
    a = serverWith(store, eventsA, { redisUrl: redisUrl!, editorTokens: [`alice:${EDITOR_SECRET}`] });
    // B makes its own bus from the setting, as `npm start` does
    b = createServer(store, { ...DEFAULT_SERVER_OPTIONS, redisUrl: redisUrl! }, quiet());
  });
  afterAll(async () => {
    await a?.dispose();
    await b?.dispose();
    await store?.close();
  });

  it('delivers a change published on instance A to a subscriber on instance B, unchanged', async () => {
    const onB = await subscribeSse(b);
    await onB.listening(eventsA, ['rust']);
    const sent = change(40, ['alec-baldwin', 'rust']);
    eventsA.publish('graphChanged', sent);
    expect(await onB.nextChange()).toEqual(sent);
    await onB.close();
  });

  it('filters by focus on the receiving instance', async () => {
    const onB = await subscribeSse(b, { focus: encodeGlobalID('Person', 'alec-baldwin') });
    await onB.listening(eventsA, ['alec-baldwin']);
    eventsA.publish('graphChanged', change(41, ['no-such-entity']));
    eventsA.publish('graphChanged', change(42, ['alec-baldwin']));
    expect((await onB.nextChange()).seq).toBe(42);
    await onB.close();
  });

  it("announces an editor's write on A to a subscriber on B watching the entity", async () => {
    const onB = await subscribeSse(b, { focus: encodeGlobalID('Person', 'alec-baldwin') });
    await onB.listening(eventsA, ['alec-baldwin']);
    const response = await a.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${EDITOR_SECRET}` },
      body: JSON.stringify({
        query: /* GraphQL */ `
          mutation {
            upsertEntity(input: { key: "alec-baldwin", kind: PERSON, summary: "An actor.", reason: "live test" }) {
              change { seq at actor action reason entityKeys }
            }
          }
        `,
      }),
    });
    const body = (await response.json()) as { data?: { upsertEntity: { change: Partial<Change> } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    const written = body.data!.upsertEntity.change;
    expect(written).toMatchObject({ actor: 'alice', action: 'UPSERT_ENTITY', reason: 'live test' });
    expect(await onB.nextChange()).toMatchObject(written);
    await onB.close();
  });
});

describe.skipIf(redisUrl === null)('graphChanged when Redis goes away', () => {
  it('keeps serving queries, and live updates resume when Redis is back', async () => {
    let redis = await startRedis();
    const store = await embedded.open();
    const events = createGraphEvents(redis.url);
    const yoga = serverWith(store, events, { redisUrl: redis.url });
    try {
      const sub = await subscribeSse(yoga);
      await sub.listening(events, ['rust']);

      await redis.stop();
      // a publish into the outage must not reject where nobody catches it (vitest fails the run on that)
      events.publish('graphChanged', change(50, ['rust']));
      const answer = await yoga.fetch('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ entity(kind: PERSON, key: "alec-baldwin") { name } }' }),
      });
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual({ data: { entity: { name: 'Alec Baldwin' } } });

      redis = await startRedis(redis.port);
      // ioredis reconnects and subscribes again by itself
      await sub.listening(events, ['rust']);
      const after = change(51, ['rust']);
      events.publish('graphChanged', after);
      let arrived = await sub.nextChange(10_000);
      // the change published into the outage may still arrive, late, from the offline queue
      if (arrived.seq === 50) arrived = await sub.nextChange(10_000);
      expect(arrived).toEqual(after);
      await sub.close();
    } finally {
      await yoga.dispose();
      await store.close();
      await redis.stop();
    }
  }, 60_000);
});
