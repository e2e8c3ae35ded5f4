/**
 * Structured logs (pino: one JSON line per request, with its id and operation name) and
 * Prometheus metrics (served by metricsEndpoint.ts): requests, latencies, errors by code,
 * operations, store round trips, response cache hits and misses. Tokens and other headers are never logged.
 *
 * Whatever a client sends can reach a log line or a label only cut short and, for labels, from a
 * bounded set: an anonymous flood of distinct names must not grow either without bound.
 */
import { randomUUID } from 'node:crypto';
import { GraphQLError, getOperationAST } from 'graphql';
import type { Plugin, YogaLogger } from 'graphql-yoga';
import { ERROR_CODES } from '../graphql/errors.js';
import pino, { type Logger } from 'pino';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { GraphStore } from '../store/graphStore.js';
import { StoreUnavailable } from '../store/graphStore.js';
import { interceptStore } from '../store/interceptStore.js';

export function createLogger(level = process.env.LOG_LEVEL ?? 'info', destination?: pino.DestinationStream): Logger {
  return destination ? pino({ level }, destination) : pino({ level });
}

export interface Metrics {
  registry: Registry;
  requests: Counter<'method' | 'path' | 'status'>;
  latency: Histogram<'path'>;
  operations: Counter<'operation' | 'outcome'>;
  errors: Counter<'code'>;
  storeRoundTrips: Counter<'method'>;
  /** Queries answered from the response cache, and cacheable queries it could not answer (no labels). */
  responseCacheHits: Counter;
  responseCacheMisses: Counter;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    requests: new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests by method, path and status.',
      labelNames: ['method', 'path', 'status'],
      registers: [registry],
    }),
    latency: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency.',
      labelNames: ['path'],
      registers: [registry],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    }),
    operations: new Counter({
      name: 'graphql_operations_total',
      help: 'GraphQL operations by name and outcome.',
      labelNames: ['operation', 'outcome'],
      registers: [registry],
    }),
    errors: new Counter({
      name: 'graphql_errors_total',
      help: 'GraphQL errors by extensions.code.',
      labelNames: ['code'],
      registers: [registry],
    }),
    storeRoundTrips: new Counter({
      name: 'store_round_trips_total',
      help: 'Calls to the store, by method.',
      labelNames: ['method'],
      registers: [registry],
    }),
    responseCacheHits: new Counter({
      name: 'response_cache_hits_total',
      help: 'Queries answered from the response cache.',
      registers: [registry],
    }),
    responseCacheMisses: new Counter({
      name: 'response_cache_misses_total',
      help: 'Cacheable queries the response cache could not answer (executed, then kept unless a write came first).',
      registers: [registry],
    }),
  };
}

/** The store, counting its round trips into the metrics. */
export function meteredStore(store: GraphStore, metrics: Metrics): GraphStore {
  return interceptStore(
    store,
    (method, call) => {
      metrics.storeRoundTrips.inc({ method });
      return call();
    },
    ['close'],
  );
}

/** Yoga's own log lines through pino; an outage is one warning, not a stack trace per request. */
export function yogaLogger(logger: Logger): YogaLogger {
  return {
    debug: (...args: unknown[]) => logger.debug({ args }, 'yoga'),
    info: (...args: unknown[]) => logger.info({ args }, 'yoga'),
    warn: (...args: unknown[]) => logger.warn({ args }, 'yoga'),
    error: (...args: unknown[]) => {
      const error = args.find((a): a is Error => a instanceof Error);
      const original = error instanceof GraphQLError ? error.originalError : error;
      if (original instanceof StoreUnavailable) logger.warn({ cause: String(original.cause) }, original.message);
      else logger.error({ err: error ?? args }, 'unexpected error');
    },
  };
}

interface RequestState {
  id: string;
  started: number;
  /** The request's path, as Yoga parsed it once (onResponse is given no URL). */
  pathname: string;
  /** Set only once the operation passed validation and auth (see `operations` below). */
  operation?: string;
  codes: string[];
  /** The name of the caller's token, when it had a valid one. */
  caller?: string;
}

/** A path label that cannot explode the metrics' cardinality. */
function pathLabel(pathname: string): string {
  if (pathname.startsWith('/export/')) return '/export';
  return ['/graphql', '/health', '/ready', '/metrics', '/'].includes(pathname) ? pathname : 'other';
}

/** Node's HTTP parser accepts some 30 methods, yoga.fetch any token: only these become labels. */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const methodLabel = (method: string) => (METHODS.has(method) ? method : 'other');

/** Every code our errors carry, and Yoga's. */
const KNOWN_CODES = new Set<string>([
  ...ERROR_CODES,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'INTERNAL_SERVER_ERROR',
  'OPERATION_RESOLUTION_FAILURE',
  'REQUEST_ENTITY_TOO_LARGE',
  'UNKNOWN',
]);
/** An error's code as a label: a code from elsewhere (a dependency, a future error) counts as "other". */
const codeLabel = (code: string) => (KNOWN_CODES.has(code) ? code : 'other');

/** Longest operation name in a label or a log line (a GraphQL name has no length limit). */
const MAX_OPERATION_NAME = 64;
/** Most distinct operation labels; names seen after these count as "other". */
const MAX_OPERATION_LABELS = 100;
/** Longest request path in a log line. */
const MAX_LOGGED_PATH = 200;

const REQUEST_ID = /^[\w.-]{1,100}$/;

/**
 * Two plugins: `requests` goes first (it sees every request and response), `operations` goes
 * after the auth plugin. Envelop stops calling onExecute hooks once one stops execution, so
 * `operations` names only operations that passed validation (which precedes execution) and auth.
 */
export function observe(logger: Logger, metrics: Metrics): { requests: Plugin; operations: Plugin } {
  const states = new WeakMap<Request, RequestState>();
  const labels = new Set<string>();
  const operationLabel = (name: string) => {
    if (labels.has(name)) return name;
    if (labels.size >= MAX_OPERATION_LABELS) return 'other';
    labels.add(name);
    return name;
  };

  const requests: Plugin = {
    onRequest({ request, url }) {
      const given = request.headers.get('x-request-id');
      states.set(request, {
        id: given && REQUEST_ID.test(given) ? given : randomUUID(),
        started: performance.now(),
        pathname: url.pathname,
        codes: [],
      });
    },
    onResultProcess({ request, result }) {
      const state = states.get(request);
      if (!state) return;
      for (const single of Array.isArray(result) ? result : [result]) {
        if (single && 'errors' in single && single.errors) {
          for (const error of single.errors)
            state.codes.push(codeLabel(String((error as GraphQLError).extensions?.code ?? 'UNKNOWN')));
        }
      }
    },
    onResponse({ request, response }) {
      const state = states.get(request);
      if (!state) return;
      const path = pathLabel(state.pathname);
      const ms = performance.now() - state.started;
      response.headers.set('x-request-id', state.id);
      metrics.requests.inc({ method: methodLabel(request.method), path, status: String(response.status) });
      metrics.latency.observe({ path }, ms / 1000);
      for (const code of state.codes) metrics.errors.inc({ code });
      if (state.operation)
        metrics.operations.inc({
          operation: operationLabel(state.operation),
          outcome: state.codes.length ? 'error' : 'ok',
        });
      if (path === '/metrics' || path === '/health') return;
      logger.info(
        {
          reqId: state.id,
          method: methodLabel(request.method),
          path: state.pathname.slice(0, MAX_LOGGED_PATH),
          status: response.status,
          ms: Math.round(ms * 10) / 10,
          operation: state.operation,
          caller: state.caller,
          errors: state.codes.length ? [...new Set(state.codes)] : undefined,
        },
        'request',
      );
    },
  };

  const operations: Plugin = {
    onExecute({ args }) {
      const context = args.contextValue as { request?: Request; caller?: { name: string | null } };
      const state = context.request && states.get(context.request);
      if (!state) return;
      // who asked, by the token's name (never the token): what an editor's writes are traced by
      state.caller = context.caller?.name ?? undefined;
      // the operation the document defines, not the client's operationName, which may name nothing
      const operation = getOperationAST(args.document, args.operationName);
      if (operation) state.operation = (operation.name?.value ?? 'anonymous').slice(0, MAX_OPERATION_NAME);
    },
  };

  return { requests, operations };
}
