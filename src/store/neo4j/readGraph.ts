/**
 * The whole case graph and its audit trail as Neo4j holds them, for `npm run dump`. Read under the
 * graph's write lock, so that no write lands halfway through, and ordered as the embedded store
 * keeps them after a write (by key; changes by number), so that both write the same case folders.
 */
import type { Driver } from 'neo4j-driver';
import type { Change } from '../../domain/changes.js';
import { RELATIONSHIP_TYPES } from '../../domain/kinds.js';
import type { CaseGraph } from '../../domain/model.js';
import { compareStrings } from '../../domain/ordering.js';
import type { Draft } from '../../domain/suggestions.js';
import { readCypher } from './cypherFiles.js';
import { Neo4jExecutor } from './executor.js';
import { toChange, toEntity, toRelationship, toSource } from './mapping.js';
import { LOCK, UNLOCK } from './neo4jWrites.js';
import type { Row } from './rows.js';

const DUMP = readCypher('dump-graph');

interface GraphWithChanges {
  graph: CaseGraph;
  /** Oldest first. */
  changes: Change[];
}

/** A graph holds `drafts` only when some source has one, as loadCases reads case folders. */
const withDrafts = (drafts: Draft[]) =>
  drafts.length > 0 ? { drafts: drafts.sort((a, b) => compareStrings(a.sourceKey, b.sourceKey)) } : {};

export async function readNeo4jGraph(driver: Driver, database: string): Promise<GraphWithChanges> {
  const rows = await new Neo4jExecutor(driver, database).write(async (tx) => {
    // the lock counts a change this read will not record: it gives the number back at once
    await tx.run(LOCK);
    const { records } = await tx.run(DUMP, { types: RELATIONSHIP_TYPES });
    await tx.run(UNLOCK);
    return records.map((record) => ({
      what: record.get('what') as string,
      properties: record.get('properties') as Row,
    }));
  });
  const of = (what: string) => rows.filter((row) => row.what === what).map((row) => row.properties);
  const byKey = (a: { key: string }, b: { key: string }) => compareStrings(a.key, b.key);
  return {
    graph: {
      sources: of('source').map(toSource).sort(byKey),
      entities: of('entity').map(toEntity).sort(byKey),
      relationships: of('relationship').map(toRelationship).sort(byKey),
      ...withDrafts(of('draft').map((row) => JSON.parse(row.json as string) as Draft)),
    },
    changes: of('change')
      .map(toChange)
      .sort((a, b) => a.seq - b.seq),
  };
}
