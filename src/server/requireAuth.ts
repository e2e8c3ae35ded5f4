/** With REQUIRE_AUTH, every GraphQL operation needs a read (or analyst) token. */
import type { Plugin } from 'graphql-yoga';
import { clientError } from '../graphql/errors.js';
import type { Context } from '../graphql/context.js';
import { refusalFor } from './auth.js';

export function requireReadScope(): Plugin<Context> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const refusal = refusalFor((args.contextValue as Context).caller, 'read');
      if (refusal) setResultAndStopExecution({ errors: [clientError(refusal.code, refusal.message)] });
    },
  };
}
