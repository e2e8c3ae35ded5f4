/**
 * Graceful shutdown: stop accepting connections, let requests in flight finish (up to a
 * deadline, then cut what is left), dispose Yoga, close the store. Once it begins, every response
 * says `Connection: close`, so a keep-alive client opens its next connection elsewhere instead
 * of sending it down one we are about to close (under load, such requests were reset).
 */
import { createServer as createNodeServer, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { GraphStore } from '../store/graphStore.js';

/** For each server made by createHttpServer: what closeGracefully calls to mark its responses. */
const beginClosing = new WeakMap<Server, () => void>();

/** An HTTP server for `handler` whose responses carry `Connection: close` once closeGracefully begins. */
export function createHttpServer(handler: RequestListener): Server {
  let closing = false;
  // responses whose headers may not be written yet: those in flight when shutdown begins
  const open = new Set<ServerResponse>();
  const server = createNodeServer((request, response) => {
    if (closing) response.setHeader('connection', 'close');
    else {
      open.add(response);
      response.once('close', () => open.delete(response));
    }
    handler(request, response);
  });
  beginClosing.set(server, () => {
    closing = true;
    // Node then ends the connection after the response instead of keeping it alive
    for (const response of open) if (!response.headersSent) response.setHeader('connection', 'close');
    open.clear();
  });
  return server;
}

export async function closeGracefully(
  http: Server,
  yoga: { dispose(): void | Promise<void> },
  store: GraphStore,
  graceMs: number,
  say: (line: string) => void,
  /** Ends what never ends by itself (live-update streams), so that their connections can close. */
  endStreams: () => void = () => undefined,
): Promise<void> {
  beginClosing.get(http)?.();
  endStreams();
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
