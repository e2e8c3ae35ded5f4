/** Filters on entity lists and events, in domain terms (keys, not global IDs). */

/**
 * A filter on enum values (kinds, relationship types) as asked: null when it keeps everything (none
 * given, or an empty list), otherwise each value once, in `all`'s order. A list variable may repeat
 * one value a hundred thousand times within the body limit, and the stores test every entity or
 * relationship against the list (or write it into a query): this is its size after.
 */
export function enumFilter<T>(all: readonly T[], asked: readonly T[] | null | undefined): T[] | null {
  if (!asked || asked.length === 0) return null;
  const wanted = new Set(asked);
  return all.filter((value) => wanted.has(value));
}

export interface EntityFilter {
  /** Normalised for search (see normaliseForSearch); matched inside the normalised name. */
  nameContains?: string | null;
  keys?: readonly string[] | null;
  /** Source key: only entities that source mentions. */
  mentionedIn?: string | null;
}

/** Whether `filter` keeps every entity: no name text (an empty one matches all), no keys list, no source. */
export function keepsEveryEntity(filter: EntityFilter): boolean {
  return !filter.nameContains && (filter.keys ?? null) === null && (filter.mentionedIn ?? null) === null;
}

export interface EventFilter {
  eventTypes?: readonly string[] | null;
  /** ISO days: the event's period must overlap [from, to]. */
  from?: string | null;
  to?: string | null;
  /** Entity key: only events it took part in or that concern it. */
  involving?: string | null;
  /** Production key: only events that concern it. */
  production?: string | null;
}

export type OrderDirection = 'ASC' | 'DESC';
