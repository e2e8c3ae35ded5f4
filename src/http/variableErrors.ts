/**
 * A variable the schema cannot accept (a required input field left out, a string for an Int) is the
 * client's mistake: graphql-js reports it without a code, so this gives it BAD_USER_INPUT, as every
 * other bad argument has. Only errors from before execution started (they have no path) are touched.
 */
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { ErrorCode } from '../graphql/errors.js';

const BAD_INPUT: ErrorCode = 'BAD_USER_INPUT';

const coded = (error: GraphQLError) =>
  error.path === undefined && error.extensions.code === undefined
    ? new GraphQLError(error.message, { nodes: error.nodes, extensions: { ...error.extensions, code: BAD_INPUT } })
    : error;

export function variableErrorsCoded(): Plugin {
  return {
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (!('errors' in result) || !result.errors || 'next' in result) return;
          if (result.data !== undefined && result.data !== null) return;
          setResult({ ...result, errors: result.errors.map(coded) });
        },
      };
    },
  };
}
