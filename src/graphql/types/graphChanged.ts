/**
 * graphChanged: live updates for front ends (over SSE, Yoga's own transport). Every write to the
 * graph arrives as its Change as it happens; with `focus`, only the changes that touch what
 * neighbourhood(focus, depth) would show, as the graph stands when each change arrives.
 */
import { filter, pipe } from 'graphql-yoga';
import { refusalFor } from '../../access/callers.js';
import type { Change } from '../../domain/changes.js';
import { NEIGHBOURHOOD_DEPTH, NEIGHBOURHOOD_LIMIT, neighbourhood, storeReader } from '../../explore/neighbourhood.js';
import type { GraphStore } from '../../store/graphStore.js';
import { builder } from '../builder.js';
import { clientError, intIn } from '../errors.js';
import { entityOfId } from '../globalIds.js';
import { ChangeRef } from '../refs.js';

builder.subscriptionType({ description: 'Live updates, over server-sent events (Accept: text/event-stream).' });

/**
 * The keys of the entities within `depth` hops of `focusKey` now, the focus included. Read
 * straight from the store: a subscription outlives any request's loaders, whose cache would go
 * stale as the graph changes. An entity merged away or removed is its key alone, which the
 * change that did it still names.
 */
async function keysAround(store: GraphStore, focusKey: string, depth: number): Promise<Set<string>> {
  const [focus] = await store.entitiesByKeys([focusKey]);
  if (!focus) return new Set([focusKey]);
  const { nodes } = await neighbourhood(focus, depth, null, NEIGHBOURHOOD_LIMIT.max, storeReader(store));
  return new Set(nodes.map((entity) => entity.key));
}

/**
 * The neighbourhoods of the latest changes, shared by every subscriber watching the same focus at
 * the same depth: a change costs the store one walk per focus, not one per subscriber. Keyed by the
 * change, so a later change (which may have altered the graph) walks afresh.
 */
const RECENT_WALKS = 256;
const walksByStore = new WeakMap<GraphStore, Map<string, Promise<Set<string>>>>();
function sharedKeysAround(store: GraphStore, change: Change, focusKey: string, depth: number) {
  const walks = walksByStore.get(store) ?? new Map<string, Promise<Set<string>>>();
  walksByStore.set(store, walks);
  const id = `${change.seq}|${change.at}|${focusKey}|${depth}`;
  let walk = walks.get(id);
  if (!walk) {
    walk = keysAround(store, focusKey, depth);
    walks.set(id, walk);
    // a failed walk is not kept: the next subscriber asks again
    walk.catch(() => walks.delete(id));
    if (walks.size > RECENT_WALKS) walks.delete(walks.keys().next().value!);
  }
  return walk;
}

builder.subscriptionField('graphChanged', (t) =>
  t.field({
    type: ChangeRef,
    authScopes: { read: true },
    description:
      'Each write to the graph as it happens, as its audit record. Without `focus`, every change; with it, only those that touch an entity within `depth` hops of the focus (as neighbourhood(id: focus, depth, limit: 1000) would show it when the change arrives).',
    args: {
      focus: t.arg.id({ required: false, description: 'The ID of the entity to watch around; none: every change.' }),
      depth: t.arg.int({
        required: false,
        defaultValue: NEIGHBOURHOOD_DEPTH.default,
        description: `How many hops around the focus, 1 to ${NEIGHBOURHOOD_DEPTH.max}.`,
      }),
    },
    subscribe: async (_root, args, { caller, store, events }) => {
      // scope-auth checks `read` on each change delivered; refusing here too means a caller
      // without it never holds a subscription, nor makes the store walk the graph for it
      const refusal = refusalFor(caller, 'read');
      if (refusal) throw clientError(refusal.code, refusal.message);
      const depth = intIn(NEIGHBOURHOOD_DEPTH, args.depth);
      if (args.focus === null || args.focus === undefined) return events.subscribe('graphChanged');

      const id = String(args.focus);
      const focus = await entityOfId(id, 'focus', async (key) => (await store.entitiesByKeys([key]))[0] ?? null);
      if (!focus) throw clientError('NOT_FOUND', `no entity has the ID ${id}`);
      const touchesFocus = async (change: Change) => {
        try {
          const around = await sharedKeysAround(store, change, focus.key, depth);
          return change.entityKeys.some((key) => around.has(key));
        } catch {
          // the store did not answer: a change too many (the client refetches) beats a lost one,
          // and ending the subscription over an outage would be worse still
          return true;
        }
      };
      return pipe(events.subscribe('graphChanged'), filter(touchesFocus));
    },
    resolve: (change) => change,
  }),
);
