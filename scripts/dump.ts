/**
 * `npm run dump [dir]`: writes the case graph and its audit trail, as the Neo4j named by NEO4J_URI
 * holds them, out as case folders under `dir` (default DATA_DIR), which `npm run seed` reads back.
 * Case folders already there are rewritten; other files are left alone.
 */
import { resolve } from 'node:path';
import { readConfig } from '../src/config.js';
import { saveCases } from '../src/domain/saveCases.js';
import { summarise } from '../src/store/graphStore.js';
import { createDriver } from '../src/store/neo4j/driver.js';
import { readNeo4jGraph } from '../src/store/neo4j/readGraph.js';
import { runCli } from '../src/cli/runCli.js';

runCli(async () => {
  const config = readConfig();
  if (!config.neo4j) {
    throw new Error('NEO4J_URI is not set: say which Neo4j to dump, e.g. NEO4J_URI=bolt://127.0.0.1:7687 npm run dump');
  }
  const dir = resolve(process.argv[2] ?? config.dataDir);
  const driver = createDriver(config.neo4j);
  try {
    const { graph, changes } = await readNeo4jGraph(driver, config.neo4j.database);
    saveCases(dir, graph, changes);
    const dumped = summarise(graph);
    const cases = new Set(graph.sources.map((s) => s.caseKey)).size;
    console.log(
      `Dumped ${config.neo4j.uri} (database ${config.neo4j.database}) to ${dir}: ${cases} case(s), ` +
        `${dumped.sources} source(s), ${dumped.entities} entities, ${dumped.relationships} relationships, ` +
        `${changes.length} change(s)`,
    );
  } finally {
    await driver.close();
  }
});
