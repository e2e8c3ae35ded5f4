/**
 * The scores resolution gives, in one place so they can be read against each other. Calibrated for
 * precision: SAME_AS_SCORE (0.8) and above means "propose same as", and only evidence that names
 * one person reaches it (a full name as written or normalised, a transliteration, a surname that is
 * the only one of its kind, or a garbled first name with a surname and an agreeing role). A missed
 * merge costs an editor a click; a wrong one puts two people's facts together.
 */
import type { MatchKind } from '../../domain/suggestions.js';

/** One way a text entity may match a graph entity, with the words that justify it. */
export interface Scored {
  score: number;
  match: MatchKind;
  reasons: string[];
  /** The surname when the text gives nothing else (a bare "Hutchins"): ambiguity is judged over these. */
  bareSurname?: string;
  /** The role the text and the graph agree on, when they do. */
  agreedRole?: string;
}

/** Below this a candidate is not shown at all. */
export const MIN_SCORE = 0.5;

export const SCORE = {
  exactName: 1,
  exactAlias: 0.97,
  normalisedName: 0.95,
  normalisedAlias: 0.92,
  /** apostrophes dropped or a leading "the" (any kind), or titles and middle names set aside (people) */
  looseName: 0.9,
  looseAlias: 0.88,
  /** every word of the name one romanisation of the other's (places, organisations) */
  transliteratedName: 0.82,
  /** names alike but not the same (places, organisations): shown, never proposed */
  lookAlikeMax: 0.7,
  lookAlikeMin: 0.92,
  /** a bare surname that is a known person's alias, as written or normalised */
  surnameAliasExact: 0.88,
  surnameAliasNormalised: 0.86,
  /** a bare surname that is a known person's surname (or a transliteration of it) */
  surname: 0.8,
  /** same surname, first names equal but titles, middle names or suffixes differ */
  sameGivenName: 0.9,
  /** same surname, first names one name in two transliterations */
  transliteratedGiven: 0.88,
  /** same surname, the text gives an initial that agrees */
  initial: 0.72,
  /** same surname, one first name a short form of the other (Alex / Alexander) */
  shortForm: 0.72,
  /** same surname, first names alike: floor + spread × Jaro-Winkler similarity */
  fuzzyGivenFloor: 0.5,
  fuzzyGivenSpread: 0.25,
  /** a first name this alike, with the same first letter, can be lifted by an agreeing role */
  fuzzyGivenLiftable: 0.6,
  /** what an agreeing role adds, by how the first names compare */
  roleBonus: {
    same: 0.03,
    transliterated: 0.05,
    initial: 0.13,
    shortForm: 0.14,
    liftable: 0.17,
    other: 0.03,
    bare: 0.07,
  },
  /** what roles that do not agree take away (people hold several roles, so it is mild) */
  rolePenalty: 0.12,
  /** the surnames one transliteration of the other rather than equal */
  transliteratedSurnameFactor: 0.97,
  /** the surnames only alike (Souza / Sousa): never proposed, whatever else agrees (0.95 × 0.75 < 0.8) */
  lookAlikeSurnameFactor: 0.75,
  lookAlikeSurnameMin: 0.88,
  /** suffixes that disagree ("Jr." on one side only) */
  suffixPenalty: 0.15,
  /** what an ambiguous candidate is held to: shown, not proposed */
  ambiguousCap: 0.7,
} as const;

export function clampScore(score: number): number {
  return Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
}

/** "“Hutchins”": quotes an editor sees as the words of a name. */
export const quoted = (text: string) => `“${text}”`;
