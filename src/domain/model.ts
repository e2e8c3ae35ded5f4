/** The case graph in domain terms: what both stores hold and what resolvers see. */
import type { Modality } from './claims.js';
import type { EntityKind, RelationshipType } from './kinds.js';
import type { Draft } from './suggestions.js';

/** A span of a source's text that states a fact: [start, end) in UTF-16 code units, as JS strings index. */
export interface Evidence {
  sourceKey: string;
  start: number;
  end: number;
}

/**
 * Evidence for a claim (a relationship): the span, and how and by whom it is asserted there.
 * `assertedBy` null means the source itself (its publisher or author); otherwise the party the
 * source cites ("informed sources", "Reports"), or, for INFERRED, the analyst who drew the inference.
 */
export interface ClaimEvidence extends Evidence {
  modality: Modality;
  assertedBy: string | null;
}

export interface Source {
  key: string;
  /** The case (a folder of the data directory) the source belongs to. */
  caseKey: string;
  /** Its headline; null when the source has none (nothing is invented). */
  title: string | null;
  publisher: string | null;
  url: string | null;
  /** Partial date text ("2021-11"), or null when the source does not say. */
  published: string | null;
  /** The full text that evidence offsets point into, byte for byte as published. */
  text: string;
}

export interface Entity {
  key: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  summary: string | null;
  /** Where the sources name or describe it; never empty. */
  mentions: Evidence[];
  /** PERSON: occupations as the sources state them ([] for every other kind). */
  occupations: string[];
  /** ORGANISATION, PRODUCTION, LOCATION, EVENT: the type the sources give it (eventType is required for events). */
  organisationType: string | null;
  productionType: string | null;
  locationType: string | null;
  eventType: string | null;
  /** EVENT: partial date text ("2021-11"), or null when the sources give none. */
  date: string | null;
  /** Keys of entities merged into this one: they keep resolving to it. */
  formerKeys: string[];
}

export interface Relationship {
  key: string;
  type: RelationshipType;
  /** Entity keys of its endpoints. */
  from: string;
  to: string;
  role: string | null;
  /** Never empty; from one or several sources, each with its own attribution. */
  evidence: ClaimEvidence[];
}

/** Everything loaded from the case files: the input of both stores. */
export interface CaseGraph {
  sources: Source[];
  entities: Entity[];
  relationships: Relationship[];
  /** What readings of sources suggest, a draft per source read (domain/suggestions.ts): not facts. */
  drafts?: Draft[];
}

/** The quote an evidence span stands for: derived, so it cannot disagree with its source. */
export function quoteOf(evidence: Evidence, source: Source): string {
  return source.text.slice(evidence.start, evidence.end);
}
