/** The orders both stores share, so the same query answers the same on either (API.md). */
import type { Entity, Evidence } from './model.js';

/** Code-unit order, as Neo4j compares strings: never locale-dependent. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareEntities(a: Entity, b: Entity): number {
  return compareStrings(a.name, b.name) || compareStrings(a.key, b.key);
}

export function compareEvidence(a: Evidence, b: Evidence): number {
  return compareStrings(a.sourceKey, b.sourceKey) || a.start - b.start || a.end - b.end;
}

/** JSON with every object's keys in code-unit order: equal values give equal text, whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => compareStrings(a, b)))
      : v,
  );
}
