/**
 * The timeline's order when most events have no date. Dated events keep their order (by date);
 * an undated event is placed by the causal links between events (LED_TO): after its causes and
 * before its consequences. Links that contradict the dates, or each other (a cycle), cannot all be
 * kept: the earliest event left then goes next, and the order carries on from it.
 */

export interface OrderedEvent<T> {
  event: T;
  /** True when the event has no date: its place comes from its causes and consequences only. */
  undated: boolean;
}

/**
 * `events` in timeline order. `events` comes in the API's order (dated by date, then undated);
 * `dated` tells which have a date; `ledTo` the links, as [cause id, consequence id].
 *
 * Among the events whose causes are all placed, the next is, in this preference: an undated event
 * with a cause (right after its causes), the next dated event, an undated event that leads to
 * others (right before its first consequence waiting for it), then undated events linked to none.
 */
export function orderTimeline<T>(
  events: readonly T[],
  idOf: (event: T) => string,
  dated: (event: T) => boolean,
  ledTo: readonly (readonly [string, string])[],
): OrderedEvent<T>[] {
  const index = new Map(events.map((e, i) => [idOf(e), i]));
  const causes = events.map(() => new Set<number>());
  const consequences = events.map(() => new Set<number>());
  const link = (from: number, to: number) => {
    if (from === to) return;
    causes[to]!.add(from);
    consequences[from]!.add(to);
  };
  for (const [from, to] of ledTo) {
    const f = index.get(from);
    const t = index.get(to);
    if (f !== undefined && t !== undefined) link(f, t);
  }
  // what the dates say is a link too: each dated event comes after the dated one before it
  const hasLinks = events.map((_, i) => causes[i]!.size > 0 || consequences[i]!.size > 0);
  const datedIndexes = events.flatMap((e, i) => (dated(e) ? [i] : []));
  for (let k = 1; k < datedIndexes.length; k++) link(datedIndexes[k - 1]!, datedIndexes[k]!);

  const tier = (i: number): number => {
    if (dated(events[i]!)) return 1;
    if (!hasLinks[i]) return 3;
    return causes[i]!.size > 0 ? 0 : 2;
  };
  const placed = new Set<number>();
  const order: OrderedEvent<T>[] = [];
  /** How many of each event's causes are not placed yet. */
  const waitingOn = causes.map((c) => c.size);
  const tiers = events.map((_, i) => tier(i));
  while (order.length < events.length) {
    let next = -1;
    for (let i = 0; i < events.length; i++) {
      if (placed.has(i) || waitingOn[i]! > 0) continue;
      if (next < 0 || tiers[i]! < tiers[next]!) next = i;
      if (tiers[next]! === 0) break;
    }
    // a cycle: nothing is free, so the earliest event left goes next
    if (next < 0) next = events.findIndex((_, i) => !placed.has(i));
    placed.add(next);
    for (const c of consequences[next]!) waitingOn[c]!--;
    order.push({ event: events[next]!, undated: !dated(events[next]!) });
  }
  return order;
}
