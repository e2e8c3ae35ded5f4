/**
 * MAX_BODY_BYTES: a request body larger than the limit is a 413 QUERY_TOO_COMPLEX, read no further.
 *
 * It replaces Yoga's maxRequestBodySize, which pipes every body through a TransformStream to count
 * its bytes. On a small read that stream costs more than the read itself (a stream pipeline, an
 * AbortController and a DOMException per request: about 5% of the server's CPU on the benchmark's
 * entity page, docs/BENCHMARKS.md). It is not needed when Node's own HTTP parser read the request
 * and it gave a Content-Length: that parser hands the request exactly that many bytes of body
 * (what follows is parsed as the next request), and refuses a request that has both a
 * Content-Length and a Transfer-Encoding. Every other body (chunked, or a Request handed to
 * `yoga.fetch` whose header nobody checked) is counted as it is read, as Yoga would.
 */
import { IncomingMessage } from 'node:http';
import type { Plugin } from 'graphql-yoga';
import { clientError } from '../graphql/errors.js';

/** One non-negative integer; anything else (a list, a sign, a blank) is refused, as Yoga does. */
const CONTENT_LENGTH = /^\d+$/;

/**
 * The refusal closes the connection: kept alive, Node would read the rest of the declared body (a
 * terabyte, if the header says so) to find where the next request starts.
 */
function bodyTooLarge(max: number) {
  const message = `query is too complex: the request body exceeds the limit of ${max} bytes`;
  const http = { status: 413, headers: { connection: 'close' } };
  return clientError('QUERY_TOO_COMPLEX', message, { limit: 'bodySize', max, http });
}

/** Whether node:http parsed this request, so that its body is exactly its Content-Length. */
function parsedByNode(serverContext: unknown): boolean {
  return (serverContext as { req?: unknown } | undefined)?.req instanceof IncomingMessage;
}

/**
 * `request` with a body that fails with bodyTooLarge as soon as more than `max` bytes have arrived,
 * and whether it has: a parser may wrap the stream's error in its own (multipart's says "invalid
 * multipart data" with a 400), so the refusal is made again after it.
 */
function counted(
  request: Request,
  max: number,
  fetchAPI: { Request: typeof Request; TransformStream: typeof TransformStream },
) {
  const body = request.body as ReadableStream<Uint8Array>;
  // a native stream needs a native TransformStream, the ponyfill's one its own (graphql-yoga#4583)
  const Transform = body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
  let read = 0;
  const limited = body.pipeThrough(
    new Transform<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        read += chunk.byteLength;
        if (read > max) controller.error(bodyTooLarge(max));
        else controller.enqueue(chunk);
      },
    }),
  );
  const init = { method: request.method, headers: request.headers, signal: request.signal, body: limited };
  return {
    request: new fetchAPI.Request(request.url, { ...init, duplex: 'half' } as RequestInit),
    exceeded: () => read > max,
  };
}

/** Registered after every plugin that sets a request parser, so that it wraps the one chosen. */
export function bodyLimit(max: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, serverContext, fetchAPI }) {
      const length = request.headers.get('content-length');
      if (length !== null) {
        if (!CONTENT_LENGTH.test(length)) {
          throw clientError('BAD_REQUEST', 'the Content-Length header is not a number of bytes', {
            http: { status: 400 },
          });
        }
        if (Number(length) > max) throw bodyTooLarge(max);
      }
      if (!requestParser || request.body === null) return;
      if (length !== null && parsedByNode(serverContext)) return;
      setRequestParser(async (req) => {
        const { request: limited, exceeded } = counted(req, max, fetchAPI);
        try {
          return await requestParser(limited);
        } catch (error) {
          throw exceeded() ? bodyTooLarge(max) : error;
        }
      });
    },
  };
}
