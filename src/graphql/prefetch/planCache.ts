/**
 * Plans kept from one request to the next. Yoga parses each distinct document once (its parser
 * cache), so a query sent again meets the very same AST nodes, and a plan depends on nothing else:
 * the field's nodes (and the fragments of their document), the type they are selected on, the
 * variables' values (arguments, @skip and @include) and what the caller asks of them. Planning the
 * entity page again on every request was about 4% of the server's CPU.
 *
 * One LRU for the process, bounded by what it holds (each value's `size`: a tree plan counts its
 * relationship reads), not per document: a client that sends many documents, or one document with
 * many sets of variables, only pushes older plans out. Keys name the nodes by a number, so the
 * cache holds no AST (nor the source text it points to): a document Yoga drops can go.
 */
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import { LRUCache } from 'lru-cache';

/** What the cache holds at most, in `size` units (a tree plan of 64 reads is 65). */
const MAX_KEPT_SIZE = 4_096;
/** Variables longer than this as JSON (a long list of keys, say) are planned anew each time. */
const MAX_VARIABLES_LENGTH = 2_000;

/** Most values kept, whatever their size: each key holds up to MAX_VARIABLES_LENGTH characters. */
const MAX_KEPT = 1_000;

const kept = new LRUCache<string, { value: unknown; size: number }>({
  max: MAX_KEPT,
  maxSize: MAX_KEPT_SIZE,
  sizeCalculation: (entry) => entry.size,
});

/** A number for each field node seen, never reused: a node that goes takes its number with it. */
const nodeNumbers = new WeakMap<FieldNode, number>();
let nodesSeen = 0;
function numberOf(node: FieldNode): number {
  let n = nodeNumbers.get(node);
  if (n === undefined) {
    nodesSeen += 1;
    n = nodesSeen;
    nodeNumbers.set(node, n);
  }
  return n;
}

/** JSON of coerced variables; null for a value JSON cannot write (a scalar parsed to a BigInt, say): then nothing is kept. */
function jsonOrNull(value: unknown): string | null {
  try {
    return JSON.stringify(value) ?? null;
  } catch {
    return null;
  }
}

/** The variables of a request as part of a key, made once per request (its fields share the object); null when too long. */
const variableKeys = new WeakMap<object, string | null>();
function variablesKey(variables: Record<string, unknown>): string | null {
  let key = variableKeys.get(variables);
  if (key === undefined) {
    key = jsonOrNull(variables);
    if (key !== null && key.length > MAX_VARIABLES_LENGTH) key = null;
    variableKeys.set(variables, key);
  }
  return key;
}

/**
 * `make()`'s value for this field, these variables and `what`, made once while it stays in the
 * cache; `sizeOf` says how much of the cache it takes (1 for a small value).
 */
export function plannedOnce<T>(info: GraphQLResolveInfo, what: string, make: () => T, sizeOf: (value: T) => number): T {
  const variables = variablesKey(info.variableValues);
  if (variables === null) return make();
  const nodes = info.fieldNodes.map(numberOf).join(',');
  const key = `${nodes}\u0000${info.parentType.name}\u0000${what}\u0000${variables}`;
  const found = kept.get(key);
  if (found) return found.value as T;
  const value = make();
  const size = Math.max(1, Math.ceil(sizeOf(value)));
  // a value larger than the whole cache is not kept (LRUCache would refuse it anyway)
  if (size <= MAX_KEPT_SIZE) kept.set(key, { value, size });
  return value;
}
