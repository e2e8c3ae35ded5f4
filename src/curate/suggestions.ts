/**
 * acceptSuggestion and rejectSuggestion: an editor's decision on what a reading of a source
 * proposed (domain/suggestions.ts). An accept writes what the suggestion proposes (mentions, a new
 * entity, a claim) and the decision in one change; a reject writes only the decision. Either way
 * the audit trail holds the suggestion as it was and as decided.
 */
import type { Change } from '../domain/changes.js';
import type { Entity, Relationship } from '../domain/model.js';
import type { ClaimSuggestion, Draft, EntitySuggestion } from '../domain/suggestions.js';
import type { GraphStore } from '../store/graphStore.js';
import { acceptClaim } from './acceptClaim.js';
import { acceptEntity } from './acceptEntity.js';
import { editOf, records } from './checks.js';
import { decided, onlySuggestion, openSuggestion, suggestionIn } from './drafts.js';
import type { Author, SuggestionInput } from './inputs.js';
import { refuseIf } from './refusal.js';

export interface Decided {
  suggestion: EntitySuggestion | ClaimSuggestion;
  /** The whole draft, as decided. */
  draft: Draft;
  entity: Entity | null;
  relationship: Relationship | null;
  change: Change;
}

const ENTITY_ONLY = ['entityKey', 'asNew', 'key', 'name'] as const;
const CLAIM_ONLY = ['role', 'modality', 'assertedBy'] as const;

/** A correction given for the other kind of suggestion is refused rather than quietly ignored. */
function refuseOtherKindsFields(input: SuggestionInput, kind: 'ENTITY' | 'CLAIM'): void {
  const foreign = kind === 'ENTITY' ? CLAIM_ONLY : ENTITY_ONLY;
  for (const field of foreign) {
    const value = input[field];
    refuseIf(
      value !== null && value !== undefined
        ? `is for ${kind === 'ENTITY' ? 'a claim' : 'an entity'} suggestion; "${input.suggestion}" is not one`
        : null,
      field,
    );
  }
}

export function acceptSuggestion(store: GraphStore, author: Author, input: SuggestionInput): Promise<Decided> {
  return store.write(async (tx) => {
    const found = await openSuggestion(tx, input.source, input.suggestion);
    refuseOtherKindsFields(input, found.kind);
    const written =
      found.kind === 'ENTITY'
        ? await acceptEntity(tx, input, found.draft.sourceKey, found.suggestion)
        : await acceptClaim(tx, author, input, found.draft, found.suggestion);
    const draft = decided(found.draft, input.suggestion, 'ACCEPTED', author, {
      entityKey: 'entity' in written ? written.entity.key : null,
      relationshipKey: 'relationship' in written ? written.relationship.key : null,
    });
    const change = await tx.commit(
      editOf(
        {
          ...author,
          action: 'ACCEPT_SUGGESTION',
          entityKeys: written.entityKeys,
          before: records({ ...written.before, drafts: [onlySuggestion(found.draft, input.suggestion)] }),
          after: records({ ...written.after, drafts: [onlySuggestion(draft, input.suggestion)] }),
        },
        { ...written.puts, putDrafts: [draft] },
      ),
    );
    return {
      suggestion: suggestionIn(draft, input.suggestion),
      draft,
      entity: 'entity' in written ? written.entity : null,
      relationship: 'relationship' in written ? written.relationship : null,
      change,
    };
  });
}

export function rejectSuggestion(
  store: GraphStore,
  author: Author,
  input: Pick<SuggestionInput, 'source' | 'suggestion'>,
): Promise<Decided> {
  return store.write(async (tx) => {
    const found = await openSuggestion(tx, input.source, input.suggestion);
    const draft = decided(found.draft, input.suggestion, 'REJECTED', author, {
      entityKey: null,
      relationshipKey: null,
    });
    const change = await tx.commit(
      editOf(
        {
          ...author,
          action: 'REJECT_SUGGESTION',
          entityKeys: [],
          before: records({ drafts: [onlySuggestion(found.draft, input.suggestion)] }),
          after: records({ drafts: [onlySuggestion(draft, input.suggestion)] }),
        },
        { putDrafts: [draft] },
      ),
    );
    return { suggestion: suggestionIn(draft, input.suggestion), draft, entity: null, relationship: null, change };
  });
}
