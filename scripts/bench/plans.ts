/**
 * `npm run bench:plans`: the plans of the hot queries, as the project sends them. Seeds a synthetic
 * case (BENCH_PLANS_SCALE, 10000) into Neo4j (NEO4J_URI, or a local one started here), answers each
 * operation of both benchmarks through the API on a driver that records every query it sends, then
 * runs each recorded query again under PROFILE and prints its operators with rows and db hits, as
 * Markdown (docs/BENCHMARKS.md holds the output).
 */
import type { Driver } from 'neo4j-driver';
import { DEFAULT_SERVER_OPTIONS } from '../../src/config.js';
import { createServer } from '../../src/http/createServer.js';
import { createLogger, createMetrics } from '../../src/http/observability.js';
import { createDriver } from '../../src/store/neo4j/driver.js';
import { Neo4jStore } from '../../src/store/neo4j/neo4jStore.js';
import { seedNeo4j } from '../../src/store/neo4j/seed.js';
import { benchNeo4j } from './benchNeo4j.js';
import { operations, syntheticSubjects } from './operations.js';
import { peerOperations, syntheticPeerSubjects } from './peer/operations.js';
import { syntheticCase } from './synthetic.js';

const SCALE = Number(process.env.BENCH_PLANS_SCALE ?? 10_000);

interface Sent {
  query: string;
  parameters: Record<string, unknown>;
}

/** The driver, recording what the store sends through its sessions' `run` (every read goes that way). */
function recording(driver: Driver, sent: Sent[]): Driver {
  return new Proxy(driver, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property !== 'session') return typeof value === 'function' ? value.bind(target) : value;
      return (...args: Parameters<Driver['session']>) => {
        const session = target.session(...args);
        const run = session.run.bind(session);
        session.run = ((query: string, parameters: Record<string, unknown>, config: unknown) => {
          sent.push({ query, parameters });
          return run(query, parameters, config as never);
        }) as typeof session.run;
        return session;
      };
    },
  });
}

interface PlanNode {
  operatorType: string;
  arguments: Record<string, unknown>;
  rows?: number;
  dbHits?: number;
  children: PlanNode[];
}

const total = (plan: PlanNode): number => (plan.dbHits ?? 0) + plan.children.reduce((sum, c) => sum + total(c), 0);

function lines(plan: PlanNode, depth = 0): string[] {
  const details = String(plan.arguments.Details ?? '').replace(/\s+/g, ' ');
  const shown = details.length > 140 ? `${details.slice(0, 137)}...` : details;
  const line = `${'  '.repeat(depth)}${plan.operatorType.replace(/@.*/, '')} ${shown} (rows ${plan.rows ?? 0}, db hits ${plan.dbHits ?? 0})`;
  return [line, ...plan.children.flatMap((child) => lines(child, depth + 1))];
}

async function main() {
  const neo4jUnderTest = await benchNeo4j('the query plans');
  const { config } = neo4jUnderTest;
  const driver = createDriver(config, 600_000);
  try {
    const graph = syntheticCase(SCALE);
    await seedNeo4j(driver, config.database, graph, { batchSize: 5000 });
    const sent: Sent[] = [];
    const store = new Neo4jStore(recording(driver, sent), config.database);
    const options = { ...DEFAULT_SERVER_OPTIONS, requireAuth: false, responseCacheTtlMs: 0 };
    const yoga = createServer(store, options, { logger: createLogger('silent'), metrics: createMetrics() });
    const peer = peerOperations(syntheticPeerSubjects(graph));
    const asked = [
      ...Object.entries(peer).map(([name, servers]) => ({ name: `bench:peer ${name}`, body: servers.project.body })),
      ...operations(syntheticSubjects(graph))
        .slice(1)
        .map((op) => ({ name: `bench ${op.name}`, body: { query: op.query, variables: op.variables } })),
    ];
    console.log(`# Plans of the hot queries (synthetic ${SCALE}: ${graph.entities.length} entities, ${graph.relationships.length} relationships)\n`);
    for (const { name, body } of asked) {
      sent.splice(0);
      const response = await yoga.fetch('http://plans/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const answer = (await response.json()) as { errors?: unknown[] };
      if (answer.errors) throw new Error(`${name}: ${JSON.stringify(answer.errors)}`);
      console.log(`## ${name}: ${sent.length} ${sent.length === 1 ? 'query' : 'queries'}\n`);
      for (const { query, parameters } of sent.splice(0)) {
        // twice: the first run plans it, the second is what a warm server sees
        await driver.executeQuery(`PROFILE ${query}`, parameters, { database: config.database });
        const { summary } = await driver.executeQuery(`PROFILE ${query}`, parameters, { database: config.database });
        const plan = summary.profile as unknown as PlanNode;
        const first = query.split('\n').find((l) => !l.startsWith('//')) ?? '';
        console.log(`\`${first.slice(0, 100)}${first.length > 100 ? '...' : ''}\`: ${total(plan)} db hits\n`);
        console.log(['```', ...lines(plan), '```', ''].join('\n'));
      }
    }
    await yoga.dispose();
  } finally {
    await driver.close();
    await neo4jUnderTest.close();
  }
}

await main();
