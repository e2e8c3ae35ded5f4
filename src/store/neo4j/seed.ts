/**
 * Loads a case graph into Neo4j: cypher/schema.cypher, then cypher/seed.cypher, then removes what
 * the graph no longer contains (seed-inventory.cypher, seed-remove.cypher). Afterwards the database
 * holds exactly the case graph, however often it runs. By default it is one write transaction;
 * very large loads (the benchmarks' synthetic cases) may go in batches of `batchSize` instead.
 * The audit trail of the case folders comes with the graph (change-seed.cypher): the database then
 * holds exactly the changes given, and the next write continues their numbering.
 * The properties built here are also what a write puts (neo4jWrites.ts), so both agree.
 */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { Change } from '../../domain/changes.js';
import { KIND_NAME } from '../../domain/kinds.js';
import type { CaseGraph, Evidence } from '../../domain/model.js';
import { parsePartialDate } from '../../domain/partialDate.js';
import { searchFieldsOf } from '../../domain/search.js';
import { timelineKey } from '../../domain/timeline.js';
import { summarise, type LoadSummary } from '../graphStore.js';
import { readCypher, readCypherStatements } from './cypherFiles.js';
import { Neo4jExecutor } from './executor.js';

const SCHEMA_STATEMENTS = readCypherStatements('schema');
const SEED_STATEMENTS = readCypherStatements('seed');
const INVENTORY = readCypher('seed-inventory');
const REMOVE_STATEMENTS = readCypherStatements('seed-remove');
const CHANGE_STATEMENTS = readCypherStatements('change-seed');

/** Neo4j DATE for Cypher users' date arithmetic; the API reads the partial date's text. */
function neo4jDate(iso: string) {
  const [year, month, day] = iso.split('-').map(Number);
  return new neo4j.types.Date(year ?? 0, month ?? 1, day ?? 1);
}

const withoutNulls = (record: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(record).filter(([, v]) => v !== null && v !== undefined));

/** The parameters of seed.cypher (and write-commit.cypher). Null properties are left out: Neo4j stores no nulls. */
export function seedParameters(graph: CaseGraph) {
  /** Evidence as parallel lists: how a relationship keeps its evidence and an entity its mentions. */
  const columns = (evidence: Evidence[]) => ({
    sources: evidence.map((e) => e.sourceKey),
    starts: evidence.map((e) => neo4j.int(e.start)),
    ends: evidence.map((e) => neo4j.int(e.end)),
  });
  // Each entity's mentions, once: on the node for the API to read (like a relationship's evidence),
  // and split by source into the MENTIONS relationships that analysts and the mentionedIn filter follow.
  const mentionsOf = new Map(graph.entities.map((e) => [e.key, columns(e.mentions)]));

  const parameters = {
    drafts: (graph.drafts ?? []).map((d) => ({ sourceKey: d.sourceKey, json: JSON.stringify(d) })),
    sources: graph.sources.map((s) => ({ key: s.key, properties: withoutNulls({ ...s }) })),
    entities: graph.entities.map((e) => {
      // occupations are a person's; other kinds would only carry an empty list
      const { mentions: _mentions, occupations, ...fields } = e;
      const date = e.date === null ? null : parsePartialDate(e.date);
      const search = searchFieldsOf(e);
      const { sources: mentionSources, starts: mentionStarts, ends: mentionEnds } = mentionsOf.get(e.key)!;
      return {
        key: e.key,
        label: KIND_NAME[e.kind],
        properties: withoutNulls({
          ...fields,
          occupations: e.kind === 'PERSON' ? occupations : null,
          mentionSources,
          mentionStarts,
          mentionEnds,
          dateEarliest: date ? neo4jDate(date.earliest) : null,
          dateLatest: date ? neo4jDate(date.latest) : null,
          // derived, for search and ordering: the API's rules, computed once here in TypeScript
          ...search,
          searchText: [search.searchName, ...search.searchAliases].join('|'),
          timelineKey: e.kind === 'EVENT' ? timelineKey(e) : null,
        }),
      };
    }),
    mentions: [...mentionsOf].flatMap(([entity, { sources, starts, ends }]) =>
      [...new Set(sources)].map((source) => ({
        source,
        entity,
        starts: starts.filter((_, i) => sources[i] === source),
        ends: ends.filter((_, i) => sources[i] === source),
      })),
    ),
    relationships: graph.relationships.map((r) => {
      const { sources: evidenceSources, starts: evidenceStarts, ends: evidenceEnds } = columns(r.evidence);
      const properties = withoutNulls({
        key: r.key,
        role: r.role,
        evidenceSources,
        evidenceStarts,
        evidenceEnds,
        evidenceModalities: r.evidence.map((e) => e.modality),
        // lists hold no nulls: "" is the source itself (mapping.ts reads it back as null)
        evidenceAssertedBy: r.evidence.map((e) => e.assertedBy ?? ''),
      });
      return { key: r.key, type: r.type, from: r.from, to: r.to, properties };
    }),
  };
  return parameters;
}

/** The identities seed-inventory.cypher reports for what this graph should leave in the database. */
function wantedIdentities(graph: CaseGraph, parameters: ReturnType<typeof seedParameters>) {
  return {
    entity: new Set(graph.entities.map((e) => e.key)),
    source: new Set(graph.sources.map((s) => s.key)),
    draft: new Set((graph.drafts ?? []).map((d) => d.sourceKey)),
    link: new Set([
      ...parameters.mentions.map((m) => `MENTIONS ${m.source} ${m.entity}`),
      ...graph.relationships.map((r) => `${r.type} ${r.from} ${r.key} ${r.to}`),
    ]),
  };
}

/** A Change node's properties: its states as JSON text, since Neo4j properties hold no maps. */
export function changeProperties(change: Change): Record<string, unknown> {
  const { seq, before, after, ...fields } = change;
  return withoutNulls({ ...fields, seq: neo4j.int(seq), before: JSON.stringify(before), after: JSON.stringify(after) });
}

/** A statement gets only the parameters it names: sending the whole graph to each would multiply the load. */
export function parametersFor(statement: string, all: Record<string, unknown>): Record<string, unknown> {
  const names = new Set([...statement.matchAll(/\$(\w+)/g)].map((m) => m[1]!));
  return Object.fromEntries(Object.entries(all).filter(([name]) => names.has(name)));
}

const chunks = <T>(list: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/**
 * cypher/schema.cypher: constraints and indexes, and what an earlier version's graph lacks that they
 * read. Idempotent; run by every seed, and by `npm run seed -- --if-empty` even when it seeds nothing,
 * so a database kept across an upgrade gets the indexes the new version reads.
 */
export async function applySchema(driver: Driver, database: string): Promise<Neo4jExecutor> {
  const executor = new Neo4jExecutor(driver, database);
  for (const statement of SCHEMA_STATEMENTS) await executor.write((tx) => tx.run(statement));
  return executor;
}

export interface SeedOptions {
  /** Load in transactions of this many items per statement, rather than one transaction. */
  batchSize?: number;
  /** The audit trail to load with the graph, oldest first (none: the database keeps no changes). */
  changes?: readonly Change[];
}

export async function seedNeo4j(
  driver: Driver,
  database: string,
  graph: CaseGraph,
  options: SeedOptions = {},
): Promise<LoadSummary> {
  const executor = await applySchema(driver, database);

  const parameters = seedParameters(graph);
  const wanted = wantedIdentities(graph, parameters);
  const merge = async (tx: ManagedTransaction, statement: string, only?: Record<string, unknown>) =>
    tx.run(statement, only ?? parametersFor(statement, parameters));
  const removeStale = async (tx: ManagedTransaction) => {
    const stale = {
      staleEntityKeys: [] as string[],
      staleSourceKeys: [] as string[],
      staleDraftKeys: [] as string[],
      staleLinkIds: [] as string[],
    };
    for (const record of (await tx.run(INVENTORY)).records) {
      const what = record.get('what') as 'entity' | 'source' | 'draft' | 'link';
      if (wanted[what].has(record.get('identity') as string)) continue;
      if (what === 'entity') stale.staleEntityKeys.push(record.get('identity'));
      else if (what === 'source') stale.staleSourceKeys.push(record.get('identity'));
      else if (what === 'draft') stale.staleDraftKeys.push(record.get('identity'));
      else stale.staleLinkIds.push(record.get('id'));
    }
    for (const statement of REMOVE_STATEMENTS) await tx.run(statement, parametersFor(statement, stale));
  };

  const changes = options.changes ?? [];
  const changeParameters = {
    changes: changes.map(changeProperties),
    changeSeqs: changes.map((c) => neo4j.int(c.seq)),
    lastSeq: neo4j.int(changes.reduce((last, c) => Math.max(last, c.seq), 0)),
  };
  const replaceChanges = async (tx: ManagedTransaction) => {
    for (const statement of CHANGE_STATEMENTS) await tx.run(statement, parametersFor(statement, changeParameters));
  };

  if (!options.batchSize) {
    await executor.write(async (tx) => {
      for (const statement of SEED_STATEMENTS) await merge(tx, statement);
      await removeStale(tx);
      await replaceChanges(tx);
    });
  } else {
    for (const statement of SEED_STATEMENTS) {
      const [[name, list]] = Object.entries(parametersFor(statement, parameters)) as [[string, unknown[]]];
      for (const chunk of chunks(list, options.batchSize))
        await executor.write((tx) => merge(tx, statement, { [name]: chunk }));
    }
    await executor.write(removeStale);
    await executor.write(replaceChanges);
  }
  return summarise(graph);
}
