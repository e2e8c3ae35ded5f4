/**
 * Limits on what one request may ask, each refused with QUERY_TOO_COMPLEX naming the limit:
 * depth, cost, aliases, directives and tokens of a document (validation and parsing), and the
 * body size and batch size of a request (Yoga's own checks, their errors renamed here).
 */
import {
  GraphQLError, Kind, getNamedType, isListType, getNullableType, parse,
  type ASTVisitor, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext, type ValidationRule,
  type GraphQLField,
} from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

export interface Limits {
  maxDepth: number;
  /** Each field costs 1, times the page sizes (first, limit) of the lists around it. */
  maxCost: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxBodyBytes: number;
  maxBatch: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxDepth: 12,
  maxCost: 500_000,
  maxAliases: 30,
  maxDirectives: 30,
  maxTokens: 5_000,
  maxBodyBytes: 1_000_000,
  maxBatch: 10,
};

/** A list whose size no argument gives (an event's participants) is counted as this many. */
const ASSUMED_LIST_SIZE = 10;
/** A page size given by a variable is counted as the largest page. */
const ASSUMED_PAGE_SIZE = 100;

export function tooComplex(limit: string, max: number, found: number, extra: Record<string, unknown> = {}) {
  return createGraphQLError(`query is too complex: ${limit} ${found} exceeds the limit of ${max}`, {
    extensions: { code: 'QUERY_TOO_COMPLEX', limit, max, found, ...extra },
  });
}

const isIntrospection = (field: FieldNode) => field.name.value.startsWith('__');

/** Walks each operation's selections through fragments, calling `visit` per field with its depth and multiplier. */
function walkOperations(
  context: ValidationContext,
  visit: (field: FieldNode, depth: number, multiplier: number, definition: GraphQLField<unknown, unknown> | undefined) => number,
): void {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of context.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const schema = context.getSchema();

  const walk = (set: SelectionSetNode, parentType: string, depth: number, multiplier: number, seen: Set<string>) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (isIntrospection(selection)) continue;
        const type = schema.getType(parentType);
        const definition = type && 'getFields' in type ? (type.getFields() as Record<string, GraphQLField<unknown, unknown>>)[selection.name.value] : undefined;
        const childMultiplier = visit(selection, depth + 1, multiplier, definition);
        if (selection.selectionSet && definition) {
          walk(selection.selectionSet, getNamedType(definition.type).name, depth + 1, childMultiplier, seen);
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, selection.typeCondition?.name.value ?? parentType, depth, multiplier, seen);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value)) {
          walk(fragment.selectionSet, fragment.typeCondition.name.value, depth, multiplier, new Set([...seen, fragment.name.value]));
        }
      }
    }
  };
  for (const d of context.getDocument().definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    const root = d.operation === 'query' ? schema.getQueryType() : d.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
    if (root) walk(d.selectionSet, root.name, 0, 1, new Set());
  }
}

/** The page size a field asks for: its first or limit argument (literal, default, or a variable's worst case). */
function pageSize(field: FieldNode, definition: GraphQLField<unknown, unknown>): number | null {
  for (const name of ['first', 'limit']) {
    const argument = definition.args.find((a) => a.name === name);
    if (!argument) continue;
    const given = field.arguments?.find((a) => a.name.value === name)?.value;
    if (given?.kind === Kind.INT) return Math.max(0, Number(given.value));
    if (given?.kind === Kind.VARIABLE) return ASSUMED_PAGE_SIZE;
    return typeof argument.defaultValue === 'number' ? argument.defaultValue : ASSUMED_PAGE_SIZE;
  }
  return null;
}

function depthRule(max: number): ValidationRule {
  return (context) => {
    let deepest = 0;
    walkOperations(context, (_field, depth, multiplier) => { deepest = Math.max(deepest, depth); return multiplier; });
    if (deepest > max) context.reportError(tooComplex('depth', max, deepest) as GraphQLError);
    return {};
  };
}

function costRule(max: number): ValidationRule {
  return (context) => {
    let cost = 0;
    walkOperations(context, (field, _depth, multiplier, definition) => {
      cost += multiplier;
      if (!definition) return multiplier;
      const size = pageSize(field, definition);
      if (size !== null) return multiplier * Math.max(size, 1);
      // a connection's edges are the page its `first` already counted
      if (field.name.value === 'edges' && getNamedType(definition.type).name.endsWith('Edge')) return multiplier;
      return isListType(getNullableType(definition.type)) ? multiplier * ASSUMED_LIST_SIZE : multiplier;
    });
    if (cost > max) context.reportError(tooComplex('cost', max, cost) as GraphQLError);
    return {};
  };
}

function countRule(limit: 'aliases' | 'directives', max: number): ValidationRule {
  return (context): ASTVisitor => {
    let count = 0;
    return {
      Field(node) { if (limit === 'aliases' && node.alias) count += 1; },
      Directive() { if (limit === 'directives') count += 1; },
      Document: { leave() { if (count > max) context.reportError(tooComplex(limit, max, count) as GraphQLError); } },
    };
  };
}

/** Yoga's body-size and batch-size errors, renamed into the API's terms (their 413 kept). */
function renamed(error: unknown, limits: Limits): unknown {
  if (!(error instanceof GraphQLError)) return error;
  const status = { http: { status: 413 } };
  if (error.extensions.code === 'REQUEST_ENTITY_TOO_LARGE') {
    return createGraphQLError(`query is too complex: the request body exceeds the limit of ${limits.maxBodyBytes} bytes`, {
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'bodySize', max: limits.maxBodyBytes, ...status },
    });
  }
  if (error.message.startsWith('Batching is limited')) {
    return createGraphQLError(`query is too complex: a batch may hold at most ${limits.maxBatch} operations`, {
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'batchSize', max: limits.maxBatch, ...status },
    });
  }
  return error;
}

export function limitsPlugin(limits: Limits): Plugin {
  return {
    onParse({ setParseFn }) {
      setParseFn((source, options) => {
        try {
          return parse(source, { ...options, maxTokens: limits.maxTokens });
        } catch (error) {
          if (error instanceof GraphQLError && /Document contains more th(?:an|at) \d+ tokens/.test(error.message)) {
            throw tooComplex('tokens', limits.maxTokens, limits.maxTokens + 1, { atLeast: true });
          }
          throw error;
        }
      });
    },
    onValidate({ addValidationRule }) {
      addValidationRule(depthRule(limits.maxDepth));
      addValidationRule(costRule(limits.maxCost));
      addValidationRule(countRule('aliases', limits.maxAliases));
      addValidationRule(countRule('directives', limits.maxDirectives));
    },
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || !('errors' in result) || !result.errors) return;
      setResult({ ...result, errors: result.errors.map((e) => renamed(e, limits) as GraphQLError) });
    },
  };
}
