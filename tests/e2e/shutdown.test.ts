/**
 * SIGTERM while a request is in flight: the server stops accepting, finishes that request (telling
 * its kept-alive connection to close), and exits 0; a request that never finishes is cut at the
 * deadline. An open live-update stream (graphChanged over SSE) is ended at once, so it does not
 * hold the exit up until the deadline. With METRICS_PORT, the metrics listener starts beside it and
 * stops with it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR, PROJECT_ROOT } from '../../src/paths.js';
import { slowPost } from '../support/slowPost.js';

async function startServer(env: Record<string, string>) {
  const child = spawn('node', ['dist/cli/serve.js'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', NEO4J_URI: '', LOG_LEVEL: 'info', ...env },
  });
  let output = '';
  child.stdout!.on('data', (c) => {
    output += c;
  });
  child.stderr!.on('data', (c) => {
    output += c;
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', () => {
      const match = /localhost:(\d+)\/graphql/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', () => reject(new Error(output)));
  });
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return { child, port, exited, output: () => output };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('graceful shutdown on SIGTERM', () => {
  beforeAll(() => {
    const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
  }, 120_000);

  it('finishes the request in flight, refuses new ones, and exits 0', async () => {
    const server = await startServer({ SHUTDOWN_GRACE_MS: '10000' });
    const inFlight = slowPost(server.port);
    await pause(300);
    server.child.kill('SIGTERM');
    await pause(300);
    await expect(fetch(`http://127.0.0.1:${server.port}/health`)).rejects.toThrow();
    inFlight.finish();
    const answer = await inFlight.answer;
    expect(answer.status).toBe(200);
    // Node's global agent keeps connections alive: this one must not be reused
    expect(answer.headers.connection).toBe('close');
    expect(JSON.parse(answer.body)).toEqual({ data: { people: { totalCount: 5 } } });
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('SIGTERM: closing');
    expect(server.output()).toContain('closed');
  });

  it('cuts a request that does not finish by the deadline, and still exits 0', async () => {
    const server = await startServer({ SHUTDOWN_GRACE_MS: '500' });
    const stuck = slowPost(server.port);
    stuck.answer.catch(() => {});
    await pause(300);
    const started = Date.now();
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(server.output()).toContain('requests still open after 500 ms: closing their connections');
  });

  it('ends an open graphChanged stream at once: exits 0 well before the grace period is out', async () => {
    // the embedded store writes to its DATA_DIR: a copy, not the repository's case files
    const dataDir = mkdtempSync(join(tmpdir(), 'case-graph-shutdown-'));
    cpSync(DEFAULT_DATA_DIR, dataDir, { recursive: true });
    let server: Awaited<ReturnType<typeof startServer>> | undefined;
    try {
      server = await startServer({
        SHUTDOWN_GRACE_MS: '20000',
        DATA_DIR: dataDir,
        EDITOR_TOKENS: 'alice:s3cret',
      });
      const graphql = `http://127.0.0.1:${server.port}/graphql`;
      const response = await fetch(graphql, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify({ query: 'subscription { graphChanged { seq action entityKeys } } ' }),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      let received = '';
      // resolves when the server ends the stream; rejects if the connection is cut instead
      const ended = (async () => {
        const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          received += value;
        }
      })();
      ended.catch(() => {});
      // the stream is live: writes reach it (a write made before it listens is not heard, so write until one is)
      for (let attempt = 1; !received.includes('event: next') && attempt <= 50; attempt++) {
        const write = await fetch(graphql, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer s3cret' },
          body: JSON.stringify({
            query: `mutation($input: UpsertEntityInput!) { upsertEntity(input: $input) { change { seq } } }`,
            variables: { input: { key: 'rust', kind: 'PRODUCTION', summary: `Movie, edited ${attempt} time(s).` } },
          }),
        });
        expect(((await write.json()) as { errors?: unknown }).errors).toBeUndefined();
        for (let waited = 0; !received.includes('event: next') && waited < 200; waited += 20) await pause(20);
      }
      expect(received).toContain('"action":"UPSERT_ENTITY"');

      const started = Date.now();
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(Date.now() - started).toBeLessThan(5000);
      // the subscriber is told the stream is over, not cut off at the deadline
      await expect(ended).resolves.toBeUndefined();
      expect(received).toContain('event: complete');
      expect(server.output()).not.toContain('requests still open');
    } finally {
      // a failed expectation must not leave the server running
      if (server && server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('with METRICS_PORT serves /metrics there, not on the main port, and closes both on SIGTERM', async () => {
    const server = await startServer({ METRICS_PORT: '0' });
    const announced = /Metrics on http:\/\/localhost:(\d+)\/metrics/;
    // main.ts starts the metrics listener after the main one
    for (let waited = 0; !announced.test(server.output()) && waited < 5000; waited += 50) await pause(50);
    const metricsPort = Number(announced.exec(server.output())?.[1]);
    expect(metricsPort).toBeGreaterThan(0);
    expect((await fetch(`http://127.0.0.1:${server.port}/metrics`)).status).toBe(404);
    const metrics = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('http_requests_total');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });
});
