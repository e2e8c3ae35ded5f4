/** Errors meant for clients: a message and a code from API.md. Everything else is masked by Yoga. */
import { createGraphQLError } from 'graphql-yoga';

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'QUERY_TOO_COMPLEX'
  | 'STORE_UNAVAILABLE'
  /** The feature needs a store this server does not use (cypher on the embedded store). */
  | 'NOT_SUPPORTED';

export function clientError(code: ErrorCode, message: string) {
  return createGraphQLError(message, { extensions: { code } });
}

export const badUserInput = (message: string) => clientError('BAD_USER_INPUT', message);

/** An integer argument within [min, max], or BAD_USER_INPUT naming it. */
export function checkRange(value: number, argument: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badUserInput(`${argument} must be between ${min} and ${max}, got ${value}`);
  }
  return value;
}
