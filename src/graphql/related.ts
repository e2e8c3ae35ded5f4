/** The typed fields of API.md (credits, participants, causes, ...) read an entity's relationships through here. */
import { assertedAs, type Modality } from '../domain/claims.js';
import type { Direction, EntityKind, RelationshipType } from '../domain/kinds.js';
import type { Entity, Relationship } from '../domain/model.js';
import { compareEntities } from '../domain/ordering.js';
import { inTimelineOrder } from '../domain/timeline.js';
import type { RelatedEntity } from '../store/graphStore.js';
import type { Context } from './context.js';

/**
 * `entity`'s relationships of one type pointing one way, optionally only to entities of a kind, and
 * only claims asserted in one of `modalities` (a field's `modality:` argument).
 */
export async function relatedVia(
  entity: Entity,
  { loaders }: Context,
  type: RelationshipType,
  direction: Exclude<Direction, 'BOTH'>,
  kind?: EntityKind,
  modalities?: readonly Modality[] | null,
): Promise<RelatedEntity[]> {
  const all = await loaders.related.load(entity.key);
  return all.filter(
    ({ relationship: r, entity: other }) =>
      r.type === type &&
      (direction === 'OUT' ? r.from === entity.key : r.to === entity.key) &&
      (!kind || other.kind === kind) &&
      assertedAs(r.evidence, modalities),
  );
}

/** Related entities ordered as lists of them are everywhere: events by timeline, the rest by name. */
function byOtherEnd(list: RelatedEntity[]): RelatedEntity[] {
  const events = list.filter((r) => r.entity.kind === 'EVENT');
  const others = list.filter((r) => r.entity.kind !== 'EVENT').sort((a, b) => compareEntities(a.entity, b.entity));
  return [...others, ...inTimelineOrder(events, (r) => r.entity)];
}

/** The relationships themselves (credits, participations), ordered by the entity at their other end. */
export async function relationshipsVia(...args: Parameters<typeof relatedVia>): Promise<Relationship[]> {
  return byOtherEnd(await relatedVia(...args)).map((r) => r.relationship);
}

export async function relatedEntities(...args: Parameters<typeof relatedVia>): Promise<Entity[]> {
  return byOtherEnd(await relatedVia(...args)).map((r) => r.entity);
}

/** The one entity at the end of a relationship that should have at most one (an event's location). */
export async function relatedEntity(...args: Parameters<typeof relatedVia>): Promise<Entity | null> {
  return (await relatedEntities(...args))[0] ?? null;
}
