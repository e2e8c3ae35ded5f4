/**
 * Context that agrees: a name the text spells unlike the graph ("Luke Nikas" for Lewten Nikas) with
 * no role to settle it is proposed when the text states of it what the graph already holds of the
 * candidate: "Nikas and Alex Spiro, who represent Baldwin" while the graph has Lewten Nikas
 * representing Alec Baldwin. Only a clear first candidate of the same surname is lifted, by no more
 * than an agreeing role would lift it; a candidate held back as ambiguous is not.
 */
import { type ClaimSuggestion, type EntitySuggestion, SAME_AS_SCORE } from '../../domain/suggestions.js';
import { personName } from './nameParts.js';
import { liftableGivenNames } from './personMatch.js';
import { clampScore, SCORE } from './scoring.js';

/** A relationship of the graph, as the corroboration compares it. */
export interface KnownLink {
  type: string;
  from: string;
  to: string;
}

/** What a first candidate must score to be lifted: a first name alike enough to be a garbling of the other. */
const LIFTABLE = SCORE.fuzzyGivenFloor + SCORE.fuzzyGivenSpread * SCORE.fuzzyGivenLiftable;
/** How far the second candidate must trail, so that the context singles out one. */
const CLEAR_LEAD = 0.1;

/** Same surname, and first names that a garbling could explain (Luke, Lewten): nothing else is lifted. */
function garbledFirstName(textName: string, knownName: string): boolean {
  const [t, k] = [personName(textName), personName(knownName)];
  const [tg, kg] = [t.given[0], k.given[0]];
  return t.surname !== null && t.surname === k.surname && !!tg && !!kg && liftableGivenNames(tg, kg);
}

/** The suggestions whose first candidate is worth corroborating, with the keys of those candidates. */
export function corroborationCandidates(entities: readonly EntitySuggestion[]): string[] {
  return entities.flatMap((e) => {
    const [first, second] = e.candidates;
    const clear = first && first.score >= LIFTABLE && (!second || first.score - second.score >= CLEAR_LEAD);
    const worth = e.sameAs === null && e.kind === 'PERSON' && clear && first.match === 'FUZZY';
    return worth && garbledFirstName(e.name, first.name) ? [first.entityKey] : [];
  });
}

/** Lifts, in place, first candidates whose claims in the text the graph already holds; returns the suggestions it changed. */
export function liftByAgreeingClaims(
  entities: EntitySuggestion[],
  claims: readonly ClaimSuggestion[],
  links: readonly KnownLink[],
): EntitySuggestion[] {
  const byKey = new Map(entities.map((e) => [e.key, e]));
  const held = new Set(links.map((l) => `${l.type} ${l.from} ${l.to}`));
  const lifted: EntitySuggestion[] = [];
  for (const entity of entities) {
    const first = entity.candidates[0];
    if (!first || !corroborationCandidates([entity]).includes(first.entityKey)) continue;
    for (const claim of claims) {
      const [other, asFrom] =
        claim.from === entity.key
          ? [byKey.get(claim.to), true]
          : claim.to === entity.key
            ? [byKey.get(claim.from), false]
            : [];
      if (!other?.sameAs) continue;
      const link = asFrom
        ? `${claim.type} ${first.entityKey} ${other.sameAs}`
        : `${claim.type} ${other.sameAs} ${first.entityKey}`;
      if (!held.has(link)) continue;
      first.score = clampScore(Math.min(first.score + SCORE.roleBonus.liftable, 0.9));
      const verb = claim.type.toLowerCase().replaceAll('_', ' ');
      const stated = asFrom ? `“${entity.name}” ${verb} ${other.name}` : `${other.name} ${verb} “${entity.name}”`;
      first.reasons.push(`the text says ${stated}, as the graph says of ${first.name}`);
      if (first.score >= SAME_AS_SCORE) entity.sameAs = first.entityKey;
      lifted.push(entity);
      break;
    }
  }
  return lifted;
}
