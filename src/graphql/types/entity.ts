/** The Entity interface: what every person, organisation, production, location and event shares. */
import { KIND_NAME, type Direction, type RelationshipType } from '../../domain/kinds.js';
import type { Entity, Relationship } from '../../domain/model.js';
import { compareStrings } from '../../domain/ordering.js';
import { assertedAs } from '../../domain/claims.js';
import type { GraphStore } from '../../store/graphStore.js';
import { builder } from '../builder.js';
import type { Loaders } from '../loaders.js';
import { MODALITY_ARG, ModalityEnum } from './claims.js';
import { EntityRef } from '../refs.js';
import { DEFAULT_PAGE_SIZE, sliceConnection } from '../pagination.js';
import { DirectionEnum, EntityKindEnum, RelationshipTypeEnum } from './enums.js';
import { EvidenceRef } from '../refs.js';
import { RelationshipConnection, RelationshipCountRef, type RelationshipCount } from './relationship.js';

/** The relationships of `entity` of the given types that point the given way. */
function selectRelationships(
  entity: Entity,
  all: Relationship[],
  types: readonly RelationshipType[] | null | undefined,
  direction: Direction,
): Relationship[] {
  return all.filter(
    (r) =>
      (!types || types.length === 0 || types.includes(r.type)) &&
      (direction === 'BOTH' || (direction === 'OUT' ? r.from === entity.key : r.to === entity.key)),
  );
}

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

async function survivorOf(key: string, store: GraphStore, loaders: Loaders): Promise<Entity | null> {
  const [survivor] = await store.survivorsOf([key]);
  return survivor ? loaders.entity.load(survivor) : null;
}

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
      resolve: async (e, _args, { loaders }) =>
        countRelationships(
          e,
          (await loaders.related.load(e.key)).map((r) => r.relationship),
        ),
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
      resolve: async (e, args, { loaders }) => {
        const all = (await loaders.related.load(e.key)).map((r) => r.relationship);
        const selected = selectRelationships(e, all, args.types, args.direction ?? 'BOTH');
        return sliceConnection(
          selected.filter((r) => assertedAs(r.evidence, args.modality)),
          args,
        );
      },
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
    resolve: async (_root, { kind, key }, { loaders, store }) => {
      // a key merged away resolves to the entity it was merged into
      const current = (await loaders.entity.load(key)) ?? (await survivorOf(key, store, loaders));
      return current?.kind === kind ? current : null;
    },
  }),
);
