/** Seeding Neo4j makes it hold exactly the case files, however often it runs. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { Neo4jStore } from '../../src/store/neo4j/neo4jStore.js';
import { applySchema, seedNeo4j } from '../../src/store/neo4j/seed.js';
import { DATABASE, neo4jDriver, neo4jUri, rustCase } from '../support/stores.js';

/** Every node and relationship with every property, in a canonical order. */
async function dump(driver: Driver) {
  const { records } = await driver.executeQuery(
    `MATCH (n) OPTIONAL MATCH (n)-[r]->(m)
     WITH n, r, m ORDER BY n.key, type(r), r.key, m.key
     RETURN labels(n) AS labels, properties(n) AS node,
            collect(CASE WHEN r IS NULL THEN null ELSE [type(r), m.key, properties(r)] END) AS out
     ORDER BY node.key`,
    {},
    { database: DATABASE },
  );
  // Neo4j does not define the order of a map's keys: compare the properties, not their order
  return JSON.stringify(
    records.map((r) => r.toObject()),
    (_key, value: unknown) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : value,
  );
}

describe.runIf(neo4jUri !== null)('seeding Neo4j', () => {
  let driver: Driver;
  beforeAll(() => {
    driver = neo4jDriver();
  });
  afterAll(async () => {
    await driver?.close();
  });

  it('gives a graph seeded by an earlier version what search reads, when only the schema is applied', async () => {
    await seedNeo4j(driver, DATABASE, rustCase());
    const current = await dump(driver);
    // as an earlier version left it: no searchText, the full-text index's list instead
    await driver.executeQuery(
      'MATCH (n:Entity) SET n.searchNames = [n.searchName] + coalesce(n.searchAliases, []) REMOVE n.searchText',
      {},
      { database: DATABASE },
    );
    const store = new Neo4jStore(driver, DATABASE);
    expect(await store.search('baldwin', null, 10)).toEqual([]);
    await applySchema(driver, DATABASE);
    expect((await store.search('baldwin', null, 10)).map((hit) => hit.entity.key)[0]).toBe('alec-baldwin');
    expect(await dump(driver)).toBe(current);
  });

  it('leaves exactly the same nodes, relationships and properties when run twice', async () => {
    const graph = rustCase();
    const loaded = await seedNeo4j(driver, DATABASE, graph);
    const once = await dump(driver);
    await seedNeo4j(driver, DATABASE, graph);
    expect(await dump(driver)).toBe(once);
    expect(loaded).toEqual({ sources: 1, entities: 18, relationships: 29, evidence: 71 });
    const { records } = await driver.executeQuery(
      'MATCH (n:Entity) RETURN count(n) AS entities, count { ()-[r]->() WHERE type(r) <> "MENTIONS" } AS relationships',
      {},
      { database: DATABASE },
    );
    expect(records[0]!.get('entities').toNumber()).toBe(18);
    expect(records[0]!.get('relationships').toNumber()).toBe(29);
  });

  it('removes what the case files no longer hold, and restores it when they do again', async () => {
    const graph = rustCase();
    const withoutAbc = {
      ...graph,
      entities: graph.entities.filter((e) => e.key !== 'abc-news'),
      relationships: graph.relationships.filter((r) => r.from !== 'abc-news'),
    };
    await seedNeo4j(driver, DATABASE, withoutAbc);
    const gone = await driver.executeQuery('MATCH (n {key: "abc-news"}) RETURN n', {}, { database: DATABASE });
    expect(gone.records).toHaveLength(0);

    const full = await seedNeo4j(driver, DATABASE, graph).then(() => dump(driver));
    await seedNeo4j(driver, DATABASE, graph);
    expect(await dump(driver)).toBe(full);
  });

  it('leaves the same database when it loads in small batches (as for very large cases)', async () => {
    const graph = rustCase();
    await seedNeo4j(driver, DATABASE, graph);
    const atOnce = await dump(driver);
    await seedNeo4j(driver, DATABASE, { ...graph, entities: graph.entities.slice(0, 3), relationships: [] });
    await seedNeo4j(driver, DATABASE, graph, { batchSize: 4 });
    expect(await dump(driver)).toBe(atOnce);
  });

  it('uses the labels and types analysts expect in Cypher', async () => {
    await seedNeo4j(driver, DATABASE, rustCase());
    const { records } = await driver.executeQuery(
      `MATCH (p:Person {key: 'joel-souza'})-[w:WORKED_ON]->(f:Production)
       RETURN labels(p) AS labels, w.role AS role, f.name AS film`,
      {},
      { database: DATABASE },
    );
    expect(records.map((r) => r.toObject())).toEqual([
      { labels: ['Entity', 'Person'], role: 'director', film: 'Rust' },
    ]);
    const { records: dates } = await driver.executeQuery(
      `MATCH (e:Event) WHERE e.dateEarliest <= date('2021-11-15') <= e.dateLatest RETURN e.key AS key`,
      {},
      { database: DATABASE },
    );
    expect(dates.map((r) => r.get('key'))).toEqual(['rust-set-incident']);
  });
});
