/**
 * Limits on what one request may ask, each refused with QUERY_TOO_COMPLEX naming the limit:
 * depth, cost, aliases, directives and tokens of a document (validation and parsing), and the
 * batch size of a request (in place of Yoga's own check, set out of reach). bodyLimit.ts limits
 * the body's size.
 */
import {
  GraphQLError,
  Kind,
  Lexer,
  Source,
  TokenKind,
  getNamedType,
  isListType,
  getNullableType,
  parse,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Limits } from '../config.js';
import { clientError } from '../graphql/errors.js';

/** A list whose size no argument gives (an event's participants) is counted as this many. */
const ASSUMED_LIST_SIZE = 10;
/** A page size given by a variable is counted as the largest page. */
const ASSUMED_PAGE_SIZE = 100;

function tooComplex(limit: string, max: number, found: number, extra: Record<string, unknown> = {}) {
  return clientError('QUERY_TOO_COMPLEX', `query is too complex: ${limit} ${found} exceeds the limit of ${max}`, {
    limit,
    max,
    found,
    ...extra,
  });
}

const isIntrospection = (field: FieldNode) => field.name.value.startsWith('__');

/** How deep a selection set goes and what it costs, per unit of the page sizes around it. */
interface Measure {
  depth: number;
  cost: number;
}

const NOTHING: Measure = { depth: 0, cost: 0 };

/**
 * Measures a document's operations. Cost is linear in the multiplier a selection set sits under,
 * so each named fragment is measured once, at multiplier 1, and its measure reused wherever it is
 * spread: the work is linear in the size of the document. Expanding every spread instead (as this
 * did before) lets a 1 kB document of fragments that each spread the previous one twice cost 2^n
 * steps: an anonymous freeze.
 */
class DocumentMeasure {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly measured = new Map<string, Measure>();
  private readonly measuring = new Set<string>();
  private readonly schema: GraphQLSchema;

  constructor(context: ValidationContext) {
    this.schema = context.getSchema();
    for (const d of context.getDocument().definitions)
      if (d.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(d.name.value, d);
  }

  operation(operation: OperationDefinitionNode): Measure {
    const root = this.schema.getRootType(operation.operation);
    return root ? this.selectionSet(operation.selectionSet, root.name) : NOTHING;
  }

  private selectionSet(set: SelectionSetNode, parentType: string): Measure {
    let depth = 0;
    let cost = 0;
    for (const selection of set.selections) {
      const measure =
        selection.kind === Kind.FIELD
          ? this.field(selection, parentType)
          : selection.kind === Kind.INLINE_FRAGMENT
            ? this.selectionSet(selection.selectionSet, selection.typeCondition?.name.value ?? parentType)
            : this.fragment(selection.name.value);
      depth = Math.max(depth, measure.depth);
      cost += measure.cost;
    }
    return { depth, cost };
  }

  private field(field: FieldNode, parentType: string): Measure {
    if (isIntrospection(field)) return NOTHING;
    const type = this.schema.getType(parentType);
    const definition =
      type && 'getFields' in type
        ? (type.getFields() as Record<string, GraphQLField<unknown, unknown>>)[field.name.value]
        : undefined;
    if (!definition) return { depth: 1, cost: 1 };
    const children = field.selectionSet
      ? this.selectionSet(field.selectionSet, getNamedType(definition.type).name)
      : NOTHING;
    return { depth: 1 + children.depth, cost: 1 + listSize(field, definition) * children.cost };
  }

  private fragment(name: string): Measure {
    const known = this.measured.get(name);
    if (known) return known;
    const fragment = this.fragments.get(name);
    // unknown fragments and cycles are reported by graphql-js's own rules; they add nothing here
    if (!fragment || this.measuring.has(name)) return NOTHING;
    this.measuring.add(name);
    const measure = this.selectionSet(fragment.selectionSet, fragment.typeCondition.name.value);
    this.measuring.delete(name);
    this.measured.set(name, measure);
    return measure;
  }
}

/**
 * How many items a field's list holds at most, as the cost multiplier of what it selects. Better
 * than a flat "complexity per field" (what off-the-shelf cost plugins offer): it reads the page
 * size the query asks for, so `first: 3` costs a thirtieth of `first: 100`.
 */
function listSize(field: FieldNode, definition: GraphQLField<unknown, unknown>): number {
  const page = pageSize(field, definition);
  if (page !== null) return Math.max(page, 1);
  // a connection's edges are the page its `first` already counted
  if (field.name.value === 'edges' && getNamedType(definition.type).name.endsWith('Edge')) return 1;
  if (!isListType(getNullableType(definition.type))) return 1;
  // a list answered item for item from a list argument (nodes(ids:)) holds as many items as it
  const ids = field.arguments?.find((a) => a.name.value === 'ids')?.value;
  if (ids?.kind === Kind.LIST) return Math.max(ids.values.length, 1);
  if (ids?.kind === Kind.VARIABLE) return ASSUMED_PAGE_SIZE;
  return ASSUMED_LIST_SIZE;
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

/** Depth and cost of every operation in the document, each measured once for both limits. */
function complexityRule(limits: Pick<Limits, 'maxDepth' | 'maxCost'>): ValidationRule {
  return (context) => {
    const measure = new DocumentMeasure(context);
    for (const d of context.getDocument().definitions) {
      if (d.kind !== Kind.OPERATION_DEFINITION) continue;
      const { depth, cost } = measure.operation(d);
      if (depth > limits.maxDepth) context.reportError(tooComplex('depth', limits.maxDepth, depth) as GraphQLError);
      else if (cost > limits.maxCost) context.reportError(tooComplex('cost', limits.maxCost, cost) as GraphQLError);
    }
    return {};
  };
}

function countRule(limit: 'aliases' | 'directives', max: number): ValidationRule {
  return (context): ASTVisitor => {
    let count = 0;
    return {
      Field(node) {
        if (limit === 'aliases' && node.alias) count += 1;
      },
      Directive() {
        if (limit === 'directives') count += 1;
      },
      Document: {
        leave() {
          if (count > max) context.reportError(tooComplex(limit, max, count) as GraphQLError);
        },
      },
    };
  };
}

/** Whether a document holds more than `max` lexical tokens, counting no further than that. */
function hasMoreTokensThan(source: string | Source, max: number): boolean {
  const lexer = new Lexer(typeof source === 'string' ? new Source(source) : source);
  for (let count = 0; count <= max; count += 1) {
    try {
      if (lexer.advance().kind === TokenKind.EOF) return false;
    } catch {
      return false; // a syntax error before the limit: graphql-js reports it
    }
  }
  return true;
}

/** Yoga's batching limit is set out of reach (createServer.ts), so that this one answers in the API's terms. */
function batchLimit(max: number): Plugin['onRequestParse'] {
  return () => ({
    onRequestParseDone({ requestParserResult }) {
      if (Array.isArray(requestParserResult) && requestParserResult.length > max) {
        const message = `query is too complex: a batch may hold at most ${max} operations`;
        throw clientError('QUERY_TOO_COMPLEX', message, { limit: 'batchSize', max, http: { status: 413 } });
      }
    },
  });
}

export function limitsPlugin(limits: Limits): Plugin {
  return {
    onRequestParse: batchLimit(limits.maxBatch),
    onParse({ setParseFn }) {
      setParseFn((source, options) => {
        try {
          return parse(source, { ...options, maxTokens: limits.maxTokens });
        } catch (error) {
          // graphql-js gives its token limit no code: count again, only as far as the limit, to tell
          if (error instanceof GraphQLError && hasMoreTokensThan(source, limits.maxTokens)) {
            throw tooComplex('tokens', limits.maxTokens, limits.maxTokens + 1, { atLeast: true });
          }
          throw error;
        }
      });
    },
    onValidate({ addValidationRule }) {
      addValidationRule(complexityRule(limits));
      addValidationRule(countRule('aliases', limits.maxAliases));
      addValidationRule(countRule('directives', limits.maxDirectives));
    },
  };
}
