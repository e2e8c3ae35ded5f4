/**
 * The rules every fact must keep, whether it arrives in a case file or through an editor's
 * mutation: one home, so a case file and a mutation are refused for the same reasons.
 */
import { type EntityKind, fitsEndpoints, type RelationshipType } from './kinds.js';
import { parsePartialDate } from './partialDate.js';

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MESSAGE = 'must be a lower-case slug such as "alec-baldwin"';
/** A relationship's key: a slug whose parts may also be joined by "--", as in "<from>--<type>--<to>". */
export const RELATIONSHIP_KEY = /^[a-z0-9]+(?:--?[a-z0-9]+)*$/;
export const RELATIONSHIP_KEY_MESSAGE = 'must be lower-case words joined by - or --, such as "a--represents--b"';

/** The kind-specific fields, and the one kind each belongs to. */
const FIELD_KIND: Record<string, EntityKind> = {
  occupations: 'PERSON',
  organisationType: 'ORGANISATION',
  productionType: 'PRODUCTION',
  locationType: 'LOCATION',
  eventType: 'EVENT',
  date: 'EVENT',
};

/** Relationship types whose role the API promises (Participation.role is non-null). */
const ROLE_REQUIRED = new Set<RelationshipType>(['PARTICIPATED_IN']);

/** The key a relationship gets when none is given: "<from>--<type>--<to>". */
export function relationshipKey(type: string, from: string, to: string): string {
  return `${from}--${type.toLowerCase().replaceAll('_', '-')}--${to}`;
}

/**
 * Why a span cannot be evidence in `text` (null when it can): offsets inside the text, and the
 * quote, when given, exactly the text at them. `sourceKey` only names the source in the message.
 */
export function spanProblem(
  text: string,
  sourceKey: string,
  span: { start: number; end: number; quote?: string | undefined },
): string | null {
  const { start, end, quote } = span;
  if (!Number.isInteger(start) || start < 0) return `start ${start} must be a whole number of at least 0`;
  if (!Number.isInteger(end) || end <= start) return `end ${end} must be greater than start ${start}`;
  if (end > text.length) return `end ${end} is past the end of source "${sourceKey}" (${text.length} characters)`;
  // offsets count UTF-16 code units: one may not fall inside a character written as a surrogate pair
  if (isLowSurrogate(text.charCodeAt(start))) return `start ${start} falls inside a character`;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) return `end ${end} falls inside a character`;
  const actual = text.slice(start, end);
  if (quote !== undefined && actual !== quote) {
    return `quote "${quote}" is not the source text at [${start}, ${end}), which reads "${actual}"`;
  }
  return null;
}

export function endpointProblem(type: RelationshipType, fromKind: EntityKind, toKind: EntityKind): string | null {
  return fitsEndpoints(type, fromKind, toKind) ? null : `${type} cannot go from ${fromKind} to ${toKind}`;
}

export function roleProblem(type: RelationshipType, role: string | null): string | null {
  return ROLE_REQUIRED.has(type) && role === null ? `a ${type} needs a role` : null;
}

export function dateProblem(label: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined || parsePartialDate(value)) return null;
  return `${label} "${value}" is not a date like 2021, 2021-11 or 2021-11-03`;
}

/** Fields of one kind set on an entity of another, e.g. occupations on an EVENT. */
export function kindFieldProblems(kind: EntityKind, fields: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [field, owner] of Object.entries(FIELD_KIND)) {
    if (fields[field] !== undefined && fields[field] !== null && kind !== owner) {
      problems.push(`${field} belongs to ${owner}, not ${kind}`);
    }
  }
  if (kind === 'EVENT' && (fields.eventType === undefined || fields.eventType === null)) {
    problems.push('an EVENT needs an eventType');
  }
  return problems;
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * Whether a text is well-formed UTF-16 (no lone surrogate): only such a text has UTF-8 bytes to keep
 * exactly. (String.prototype.isWellFormed, from ES2024, once the project's lib reaches it.)
 */
export const isWellFormed = (text: string) => !/\p{Cs}/u.test(text);
