/**
 * `npm run bench`: autocannon against a running server, on the embedded store and on Neo4j, for
 * the operations in operations.ts; then a scale run on Neo4j with synthetic cases. Prints a table
 * and writes it, as JSON and as Markdown with the machine it ran on, under bench/results/.
 *
 * Settings: BENCH_SECONDS (5 per operation), BENCH_WARMUP (2 s of the same requests before each,
 * not measured), BENCH_PREWARM (10 s of each operation in turn before the first is measured, on
 * each server and data set), BENCH_CONNECTIONS (10), BENCH_SCALE (1000,10000,100000; "none" to skip), NEO4J_URI
 * (otherwise the local Neo4j is started here).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { freePort } from '../localNeo4j.js';
import { benchNeo4j } from './benchNeo4j.js';
import { runCli } from '../../src/cli/runCli.js';
import { loadCases } from '../../src/domain/loadCases.js';
import { DEFAULT_DATA_DIR, PROJECT_ROOT } from '../../src/paths.js';
import { createDriver } from '../../src/store/neo4j/driver.js';
import { seedNeo4j } from '../../src/store/neo4j/seed.js';
import { operations, RUST_SUBJECTS, syntheticSubjects, type Operation, type Subjects } from './operations.js';
import { syntheticCase } from './synthetic.js';
import { benchScale, numberSetting, SERVER_NODE_FLAGS } from './settings.js';

const SECONDS = numberSetting('BENCH_SECONDS', 5);
const CONNECTIONS = numberSetting('BENCH_CONNECTIONS', 10);
const WARMUP = numberSetting('BENCH_WARMUP', 2);
/**
 * Seconds of every operation in turn, on each server and data set, before the first is measured:
 * a freshly started Neo4j keeps compiling for about a minute under load (the Rust case's entity
 * page went from 142 to 850 req/s over its first 40 s), so without this pass the first rows
 * measured the JIT.
 */
const PREWARM = numberSetting('BENCH_PREWARM', 10);
const SCALE = benchScale('1000,10000,100000');

interface Row {
  dataset: string;
  store: string;
  operation: string;
  requestsPerSecond: number;
  p50ms: number;
  p99ms: number;
  requests: number;
  mismatches: number;
  storeRoundTripsPerRequest: number;
  /** Requests per second of the baseline on the same server, divided by this operation's. */
  costVsBaseline: number;
}

/** The server on a port of its own, once /health answers; request logs off (LOG_LEVEL=warn), as they would skew the figures. */
async function startServer(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn('node', [...SERVER_NODE_FLAGS, 'dist/cli/serve.js'], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      // as deployed (the Docker image's): graphql-js then skips its development checks
      NODE_ENV: 'production',
      // every request repeats the one before: measured with the cache, they would measure the cache
      RESPONSE_CACHE_TTL_MS: process.env.RESPONSE_CACHE_TTL_MS ?? '0',
      MAX_COST: '10000000',
      METRICS_PORT: '',
      REQUIRE_AUTH: 'false',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`server exited (${code})`))),
  );
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries += 1) {
    const up = await Promise.race([
      fetch(`${url}/health`).then(
        (r) => r.ok,
        () => false,
      ),
      exited,
    ]);
    if (up) return { url, child };
    if (tries > 300) throw new Error('the server did not answer /health within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function storeRoundTrips(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return [...text.matchAll(/^store_round_trips_total\{[^}]*\} (\d+)/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
}

/** The operation's requests for `seconds`, not measured. */
async function warmUp(url: string, operation: Operation, seconds: number): Promise<void> {
  if (seconds <= 0) return;
  const body = JSON.stringify({ query: operation.query, variables: operation.variables });
  await autocannon({
    url: `${url}/graphql`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, body }],
  });
}

async function measure(url: string, operation: Operation): Promise<Omit<Row, 'dataset' | 'store' | 'costVsBaseline'>> {
  let mismatches = 0;
  const body = JSON.stringify({ query: operation.query, variables: operation.variables });
  // not measured: the first requests of a fresh server and database plan their queries and warm the JIT
  await warmUp(url, operation, WARMUP);
  const before = await storeRoundTrips(url);
  const result = await autocannon({
    url: `${url}/graphql`,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        onResponse: (status: number, body: string) => {
          if (status !== 200 || body.includes('"errors"')) mismatches++;
        },
      },
    ],
  });
  const trips = (await storeRoundTrips(url)) - before;
  const requests = result.requests.total;
  return {
    operation: operation.name,
    requestsPerSecond: Math.round(result.requests.average),
    p50ms: result.latency.p50,
    p99ms: result.latency.p99,
    requests,
    mismatches: mismatches + result.non2xx + result.errors,
    storeRoundTripsPerRequest: requests ? Math.round((trips / requests) * 100) / 100 : 0,
  };
}

async function benchServer(dataset: string, store: string, url: string, subjects: Subjects): Promise<Row[]> {
  const rows: Row[] = [];
  for (const operation of operations(subjects)) await warmUp(url, operation, PREWARM);
  for (const operation of operations(subjects)) {
    const row = await measure(url, operation);
    const baseline = rows[0]?.requestsPerSecond ?? row.requestsPerSecond;
    rows.push({
      dataset,
      store,
      ...row,
      costVsBaseline: Math.round((baseline / Math.max(row.requestsPerSecond, 1)) * 10) / 10,
    });
    console.log(
      `  ${dataset} | ${store} | ${row.operation}: ${row.requestsPerSecond} req/s, p50 ${row.p50ms} ms, p99 ${row.p99ms} ms, ${row.mismatches} mismatches`,
    );
  }
  return rows;
}

function table(rows: Row[]): string {
  const header =
    '| dataset | store | operation | req/s | p50 ms | p99 ms | × baseline | store trips/req | mismatches |';
  const lines = rows.map(
    (r) =>
      `| ${r.dataset} | ${r.store} | ${r.operation} | ${r.requestsPerSecond} | ${r.p50ms} | ${r.p99ms} | ${r.costVsBaseline} | ${r.storeRoundTripsPerRequest} | ${r.mismatches} |`,
  );
  return [header, '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |', ...lines].join('\n');
}

function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
}

runCli(async () => {
  const rows: Row[] = [];
  const seedTimes: string[] = [];
  const rust = loadCases(DEFAULT_DATA_DIR);

  console.log(`Benchmark: ${SECONDS} s per operation, ${CONNECTIONS} connections`);
  const embedded = await startServer({ NEO4J_URI: '' });
  try {
    rows.push(...(await benchServer('Rust case', 'embedded', embedded.url, RUST_SUBJECTS)));
  } finally {
    embedded.child.kill('SIGTERM');
  }

  const neo4jUnderTest = await benchNeo4j('the Neo4j benchmarks');
  const { config } = neo4jUnderTest;
  const uri = config.uri;
  const driver = createDriver(config, 600_000);
  try {
    await seedNeo4j(driver, config.database, rust);
    const server = await startServer({ NEO4J_URI: uri, NEO4J_PASSWORD: config.password });
    try {
      rows.push(...(await benchServer('Rust case', 'neo4j', server.url, RUST_SUBJECTS)));
      for (const size of SCALE) {
        const graph = syntheticCase(size);
        const started = Date.now();
        await seedNeo4j(driver, config.database, graph, { batchSize: 5000 });
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        seedTimes.push(`${size} entities, ${graph.relationships.length} relationships: seeded in ${seconds} s`);
        console.log(`Seeded synthetic ${size}: ${seconds} s`);
        rows.push(...(await benchServer(`synthetic ${size}`, 'neo4j', server.url, syntheticSubjects(graph))));
      }
    } finally {
      server.child.kill('SIGTERM');
    }
    // leave a database of the caller's (NEO4J_URI) holding the case files again; one started here
    // is removed whole, which is far quicker than deleting a large synthetic case from it
    if (!neo4jUnderTest.local) await seedNeo4j(driver, config.database, rust);
  } finally {
    await driver.close();
    await neo4jUnderTest.close();
  }

  const markdown = table(rows);
  console.log(`\n${markdown}\n`);
  const resultsDir = join(PROJECT_ROOT, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const result = { machine: machine(), seconds: SECONDS, connections: CONNECTIONS, seedTimes, rows };
  writeFileSync(join(resultsDir, `${stamp}.json`), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(
    join(resultsDir, `${stamp}.md`),
    `Machine: ${result.machine}\n\n${seedTimes.map((line) => `- ${line}`).join('\n')}\n\n${markdown}\n`,
  );
  console.log(`Results: bench/results/${stamp}.json and .md`);
});
