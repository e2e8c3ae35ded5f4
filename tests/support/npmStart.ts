/** `npm start` as a new user runs it, in its own process group, and its stop by SIGTERM: for end-to-end tests. */
import { type ChildProcess, spawn } from 'node:child_process';
import { afterEach } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';

const running: ChildProcess[] = [];

/** Stops every server a test started, after each test. Call once per test file. */
export function stopServersAfterEach(): void {
  afterEach(async () => {
    await Promise.all(running.splice(0).map(stop));
  });
}

export async function npmStart(
  env: Record<string, string>,
): Promise<{ url: string; output: () => string; child: ChildProcess }> {
  const inherited = { ...process.env };
  // this server hears of nothing through Redis, whatever the shell running the tests has set
  delete inherited.REDIS_URL;
  // Its own process group, so that stopping it stops npm, the shell and node together.
  const child = spawn('npm', ['start'], {
    cwd: PROJECT_ROOT,
    env: { ...inherited, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    detached: true,
  });
  running.push(child);
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not listen within 60 s:\n${output}`)), 60_000);
    child.stdout.on('data', () => {
      const match = /GraphQL and GraphiQL on (http:\/\/localhost:\d+\/graphql)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited (${code}):\n${output}`));
    });
  });
  return { url, output: () => output, child };
}

/** SIGTERM to the whole group (npm, its shell, the server), as a process manager would send. */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  // 'close', not 'exit': by then every line the server wrote has been read
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  process.kill(-child.pid!, 'SIGTERM');
  await exited;
}
