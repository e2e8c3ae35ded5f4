/** The Pothos builder: plugins, the Context, and how IDs and connections look. It defines no types. */
import SchemaBuilder from '@pothos/core';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin, { AuthScopeFailureType, type AuthFailure } from '@pothos/plugin-scope-auth';
import { refusalFor, type Scope } from '../access/callers.js';
import { valueFromASTUntyped } from 'graphql';
import type { Context } from './context.js';
import { checkListLength, clientError } from './errors.js';
import { decodeId, encodeGlobalID } from './globalIds.js';
import { treeReader } from './prefetch/trees.js';
import { ENTITY_KINDS, KIND_NAME } from '../domain/kinds.js';

const KIND_OF_TYPENAME = new Map(ENTITY_KINDS.map((kind) => [KIND_NAME[kind], kind]));

/** The scope a refused field demanded (each field here demands one, perhaps wrapped in an any-of). */
function scopeOf(failure: AuthFailure): Scope | undefined {
  if (failure.kind === AuthScopeFailureType.AuthScope) return failure.scope as Scope;
  return 'failures' in failure ? failure.failures.map(scopeOf).find((scope) => scope !== undefined) : undefined;
}

export const builder = new SchemaBuilder<{
  Context: Context;
  /** What a field may demand of its caller (@pothos/plugin-scope-auth), from src/access/. */
  AuthScopes: Record<Scope, boolean>;
  /** Every connection resolver returns its totalCount. */
  Connection: { totalCount: number };
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  /** Fields are non-null unless they say otherwise, as in API.md. */
  DefaultFieldNullability: false;
  Scalars: { JSON: { Input: unknown; Output: unknown } };
}>({
  defaultFieldNullability: false,
  // scope-auth first, so that a field's rights are checked before any other plugin runs for it
  plugins: [ScopeAuthPlugin, RelayPlugin],
  scopeAuth: {
    authScopes: ({ caller }) => ({
      read: caller.scopes.has('read'),
      analyst: caller.scopes.has('analyst'),
      editor: caller.scopes.has('editor'),
    }),
    // UNAUTHENTICATED for a missing or wrong token, FORBIDDEN for a token without the right
    unauthorizedError: (_parent, { caller }, _info, result) => {
      const scope = scopeOf(result.failure);
      const refusal = (scope && refusalFor(caller, scope)) || { code: 'FORBIDDEN' as const, message: result.message };
      return clientError(refusal.code, refusal.message);
    },
  },
  relay: {
    clientMutationId: 'optional',
    clientMutationIdInputOptions: {
      description: 'Any value you choose: the payload returns it, to match answers to requests.',
    },
    clientMutationIdFieldOptions: { description: 'The clientMutationId of the input, as it was sent.' },
    mutationInputArgOptions: { description: 'What to write.' },
    encodeGlobalID: (typename, id) => encodeGlobalID(typename, String(id)),
    decodeGlobalID: (globalID) => decodeId(globalID),
    idFieldOptions: { description: 'Opaque global ID: pass it to node(id:) to read this again.' },
    edgesFieldOptions: { nullable: false, description: 'The items of this page, each with its cursor.' },
    nodeFieldOptions: { nullable: false, description: 'The item.' },
    cursorFieldOptions: { description: 'Pass as `after` to read the items that follow this one.' },
    pageInfoFieldOptions: { description: 'Where this page stands in the whole list.' },
    hasNextPageFieldOptions: { description: 'Whether items follow this page.' },
    hasPreviousPageFieldOptions: { description: 'Whether items come before this page.' },
    startCursorFieldOptions: { description: 'The cursor of the first item of this page; null when it is empty.' },
    endCursorFieldOptions: { description: 'The cursor of the last item of this page; null when it is empty.' },
    defaultEdgeTypeOptions: { description: 'An item of a list, with its cursor.' },
    nodeTypeOptions: { description: 'Anything with a global ID: entities, relationships and sources.' },
    pageInfoTypeOptions: { description: 'Where a page of a connection stands in the whole list.' },
    nodeQueryOptions: {
      description: 'Any node by its global ID; null when the ID is well formed but names nothing.',
      args: { id: { description: 'A global ID, as an `id` field gave it.' } },
      // an entity and what the query selects below it in one read, where the store can (prefetch/)
      resolve: async (_root, args, context, info, resolveNode) => {
        const kind = KIND_OF_TYPENAME.get(args.id.typename);
        const readAhead = kind ? treeReader(context, info, [kind]) : null;
        const [read] = readAhead ? (await readAhead({ keys: [args.id.id] })).entities : [];
        if (read) return read.kind === kind ? read : null;
        return resolveNode(args.id);
      },
    },
    nodesQueryOptions: {
      description: 'Nodes by global ID, in the order asked; null where an ID names nothing.',
      args: { ids: { description: 'Global IDs, as `id` fields gave them (at most 100).' } },
      resolve: (_root, args, _context, _info, resolveNodes) => resolveNodes(checkListLength(args.ids, 'ids')),
    },
  },
});

builder.globalConnectionField('totalCount', (t) =>
  t.int({
    description: 'How many items the whole list holds, across all pages.',
    resolve: (parent) => parent.totalCount,
  }),
);

builder.scalarType('JSON', {
  description: 'Any JSON value.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables ?? undefined),
});

builder.queryType({ description: 'The case graph: entities, their relationships and the sources that state them.' });
builder.mutationType({
  description: 'Editors’ writes (an editor token): each is one transaction, recorded in the audit trail.',
});
