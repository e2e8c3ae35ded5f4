/**
 * The floor of issue 11: what the hardware allows when nothing but the data is done. A tiny
 * node:http server that answers each operation of operations.ts with ONE hand-written,
 * parameterised Cypher query and JSON.stringify of its rows: no GraphQL, no resolvers, no
 * objects built beyond the driver's own records.
 *
 * POST /<operation> with the parameters as a JSON body; GET /health answers once the process runs.
 * Run alone: `PORT=4100 NEO4J_URI=bolt://127.0.0.1:7687 tsx scripts/bench/peer/floorServer.ts`.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import neo4j, { type Driver } from 'neo4j-driver';
import { RELATIONSHIP_TYPES } from '../../../src/domain/kinds.js';
import { normaliseForSearch } from '../../../src/domain/search.js';
import { driverFromEnv, isMain, listenFromEnv } from './process.js';

/** Every domain relationship of `n`, both ways, with the far end's key and name (never MENTIONS). */
const links = (n: string, withRole: boolean) =>
  `[(${n})-[r]-(o:Entity) WHERE type(r) IN $types | {type: type(r), out: startNode(r) = ${n}, ${withRole ? 'role: r.role, ' : ''}key: o.key, name: o.name}]`;

/** One query per operation; each returns rows that are the answer, as they are. */
const FLOOR_CYPHER = {
  'entity page': `
    MATCH (n:Person {key: $key})
    RETURN n.key AS key, n.name AS name, ${links('n', true)} AS links`,
  'two levels': `
    MATCH (p:Production {key: $key})
    RETURN p.key AS key, p.name AS name,
           [(p)<-[c:WORKED_ON]-(person:Person) |
             {role: c.role, key: person.key, name: person.name, links: ${links('person', true)}}] AS credits`,
  list: `
    MATCH (p:Person)
    WITH p ORDER BY p.name, p.key LIMIT $limit
    RETURN p.key AS key, p.name AS name, ${links('p', false)} AS links`,
  search: `
    MATCH (n:Entity) WHERE n.searchText CONTAINS $text
    RETURN n.key AS key, n.name AS name
    ORDER BY n.name, n.key
    LIMIT $limit`,
} as const;

export type FloorOperation = keyof typeof FLOOR_CYPHER;

/** The parameters each query takes, from what the caller sends. */
function parametersOf(operation: FloorOperation, input: Record<string, unknown>): Record<string, unknown> {
  switch (operation) {
    case 'entity page':
    case 'two levels':
      return { key: String(input.key), types: RELATIONSHIP_TYPES };
    case 'list':
      return { limit: neo4j.int(Number(input.limit ?? 50)), types: RELATIONSHIP_TYPES };
    case 'search': {
      const text = normaliseForSearch(String(input.text));
      return { text, limit: neo4j.int(Number(input.limit ?? 100)) };
    }
  }
}

/**
 * Answers one operation: its rows as plain objects, in the order Neo4j gave them. One auto-commit
 * READ transaction, the cheapest way to send a query (one round trip), as the project's store reads.
 */
export function floorHandler(driver: Driver, database: string) {
  return async (operation: FloorOperation, input: Record<string, unknown>): Promise<Record<string, unknown>[]> => {
    const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
    try {
      const { records } = await session.run(FLOOR_CYPHER[operation], parametersOf(operation, input));
      return records.map((record) => record.toObject());
    } finally {
      await session.close();
    }
  };
}

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

/** The HTTP face of floorHandler: POST /<operation, URL-encoded> with the parameters as JSON. */
function createFloorServer(driver: Driver, database: string): Server {
  const handle = floorHandler(driver, database);
  return createServer(async (request, response) => {
    const path = decodeURIComponent((request.url ?? '/').slice(1));
    if (request.method === 'GET' && path === 'health') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      return;
    }
    if (request.method !== 'POST' || !Object.hasOwn(FLOOR_CYPHER, path)) {
      response.writeHead(404).end();
      return;
    }
    const operation = path as FloorOperation;
    try {
      const rows = await handle(operation, JSON.parse((await readBody(request)) || '{}'));
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(rows));
    } catch (error) {
      response.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String(error) }));
    }
  });
}

if (isMain(import.meta.url)) {
  const { driver, database } = driverFromEnv();
  await listenFromEnv(createFloorServer(driver, database), 'floor', () => driver.close());
}
