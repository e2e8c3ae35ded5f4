/**
 * Accepting an entity suggestion: its mentions go to an entity of the graph (the one the editor
 * names, or the reading's sameAs), whose aliases gain the spelling this text uses; or, accepted as
 * new, they make a new entity. Each mention is checked against the source like any other.
 */
import type { Entity, Evidence } from '../domain/model.js';
import { compareEvidence } from '../domain/ordering.js';
import { kindFieldProblems } from '../domain/rules.js';
import type { EntitySuggestion } from '../domain/suggestions.js';
import type { WriteTransaction } from '../store/graphStore.js';
import { keyVariants } from '../ingest/newEntityKey.js';
import { checkSlug, checkSpans, cleanText, sameSpan, textProblem } from './checks.js';
import type { AcceptWrite } from './drafts.js';
import { currentEntity } from './entities.js';
import type { SuggestionInput } from './inputs.js';
import { EditRefusal } from './refusal.js';

/** The suggestion's mentions, each checked against the source's text as it is stored. */
function mentionsOf(tx: WriteTransaction, sourceKey: string, suggestion: EntitySuggestion): Promise<Evidence[]> {
  return checkSpans(tx, sourceKey, suggestion.mentions, (i) => `suggestion.mentions[${i}]`);
}

/** The key a new entity gets: the editor's (refused when taken), or the draft's, or its next free variant. */
async function freeKey(tx: WriteTransaction, input: SuggestionInput, suggestion: EntitySuggestion): Promise<string> {
  const taken = async (key: string) => (await tx.survivorsOf([key]))[0] !== null;
  if (input.key !== null && input.key !== undefined) {
    const key = checkSlug(input.key, 'key');
    if (await taken(key)) throw new EditRefusal('key', `an entity has the key "${key}"; give another`, 'CONFLICT');
    return key;
  }
  // the draft's key was free when it was read; a write since may have taken it. A draft file may have
  // been edited by hand: its key is checked as an editor's, or a bad one ("Bad Key/../x") would land
  // in case.json, which then no longer loads
  const newKey = checkSlug(suggestion.newKey, 'key');
  for (const key of keyVariants(newKey)) {
    if (!(await taken(key))) return key;
  }
  throw new EditRefusal('key', `"${suggestion.newKey}" and its variants are taken; give a key`, 'CONFLICT');
}

async function asNewEntity(
  tx: WriteTransaction,
  input: SuggestionInput,
  sourceKey: string,
  suggestion: EntitySuggestion,
): Promise<AcceptWrite & { entity: Entity }> {
  const entity: Entity = {
    key: await freeKey(tx, input, suggestion),
    kind: suggestion.kind,
    // the reading's name is the text's words, as long as the text makes them ("Q" and 3,000 letters):
    // it gets the checks an editor's name gets, so an accept cannot write what upsertEntity refuses
    name: cleanText(input.name, 'name') ?? (cleanText(suggestion.name, 'name') as string),
    aliases: [],
    summary: null,
    occupations: suggestion.kind === 'PERSON' ? suggestion.occupations : [],
    organisationType: null,
    productionType: null,
    locationType: null,
    eventType: suggestion.kind === 'EVENT' ? suggestion.eventType : null,
    date: suggestion.kind === 'EVENT' ? suggestion.date : null,
    formerKeys: [],
    mentions: (await mentionsOf(tx, sourceKey, suggestion)).sort(compareEvidence),
  };
  const problem = kindFieldProblems(entity.kind, {
    ...entity,
    occupations: entity.occupations.length ? entity.occupations : undefined,
  })[0];
  if (problem) throw new EditRefusal('suggestion', problem);
  return {
    entity,
    entityKeys: [entity.key],
    before: {},
    after: { entities: [entity] },
    puts: { putEntities: [entity] },
  };
}

async function asExistingEntity(
  tx: WriteTransaction,
  entityKey: string,
  field: string,
  sourceKey: string,
  suggestion: EntitySuggestion,
): Promise<AcceptWrite & { entity: Entity }> {
  const before = await currentEntity(tx, entityKey, field);
  if (before.kind !== suggestion.kind) {
    throw new EditRefusal(field, `"${before.key}" is a ${before.kind}; the suggestion names a ${suggestion.kind}`);
  }
  const mentions = [...before.mentions];
  for (const m of await mentionsOf(tx, sourceKey, suggestion))
    if (!mentions.some((n) => sameSpan(n, m))) mentions.push(m);
  // the text's own spelling ("Halyna Hutchins" for Galina Hutchins) becomes an alias: search finds either
  // (only a spelling an editor could write as an alias: a name longer than any real one is left out)
  const spelling = suggestion.name.trim();
  const spelled = [before.name, ...before.aliases].includes(spelling) || textProblem(spelling) ? [] : [spelling];
  const occupations =
    before.kind === 'PERSON' ? [...new Set([...before.occupations, ...suggestion.occupations])] : before.occupations;
  const entity: Entity = {
    ...before,
    aliases: [...before.aliases, ...spelled],
    occupations,
    mentions: mentions.sort(compareEvidence),
  };
  return {
    entity,
    entityKeys: [entity.key],
    before: { entities: [before] },
    after: { entities: [entity] },
    puts: { putEntities: [entity] },
  };
}

export function acceptEntity(
  tx: WriteTransaction,
  input: SuggestionInput,
  sourceKey: string,
  suggestion: EntitySuggestion,
): Promise<AcceptWrite & { entity: Entity }> {
  const named = input.entityKey ?? null;
  if (input.asNew && named !== null) throw new EditRefusal('asNew', 'give either entityKey or asNew, not both');
  const existing = named ?? (input.asNew ? null : suggestion.sameAs);
  if (existing === null) return asNewEntity(tx, input, sourceKey, suggestion);
  for (const field of ['key', 'name'] as const) {
    if (input[field] !== null && input[field] !== undefined)
      throw new EditRefusal(field, `is for a new entity; these mentions go to "${existing}" (asNew: true makes one)`);
  }
  return asExistingEntity(tx, existing, named === null ? 'suggestion' : 'entityKey', sourceKey, suggestion);
}
