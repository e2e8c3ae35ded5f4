/**
 * `npm start`: serves the case graph over HTTP on $PORT, from Neo4j or the embedded store, and
 * the Prometheus metrics on $METRICS_PORT when that is set.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readConfig } from '../config.js';
import { createStore, describeStore } from '../store/createStore.js';
import { runCli } from './runCli.js';
import { createGraphEvents } from '../graphql/events.js';
import { createServer } from '../http/createServer.js';
import { createMetricsServer } from '../http/metricsEndpoint.js';
import { createLogger, createMetrics } from '../http/observability.js';
import { closeGracefully, createHttpServer } from '../http/shutdown.js';

async function listen(server: Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return (server.address() as AddressInfo).port;
}

runCli(async () => {
  const config = readConfig();
  const store = createStore(config);
  // one registry for both ports: the main server counts, the metrics listener serves
  const metrics = createMetrics();
  // every line this process writes is one JSON log line, its own start and stop included
  const logger = createLogger();
  const events = createGraphEvents(config.server.redisUrl ?? null, logger);
  const yoga = createServer(store, config.server, { logger, metrics }, events);
  const http = createHttpServer(yoga);

  const port = await listen(http, config.port, config.host);
  logger.info(`Serving the case graph from ${describeStore(config)}`);
  logger.info({ port }, `GraphQL and GraphiQL on http://localhost:${port}/graphql`);

  let metricsServer: Server | undefined;
  if (config.server.metricsPort !== undefined) {
    metricsServer = createMetricsServer(metrics);
    const metricsPort = await listen(metricsServer, config.server.metricsPort, config.host);
    logger.info({ metricsPort }, `Metrics on http://localhost:${metricsPort}/metrics`);
  }

  try {
    const counts = await store.countByKind();
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    if (total === 0) logger.warn('The store holds no entities: run `npm run seed` to load the case files.');
  } catch (error) {
    logger.warn(`The store did not answer yet: ${(error as Error).message}`);
  }

  let stopping = false;
  const stop = async (signal: string) => {
    // npm forwards a signal to the server that the process group already got: the second must not
    // cut short the graceful close the first began (Node's default for an unhandled SIGTERM is to exit)
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: closing (requests in flight may finish within ${config.shutdownGraceMs} ms)`);
    metricsServer?.close();
    metricsServer?.closeAllConnections();
    await closeGracefully(
      http,
      yoga,
      store,
      config.shutdownGraceMs,
      (line) => logger.warn(line),
      () => events.endSubscriptions(),
    );
    logger.info('closed');
    logger.flush();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
});
