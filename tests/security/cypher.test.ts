/**
 * Attacks on analyst Cypher, as a holder of an analyst token would make them, against the store the
 * server really builds (createStore: worker threads, their own driver): reading host files and URLs
 * with LOAD CSV however it is spelled, administration commands, procedures and functions outside
 * the read-only allowlist, another database, a result too large to hold, a runaway query and one
 * that fills the database's memory, and parameters nested too deep. Each is refused before it runs
 * (or stopped), with the code the README gives, and /health keeps answering meanwhile.
 */
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.js';
import { createServer } from '../../src/http/createServer.js';
import { createLogger, createMetrics } from '../../src/http/observability.js';
import { MAX_PARAMS_DEPTH, MAX_PARAMS_VALUES } from '../../src/graphql/types/cypher.js';
import { createStore } from '../../src/store/createStore.js';
import type { GraphStore } from '../../src/store/graphStore.js';
import { planRefusal, type PlanNode } from '../../src/store/neo4j/cypherPolicy.js';
import { CypherWorkers } from '../../src/store/neo4j/cypherWorkers.js';
import { analystLogin } from '../../src/store/neo4j/driver.js';
import { Neo4jStore } from '../../src/store/neo4j/neo4jStore.js';
import { apiFor } from '../support/api.js';
import { DATABASE, neo4jDriver, neo4jUri, STORES } from '../support/stores.js';

const TOKEN = 'analyst-token-for-security-tests';
const AS_ANALYST = { authorization: `Bearer ${TOKEN}` };
const CYPHER = 'query($q: String!, $p: JSON) { cypher(query: $q, params: $p) { columns rows truncated } }';
/** The local launcher's settings can only be checked on the database the test run started itself. */
const localNeo4j = neo4jUri !== null && !process.env.NEO4J_URI;

type Api = ReturnType<typeof apiFor>;

/** The server as `npm start` builds it on Neo4j, with these settings. */
function productionStore(env: Record<string, string> = {}) {
  const config = readConfig({ NEO4J_URI: neo4jUri!, ANALYST_TOKENS: TOKEN, REQUIRE_AUTH: 'true', ...env });
  return { config, store: createStore(config) };
}

/** The data of CYPHER: what these tests read of an answer. */
interface CypherData {
  cypher: { columns: string[]; rows: Record<string, unknown>[]; truncated: boolean };
}

const ask = (api: Api, q: string, p?: unknown) => api.query<CypherData>(CYPHER, { q, p }, AS_ANALYST);

/** An HTTP server that counts the requests it gets: LOAD CSV FROM its URL must never reach it. */
async function countingHttpServer() {
  let hits = 0;
  const server: Server = createHttpServer((_request, response) => {
    hits += 1;
    response.end('a,b\n1,2\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
  return { url, hits: () => hits, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** `driver`, telling `onRun` of every query its sessions run, with the session's config and the run's. */
function watchedRuns(driver: Driver, onRun: (query: string, session: unknown, transaction: unknown) => void): Driver {
  return new Proxy(driver, {
    get(target, property, receiver) {
      if (property !== 'session') return Reflect.get(target, property, receiver);
      return (sessionConfig: Parameters<Driver['session']>[0]) => {
        const session = target.session(sessionConfig);
        const run = session.run.bind(session);
        session.run = ((query: string, parameters: Record<string, unknown>, transaction: unknown) => {
          onRun(query, sessionConfig, transaction);
          return run(query, parameters, transaction as never);
        }) as typeof session.run;
        return session;
      };
    },
  });
}

describe.runIf(neo4jUri !== null)('analyst Cypher against the production store', () => {
  let store: GraphStore;
  let api: Api;
  let direct: Driver;
  let web: Awaited<ReturnType<typeof countingHttpServer>>;

  beforeAll(async () => {
    await (await STORES.find((s) => s.name === 'neo4j')!.open()).close(); // seeds the case graph
    ({ store } = productionStore({ CYPHER_TIMEOUT_MS: '5000' }));
    api = apiFor(store, productionStore().config.server);
    direct = neo4jDriver();
    web = await countingHttpServer();
  });
  afterAll(async () => {
    await store?.close();
    await direct?.close();
    await web?.close();
  });

  describe('loading files and URLs', () => {
    const spellings = (url: string) => [
      `LOAD CSV FROM '${url}' AS line RETURN line`,
      `LoAd CsV FROM '${url}' AS line RETURN line`,
      `load csv with headers from '${url}' as row return row`,
      `LOAD/* a comment */CSV FROM '${url}' AS line RETURN line`,
      `LOAD // a line comment\nCSV FROM '${url}' AS line RETURN line`,
      `MATCH (p:Person) WITH p LIMIT 1 LOAD CSV FROM '${url}' AS line RETURN p.name, line`,
      `CALL () { LOAD CSV FROM '${url}' AS line RETURN line } RETURN line`,
      `LOAD CSV FROM $url AS line RETURN line`,
      `LOAD CSV FROM '${url.replace('http', '\\u0068ttp')}' AS line RETURN line`,
    ];

    it('refuses LOAD CSV from a URL before it runs, however it is spelled: the URL is never fetched', async () => {
      for (const query of spellings(web.url)) {
        const result = await ask(api, query, { url: web.url });
        expect(result.errors?.[0], query).toMatchObject({
          message: 'cypher may not use LOAD CSV',
          extensions: { code: 'FORBIDDEN' },
        });
      }
      expect(web.hits()).toBe(0);
    });

    it('refuses LOAD CSV of host files (the API process environment among them), quickly', async () => {
      for (const query of spellings('file:///proc/self/environ')) {
        expect((await ask(api, query)).errors?.[0], query).toMatchObject({
          message: 'cypher may not use LOAD CSV',
          extensions: { code: 'FORBIDDEN' },
        });
      }
      const started = performance.now();
      const refused = await ask(api, "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line");
      const ms = performance.now() - started;
      console.log(`a refused LOAD CSV took ${ms.toFixed(1)} ms`);
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(ms).toBeLessThan(1000);
    });

    it('answers, but never runs, LOAD CSV spelled with escapes Neo4j does not read as keywords', async () => {
      for (const query of [
        "\\u004cOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
        "ＬＯＡＤ CSV FROM 'file:///etc/passwd' AS l RETURN l",
      ]) {
        const result = await ask(api, query);
        expect(['FORBIDDEN', 'BAD_USER_INPUT'], query).toContain(result.errors?.[0]?.extensions?.code);
        expect(result.data?.cypher ?? null).toBeNull();
      }
    });

    it.runIf(localNeo4j)(
      'is off in the local Neo4j itself: no file URLs; and a memory cap per transaction, timeouts checked often',
      async () => {
        const { records } = await direct.executeQuery(
          `SHOW SETTINGS YIELD name, value
         WHERE name IN ['dbms.security.allow_csv_import_from_file_urls', 'db.memory.transaction.max', 'db.transaction.monitor.check.interval']
         RETURN name, value ORDER BY name`,
          {},
          { database: DATABASE },
        );
        expect(records.map((r) => [r.get('name'), r.get('value')])).toEqual([
          ['db.memory.transaction.max', '256.00MiB'],
          ['db.transaction.monitor.check.interval', '100ms'],
          ['dbms.security.allow_csv_import_from_file_urls', 'false'],
        ]);
        await expect(
          direct.executeQuery("LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", {}, { database: DATABASE }),
        ).rejects.toMatchObject({
          code: expect.stringMatching(/^Neo\.ClientError\./),
        });
      },
    );
  });

  describe('administration, procedures and other databases', () => {
    const refused: [string, RegExp][] = [
      ['SHOW TRANSACTIONS', /^cypher may not run administration commands \(SHOW TRANSACTIONS\)$/],
      [
        "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
        /^cypher may not run administration commands \(TERMINATE TRANSACTIONS\)$/,
      ],
      ['SHOW SETTINGS', /^cypher may not run administration commands \(SHOW SETTINGS\)$/],
      ['SHOW PROCEDURES', /^cypher may not run administration commands \(SHOW PROCEDURES\)$/],
      ['SHOW USERS', /^cypher may not run administration commands$/],
      ['SHOW DATABASES', /^cypher may not run administration commands$/],
      ['CALL dbms.listConfig()', /^the procedure dbms\.listConfig is not allowed/],
      ["CALL dbms.queryJmx('*:*')", /^the procedure dbms\.queryJmx is not allowed/],
      ['CALL dbms.listConnections()', /^the procedure dbms\.listConnections is not allowed/],
      [
        'CALL db.labels() YIELD label CALL dbms.listConfig() YIELD name RETURN label, name',
        /^the procedure dbms\.listConfig is not allowed/,
      ],
      [
        'CALL () { CALL dbms.listConfig() YIELD name RETURN name } RETURN name',
        /^the procedure dbms\.listConfig is not allowed/,
      ],
      ['CALL `dbms`.`listConfig`()', /^the procedure dbms\.listConfig is not allowed/],
      ['CALL db.clearQueryCaches()', /^the procedure db\.clearQueryCaches is not allowed/],
      ['USE system CALL dbms.listConfig()', /^cypher may only read the database neo4j, not system$/],
      ['CALL { MATCH (n) RETURN n } IN TRANSACTIONS RETURN count(n) AS n', /^cypher may not use TransactionApply$/],
    ];

    it.each(refused)('refuses %s as FORBIDDEN, naming what it refused', async (query, message) => {
      const result = await ask(api, query);
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(result.errors?.[0]?.message).toMatch(message);
    });

    it('refuses USE of the system database even where Neo4j cannot plan it (BAD_USER_INPUT), and never runs it', async () => {
      for (const query of [
        'USE system SHOW USERS',
        'USE system MATCH (n) RETURN n',
        "USE graph.byName('system') SHOW USERS",
        'USE other MATCH (n) RETURN n',
      ]) {
        const result = await ask(api, query);
        expect(result.errors?.[0]?.extensions?.code, query).toBe('BAD_USER_INPUT');
      }
    });

    it('cannot terminate another transaction: the one it names still commits', async () => {
      const session = direct.session({ database: DATABASE });
      const victim = await session.beginTransaction();
      try {
        await victim.run('MATCH (n:Person) RETURN count(n)');
        const { records } = await direct.executeQuery(
          "SHOW TRANSACTIONS YIELD transactionId, currentQuery WHERE currentQuery = '' OR currentQuery IS NULL RETURN transactionId",
          {},
          { database: DATABASE },
        );
        const ids = records.map((r) => r.get('transactionId') as string);
        expect(ids.length).toBeGreaterThan(0);
        for (const id of ids) {
          const result = await ask(api, 'TERMINATE TRANSACTIONS $id', { id });
          expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        }
        const after = await victim.run('RETURN 1 AS still');
        expect(after.records[0]!.get('still').toNumber()).toBe(1);
        await victim.commit();
      } finally {
        await session.close();
      }
    });

    it('still answers what analysts ask: schema procedures, full-text search, built-in namespaced functions, paths, subqueries', async () => {
      const allowed: [string, unknown?][] = [
        ['CALL db.labels() YIELD label RETURN label ORDER BY label'],
        ['CALL db.relationshipTypes()'],
        ['CALL db.propertyKeys()'],
        ['CALL db.schema.visualization()'],
        ['CALL db.schema.nodeTypeProperties()'],
        [
          "CALL db.index.fulltext.queryNodes('entity_names', 'Baldwin') YIELD node, score RETURN node.name AS name, score",
        ],
        ['USE neo4j MATCH (p:Person) RETURN count(p) AS people'],
        [
          "RETURN Point.Distance(point({x: 1, y: 2}), point({x: 4, y: 6})) AS d, date.truncate('month', date('2021-10-21')) AS month, duration.between(date('2021-10-21'), date('2024-03-06')) AS took",
        ],
        [
          "MATCH p = shortestPath((a:Person {key: 'alec-baldwin'})-[*..6]-(b:Person {key: 'galina-hutchins'})) RETURN length(p) AS hops",
        ],
        [
          "MATCH p = SHORTEST 1 (a:Person {key: 'alec-baldwin'})--+(b:Entity) WHERE b.key <> a.key RETURN length(p) AS hops LIMIT 3",
        ],
        ['MATCH (a:Person)-[*1..2]->(b) RETURN DISTINCT b.name AS name ORDER BY name SKIP 1 LIMIT 5'],
        [
          'MATCH (p:Person) OPTIONAL MATCH (p)-[r:REPRESENTS]->(c) RETURN p.name AS name, collect(c.name) AS clients ORDER BY name',
        ],
        [
          'MATCH (p:Person) WHERE EXISTS { (p)-[:REPRESENTS]->() } RETURN p.name AS name, COUNT { (p)--() } AS degree, [(p)--(x) | x.name][..3] AS some',
        ],
        ['MATCH (n:Person) RETURN n.name AS name UNION MATCH (n:Organisation) RETURN n.name AS name'],
        [
          'UNWIND $keys AS key CALL (key) { MATCH (e:Entity {key: key}) RETURN e.name AS name } RETURN key, name',
          { keys: ['alec-baldwin', 'rust'] },
        ],
        ['MATCH (e:Event) WITH e.eventType AS type, count(*) AS n RETURN type, n ORDER BY n DESC, type'],
      ];
      for (const [query, params] of allowed) {
        const result = await ask(api, query, params);
        expect(result.errors, query).toBeUndefined();
        expect(result.data?.cypher.rows.length, query).toBeGreaterThan(0);
      }
      const { data } = await ask(
        api,
        "RETURN date.truncate('month', date('2021-10-21')) AS month, 9007199254740993 AS big, 42 AS small",
      );
      expect(data?.cypher.rows).toEqual([{ month: '2021-10-01', big: '9007199254740993', small: 42 }]);
    });
  });

  describe('a queue of slow queries', () => {
    it('holds no request past its own deadline: those waiting for a worker are answered in time too', async () => {
      // four workers; twelve runaway queries at once, each with a 1 s timeout (deadline 2 s)
      const { store: own, config } = productionStore({ CYPHER_TIMEOUT_MS: '1000' });
      const server = apiFor(own, config.server);
      try {
        const started = performance.now();
        const runaway = 'UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x) AS n';
        const answers = await Promise.all(
          Array.from({ length: 12 }, () => ask(server, runaway).then((r) => ({ r, ms: performance.now() - started }))),
        );
        for (const { r } of answers) expect(r.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
        // those that waited were answered only after the ones before them had run out (3.3 s and more)
        expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(1000 + 1000 + 600);
        expect((await ask(server, 'RETURN 1 AS one')).data?.cypher.rows).toEqual([{ one: 1 }]);
      } finally {
        await own.close();
      }
    }, 60_000);
  });

  describe('a result too large to hold', () => {
    it('is refused while /health keeps answering within 100 ms, and the next query is served', async () => {
      const { store: own, config } = productionStore({ CYPHER_TIMEOUT_MS: '3000' });
      const server = apiFor(own, config.server);
      try {
        const started = performance.now();
        let settled = false;
        const attack = ask(server, 'RETURN range(1, 5000000) AS r').finally(() => {
          settled = true;
        });
        // latency counted from when the poll was due, so a blocked event loop shows up even while sleeping
        const latencies: number[] = [];
        while (!settled) {
          const due = performance.now() + 20;
          await sleep(20);
          const response = await server.yoga.fetch('http://test/health');
          expect(response.status).toBe(200);
          latencies.push(performance.now() - due);
        }
        const result = await attack;
        const ms = performance.now() - started;
        console.log(
          `huge result: ${result.errors?.[0]?.message} after ${ms.toFixed(0)} ms; /health polled ${latencies.length} times, max ${Math.max(...latencies).toFixed(1)} ms`,
        );
        expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
        expect(result.errors?.[0]?.message).toMatch(/ran longer than 3000 ms|too large/);
        expect(ms).toBeLessThan(3000 + 1000 + 2000);
        expect(latencies.length).toBeGreaterThanOrEqual(10);
        expect(Math.max(...latencies)).toBeLessThan(100);
        expect((await ask(server, 'RETURN 1 AS one')).data?.cypher.rows).toEqual([{ one: 1 }]);
      } finally {
        await own.close();
      }
    }, 60_000);

    it("that fills a worker's heap ends that worker, not the API; the next query gets a new one", async () => {
      const workers = new CypherWorkers({
        login: { uri: neo4jUri!, user: 'neo4j', password: '' },
        database: DATABASE,
        connectTimeoutMs: 5000,
        heapMb: 32,
        maxWorkers: 1,
      });
      const limits = { timeoutMs: 20_000, rowLimit: 1000, maxBytes: 5_000_000 };
      try {
        const started = performance.now();
        await expect(workers.run('RETURN range(1, 3000000) AS r', {}, limits)).rejects.toMatchObject({
          reason: 'TOO_LARGE',
          message: 'the result is too large to read: it needed more than 32 MB',
        });
        console.log(
          `a result over a 32 MB worker heap was refused after ${(performance.now() - started).toFixed(0)} ms`,
        );
        expect((await workers.run('RETURN 1 AS one', {}, limits)).rows).toEqual([{ one: 1 }]);
      } finally {
        await workers.close();
      }
    }, 30_000);

    it('is cut at CYPHER_MAX_BYTES: rows that fit come back, truncated; a first row that does not is QUERY_TOO_COMPLEX', async () => {
      const { store: own, config } = productionStore({ CYPHER_MAX_BYTES: '100000' });
      const server = apiFor(own, config.server);
      try {
        const pad = "reduce(s = '', i IN range(1, 100) | s + 'xxxxxxxxxx')";
        const { data, errors } = await ask(server, `UNWIND range(1, 1000) AS x RETURN x, ${pad} AS pad`);
        expect(errors).toBeUndefined();
        expect(data?.cypher.truncated).toBe(true);
        expect(data?.cypher.rows.length).toBeGreaterThan(50);
        expect(data?.cypher.rows.length).toBeLessThan(100);
        expect(Buffer.byteLength(JSON.stringify(data?.cypher.rows))).toBeLessThanOrEqual(
          100_000 + data!.cypher.rows.length,
        );
        const big = await ask(server, "RETURN reduce(s = '', i IN range(1, 20000) | s + 'xxxxxxxxxx') AS s");
        expect(big.errors?.[0]).toMatchObject({
          message: 'the first row of the result is larger than CYPHER_MAX_BYTES (100000 bytes): return less',
          extensions: { code: 'QUERY_TOO_COMPLEX' },
        });
      } finally {
        await own.close();
      }
    });
  });

  describe('timeouts and memory', () => {
    /** A query that takes about `ms` on this machine: counting through a range, sized by trial runs. */
    async function queryTaking(ms: number): Promise<string> {
      const query = (n: number) => `UNWIND range(1, ${n}) AS x WITH x WHERE x % 7 = 3 RETURN count(x) AS n`;
      const timed = async (n: number) => {
        const started = performance.now();
        await direct.executeQuery(query(n), {}, { database: DATABASE });
        return performance.now() - started;
      };
      // Neo4j runs a plan faster once it is hot (literals become parameters, so every size shares one plan)
      for (let warm = 0; warm < 5; warm += 1) await timed(1_000_000);
      let n = 1_000_000;
      for (let trial = 0; trial < 8; trial += 1) {
        const took = Math.min(await timed(n), await timed(n));
        if (took > ms * 0.9 && took < ms * 1.1) break;
        n = Math.round((n * ms) / Math.max(took, 1));
      }
      return query(n);
    }

    it('gives analyst Cypher its own deadline: past STORE_TIMEOUT_MS it still answers, and a runaway stops at CYPHER_TIMEOUT_MS', async () => {
      const { store: own, config } = productionStore({ STORE_TIMEOUT_MS: '500', CYPHER_TIMEOUT_MS: '1500' });
      const lines: string[] = [];
      const metrics = createMetrics();
      const yoga = createServer(own, config.server, {
        logger: createLogger('info', { write: (line: string) => lines.push(line) }),
        metrics,
      });
      const query = async (q: string) => {
        const response = await yoga.fetch('http://test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', ...AS_ANALYST },
          body: JSON.stringify({ query: CYPHER, variables: { q } }),
        });
        return (await response.json()) as {
          data?: { cypher: { rows: Record<string, unknown>[] } };
          errors?: { message: string; extensions?: { code?: string } }[];
        };
      };
      try {
        await query('RETURN 1 AS warm');
        // about a second, centred between the store timeout (500 ms) and the Cypher timeout (1500 ms)
        const second = await queryTaking(900);
        let started = performance.now();
        const slow = await query(second);
        const slowMs = performance.now() - started;
        console.log(`a query of about a second answered in ${slowMs.toFixed(0)} ms (store timeout 500 ms)`);
        expect(slow.errors).toBeUndefined();
        expect(slow.data?.cypher.rows).toHaveLength(1);
        expect(slowMs).toBeGreaterThan(500);

        started = performance.now();
        const runaway = await query('UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x) AS n');
        const runawayMs = performance.now() - started;
        console.log(`a runaway query was stopped after ${runawayMs.toFixed(0)} ms (cypher timeout 1500 ms)`);
        // stopped by Neo4j's transaction timeout, or at the latest by the API's deadline a second later
        expect(runaway.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
        expect(runaway.errors?.[0]?.message).toMatch(/^the query ran longer than 1500 ms and was stopped/);
        expect(runawayMs).toBeGreaterThan(1400);
        expect(runawayMs).toBeLessThan(1500 + 1000 + 500);

        // not an outage: nothing logged above info, no STORE_UNAVAILABLE counted, and the API is ready
        expect(lines.map((l) => JSON.parse(l) as { level: number }).filter((l) => l.level > 30)).toEqual([]);
        expect(await metrics.registry.metrics()).not.toContain('STORE_UNAVAILABLE');
        expect((await yoga.fetch('http://test/ready')).status).toBe(200);
      } finally {
        await own.close();
      }
    }, 60_000);

    it.runIf(localNeo4j)(
      'reports a query that fills its transaction memory as QUERY_TOO_COMPLEX at once, without retrying it',
      async () => {
        const started = performance.now();
        const result = await ask(api, 'UNWIND range(1, 20000000) AS x WITH collect(x) AS l RETURN size(l) AS n');
        const ms = performance.now() - started;
        console.log(`a query over the transaction memory cap was refused after ${ms.toFixed(0)} ms`);
        expect(result.errors?.[0]).toMatchObject({
          message:
            'the query needed more memory than the database allows one query (Neo.TransientError.General.MemoryPoolOutOfMemoryError)',
          extensions: { code: 'QUERY_TOO_COMPLEX' },
        });
        expect(ms).toBeLessThan(4000);
      },
      30_000,
    );
  });

  describe('parameters', () => {
    const nested = (depth: number, wrap: (inner: unknown) => unknown): unknown => {
      let value: unknown = 1;
      for (let i = 0; i < depth; i += 1) value = wrap(value);
      return value;
    };

    /** The request body written out by hand: JSON.stringify itself overflows the stack on 10,000 levels. */
    async function askWithRawParams(api: Api, q: string, paramsJson: string) {
      const response = await api.yoga.fetch('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...AS_ANALYST },
        body: `{"query": ${JSON.stringify(CYPHER)}, "variables": {"q": ${JSON.stringify(q)}, "p": ${paramsJson}}}`,
      });
      return {
        status: response.status,
        ...((await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] }),
      };
    }

    it(`takes params ${MAX_PARAMS_DEPTH} levels deep, and refuses deeper ones (10,000 levels too) as BAD_USER_INPUT`, async () => {
      // the params object is level 1; each {a: ...} inside it one more
      const deepest = { a: nested(MAX_PARAMS_DEPTH - 1, (inner) => ({ a: inner })) };
      expect((await ask(api, 'RETURN $a IS NOT NULL AS ok', deepest)).data?.cypher.rows).toEqual([{ ok: true }]);
      const message = `params may nest at most ${MAX_PARAMS_DEPTH} levels deep`;
      for (const params of [
        `{"a": ${'{"a": '.repeat(MAX_PARAMS_DEPTH)}1${'}'.repeat(MAX_PARAMS_DEPTH)}}`,
        `{"a": ${'{"a": '.repeat(10_000)}1${'}'.repeat(10_000)}}`,
        `{"a": ${'['.repeat(10_000)}1${']'.repeat(10_000)}}`,
      ]) {
        const result = await askWithRawParams(api, 'RETURN 1 AS one', params);
        expect(result.status).toBeLessThan(500);
        expect(result.errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT' } });
      }
    });

    it(`refuses params of more than ${MAX_PARAMS_VALUES} values as BAD_USER_INPUT`, async () => {
      const result = await ask(api, 'RETURN size($xs) AS n', {
        xs: Array.from({ length: MAX_PARAMS_VALUES }, (_, i) => i % 10),
      });
      expect(result.errors?.[0]).toMatchObject({
        message: `params may hold at most ${MAX_PARAMS_VALUES} values`,
        extensions: { code: 'BAD_USER_INPUT' },
      });
    });
  });

  describe('reads of the API itself', () => {
    it('each carry a transaction timeout of STORE_TIMEOUT_MS, so Neo4j stops what the API gave up on', async () => {
      // each read is an auto-commit transaction: a READ session, and the timeout on its run
      const configs: { session: unknown; transaction: unknown }[] = [];
      const spied = watchedRuns(direct, (_query, session, transaction) => configs.push({ session, transaction }));
      const reads = new Neo4jStore(spied, DATABASE, { timeoutMs: 1234 });
      await reads.countByKind();
      await reads.search('baldwin', null, 5);
      await reads.entitiesByKeys(['alec-baldwin']);
      await reads.relationshipsOf(['alec-baldwin']);
      await reads.ping();
      expect(configs).toHaveLength(5);
      for (const config of configs) {
        expect(config).toMatchObject({ session: { defaultAccessMode: 'READ' }, transaction: { timeout: 1234 } });
      }
    });
  });

  describe('a flood of mostConnected', () => {
    it('scans the graph once per kinds filter and period, however often and however much it is asked', async () => {
      const sent: string[] = [];
      const reads = new Neo4jStore(
        watchedRuns(direct, (query) => sent.push(query)),
        DATABASE,
      );
      const scans = () => sent.filter((query) => query.includes('ORDER BY degree DESC')).length;
      const everyone = await Promise.all(Array.from({ length: 50 }, (_, i) => reads.mostConnected(null, i % 20)));
      expect(everyone[5]).toHaveLength(5);
      expect(everyone[5]?.[0]?.entity.key).toBe('alec-baldwin');
      await reads.mostConnected(null, 100);
      expect(scans()).toBe(1);
      // the same kinds in another order are the same filter
      await reads.mostConnected(['PERSON', 'EVENT'], 5);
      await reads.mostConnected(['EVENT', 'PERSON'], 3);
      expect(scans()).toBe(2);
    });
  });

  describe('whom analyst Cypher logs in as', () => {
    it('is NEO4J_ANALYST_USER when set, the API user otherwise', () => {
      const base = { NEO4J_URI: 'bolt://db:7687', NEO4J_USER: 'api', NEO4J_PASSWORD: 'api-secret' };
      const withReader = readConfig({ ...base, NEO4J_ANALYST_USER: 'analyst', NEO4J_ANALYST_PASSWORD: 'reader-secret' })
        .neo4j!;
      expect(analystLogin(withReader)).toEqual({ uri: 'bolt://db:7687', user: 'analyst', password: 'reader-secret' });
      expect(analystLogin(readConfig(base).neo4j!)).toEqual({
        uri: 'bolt://db:7687',
        user: 'api',
        password: 'api-secret',
      });
    });

    it('serves analyst Cypher through that login', async () => {
      // the test database has authentication off, so any login is accepted: this shows the wiring runs
      const { store: own, config } = productionStore({
        NEO4J_ANALYST_USER: 'analyst',
        NEO4J_ANALYST_PASSWORD: 'reader-secret',
      });
      try {
        expect((await ask(apiFor(own, config.server), 'RETURN 1 AS one')).data?.cypher.rows).toEqual([{ one: 1 }]);
      } finally {
        await own.close();
      }
    });
  });
});

describe('the read-only plan policy', () => {
  const node = (operatorType: string, details?: string, children: PlanNode[] = []): PlanNode => ({
    operatorType,
    arguments: details === undefined ? {} : { Details: details },
    children,
  });
  const results = (child: PlanNode) => node('ProduceResults@neo4j', 'x', [child]);

  it('passes read operators, allowlisted procedures and built-in functions in any case', () => {
    const plan = results(
      node(
        'Projection@neo4j',
        'Point.Distance(a, b) AS d, DATE.truncate($autostring_0, date()) AS `point.distance(a, b)`',
        [
          node('VarLengthExpand(Pruning,BFS,All)@neo4j', '(a)-[*..3]->(b)', [
            node('ProcedureCall@neo4j', 'db.labels() :: (label :: STRING)'),
          ]),
        ],
      ),
    );
    expect(planRefusal(plan, 'neo4j', 'neo4j')).toBeNull();
  });

  it('refuses a namespaced function outside the allowlist, wherever Neo4j shows it', () => {
    const cases: [PlanNode, string][] = [
      [node('Projection@neo4j', 'apoc.load.json($autostring_0) AS value'), 'apoc.load.json'],
      [node('Filter@neo4j', 'APOC.Util.Validate(x) AND n.name = $autostring_1'), 'APOC.Util.Validate'],
      [
        node('ProcedureCall@neo4j', 'db.index.fulltext.queryNodes(apoc.text.join($a, $b), $c) :: (node :: NODE)'),
        'apoc.text.join',
      ],
      [node('Projection@neo4j', '`apoc`.`load`.json(x) AS v'), 'apoc.load.json'],
    ];
    for (const [plan, name] of cases) {
      expect(planRefusal(results(plan), 'neo4j', 'neo4j')).toMatchObject({
        reason: 'NOT_ALLOWED',
        message: `the function ${name} is not allowed`,
      });
    }
  });

  it('refuses operators it does not know, plans on another database, and a missing plan', () => {
    expect(planRefusal(results(node('SomethingNew@neo4j')), 'neo4j', 'neo4j')).toMatchObject({
      reason: 'NOT_ALLOWED',
      message: 'cypher may not use SomethingNew',
    });
    expect(planRefusal(results(node('Create@neo4j', '(n:X)')), 'neo4j', 'neo4j')).toMatchObject({
      reason: 'WRITE',
      message: 'cypher is read-only: it may not write (Create)',
    });
    expect(planRefusal(results(node('AllNodesScan@system', 'n')), 'neo4j', 'neo4j')).toMatchObject({
      message: 'cypher may only read the database neo4j, not system',
    });
    expect(planRefusal(results(node('AllNodesScan@neo4j', 'n')), 'system', 'neo4j')).toMatchObject({
      message: 'cypher may only read the database neo4j, not system',
    });
    expect(planRefusal(false, 'neo4j', 'neo4j')).toMatchObject({ reason: 'NOT_ALLOWED' });
  });

  it('walks a plan thousands of operators deep without recursion', () => {
    let plan = node('AllNodesScan@neo4j', 'n');
    for (let i = 0; i < 100_000; i += 1) plan = node('Filter@neo4j', 'n.x > 1', [plan]);
    expect(planRefusal(results(plan), 'neo4j', 'neo4j')).toBeNull();
    expect(
      planRefusal(results(node('Apply@neo4j', undefined, [plan, node('LoadCSV@neo4j', 'l')])), 'neo4j', 'neo4j'),
    ).toMatchObject({ message: 'cypher may not use LOAD CSV' });
  });
});
