/**
 * Spans never overlap: where two readings claim the same words, the surer one wins, and between
 * equally sure ones the longer ("New Mexico State Attorney’s Office" over "New Mexico").
 */
import type { ExtractedMention } from '../types.js';

export function resolveOverlaps(candidates: readonly ExtractedMention[]): ExtractedMention[] {
  const ranked = [...candidates].sort(
    (a, b) => b.confidence - a.confidence || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  // spans are short and few per text; sorting accepted ones by start keeps the check a binary search
  const starts: ExtractedMention[] = [];
  for (const candidate of ranked) {
    if (candidate.end <= candidate.start) continue;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] as ExtractedMention).start < candidate.start) lo = mid + 1;
      else hi = mid;
    }
    const before = starts[lo - 1];
    const after = starts[lo];
    if ((before && before.end > candidate.start) || (after && after.start < candidate.end)) continue;
    starts.splice(lo, 0, candidate);
  }
  return starts;
}
