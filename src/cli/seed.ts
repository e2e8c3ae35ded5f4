/** `npm run seed`: loads every case file under DATA_DIR, and its audit trail, into the Neo4j named by NEO4J_URI. */
import { readConfig } from '../config.js';
import { loadCases } from '../domain/loadCases.js';
import { loadChanges } from '../domain/saveCases.js';
import { createDriver } from '../store/neo4j/driver.js';
import { seedNeo4j } from '../store/neo4j/seed.js';
import { runCli } from './runCli.js';

runCli(async () => {
  const config = readConfig();
  if (!config.neo4j) {
    throw new Error('NEO4J_URI is not set: say which Neo4j to seed, e.g. NEO4J_URI=bolt://127.0.0.1:7687 npm run seed');
  }
  const graph = loadCases(config.dataDir);
  const driver = createDriver(config.neo4j);
  try {
    const loaded = await seedNeo4j(driver, config.neo4j.database, graph, { changes: loadChanges(config.dataDir) });
    console.log(
      `Seeded ${config.neo4j.uri} (database ${config.neo4j.database}) from ${config.dataDir}: ` +
        `${loaded.sources} source(s), ${loaded.entities} entities, ${loaded.relationships} relationships, ` +
        `${loaded.evidence} pieces of evidence`,
    );
  } finally {
    await driver.close();
  }
});
