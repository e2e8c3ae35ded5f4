/** The kinds of entity a case graph holds, and the relationship types between them. */

export const ENTITY_KINDS = ['PERSON', 'ORGANISATION', 'PRODUCTION', 'LOCATION', 'EVENT'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/**
 * Each kind's name, in PascalCase: its Neo4j label (beside the shared `:Entity`), its GraphQL
 * object type, and what the explorer and the exports call it. One name, one home.
 */
export const KIND_NAME: Record<EntityKind, string> = {
  PERSON: 'Person',
  ORGANISATION: 'Organisation',
  PRODUCTION: 'Production',
  LOCATION: 'Location',
  EVENT: 'Event',
};

/**
 * Each relationship type with the kinds its endpoints may have. A case file whose relationship
 * does not fit is rejected, so the typed fields of the API (credits, participants, ...) can trust
 * what they read.
 */
const RELATIONSHIP_ENDPOINTS = {
  WORKED_ON: { from: ['PERSON'], to: ['PRODUCTION'] },
  REPRESENTS: { from: ['PERSON', 'ORGANISATION'], to: ['PERSON', 'ORGANISATION'] },
  PARTICIPATED_IN: { from: ['PERSON', 'ORGANISATION'], to: ['EVENT'] },
  OCCURRED_AT: { from: ['EVENT'], to: ['LOCATION'] },
  CONCERNS: { from: ['EVENT'], to: ['PRODUCTION', 'PERSON', 'ORGANISATION'] },
  FILMED_AT: { from: ['PRODUCTION'], to: ['LOCATION'] },
  LOCATED_IN: { from: ['LOCATION', 'ORGANISATION'], to: ['LOCATION'] },
  HAS_JURISDICTION: { from: ['ORGANISATION'], to: ['LOCATION'] },
  LED_TO: { from: ['EVENT'], to: ['EVENT'] },
} as const satisfies Record<string, { from: readonly EntityKind[]; to: readonly EntityKind[] }>;

export type RelationshipType = keyof typeof RELATIONSHIP_ENDPOINTS;
export const RELATIONSHIP_TYPES = Object.keys(RELATIONSHIP_ENDPOINTS) as RelationshipType[];

export function fitsEndpoints(type: RelationshipType, fromKind: EntityKind, toKind: EntityKind): boolean {
  const rule = RELATIONSHIP_ENDPOINTS[type];
  return (rule.from as readonly EntityKind[]).includes(fromKind) && (rule.to as readonly EntityKind[]).includes(toKind);
}

export const DIRECTIONS = ['OUT', 'IN', 'BOTH'] as const;
export type Direction = (typeof DIRECTIONS)[number];
