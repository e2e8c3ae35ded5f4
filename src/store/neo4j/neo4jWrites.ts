/**
 * GraphStore.write on Neo4j: one write transaction whose first statement takes the graph's write
 * lock (write-lock.cypher), so writes run one at a time and what a write reads stays current until
 * it commits. Its reads run in that transaction; its commit puts the edit and records the change
 * (write-commit.cypher) with the properties seeding writes (seed.ts), all or nothing.
 */
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { Change, Edit } from '../../domain/changes.js';
import { RELATIONSHIP_TYPES } from '../../domain/kinds.js';
import { compareStrings } from '../../domain/ordering.js';
import type { WriteTransaction } from '../graphStore.js';
import { QUERIES, readCypher, readCypherStatements } from './cypherFiles.js';
import type { Neo4jExecutor } from './executor.js';
import { draftsIn, entityFromList, relationshipFromList, toChange, toNumber, toSource } from './mapping.js';
import { inKeyOrder, type Row } from './rows.js';
import { changeProperties, parametersFor, seedParameters } from './seed.js';

export const LOCK = readCypher('write-lock');
const LOCK_CREATE = readCypher('write-lock-create');
export const UNLOCK = readCypher('write-unlock');
const COMMIT_STATEMENTS = readCypherStatements('write-commit');
const SURVIVORS = readCypher('survivors-of');
const TOUCHING = readCypher('write-relationships-touching');
const CHANGE_BY_SEQ = readCypher('change-by-seq');
const CHANGES_AFTER = readCypher('change-after');

async function rowsOf(tx: ManagedTransaction, query: string, parameters: Row = {}): Promise<Row[]> {
  const result = await tx.run(query, parameters);
  return result.records.map((record) => record.toObject() as Row);
}

const properties = (row: Row) => row.properties as Row;

/** What a write reads, inside its own transaction: it sees its lock's graph, nobody else's half-write. */
function readsIn(tx: ManagedTransaction): Omit<WriteTransaction, 'commit'> {
  const types = RELATIONSHIP_TYPES;
  return {
    sourcesByKeys: async (keys) =>
      inKeyOrder(keys, (await rowsOf(tx, QUERIES.sourcesByKeys, { keys })).map(properties).map(toSource), (s) => s.key),
    entitiesByKeys: async (keys) =>
      inKeyOrder(
        keys,
        (((await rowsOf(tx, QUERIES.entitiesByKeys, { keys }))[0]?.entities as unknown[]) ?? []).map(entityFromList),
        (e) => e.key,
      ),
    survivorsOf: async (keys) => {
      // an entity's own key is current; a former key resolves to the entity it was merged into
      const rows = await rowsOf(tx, SURVIVORS, { keys });
      const found = new Map(
        rows.map((row) => [row.key as string, (row.current ?? row.survivor ?? null) as string | null]),
      );
      return keys.map((key) => found.get(key) ?? null);
    },
    relationshipsByKeys: async (keys) => {
      const rows = await rowsOf(tx, QUERIES.relationshipsByKeys, { keys, types });
      return inKeyOrder(
        keys,
        rows.map((row) => relationshipFromList(row.relationship)),
        (r) => r.key,
      );
    },
    relationshipsTouching: async (entityKeys) => {
      const rows = await rowsOf(tx, TOUCHING, { keys: entityKeys, types });
      return rows.map((row) => relationshipFromList(row.relationship)).sort((a, b) => compareStrings(a.key, b.key));
    },
    draftsOf: async (keys) => draftsIn(keys, await rowsOf(tx, QUERIES.draftsOf, { keys })),
    changeBySeq: async (seq) => {
      const [row] = await rowsOf(tx, CHANGE_BY_SEQ, { seq: neo4j.int(seq) });
      return row ? toChange(properties(row)) : null;
    },
    changesAfter: async (seq, entityKeys) =>
      (await rowsOf(tx, CHANGES_AFTER, { seq: neo4j.int(seq), keys: entityKeys })).map(properties).map(toChange),
  };
}

/** Puts the edit and records its change as number `seq`, in the write's transaction. */
async function commit(tx: ManagedTransaction, seq: number, edit: Edit): Promise<Change> {
  const change: Change = { ...edit.change, seq, at: new Date().toISOString() };
  const puts = {
    sources: edit.putSources,
    entities: edit.putEntities,
    relationships: edit.putRelationships,
    drafts: edit.putDrafts ?? [],
  };
  const parameters: Row = {
    ...seedParameters(puts),
    removeEntityKeys: edit.removeEntities,
    entityKeys: edit.putEntities.map((e) => e.key),
    relationshipKeys: [...edit.removeRelationships, ...edit.putRelationships.map((r) => r.key)],
    change: changeProperties(change),
  };
  for (const statement of COMMIT_STATEMENTS) {
    const { records } = await tx.run(statement, parametersFor(statement, parameters));
    const created = records[0]?.has('created') ? toNumber(records[0].get('created')) : null;
    // a MATCH that finds no end creates nothing, silently: the write would lose a relationship
    if (created !== null && created !== edit.putRelationships.length) {
      throw new Error(`${edit.putRelationships.length - created} relationship(s) name an entity that does not exist`);
    }
  }
  return change;
}

/** Runs `work` as one write: serialised with every other, and all or nothing (a throw writes nothing). */
export function writeNeo4j<T>(executor: Neo4jExecutor, work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
  // executeWrite may run this again after a transient error (a deadlock): each attempt starts afresh
  return executor.write(async (tx) => {
    let [lock] = await rowsOf(tx, LOCK);
    // the database's first write: it has no lock node yet
    if (!lock) [lock] = await rowsOf(tx, LOCK_CREATE);
    const seq = toNumber(lock?.seq);
    let committed = false;
    const result = await work({
      ...readsIn(tx),
      commit: async (edit) => {
        if (committed) throw new Error('a write commits once');
        committed = true;
        return commit(tx, seq, edit);
      },
    });
    // no change recorded: the number the lock counted goes back, so numbers stay gapless
    if (!committed) await tx.run(UNLOCK);
    return result;
  }, executor.timeoutMs);
}
