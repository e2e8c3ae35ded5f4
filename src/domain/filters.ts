/** Filters on entity lists and events, in domain terms (keys, not global IDs). */

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
