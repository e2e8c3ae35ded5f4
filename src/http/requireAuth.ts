/**
 * With REQUIRE_AUTH, every GraphQL operation needs a read (or analyst) token, checked before the
 * document is even parsed: a caller without one learns nothing, not a field name from a validation
 * error ("Did you mean ...?"), not a limit. The refusal carries its HTTP status for GraphQL over
 * HTTP: a client accepting application/graphql-response+json gets 401 or 403, as the spec requires
 * of a request error; application/json keeps 200 with the error (`spec: true` is Yoga's mark for a
 * status that only the newer media type gets).
 */
import type { Plugin } from 'graphql-yoga';
import { callerOf, httpOf, refusalFor } from '../access/callers.js';
import type { ServerOptions } from '../config.js';
import { clientError } from '../graphql/errors.js';

export function requireReadScope(options: ServerOptions): Plugin {
  return {
    onParams({ request, setResult }) {
      const refusal = refusalFor(callerOf(request, options), 'read');
      if (refusal)
        setResult({
          errors: [clientError(refusal.code, refusal.message, { http: { ...httpOf(refusal), spec: true } })],
        });
    },
  };
}
