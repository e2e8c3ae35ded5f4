/** The Entity interface: what every person, organisation, production, location and event shares. */
import { enumFilter } from '../../domain/filters.js';
import { KIND_NAME, RELATIONSHIP_TYPES, type Direction, type RelationshipType } from '../../domain/kinds.js';
import type { Entity, Relationship } from '../../domain/model.js';
import { compareStrings } from '../../domain/ordering.js';
import { assertedAs } from '../../domain/claims.js';
import { builder } from '../builder.js';
import { currentEntity } from '../loaders.js';
import { MODALITY_ARG, ModalityEnum } from './claims.js';
import { EntityRef } from '../refs.js';
import { connectionOf, DEFAULT_PAGE_SIZE, type PageArgs, pageOf, sliceConnection } from '../pagination.js';
import { type RelatedField, relatedResolver } from '../related.js';
import { treeReader } from '../prefetch/trees.js';
import type { Modality } from '../../domain/claims.js';
import { DirectionEnum, EntityKindEnum, RelationshipTypeEnum } from './enums.js';
import { EvidenceRef } from '../refs.js';
import { RelationshipConnection, RelationshipCountRef, type RelationshipCount } from './relationship.js';

function countRelationships(entity: Entity, all: Relationship[]): RelationshipCount[] {
  const counts = new Map<string, RelationshipCount>();
  for (const r of all) {
    const direction: Direction = r.from === entity.key ? 'OUT' : 'IN';
    const id = `${r.type} ${direction}`;
    const count = counts.get(id) ?? { type: r.type, direction, count: 0 };
    count.count += 1;
    counts.set(id, count);
  }
  return [...counts.values()].sort(
    (a, b) => compareStrings(a.type, b.type) || compareStrings(a.direction, b.direction),
  );
}

/** Entity.relationshipCounts: every relationship, counted. */
const RELATIONSHIP_COUNTS: RelatedField = {
  read: () => ({ types: null, direction: 'BOTH', otherKind: null }),
  needsEvidence: () => false,
  ordersByOtherEnd: false,
  answer: (entity, related) =>
    countRelationships(
      entity,
      related.map((r) => r.relationship),
    ),
  items: 'none',
  itemPath: [],
};

interface RelationshipsArgs extends PageArgs {
  types?: readonly RelationshipType[] | null;
  direction?: Direction | null;
  modality?: readonly Modality[] | null;
}

/** Entity.relationships: a page of them by key, of some types, one way, asserted in some ways. */
const RELATIONSHIPS: RelatedField<RelationshipsArgs> = {
  read: (args) => ({
    types: enumFilter(RELATIONSHIP_TYPES, args.types),
    direction: args.direction ?? 'BOTH',
    otherKind: null,
  }),
  needsEvidence: (args) => (args.modality?.length ?? 0) > 0,
  ordersByOtherEnd: false,
  // the store pages by key when no modality filter has to look at each one's evidence first
  page: (args) => ((args.modality?.length ?? 0) > 0 ? null : pageOf(args)),
  answer: (_entity, related, args, paged) => {
    const relationships = related.map((r) => r.relationship);
    if (paged) return connectionOf(relationships, paged.offset, paged.totalCount);
    return sliceConnection(
      relationships.filter((r) => assertedAs(r.evidence, args.modality)),
      args,
    );
  },
  items: 'relationships',
  itemPath: ['edges', 'node'],
};

EntityRef.implement({
  description: 'A person, organisation, production, location or event that a source names or describes.',
  interfaces: [builder.nodeInterfaceRef()],
  resolveType: (entity) => KIND_NAME[entity.kind],
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable slug, e.g. "alec-baldwin".' }),
    kind: t.field({ type: EntityKindEnum, description: 'What it is.', resolve: (e) => e.kind }),
    name: t.exposeString('name', { description: 'The name as the sources spell it.' }),
    aliases: t.exposeStringList('aliases', { description: 'Other names the sources use for it.' }),
    summary: t.exposeString('summary', { nullable: true, description: 'One line, in the terms of its sources.' }),
    mentions: t.field({
      type: [EvidenceRef],
      description: 'Where the sources name or describe it; never empty.',
      resolve: (e) => e.mentions,
    }),
    relationshipCounts: t.field({
      type: [RelationshipCountRef],
      description: 'How many relationships it has per type and direction: what a front end offers to expand.',
      ...relatedResolver(RELATIONSHIP_COUNTS),
    }),
    relationships: t.field({
      type: RelationshipConnection,
      description: 'Its relationships, by key, optionally of some types and one direction.',
      args: {
        types: t.arg({
          type: [RelationshipTypeEnum],
          required: false,
          description: 'Only these types (all when empty).',
        }),
        direction: t.arg({
          type: DirectionEnum,
          required: false,
          defaultValue: 'BOTH',
          description: 'OUT: from this entity; IN: to it.',
        }),
        first: t.arg.int({ required: false, defaultValue: DEFAULT_PAGE_SIZE, description: 'At most 100.' }),
        after: t.arg.string({ required: false, description: 'The cursor of the edge to start after.' }),
        modality: t.arg({ type: [ModalityEnum], required: false, description: MODALITY_ARG }),
      },
      ...relatedResolver(RELATIONSHIPS),
    }),
  }),
});

builder.queryField('entity', (t) =>
  t.field({
    type: EntityRef,
    nullable: true,
    description: 'An entity by kind and key, e.g. entity(kind: PERSON, key: "alec-baldwin"); null when there is none.',
    args: {
      kind: t.arg({ type: EntityKindEnum, required: true, description: 'What it is.' }),
      key: t.arg.string({ required: true, description: 'Its key, e.g. "alec-baldwin".' }),
    },
    resolve: async (_root, { kind, key }, context, info) => {
      const { loaders, store } = context;
      const readAhead = treeReader(context, info, [kind]);
      const [read] = readAhead ? (await readAhead({ keys: [key] })).entities : [];
      if (read) return read.kind === kind ? read : null;
      // a key merged away resolves to the entity it was merged into
      const current = await currentEntity(key, loaders, store);
      return current?.kind === kind ? current : null;
    },
  }),
);
