/**
 * The EVENT suggestions a reading proposes: one per thing that happened, however many sentences
 * name it ("was convicted of" and "her conviction" for the same person are one conviction).
 */
import type { DateMention, EntitySuggestion, TextSpan } from '../../domain/suggestions.js';

export class EventBook {
  readonly events: EntitySuggestion[] = [];
  private readonly byIdentity = new Map<string, EntitySuggestion>();
  private next: number;

  /** `takenKeys`: the keys of the context's entities; new events continue their numbering. */
  constructor(takenKeys: readonly string[]) {
    let max = 0;
    for (const key of takenKeys) {
      const n = /^e(\d+)$/.exec(key);
      if (n) max = Math.max(max, Number(n[1]));
    }
    this.next = max + 1;
  }

  /**
   * The event of this type with these participants (created when new), with `mention` added.
   * `identity` tells events apart: the type and the keys of the parties it happened to.
   */
  record(
    eventType: string,
    identity: string,
    name: string,
    mention: TextSpan,
    date: DateMention | null,
  ): EntitySuggestion {
    const id = `${eventType}|${identity}`;
    let event = this.byIdentity.get(id);
    if (!event) {
      event = {
        key: `e${this.next++}`,
        status: 'OPEN',
        kind: 'EVENT',
        name,
        mentions: [],
        confidence: 0.6,
        occupations: [],
        eventType,
        date: null,
        candidates: [],
        sameAs: null,
        newKey: '',
        decision: null,
      };
      this.byIdentity.set(id, event);
      this.events.push(event);
    }
    this.mention(event, mention);
    if (event.date === null && date) event.date = date.date;
    return event;
  }

  /** Adds the words that name an event again, unless they overlap words already recorded. */
  mention(event: EntitySuggestion, span: TextSpan): void {
    if (event.mentions.some((m) => m.start < span.end && span.start < m.end)) return;
    event.mentions.push(span);
    event.mentions.sort((a, b) => a.start - b.start);
  }

  /** The latest event of a type, for "the trial" after "Baldwin’s trial". */
  latest(eventType: string): EntitySuggestion | undefined {
    for (let i = this.events.length - 1; i >= 0; i--) {
      const event = this.events[i] as EntitySuggestion;
      if (event.eventType === eventType) return event;
    }
    return undefined;
  }
}
