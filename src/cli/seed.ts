/**
 * `npm run seed`: loads every case file under DATA_DIR, and its audit trail, into the Neo4j named by
 * NEO4J_URI, replacing what it held. `--if-empty` seeds only a database that holds no graph yet
 * (what docker compose runs on every start); `--force` seeds even over writes not yet dumped.
 */
import { readConfig } from '../config.js';
import { loadCases } from '../domain/loadCases.js';
import { loadChanges } from '../domain/saveCases.js';
import { createDriver } from '../store/neo4j/driver.js';
import { applySchema, seedNeo4j } from '../store/neo4j/seed.js';
import { databaseState, unsavedWrites } from '../store/neo4j/seedGuard.js';
import { runCli } from './runCli.js';

runCli(async () => {
  const config = readConfig();
  if (!config.neo4j) {
    throw new Error('NEO4J_URI is not set: say which Neo4j to seed, e.g. NEO4J_URI=bolt://127.0.0.1:7687 npm run seed');
  }
  const flags = new Set(process.argv.slice(2));
  const graph = loadCases(config.dataDir);
  const changes = loadChanges(config.dataDir);
  const driver = createDriver(config.neo4j);
  try {
    const state = await databaseState(driver, config.neo4j.database);
    if (flags.has('--if-empty') && state.sources > 0) {
      await applySchema(driver, config.neo4j.database);
      console.log(
        `${config.neo4j.uri} already holds a graph (${state.lastChange} change(s)): not seeding it again; its indexes are current`,
      );
      return;
    }
    const unsaved = unsavedWrites(state, changes.at(-1)?.seq ?? 0);
    if (unsaved && !flags.has('--force')) throw new Error(unsaved);
    const loaded = await seedNeo4j(driver, config.neo4j.database, graph, { changes });
    console.log(
      `Seeded ${config.neo4j.uri} (database ${config.neo4j.database}) from ${config.dataDir}: ` +
        `${loaded.sources} source(s), ${loaded.entities} entities, ${loaded.relationships} relationships, ` +
        `${loaded.evidence} pieces of evidence, ${changes.length} change(s)`,
    );
  } finally {
    await driver.close();
  }
});
