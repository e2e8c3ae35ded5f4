/** The store's Cypher, read once from cypher/: queries live in files an analyst can read and run. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CYPHER_DIR } from '../../paths.js';

export function readCypher(name: string): string {
  return readFileSync(join(CYPHER_DIR, `${name}.cypher`), 'utf8');
}

/** A file of several statements, each ending with ";" at the end of a line; comment lines dropped. */
export function readCypherStatements(name: string): string[] {
  return readCypher(name)
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*$/m)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

export const QUERIES = {
  countByKind: readCypher('count-by-kind'),
  listEntities: readCypher('list-entities'),
  listEvents: readCypher('list-events'),
  search: readCypher('search'),
  entitiesByKeys: readCypher('entities-by-keys'),
  relationshipsOf: readCypher('relationships-of'),
  relationshipsByKeys: readCypher('relationships-by-keys'),
  neighbourKeys: readCypher('neighbour-keys'),
  relationshipsAmong: readCypher('relationships-among'),
  sources: readCypher('sources'),
  sourcesByKeys: readCypher('sources-by-keys'),
  entitiesMentionedIn: readCypher('entities-mentioned-in'),
  entitiesNamedWith: readCypher('entities-named-with'),
  draftsOf: readCypher('drafts-of'),
  ping: readCypher('ping'),
} as const;
