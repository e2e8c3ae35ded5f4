/**
 * CSRF prevention: Yoga's useCSRFPrevention, with its refusal given a code and a message that
 * says what to send. A request a browser may send cross-site without a CORS preflight (no
 * Content-Type, or text/plain, application/x-www-form-urlencoded or multipart/form-data) must
 * carry x-graphql-yoga-csrf, which no page can add without a preflight that CORS then refuses.
 */
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { clientError } from '../graphql/errors.js';

const CSRF_HEADER = 'x-graphql-yoga-csrf';

const REFUSAL =
  `send the header "${CSRF_HEADER}: 1", or a Content-Type of application/json: ` +
  'a GET or a form-like POST without it could come from another site';

export function csrfPrevention(): Plugin {
  const { onRequestParse } = useCSRFPrevention({ requestHeaders: [CSRF_HEADER] });
  return {
    onRequestParse(payload) {
      try {
        return onRequestParse?.(payload);
      } catch (error) {
        // the plugin's only refusal is a GraphQLError with HTTP 403 and no code
        if (!(error instanceof GraphQLError)) throw error;
        throw clientError('FORBIDDEN', REFUSAL, { http: { status: 403 } });
      }
    },
  };
}
