/** Errors stay masked, but a store outage is said plainly: clients should retry, not report a bug. */
import { createGraphQLError, maskError } from 'graphql-yoga';
import { StoreUnavailable } from '../store/graphStore.js';

export function maskErrorsButOutages(error: unknown, message: string, isDev?: boolean): Error {
  const original = (error as { originalError?: unknown }).originalError ?? error;
  if (original instanceof StoreUnavailable) {
    return createGraphQLError('the store is unavailable: try again shortly', {
      extensions: { code: 'STORE_UNAVAILABLE' },
      path: (error as { path?: readonly (string | number)[] }).path,
    });
  }
  return maskError(error, message, isDev);
}
