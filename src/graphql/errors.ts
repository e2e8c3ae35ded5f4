/** Errors meant for clients: a message and a code from API.md. Everything else is masked by Yoga. */
import { createGraphQLError } from 'graphql-yoga';
import type { IntRange } from '../explore/neighbourhood.js';

/**
 * Every code an error meant for clients carries. NOT_SUPPORTED: the feature needs a store this
 * server does not use (cypher on the embedded store). BAD_REQUEST: the request is not GraphQL
 * parameters at all (Yoga's own code for that, kept). CONFLICT: an edit that would undo or overwrite
 * a later change (unmerging after the merged entities were edited again).
 */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'QUERY_TOO_COMPLEX',
  'STORE_UNAVAILABLE',
  'NOT_SUPPORTED',
  'BAD_REQUEST',
  'CONFLICT',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** An error for clients: its code, and any further extensions (the limit passed, an HTTP status). */
export function clientError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
  return createGraphQLError(message, { extensions: { ...extensions, code } });
}

export const badUserInput = (message: string) => clientError('BAD_USER_INPUT', message);

/** An integer argument given or defaulted, within its range, or BAD_USER_INPUT naming it. */
export function intIn(range: IntRange, value: number | null | undefined): number {
  return checkRange(value ?? range.default, range.name, range.min, range.max);
}

/** An integer argument within [min, max], or BAD_USER_INPUT naming it. */
export function checkRange(value: number, argument: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badUserInput(`${argument} must be between ${min} and ${max}, got ${value}`);
  }
  return value;
}

/** The most items a list argument may hold (nodes(ids:), keys, eventTypes): a page's worth. */
const MAX_LIST_ARGUMENT = 100;
/** The longest text a matching argument may hold (search text, nameContains): longer than any name. */
const MAX_MATCH_TEXT = 100;

/** A list argument of at most `max` items, or BAD_USER_INPUT naming it. */
export function checkListLength<L extends readonly unknown[]>(list: L, argument: string, max = MAX_LIST_ARGUMENT): L {
  if (list.length > max) throw badUserInput(`${argument} may hold at most ${max} items, got ${list.length}`);
  return list;
}

/** A text argument of at most `max` characters, or BAD_USER_INPUT naming it. */
export function checkTextLength(text: string, argument: string, max = MAX_MATCH_TEXT): string {
  if (text.length > max) throw badUserInput(`${argument} may be at most ${max} characters long, got ${text.length}`);
  return text;
}
