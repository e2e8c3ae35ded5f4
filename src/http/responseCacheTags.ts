/**
 * What a cached answer depends on, and what a write touches, as tags of one vocabulary:
 * "entity:<key>", "relationship:<key>", "source:<key>", and "mentioned-in:<source key>" for the
 * list of entities a source mentions (Source.entities), which changes without the source changing.
 *
 * An answer is tracked per record only when every root field looks records up by ID or key (node,
 * nodes, entity): everything such an answer shows hangs off the records it contains, whose IDs
 * the cache asks for along the way, and off the records its arguments name (which it may not
 * contain: a lookup that found nothing yet). Any other answer (lists and their totals, search,
 * timeline, neighbourhood, path, sources, the audit trail) depends on which records exist and how
 * they sort, which no set of IDs says: it is a "collection", dropped on every write.
 */
import { decodeGlobalID } from '@pothos/plugin-relay';
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  getArgumentValues,
  getOperationAST,
  Kind,
  type SelectionSetNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import type { Change } from '../domain/changes.js';
import { ENTITY_TYPENAMES } from '../graphql/globalIds.js';

const entityTag = (key: string) => `entity:${key}`;
const relationshipTag = (key: string) => `relationship:${key}`;
const sourceTag = (key: string) => `source:${key}`;
const mentionedInTag = (key: string) => `mentioned-in:${key}`;

/** The tag of what a global ID names, or null for an ID of nothing we track. */
function tagOfId(id: unknown): string | null {
  if (typeof id !== 'string') return null;
  try {
    const { typename, id: key } = decodeGlobalID(id);
    if (ENTITY_TYPENAMES.includes(typename)) return entityTag(key);
    if (typename === 'Relationship') return relationshipTag(key);
    if (typename === 'Source') return sourceTag(key);
  } catch {
    // not a global ID: nothing to tag
  }
  return null;
}

/**
 * Everything a change touched: its entity keys (former keys included), the records before and
 * after, the two ends of each relationship (whose pages list it, count it, or derive fields from
 * it), and the sources whose list of mentioned entities gained or lost one.
 */
export function tagsOfChange(change: Change): Set<string> {
  const tags = new Set<string>();
  for (const key of change.entityKeys) tags.add(entityTag(key));
  const mentions = { before: new Set<string>(), after: new Set<string>() };
  for (const side of ['before', 'after'] as const) {
    const state = change[side];
    for (const entity of state.entities) {
      tags.add(entityTag(entity.key));
      for (const key of entity.formerKeys) tags.add(entityTag(key));
      for (const mention of entity.mentions) mentions[side].add(JSON.stringify([entity.key, mention.sourceKey]));
    }
    for (const relationship of state.relationships) {
      tags.add(relationshipTag(relationship.key));
      tags.add(entityTag(relationship.from));
      tags.add(entityTag(relationship.to));
    }
    for (const source of state.sources) tags.add(sourceTag(source.key));
    // a decision changes a source's draft (Source.draft) without changing the source
    for (const draft of state.drafts ?? []) tags.add(sourceTag(draft.sourceKey));
  }
  for (const [these, those] of [
    [mentions.before, mentions.after],
    [mentions.after, mentions.before],
  ] as const) {
    for (const pair of these) {
      if (!those.has(pair)) tags.add(mentionedInTag((JSON.parse(pair) as [string, string])[1]));
    }
  }
  return tags;
}

/** What a query's document says about caching it, worked out once per document and operation. */
interface Shape {
  /** False for anything but a query, for Cypher (an analyst's may read anything) and introspection. */
  cacheable: boolean;
  /** The root fields, when all of them look records up (node, nodes, entity); null: a collection. */
  lookups: readonly FieldNode[] | null;
  /** Whether it asks Source.entities anywhere, which a mention elsewhere changes. */
  mentionedIn: boolean;
}

const UNCACHEABLE: Shape = { cacheable: false, lookups: null, mentionedIn: false };
const LOOKUPS = new Set(['node', 'nodes', 'entity', '__typename']);

function rootFields(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  into: FieldNode[] = [],
): FieldNode[] {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) into.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) rootFields(selection.selectionSet, fragments, into);
    else {
      const fragment = fragments.get(selection.name.value);
      if (fragment) rootFields(fragment.selectionSet, fragments, into);
    }
  }
  return into;
}

function shapeOf(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined): Shape {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== 'query') return UNCACHEABLE;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const roots = rootFields(operation.selectionSet, fragments);
  const uncacheable = roots.some(
    ({ name: { value } }) => value === 'cypher' || (value.startsWith('__') && value !== '__typename'),
  );
  if (uncacheable) return UNCACHEABLE;
  let mentionedIn = false;
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (node.name.value === 'entities' && typeInfo.getParentType()?.name === 'Source') mentionedIn = true;
      },
    }),
  );
  const lookups = roots.every(({ name: { value } }) => LOOKUPS.has(value))
    ? roots.filter(({ name: { value } }) => value !== '__typename')
    : null;
  return { cacheable: true, lookups, mentionedIn };
}

const shapes = new WeakMap<DocumentNode, Map<string, Shape>>();

function memoShapeOf(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined) {
  let byName = shapes.get(document);
  if (!byName) {
    byName = new Map();
    shapes.set(document, byName);
  }
  const name = operationName ?? '';
  let shape = byName.get(name);
  if (!shape) {
    shape = shapeOf(schema, document, operationName);
    byName.set(name, shape);
  }
  return shape;
}

/** What one execution of a cacheable query depends on, before it runs. */
export interface Plan {
  /** The tags of what its lookups' arguments name; null: a collection, dropped on every write. */
  tags: readonly string[] | null;
  mentionedIn: boolean;
}

/** The tags of the records that node, nodes and entity were asked for; null when one cannot be read. */
function lookupTags(
  schema: GraphQLSchema,
  lookups: readonly FieldNode[],
  variables: Record<string, unknown> | null | undefined,
): string[] | null {
  const fields = schema.getQueryType()?.getFields();
  const tags: string[] = [];
  try {
    for (const node of lookups) {
      const field = fields?.[node.name.value];
      if (!field) return null;
      const args = getArgumentValues(field, node, variables ?? undefined);
      if (node.name.value === 'entity') {
        tags.push(entityTag(String(args.key)));
        continue;
      }
      const ids: unknown[] = node.name.value === 'node' ? [args.id] : Array.isArray(args.ids) ? args.ids : [];
      for (const id of ids) {
        const tag = tagOfId(id);
        if (tag === null) return null;
        tags.push(tag);
      }
    }
  } catch {
    return null;
  }
  return tags;
}

/** The plan of a query, or null when it is not to be cached (not a query, Cypher, introspection). */
export function planOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
): Plan | null {
  const shape = memoShapeOf(schema, document, operationName);
  if (!shape.cacheable) return null;
  const tags = shape.lookups && lookupTags(schema, shape.lookups, variables);
  return { tags, mentionedIn: shape.mentionedIn };
}

/**
 * The tags of an answer: its plan's, and those of every record it shows (the IDs the cache
 * collected); null for a collection.
 */
export function tagsOfAnswer(plan: Plan, shown: Iterable<{ id?: string | number }>): string[] | null {
  if (plan.tags === null) return null;
  const tags = new Set(plan.tags);
  for (const { id } of shown) {
    const tag = tagOfId(id);
    if (tag) tags.add(tag);
  }
  if (plan.mentionedIn)
    for (const tag of [...tags]) if (tag.startsWith('source:')) tags.add(mentionedInTag(tag.slice('source:'.length)));
  return [...tags];
}
