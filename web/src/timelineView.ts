/** The timeline: every event, dated ones by date and undated ones where their causes put them. */
import { button, byId, element } from './dom.js';
import type { TimelineEvent } from './queries.js';
import { orderTimeline } from './timelineOrder.js';

/** A case with thousands of events shows the first ones, and says how many more there are. */
const MOST_SHOWN = 200;

export function renderTimeline(events: readonly TimelineEvent[], onPick: (id: string) => void): void {
  const dated = (e: TimelineEvent) => 'date' in e && e.date !== null;
  const ledTo = events.flatMap((e) => e.consequences.map((c) => [e.id, c.id] as const));
  const ordered = orderTimeline(events, (e) => e.id, dated, ledTo);
  const items = ordered.slice(0, MOST_SHOWN).map(({ event, undated }) => {
    const item = element('li', '', undated ? 'undated' : '');
    const date = 'date' in event && event.date ? event.date.text : 'undated';
    const pick = button('', () => onPick(event.id));
    pick.dataset.id = event.id;
    pick.append(element('span', date, 'date'), element('span', event.name, 'name'));
    if (undated) pick.title = 'No date given: placed after what led to it and before what it led to';
    item.append(pick);
    return item;
  });
  const more = ordered.length - items.length;
  byId('timeline').replaceChildren(...items);
  byId('timeline-note').textContent =
    (ordered.some((o) => o.undated) ? 'Undated events are placed by what led to them. ' : '') +
    (more > 0 ? `The first ${MOST_SHOWN} of ${ordered.length.toLocaleString('en')} events.` : '');
}

/** Marks the selected event on the timeline (none when `id` is not an event). */
export function markTimeline(id: string | null): void {
  for (const b of byId('timeline').querySelectorAll<HTMLButtonElement>('button')) {
    b.setAttribute('aria-pressed', String(b.dataset.id === id));
  }
}
