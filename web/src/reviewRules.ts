/**
 * What the review says before an editor decides: whether a claim can be accepted yet, whether it
 * needs someone named as its asserter, and a decision in words. Pure: the same rules the server
 * applies (docs/API.md, "Drafts"), said beforehand so that a button never leads to a refusal.
 */

type Status = 'OPEN' | 'ACCEPTED' | 'REJECTED';

interface End {
  key: string;
  name: string;
  status: Status;
}

interface ClaimLike {
  from: End;
  to: End;
  evidence: { modality: string; assertedBy: string | null };
}

/** Modalities that say someone other than the source asserts the claim (INFERRED is the editor's own). */
const NAMES_AN_ASSERTER = new Set(['REPORTED', 'ALLEGED', 'DENIED']);

/** Why a claim cannot be accepted yet (an end is not accepted), in words; null when it can. */
export function claimBlocker(claim: ClaimLike): string | null {
  const ends = claim.from.key === claim.to.key ? [claim.from] : [claim.from, claim.to];
  const rejected = ends.filter((e) => e.status === 'REJECTED');
  if (rejected.length > 0) {
    return `${rejected.map((e) => `“${e.name}”`).join(' and ')} ${rejected.length > 1 ? 'were' : 'was'} rejected, so this claim has nothing to link: reject it.`;
  }
  const open = ends.filter((e) => e.status === 'OPEN');
  if (open.length === 0) return null;
  return `Accept ${open.map((e) => `“${e.name}”`).join(' and ')} first: a claim links entities of the graph, and ${open.length > 1 ? 'these are' : 'this is'} not one yet.`;
}

/** Whether accepting needs the editor to name who asserts it: the sentence reports, alleges or denies, and names nobody. */
export const needsAsserter = (claim: ClaimLike): boolean =>
  NAMES_AN_ASSERTER.has(claim.evidence.modality) && !claim.evidence.assertedBy;

/** 0.873 → "87%". */
export const percent = (score: number): string => `${Math.round(score * 100)}%`;

interface DecisionLike {
  actor: string;
  at: string;
  reason: string | null;
  entity?: { name: string } | null;
}

/** "Accepted by alice, 2026-11-25 05:10 UTC, as Galina Hutchins: “same person”". */
export function decisionLine(status: Status, decision: DecisionLike | null): string {
  if (status === 'OPEN' || !decision) return 'Open: no editor has decided it yet.';
  const when = decision.at.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
  const as = status === 'ACCEPTED' && decision.entity ? `, as ${decision.entity.name}` : '';
  const why = decision.reason ? `: “${decision.reason}”` : '';
  return `${status === 'ACCEPTED' ? 'Accepted' : 'Rejected'} by ${decision.actor}, ${when}${as}${why}`;
}

/** The longest reason sent with a decision: a few words, not an essay (the server keeps what it is given). */
export const MAX_REASON = 500;

/** The reason typed, trimmed; null when there is none. */
export const reasonOf = (typed: string): string | null => typed.trim().slice(0, MAX_REASON) || null;
