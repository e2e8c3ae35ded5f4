/**
 * Plans kept with the document they were made from. Yoga parses each distinct document once (its
 * parser cache), so a query sent again meets the very same AST nodes, and a plan depends on nothing
 * else: the nodes (and the fragments of their document), the type they are selected on, the
 * variables' values (arguments, @skip and @include) and what the caller asks of them. Planning the
 * entity page again on every request was about 4% of the server's CPU.
 *
 * Held weakly by the field's first node, so a plan goes when Yoga drops its document; a few sets of
 * variables per node, so that a client varying them cannot grow it.
 */
import type { FieldNode, GraphQLResolveInfo } from 'graphql';

/** Sets of variables remembered per field node; past this the oldest is forgotten. */
const VARIABLE_SETS_PER_NODE = 16;
/** Variables longer than this as JSON (a long list of keys, say) are planned anew each time. */
const MAX_KEY_LENGTH = 2_000;

interface Kept {
  fieldNodes: readonly FieldNode[];
  value: unknown;
}

const kept = new WeakMap<FieldNode, Map<string, Kept>>();

const sameNodes = (a: readonly FieldNode[], b: readonly FieldNode[]) =>
  a.length === b.length && a.every((node, i) => node === b[i]);

/** `make()`'s value for this field with these variables and `what`, made once per document. */
export function plannedOnce<T>(info: GraphQLResolveInfo, what: string, make: () => T): T {
  const first = info.fieldNodes[0];
  const key = `${info.parentType.name}\u0000${what}\u0000${JSON.stringify(info.variableValues)}`;
  if (!first || key.length > MAX_KEY_LENGTH) return make();
  let byKey = kept.get(first);
  const found = byKey?.get(key);
  if (found && sameNodes(found.fieldNodes, info.fieldNodes)) return found.value as T;
  const value = make();
  if (!byKey) {
    byKey = new Map();
    kept.set(first, byKey);
  }
  if (byKey.size >= VARIABLE_SETS_PER_NODE) byKey.delete(byKey.keys().next().value!);
  byKey.set(key, { fieldNodes: [...info.fieldNodes], value });
  return value;
}
