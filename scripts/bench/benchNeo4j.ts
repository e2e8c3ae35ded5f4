/**
 * The Neo4j a benchmark runs against: NEO4J_URI when set, else a local one started here (2 GiB heap
 * unless NEO4J_HEAP says otherwise) in a directory of its own, which `close` stops and removes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, type LocalNeo4j, missingTools, startLocalNeo4j } from '../localNeo4j.js';

export interface BenchNeo4j {
  config: { uri: string; user: string; password: string; database: string };
  /** The local Neo4j, when this started one (its process is measured too). */
  local: LocalNeo4j | undefined;
  close(): Promise<void>;
}

export async function benchNeo4j(purpose: string): Promise<BenchNeo4j> {
  let local: LocalNeo4j | undefined;
  let dataDir: string | undefined;
  let uri = process.env.NEO4J_URI;
  if (!uri) {
    const missing = missingTools();
    if (missing) throw new Error(`${purpose} need Java and Maven (${missing}) or NEO4J_URI`);
    dataDir = mkdtempSync(join(tmpdir(), 'case-graph-bench-'));
    process.env.NEO4J_HEAP ??= '2g';
    local = await startLocalNeo4j({ port: await freePort(), dataDir, exitWithParent: true, stdio: 'pipe' });
    uri = local.uri;
  }
  const config = {
    uri,
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
    database: process.env.NEO4J_DATABASE ?? 'neo4j',
  };
  return {
    config,
    local,
    close: async () => {
      await local?.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
