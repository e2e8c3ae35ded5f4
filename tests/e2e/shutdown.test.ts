/**
 * SIGTERM while a request is in flight: the server stops accepting, finishes that request (telling
 * its kept-alive connection to close), and exits 0; a request that never finishes is cut at the
 * deadline. With METRICS_PORT, the metrics listener starts beside it and stops with it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';
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
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
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
