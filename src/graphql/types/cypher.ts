/**
 * cypher: read-only Cypher for analysts holding a token from ANALYST_TOKENS, on the Neo4j store.
 * The database refuses writes itself (a READ transaction), ends the query at the timeout, and at
 * most CYPHER_ROW_LIMIT rows come back.
 */
import type { Entity, Relationship } from '../../domain/model.js';
import { compareStrings } from '../../domain/ordering.js';
import { CypherRefusal } from '../../store/cypher.js';
import { refusalFor } from '../../server/auth.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
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

const REFUSAL_CODES = { WRITE: 'FORBIDDEN', TIMEOUT: 'QUERY_TOO_COMPLEX', INVALID: 'BAD_USER_INPUT' } as const;

function requireAnalyst({ caller }: Context): void {
  const refusal = refusalFor(caller, 'analyst');
  if (refusal) throw clientError(refusal.code, refusal.message);
}

const CypherResultRef = builder.objectRef<CypherResult>('CypherResult').implement({
  description: 'What a read-only Cypher query returned.',
  fields: (t) => ({
    columns: t.exposeStringList('columns', { description: 'The names the query returned, in order.' }),
    rows: t.field({ type: ['JSON'], description: 'Each row as a JSON object by column; nodes and relationships as objects with labels or type and properties.', resolve: (r) => r.rows }),
    truncated: t.exposeBoolean('truncated', { description: 'True when more rows than CYPHER_ROW_LIMIT matched and the rest were not read.' }),
    subgraph: t.field({
      type: SubgraphRef,
      description: 'The entities and relationships that appear in the rows (with the ends of every relationship), ready to draw.',
      resolve: (r) => ({ nodes: r.nodes, edges: r.edges, truncated: r.truncated }),
    }),
  }),
});

builder.queryField('cypher', (t) =>
  t.field({
    type: CypherResultRef,
    description:
      'Runs read-only Cypher on the Neo4j store (needs a bearer token from ANALYST_TOKENS). Writes are refused by the database; queries stop after CYPHER_TIMEOUT_MS; at most CYPHER_ROW_LIMIT rows.',
    args: {
      query: t.arg.string({ required: true, description: 'Cypher, e.g. MATCH (p:Person)-[r:REPRESENTS]->(c) RETURN p, r, c' }),
      params: t.arg({ type: 'JSON', required: false, description: 'Parameters as a JSON object, e.g. {"key": "alec-baldwin"}.' }),
    },
    resolve: async (_root, args, context) => {
      requireAnalyst(context);
      const { store, loaders, options } = context;
      if (!store.readOnlyCypher) {
        throw clientError('NOT_SUPPORTED', 'cypher needs the Neo4j store: start the server with NEO4J_URI set');
      }
      if (!args.query.trim()) throw badUserInput('query must not be empty');
      const params = args.params ?? {};
      if (typeof params !== 'object' || Array.isArray(params) || params === null) throw badUserInput('params must be a JSON object');
      let answer;
      try {
        answer = await store.readOnlyCypher(args.query, params as Record<string, unknown>, {
          timeoutMs: options.cypherTimeoutMs,
          rowLimit: options.cypherRowLimit,
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
