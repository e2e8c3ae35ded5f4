/** A store that counts its round trips: every call of a data method is one trip to the store. */
import type { GraphStore } from '../../src/store/graphStore.js';
import { interceptStore } from '../../src/store/interceptStore.js';

export function countingStore(store: GraphStore) {
  const calls: string[] = [];
  const counted = interceptStore(
    store,
    (method, call) => {
      calls.push(method);
      return call();
    },
    ['name', 'ping', 'close'],
  );
  return { store: counted, calls, reset: () => calls.splice(0) };
}
