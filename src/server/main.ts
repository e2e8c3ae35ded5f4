/** `npm start`: serves the case graph over HTTP on $PORT, from Neo4j or the embedded store. */
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readConfig } from '../config.js';
import { createStore, describeStore } from '../store/createStore.js';
import { runCli } from '../cli/runCli.js';
import { createServer } from './createServer.js';
import { closeGracefully } from './shutdown.js';

runCli(async () => {
  const config = readConfig();
  const store = createStore(config);
  const yoga = createServer(store, config.server);
  const http = createHttpServer(yoga);

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, config.host, resolve);
  });
  const { port } = http.address() as AddressInfo;
  console.log(`Serving the case graph from ${describeStore(config)}`);
  console.log(`GraphQL and GraphiQL on http://localhost:${port}/graphql`);

  try {
    const counts = await store.countByKind();
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    if (total === 0) console.warn('The store holds no entities: run `npm run seed` to load the case files.');
  } catch (error) {
    console.warn(`The store did not answer yet: ${(error as Error).message}`);
  }

  const stop = async (signal: string) => {
    console.log(`${signal}: closing (requests in flight may finish within ${config.shutdownGraceMs} ms)`);
    await closeGracefully(http, yoga, store, config.shutdownGraceMs, (line) => console.warn(line));
    console.log('closed');
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
});
