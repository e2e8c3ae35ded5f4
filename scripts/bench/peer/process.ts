/** What the peer and floor servers share when they run as processes of their own (run.ts spawns them). */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import neo4j, { type Driver } from 'neo4j-driver';

/** True when the module at `url` is the script this process was started with. */
export const isMain = (url: string): boolean =>
  process.argv[1] !== undefined && url === pathToFileURL(process.argv[1]).href;

/** A driver on NEO4J_URI (NEO4J_USER and NEO4J_PASSWORD when a password is set), with the driver's defaults. */
export function driverFromEnv(): { driver: Driver; database: string } {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error('NEO4J_URI is not set');
  const password = process.env.NEO4J_PASSWORD;
  const auth = password ? neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', password) : undefined;
  return { driver: neo4j.driver(uri, auth), database: process.env.NEO4J_DATABASE || 'neo4j' };
}

/** Listens on 127.0.0.1:$PORT, says so on stdout, and closes on SIGTERM or SIGINT. */
export async function listenFromEnv(server: Server, name: string, close: () => Promise<void>): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', resolve);
  });
  console.log(`${name} listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  const stop = () => {
    server.close();
    server.closeAllConnections();
    void close().finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
