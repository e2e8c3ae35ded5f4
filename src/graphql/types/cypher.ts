/**
 * cypher: read-only Cypher for analysts holding a token from ANALYST_TOKENS, on the Neo4j store.
 * The store refuses, before running it, a query that writes or reaches beyond reading the graph
 * (files, URLs, administration, other databases); the database ends it at the timeout; at most
 * CYPHER_ROW_LIMIT rows and CYPHER_MAX_BYTES of them come back. Its parameters are checked here,
 * without recursion, so that no nesting can overflow a stack further on.
 */
import type { Entity, Relationship } from '../../domain/model.js';
import { compareStrings } from '../../domain/ordering.js';
import { type CypherAnswer, CypherRefusal, type CypherRefusalReason } from '../../store/cypher.js';
import { builder } from '../builder.js';
import { badUserInput, clientError } from '../errors.js';
import { existing } from '../loaders.js';
import { SubgraphRef } from './exploration.js';

interface CypherResult {
  columns: string[];
  rows: Record<string, unknown>[];
  truncated: boolean;
  nodes: Entity[];
  edges: Relationship[];
}

const REFUSAL_CODES = {
  WRITE: 'FORBIDDEN',
  NOT_ALLOWED: 'FORBIDDEN',
  TIMEOUT: 'QUERY_TOO_COMPLEX',
  TOO_LARGE: 'QUERY_TOO_COMPLEX',
  INVALID: 'BAD_USER_INPUT',
} as const satisfies Record<CypherRefusalReason, string>;

/** How deep `params` may nest (the params object itself is level 1), and how many values it may hold. */
export const MAX_PARAMS_DEPTH = 32;
export const MAX_PARAMS_VALUES = 100_000;

/** BAD_USER_INPUT when `params` nests deeper or holds more than the limits; walked with a stack of its own. */
function checkParams(params: object): void {
  const pending: [unknown, number][] = [[params, 1]];
  let values = 0;
  while (pending.length > 0) {
    const [value, depth] = pending.pop()!;
    values += 1;
    if (values > MAX_PARAMS_VALUES) throw badUserInput(`params may hold at most ${MAX_PARAMS_VALUES} values`);
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_PARAMS_DEPTH) throw badUserInput(`params may nest at most ${MAX_PARAMS_DEPTH} levels deep`);
    for (const child of Array.isArray(value) ? value : Object.values(value)) pending.push([child, depth + 1]);
  }
}

const CypherResultRef = builder.objectRef<CypherResult>('CypherResult').implement({
  description: 'What a read-only Cypher query returned.',
  fields: (t) => ({
    columns: t.exposeStringList('columns', { description: 'The names the query returned, in order.' }),
    rows: t.field({
      type: ['JSON'],
      description:
        'Each row as a JSON object by column; nodes and relationships as objects with labels or type and properties.',
      resolve: (r) => r.rows,
    }),
    truncated: t.exposeBoolean('truncated', {
      description:
        'True when rows were left out: more than CYPHER_ROW_LIMIT matched, or the next row would have taken the rows past CYPHER_MAX_BYTES of JSON.',
    }),
    subgraph: t.field({
      type: SubgraphRef,
      description:
        'The entities and relationships that appear in the rows (with the ends of every relationship), ready to draw.',
      resolve: (r) => ({ nodes: r.nodes, edges: r.edges, truncated: r.truncated }),
    }),
  }),
});

builder.queryField('cypher', (t) =>
  t.field({
    type: CypherResultRef,
    authScopes: { analyst: true },
    description:
      'Runs read-only Cypher on the Neo4j store (needs a bearer token from ANALYST_TOKENS). Writes, LOAD CSV, procedures and functions outside a read-only allowlist, administration commands and other databases are refused (FORBIDDEN) before the query runs; queries stop after CYPHER_TIMEOUT_MS (QUERY_TOO_COMPLEX); at most CYPHER_ROW_LIMIT rows and CYPHER_MAX_BYTES of them.',
    args: {
      query: t.arg.string({
        required: true,
        description: 'Cypher, e.g. MATCH (p:Person)-[r:REPRESENTS]->(c) RETURN p, r, c',
      }),
      params: t.arg({
        type: 'JSON',
        required: false,
        description: `Parameters as a JSON object, e.g. {"key": "alec-baldwin"}: at most ${MAX_PARAMS_DEPTH} levels deep and ${MAX_PARAMS_VALUES} values.`,
      }),
    },
    resolve: async (_root, args, context) => {
      const { store, loaders, options } = context;
      if (!store.readOnlyCypher) {
        throw clientError('NOT_SUPPORTED', 'cypher needs the Neo4j store: start the server with NEO4J_URI set');
      }
      if (!args.query.trim()) throw badUserInput('query must not be empty');
      const params = args.params ?? {};
      if (typeof params !== 'object' || Array.isArray(params) || params === null)
        throw badUserInput('params must be a JSON object');
      checkParams(params);
      let answer: CypherAnswer;
      try {
        answer = await store.readOnlyCypher(args.query, params as Record<string, unknown>, {
          timeoutMs: options.cypherTimeoutMs,
          rowLimit: options.cypherRowLimit,
          maxBytes: options.cypherMaxBytes,
        });
      } catch (error) {
        if (error instanceof CypherRefusal) throw clientError(REFUSAL_CODES[error.reason], error.message);
        throw error;
      }
      const edges = existing(await loaders.relationship.loadMany(answer.relationshipKeys));
      const keys = new Set([...answer.entityKeys, ...edges.flatMap((e) => [e.from, e.to])]);
      const nodes = existing(await loaders.entity.loadMany([...keys].sort()));
      return { ...answer, nodes, edges: edges.sort((a, b) => compareStrings(a.key, b.key)) };
    },
  }),
);
