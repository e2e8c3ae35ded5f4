/** The five kinds of entity and the fields each has beyond Entity's. */
import { parsePartialDate } from '../../domain/partialDate.js';
import { defineEntityKind } from './entityKinds.js';
import { PartialDateRef } from './partialDate.js';

export const PersonRef = defineEntityKind({
  kind: 'PERSON',
  description: 'A person the sources name.',
  listField: 'people',
  listDescription: 'Every person, by name then key.',
  fields: (t) => ({
    occupations: t.exposeStringList('occupations', { description: 'Only as a source states them.' }),
  }),
});

export const OrganisationRef = defineEntityKind({
  kind: 'ORGANISATION',
  description: 'An organisation the sources name: an authority, a news outlet, a studio.',
  listField: 'organisations',
  listDescription: 'Every organisation, by name then key.',
  fields: (t) => ({
    organisationType: t.exposeString('organisationType', { nullable: true }),
  }),
});

export const ProductionRef = defineEntityKind({
  kind: 'PRODUCTION',
  description: 'A film or other production.',
  listField: 'productions',
  listDescription: 'Every production, by name then key.',
  fields: (t) => ({
    productionType: t.exposeString('productionType', { nullable: true, description: 'E.g. "movie", as the source says.' }),
  }),
});

export const LocationRef = defineEntityKind({
  kind: 'LOCATION',
  description: 'A place: a state, a film set.',
  listField: 'locations',
  listDescription: 'Every location, by name then key.',
  fields: (t) => ({
    locationType: t.exposeString('locationType', { nullable: true }),
  }),
});

export const EventRef = defineEntityKind({
  kind: 'EVENT',
  description: 'Something that happened (or was planned): a shooting, a legal decision, a statement.',
  listField: 'events',
  listDescription: 'Every event.',
  fields: (t) => ({
    eventType: t.string({
      description: 'E.g. "shooting", "legal decision", "statement", "production halt".',
      resolve: (e) => e.eventType ?? '',
    }),
    date: t.field({
      type: PartialDateRef,
      nullable: true,
      description: 'When it happened, as precisely as the sources say; null when they do not.',
      resolve: (e) => (e.date ? parsePartialDate(e.date) : null),
    }),
  }),
});
