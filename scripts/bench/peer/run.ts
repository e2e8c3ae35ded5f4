/**
 * `npm run bench:peer` (issue 11): this project beside the Neo4j GraphQL Library and a one-query
 * floor, on the same local Neo4j and the same data.
 *
 * 1. Starts Neo4j (or uses NEO4J_URI), seeds the case files, and starts three servers, each a
 *    process of its own: the project (`node dist/cli/serve.js`), the peer (peerServer.ts:
 *    @neo4j/graphql 7 on graphql-yoga) and the floor (floorServer.ts: one Cypher query per answer).
 * 2. For the case files, then for each synthetic case: checks that the three give the same facts
 *    for each operation of operations.ts (it stops, naming the differences, if not), warms each
 *    server up on every operation, then again on each before it is measured, then measures with autocannon in interleaved rounds: per operation, each round runs
 *    the three servers one after the other, starting with a different one each round.
 * 3. Reports per server the median over the rounds of req/s and of p50 and p99, the bytes per
 *    answer, the CPU time per request of the server's process and of Neo4j, and the ratios
 *    project ÷ peer and project ÷ floor; prints Markdown and writes it, with JSON, under bench/results/.
 *
 * Settings: BENCH_SECONDS (5 per round), BENCH_ROUNDS (3), BENCH_CONNECTIONS (10), BENCH_WARMUP
 * (seconds per server and operation, in the first pass and again before each operation's rounds, 1), BENCH_SCALE (synthetic sizes, 10000;
 * "none" to skip), NEO4J_URI (otherwise a local Neo4j is started here, and stopped after).
 * The project's response cache is off (RESPONSE_CACHE_TTL_MS=0), since the peer and the floor keep
 * no answers and every request here repeats the one before; set RESPONSE_CACHE_TTL_MS to measure it.
 * BENCH_PROJECT_DIR measures another checkout as the project (a "before" for a before/after), built
 * there first (`npm ci && npm run build`); the database is then seeded by that checkout's own seed
 * and schema (indexes), so that all three servers read the graph as that version of the project
 * lays it out.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { runCli } from '../../../src/cli/runCli.js';
import { loadCases } from '../../../src/domain/loadCases.js';
import type { CaseGraph } from '../../../src/domain/model.js';
import { DEFAULT_DATA_DIR, PROJECT_ROOT } from '../../../src/paths.js';
import { createDriver } from '../../../src/store/neo4j/driver.js';
import { seedNeo4j } from '../../../src/store/neo4j/seed.js';
import { freePort } from '../../localNeo4j.js';
import { benchNeo4j } from '../benchNeo4j.js';
import { syntheticCase } from '../synthetic.js';
import { benchScale, numberSetting, SERVER_NODE_FLAGS } from '../settings.js';
import {
  agree,
  OPERATION_NAMES,
  type OperationName,
  type PeerOperations,
  type PeerSubjects,
  peerOperations,
  RUST_PEER_SUBJECTS,
  SERVER_NAMES,
  type ServerName,
  type ServerOperation,
  syntheticPeerSubjects,
} from './operations.js';

const SECONDS = numberSetting('BENCH_SECONDS', 5);
const ROUNDS = numberSetting('BENCH_ROUNDS', 3);
const CONNECTIONS = numberSetting('BENCH_CONNECTIONS', 10);
const WARMUP = numberSetting('BENCH_WARMUP', 1);
/** The project's response cache is off unless RESPONSE_CACHE_TTL_MS is set for this run. */
const PROJECT_CACHE_TTL_MS = process.env.RESPONSE_CACHE_TTL_MS || '0';
/** The checkout measured as "the project": this one, or BENCH_PROJECT_DIR's. */
const PROJECT_DIR = process.env.BENCH_PROJECT_DIR ? resolve(process.env.BENCH_PROJECT_DIR) : PROJECT_ROOT;
const SCALE = benchScale('10000');

interface Server {
  name: ServerName;
  url: string;
  child: ChildProcess;
}

interface Round {
  requestsPerSecond: number;
  p50ms: number;
  p99ms: number;
  requests: number;
  /** Answers that were not 200, or held GraphQL errors, or did not arrive. */
  errors: number;
  bytesPerAnswer: number;
  /** CPU time of the server's own process per request, in ms. */
  serverCpuMs: number;
  /** CPU time of Neo4j per request, in ms (null when Neo4j is not a process of this run). */
  neo4jCpuMs: number | null;
}

interface Row {
  dataset: string;
  operation: OperationName;
  server: ServerName;
  /** Medians over the rounds. */
  requestsPerSecond: number;
  p50ms: number;
  p99ms: number;
  bytesPerAnswer: number;
  serverCpuMs: number;
  neo4jCpuMs: number | null;
  errors: number;
  rounds: Round[];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const round = (value: number, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits;

/** User plus system CPU time of a process so far, in ms, from /proc (null where there is none). */
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;
function cpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

async function waitForHealth(url: string, child: ChildProcess, name: string): Promise<void> {
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`the ${name} server exited (${code})`))),
  );
  // once it is up, its exit (when this run stops it) is no one's error
  exited.catch(() => undefined);
  for (let tries = 0; ; tries += 1) {
    const up = await Promise.race([
      fetch(`${url}/health`).then(
        (r) => r.ok,
        () => false,
      ),
      exited,
    ]);
    if (up) return;
    if (tries > 600) throw new Error(`the ${name} server did not answer /health within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Each server on a port of its own, request logs off, over the same Neo4j. */
async function startServer(name: ServerName, neo4jEnv: Record<string, string>): Promise<Server> {
  const port = await freePort();
  // all three as deployed: NODE_ENV=production (the Docker image's), which among other things
  // turns off graphql-js's development checks (about a fifth of the project's CPU on the 10k list)
  const env = { ...process.env, ...neo4jEnv, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production' };
  // the project as `npm start` runs it; the peer and the floor from their TypeScript, through tsx
  // and all three with the project's Node flags
  const args = [
    ...SERVER_NODE_FLAGS,
    ...(name === 'project'
      ? [join(PROJECT_DIR, 'dist', 'cli', 'serve.js')]
      : ['--import', 'tsx', `scripts/bench/peer/${name === 'peer' ? 'peerServer' : 'floorServer'}.ts`]),
  ];
  const child = spawn(process.execPath, args, {
    cwd: name === 'project' ? PROJECT_DIR : PROJECT_ROOT,
    env:
      name === 'project'
        ? {
            ...env,
            LOG_LEVEL: 'warn',
            MAX_COST: '10000000',
            METRICS_PORT: '',
            REQUIRE_AUTH: 'false',
            // the peer and the floor keep no answers: the project is measured doing the work too
            RESPONSE_CACHE_TTL_MS: PROJECT_CACHE_TTL_MS,
          }
        : env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, name);
  return { name, url, child };
}

async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  const killer = setTimeout(() => server.child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(killer);
}

async function post(server: Server, operation: ServerOperation): Promise<unknown> {
  const response = await fetch(`${server.url}${operation.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(operation.body),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${(await response.text()).slice(0, 500)}`);
  return response.json();
}

async function load(server: Server, operation: ServerOperation, seconds: number, neo4jPid?: number): Promise<Round> {
  let errors = 0;
  const serverBefore = cpuMs(server.child.pid);
  const neo4jBefore = cpuMs(neo4jPid);
  const result = await autocannon({
    url: `${server.url}${operation.path}`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(operation.body),
        onResponse: (status: number, body: string) => {
          if (status !== 200 || body.startsWith('{"errors"') || body.includes('"errors":[')) errors++;
        },
      },
    ],
  });
  const requests = result.requests.total;
  const per = (before: number | null, after: number | null) =>
    before === null || after === null || requests === 0 ? null : round((after - before) / requests, 2);
  return {
    requestsPerSecond: round(result.requests.average),
    p50ms: result.latency.p50,
    p99ms: result.latency.p99,
    requests,
    errors: errors + result.non2xx + result.errors + result.timeouts,
    bytesPerAnswer: requests ? round(result.throughput.total / requests) : 0,
    serverCpuMs: per(serverBefore, cpuMs(server.child.pid)) ?? 0,
    neo4jCpuMs: per(neo4jBefore, cpuMs(neo4jPid)),
  };
}

async function benchDataset(
  dataset: string,
  subjects: PeerSubjects,
  servers: Server[],
  neo4jPid: number | undefined,
): Promise<Row[]> {
  const operations: PeerOperations = peerOperations(subjects);
  const byName = Object.fromEntries(servers.map((s) => [s.name, s])) as Record<ServerName, Server>;
  const counts = await agree(operations, (server, operation) => post(byName[server], operation));
  console.log(
    `${dataset}: the three servers give the same facts (${OPERATION_NAMES.map((o) => `${o}: ${counts[o]}`).join(', ')}); subjects ${JSON.stringify(subjects)}`,
  );

  // every server warmed on every operation first: a server's first operation otherwise met code not
  // yet compiled by V8 in its first round (the article's entity page: 528 req/s in round 1, 1,448 in
  // round 3), which the other operations, measured later, did not
  if (WARMUP > 0)
    for (const operation of OPERATION_NAMES)
      for (const server of servers) await load(server, operations[operation][server.name], WARMUP);
  const rows: Row[] = [];
  for (const operation of OPERATION_NAMES) {
    if (WARMUP > 0) for (const server of servers) await load(server, operations[operation][server.name], WARMUP);
    const rounds = Object.fromEntries(SERVER_NAMES.map((s) => [s, [] as Round[]])) as Record<ServerName, Round[]>;
    for (let r = 0; r < ROUNDS; r++) {
      // interleaved: A,B,C then B,C,A then C,A,B ..., so that no server always runs first or last
      for (let i = 0; i < servers.length; i++) {
        const server = servers[(r + i) % servers.length]!;
        const measured = await load(server, operations[operation][server.name], SECONDS, neo4jPid);
        rounds[server.name].push(measured);
        console.log(
          `  ${dataset} | ${operation} | round ${r + 1} | ${server.name}: ${measured.requestsPerSecond} req/s, p99 ${measured.p99ms} ms${measured.errors ? `, ${measured.errors} ERRORS` : ''}`,
        );
      }
    }
    for (const server of SERVER_NAMES) {
      const list = rounds[server];
      const neo4j = list.map((x) => x.neo4jCpuMs).filter((x): x is number => x !== null);
      rows.push({
        dataset,
        operation,
        server,
        requestsPerSecond: round(median(list.map((x) => x.requestsPerSecond))),
        p50ms: median(list.map((x) => x.p50ms)),
        p99ms: median(list.map((x) => x.p99ms)),
        bytesPerAnswer: round(median(list.map((x) => x.bytesPerAnswer))),
        serverCpuMs: round(median(list.map((x) => x.serverCpuMs)), 2),
        neo4jCpuMs: neo4j.length ? round(median(neo4j), 2) : null,
        errors: list.reduce((sum, x) => sum + x.errors, 0),
        rounds: list,
      });
    }
  }
  return rows;
}

interface Ratio {
  dataset: string;
  operation: OperationName;
  vsPeer: number;
  vsFloor: number;
  /** The project's p99 against the peer's: the goal is no worse. */
  p99VsPeer: number;
}

/** Which version of the project was measured: its commit, and whether its files differ from it. */
function projectVersion(): string {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: PROJECT_DIR, encoding: 'utf8' });
  const commit = git('rev-parse', '--short', 'HEAD');
  if (commit.status !== 0) return PROJECT_DIR;
  const changed = git('status', '--porcelain', '--', 'src', 'cypher').stdout.trim().split('\n').filter(Boolean).length;
  return `${PROJECT_DIR} at ${commit.stdout.trim()}${changed ? ` with ${changed} uncommitted change(s) in src/ and cypher/` : ''}`;
}

function ratios(rows: Row[]): Ratio[] {
  const find = (dataset: string, operation: OperationName, server: ServerName) =>
    rows.find((r) => r.dataset === dataset && r.operation === operation && r.server === server)!;
  const datasets = [...new Set(rows.map((r) => r.dataset))];
  return datasets.flatMap((dataset) =>
    OPERATION_NAMES.map((operation) => {
      const [project, peer, floor] = SERVER_NAMES.map((s) => find(dataset, operation, s));
      return {
        dataset,
        operation,
        vsPeer: round(project!.requestsPerSecond / Math.max(peer!.requestsPerSecond, 1), 2),
        vsFloor: round(project!.requestsPerSecond / Math.max(floor!.requestsPerSecond, 1), 2),
        p99VsPeer: round(project!.p99ms / Math.max(peer!.p99ms, 1), 2),
      };
    }),
  );
}

function ratioTable(list: Ratio[]): string {
  const datasets = [...new Set(list.map((r) => r.dataset))];
  const header = `| operation | ${datasets.map((d) => `${d}: ÷ peer | ÷ floor | p99 ÷ peer`).join(' | ')} |`;
  const rule = `| --- | ${datasets.map(() => '---: | ---: | ---:').join(' | ')} |`;
  const lines = OPERATION_NAMES.map((operation) => {
    const cells = datasets.map((dataset) => {
      const r = list.find((x) => x.dataset === dataset && x.operation === operation)!;
      return `${r.vsPeer}× | ${r.vsFloor}× | ${r.p99VsPeer}×`;
    });
    return `| ${operation} | ${cells.join(' | ')} |`;
  });
  return [header, rule, ...lines].join('\n');
}

function detailTable(rows: Row[]): string {
  const header =
    '| dataset | operation | server | req/s | req/s per round | p50 ms | p99 ms | bytes/answer | server CPU ms/req | Neo4j CPU ms/req | errors |';
  const rule = '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |';
  const lines = rows.map(
    (r) =>
      `| ${r.dataset} | ${r.operation} | ${r.server} | ${r.requestsPerSecond} | ${r.rounds.map((x) => Math.round(x.requestsPerSecond)).join(', ')} | ${r.p50ms} | ${r.p99ms} | ${r.bytesPerAnswer} | ${r.serverCpuMs} | ${r.neo4jCpuMs ?? '-'} | ${r.errors} |`,
  );
  return [header, rule, ...lines].join('\n');
}

runCli(async () => {
  const started = new Date();
  const loadBefore = loadavg();
  const neo4jUnderTest = await benchNeo4j('the peer benchmarks');
  const { config, local } = neo4jUnderTest;
  const uri = config.uri;
  const neo4jEnv = {
    NEO4J_URI: uri,
    NEO4J_USER: config.user,
    NEO4J_PASSWORD: config.password,
    NEO4J_DATABASE: config.database,
  };
  const driver = createDriver(config, 600_000);
  // the measured checkout's seed, with its schema and its layout of the graph
  const seed: typeof seedNeo4j =
    PROJECT_DIR === PROJECT_ROOT
      ? seedNeo4j
      : (await import(pathToFileURL(join(PROJECT_DIR, 'dist', 'store', 'neo4j', 'seed.js')).href)).seedNeo4j;
  const servers: Server[] = [];
  const rows: Row[] = [];
  const seedTimes: string[] = [];
  let neo4jVersion = 'unknown';
  try {
    const { records } = await driver.executeQuery(
      'CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition',
      {},
      { database: config.database },
    );
    neo4jVersion = records.map((r) => `${r.get('name')} ${r.get('version')} ${r.get('edition')}`).join(', ');
    console.log(
      `bench:peer: ${ROUNDS} rounds × ${SECONDS} s per server and operation, ${CONNECTIONS} connections, ${WARMUP} s warm-up; ${neo4jVersion}`,
    );
    /** Fresh servers for each dataset: nothing one kept of the last dataset (a cache, a plan) carries over. */
    const bench = async (dataset: string, subjects: PeerSubjects) => {
      for (const name of SERVER_NAMES) servers.push(await startServer(name, neo4jEnv));
      try {
        rows.push(...(await benchDataset(dataset, subjects, servers, local?.process.pid)));
      } finally {
        for (const server of servers.splice(0)) await stopServer(server);
      }
    };

    await seed(driver, config.database, loadCases(DEFAULT_DATA_DIR));
    await bench('Rust case', RUST_PEER_SUBJECTS);
    for (const size of SCALE) {
      const graph: CaseGraph = syntheticCase(size);
      const seeding = Date.now();
      await seed(driver, config.database, graph, { batchSize: 5000 });
      seedTimes.push(
        `synthetic ${size}: ${graph.entities.length} entities, ${graph.relationships.length} relationships, seeded in ${((Date.now() - seeding) / 1000).toFixed(1)} s`,
      );
      await bench(`synthetic ${size}`, syntheticPeerSubjects(graph));
    }
    // leave a database of the caller's (NEO4J_URI) holding the case files again; one started here
    // is removed whole, which is far quicker than deleting a large synthetic case from it
    if (!local) await seed(driver, config.database, loadCases(DEFAULT_DATA_DIR));
  } finally {
    for (const server of servers) await stopServer(server);
    await driver.close();
    await neo4jUnderTest.close();
  }

  const cpu = cpus();
  const machine = {
    cpu: cpu[0]?.model ?? 'unknown CPU',
    cores: cpu.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    neo4j: neo4jVersion,
    neo4jHeap: local ? process.env.NEO4J_HEAP : 'external (NEO4J_URI)',
    project: projectVersion(),
    loadAverageBefore: loadBefore.map((x) => round(x, 2)),
    loadAverageAfter: loadavg().map((x) => round(x, 2)),
    date: started.toISOString(),
  };
  const settings = {
    seconds: SECONDS,
    rounds: ROUNDS,
    connections: CONNECTIONS,
    warmupSeconds: WARMUP,
    scale: SCALE,
    projectResponseCacheTtlMs: Number(PROJECT_CACHE_TTL_MS),
  };
  const ratioList = ratios(rows);
  const markdown = [
    `Project: ${machine.project}`,
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.neo4j} (heap ${machine.neo4jHeap}); load average ${machine.loadAverageBefore.join(' ')} before, ${machine.loadAverageAfter.join(' ')} after; ${machine.date}`,
    `Load: autocannon, ${CONNECTIONS} connections, ${ROUNDS} interleaved rounds × ${SECONDS} s per server and operation, ${WARMUP} s warm-up; the project's response cache ${PROJECT_CACHE_TTL_MS === '0' ? 'off' : `on (RESPONSE_CACHE_TTL_MS=${PROJECT_CACHE_TTL_MS})`}`,
    ...seedTimes.map((line) => `- ${line}`),
    '',
    'Median req/s, project ÷ peer and project ÷ floor; p99, project ÷ peer:',
    '',
    ratioTable(ratioList),
    '',
    detailTable(rows),
    '',
  ].join('\n');
  console.log(`\n${markdown}`);
  const resultsDir = join(PROJECT_ROOT, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const stamp = `peer-${started.toISOString().replace(/[:.]/g, '-')}`;
  writeFileSync(
    join(resultsDir, `${stamp}.json`),
    `${JSON.stringify({ machine, settings, seedTimes, ratios: ratioList, rows }, null, 2)}\n`,
  );
  writeFileSync(join(resultsDir, `${stamp}.md`), markdown);
  console.log(`Results: bench/results/${stamp}.json and .md`);
  const failed = rows.filter((r) => r.errors > 0);
  if (failed.length)
    throw new Error(`errors under load: ${failed.map((r) => `${r.dataset} ${r.operation} ${r.server}`).join(', ')}`);
});
