/**
 * Entity trees: one read for a whole nested selection (issue 11). The GraphQL layer describes what a
 * query will read below some entities (graphql/prefetch/), a store that can answer that in one round
 * trip (Neo4j) does, and the resolvers then read from the tree instead of going back to the store
 * once per level. Only what a plan names is read: an entity's other properties keep their empty
 * values (mapping.ts), which is safe because the plan was built from everything the query selects.
 */
import type { Direction, EntityKind, RelationshipType } from '../domain/kinds.js';
import type { Entity, Relationship } from '../domain/model.js';

/** The properties of an entity node a plan may ask for (src/store/neo4j/mapping.ts reads them). */
export const TREE_ENTITY_PROPERTIES = [
  'key',
  'kind',
  'name',
  'aliases',
  'summary',
  'mentionSources',
  'mentionStarts',
  'mentionEnds',
  'occupations',
  'organisationType',
  'productionType',
  'locationType',
  'eventType',
  'date',
  'formerKeys',
] as const;
export type TreeEntityProperty = (typeof TREE_ENTITY_PROPERTIES)[number];
/** Which properties of some entities a read returns (key, kind and name always). */
export type EntityProperties = readonly TreeEntityProperty[];

/** What to read of some entities. */
export interface EntityTreePlan {
  /** Always including key, kind and name. */
  properties: readonly TreeEntityProperty[];
  related: readonly RelatedTreePlan[];
}

/** One field's worth of an entity's relationships: which ones, and what to read at their ends. */
export interface RelatedTreePlan {
  /** Only for entities of these kinds (a field of one kind's type); all kinds when null. */
  forKinds: readonly EntityKind[] | null;
  /** Relationship types; every domain type when null. */
  types: readonly RelationshipType[] | null;
  direction: Direction;
  /** Only relationships whose other end is of this kind. */
  otherKind: EntityKind | null;
  /** Only this page of them, by relationship key; every one when null. */
  page: { offset: number; limit: number } | null;
  /**
   * With a page: whether how many there are in all is read too. Only a selection that shows it
   * (totalCount, pageInfo) needs it, and counting reads every relationship of the entity again.
   */
  counted: boolean;
  /** Whether each relationship's role and evidence are read (its key, type and ends always are). */
  role: boolean;
  evidence: boolean;
  /**
   * Whether the other end is read as related lists are ordered by it (key, kind, name, date, and an
   * event's mentions); otherwise only its key is known. `far` are further readings of it, `near`
   * readings of the entity itself, one per field of the items that leads to an end (a relationship's
   * `from` and `to`, a credit's `person`).
   */
  orderByOther: boolean;
  far: readonly EntityTreePlan[];
  /**
   * When each `far` is read: only where the relationship's `from` (or `to`) is the other end (a
   * field that leads to `from` never needs the other end read when `from` is the entity itself).
   */
  farWhen: readonly ('from' | 'to' | 'either')[];
  /**
   * Null where no end of that index can be the entity itself: a credit's `person`, read from the
   * production, always leads to the other end, so the production is not read again with the
   * person's selection.
   */
  near: readonly (EntityTreePlan | null)[];
}

/** Where the trees start: entities by key (in that order, absent keys left out), or a page of a kind by name. */
export type EntityTreeRoots = { keys: readonly string[] } | { kind: EntityKind; offset: number; limit: number };

export interface EntityTree {
  entity: Entity;
  /** In the plan's order. */
  related: RelatedTree[];
}

export interface RelatedTree {
  /** The entity itself, read once per plan in `near` (null where the plan's is); empty when the plan is not for its kind. */
  near: (EntityTree | null)[];
  /** Ordered by relationship key. */
  items: RelatedTreeItem[];
  /** With a page that is `counted`: how many relationships there are in all. */
  totalCount: number | null;
}

interface RelatedTreeItem {
  relationship: Relationship;
  /** The other end as related lists order it (key, kind, name, date, mentions), or only its key (orderByOther). */
  other: Entity;
  /** The other end once per plan in `far`; null where `farWhen` left it unread. */
  far: (EntityTree | null)[];
}

export interface EntityTreePage {
  trees: EntityTree[];
  /** For a page of a kind: how many entities the kind holds. */
  totalCount: number;
}
