/** What every resolver gets: the store, this request's loaders, its bearer token and the server's options. */
import { DEFAULT_SERVER_OPTIONS, type ServerOptions } from '../config.js';
import { callerOf, type Caller } from '../access/callers.js';
import type { GraphStore } from '../store/graphStore.js';
import { createLoaders, type Loaders } from './loaders.js';

export interface Context {
  store: GraphStore;
  loaders: Loaders;
  /** Who is asking, by their bearer token. */
  caller: Caller;
  options: ServerOptions;
}

export function createContext(
  store: GraphStore,
  request?: Request,
  options: ServerOptions = DEFAULT_SERVER_OPTIONS,
): Context {
  return { store, loaders: createLoaders(store), caller: callerOf(request, options), options };
}
