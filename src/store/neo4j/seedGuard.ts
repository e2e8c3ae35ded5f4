/**
 * Seeding replaces the graph in Neo4j with the case files. Once editors write to Neo4j, that could
 * discard their work, so the seed command first asks what the database holds: a database with
 * changes newer than the case folders' audit trail is not reseeded unless the operator forces it
 * (after `npm run dump`, or to throw those changes away on purpose).
 */
import type { Driver } from 'neo4j-driver';
import { readCypher } from './cypherFiles.js';
import { Neo4jExecutor } from './executor.js';
import { toNumber } from './mapping.js';

const STATE = readCypher('seed-state');

export interface DatabaseState {
  sources: number;
  /** The seq of the last change recorded in the database (0: none). */
  lastChange: number;
}

export async function databaseState(driver: Driver, database: string): Promise<DatabaseState> {
  const [row] = await new Neo4jExecutor(driver, database).read(STATE);
  return { sources: toNumber(row?.sources ?? 0), lastChange: toNumber(row?.lastChange ?? 0) };
}

/** Why seeding would lose writes (null when it would not): changes in the database after `lastFiled`. */
export function unsavedWrites(state: DatabaseState, lastFiled: number): string | null {
  if (state.lastChange <= lastFiled) return null;
  return (
    `the database holds changes up to ${state.lastChange}, the case files only up to ${lastFiled}: ` +
    'seeding would discard editors’ writes. Run `npm run dump` first, or seed with --force to discard them.'
  );
}
