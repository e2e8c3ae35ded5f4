/**
 * acceptSuggestion and rejectSuggestion: an editor's decision on a suggestion of a source's draft,
 * each one write and one Change (ACCEPT_SUGGESTION or REJECT_SUGGESTION) in the audit trail.
 */
import { acceptSuggestion, rejectSuggestion, type Decided } from '../../curate/suggestions.js';
import { builder } from '../builder.js';
import { authorOf, edit, reasonField } from '../edits.js';
import { ChangeRef, EntityRef, RelationshipRef } from '../refs.js';
import { ModalityEnum } from './claims.js';
import { SuggestionUnion } from './drafts.js';

const which = {
  source: { required: true, description: 'The key of the source whose draft holds it.' },
  suggestion: { required: true, description: 'Its key in the draft: "e3", "c2".' },
} as const;

/** The suggestion as the union resolves it: a claim carries its draft, so its ends can be read. */
const decidedSuggestion = (r: Decided) =>
  'type' in r.suggestion ? { ...r.suggestion, draft: r.draft } : { ...r.suggestion, sourceKey: r.draft.sourceKey };

builder.relayMutationField(
  'acceptSuggestion',
  {
    description: 'The input of acceptSuggestion.',
    inputFields: (t) => ({
      source: t.string(which.source),
      suggestion: t.string(which.suggestion),
      entityKey: t.string({
        required: false,
        description: 'ENTITY: the existing entity its mentions name (instead of the proposed sameAs).',
      }),
      asNew: t.boolean({ required: false, description: 'ENTITY: a new entity, even when a candidate was proposed.' }),
      key: t.string({ required: false, description: 'ENTITY, new: its key instead of newKey.' }),
      name: t.string({ required: false, description: 'ENTITY, new: its name instead of the suggested one.' }),
      role: t.string({ required: false, description: 'CLAIM: its role instead of the suggested one.' }),
      modality: t.field({ type: ModalityEnum, required: false, description: 'CLAIM: how the source asserts it.' }),
      assertedBy: t.string({
        required: false,
        description: 'CLAIM: who asserts it, where the sentence names nobody and the modality needs someone.',
      }),
      reason: t.string(reasonField),
    }),
  },
  {
    description:
      'Accepts a suggestion: an entity suggestion adds its mentions to an entity (or makes a new one), a claim suggestion asserts the claim between the entities its ends were accepted as.',
    authScopes: { editor: true },
    resolve: (_root, { input }, context) =>
      edit(context, () =>
        acceptSuggestion(context.store, authorOf(context, input.reason), {
          source: input.source,
          suggestion: input.suggestion,
          entityKey: input.entityKey,
          asNew: input.asNew,
          key: input.key,
          name: input.name,
          role: input.role,
          modality: input.modality,
          assertedBy: input.assertedBy,
        }),
      ),
  },
  {
    description: 'What acceptSuggestion wrote.',
    outputFields: (t) => ({
      suggestion: t.field({
        type: SuggestionUnion,
        description: 'The suggestion as decided.',
        resolve: (r) => decidedSuggestion(r),
      }),
      entity: t.field({
        type: EntityRef,
        nullable: true,
        description: 'ENTITY: the entity created or added to.',
        resolve: (r) => r.entity,
      }),
      relationship: t.field({
        type: RelationshipRef,
        nullable: true,
        description: 'CLAIM: the claim made, or the existing one the evidence joined.',
        resolve: (r) => r.relationship,
      }),
      change: t.field({ type: ChangeRef, description: 'The audit entry.', resolve: (r) => r.change }),
    }),
  },
);

builder.relayMutationField(
  'rejectSuggestion',
  {
    description: 'The input of rejectSuggestion.',
    inputFields: (t) => ({
      source: t.string(which.source),
      suggestion: t.string(which.suggestion),
      reason: t.string(reasonField),
    }),
  },
  {
    description: 'Rejects a suggestion: it is marked REJECTED, and nothing is written to the graph.',
    authScopes: { editor: true },
    resolve: (_root, { input }, context) =>
      edit(context, () =>
        rejectSuggestion(context.store, authorOf(context, input.reason), {
          source: input.source,
          suggestion: input.suggestion,
        }),
      ),
  },
  {
    description: 'What rejectSuggestion wrote.',
    outputFields: (t) => ({
      suggestion: t.field({
        type: SuggestionUnion,
        description: 'The suggestion as decided.',
        resolve: (r) => decidedSuggestion(r),
      }),
      change: t.field({ type: ChangeRef, description: 'The audit entry.', resolve: (r) => r.change }),
    }),
  },
);
