/**
 * Editors' writes, Relay style (one input object, a payload, an optional clientMutationId). Each
 * needs an editor token; each is one store transaction and one entry of the audit trail, and is
 * announced to graphChanged subscribers once it has landed. Refusals name the input field at fault.
 */
import type { Modality } from '../../domain/claims.js';
import type { EntityKind, RelationshipType } from '../../domain/kinds.js';
import { addMention, upsertEntity } from '../../curate/entities.js';
import { assertRelationship, retractRelationship } from '../../curate/claims.js';
import type { ClaimSpanInput, SpanInput } from '../../curate/inputs.js';
import { mergeEntities, unmergeEntities } from '../../curate/merges.js';
import { addSource } from '../../curate/sources.js';
import { builder } from '../builder.js';
import { authorOf, edit, reasonField } from '../edits.js';
import { ChangeRef, EntityRef, RelationshipRef, SourceRef } from '../refs.js';
import { ModalityEnum } from './claims.js';
import { DraftRef } from './drafts.js';
import { EntityKindEnum, RelationshipTypeEnum } from './enums.js';

const MentionInput = builder.inputType('MentionInput', {
  description: 'A span of a source that names an entity. quote must be exactly source.text[start, end).',
  fields: (t) => ({
    source: t.string({ required: true, description: 'The source key.' }),
    start: t.int({ required: true, description: 'Offset of the first character (UTF-16 code units).' }),
    end: t.int({ required: true, description: 'Offset just past the last character.' }),
    quote: t.string({ required: true, description: 'The words at those offsets, as a check.' }),
  }),
});

const ClaimEvidenceInput = builder.inputType('ClaimEvidenceInput', {
  description: 'A span of a source that states a claim, with who asserts it and how.',
  fields: (t) => ({
    source: t.string({ required: true, description: 'The source key.' }),
    start: t.int({ required: true, description: 'Offset of the first character (UTF-16 code units).' }),
    end: t.int({ required: true, description: 'Offset just past the last character.' }),
    quote: t.string({ required: true, description: 'The words at those offsets, as a check.' }),
    modality: t.field({
      type: ModalityEnum,
      required: false,
      defaultValue: 'STATED',
      description: 'How the words assert the claim.',
    }),
    assertedBy: t.string({
      required: false,
      description:
        'Who asserts it, when not the source itself (needed for REPORTED, ALLEGED, DENIED; INFERRED defaults to you).',
    }),
  }),
});

const span = (input: { source: string; start: number; end: number; quote: string }): SpanInput => ({ ...input });

builder.relayMutationField(
  'addSource',
  {
    description: 'The input of addSource.',
    inputFields: (t) => ({
      key: t.string({ required: true, description: 'A slug, e.g. "variety-2024-08-01".' }),
      caseKey: t.string({ required: true, description: 'The case it belongs to, e.g. "rust-case".' }),
      text: t.string({ required: true, description: 'The full text, exactly as published.' }),
      title: t.string({ required: false, description: 'Its headline, only if it has one.' }),
      publisher: t.string({ required: false, description: 'Who published it.' }),
      published: t.string({ required: false, description: 'When: "2024", "2024-08" or "2024-08-01".' }),
      url: t.string({ required: false, description: 'Where it was published (http or https).' }),
      reason: t.string(reasonField),
    }),
  },
  {
    description: 'A new source: its text is stored byte for byte, and evidence can then quote it.',
    authScopes: { editor: true },
    resolve: (_root, { input }, context) =>
      edit(context, () =>
        addSource(context.store, authorOf(context, input.reason), {
          key: input.key,
          caseKey: input.caseKey,
          text: input.text,
          title: input.title ?? null,
          publisher: input.publisher ?? null,
          published: input.published ?? null,
          url: input.url ?? null,
        }),
      ),
  },
  {
    description: 'What addSource wrote.',
    outputFields: (t) => ({
      source: t.field({ type: SourceRef, description: 'The source as stored.', resolve: (r) => r.source }),
      draft: t.field({
        type: DraftRef,
        nullable: true,
        description: 'What a reading of the text suggests: nothing of it is in the graph until accepted.',
        resolve: (r) => r.draft,
      }),
      change: t.field({ type: ChangeRef, description: 'The audit entry.', resolve: (r) => r.change }),
    }),
  },
);

builder.relayMutationField(
  'upsertEntity',
  {
    description: 'The input of upsertEntity.',
    inputFields: (t) => ({
      key: t.string({ required: true, description: 'A slug, e.g. "halyna-hutchins".' }),
      kind: t.field({ type: EntityKindEnum, required: true, description: 'What it is (it cannot change).' }),
      name: t.string({ required: false, description: 'The name as the source spells it.' }),
      aliases: t.stringList({ required: false, description: 'Other names the sources use (replaces the list).' }),
      summary: t.string({ required: false, description: 'One line, in the terms of its sources.' }),
      occupations: t.stringList({ required: false, description: 'PERSON: as the sources state them.' }),
      organisationType: t.string({ required: false, description: 'ORGANISATION: its type.' }),
      productionType: t.string({ required: false, description: 'PRODUCTION: its type.' }),
      locationType: t.string({ required: false, description: 'LOCATION: its type.' }),
      eventType: t.string({ required: false, description: 'EVENT: its type (required for a new event).' }),
      date: t.string({ required: false, description: 'EVENT: "2021", "2021-11" or "2021-11-03".' }),
      mention: t.field({
        type: MentionInput,
        required: false,
        description: 'Where a source names it: required for a new entity.',
      }),
      reason: t.string(reasonField),
    }),
  },
  {
    description: 'Creates an entity by key (with a first mention), or edits the fields given of an existing one.',
    authScopes: { editor: true },
    resolve: (_root, { input }, context) =>
      edit(context, () =>
        upsertEntity(context.store, authorOf(context, input.reason), {
          ...input,
          kind: input.kind as EntityKind,
          mention: input.mention ? span(input.mention) : null,
        }),
      ),
  },
  {
    description: 'What upsertEntity wrote.',
    outputFields: (t) => ({
      entity: t.field({ type: EntityRef, description: 'The entity as stored.', resolve: (r) => r.entity }),
      change: t.field({ type: ChangeRef, description: 'The audit entry.', resolve: (r) => r.change }),
    }),
  },
);

builder.relayMutationField(
  'addMention',
  {
    description: 'The input of addMention.',
    inputFields: (t) => ({
      entityKey: t.string({ required: true, description: 'The entity (a merged-away key reaches its survivor).' }),
      mention: t.field({ type: MentionInput, required: true, description: 'The span.' }),
      reason: t.string(reasonField),
    }),
  },
  {
    description: 'Another place where a source names an entity.',
    authScopes: { editor: true },
    resolve: (_root, { input }, context) =>
      edit(context, () =>
        addMention(context.store, authorOf(context, input.reason), input.entityKey, span(input.mention)),
      ),
  },
  {
    description: 'What addMention wrote.',
    outputFields: (t) => ({
      entity: t.field({ type: EntityRef, description: 'The entity as stored.', resolve: (r) => r.entity }),
      change: t.field({ type: ChangeRef, description: 'The audit entry.', resolve: (r) => r.change }),
    }),
  },
);

builder.relayMutationField(
  'assertRelationship',
  {
    description: 'The input of assertRelationship.',
    inputFields: (t) => ({
      key: t.string({ required: false, description: 'Defaults to "<from>--<type>--<to>".' }),
      type: t.field({ type: RelationshipTypeEnum, required: true, description: 'What kind of link.' }),
      from: t.string({ required: true, description: 'The key of the entity it starts at.' }),
      to: t.string({ required: true, description: 'The key of the entity it ends at.' }),
      role: t.string({ required: false, description: 'E.g. "director" (PARTICIPATED_IN needs one).' }),
      evidence: t.field({
        type: [ClaimEvidenceInput],
        required: true,
        description: 'At least one span that states it.',
      }),
      reason: t.string(reasonField),
    }),
  },
  {
    description:
      'A claim with its evidence. Asserting an existing claim (same key, or same type and ends) adds the new evidence to it.',
    authScopes: { editor: true },
    resolve: (_root, { input }, context) =>
      edit(context, () =>
        assertRelationship(context.store, authorOf(context, input.reason), {
          key: input.key ?? null,
          type: input.type as RelationshipType,
          from: input.from,
          to: input.to,
          role: input.role ?? null,
          evidence: input.evidence.map(
            (e): ClaimSpanInput => ({
              ...span(e),
              modality: (e.modality ?? 'STATED') as Modality,
              assertedBy: e.assertedBy ?? null,
            }),
          ),
        }),
      ),
  },
  {
    description: 'What assertRelationship wrote.',
    outputFields: (t) => ({
      relationship: t.field({
        type: RelationshipRef,
        description: 'The claim as stored.',
        resolve: (r) => r.relationship,
      }),
      change: t.field({ type: ChangeRef, description: 'The audit entry.', resolve: (r) => r.change }),
    }),
  },
);

builder.relayMutationField(
  'retractRelationship',
  {
    description: 'The input of retractRelationship.',
    inputFields: (t) => ({
      key: t.string({ required: true, description: 'The relationship key.' }),
      reason: t.string({ required: true, description: 'Why it is withdrawn.' }),
    }),
  },
  {
    description: 'Withdraws a claim: it leaves the graph, and the audit trail keeps it whole.',
    authScopes: { editor: true },
    resolve: (_root, { input }, context) =>
      edit(context, async () => {
        const { change } = await retractRelationship(context.store, authorOf(context, input.reason), input.key);
        return { change, retractedKey: input.key };
      }),
  },
  {
    description: 'What retractRelationship wrote.',
    outputFields: (t) => ({
      retractedKey: t.string({ description: 'The key of the claim withdrawn.', resolve: (r) => r.retractedKey }),
      change: t.field({ type: ChangeRef, description: 'The audit entry.', resolve: (r) => r.change }),
    }),
  },
);

builder.relayMutationField(
  'mergeEntities',
  {
    description: 'The input of mergeEntities.',
    inputFields: (t) => ({
      survivorKey: t.string({ required: true, description: 'The entity that stays.' }),
      mergedKey: t.string({ required: true, description: 'The entity merged into it.' }),
      reason: t.string(reasonField),
    }),
  },
  {
    description:
      'Two entities found to be one: mentions, names and claims move to the survivor, and the merged key keeps resolving to it.',
    authScopes: { editor: true },
    resolve: (_root, { input }, context) =>
      edit(context, () =>
        mergeEntities(context.store, authorOf(context, input.reason), input.survivorKey, input.mergedKey),
      ),
  },
  {
    description: 'What mergeEntities wrote.',
    outputFields: (t) => ({
      entity: t.field({ type: EntityRef, description: 'The survivor as stored.', resolve: (r) => r.entity }),
      change: t.field({ type: ChangeRef, description: 'The audit entry.', resolve: (r) => r.change }),
    }),
  },
);

builder.relayMutationField(
  'unmergeEntities',
  {
    description: 'The input of unmergeEntities.',
    inputFields: (t) => ({
      survivorKey: t.string({ required: true, description: 'The entity that stayed.' }),
      mergedKey: t.string({ required: true, description: 'The entity merged into it, to restore.' }),
      reason: t.string(reasonField),
    }),
  },
  {
    description: 'Undoes a merge exactly; CONFLICT when a later change touched either entity.',
    authScopes: { editor: true },
    resolve: (_root, { input }, context) =>
      edit(context, () =>
        unmergeEntities(context.store, authorOf(context, input.reason), input.survivorKey, input.mergedKey),
      ),
  },
  {
    description: 'What unmergeEntities wrote.',
    outputFields: (t) => ({
      survivor: t.field({ type: EntityRef, description: 'The survivor as it was.', resolve: (r) => r.survivor }),
      restored: t.field({ type: EntityRef, description: 'The entity restored.', resolve: (r) => r.restored }),
      change: t.field({ type: ChangeRef, description: 'The audit entry.', resolve: (r) => r.change }),
    }),
  },
);
