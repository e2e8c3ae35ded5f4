/**
 * A store whose method calls pass through `around`: the one mechanism behind the deadline guard,
 * the round-trip metrics and the tests' call counter. Methods named in `passThrough`, and
 * capabilities a store lacks (readOnlyCypher on the embedded store), are left as they are.
 */
import type { GraphStore } from './graphStore.js';

export type Around = (method: string, call: () => Promise<unknown>) => Promise<unknown>;

export function interceptStore(
  store: GraphStore,
  around: Around,
  passThrough: readonly string[] = ['name', 'close'],
): GraphStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || passThrough.includes(String(property))) return value;
      return (...args: unknown[]) => around(String(property), () => Promise.resolve(value.apply(target, args)));
    },
  });
}
