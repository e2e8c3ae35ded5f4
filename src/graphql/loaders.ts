/**
 * One DataLoader per access pattern, created per request (never shared between users), each on
 * a batch method of the store, so a nested query costs one store round trip per level.
 */
import DataLoader from 'dataloader';
import type { Entity, Relationship, Source } from '../domain/model.js';
import type { GraphStore } from '../store/graphStore.js';

export interface Loaders {
  entity: DataLoader<string, Entity | null>;
  relationship: DataLoader<string, Relationship | null>;
  relationshipsOf: DataLoader<string, Relationship[]>;
  source: DataLoader<string, Source | null>;
  entitiesMentionedIn: DataLoader<string, Entity[]>;
}

export function createLoaders(store: GraphStore): Loaders {
  return {
    entity: new DataLoader((keys) => store.entitiesByKeys(keys)),
    relationship: new DataLoader((keys) => store.relationshipsByKeys(keys)),
    relationshipsOf: new DataLoader((keys) => store.relationshipsOf(keys)),
    source: new DataLoader((keys) => store.sourcesByKeys(keys)),
    entitiesMentionedIn: new DataLoader((keys) => store.entitiesMentionedIn(keys)),
  };
}

/** Entities read by a list query are cached, so that fields asking for them again cost nothing. */
export function primeEntities(loaders: Loaders, entities: Entity[]): void {
  for (const entity of entities) loaders.entity.prime(entity.key, entity);
}
