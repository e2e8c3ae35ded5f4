/**
 * How alike two spellings are, 0 to 1.
 *
 * cmpstr: maintained (3.x, released this year), zero dependencies, its own types and an ESM build,
 * and a textbook Jaro-Winkler, which suits short strings such as first names and rewards a shared
 * beginning (the first letters of a garbled name are the likeliest to survive). Chosen over
 * fastest-levenshtein (edit distance punishes a garbled name far more than a shared start rewards
 * it), talisman (dependencies, no release in years) and @skyra/jaro-winkler (prefix counted up to 5).
 */
import { CmpStr } from 'cmpstr';
import { Pool } from 'cmpstr/root';

/**
 * cmpstr 3.3.0 reuses work buffers from a pool, and its pool can hand the same buffer out twice
 * for one comparison (Pool.acquireMany): Jaro-Winkler then gives wrong scores that depend on the
 * comparisons made before (Galina / Hutchins 0.28 instead of 0.53). Buffers of size 0 at most are
 * pooled this way, that is none: each comparison allocates its own. The test "gives the same
 * similarity whatever was compared before" keeps an upgrade honest.
 */
(Pool as unknown as { CONFIG: { int32: { maxItemSize: number } } }).CONFIG.int32.maxItemSize = 0;

const jaroWinkler = CmpStr.create({ metric: 'jaroWinkler' });

/** Jaro-Winkler similarity of two already normalised words, rounded to two places for reasons an editor reads. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (!a || !b) return 0;
  return Math.round(jaroWinkler.compare(a, b) * 100) / 100;
}
