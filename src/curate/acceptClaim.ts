/**
 * Accepting a claim suggestion: it is asserted between the entities its two ends were accepted as,
 * with its evidence span, modality and asserter (an editor may correct role, modality and asserter).
 * A claim that exists gathers the evidence, as assertRelationship does.
 */
import { NEEDS_ASSERTER } from '../domain/claims.js';
import type { ClaimEvidence, Entity, Relationship } from '../domain/model.js';
import { endpointProblem, relationshipKey, roleProblem } from '../domain/rules.js';
import type { ClaimSuggestion, Draft } from '../domain/suggestions.js';
import { newEntityKey } from '../ingest/newEntityKey.js';
import type { WriteTransaction } from '../store/graphStore.js';
import { checkSpan, cleanText } from './checks.js';
import { withEvidence } from './claims.js';
import type { AcceptWrite } from './drafts.js';
import { currentEntity } from './entities.js';
import type { Author, SuggestionInput } from './inputs.js';
import { EditRefusal, refuseIf } from './refusal.js';

/** The entity a claim's end was accepted as; CONFLICT while that end is undecided or rejected. */
async function acceptedEnd(tx: WriteTransaction, draft: Draft, endKey: string): Promise<Entity> {
  const end = draft.entities.find((e) => e.key === endKey);
  const entityKey = end?.status === 'ACCEPTED' ? end.decision?.entityKey : null;
  if (!end || !entityKey) {
    const what = end ? `${end.key} ("${end.name}") is ${end.status.toLowerCase()}` : `${endKey} is missing`;
    throw new EditRefusal('suggestion', `accept the claim's ends first: ${what}`, 'CONFLICT');
  }
  return currentEntity(tx, entityKey, 'suggestion');
}

export async function acceptClaim(
  tx: WriteTransaction,
  author: Author,
  input: SuggestionInput,
  draft: Draft,
  suggestion: ClaimSuggestion,
): Promise<AcceptWrite & { relationship: Relationship }> {
  const from = await acceptedEnd(tx, draft, suggestion.from);
  const to = await acceptedEnd(tx, draft, suggestion.to);
  refuseIf(endpointProblem(suggestion.type, from.kind, to.kind), 'suggestion');
  // its ends were two things of the text; merged since into one entity, the claim would link it to itself
  if (from.key === to.key)
    throw new EditRefusal(
      'suggestion',
      `both ends are now "${from.key}" (merged): a claim links two entities`,
      'CONFLICT',
    );
  const asked = input.role === undefined || input.role === null ? suggestion.role : cleanText(input.role, 'role');
  const modality = input.modality ?? suggestion.evidence.modality;
  // an inference is the editor's own unless they name the analyst who drew it
  const assertedBy =
    cleanText(input.assertedBy, 'assertedBy') ??
    // the reading's asserter is the text's words (a name as long as the text makes it): checked as an editor's
    (modality === 'INFERRED'
      ? author.actor
      : modality === 'STATED'
        ? null
        : cleanText(suggestion.evidence.assertedBy, 'assertedBy'));
  if (NEEDS_ASSERTER.has(modality) && assertedBy === null) {
    throw new EditRefusal('assertedBy', `the sentence names nobody: a ${modality} claim needs assertedBy, who says it`);
  }
  const span = await checkSpan(tx, { source: draft.sourceKey, ...suggestion.evidence }, 'suggestion.evidence');
  const evidence: ClaimEvidence = { ...span, modality, assertedBy };

  // The claim between these ends joins the one that exists, as assertRelationship does: with no role
  // of its own it takes that claim's; with another role it is another claim, keyed with its role.
  const plain = relationshipKey(suggestion.type, from.key, to.key);
  const [samePlain] = await tx.relationshipsByKeys([plain]);
  const joins = samePlain && (asked === null || samePlain.role === asked);
  const key = samePlain && !joins ? `${plain}--${newEntityKey(asked ?? '')}` : plain;
  const role = joins ? samePlain.role : asked;
  refuseIf(roleProblem(suggestion.type, role), 'role');
  const [before] = key === plain ? [samePlain ?? null] : await tx.relationshipsByKeys([key]);
  if (before && before.role !== role) {
    throw new EditRefusal(
      'role',
      `"${key}" has the role ${JSON.stringify(before.role)}; give that role or another`,
      'CONFLICT',
    );
  }
  const relationship: Relationship = {
    key,
    type: suggestion.type,
    from: from.key,
    to: to.key,
    role,
    evidence: withEvidence(before?.evidence ?? [], [evidence]),
  };
  return {
    relationship,
    entityKeys: [...new Set([from.key, to.key])],
    before: before ? { relationships: [before] } : {},
    after: { relationships: [relationship] },
    puts: { putRelationships: [relationship] },
  };
}
