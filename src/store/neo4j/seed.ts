/**
 * Loads a case graph into Neo4j: cypher/schema.cypher, then cypher/seed.cypher in one write
 * transaction. Afterwards the database holds exactly the case graph, however often it runs.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { LABEL_OF_KIND } from '../../domain/kinds.js';
import type { CaseGraph, Evidence } from '../../domain/model.js';
import { parsePartialDate } from '../../domain/partialDate.js';
import { searchFieldsOf } from '../../domain/search.js';
import { timelineKey } from '../../domain/timeline.js';
import { summarise, type LoadSummary } from '../graphStore.js';
import { readCypherStatements } from './cypherFiles.js';

const SCHEMA_STATEMENTS = readCypherStatements('schema');
const SEED_STATEMENTS = readCypherStatements('seed');

/** Neo4j DATE for Cypher users' date arithmetic; the API reads the partial date's text. */
function neo4jDate(iso: string) {
  const [year, month, day] = iso.split('-').map(Number);
  return new neo4j.types.Date(year ?? 0, month ?? 1, day ?? 1);
}

/** The parameters of seed.cypher. Null properties are left out: Neo4j stores no nulls. */
export function seedParameters(graph: CaseGraph) {
  const evidenceColumns = (evidence: Evidence[]) => ({
    evidenceSources: evidence.map((e) => e.sourceKey),
    evidenceStarts: evidence.map((e) => neo4j.int(e.start)),
    evidenceEnds: evidence.map((e) => neo4j.int(e.end)),
  });
  const withoutNulls = (record: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(record).filter(([, v]) => v !== null && v !== undefined));

  return {
    sources: graph.sources.map((s) => ({ key: s.key, properties: withoutNulls({ ...s }) })),
    entities: graph.entities.map((e) => {
      // occupations are a person's; other kinds would only carry an empty list
      const { mentions: _mentions, occupations, ...fields } = e;
      const date = e.date === null ? null : parsePartialDate(e.date);
      const search = searchFieldsOf(e);
      return {
        key: e.key,
        label: LABEL_OF_KIND[e.kind],
        properties: withoutNulls({
          ...fields,
          occupations: e.kind === 'PERSON' ? occupations : null,
          dateEarliest: date ? neo4jDate(date.earliest) : null,
          dateLatest: date ? neo4jDate(date.latest) : null,
          // derived, for search and ordering: the API's rules, computed once here in TypeScript
          ...search,
          searchNames: [search.searchName, ...search.searchAliases],
          timelineKey: e.kind === 'EVENT' ? timelineKey(e) : null,
        }),
      };
    }),
    mentions: graph.entities.flatMap((e) => {
      const bySource = new Map<string, Evidence[]>();
      for (const m of e.mentions) bySource.set(m.sourceKey, [...(bySource.get(m.sourceKey) ?? []), m]);
      return [...bySource].map(([source, list]) => ({
        source,
        entity: e.key,
        starts: list.map((m) => neo4j.int(m.start)),
        ends: list.map((m) => neo4j.int(m.end)),
      }));
    }),
    relationships: graph.relationships.map((r) => ({
      key: r.key,
      type: r.type,
      from: r.from,
      to: r.to,
      properties: withoutNulls({ key: r.key, role: r.role, ...evidenceColumns(r.evidence) }),
    })),
  };
}

export async function seedNeo4j(driver: Driver, database: string, graph: CaseGraph): Promise<LoadSummary> {
  for (const statement of SCHEMA_STATEMENTS) await driver.executeQuery(statement, {}, { database });
  await driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database });

  const parameters = seedParameters(graph);
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    await session.executeWrite(async (tx) => {
      for (const statement of SEED_STATEMENTS) await tx.run(statement, parameters);
    });
  } finally {
    await session.close();
  }
  return summarise(graph);
}
