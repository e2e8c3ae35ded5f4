/**
 * The port between the API and the data: the case graph in domain terms. Resolvers see only this;
 * the Neo4j and embedded adapters implement it, and one contract suite holds both to it.
 *
 * Batch methods take a list of keys and answer in the order of those keys (null, or an empty list,
 * where a key names nothing), so that per-request DataLoaders can sit directly on them.
 */
import type { EntityFilter, EventFilter, OrderDirection } from '../domain/filters.js';
import type { EntityKind, RelationshipType } from '../domain/kinds.js';
import type { Change, Edit } from '../domain/changes.js';
import type { CaseGraph, Entity, Relationship, Source } from '../domain/model.js';
import type { SearchHit } from '../domain/search.js';
import type { Draft } from '../domain/suggestions.js';
import type { CypherAnswer, CypherLimits } from './cypher.js';
import type { EntityProperties, EntityTreePage, EntityTreePlan, EntityTreeRoots } from './entityTrees.js';

export interface Page {
  offset: number;
  limit: number;
}

export interface EntityPage {
  /** Ordered by name, then key. */
  items: Entity[];
  totalCount: number;
}

export type KindCounts = Record<EntityKind, number>;

/** A relationship seen from one of its ends, with the entity at the other end. */
export interface RelatedEntity {
  relationship: Relationship;
  /** The other end (the entity itself for a relationship to itself). */
  entity: Entity;
}

/** An entity and how many relationships of the domain types (kinds.ts) touch it, either way. */
export interface ConnectedEntity {
  entity: Entity;
  /** A relationship from the entity to itself counts once. */
  degree: number;
}

/**
 * What a neighbourhood read returns of its entities and relationships: the entity properties asked
 * (key, kind and name always), and whether each relationship's role and evidence are read (its
 * key, type and ends always are). Everything when absent.
 */
export interface NeighbourhoodSelection {
  entity: EntityProperties;
  role: boolean;
  evidence: boolean;
}

/** A neighbourhood as read at once: the entities (the focus first, then by hop, then by key), the relationships among them by key. */
export interface NeighbourhoodRead {
  entities: Entity[];
  relationships: Relationship[];
  truncated: boolean;
}

export interface GraphStore {
  /** "neo4j" or "embedded", for logs and /ready. */
  readonly name: string;

  countByKind(): Promise<KindCounts>;
  /**
   * Entities of a kind, by name then key. This and the two below take the entity properties the
   * caller will read (`properties`; key, kind and name always are): a store may read only those,
   * and leave the others empty. Every property when it is absent.
   */
  listEntities(kind: EntityKind, filter: EntityFilter, page: Page, properties?: EntityProperties): Promise<EntityPage>;
  /** Events in timeline order (domain/timeline.ts), or its exact reverse; every match when `page` is null. */
  listEvents(
    filter: EventFilter,
    order: OrderDirection,
    page: Page | null,
    properties?: EntityProperties,
  ): Promise<EntityPage>;
  /** Names and aliases matching the normalised `text`, best first (domain/search.ts), at most `limit`. */
  search(
    text: string,
    kinds: readonly EntityKind[] | null,
    limit: number,
    properties?: EntityProperties,
  ): Promise<SearchHit[]>;
  /** The `limit` entities (of `kinds`, all when null) with the most relationships, most first; ties by name, then key. */
  mostConnected(kinds: readonly EntityKind[] | null, limit: number): Promise<ConnectedEntity[]>;
  entitiesByKeys(keys: readonly string[]): Promise<(Entity | null)[]>;
  /**
   * Each entity's relationships, both directions, ordered by key, each with the entity at its other
   * end: one round trip answers "who is linked to these, and how".
   */
  relationshipsOf(entityKeys: readonly string[]): Promise<RelatedEntity[][]>;
  /**
   * Stores that can read a whole nested selection in one round trip do so here (Neo4j); others
   * leave this out and are read level by level through the methods above.
   */
  entityTrees?(roots: EntityTreeRoots, plan: EntityTreePlan): Promise<EntityTreePage>;
  relationshipsByKeys(keys: readonly string[]): Promise<(Relationship | null)[]>;
  /** For each entity, the keys of the entities linked to it either way by `types` (all when null), in key order. */
  neighbourKeys(keys: readonly string[], types: readonly RelationshipType[] | null): Promise<string[][]>;
  /**
   * Stores that can read a whole neighbourhood in one round trip do so here (Neo4j): exactly what
   * explore/neighbourhood.ts's walk over neighbourKeys and relationshipsAmong gives. Others leave
   * this out.
   */
  neighbourhoodOf?(
    focusKey: string,
    depth: number,
    types: readonly RelationshipType[] | null,
    limit: number,
    selection?: NeighbourhoodSelection,
  ): Promise<NeighbourhoodRead>;
  /** Every relationship of `types` (all when null) whose two ends are both among `keys`, by key. */
  relationshipsAmong(keys: readonly string[], types: readonly RelationshipType[] | null): Promise<Relationship[]>;
  /** Ordered by key. */
  sources(): Promise<Source[]>;
  sourcesByKeys(keys: readonly string[]): Promise<(Source | null)[]>;
  /** For each source, the entities it mentions, ordered by name, then key. */
  entitiesMentionedIn(sourceKeys: readonly string[]): Promise<Entity[][]>;

  /** For each source, what a reading of it suggests (null when it was never read). */
  draftsOf(sourceKeys: readonly string[]): Promise<(Draft | null)[]>;
  /**
   * Entities whose name or an alias has one of `words` as a whole word, compared normalised
   * (domain/search.ts): where ingest looks for what a new text may name. At most `limit`, by key.
   */
  entitiesNamedWith(words: readonly string[], limit: number): Promise<Entity[]>;

  /** For each key, the key of the entity it was merged into (null when it names no merged entity). */
  survivorsOf(formerKeys: readonly string[]): Promise<(string | null)[]>;
  /** The audit trail, newest first; only the changes touching `entityKey` when given. */
  changes(entityKey: string | null, page: Page): Promise<{ items: Change[]; totalCount: number }>;
  /**
   * Runs `work` as one write, serialised with every other write to this store: what it reads is
   * current, and its commit is all or nothing. A throw from `work` writes nothing.
   */
  write<T>(work: (tx: WriteTransaction) => Promise<T>): Promise<T>;

  /**
   * Stores that speak Cypher run an analyst's query read-only; others leave this out.
   * Throws a CypherRefusal for a write, a timeout or an invalid query.
   */
  readOnlyCypher?(query: string, parameters: Record<string, unknown>, limits: CypherLimits): Promise<CypherAnswer>;

  /** Throws when the store cannot answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** What a write may read and then commit, inside the store's write transaction. */
export interface WriteTransaction {
  sourcesByKeys(keys: readonly string[]): Promise<(Source | null)[]>;
  entitiesByKeys(keys: readonly string[]): Promise<(Entity | null)[]>;
  draftsOf(sourceKeys: readonly string[]): Promise<(Draft | null)[]>;
  /** Current entity keys for keys that may be former ones (merged away); null where a key names nothing. */
  survivorsOf(keys: readonly string[]): Promise<(string | null)[]>;
  /**
   * Stores that can read a whole nested selection in one round trip do so here (Neo4j); others
   * leave this out and are read level by level through the methods above.
   */
  entityTrees?(roots: EntityTreeRoots, plan: EntityTreePlan): Promise<EntityTreePage>;
  relationshipsByKeys(keys: readonly string[]): Promise<(Relationship | null)[]>;
  /** Every relationship touching any of these entities, each once, by key. */
  relationshipsTouching(entityKeys: readonly string[]): Promise<Relationship[]>;
  changeBySeq(seq: number): Promise<Change | null>;
  /** Changes after `seq` that touched any of these entity keys, oldest first. */
  changesAfter(seq: number, entityKeys: readonly string[]): Promise<Change[]>;
  /** Applies the edit and records its change; returns the change as recorded (with seq and time). */
  commit(edit: Edit): Promise<Change>;
}

/** The store cannot answer now (unreachable, overloaded, too slow): the API reports STORE_UNAVAILABLE. */
export class StoreUnavailable extends Error {
  constructor(
    readonly storeName: string,
    cause?: unknown,
  ) {
    super(`the ${storeName} store is unavailable`, { cause });
    this.name = 'StoreUnavailable';
  }
}

/** What loading a case graph into a store wrote, for the seed command to print. */
export interface LoadSummary {
  sources: number;
  entities: number;
  relationships: number;
  evidence: number;
}

export function summarise(graph: CaseGraph): LoadSummary {
  return {
    sources: graph.sources.length,
    entities: graph.entities.length,
    relationships: graph.relationships.length,
    evidence:
      graph.entities.reduce((n, e) => n + e.mentions.length, 0) +
      graph.relationships.reduce((n, r) => n + r.evidence.length, 0),
  };
}
