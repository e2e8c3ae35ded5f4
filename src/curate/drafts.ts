/**
 * Finding a suggestion in a source's draft and recording a decision on it: what acceptSuggestion
 * and rejectSuggestion share. A decided suggestion stays in the draft with who decided it and why.
 */
import type { ChangeState, Edit } from '../domain/changes.js';
import type { Author } from './inputs.js';
import type {
  ClaimSuggestion,
  Draft,
  EntitySuggestion,
  SuggestionDecision,
  SuggestionStatus,
} from '../domain/suggestions.js';
import type { WriteTransaction } from '../store/graphStore.js';
import { EditRefusal } from './refusal.js';

export type Found =
  | { draft: Draft; kind: 'ENTITY'; suggestion: EntitySuggestion }
  | { draft: Draft; kind: 'CLAIM'; suggestion: ClaimSuggestion };

/** The open suggestion `key` of `sourceKey`'s draft; NOT_FOUND or CONFLICT naming the input field at fault. */
export async function openSuggestion(tx: WriteTransaction, sourceKey: string, key: string): Promise<Found> {
  const [draft] = await tx.draftsOf([sourceKey]);
  if (!draft) throw new EditRefusal('source', `the source "${sourceKey}" has no draft`, 'NOT_FOUND');
  const entity = draft.entities.find((e) => e.key === key);
  const claim = entity ? undefined : draft.claims.find((c) => c.key === key);
  const found: Found | null = entity
    ? { draft, kind: 'ENTITY', suggestion: entity }
    : claim
      ? { draft, kind: 'CLAIM', suggestion: claim }
      : null;
  if (!found)
    throw new EditRefusal('suggestion', `the draft of "${sourceKey}" has no suggestion "${key}"`, 'NOT_FOUND');
  if (found.suggestion.status !== 'OPEN') {
    const by = found.suggestion.decision ? ` by ${found.suggestion.decision.actor}` : '';
    throw new EditRefusal(
      'suggestion',
      `"${key}" was ${found.suggestion.status.toLowerCase()}${by}; it is decided once`,
      'CONFLICT',
    );
  }
  return found;
}

/** The draft with the suggestion `key` decided. */
export function decided(
  draft: Draft,
  key: string,
  status: Exclude<SuggestionStatus, 'OPEN'>,
  author: Author,
  made: Pick<SuggestionDecision, 'entityKey' | 'relationshipKey'>,
): Draft {
  const decision: SuggestionDecision = {
    actor: author.actor,
    at: new Date().toISOString(),
    reason: author.reason,
    ...made,
  };
  const decide = <S extends { key: string }>(s: S): S => (s.key === key ? { ...s, status, decision } : s);
  return { ...draft, entities: draft.entities.map(decide), claims: draft.claims.map(decide) };
}

/** The draft with only suggestion `key`: what a decision's change keeps of it, before and after. */
export function onlySuggestion(draft: Draft, key: string): Draft {
  return {
    ...draft,
    entities: draft.entities.filter((e) => e.key === key),
    claims: draft.claims.filter((c) => c.key === key),
    dates: [],
  };
}

/** The suggestion `key` of a draft, after a decision. */
export function suggestionIn(draft: Draft, key: string): EntitySuggestion | ClaimSuggestion {
  return (draft.entities.find((e) => e.key === key) ?? draft.claims.find((c) => c.key === key))!;
}

/** What accepting one suggestion writes to the graph, before the decision is added to it. */
export interface AcceptWrite {
  entityKeys: string[];
  before: Partial<ChangeState>;
  after: Partial<ChangeState>;
  puts: Partial<Omit<Edit, 'change'>>;
}
