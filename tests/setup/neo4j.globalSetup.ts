/**
 * Starts the local Neo4j once per test run (unless NEO4J_URI names one) and hands its URI to the
 * tests. Without java and mvn the Neo4j tests are skipped with a loud notice; under CI=true a
 * Neo4j that did not run fails the run instead.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, missingTools, startLocalNeo4j } from '../../scripts/localNeo4j.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** bolt:// URI of the Neo4j the tests use, or null when none could run. */
    neo4jUri: string | null;
  }
}

function shout(lines: string[]): void {
  const bar = '!'.repeat(78);
  console.warn(`\n${bar}\n${lines.map((l) => `!! ${l}`).join('\n')}\n${bar}\n`);
}

export default async function setup(project: TestProject) {
  if (process.env.NEO4J_URI) {
    console.log(`Neo4j tests use NEO4J_URI=${process.env.NEO4J_URI} (they replace its case graph)`);
    project.provide('neo4jUri', process.env.NEO4J_URI);
    return;
  }
  const missing = missingTools();
  if (missing) {
    if (process.env.CI === 'true') throw new Error(`CI=true but the local Neo4j cannot run: ${missing}`);
    shout([`THE NEO4J TESTS ARE SKIPPED: ${missing}.`, 'Install Java 17 and Maven, or set NEO4J_URI, to run them.']);
    project.provide('neo4jUri', null);
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'case-graph-neo4j-'));
  const neo4j = await startLocalNeo4j({ port: await freePort(), dataDir, exitWithParent: true, stdio: 'pipe' });
  console.log(`Local Neo4j for the tests: ${neo4j.uri}`);
  project.provide('neo4jUri', neo4j.uri);
  return async () => {
    await neo4j.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
