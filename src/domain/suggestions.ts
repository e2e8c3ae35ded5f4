/**
 * A draft: what a machine reading of one source proposes (src/ingest), for an editor to accept or
 * reject. Nothing in a draft is a fact: an accepted suggestion becomes a write to the graph (the
 * mentions, entity or claim it proposes) in one ACCEPT_SUGGESTION Change; a rejected one writes
 * nothing and stays in the draft with its decision (REJECT_SUGGESTION).
 */
import type { Modality } from './claims.js';
import type { EntityKind, RelationshipType } from './kinds.js';

export const SUGGESTION_STATUSES = ['OPEN', 'ACCEPTED', 'REJECTED'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

/** A span of the source's text, [start, end) in UTF-16 code units, with the words it covers. */
export interface TextSpan {
  start: number;
  end: number;
  quote: string;
}

/** How a span of the text matched an entity the graph already holds, from surest to least sure. */
export const MATCH_KINDS = ['EXACT', 'NORMALISED', 'SURNAME_AND_ROLE', 'FUZZY'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

/** A candidate this sure is proposed as the same entity; below it, the suggestion proposes a new one. */
export const SAME_AS_SCORE = 0.8;

/** "Same as this entity of the graph": a proposal with its evidence, never a merge. */
export interface MatchCandidate {
  entityKey: string;
  name: string;
  kind: EntityKind;
  /** 0 to 1: how sure the reading is that the text means this entity. */
  score: number;
  match: MatchKind;
  /** Why, in words an editor can check: "same surname Hutchins", "Halyna and Galina are one name transliterated". */
  reasons: string[];
}

/** Who decided a suggestion, when, why, and what it became in the graph. */
export interface SuggestionDecision {
  actor: string;
  at: string;
  reason: string | null;
  /** ENTITY: the entity the mentions now belong to (an existing one, or the one created). CLAIM: null. */
  entityKey: string | null;
  /** CLAIM: the relationship asserted. ENTITY: null. */
  relationshipKey: string | null;
}

/** Something the text names, with every place it names it (short forms after the full name included). */
export interface EntitySuggestion {
  /** Unique within its draft: "e1", "e2"... in order of first mention. */
  key: string;
  status: SuggestionStatus;
  kind: EntityKind;
  /** The fullest form the text gives ("Halyna Hutchins", not "Hutchins"). */
  name: string;
  /** Every place in the text, in text order. */
  mentions: TextSpan[];
  /** 0 to 1: how sure the reading is that these words name a thing of this kind. */
  confidence: number;
  /** PERSON: occupations, titles or roles the text gives with the name ("director", "special prosecutor"). */
  occupations: string[];
  /** EVENT: its type ("conviction") and date, when a claim's sentence names one. */
  eventType: string | null;
  date: string | null;
  /** Entities of the graph it may be, best first; empty when nothing there is like it. */
  candidates: MatchCandidate[];
  /**
   * The reading's proposal: the key of the candidate it takes this to be (the first, when its score
   * reaches SAME_AS_SCORE), or null for "a new entity". Only an editor's accept acts on it.
   */
  sameAs: string | null;
  /** The key a new entity would get if accepted as new (unused by any entity when the draft was made). */
  newKey: string;
  decision: SuggestionDecision | null;
}

/** The evidence of a suggested claim: where, and how the sentence asserts it. */
export interface SuggestedEvidence extends TextSpan {
  modality: Modality;
  /** Who asserts it, when the sentence names another party ("ABC News", "prosecutors"); null for the source itself. */
  assertedBy: string | null;
  /** The words that give the modality ("was set to", "reported", "argued"); null for a plain statement. */
  cue: string | null;
}

/** A link the text states between two things it names: a proposal with its evidence, never a fact. */
export interface ClaimSuggestion {
  /** Unique within its draft: "c1", "c2"... in text order. */
  key: string;
  status: SuggestionStatus;
  type: RelationshipType;
  /** Keys of entity suggestions in the same draft. */
  from: string;
  to: string;
  role: string | null;
  evidence: SuggestedEvidence;
  /** 0 to 1. */
  confidence: number;
  /** The pattern that found it, for reviewers: "X, who represent Y". */
  pattern: string;
  decision: SuggestionDecision | null;
}

/** A date the text gives, at the precision it gives it ("November 2021" is "2021-11"). */
export interface DateMention extends TextSpan {
  /** Partial date text: "2021", "2021-11" or "2021-11-03" (domain/partialDate.ts). */
  date: string;
}

export interface Draft {
  sourceKey: string;
  entities: EntitySuggestion[];
  claims: ClaimSuggestion[];
  dates: DateMention[];
  /** How much of the text was read: its length, or less when the text was longer than a reading may take. */
  readUpTo: number;
}
