/**
 * Neo4j goes away under a steady stream of requests, then comes back: the server never crashes,
 * every failure is a quick STORE_UNAVAILABLE, /ready says 503 meanwhile, and it serves again by
 * itself within seconds. It uses a Neo4j of its own, so the other tests' database stays up.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, missingTools, startLocalNeo4j, type LocalNeo4j } from '../../scripts/localNeo4j.js';
import { DEFAULT_SERVER_OPTIONS } from '../../src/config.js';
import { loadCases } from '../../src/domain/loadCases.js';
import { DEFAULT_DATA_DIR } from '../../src/paths.js';
import { createServer } from '../../src/http/createServer.js';
import { guardedStore } from '../../src/store/guardedStore.js';
import { createDriver } from '../../src/store/neo4j/driver.js';
import { Neo4jStore } from '../../src/store/neo4j/neo4jStore.js';
import { seedNeo4j } from '../../src/store/neo4j/seed.js';
import { neo4jUri } from '../support/stores.js';

const STORE_TIMEOUT_MS = 2000;
/** Concurrent clients during the outage: recovery under 50 took 12 s before the fix; the goal is 10 s. */
const CLIENTS = 50;
const canRun = neo4jUri !== null && missingTools() === null && !process.env.NEO4J_URI;

interface Sample {
  at: number;
  ms: number;
  status: number;
  codes: string[];
  ok: boolean;
}

describe.runIf(canRun)('a Neo4j outage', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'case-graph-outage-'));
  let neo4j: LocalNeo4j | undefined;
  let http: Server | undefined;
  afterAll(async () => {
    await new Promise((resolve) => (http ? http.close(resolve) : resolve(undefined)));
    await neo4j?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is survived: quick STORE_UNAVAILABLE while down, /ready 503, and service again without a restart', async () => {
    const port = await freePort();
    neo4j = await startLocalNeo4j({ port, dataDir, exitWithParent: true, stdio: 'pipe' });
    const config = { uri: neo4j.uri, user: 'neo4j', password: '', database: 'neo4j' };
    const driver = createDriver(config, STORE_TIMEOUT_MS);
    await seedNeo4j(driver, 'neo4j', loadCases(DEFAULT_DATA_DIR));
    // the store's path through an outage is what is tested: cached answers would hide it
    const yoga = createServer(guardedStore(new Neo4jStore(driver, 'neo4j'), STORE_TIMEOUT_MS), {
      ...DEFAULT_SERVER_OPTIONS,
      responseCacheTtlMs: 0,
    });
    http = createHttpServer(yoga);
    await new Promise<void>((resolve) => http!.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

    const samples: Sample[] = [];
    const started = Date.now();
    let streaming = true;
    const ask = async () => {
      const t0 = Date.now();
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ people { totalCount } entity(kind: PERSON, key: "alec-baldwin") { name } }' }),
      });
      const body = (await response.json()) as {
        data?: { people?: { totalCount: number } };
        errors?: { extensions?: { code?: string } }[];
      };
      samples.push({
        at: t0 - started,
        ms: Date.now() - t0,
        status: response.status,
        codes: (body.errors ?? []).map((e) => e.extensions?.code ?? 'NONE'),
        ok: body.data?.people?.totalCount === 5,
      });
    };
    // load as the attack found it: 50 clients, each sending its next request as soon as the last is answered
    const stream = Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (streaming) {
          await ask();
          await new Promise((r) => setTimeout(r, 20));
        }
      }),
    );
    await new Promise((r) => setTimeout(r, 1500));
    expect(samples.every((s) => s.ok)).toBe(true);

    await neo4j.stop();
    // from here the database is gone: a stopping Neo4j still finishes what it had begun
    const stoppedAt = Date.now() - started;
    await new Promise((r) => setTimeout(r, 4000));
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(503);

    const restartedAt = Date.now() - started;
    neo4j = await startLocalNeo4j({ port, dataDir, exitWithParent: true, stdio: 'pipe' });
    const upAt = Date.now() - started;
    let recoveredAt = -1;
    for (let i = 0; i < 100 && recoveredAt < 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const firstOk = samples.find((s) => s.at > upAt && s.ok);
      if (firstOk) recoveredAt = firstOk.at;
    }
    await new Promise((r) => setTimeout(r, 1000));
    streaming = false;
    await stream;

    expect((await fetch(`${base}/ready`)).status).toBe(200);
    const failures = samples.filter((s) => !s.ok);
    const during = samples.filter((s) => s.at > stoppedAt && s.at < restartedAt);
    console.log(
      `outage: ${samples.length} requests, ${failures.length} failed, Neo4j back after ${upAt - restartedAt} ms, served again ${recoveredAt - upAt} ms after that`,
    );

    expect(samples.every((s) => s.status < 500)).toBe(true);
    expect(during.length).toBeGreaterThan(10);
    expect(during.every((s) => !s.ok)).toBe(true);
    for (const failure of failures)
      expect(
        failure.codes.every((c) => c === 'STORE_UNAVAILABLE'),
        JSON.stringify(failure),
      ).toBe(true);
    expect(Math.max(...failures.map((s) => s.ms))).toBeLessThan(STORE_TIMEOUT_MS + 1500);
    expect(recoveredAt).toBeGreaterThan(0);
    expect(recoveredAt - upAt).toBeLessThan(10_000);
    expect(samples.filter((s) => s.at > recoveredAt + 500).every((s) => s.ok)).toBe(true);
  }, 120_000);
});
