/**
 * Runs an analyst's Cypher in a READ transaction: the database's own access-mode check refuses
 * writes, its transaction timeout ends runaway queries, and rows past the cap are not read.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { RELATIONSHIP_TYPES } from '../../domain/kinds.js';
import { CypherRefusal, type CypherAnswer, type CypherLimits } from '../cypher.js';

const DOMAIN_TYPES = new Set<string>(RELATIONSHIP_TYPES);

/** Whole JSON numbers become Neo4j integers, so `LIMIT $n` and `{year: $y}` behave as written. */
function toParameters(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toParameters);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toParameters(v)]));
  return value;
}

interface Seen {
  entityKeys: Set<string>;
  relationshipKeys: Set<string>;
}

/** Neo4j values as JSON, noting the entities and relationships met on the way. */
function toJson(value: unknown, seen: Seen): unknown {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (neo4j.isNode(value)) {
    const key = value.properties.key;
    if (value.labels.includes('Entity') && typeof key === 'string') seen.entityKeys.add(key);
    return { elementId: value.elementId, labels: value.labels, properties: toJson(value.properties, seen) };
  }
  if (neo4j.isRelationship(value)) {
    const key = value.properties.key;
    if (DOMAIN_TYPES.has(value.type) && typeof key === 'string') seen.relationshipKeys.add(key);
    return {
      elementId: value.elementId,
      type: value.type,
      startElementId: value.startNodeElementId,
      endElementId: value.endNodeElementId,
      properties: toJson(value.properties, seen),
    };
  }
  if (neo4j.isPath(value)) {
    return { segments: value.segments.map((s) => ({ start: toJson(s.start, seen), relationship: toJson(s.relationship, seen), end: toJson(s.end, seen) })) };
  }
  if (neo4j.isDate(value) || neo4j.isDateTime(value) || neo4j.isLocalDateTime(value) || neo4j.isTime(value) || neo4j.isLocalTime(value) || neo4j.isDuration(value)) {
    return value.toString();
  }
  if (neo4j.isPoint(value)) return { srid: toJson(value.srid, seen), x: value.x, y: value.y, ...(value.z === undefined ? {} : { z: value.z }) };
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map((v) => toJson(v, seen));
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v, seen)]));
  return value;
}

function refusalOf(error: unknown, limits: CypherLimits): unknown {
  const code = (error as { code?: string }).code ?? '';
  const message = (error as Error).message ?? String(error);
  if (code === 'Neo.ClientError.Statement.AccessMode' || /read access mode/i.test(message)) {
    return new CypherRefusal('WRITE', `cypher is read-only: the database refused a write (${message})`);
  }
  if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut')) {
    return new CypherRefusal('TIMEOUT', `the query ran longer than ${limits.timeoutMs} ms and was stopped`);
  }
  // anything else the database blames on the query (syntax, types, unknown procedures, ...)
  if (code.startsWith('Neo.ClientError.')) return new CypherRefusal('INVALID', message);
  // the database failing on this query (its own parser has crashed on a lone backslash): say so
  if (code.startsWith('Neo.DatabaseError.')) return new CypherRefusal('INVALID', `the database could not run this query: ${message}`);
  return error;
}

export async function runReadOnlyCypher(
  driver: Driver,
  database: string,
  query: string,
  parameters: Record<string, unknown>,
  limits: CypherLimits,
): Promise<CypherAnswer> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(
      async (tx) => {
        const seen: Seen = { entityKeys: new Set(), relationshipKeys: new Set() };
        const result = tx.run(query, toParameters(parameters) as Record<string, unknown>);
        const rows: Record<string, unknown>[] = [];
        let truncated = false;
        for await (const record of result) {
          if (rows.length === limits.rowLimit) {
            truncated = true;
            break;
          }
          rows.push(toJson(record.toObject(), seen) as Record<string, unknown>);
        }
        const columns = (await result.keys()) as string[];
        return { columns, rows, truncated, entityKeys: [...seen.entityKeys], relationshipKeys: [...seen.relationshipKeys] };
      },
      { timeout: limits.timeoutMs },
    );
  } catch (error) {
    throw refusalOf(error, limits);
  } finally {
    await session.close();
  }
}
