/**
 * With REQUIRE_AUTH, every GraphQL operation needs a read (or analyst) token. The refusal carries
 * its HTTP status for GraphQL over HTTP: a client accepting application/graphql-response+json
 * gets 401 or 403, as the spec requires of a request error; application/json keeps 200 with the
 * error (`spec: true` is Yoga's mark for a status that only the newer media type gets).
 */
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { Context } from '../graphql/context.js';
import { httpOf, refusalFor } from '../access/callers.js';

export function requireReadScope(): Plugin<Context> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const refusal = refusalFor((args.contextValue as Context).caller, 'read');
      if (!refusal) return;
      const error = createGraphQLError(refusal.message, {
        extensions: { code: refusal.code, http: { ...httpOf(refusal), spec: true } },
      });
      setResultAndStopExecution({ errors: [error] });
    },
  };
}
