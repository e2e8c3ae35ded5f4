/**
 * The audit trail: every write to the graph is one Change, saying who made it, when, what it
 * touched (before and after) and why. An Edit is what a write asks a store to do: the records to
 * put and to remove, and the change to record with them, in one transaction.
 */
import type { Entity, Relationship, Source } from './model.js';
import type { Draft } from './suggestions.js';

export const CHANGE_ACTIONS = [
  'ADD_SOURCE',
  'UPSERT_ENTITY',
  'ADD_MENTION',
  'ASSERT_RELATIONSHIP',
  'RETRACT_RELATIONSHIP',
  'MERGE_ENTITIES',
  'UNMERGE_ENTITIES',
  'ACCEPT_SUGGESTION',
  'REJECT_SUGGESTION',
] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

/** A source as the audit trail keeps it: its text lives in the source itself, not in every change. */
export type SourceRecord = Omit<Source, 'text'> & { textLength: number };

/** The records a change touched, as they were (before) or became (after). */
export interface ChangeState {
  sources: SourceRecord[];
  entities: Entity[];
  relationships: Relationship[];
  /**
   * Drafts the change made or decided on: ADD_SOURCE's reading of the new text whole; an accept or
   * a reject, the draft with only the suggestion decided. Absent when the change touched no draft.
   */
  drafts?: Draft[];
}

export interface Change {
  /** 1, 2, 3...: the order of changes, gapless per store. */
  seq: number;
  /** ISO 8601, UTC. */
  at: string;
  /** The name of the editor's token (never the token itself). */
  actor: string;
  action: ChangeAction;
  reason: string | null;
  /** Every entity key the change touched, former keys included: what changes(entity:) finds it by. */
  entityKeys: string[];
  before: ChangeState;
  after: ChangeState;
}

/** What one write asks a store to do, all or nothing. */
export interface Edit {
  putSources: Source[];
  putEntities: Entity[];
  removeEntities: string[];
  putRelationships: Relationship[];
  removeRelationships: string[];
  /** Drafts to keep, each replacing the draft of its source. */
  putDrafts?: Draft[];
  /** The change to record; the store gives it its seq and time. */
  change: Omit<Change, 'seq' | 'at'>;
}

export const emptyState = (): ChangeState => ({ sources: [], entities: [], relationships: [] });

export function sourceRecord({ text, ...fields }: Source): SourceRecord {
  return { ...fields, textLength: text.length };
}
