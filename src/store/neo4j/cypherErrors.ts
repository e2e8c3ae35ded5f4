/**
 * What a Neo4j error on an analyst's query means for the analyst, decided by its status code
 * (Neo.<classification>.<category>.<title>), never by its message: a timeout or a memory limit is
 * the query's fault (QUERY_TOO_COMPLEX), not an outage; a query the database rejects is bad input.
 * Errors that are not the query's fault (the database cannot be reached) pass through unchanged, for
 * the executor's classify to name. Codes are parsed, and timeouts listed, once in executor.ts.
 */
import { CypherRefusal, type CypherLimits } from '../cypher.js';
import { codeOf, TIMEOUTS } from './executor.js';

/** The database stopped the query for the memory it needed (db.memory.transaction.max and the like) or its depth. */
const TOO_LARGE = new Set([
  'General.MemoryPoolOutOfMemoryError',
  'General.TransactionMemoryLimit',
  'General.TransactionOutOfMemoryError',
  'General.OutOfMemoryError',
  'General.StackOverFlowError',
]);

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The message for a query the database stopped at its timeout (also used for the API's own deadline). */
export const timeoutMessage = (limits: CypherLimits) =>
  `the query ran longer than ${limits.timeoutMs} ms and was stopped`;

/** A CypherRefusal for an error that is the query's fault; any other error unchanged. */
export function cypherRefusalOf(error: unknown, limits: CypherLimits): unknown {
  if (error instanceof CypherRefusal) return error;
  const { code, classification, status } = codeOf(error);
  if (TIMEOUTS.has(status)) return new CypherRefusal('TIMEOUT', timeoutMessage(limits));
  if (TOO_LARGE.has(status)) {
    return new CypherRefusal('TOO_LARGE', `the query needed more memory than the database allows one query (${code})`);
  }
  if (status === 'Statement.AccessMode')
    return new CypherRefusal('WRITE', `cypher is read-only: the database refused a write (${messageOf(error)})`);
  // the analyst user (NEO4J_ANALYST_USER) lacks a privilege; a failed login is the operator's problem, not refused here
  if (status === 'Security.Forbidden')
    return new CypherRefusal('NOT_ALLOWED', `the database refused this query: ${messageOf(error)}`);
  // anything else the database blames on the query (syntax, types, unknown procedures, ...)
  if (classification === 'ClientError' && !status.startsWith('Security.'))
    return new CypherRefusal('INVALID', messageOf(error));
  // the database failing on this query (its own parser has crashed on a lone backslash): say so
  if (classification === 'DatabaseError')
    return new CypherRefusal('INVALID', `the database could not run this query: ${messageOf(error)}`);
  return error;
}
