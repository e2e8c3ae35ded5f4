/** What every resolver gets: the store and this request's loaders. */
import type { GraphStore } from '../store/graphStore.js';
import { createLoaders, type Loaders } from './loaders.js';

export interface Context {
  store: GraphStore;
  loaders: Loaders;
}

export function createContext(store: GraphStore): Context {
  return { store, loaders: createLoaders(store) };
}
