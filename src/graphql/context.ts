/**
 * What every resolver gets: the store, this request's loaders, its bearer token, the server's
 * options, and the event bus that writes publish on and subscriptions listen to.
 */
import { DEFAULT_SERVER_OPTIONS, type ServerOptions } from '../config.js';
import { callerOf, type Caller } from '../access/callers.js';
import type { GraphStore } from '../store/graphStore.js';
import { createGraphEvents, type GraphEvents } from './events.js';
import { createLoaders, type Loaders } from './loaders.js';

export interface Context {
  store: GraphStore;
  loaders: Loaders;
  /** Who is asking, by their bearer token. */
  caller: Caller;
  options: ServerOptions;
  /** The server's one bus: publish('graphChanged', change) after a write reaches every subscriber. */
  events: GraphEvents;
}

export function createContext(
  store: GraphStore,
  request?: Request,
  options: ServerOptions = DEFAULT_SERVER_OPTIONS,
  // a bus of its own, for callers without a server (tests): nobody else hears what it publishes
  events: GraphEvents = createGraphEvents(null),
): Context {
  return { store, loaders: createLoaders(store), caller: callerOf(request, options), options, events };
}
