/**
 * Between JSON and Neo4j values for analyst Cypher: parameters in, rows out. Rows are converted
 * within a byte budget, so a huge value is abandoned as soon as it is known to be too big rather
 * than copied whole first.
 */
import neo4j from 'neo4j-driver';
import { RELATIONSHIP_TYPES } from '../../domain/kinds.js';

const DOMAIN_TYPES = new Set<string>(RELATIONSHIP_TYPES);

/** Whole JSON numbers become Neo4j integers, so `LIMIT $n` and `{year: $y}` behave as written. */
export function toParameters(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toParameters);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toParameters(v)]));
  return value;
}

/** Thrown when a row's JSON would pass what is left of the budget. */
export class OverBudget extends Error {
  constructor() {
    super('over the byte budget');
    this.name = 'OverBudget';
  }
}

/** The :Entity keys and domain relationship keys met in the rows. */
export interface Seen {
  entityKeys: Set<string>;
  relationshipKeys: Set<string>;
}

/**
 * Counts a lower bound of the JSON's size as values are converted (a string's length in UTF-16 code
 * units never exceeds its UTF-8 bytes), so passing the budget here means the row is surely too big.
 */
class Budget {
  constructor(private remaining: number) {}
  spend(bytes: number): void {
    this.remaining -= bytes;
    if (this.remaining < 0) throw new OverBudget();
  }
}

function toJson(value: unknown, seen: Seen, budget: Budget): unknown {
  budget.spend(2);
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    budget.spend(value.length);
    return value;
  }
  if (neo4j.isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (neo4j.isNode(value)) {
    const key = value.properties.key;
    if (value.labels.includes('Entity') && typeof key === 'string') seen.entityKeys.add(key);
    return {
      elementId: toJson(value.elementId, seen, budget),
      labels: toJson(value.labels, seen, budget),
      properties: toJson(value.properties, seen, budget),
    };
  }
  if (neo4j.isRelationship(value)) {
    const key = value.properties.key;
    if (DOMAIN_TYPES.has(value.type) && typeof key === 'string') seen.relationshipKeys.add(key);
    return {
      elementId: toJson(value.elementId, seen, budget),
      type: toJson(value.type, seen, budget),
      startElementId: toJson(value.startNodeElementId, seen, budget),
      endElementId: toJson(value.endNodeElementId, seen, budget),
      properties: toJson(value.properties, seen, budget),
    };
  }
  if (neo4j.isPath(value)) {
    return {
      segments: value.segments.map((s) => ({
        start: toJson(s.start, seen, budget),
        relationship: toJson(s.relationship, seen, budget),
        end: toJson(s.end, seen, budget),
      })),
    };
  }
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value)
  ) {
    return toJson(value.toString(), seen, budget);
  }
  if (neo4j.isPoint(value))
    return {
      srid: toJson(value.srid, seen, budget),
      x: value.x,
      y: value.y,
      ...(value.z === undefined ? {} : { z: value.z }),
    };
  if (value instanceof Uint8Array) {
    budget.spend(Math.ceil(value.length / 3) * 4);
    return Buffer.from(value).toString('base64');
  }
  if (Array.isArray(value)) return value.map((v) => toJson(v, seen, budget));
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => {
        budget.spend(k.length + 3);
        return [k, toJson(v, seen, budget)];
      }),
    );
  }
  // numbers and booleans
  budget.spend(String(value).length);
  return value;
}

/**
 * One row as JSON, with its exact size in bytes, or OverBudget when it would pass `maxBytes`. The keys
 * it meets are added to `seen` only when it fits.
 */
export function rowToJson(
  row: Record<string, unknown>,
  seen: Seen,
  maxBytes: number,
): { json: Record<string, unknown>; bytes: number } {
  const own: Seen = { entityKeys: new Set(), relationshipKeys: new Set() };
  const json = toJson(row, own, new Budget(maxBytes)) as Record<string, unknown>;
  const bytes = Buffer.byteLength(JSON.stringify(json));
  if (bytes > maxBytes) throw new OverBudget();
  for (const key of own.entityKeys) seen.entityKeys.add(key);
  for (const key of own.relationshipKeys) seen.relationshipKeys.add(key);
  return { json, bytes };
}
