/** Event: what happened, when, where, to whom, and what it led to; the events list and the timeline. */
import type { Entity } from '../../domain/model.js';
import { parsePartialDate } from '../../domain/partialDate.js';
import { builder } from '../builder.js';
import { primeEntities } from '../loaders.js';
import { plannedProperties } from '../prefetch/plan.js';
import { foundAgainReader } from '../prefetch/trees.js';
import { connectionOf, pageOf } from '../pagination.js';
import { via } from '../related.js';
import { MODALITY_ARG, ModalityEnum } from './claims.js';
import { ParticipationRef } from '../refs.js';
import { connectionFor, implementEntityKind } from './entityKinds.js';
import { EventFilterInput, OrderDirectionEnum, toEventFilter } from './filters.js';
import { EventRef, LocationRef, ProductionRef } from '../refs.js';
import { PartialDateRef } from './partialDate.js';

implementEntityKind(EventRef, 'EVENT', {
  description: 'Something that happened (or was planned): an incident, a legal decision, a statement.',
  fields: (t) => ({
    eventType: t.string({
      description: 'E.g. "incident", "legal decision", "statement", "production halt".',
      resolve: (e) => e.eventType ?? '',
    }),
    date: t.field({
      type: PartialDateRef,
      nullable: true,
      description: 'When it happened, as precisely as the sources say; null when they do not.',
      resolve: (e) => (e.date ? parsePartialDate(e.date) : null),
    }),
    location: t.field({
      type: LocationRef,
      nullable: true,
      description: 'Where it occurred (OCCURRED_AT).',
      ...via('OCCURRED_AT', 'OUT', 'entity', 'LOCATION'),
    }),
    production: t.field({
      type: ProductionRef,
      nullable: true,
      description: 'The production it concerns, if any.',
      ...via('CONCERNS', 'OUT', 'entity', 'PRODUCTION'),
    }),
    participants: t.field({
      type: [ParticipationRef],
      description: 'Who took part, and how, by name.',
      args: { modality: t.arg({ type: [ModalityEnum], required: false, description: MODALITY_ARG }) },
      ...via('PARTICIPATED_IN', 'IN', 'relationships'),
    }),
    causes: t.field({
      type: [EventRef],
      description: 'Events that led to it, in timeline order.',
      ...via('LED_TO', 'IN', 'entities', 'EVENT'),
    }),
    consequences: t.field({
      type: [EventRef],
      description: 'Events it led to, in timeline order.',
      ...via('LED_TO', 'OUT', 'entities', 'EVENT'),
    }),
  }),
});

const EventConnection = connectionFor(EventRef, 'A page of events, in timeline order.');

builder.queryFields((t) => ({
  events: t.field({
    type: EventConnection,
    description:
      'Events by date (less precise dates first within their period), then by first mention in the sources; undated events last. DESC reverses that order.',
    args: {
      where: t.arg({ type: EventFilterInput, required: false, description: 'Only the events that match.' }),
      order: t.arg({
        type: OrderDirectionEnum,
        required: false,
        defaultValue: 'ASC',
        description: 'ASC: earliest first.',
      }),
      first: t.arg.int({ required: false, description: 'How many (default 50, at most 100).' }),
      after: t.arg.string({ required: false, description: 'The cursor of the edge to start after.' }),
    },
    resolve: async (_root, args, context, info) => {
      const { store, loaders } = context;
      const { offset, limit } = pageOf(args);
      const filter = toEventFilter(args.where);
      const order = args.order ?? 'ASC';
      const readAgain = foundAgainReader(context, info, ['EVENT'], ['edges', 'node']);
      if (readAgain) {
        // the page's keys in timeline order, then everything the query selects below them at once
        const page = await store.listEvents(filter, order, { offset, limit }, []);
        return connectionOf(inOrderFound(page.items, await readAgain(page.items)), offset, page.totalCount);
      }
      const properties = plannedProperties(info, ['EVENT'], ['edges', 'node']);
      const page = await store.listEvents(filter, order, { offset, limit }, properties ?? undefined);
      if (!properties) primeEntities(loaders, page.items);
      return connectionOf(page.items, offset, page.totalCount);
    },
  }),
  timeline: t.field({
    type: [EventRef],
    description:
      'Every matching event in timeline order: by date, then by position in the source; undated events last.',
    args: { where: t.arg({ type: EventFilterInput, required: false, description: 'Only the events that match.' }) },
    resolve: async (_root, args, context, info) => {
      const { store, loaders } = context;
      const filter = toEventFilter(args.where);
      const readAgain = foundAgainReader(context, info, ['EVENT']);
      if (readAgain) {
        const { items } = await store.listEvents(filter, 'ASC', null, []);
        return inOrderFound(items, await readAgain(items));
      }
      // a timeline is long: only what the query reads of each event, when that is all it reads
      const properties = plannedProperties(info, ['EVENT']);
      const { items } = await store.listEvents(filter, 'ASC', null, properties ?? undefined);
      if (!properties) primeEntities(loaders, items);
      return items;
    },
  }),
}));

/** The entities read again, in the order found: one that went missing in between is left out. */
function inOrderFound(found: readonly Entity[], read: Map<string, Entity>): Entity[] {
  return found.flatMap((entity) => read.get(entity.key) ?? []);
}
