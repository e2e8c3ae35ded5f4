/**
 * Runs the real Neo4j engine from tools/neo4j-local without Docker: resolves its classpath with
 * Maven once (the jars stay in Maven's local repository), then starts the JVM and waits for its
 * ready line. Used by `npm run neo4j` and by the test run's global setup.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { NEO4J_LAUNCHER_DIR } from '../src/paths.js';

const CLASSPATH_FILE = join(NEO4J_LAUNCHER_DIR, 'target', 'classpath.txt');
const CLASSES_DIR = join(NEO4J_LAUNCHER_DIR, 'target', 'classes');
const LAUNCHER_SOURCE = join(NEO4J_LAUNCHER_DIR, 'src', 'main', 'java', 'local', 'neo4j', 'Launcher.java');
const POM = join(NEO4J_LAUNCHER_DIR, 'pom.xml');
const READY = /Neo4j ready on (bolt:\/\/\S+)/;

/** The flags Neo4j's own launcher passes on Java 17, and a heap (NEO4J_HEAP, 1g) that leaves room for the tests. */
const jvmFlags = () => [
  '-Xms256m',
  `-Xmx${process.env.NEO4J_HEAP || '1g'}`,
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-exports=java.base/sun.nio.ch=ALL-UNNAMED',
];

/** A TCP port free on loopback right now, for a database or server of a test or benchmark. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Why the local Neo4j cannot run here, or null when java and mvn are both present. */
export function missingTools(): string | null {
  const missing = ['java', 'mvn'].filter((tool) => spawnSync(tool, ['-version'], { stdio: 'ignore' }).error);
  return missing.length ? `${missing.join(' and ')} not found on PATH` : null;
}

function isStale(): boolean {
  if (!existsSync(CLASSPATH_FILE) || !existsSync(join(CLASSES_DIR, 'local', 'neo4j', 'Launcher.class'))) return true;
  const built = statSync(CLASSPATH_FILE).mtimeMs;
  return statSync(POM).mtimeMs > built || statSync(LAUNCHER_SOURCE).mtimeMs > built;
}

/** Compiles the launcher and resolves its classpath when the pom or the source changed. */
export function prepareLauncher(log: (line: string) => void = console.log): string {
  if (isStale()) {
    log('Preparing the local Neo4j launcher (Maven resolves the Neo4j jars once; later runs reuse them)...');
    const build = spawnSync(
      'mvn',
      [
        '-B',
        '-q',
        '-Dstyle.color=never',
        '-f',
        POM,
        'compile',
        'dependency:build-classpath',
        `-Dmdep.outputFile=${CLASSPATH_FILE}`,
      ],
      { stdio: 'inherit' },
    );
    if (build.status !== 0)
      throw new Error(`Maven could not build tools/neo4j-local (exit ${build.status ?? build.signal})`);
    // Maven leaves an unchanged classpath file untouched; mark it as built now, or every run rebuilds.
    const now = new Date();
    utimesSync(CLASSPATH_FILE, now, now);
  }
  return `${CLASSES_DIR}:${readFileSync(CLASSPATH_FILE, 'utf8').trim()}`;
}

export interface LocalNeo4jOptions {
  port: number;
  dataDir: string;
  /** Stop the database when this process's end closes its stdin (tests: no orphan holding the port). */
  exitWithParent?: boolean;
  /** Where the database's own output goes; by default this process's stdout and stderr. */
  stdio?: 'inherit' | 'pipe';
  readyTimeoutMs?: number;
}

export interface LocalNeo4j {
  uri: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export function spawnNeo4j(classpath: string, options: LocalNeo4jOptions): ChildProcess {
  // At a lower priority (nice 10): the local database shares two cores with the API and the tests,
  // and a query that keeps it busy must not starve the API's event loop of the CPU it needs.
  return spawn(
    'nice',
    [
      '-n',
      '10',
      'java',
      ...jvmFlags(),
      '-cp',
      classpath,
      'local.neo4j.Launcher',
      ...(options.exitWithParent ? ['--exit-on-stdin-close'] : []),
    ],
    {
      env: { ...process.env, NEO4J_BOLT_PORT: String(options.port), NEO4J_DATA_DIR: options.dataDir },
      stdio: ['pipe', 'pipe', options.stdio === 'pipe' ? 'pipe' : 'inherit'],
    },
  );
}

/** Starts the database and resolves once Bolt accepts connections. */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const child = spawnNeo4j(prepareLauncher(), options);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const uri = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Neo4j was not ready within ${options.readyTimeoutMs ?? 120_000} ms:\n${output}`));
    }, options.readyTimeoutMs ?? 120_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (options.stdio !== 'pipe') process.stdout.write(chunk);
      const ready = READY.exec(output);
      if (ready?.[1]) {
        clearTimeout(timer);
        resolve(ready[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`Neo4j exited before it was ready (${code ?? signal}):\n${output}`));
    });
  });

  return {
    uri,
    process: child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
