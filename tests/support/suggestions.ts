/** Draft fixtures for tests: an entity suggestion as a reading makes it, open, with only what a test sets. */
import type { EntitySuggestion } from '../../src/domain/suggestions.js';

export function entitySuggestion(
  fields: Pick<EntitySuggestion, 'key' | 'kind' | 'name' | 'mentions'> & Partial<EntitySuggestion>,
): EntitySuggestion {
  return {
    status: 'OPEN',
    confidence: 0.9,
    occupations: [],
    eventType: null,
    date: null,
    candidates: [],
    sameAs: null,
    newKey: '',
    decision: null,
    ...fields,
  };
}
