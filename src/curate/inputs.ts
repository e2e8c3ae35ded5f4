/** What editors send: the inputs of the write operations, in domain terms (the GraphQL inputs map onto these). */
import type { Modality } from '../domain/claims.js';
import type { EntityKind, RelationshipType } from '../domain/kinds.js';

/** Who writes and why: every change records both. */
export interface Author {
  actor: string;
  reason: string | null;
}

export interface SpanInput {
  source: string;
  start: number;
  end: number;
  /** Must be exactly the source text at [start, end): a check that the editor quotes what they mean. */
  quote: string;
}

export interface ClaimSpanInput extends SpanInput {
  modality: Modality;
  assertedBy: string | null;
}

export interface SourceInput {
  key: string;
  caseKey: string;
  text: string;
  title: string | null;
  publisher: string | null;
  published: string | null;
  url: string | null;
}

/** Fields left undefined keep their value on an existing entity. */
export interface EntityInput {
  key: string;
  kind: EntityKind;
  name?: string | null;
  aliases?: string[] | null;
  summary?: string | null;
  occupations?: string[] | null;
  organisationType?: string | null;
  productionType?: string | null;
  locationType?: string | null;
  eventType?: string | null;
  date?: string | null;
  /** Required for a new entity: every entity is named somewhere in a source. */
  mention?: SpanInput | null;
}

export interface RelationshipInput {
  key: string | null;
  type: RelationshipType;
  from: string;
  to: string;
  role: string | null;
  evidence: ClaimSpanInput[];
}

/** Which suggestion of which source's draft, and an editor's corrections to it (each kind's own fields). */
export interface SuggestionInput {
  source: string;
  suggestion: string;
  /** ENTITY: the existing entity its mentions name (instead of the draft's sameAs). */
  entityKey?: string | null;
  /** ENTITY: a new entity, even when a candidate was proposed. */
  asNew?: boolean | null;
  /** ENTITY, new: its key and name, instead of the draft's. */
  key?: string | null;
  name?: string | null;
  /** CLAIM: corrections to the reading. */
  role?: string | null;
  modality?: Modality | null;
  assertedBy?: string | null;
}
