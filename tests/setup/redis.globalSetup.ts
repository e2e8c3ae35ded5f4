/**
 * Starts a real Redis (Debian's redis-server) once per test run, for the live-update tests of
 * several instances, and hands its URL to the tests. Without redis-server those tests are skipped
 * with a loud notice; under CI=true a Redis that did not run fails the run instead.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { freePort } from '../../scripts/localNeo4j.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** redis:// URL of the Redis the tests use, or null when none could run. */
    redisUrl: string | null;
  }
}

const REDIS_SERVER = 'redis-server';

export interface LocalRedis {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * A throwaway Redis on loopback: no snapshots, no append-only file. It runs under a shell that
 * stops it when its stdin closes, so a test run that dies leaves no Redis holding a port.
 */
export async function startRedis(port?: number, readyTimeoutMs = 10_000): Promise<LocalRedis> {
  const chosen = port ?? (await freePort());
  const flags = ['--port', String(chosen), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  // sh names itself by the word after the script ($0), so "$@" is the server and its flags
  const script = '"$@" & pid=$!; read _ignored; kill $pid; wait $pid';
  const shell = spawn('sh', ['-c', script, 'redis', REDIS_SERVER, ...flags], { stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => shell.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      shell.stdin.end();
      reject(new Error(`redis-server did not start within ${readyTimeoutMs} ms:\n${output}`));
    }, readyTimeoutMs);
    // read to the end, ready or not: a pipe nobody empties would block the server's logging
    const read = (chunk: Buffer) => {
      if (output.includes('Ready to accept connections')) return;
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    };
    shell.stdout.on('data', read);
    shell.stderr.on('data', read);
    shell.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited before it was ready:\n${output}`));
    });
  });
  return {
    url: `redis://127.0.0.1:${chosen}`,
    port: chosen,
    stop: async () => {
      shell.stdin.end();
      await exited;
    },
  };
}

export default async function setup(project: TestProject) {
  if (spawnSync(REDIS_SERVER, ['--version'], { stdio: 'ignore' }).error) {
    const why = `${REDIS_SERVER} not found on PATH`;
    if (process.env.CI === 'true') throw new Error(`CI=true but the local Redis cannot run: ${why}`);
    const bar = '!'.repeat(78);
    console.warn(`\n${bar}\n!! THE REDIS TESTS ARE SKIPPED: ${why}.\n!! Install redis-server to run them.\n${bar}\n`);
    project.provide('redisUrl', null);
    return;
  }
  const redis = await startRedis();
  console.log(`Local Redis for the tests: ${redis.url}`);
  project.provide('redisUrl', redis.url);
  return () => redis.stop();
}
