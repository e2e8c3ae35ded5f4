/** Relationship: a typed, evidenced link between two entities. */
import type { Direction, RelationshipType } from '../../domain/kinds.js';
import { builder } from '../builder.js';
import { endResolver } from '../prefetch/prefetched.js';
import { DirectionEnum, RelationshipTypeEnum } from './enums.js';
import { EntityRef, EvidenceRef, RelationshipRef } from '../refs.js';

export interface RelationshipCount {
  type: RelationshipType;
  direction: Direction;
  count: number;
}

builder.node(RelationshipRef, {
  description: 'A typed link between two entities, with the words of the sources that state it.',
  id: { resolve: (r) => r.key },
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'evidence' in value && 'from' in value,
  loadManyWithoutCache: (keys, { loaders }) => keys.map((key) => loaders.relationship.load(key)),
  fields: (t) => ({
    type: t.field({ type: RelationshipTypeEnum, description: 'What kind of link.', resolve: (r) => r.type }),
    from: t.field({
      type: EntityRef,
      description: 'Where it starts (WORKED_ON: the person).',
      ...endResolver('from'),
    }),
    to: t.field({
      type: EntityRef,
      description: 'Where it ends (WORKED_ON: the production).',
      ...endResolver('to'),
    }),
    role: t.exposeString('role', { nullable: true, description: 'E.g. "director", "injured", "legal counsel".' }),
    evidence: t.field({ type: [EvidenceRef], description: 'Never empty.', resolve: (r) => r.evidence }),
  }),
});

export const RelationshipConnection = builder.connectionObject(
  { type: RelationshipRef, name: 'RelationshipConnection', description: 'A page of relationships.' },
  { name: 'RelationshipEdge' },
);

export const RelationshipCountRef = builder.objectRef<RelationshipCount>('RelationshipCount').implement({
  description: 'How many relationships of one type point one way.',
  fields: (t) => ({
    type: t.field({ type: RelationshipTypeEnum, description: 'The relationship type.', resolve: (c) => c.type }),
    direction: t.field({
      type: DirectionEnum,
      description: 'OUT or IN, from the entity asking.',
      resolve: (c) => c.direction,
    }),
    count: t.exposeInt('count', { description: 'How many.' }),
  }),
});
