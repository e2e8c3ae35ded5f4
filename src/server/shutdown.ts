/**
 * Graceful shutdown: stop accepting connections, let requests in flight finish (up to a
 * deadline, then cut what is left), dispose Yoga, close the store.
 */
import type { Server } from 'node:http';
import type { GraphStore } from '../store/graphStore.js';

export async function closeGracefully(
  http: Server,
  yoga: { dispose(): void | Promise<void> },
  store: GraphStore,
  graceMs: number,
  say: (line: string) => void,
): Promise<void> {
  const closed = new Promise<void>((resolve) => http.close(() => resolve()));
  // a keep-alive connection whose request just finished would otherwise linger until its timeout
  http.closeIdleConnections();
  const sweeper = setInterval(() => http.closeIdleConnections(), 50);
  const deadline = setTimeout(() => {
    say(`requests still open after ${graceMs} ms: closing their connections`);
    http.closeAllConnections();
  }, graceMs);
  await closed;
  clearInterval(sweeper);
  clearTimeout(deadline);
  await yoga.dispose();
  await store.close();
}
