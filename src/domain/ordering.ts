/** The orders both stores share, so the same query answers the same on either (API.md). */
import type { Entity, Evidence } from './model.js';

/**
 * Code-point order, as Neo4j orders the strings it stores (its indexes hold them as UTF-8, whose
 * byte order is code-point order): never locale-dependent. JavaScript's `<` compares UTF-16 code
 * units, which differs where a character above U+FFFF (a surrogate pair, U+D800 to U+DFFF) meets
 * one in U+E000 to U+FFFF (a full-width letter, a ligature): "𝒜lpha" sorts after "Ａlpha" here.
 */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      // surrogates move above U+E000-U+FFFF, which move down into their place
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x < y ? -1 : 1;
  }
  return a.length < b.length ? -1 : 1;
}

export function compareEntities(a: Entity, b: Entity): number {
  return compareStrings(a.name, b.name) || compareStrings(a.key, b.key);
}

export function compareEvidence(a: Evidence, b: Evidence): number {
  return compareStrings(a.sourceKey, b.sourceKey) || a.start - b.start || a.end - b.end;
}

/** JSON with every object's keys in code-point order: equal values give equal text, whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => compareStrings(a, b)))
      : v,
  );
}
