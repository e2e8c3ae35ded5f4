/**
 * Claims: who asserts each relationship and how (Modality), the sources of a claim, and the claims
 * about an entity grouped by source. Adds fields to Evidence, Relationship and Entity.
 */
import { MODALITIES, MODALITY_MEANING, type Modality, modalitiesOf } from '../../domain/claims.js';
import type { Relationship, Source } from '../../domain/model.js';
import { compareStrings } from '../../domain/ordering.js';
import { builder } from '../builder.js';
import { EntityRef, EvidenceRef, RelationshipRef, SourceRef } from '../refs.js';

export const ModalityEnum = builder.enumType('Modality', {
  description: 'How a piece of evidence asserts a claim. An INFERRED claim is never shown as STATED.',
  values: Object.fromEntries(MODALITIES.map((m) => [m, { description: MODALITY_MEANING[m] }])) as Record<
    Modality,
    { description: string }
  >,
});

/** What the `modality:` argument of every field that returns claims means. */
export const MODALITY_ARG = 'Only claims with evidence asserted in one of these ways (all when absent).';

builder.objectFields(EvidenceRef, (t) => ({
  modality: t.field({
    type: ModalityEnum,
    nullable: true,
    description: "How this evidence asserts its claim; null on an entity's mentions, which are not claims.",
    resolve: (e) => ('modality' in e ? (e.modality as Modality) : null),
  }),
  assertedBy: t.string({
    nullable: true,
    description:
      'Who asserts it: null for the source itself (its publisher or author); else the party the source cites ("informed sources"), or for INFERRED the analyst.',
    resolve: (e) => ('assertedBy' in e ? (e.assertedBy as string | null) : null),
  }),
}));

const sourcesOf = async (r: Relationship, loaders: { source: { load(key: string): Promise<Source | null> } }) => {
  const keys = [...new Set(r.evidence.map((e) => e.sourceKey))].sort(compareStrings);
  return (await Promise.all(keys.map((key) => loaders.source.load(key)))).filter((s): s is Source => s !== null);
};

builder.objectFields(RelationshipRef, (t) => ({
  key: t.exposeString('key', {
    description: 'Stable slug, e.g. "lewten-nikas--represents--alec-baldwin": what editors name it by.',
  }),
  modalities: t.field({
    type: [ModalityEnum],
    description: 'How its evidence asserts it, each way once (STATED first).',
    resolve: (r) => modalitiesOf(r.evidence),
  }),
  sources: t.field({
    type: [SourceRef],
    description: 'The sources of this claim, by key: where its evidence comes from.',
    resolve: (r, _args, { loaders }) => sourcesOf(r, loaders),
  }),
}));

interface SourceClaims {
  source: Source;
  relationships: Relationship[];
}

const SourceClaimsRef = builder.objectRef<SourceClaims>('SourceClaims').implement({
  description: 'The claims one source makes about an entity.',
  fields: (t) => ({
    source: t.field({ type: SourceRef, description: 'The source.', resolve: (c) => c.source }),
    relationships: t.field({
      type: [RelationshipRef],
      description: 'Its claims about the entity, by key.',
      resolve: (c) => c.relationships,
    }),
  }),
});

builder.interfaceFields(EntityRef, (t) => ({
  formerKeys: t.exposeStringList('formerKeys', {
    description: 'Keys of entities merged into this one; entity(kind:, key:) resolves them to it.',
  }),
  claimsBySource: t.field({
    type: [SourceClaimsRef],
    description: 'Its relationships grouped by the source whose evidence states them, by source key.',
    resolve: async (e, _args, { loaders }) => {
      const claims = (await loaders.related.load(e.key)).map((r) => r.relationship);
      const bySource = new Map<string, Relationship[]>();
      for (const r of claims) {
        for (const key of new Set(r.evidence.map((ev) => ev.sourceKey))) {
          bySource.set(key, [...(bySource.get(key) ?? []), r]);
        }
      }
      const keys = [...bySource.keys()].sort(compareStrings);
      const sources = await Promise.all(keys.map((key) => loaders.source.load(key)));
      return sources
        .filter((s): s is Source => s !== null)
        .map((source) => ({ source, relationships: bySource.get(source.key)! }));
    },
  }),
}));
