/**
 * The port between the API and the data: the case graph in domain terms. Resolvers see only this;
 * the Neo4j and embedded adapters implement it, and one contract suite holds both to it.
 *
 * Batch methods take a list of keys and answer in the order of those keys (null, or an empty list,
 * where a key names nothing), so that per-request DataLoaders can sit directly on them.
 */
import type { EntityFilter, EventFilter, OrderDirection } from '../domain/filters.js';
import type { EntityKind, RelationshipType } from '../domain/kinds.js';
import type { CaseGraph, Entity, Relationship, Source } from '../domain/model.js';
import type { SearchHit } from '../domain/search.js';
import type { CypherAnswer, CypherLimits } from './cypher.js';

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

export interface GraphStore {
  /** "neo4j" or "embedded", for logs and /ready. */
  readonly name: string;

  countByKind(): Promise<KindCounts>;
  /** Entities of a kind, by name then key. */
  listEntities(kind: EntityKind, filter: EntityFilter, page: Page): Promise<EntityPage>;
  /** Events in timeline order (domain/timeline.ts), or its exact reverse; every match when `page` is null. */
  listEvents(filter: EventFilter, order: OrderDirection, page: Page | null): Promise<EntityPage>;
  /** Names and aliases matching the normalised `text`, best first (domain/search.ts), at most `limit`. */
  search(text: string, kinds: readonly EntityKind[] | null, limit: number): Promise<SearchHit[]>;
  entitiesByKeys(keys: readonly string[]): Promise<(Entity | null)[]>;
  /**
   * Each entity's relationships, both directions, ordered by key, each with the entity at its other
   * end: one round trip answers "who is linked to these, and how".
   */
  relationshipsOf(entityKeys: readonly string[]): Promise<RelatedEntity[][]>;
  relationshipsByKeys(keys: readonly string[]): Promise<(Relationship | null)[]>;
  /** For each entity, the keys of the entities linked to it either way by `types` (all when null), in key order. */
  neighbourKeys(keys: readonly string[], types: readonly RelationshipType[] | null): Promise<string[][]>;
  /** Every relationship of `types` (all when null) whose two ends are both among `keys`, by key. */
  relationshipsAmong(keys: readonly string[], types: readonly RelationshipType[] | null): Promise<Relationship[]>;
  /** Ordered by key. */
  sources(): Promise<Source[]>;
  sourcesByKeys(keys: readonly string[]): Promise<(Source | null)[]>;
  /** For each source, the entities it mentions, ordered by name, then key. */
  entitiesMentionedIn(sourceKeys: readonly string[]): Promise<Entity[][]>;

  /**
   * Stores that speak Cypher run an analyst's query read-only; others leave this out.
   * Throws a CypherRefusal for a write, a timeout or an invalid query.
   */
  readOnlyCypher?(query: string, parameters: Record<string, unknown>, limits: CypherLimits): Promise<CypherAnswer>;

  /** Throws when the store cannot answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
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
