/**
 * The fields that read an entity's relationships (relationships, relationshipCounts, and the typed
 * fields of API.md: credits, participants, causes, ...) are each a RelatedField: what they read
 * (types, a direction, the kind at the other end) apart from how they answer from it. A resolver
 * reads through the `related` loader; a prefetched tree (prefetch/) has read the same things for a
 * whole query at once, and the same `answer` turns either into the field's value.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { assertedAs, type Modality } from '../domain/claims.js';
import type { Direction, EntityKind, RelationshipType } from '../domain/kinds.js';
import type { Entity } from '../domain/model.js';
import { compareEntities } from '../domain/ordering.js';
import { inTimelineOrder } from '../domain/timeline.js';
import type { RelatedEntity } from '../store/graphStore.js';
import type { Context } from './context.js';
import { prefetchedAnswer } from './prefetch/prefetched.js';

/** Which of an entity's relationships a field reads. */
interface RelatedRead {
  /** Every type when null. */
  types: readonly RelationshipType[] | null;
  direction: Direction;
  /** Only those whose other end is of this kind. */
  otherKind: EntityKind | null;
}

export interface RelatedField<Args = Record<string, unknown>> {
  read(args: Args): RelatedRead;
  /** Whether answering needs each relationship's evidence whatever the query selects (a modality filter). */
  needsEvidence(args: Args): boolean;
  /** Whether `answer` orders by the entity at the other end (name, kind, date, an event's mentions). */
  ordersByOtherEnd: boolean;
  /**
   * The page of them the field answers with, when it can answer from that page and the total alone
   * (the store then reads only the page); throws as `answer` would for arguments it refuses.
   */
  page?(args: Args): { offset: number; limit: number } | null;
  /**
   * The field's value, from the relationships `read` selects (in key order): all of them, or with
   * `paged` only the page (`page`) starting at `offset` of `totalCount`.
   */
  answer(entity: Entity, related: RelatedEntity[], args: Args, paged?: PagedRead | null): unknown;
  /**
   * What the answer holds: relationships (whose ends may be selected), the other ends themselves, or
   * neither (counts); `itemPath` leads from the field's selection to an item's (a connection's
   * edges.node).
   */
  items: 'relationships' | 'entities' | 'none';
  itemPath: readonly string[];
}

/** Where a paged read starts, and how many there were in all. */
interface PagedRead {
  offset: number;
  totalCount: number;
}

/** The extension under which a field of the schema carries its RelatedField, for the prefetch planner. */
export const RELATED_FIELD = 'caseGraphRelatedField';

/** What `read` selects of all an entity's relationships: exactly what a tree plan reads in the store. */
function selectRead(entity: Entity, all: RelatedEntity[], read: RelatedRead): RelatedEntity[] {
  return all.filter(
    ({ relationship: r, entity: other }) =>
      (!read.types || read.types.includes(r.type)) &&
      (read.direction === 'BOTH' || (read.direction === 'OUT' ? r.from === entity.key : r.to === entity.key)) &&
      (!read.otherKind || other.kind === read.otherKind),
  );
}

/**
 * The resolver of a RelatedField and the extensions that name it: the prefetched answer when the
 * query's tree was read at once, else the `related` loader. Not an async function: a prefetched
 * answer is returned as it is, without a promise for the executor to wait on (one per entity of a
 * list of people).
 */
export function relatedResolver<Args>(field: RelatedField<Args>) {
  return {
    extensions: { [RELATED_FIELD]: field },
    resolve: (entity: Entity, args: Args, { loaders }: Context, info: GraphQLResolveInfo) => {
      const prefetched = prefetchedAnswer(entity, info);
      if (prefetched !== undefined) return prefetched as never;
      return loaders.related
        .load(entity.key)
        .then((all) => field.answer(entity, selectRead(entity, all, field.read(args)), args)) as never;
    },
  };
}

/** Related entities ordered as lists of them are everywhere: events by timeline, the rest by name. */
function byOtherEnd(list: RelatedEntity[]): RelatedEntity[] {
  const events = list.filter((r) => r.entity.kind === 'EVENT');
  const others = list.filter((r) => r.entity.kind !== 'EVENT').sort((a, b) => compareEntities(a.entity, b.entity));
  return [...others, ...inTimelineOrder(events, (r) => r.entity)];
}

interface ModalityArgs {
  modality?: readonly Modality[] | null;
}

/**
 * A typed field of API.md: `entity`'s relationships of one type pointing one way, optionally only to
 * entities of a kind and only claims asserted in one of the `modality:` argument's ways, ordered by
 * the other end, answered as the relationships (credits), the entities (causes) or the first entity
 * (an event's location).
 */
export function via(
  type: RelationshipType,
  direction: Exclude<Direction, 'BOTH'>,
  answerAs: 'relationships' | 'entities' | 'entity',
  otherKind?: EntityKind,
) {
  const field: RelatedField<ModalityArgs> = {
    read: () => ({ types: [type], direction, otherKind: otherKind ?? null }),
    needsEvidence: (args) => (args.modality?.length ?? 0) > 0,
    ordersByOtherEnd: true,
    answer: (_entity, related, args) => {
      const ordered = byOtherEnd(related.filter((r) => assertedAs(r.relationship.evidence, args.modality)));
      if (answerAs === 'relationships') return ordered.map((r) => r.relationship);
      if (answerAs === 'entities') return ordered.map((r) => r.entity);
      return ordered[0]?.entity ?? null;
    },
    items: answerAs === 'relationships' ? 'relationships' : 'entities',
    itemPath: [],
  };
  return relatedResolver(field);
}
