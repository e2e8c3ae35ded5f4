/**
 * What the stages of a reading hand each other: extraction finds spans, coreference groups them
 * into the things the text names, resolution ranks the graph's entities for each, and claim
 * suggestion links them. The draft they make together is in domain/suggestions.ts.
 */
import type { EntityKind } from '../domain/kinds.js';
import type { DateMention, EntitySuggestion, TextSpan } from '../domain/suggestions.js';

/** What a span may name: an entity kind, or a date. */
export type SpanKind = Exclude<EntityKind, 'EVENT'> | 'DATE';

/** One span the extractor found. */
export interface ExtractedMention extends TextSpan {
  kind: SpanKind;
  /** 0 to 1. */
  confidence: number;
  /** Which reading found it, for reviewers and tuning: "compromise:people", "rule:title-before-name"... */
  rule: string;
  /** DATE: the partial date at the precision the words give ("2021-11"). */
  date?: string;
  /** PERSON: a title, occupation or role the text puts with the name ("director" in "director Joel Souza"). */
  role?: string;
}

/** The spans that name one thing within one text: "Halyna Hutchins", then "Hutchins" and "Hutchins’s". */
export interface TextEntity {
  kind: Exclude<EntityKind, 'EVENT'>;
  /** The fullest form the text gives. */
  name: string;
  /** In text order. */
  mentions: ExtractedMention[];
  /** Titles, occupations and roles the text gives it, lower case, each once. */
  occupations: string[];
  /** 0 to 1: the surest of its mentions. */
  confidence: number;
}

/** An entity of the graph, as resolution compares it. */
export interface KnownEntity {
  key: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  occupations: string[];
}

/** What claim suggestion reads: the draft's entities (keys e1, e2...) and the dates the text gives. */
export interface ClaimContext {
  text: string;
  entities: EntitySuggestion[];
  dates: DateMention[];
}
