/**
 * Two known entities the text fits equally well: proposing either would be a guess, so neither is
 * proposed (both are held below SAME_AS_SCORE and say why). Two cases:
 * - a bare surname ("Hutchins") that is the surname of several known people: only one the text's
 *   role singles out (the only cinematographer among them) keeps its score;
 * - any two candidates at or above SAME_AS_SCORE, matched the same way, within AMBIGUITY_MARGIN.
 */
import { SAME_AS_SCORE } from '../../domain/suggestions.js';
import { SCORE, type Scored } from './scoring.js';

const AMBIGUITY_MARGIN = 0.05;

export interface Ranked extends Scored {
  key: string;
  name: string;
}

function holdBack(candidate: Ranked, reason: string): void {
  candidate.score = Math.min(candidate.score, SCORE.ambiguousCap);
  candidate.reasons.push(reason);
}

/** Lowers the scores of ambiguous candidates in place; `ranked` is best first and stays so after a re-sort. */
export function settleAmbiguity(ranked: Ranked[]): void {
  const bare = ranked.filter((c) => c.bareSurname !== undefined);
  if (bare.length > 1) {
    const withRole = bare.filter((c) => c.agreedRole !== undefined);
    const singledOut = withRole.length === 1 ? withRole[0] : undefined;
    for (const c of bare) {
      if (c === singledOut) {
        c.reasons.push(
          `the only one of ${bare.length} known people of that surname the graph has as a ${c.agreedRole}`,
        );
        continue;
      }
      const others = bare.filter((o) => o !== c).map((o) => o.name);
      holdBack(c, `surname shared with ${others.join(', ')}: the text does not say which`);
    }
  }
  ranked.sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
  const [first, second] = ranked;
  if (
    first &&
    second &&
    second.score >= SAME_AS_SCORE &&
    first.match === second.match &&
    first.score - second.score < AMBIGUITY_MARGIN
  ) {
    const tied = ranked.filter((c) => c.score >= SAME_AS_SCORE && first.score - c.score < AMBIGUITY_MARGIN);
    for (const c of tied) {
      const others = tied.filter((o) => o !== c).map((o) => `${o.name} (${o.key})`);
      holdBack(c, `as likely as ${others.join(', ')}: ambiguous`);
    }
    ranked.sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
  }
}
