/**
 * A request that cannot be read as GraphQL parameters is a short 400 BAD_REQUEST that does not
 * quote the request. Yoga's JSON body parser attaches JSON.parse's message, which quotes the body
 * (all of it, up to the body limit), and its GET and form parsers let a SyntaxError from
 * `variables` or `extensions` through, which would be masked as a 500 and logged with the text.
 */
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { clientError } from '../graphql/errors.js';

const badRequest = (message: string) =>
  // the status holds for application/json too: GraphQL over HTTP wants 400 for a body it cannot parse
  clientError('BAD_REQUEST', message, { http: { status: 400 } });

/** The parser's error, without anything the client sent. */
function withoutEcho(error: unknown): unknown {
  if (error instanceof SyntaxError) return badRequest('a JSON parameter (variables or extensions) is not valid JSON');
  if (
    error instanceof GraphQLError &&
    error.extensions.code === 'BAD_REQUEST' &&
    error.extensions.originalError !== undefined
  ) {
    return badRequest('the request body is not valid JSON');
  }
  return error;
}

export function requestErrorsWithoutEcho(): Plugin {
  return {
    onRequestParse({ requestParser, setRequestParser }) {
      if (!requestParser) return;
      setRequestParser(async (request) => {
        try {
          return await requestParser(request);
        } catch (error) {
          throw withoutEcho(error);
        }
      });
    },
  };
}
