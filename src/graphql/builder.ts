/** The Pothos builder: plugins, the Context, and how IDs and connections look. It defines no types. */
import SchemaBuilder from '@pothos/core';
import RelayPlugin from '@pothos/plugin-relay';
import { valueFromASTUntyped } from 'graphql';
import type { Context } from './context.js';
import { checkListLength } from './errors.js';
import { decodeId, encodeGlobalID } from './globalIds.js';

export const builder = new SchemaBuilder<{
  Context: Context;
  /** Every connection resolver returns its totalCount. */
  Connection: { totalCount: number };
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  /** Fields are non-null unless they say otherwise, as in API.md. */
  DefaultFieldNullability: false;
  Scalars: { JSON: { Input: unknown; Output: unknown } };
}>({
  defaultFieldNullability: false,
  plugins: [RelayPlugin],
  relay: {
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
    },
    nodesQueryOptions: {
      description: 'Nodes by global ID, in the order asked; null where an ID names nothing.',
      args: { ids: { description: 'Global IDs, as `id` fields gave them (at most 100).' } },
      resolve: (_root, args, _context, _info, resolveNodes) => resolveNodes(checkListLength(args.ids, 'ids')),
    },
  },
});

builder.globalConnectionField('totalCount', (t) =>
  t.int({ description: 'How many items the whole list holds, across all pages.', resolve: (parent) => parent.totalCount }),
);

builder.scalarType('JSON', {
  description: 'Any JSON value.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables ?? undefined),
});

builder.queryType({ description: 'The case graph: entities, their relationships and the sources that state them.' });
