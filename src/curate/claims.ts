/**
 * assertRelationship and retractRelationship: a claim made (or supported by more evidence), and a
 * claim withdrawn. A retracted claim leaves the graph but stays whole in the audit trail.
 */
import { NEEDS_ASSERTER } from '../domain/claims.js';
import type { Change } from '../domain/changes.js';
import type { ClaimEvidence, Relationship } from '../domain/model.js';
import { compareEvidence } from '../domain/ordering.js';
import { endpointProblem, relationshipKey, roleProblem } from '../domain/rules.js';
import type { GraphStore } from '../store/graphStore.js';
import { checkList, checkRelationshipKey, checkSpan, cleanText, sameSpan, editOf, records } from './checks.js';
import { currentEntity } from './entities.js';
import type { Author, RelationshipInput } from './inputs.js';
import { EditRefusal, refuseIf } from './refusal.js';

const sameClaimEvidence = (a: ClaimEvidence, b: ClaimEvidence) =>
  sameSpan(a, b) && a.modality === b.modality && a.assertedBy === b.assertedBy;

/** A claim's evidence with `more` added, each piece once, in evidence order. */
export function withEvidence(before: readonly ClaimEvidence[], more: readonly ClaimEvidence[]): ClaimEvidence[] {
  const merged = [...before];
  for (const e of more) if (!merged.some((m) => sameClaimEvidence(m, e))) merged.push(e);
  return merged.sort(compareEvidence);
}

export function assertRelationship(
  store: GraphStore,
  author: Author,
  input: RelationshipInput,
): Promise<{ relationship: Relationship; change: Change }> {
  checkList(input.evidence, 'evidence', 1);
  const role = cleanText(input.role, 'role');
  return store.write(async (tx) => {
    const from = await currentEntity(tx, input.from, 'from');
    const to = await currentEntity(tx, input.to, 'to');
    refuseIf(endpointProblem(input.type, from.kind, to.kind), 'type');
    const [existing] = input.key === null ? [null] : await tx.relationshipsByKeys([input.key]);
    refuseIf(roleProblem(input.type, role ?? existing?.role ?? null), 'role');
    const evidence: ClaimEvidence[] = [];
    for (const [i, span] of input.evidence.entries()) {
      const field = `evidence[${i}]`;
      const checked = await checkSpan(tx, span, field);
      // an inference is the editor's own unless they name the analyst who drew it
      const assertedBy =
        cleanText(span.assertedBy, `${field}.assertedBy`) ?? (span.modality === 'INFERRED' ? author.actor : null);
      if (NEEDS_ASSERTER.has(span.modality) && assertedBy === null) {
        throw new EditRefusal(`${field}.assertedBy`, `a ${span.modality} claim needs assertedBy: who says it`);
      }
      evidence.push({ ...checked, modality: span.modality, assertedBy });
    }
    const key =
      input.key === null ? relationshipKey(input.type, from.key, to.key) : checkRelationshipKey(input.key, 'key');
    const [before] = await tx.relationshipsByKeys([key]);
    if (before && (before.type !== input.type || before.from !== from.key || before.to !== to.key)) {
      throw new EditRefusal(
        'key',
        `"${key}" is a ${before.type} from "${before.from}" to "${before.to}"; give another key`,
      );
    }
    // a role left out keeps the claim's own: more evidence for the same claim needs no restating
    if (before && role !== null && before.role !== role) {
      throw new EditRefusal(
        'role',
        `"${key}" has the role ${JSON.stringify(before.role)}; a claim with another role needs its own key`,
      );
    }
    const merged = withEvidence(before?.evidence ?? [], evidence);
    if (before && merged.length === before.evidence.length) {
      throw new EditRefusal('evidence', `"${key}" already has this evidence`);
    }
    const relationship: Relationship = {
      key,
      type: input.type,
      from: from.key,
      to: to.key,
      role: before ? before.role : role,
      evidence: merged,
    };
    const change = await tx.commit(
      editOf(
        {
          ...author,
          action: 'ASSERT_RELATIONSHIP',
          entityKeys: [...new Set([from.key, to.key])],
          before: before ? records({ relationships: [before] }) : records(),
          after: records({ relationships: [relationship] }),
        },
        { putRelationships: [relationship] },
      ),
    );
    return { relationship, change };
  });
}

export function retractRelationship(store: GraphStore, author: Author, key: string): Promise<{ change: Change }> {
  refuseIf(author.reason === null ? 'a retraction needs a reason' : null, 'reason');
  return store.write(async (tx) => {
    const [before] = await tx.relationshipsByKeys([key]);
    if (!before) throw new EditRefusal('key', `no relationship has the key "${key}"`, 'NOT_FOUND');
    const change = await tx.commit(
      editOf(
        {
          ...author,
          action: 'RETRACT_RELATIONSHIP',
          entityKeys: [...new Set([before.from, before.to])],
          before: records({ relationships: [before] }),
          after: records(),
        },
        { removeRelationships: [key] },
      ),
    );
    return { change };
  });
}
