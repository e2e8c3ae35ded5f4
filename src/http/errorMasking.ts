/** Errors stay masked, but a store outage is said plainly: clients should retry, not report a bug. */
import { createGraphQLError, maskError } from 'graphql-yoga';
import type { ErrorCode } from '../graphql/errors.js';
import { StoreUnavailable } from '../store/graphStore.js';

const outage: ErrorCode = 'STORE_UNAVAILABLE';

export function maskErrorsButOutages(error: unknown, message: string, isDev?: boolean): Error {
  const original = (error as { originalError?: unknown }).originalError ?? error;
  if (original instanceof StoreUnavailable) {
    const path = (error as { path?: readonly (string | number)[] }).path;
    return createGraphQLError('the store is unavailable: try again shortly', { extensions: { code: outage }, path });
  }
  return maskError(error, message, isDev);
}
