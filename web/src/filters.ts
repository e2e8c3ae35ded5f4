/** What the filters keep: kinds, relationship types, modalities of evidence, and events' dates. */
import { parsePartialDate } from '@case-graph/domain/partialDate.js';
import type { ViewEdge, ViewNode } from './graphTypes.js';
import type { Period } from './toView.js';
import type { FilterState } from './urlState.js';

export interface Keep {
  node(n: ViewNode): boolean;
  edge(e: ViewEdge): boolean;
}

/** "2021" as a bound: from its first day (a lower bound) or to its last (an upper one); null when not a date. */
export function boundOf(text: string | null, side: 'from' | 'to'): string | null {
  const date = text ? parsePartialDate(text.trim()) : null;
  return date ? (side === 'from' ? date.earliest : date.latest) : null;
}

/**
 * The predicates for GraphView.filter, or null when nothing is filtered. An event is kept by the
 * dates when its period overlaps the range; an undated event is kept (its date is unknown, not
 * outside), and so is every entity that is not an event.
 */
export function keepFor(filters: FilterState, periodOf: (id: string) => Period | undefined): Keep | null {
  const from = boundOf(filters.from, 'from');
  const to = boundOf(filters.to, 'to');
  const kinds = filters.kinds ? new Set(filters.kinds) : null;
  const types = filters.types ? new Set(filters.types) : null;
  const modalities = filters.modalities ? new Set(filters.modalities) : null;
  if (!kinds && !types && !modalities && !from && !to) return null;
  const keepNode = (n: ViewNode): boolean => {
    if (kinds && !kinds.has(n.kind)) return false;
    const period = periodOf(n.id);
    if (!period) return true;
    return (!to || period.earliest <= to) && (!from || period.latest >= from);
  };
  return {
    node: keepNode,
    edge: (e) => (!types || types.has(e.type)) && (!modalities || e.modalities.some((m) => modalities.has(m))),
  };
}

/** True when `filters` hide something: the page then says so beside the count. */
export const isFiltering = (filters: FilterState): boolean =>
  Boolean(
    filters.kinds || filters.types || filters.modalities || boundOf(filters.from, 'from') || boundOf(filters.to, 'to'),
  );
