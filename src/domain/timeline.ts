/**
 * The order of events (API.md): by date, less precise dates first within their period, then by
 * first mention in the sources; events without a date after all dated ones. Encoded as one string
 * key so that both stores sort by the same thing (Neo4j keeps it as the `timelineKey` property).
 */
import type { Entity } from './model.js';
import { compareEvidence, compareStrings } from './ordering.js';
import { parsePartialDate, type DatePrecision, type PartialDate } from './partialDate.js';

const PRECISION_RANK: Record<DatePrecision, number> = { YEAR: 0, MONTH: 1, DAY: 2 };

export function timelineKey(event: Pick<Entity, 'date' | 'mentions'>): string {
  const first = [...event.mentions].sort(compareEvidence)[0];
  const mention = first ? `${first.sourceKey}|${String(first.start).padStart(10, '0')}` : '';
  const date = event.date ? parsePartialDate(event.date) : null;
  return date ? `0|${date.earliest}|${PRECISION_RANK[date.precision]}|${mention}` : `1|${mention}`;
}

/** `items` in timeline order (by the timeline key of their event, then its key); each key computed once. */
export function inTimelineOrder<T>(
  items: readonly T[],
  eventOf: (item: T) => Pick<Entity, 'key' | 'date' | 'mentions'>,
): T[] {
  return items
    .map((item) => {
      const event = eventOf(item);
      return { item, event, order: timelineKey(event) };
    })
    .sort((a, b) => compareStrings(a.order, b.order) || compareStrings(a.event.key, b.event.key))
    .map(({ item }) => item);
}

/** A date range from a filter: "2021" means all of 2021, "2021-11-03" that day. */
export interface DateRange {
  from: string | null;
  to: string | null;
}

/** Whether an event's period overlaps [from, to] (ISO days, inclusive). Undated events never do. */
export function overlaps(date: PartialDate | null, range: DateRange): boolean {
  if (!range.from && !range.to) return true;
  if (!date) return false;
  return (!range.to || date.earliest <= range.to) && (!range.from || date.latest >= range.from);
}
