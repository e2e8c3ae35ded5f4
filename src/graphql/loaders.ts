/**
 * One DataLoader per access pattern, created per request (never shared between users), each on
 * a batch method of the store, so a nested query costs one store round trip per level.
 */
import DataLoader from 'dataloader';
import type { Entity, Relationship, Source } from '../domain/model.js';
import type { Draft } from '../domain/suggestions.js';
import type { GraphStore, RelatedEntity } from '../store/graphStore.js';

export interface Loaders {
  entity: DataLoader<string, Entity | null>;
  relationship: DataLoader<string, Relationship | null>;
  /** An entity's relationships with the entity at each other end (which it also caches). */
  related: DataLoader<string, RelatedEntity[]>;
  source: DataLoader<string, Source | null>;
  entitiesMentionedIn: DataLoader<string, Entity[]>;
  draft: DataLoader<string, Draft | null>;
}

export function createLoaders(store: GraphStore): Loaders {
  const entity = new DataLoader<string, Entity | null>((keys) => store.entitiesByKeys(keys));
  /** Entities read by a list query are cached, so that fields asking for them again cost nothing. */
  const remember = <T extends Entity[] | RelatedEntity[]>(lists: T[]): T[] => {
    for (const list of lists) for (const item of list) primeEntity(entity, 'relationship' in item ? item.entity : item);
    return lists;
  };
  return {
    entity,
    relationship: new DataLoader((keys) => store.relationshipsByKeys(keys)),
    related: new DataLoader((keys) => store.relationshipsOf(keys).then(remember)),
    source: new DataLoader((keys) => store.sourcesByKeys(keys)),
    entitiesMentionedIn: new DataLoader((keys) => store.entitiesMentionedIn(keys).then(remember)),
    draft: new DataLoader((keys) => store.draftsOf(keys)),
  };
}

function primeEntity(loader: DataLoader<string, Entity | null>, entity: Entity): void {
  loader.prime(entity.key, entity);
}

export function primeEntities(loaders: Loaders, entities: Entity[]): void {
  for (const entity of entities) primeEntity(loaders.entity, entity);
}

/** What a loadMany found, in the order asked, leaving out keys that name nothing; a failed load is thrown, never dropped. */
export function existing<T>(results: readonly (T | null | Error)[]): T[] {
  return results
    .filter((result): result is T | Error => result !== null)
    .map((result) => {
      if (result instanceof Error) throw result;
      return result;
    });
}

/**
 * An entity the store must hold, because the store itself named it (an end of a relationship it
 * returned): its absence means a broken store, which is masked, not a client error.
 */
export async function entityThatMustExist(loaders: Loaders, key: string): Promise<Entity> {
  const entity = await loaders.entity.load(key);
  if (!entity) throw new Error(`entity ${key} is missing from the store`);
  return entity;
}

/** The entity a key names now: itself, or, for a key merged away, the entity it was merged into. */
export async function currentEntity(key: string, loaders: Loaders, store: GraphStore): Promise<Entity | null> {
  const entity = await loaders.entity.load(key);
  if (entity) return entity;
  const [survivor] = await store.survivorsOf([key]);
  return survivor ? loaders.entity.load(survivor) : null;
}
