/**
 * What people read where the API writes an enum: a relationship type or a modality in words, for
 * the explorer's labels, legends and filters (and any other front end that wants them). The API
 * itself keeps its enum names; these are only how they are shown.
 */
import type { Modality } from './claims.js';
import type { RelationshipType } from './kinds.js';

/**
 * Each type read from its `from` end to its `to` end ("Alec Baldwin worked on Rust"), and back; and
 * what many of them are called around one entity, from either end ("Rust" has 524 credits, an event
 * has participants, a person's PARTICIPATED_IN relationships are their events).
 */
const RELATIONSHIP_WORDS: Record<
  RelationshipType,
  { forward: string; backward: string; plural: string; pluralBackward: string }
> = {
  WORKED_ON: { forward: 'worked on', backward: 'had working on it', plural: 'credits', pluralBackward: 'credits' },
  REPRESENTS: {
    forward: 'represents',
    backward: 'is represented by',
    plural: 'clients',
    pluralBackward: 'representatives',
  },
  PARTICIPATED_IN: { forward: 'took part in', backward: 'involved', plural: 'events', pluralBackward: 'participants' },
  OCCURRED_AT: { forward: 'happened at', backward: 'was the place of', plural: 'places', pluralBackward: 'events' },
  CONCERNS: { forward: 'concerns', backward: 'is concerned by', plural: 'subjects', pluralBackward: 'events about it' },
  FILMED_AT: {
    forward: 'was filmed at',
    backward: 'was a filming location of',
    plural: 'filming locations',
    pluralBackward: 'productions filmed there',
  },
  LOCATED_IN: { forward: 'is in', backward: 'contains', plural: 'locations', pluralBackward: 'places within' },
  HAS_JURISDICTION: {
    forward: 'has jurisdiction over',
    backward: 'is under the jurisdiction of',
    plural: 'jurisdictions',
    pluralBackward: 'authorities',
  },
  LED_TO: { forward: 'led to', backward: 'followed from', plural: 'consequences', pluralBackward: 'causes' },
};

/**
 * The types whose role is a part someone plays ("director", "legal counsel"); elsewhere the role is
 * what happened to them or what they did ("cleared", "injured", "issued"), which "as" would misread.
 */
const ROLE_IS_A_PART = new Set<RelationshipType>(['WORKED_ON', 'REPRESENTS']);

/** "worked on", or with a role the sources give: "worked on (as armorer)", "took part in (cleared)". */
export function relationshipLabel(
  type: RelationshipType,
  role: string | null = null,
  reading: 'forward' | 'backward' = 'forward',
): string {
  const words = RELATIONSHIP_WORDS[type]?.[reading] ?? humanise(type);
  if (!role) return words;
  return ROLE_IS_A_PART.has(type) ? `${words} (as ${humanise(role)})` : `${words} (${humanise(role)})`;
}

/**
 * How many of one type's relationships around one entity are named: its outgoing ones (`OUT`:
 * a person's "credits", an event's "consequences") or its incoming ones (`IN`: a production's
 * "credits", an event's "participants").
 */
export const relationshipGroupName = (type: RelationshipType, direction: 'OUT' | 'IN' = 'OUT'): string => {
  const words = RELATIONSHIP_WORDS[type];
  return words ? (direction === 'OUT' ? words.plural : words.pluralBackward) : humanise(type);
};

/** Each modality (docs/API.md, "Claims: modality") in a word or two. */
export const MODALITY_LABEL: Record<Modality, string> = {
  STATED: 'stated',
  REPORTED: 'reported',
  PLANNED: 'planned',
  EXPECTED: 'expected',
  ALLEGED: 'alleged',
  DENIED: 'denied',
  INFERRED: 'inferred by an analyst',
};

/** SHOUTING_SNAKE or kebab-case as words: "special_prosecutor" → "special prosecutor". */
export function humanise(name: string): string {
  return name.replace(/[_-]+/g, ' ').trim().toLowerCase();
}

/**
 * How a piece of evidence asserts its claim, in words: "reported by ABC News", "inferred by case
 * editor", "planned"; a plain statement names only who makes it ("per the prosecutors"), or nothing
 * when the source itself does.
 */
export function assertionLabel(modality: Modality | null, assertedBy: string | null): string {
  if (!modality || modality === 'STATED') return assertedBy ? `per ${assertedBy}` : '';
  // the analyst is named, so "an analyst" gives way to who it was
  const words = modality === 'INFERRED' && assertedBy ? 'inferred' : MODALITY_LABEL[modality];
  return assertedBy ? `${words} by ${assertedBy}` : words;
}
