/**
 * Drafts: what a reading of a source suggests (domain/suggestions.ts), read by `draft(source:)`,
 * `Source.draft` and addSource's payload. Suggestions are proposals with their evidence; only
 * acceptSuggestion (suggestionMutations.ts) turns one into a write.
 */
import { parsePartialDate } from '../../domain/partialDate.js';
import type {
  ClaimSuggestion,
  DateMention,
  Draft,
  EntitySuggestion,
  MATCH_KINDS,
  MatchCandidate,
  SUGGESTION_STATUSES,
  SuggestedEvidence,
  SuggestionDecision,
  SuggestionStatus,
  TextSpan,
} from '../../domain/suggestions.js';
import { builder } from '../builder.js';
import { currentEntity } from '../loaders.js';
import type { Context } from '../context.js';
import { checkTextLength } from '../errors.js';
import { EntityRef, RelationshipRef, SourceRef } from '../refs.js';
import { ModalityEnum } from './claims.js';
import { EntityKindEnum, RelationshipTypeEnum } from './enums.js';
import { PartialDateRef } from './partialDate.js';

export const DraftRef = builder.objectRef<Draft>('Draft');
const EntitySuggestionRef = builder.objectRef<EntitySuggestion & { sourceKey: string }>('EntitySuggestion');
const ClaimSuggestionRef = builder.objectRef<ClaimSuggestion & { draft: Draft }>('ClaimSuggestion');
const MatchCandidateRef = builder.objectRef<MatchCandidate>('MatchCandidate');
const SuggestedEvidenceRef = builder.objectRef<SuggestedEvidence>('SuggestedEvidence');
const TextSpanRef = builder.objectRef<TextSpan>('TextSpan');
const DateMentionRef = builder.objectRef<DateMention>('DateMention');
const SuggestionDecisionRef = builder.objectRef<SuggestionDecision>('SuggestionDecision');

const SuggestionStatusEnum = builder.enumType('SuggestionStatus', {
  description: 'Whether an editor has decided a suggestion.',
  values: {
    OPEN: { description: 'Waiting for an editor.' },
    ACCEPTED: { description: 'Accepted: what it proposed is in the graph.' },
    REJECTED: { description: 'Rejected: nothing was written.' },
  } satisfies Record<(typeof SUGGESTION_STATUSES)[number], { description: string }>,
});

const MatchKindEnum = builder.enumType('MatchKind', {
  description: 'How a name in the text matched an entity of the graph, from surest to least sure.',
  values: {
    EXACT: { description: 'The same name or alias, as written.' },
    NORMALISED: { description: 'The same once case, accents and apostrophes are set aside.' },
    SURNAME_AND_ROLE: { description: 'The same surname, with a title or role that agrees.' },
    FUZZY: { description: 'A like name: a transliteration (Halyna, Galina) or a short or garbled first name.' },
  } satisfies Record<(typeof MATCH_KINDS)[number], { description: string }>,
});

/** The entity a key names now: a candidate or a decision may name one that was merged since. */
const current = (key: string, { loaders, store }: Context) => currentEntity(key, loaders, store);

const withStatus = <T extends { status: SuggestionStatus }>(
  list: T[],
  status: readonly SuggestionStatus[] | null | undefined,
) => (status && status.length > 0 ? list.filter((s) => status.includes(s.status)) : list);

DraftRef.implement({
  description:
    'What a reading of a source suggests: entities, dates and claims, none of them in the graph until accepted.',
  fields: (t) => ({
    source: t.field({
      type: SourceRef,
      description: 'The source read.',
      resolve: async (d, _args, { loaders }) => {
        const source = await loaders.source.load(d.sourceKey);
        if (!source) throw new Error(`the draft's source ${d.sourceKey} is missing from the store`);
        return source;
      },
    }),
    entities: t.field({
      type: [EntitySuggestionRef],
      description: 'The things the text names, by first mention.',
      args: {
        status: t.arg({ type: [SuggestionStatusEnum], required: false, description: 'Only these (all when absent).' }),
      },
      resolve: (d, { status }) => withStatus(d.entities, status).map((e) => ({ ...e, sourceKey: d.sourceKey })),
    }),
    claims: t.field({
      type: [ClaimSuggestionRef],
      description: 'The links its sentences state, in text order.',
      args: {
        status: t.arg({ type: [SuggestionStatusEnum], required: false, description: 'Only these (all when absent).' }),
      },
      resolve: (d, { status }) => withStatus(d.claims, status).map((c) => ({ ...c, draft: d })),
    }),
    dates: t.field({
      type: [DateMentionRef],
      description: 'The dates it gives, in text order.',
      resolve: (d) => d.dates,
    }),
    readUpTo: t.exposeInt('readUpTo', {
      description: 'How much of the text was read: its length, or less for a text longer than one reading takes.',
    }),
  }),
});

EntitySuggestionRef.implement({
  description: 'Something the text names, with every place it names it and the entities of the graph it may be.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Unique within its draft: "e1", "e2"...' }),
    status: t.field({ type: SuggestionStatusEnum, description: 'Decided or not.', resolve: (e) => e.status }),
    kind: t.field({ type: EntityKindEnum, description: 'What the reading takes it to be.', resolve: (e) => e.kind }),
    name: t.exposeString('name', { description: 'The fullest form the text gives.' }),
    mentions: t.field({
      type: [TextSpanRef],
      description: 'Every place the text names it.',
      resolve: (e) => e.mentions,
    }),
    confidence: t.exposeFloat('confidence', { description: '0 to 1: that these words name a thing of this kind.' }),
    occupations: t.exposeStringList('occupations', { description: 'Titles and roles the text gives it.' }),
    eventType: t.exposeString('eventType', { nullable: true, description: 'EVENT: what happened.' }),
    date: t.exposeString('date', { nullable: true, description: 'EVENT: when, as the sentence gives it.' }),
    candidates: t.field({
      type: [MatchCandidateRef],
      description: 'Entities of the graph it may be, best first.',
      // a candidate whose entity is gone (a reseed without it, a hand-edited draft) is left out: its
      // non-null `entity` would otherwise fail the whole draft with an internal error
      resolve: async (e, _args, { loaders, store }) => {
        const loaded = await Promise.all(e.candidates.map((c) => loaders.entity.load(c.entityKey)));
        const missing = e.candidates.filter((_, i) => !loaded[i]).map((c) => c.entityKey);
        if (missing.length === 0) return e.candidates;
        // one store call for the suggestion's missing candidates: merged ones live on in their survivor
        const survivors = new Map(missing.map((key, i) => [key, i]));
        const found = await store.survivorsOf(missing);
        return e.candidates.filter((c, i) => loaded[i] || found[survivors.get(c.entityKey) as number] !== null);
      },
    }),
    sameAs: t.field({
      type: EntityRef,
      nullable: true,
      description: 'The proposal: the first candidate when its score is 0.8 or more; null proposes a new entity.',
      resolve: (e, _args, context) => (e.sameAs ? current(e.sameAs, context) : null),
    }),
    newKey: t.exposeString('newKey', { description: 'The key it gets when accepted as a new entity.' }),
    decision: t.field({
      type: SuggestionDecisionRef,
      nullable: true,
      description: 'Who decided it, and what it became.',
      resolve: (e) => e.decision,
    }),
  }),
});

MatchCandidateRef.implement({
  description: '"Same as this entity": a proposal with its reasons, never a merge.',
  fields: (t) => ({
    entity: t.field({
      type: EntityRef,
      description: 'The entity of the graph (its survivor, if it was merged since).',
      resolve: async (c, _args, context) => {
        const entity = await current(c.entityKey, context);
        if (!entity) throw new Error(`candidate ${c.entityKey} is missing from the store`);
        return entity;
      },
    }),
    score: t.exposeFloat('score', { description: '0 to 1.' }),
    match: t.field({ type: MatchKindEnum, description: 'How it matched.', resolve: (c) => c.match }),
    reasons: t.exposeStringList('reasons', { description: 'Why, in words an editor can check.' }),
  }),
});

ClaimSuggestionRef.implement({
  description: 'A link a sentence states between two things the text names: a proposal with its evidence.',
  fields: (t) => {
    const end = (which: 'from' | 'to') =>
      t.field({
        type: EntitySuggestionRef,
        description: which === 'from' ? 'Where the claim starts.' : 'Where it ends.',
        resolve: (c) => {
          const e = c.draft.entities.find((s) => s.key === c[which]);
          if (!e) throw new Error(`claim suggestion ${c.key} names a missing end ${c[which]}`);
          return { ...e, sourceKey: c.draft.sourceKey };
        },
      });
    return {
      key: t.exposeString('key', { description: 'Unique within its draft: "c1", "c2"...' }),
      status: t.field({ type: SuggestionStatusEnum, description: 'Decided or not.', resolve: (c) => c.status }),
      type: t.field({
        type: RelationshipTypeEnum,
        description: 'The relationship it proposes.',
        resolve: (c) => c.type,
      }),
      from: end('from'),
      to: end('to'),
      role: t.exposeString('role', { nullable: true, description: 'The role, as the sentence gives it.' }),
      evidence: t.field({
        type: SuggestedEvidenceRef,
        description: 'The words that state it.',
        resolve: (c) => c.evidence,
      }),
      confidence: t.exposeFloat('confidence', { description: '0 to 1.' }),
      pattern: t.exposeString('pattern', { description: 'The pattern that found it, e.g. "X, who represent Y".' }),
      decision: t.field({
        type: SuggestionDecisionRef,
        nullable: true,
        description: 'Who decided it, and what it became.',
        resolve: (c) => c.decision,
      }),
    };
  },
});

SuggestedEvidenceRef.implement({
  description: 'Where a suggested claim is stated, and how.',
  fields: (t) => ({
    start: t.exposeInt('start', { description: 'Offset of the first character (UTF-16 code units).' }),
    end: t.exposeInt('end', { description: 'Offset just past the last character.' }),
    quote: t.exposeString('quote', { description: 'The words at those offsets.' }),
    modality: t.field({ type: ModalityEnum, description: 'How the sentence asserts it.', resolve: (e) => e.modality }),
    assertedBy: t.exposeString('assertedBy', {
      nullable: true,
      description: 'The party the sentence names; null for the source itself, or when it names none.',
    }),
    cue: t.exposeString('cue', { nullable: true, description: 'The words that give the modality, e.g. "was set to".' }),
  }),
});

TextSpanRef.implement({
  description: 'A span of the source text.',
  fields: (t) => ({
    start: t.exposeInt('start', { description: 'Offset of the first character (UTF-16 code units).' }),
    end: t.exposeInt('end', { description: 'Offset just past the last character.' }),
    quote: t.exposeString('quote', { description: 'The words at those offsets.' }),
  }),
});

DateMentionRef.implement({
  description: 'A date the text gives, at the precision it gives it.',
  fields: (t) => ({
    start: t.exposeInt('start', { description: 'Offset of the first character (UTF-16 code units).' }),
    end: t.exposeInt('end', { description: 'Offset just past the last character.' }),
    quote: t.exposeString('quote', { description: 'The words at those offsets.' }),
    date: t.field({
      type: PartialDateRef,
      description: 'The date, as precise as the words.',
      resolve: (d) => {
        const date = parsePartialDate(d.date);
        if (!date) throw new Error(`a draft holds a malformed date ${d.date}`);
        return date;
      },
    }),
  }),
});

SuggestionDecisionRef.implement({
  description: 'An editor’s decision on a suggestion.',
  fields: (t) => ({
    actor: t.exposeString('actor', { description: 'The editor token’s name.' }),
    at: t.exposeString('at', { description: 'When, in ISO 8601 (UTC).' }),
    reason: t.exposeString('reason', { nullable: true, description: 'Why, in the editor’s words.' }),
    entity: t.field({
      type: EntityRef,
      nullable: true,
      description: 'ENTITY: the entity its mentions now belong to.',
      resolve: (d, _args, context) => (d.entityKey ? current(d.entityKey, context) : null),
    }),
    relationship: t.field({
      type: RelationshipRef,
      nullable: true,
      description: 'CLAIM: the claim it became (null once retracted).',
      resolve: (d, _args, { loaders }) => (d.relationshipKey ? loaders.relationship.load(d.relationshipKey) : null),
    }),
  }),
});

builder.objectField(SourceRef, 'draft', (t) =>
  t.field({
    type: DraftRef,
    nullable: true,
    description: 'What a reading of it suggests; null when it was never read.',
    resolve: (source, _args, { loaders }) => loaders.draft.load(source.key),
  }),
);

builder.queryField('draft', (t) =>
  t.field({
    type: DraftRef,
    nullable: true,
    description: 'What a reading of the source suggests; null when the source has no draft.',
    args: { source: t.arg.string({ required: true, description: 'The source key.' }) },
    resolve: (_root, { source }, { loaders }) => {
      checkTextLength(source, 'source');
      return loaders.draft.load(source);
    },
  }),
);

/** What a decision returns: the suggestion as decided, of either kind. */
export const SuggestionUnion = builder.unionType('Suggestion', {
  description: 'A suggestion of a draft: an entity or a claim.',
  types: [EntitySuggestionRef, ClaimSuggestionRef],
  resolveType: (s) => ('draft' in s ? ClaimSuggestionRef : EntitySuggestionRef),
});
