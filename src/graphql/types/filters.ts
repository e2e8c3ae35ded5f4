/** The filter inputs of API.md, turned into domain filters (global IDs to keys, dates to days). */
import type { EntityFilter, EventFilter } from '../../domain/filters.js';
import { parsePartialDate } from '../../domain/partialDate.js';
import { normaliseForSearch } from '../../domain/search.js';
import { builder } from '../builder.js';
import { badUserInput, checkListLength, checkTextLength } from '../errors.js';
import { decodeIdOf, ENTITY_TYPENAMES } from '../globalIds.js';

export const OrderDirectionEnum = builder.enumType('OrderDirection', {
  description: 'ASC: earliest first; DESC: the exact reverse.',
  values: {
    ASC: { description: 'Earliest first.' },
    DESC: { description: 'Latest first: the exact reverse of ASC.' },
  },
});

export const EntityFilterInput = builder.inputType('EntityFilter', {
  description: 'Narrows a list of entities; every condition given must hold.',
  fields: (t) => ({
    nameContains: t.string({
      description: 'Part of the name, ignoring case, accents and the kind of apostrophe; at most 100 characters.',
    }),
    keys: t.stringList({ description: 'Only these keys (at most 100).' }),
    mentionedIn: t.id({ description: 'The ID of a Source: only what it mentions.' }),
  }),
});

export const EventFilterInput = builder.inputType('EventFilter', {
  description: 'Narrows a list of events; every condition given must hold.',
  fields: (t) => ({
    eventTypes: t.stringList({
      description: 'Only events of these types ("incident", "legal decision", ...; at most 100).',
    }),
    from: t.string({
      description:
        'A date ("2021", "2021-11" or "2021-11-03"): only events whose period reaches it or later. Undated events never match a date range.',
    }),
    to: t.string({
      description: 'A date: only events whose period starts by its end ("2021-11" means by 30 November 2021).',
    }),
    involving: t.id({ description: 'The ID of an entity: only events it took part in, or that concern it.' }),
    production: t.id({ description: 'The ID of a Production: only events that concern it.' }),
  }),
});

function dayOf(text: string, field: string, end: 'earliest' | 'latest'): string {
  const date = parsePartialDate(text);
  if (!date) throw badUserInput(`${field} must be a date like 2021, 2021-11 or 2021-11-03, got "${text}"`);
  return date[end];
}

type EntityFilterArg = typeof EntityFilterInput.$inferInput | null | undefined;
type EventFilterArg = typeof EventFilterInput.$inferInput | null | undefined;

export function toEntityFilter(where: EntityFilterArg): EntityFilter {
  return {
    nameContains: where?.nameContains ? normaliseForSearch(checkTextLength(where.nameContains, 'nameContains')) : null,
    keys: where?.keys ? checkListLength(where.keys, 'keys') : null,
    mentionedIn: where?.mentionedIn ? decodeIdOf(String(where.mentionedIn), 'mentionedIn', ['Source']).id : null,
  };
}

export function toEventFilter(where: EventFilterArg): EventFilter {
  return {
    eventTypes: where?.eventTypes ? checkListLength(where.eventTypes, 'eventTypes') : null,
    from: where?.from ? dayOf(where.from, 'from', 'earliest') : null,
    to: where?.to ? dayOf(where.to, 'to', 'latest') : null,
    involving: where?.involving ? decodeIdOf(String(where.involving), 'involving', ENTITY_TYPENAMES).id : null,
    production: where?.production ? decodeIdOf(String(where.production), 'production', ['Production']).id : null,
  };
}
