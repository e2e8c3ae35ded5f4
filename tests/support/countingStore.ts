/** A store that counts its round trips: every call of a data method is one trip to the store. */
import type { GraphStore } from '../../src/store/graphStore.js';

const NOT_DATA = new Set(['name', 'ping', 'close']);

export function countingStore(store: GraphStore) {
  const calls: string[] = [];
  const counted = new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || NOT_DATA.has(String(property))) return value;
      return (...args: unknown[]) => {
        calls.push(String(property));
        return value.apply(target, args);
      };
    },
  });
  return { store: counted, calls, reset: () => calls.splice(0) };
}
