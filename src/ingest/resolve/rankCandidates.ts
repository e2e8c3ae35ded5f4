/**
 * The graph's entities the text's entity may be, best first: same kind only, scored 0 to 1 with the
 * kind of match and reasons an editor can check; weak ones (below MIN_SCORE) left out. A score at
 * or above SAME_AS_SCORE proposes "same as" (scoring.ts says how the scores are calibrated).
 */
import type { MatchCandidate } from '../../domain/suggestions.js';
import type { KnownEntity, TextEntity } from '../types.js';
import { type Ranked, settleAmbiguity } from './ambiguity.js';
import { matchWholeName } from './formMatch.js';
import { matchPerson } from './personMatch.js';
import { clampScore, MIN_SCORE, type Scored } from './scoring.js';

function bestMatch(entity: TextEntity, known: KnownEntity): Scored | null {
  const whole = matchWholeName(entity, known);
  const parts = entity.kind === 'PERSON' ? matchPerson(entity, known) : null;
  if (!whole) return parts;
  if (!parts) return whole;
  return parts.score > whole.score ? parts : whole;
}

export function rankCandidates(entity: TextEntity, known: readonly KnownEntity[]): MatchCandidate[] {
  const ranked: Ranked[] = [];
  const seen = new Set<string>();
  for (const k of known) {
    // lookup may return an entity once per term it matched
    if (k.kind !== entity.kind || seen.has(k.key)) continue;
    seen.add(k.key);
    const found = bestMatch(entity, k);
    if (found) ranked.push({ ...found, reasons: [...found.reasons], key: k.key, name: k.name });
  }
  settleAmbiguity(ranked);
  return ranked
    .filter((c) => c.score >= MIN_SCORE)
    .map((c) => ({
      entityKey: c.key,
      name: c.name,
      kind: entity.kind,
      score: clampScore(c.score),
      match: c.match,
      reasons: c.reasons,
    }));
}
