/**
 * The server's event bus, which subscriptions listen to and writes publish on: in-process for one
 * instance, or through Redis pub/sub (REDIS_URL) so that a write on any instance behind a load
 * balancer reaches the subscribers of every instance. A Change is plain JSON (`at` is an ISO
 * string), so it crosses Redis unchanged.
 */
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub, type PubSub, type PubSubEvent, Repeater, SlidingBuffer } from 'graphql-yoga';
import { setMaxListeners } from 'node:events';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Change } from '../domain/changes.js';

type GraphEventArgs = { graphChanged: [change: Change] };
type GraphEventTarget = NonNullable<Parameters<typeof createPubSub<GraphEventArgs>>[0]>['eventTarget'];

/** What resolvers see: publish after a write, subscribe for a subscription. */
export type GraphEvents = PubSub<GraphEventArgs>;

/**
 * The bus as its owner (the server) holds it. On shutdown it first ends every open subscription
 * (an SSE stream never ends by itself, so a graceful close would otherwise wait out its whole
 * grace period), then closes.
 */
export type OwnedGraphEvents = GraphEvents & { endSubscriptions(): void; close(): Promise<void> };

/** What the bus says about Redis: pino's logger, or anything with its warn and info. */
type EventLog = Pick<Logger, 'warn' | 'info'>;

const silent: EventLog = { warn: () => undefined, info: () => undefined };

export function createGraphEvents(redisUrl: string | null, log: EventLog = silent): OwnedGraphEvents {
  if (redisUrl === null) {
    // every subscription listens on this target: Node's warning at 10 listeners is not a leak here
    const eventTarget = new EventTarget();
    setMaxListeners(0, eventTarget);
    return {
      ...unstoppable(createPubSub<GraphEventArgs>({ eventTarget: eventTarget as GraphEventTarget })),
      close: async () => undefined,
    };
  }

  // A subscribe sent while Redis is away waits for it to come back (ioredis then resubscribes by
  // itself) instead of failing after 20 reconnection attempts; publishes keep that limit, so a
  // long outage drops changes (logged) rather than queueing them without end.
  const publisher = new Redis(redisUrl);
  const subscriber = new Redis(redisUrl, { maxRetriesPerRequest: null });
  watch(publisher, 'publish', log);
  watch(subscriber, 'subscribe', log);

  const failed = (error: unknown) =>
    log.warn({ err: error }, 'Redis did not take a command: a change may not reach every subscriber');
  const eventTarget = createRedisEventTarget<PubSubEvent<GraphEventArgs, 'graphChanged'>>({
    publishClient: catching(publisher, failed),
    subscribeClient: catching(subscriber, failed),
  });
  return {
    ...unstoppable(createPubSub<GraphEventArgs>({ eventTarget })),
    close: async () => {
      // disconnect, not quit: quit waits for an answer that a Redis gone away never sends
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}

/**
 * Logs a Redis outage once when it begins and once when it ends. ioredis reconnects by itself;
 * meanwhile queries are served as usual, only changes cannot travel.
 */
function watch(client: Redis, role: string, log: EventLog): void {
  let down = false;
  client.on('error', (error: Error) => {
    if (down) return;
    down = true;
    log.warn({ err: error }, `Redis (${role}) is unreachable: live updates pause until it is back`);
  });
  client.on('ready', () => {
    if (!down) return;
    down = false;
    log.info(`Redis (${role}) is back: live updates resume`);
  });
}

/** How many changes a subscriber that does not read may fall behind; older ones are then dropped. */
const BACKLOG = 256;

/**
 * Each subscription drains its topic into a sliding buffer of its own. Without it, a subscriber
 * whose client stops reading lets pushes pile up until the 1025th throws, inside whoever
 * published, which would take the process down.
 */
function unstoppable(pubSub: GraphEvents): GraphEvents & { endSubscriptions(): void } {
  const open = new Set<() => void>();
  const subscribe = () =>
    new Repeater<Change>(async (push, stop) => {
      const end = () => stop();
      open.add(end);
      const source = pubSub.subscribe('graphChanged');
      stop.then(() => {
        open.delete(end);
        return source.return();
      });
      for await (const change of source) void push(change);
    }, new SlidingBuffer(BACKLOG));
  return {
    publish: pubSub.publish,
    // graphChanged is the only topic, which PubSub's signature (generic over topics) cannot see
    subscribe: subscribe as GraphEvents['subscribe'],
    endSubscriptions: () => {
      for (const end of open) end();
    },
  };
}

const FIRE_AND_FORGET = ['publish', 'subscribe', 'unsubscribe'];

/**
 * The client, except that the commands the event target sends and never awaits get a catch: a
 * rejection nobody handles (Redis gone away) would otherwise bring the whole process down.
 */
function catching(client: Redis, onFailure: (error: unknown) => void): Redis {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || !FIRE_AND_FORGET.includes(String(property))) return value;
      return (...args: unknown[]) => {
        const result: unknown = Reflect.apply(value, target, args);
        if (result instanceof Promise) result.catch(onFailure);
        return result;
      };
    },
  });
}
