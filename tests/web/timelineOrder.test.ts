/** The explorer's timeline order: dated events by date, undated ones placed by what led to what. */
import { describe, expect, it } from 'vitest';
import { orderTimeline } from '../../web/src/timelineOrder.js';

type E = { id: string; date?: string };

/** The ids in timeline order, undated ones marked with a `?`: "a b? c". */
function ordered(events: E[], ledTo: [string, string][]): string {
  return orderTimeline(
    events,
    (e) => e.id,
    (e) => Boolean(e.date),
    ledTo,
  )
    .map((o) => `${o.event.id}${o.undated ? '?' : ''}`)
    .join(' ');
}

describe('the timeline order', () => {
  it('keeps dated events in date order', () => {
    expect(
      ordered(
        [
          { id: 'a', date: '2020' },
          { id: 'b', date: '2021' },
        ],
        [],
      ),
    ).toBe('a b');
  });

  it('places an undated chain after its dated cause, not at the end in mention order', () => {
    // the Rust case's shape: one dated incident, then what followed from it, mentioned out of order
    const events = [{ id: 'incident', date: '2021-11' }, { id: 'cleared' }, { id: 'halt' }, { id: 'charges' }];
    const ledTo: [string, string][] = [
      ['incident', 'halt'],
      ['halt', 'charges'],
      ['charges', 'cleared'],
    ];
    expect(ordered(events, ledTo)).toBe('incident halt? charges? cleared?');
  });

  it('puts an undated cause right before the dated event it led to', () => {
    const events = [{ id: 'a', date: '2020' }, { id: 'c', date: '2022' }, { id: 'b' }];
    expect(ordered(events, [['b', 'c']])).toBe('a b? c');
  });

  it('places consequences of dated events between the right dates', () => {
    const events = [{ id: 'a', date: '2020' }, { id: 'c', date: '2022' }, { id: 'b' }];
    expect(ordered(events, [['a', 'b']])).toBe('a b? c');
  });

  it('orders several roots and their branches, and leaves events linked to nothing at the end', () => {
    const events = [{ id: 'x' }, { id: 'r1' }, { id: 'r2' }, { id: 'r1a' }, { id: 'r2a' }, { id: 'join' }];
    const ledTo: [string, string][] = [
      ['r1', 'r1a'],
      ['r2', 'r2a'],
      ['r1a', 'join'],
      ['r2a', 'join'],
    ];
    const order = ordered(events, ledTo).split(' ');
    const at = (id: string) => order.indexOf(`${id}?`);
    expect(at('r1')).toBeLessThan(at('r1a'));
    expect(at('r2')).toBeLessThan(at('r2a'));
    expect(at('join')).toBeGreaterThan(Math.max(at('r1a'), at('r2a')));
    expect(order.at(-1)).toBe('x?');
    expect(order).toHaveLength(6);
  });

  it('survives a cycle, placing every event once', () => {
    const events = [{ id: 'a', date: '2020' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];
    const ledTo: [string, string][] = [
      ['b', 'c'],
      ['c', 'd'],
      ['d', 'b'],
      ['a', 'b'],
    ];
    const order = ordered(events, ledTo);
    expect(order.split(' ').sort()).toEqual(['a', 'b?', 'c?', 'd?']);
    expect(order.startsWith('a b? c? d?')).toBe(true);
  });

  it('keeps the dates when a link contradicts them', () => {
    const events = [
      { id: 'early', date: '2020' },
      { id: 'late', date: '2022' },
    ];
    expect(ordered(events, [['late', 'early']])).toBe('early late');
  });

  it('ignores links to events it was not given, and links of an event to itself', () => {
    expect(
      ordered(
        [{ id: 'a' }, { id: 'b' }],
        [
          ['zz', 'a'],
          ['b', 'b'],
          ['b', 'a'],
        ],
      ),
    ).toBe('b? a?');
  });
});
