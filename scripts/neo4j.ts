/**
 * `npm run neo4j`: a real Neo4j in the foreground, no Docker. Bolt on 127.0.0.1:$NEO4J_BOLT_PORT
 * (default 7687), data in $NEO4J_DATA_DIR (default .neo4j-data), authentication off.
 * Ctrl-C or SIGTERM stops it cleanly.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { missingTools, prepareLauncher, spawnNeo4j } from './localNeo4j.js';
import { runCli } from '../src/cli/runCli.js';

runCli(async () => {
  const missing = missingTools();
  if (missing) throw new Error(`Cannot run the local Neo4j: ${missing}. It needs Java 17 and Maven.`);
  const port = z.coerce
    .number()
    .int()
    .min(1)
    .max(65535)
    .parse(process.env.NEO4J_BOLT_PORT || 7687);
  const dataDir = resolve(process.env.NEO4J_DATA_DIR || '.neo4j-data');

  const child = spawnNeo4j(prepareLauncher(), { port, dataDir });
  child.stdout?.pipe(process.stdout);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  const code = await new Promise<number>((done) => child.once('exit', (exitCode) => done(exitCode ?? 0)));
  process.exit(code === 143 || code === 130 ? 0 : code);
});
