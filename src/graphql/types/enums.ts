/** The enums of API.md, from the domain's own lists. */
import { type DIRECTIONS, type ENTITY_KINDS, RELATIONSHIP_TYPES, type RelationshipType } from '../../domain/kinds.js';
import { builder } from '../builder.js';

export const EntityKindEnum = builder.enumType('EntityKind', {
  description: 'What an entity is.',
  values: {
    PERSON: { description: 'A person.' },
    ORGANISATION: { description: 'An organisation: an authority, a news outlet, a studio.' },
    PRODUCTION: { description: 'A film or other production.' },
    LOCATION: { description: 'A place.' },
    EVENT: { description: 'Something that happened, or was planned.' },
  } satisfies Record<(typeof ENTITY_KINDS)[number], { description: string }>,
});

export const DirectionEnum = builder.enumType('Direction', {
  description: 'Which way a relationship points from the entity asking: OUT (it is the "from"), IN, or BOTH.',
  values: {
    OUT: { description: 'Relationships from this entity.' },
    IN: { description: 'Relationships to this entity.' },
    BOTH: { description: 'Either way.' },
  } satisfies Record<(typeof DIRECTIONS)[number], { description: string }>,
});

export const DatePrecisionEnum = builder.enumType('DatePrecision', {
  description: 'How much of a date the source gives.',
  values: {
    YEAR: { description: 'Only the year ("2021").' },
    MONTH: { description: 'Year and month ("November 2021").' },
    DAY: { description: 'A day.' },
  },
});

const RELATIONSHIP_DESCRIPTIONS: Record<RelationshipType, string> = {
  WORKED_ON: 'Person -> Production, with the role (e.g. "director").',
  REPRESENTS: 'Person|Organisation -> Person|Organisation, with the role (e.g. "legal counsel").',
  PARTICIPATED_IN: 'Person|Organisation -> Event, with the role (e.g. "injured", "decided", "reported").',
  OCCURRED_AT: 'Event -> Location.',
  CONCERNS: 'Event -> Production|Person|Organisation: what the event is about.',
  FILMED_AT: 'Production -> Location (a plan to film there is a PLANNED claim).',
  LOCATED_IN: 'Location|Organisation -> Location.',
  HAS_JURISDICTION: 'Organisation -> Location: the place whose authority it exercises.',
  LED_TO: 'Event -> Event: cause to consequence.',
};

export const RelationshipTypeEnum = builder.enumType('RelationshipType', {
  description: 'The kinds of relationship between entities; each fits only certain kinds at its ends.',
  values: Object.fromEntries(
    RELATIONSHIP_TYPES.map((type) => [type, { description: RELATIONSHIP_DESCRIPTIONS[type] }]),
  ) as Record<RelationshipType, { description: string }>,
});
