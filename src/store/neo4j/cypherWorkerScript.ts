/**
 * Where the analyst Cypher worker's code is. Built (npm start, dist/): cypherWorker.js beside this
 * module. Running the TypeScript sources (the tests), Node cannot load a .ts worker, so it is bundled
 * once with esbuild (a dev dependency, loaded only then) and run from source text.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

interface WorkerScript {
  /** A file URL, or the worker's code itself when `evaluate` is true. */
  source: URL | string;
  evaluate: boolean;
}

let bundled: string | undefined;

export function cypherWorkerScript(): WorkerScript {
  const compiled = new URL('./cypherWorker.js', import.meta.url);
  if (existsSync(fileURLToPath(compiled))) return { source: compiled, evaluate: false };
  const esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
  bundled ??= esbuild.buildSync({
    entryPoints: [fileURLToPath(new URL('./cypherWorker.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  }).outputFiles[0]!.text;
  return { source: bundled, evaluate: true };
}
