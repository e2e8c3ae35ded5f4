/**
 * Search over names and aliases, the same on both stores. Text is compared normalised: case and
 * accents folded, every apostrophe made straight, punctuation and spacing made one space. Hits
 * rank by how they match (exact name, alias, prefix, word, substring), then by name and key.
 * The Neo4j adapter computes the same tiers in Cypher (cypher/search.cypher) on these normalised
 * properties; the contract suite holds the two to one order.
 */
import type { Entity } from './model.js';

/** "Attorney’s  Office" and "attorney's office" normalise alike: "attorney's office". */
export function normaliseForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201B\u02BC\u2032`\u00B4]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim();
}

export const MATCH_TIERS = ['EXACT_NAME', 'EXACT_ALIAS', 'PREFIX', 'WORD', 'SUBSTRING'] as const;
export type MatchTier = (typeof MATCH_TIERS)[number];

/** What a store keeps so that it can rank without normalising at query time. */
export interface SearchFields {
  searchName: string;
  searchAliases: string[];
}

export function searchFieldsOf(entity: Pick<Entity, 'name' | 'aliases'>): SearchFields {
  return { searchName: normaliseForSearch(entity.name), searchAliases: entity.aliases.map(normaliseForSearch) };
}

/** How `fields` matches the normalised query `q`, or null when it does not. */
export function matchTier(fields: SearchFields, q: string): MatchTier | null {
  if (!q) return null;
  const all = [fields.searchName, ...fields.searchAliases];
  if (fields.searchName === q) return 'EXACT_NAME';
  if (fields.searchAliases.includes(q)) return 'EXACT_ALIAS';
  if (all.some((s) => s.startsWith(q))) return 'PREFIX';
  if (all.some((s) => s.includes(` ${q}`))) return 'WORD';
  if (all.some((s) => s.includes(q))) return 'SUBSTRING';
  return null;
}

/** A score for clients to show; only the order it implies is part of the contract. */
export function scoreOf(tier: MatchTier): number {
  return (MATCH_TIERS.length - MATCH_TIERS.indexOf(tier)) / MATCH_TIERS.length;
}

export interface SearchHit {
  entity: Entity;
  tier: MatchTier;
}
