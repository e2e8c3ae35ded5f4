/**
 * The peer of issue 11 as a server: @neo4j/graphql 7 on graphql-yoga, with the typeDefs of
 * peerSchema.ts, as its documentation sets it up (a driver, the database in the session config).
 * Run alone: `PORT=4200 NEO4J_URI=bolt://127.0.0.1:7687 tsx scripts/bench/peer/peerServer.ts`.
 */
import { createServer } from 'node:http';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { createYoga } from 'graphql-yoga';
import type { Driver } from 'neo4j-driver';
import { PEER_TYPE_DEFS } from './peerSchema.js';
import { driverFromEnv, isMain, listenFromEnv } from './process.js';

/** The peer's Yoga, answering on /graphql (and /health); call `fetch` in-process or serve it over node:http. */
export async function createPeerYoga(driver: Driver, database: string) {
  const schema = await new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver }).getSchema();
  return createYoga({
    schema,
    context: { sessionConfig: { database } },
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql: false,
    logging: 'warn',
  });
}

if (isMain(import.meta.url)) {
  const { driver, database } = driverFromEnv();
  const yoga = await createPeerYoga(driver, database);
  await listenFromEnv(createServer(yoga), 'peer', () => driver.close());
}
