/**
 * The explorer's GraphQL documents are typed from schema/schema.graphql by gql.tada: a field the
 * schema renames or drops fails `npm run typecheck`, not a user's browser. The introspection type
 * is generated (web/graphql-env.d.ts) by that same script, so it always follows the schema.
 */
import { initGraphQLTada } from 'gql.tada';
import type { introspection } from '../graphql-env.d.ts';

/** Fragments unmasked: a query's result type includes the fields its fragments select. */
export const graphql = initGraphQLTada<{ introspection: introspection; disableMasking: true }>();
