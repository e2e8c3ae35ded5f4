/**
 * The ratios reported and held as a floor, made from counts. A ratio with nothing to divide by is
 * null ("no evidence"), never 0 or 1: an article without links has no link precision.
 */
import type { Counts } from './score.js';

export interface Scores {
  mentionsPrecision: number | null;
  mentionsRecall: number | null;
  kindAccuracy: number | null;
  dateAccuracy: number | null;
  linksPrecision: number | null;
  linksRecall: number | null;
  claimsPrecision: number | null;
  claimsRecall: number | null;
  roleAccuracy: number | null;
  modalityAccuracy: number | null;
  /** Errors: lower is better, so the floor is a ceiling. */
  wrongMerges: number;
  missedMerges: number;
}

export const LOWER_IS_BETTER: ReadonlySet<keyof Scores> = new Set<keyof Scores>(['wrongMerges', 'missedMerges']);

const ratio = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);

export function scoresOf(c: Counts): Scores {
  return {
    mentionsPrecision: ratio(c.mentionsMatched, c.mentionsPredicted),
    mentionsRecall: ratio(c.mentionsMatched, c.mentionsGold),
    kindAccuracy: ratio(c.kindsCorrect, c.mentionsMatched),
    dateAccuracy: ratio(c.datesCorrect, c.datesMatched),
    linksPrecision: ratio(c.linksCorrect, c.linksPredicted),
    linksRecall: ratio(c.linksFound, c.linksGold),
    claimsPrecision: ratio(c.claimsCorrect, c.claimsPredicted),
    claimsRecall: ratio(c.claimsFound, c.claimsGold),
    roleAccuracy: ratio(c.rolesCorrect, c.rolesGold),
    modalityAccuracy: ratio(c.modalitiesCorrect, c.claimsCorrect),
    wrongMerges: c.wrongMerges,
    missedMerges: c.missedMerges,
  };
}
