/**
 * A query's selection below some entities, as an entity-tree plan (store/entityTrees.ts) for the
 * store and a binding that says where each part of the tree answers (attach.ts).
 *
 * The planner knows every field an entity or a relationship item may select: the properties each
 * scalar field reads, and the RelatedField and relationship-end extensions of the others. A field it
 * does not know makes it decline (null), and the query is read level by level as before: an entity
 * of a tree holds only the properties its plan read, so a field that reads others must never meet it.
 * Related fields deeper than MAX_LEVELS are left to their resolvers, which read them by key.
 */
import {
  type FieldNode,
  getArgumentValues,
  getDirectiveValues,
  type GraphQLField,
  type GraphQLNamedType,
  GraphQLIncludeDirective,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  GraphQLSkipDirective,
  getNamedType,
  isObjectType,
  type SelectionSetNode,
} from 'graphql';
import { ENTITY_KINDS, type EntityKind, KIND_NAME } from '../../domain/kinds.js';
import type { EntityTreePlan, RelatedTreePlan, TreeEntityProperty } from '../../store/entityTrees.js';
import { RELATED_FIELD, type RelatedField } from '../related.js';
import { plannedOnce } from './planCache.js';
import { RELATIONSHIP_END } from './prefetched.js';

/** Levels of relationships read in one query; deeper ones are read by their resolvers. */
const MAX_LEVELS = 3;

const MENTIONS: TreeEntityProperty[] = ['mentionSources', 'mentionStarts', 'mentionEnds'];

/** What each field of an entity that is not a RelatedField reads (key, kind and name are always read). */
const ENTITY_FIELD_PROPERTIES: Record<string, readonly TreeEntityProperty[]> = {
  __typename: [],
  id: [],
  key: [],
  kind: [],
  name: [],
  aliases: ['aliases'],
  summary: ['summary'],
  formerKeys: ['formerKeys'],
  mentions: MENTIONS,
  occupations: ['occupations'],
  organisationType: ['organisationType'],
  productionType: ['productionType'],
  locationType: ['locationType'],
  eventType: ['eventType'],
  date: ['date'],
  // read by its resolver through the loaders, by the entity's key alone: it may meet a partial entity
  claimsBySource: [],
};

/** What the fields of a relationship item that do not lead to an end read beyond its key, type and ends. */
const RELATIONSHIP_FIELD_READS: Record<string, 'role' | 'evidence' | null> = {
  __typename: null,
  id: null,
  key: null,
  type: null,
  role: 'role',
  evidence: 'evidence',
  modalities: 'evidence',
  sources: 'evidence',
};

/** What an entity of a related list is ordered by (byOtherEnd in related.ts). */
const ORDER_PROPERTIES: TreeEntityProperty[] = ['date', ...MENTIONS];

export interface EntityBinding {
  /** One per entry of the plan's `related`. */
  related: RelatedBinding[];
}

interface RelatedBinding {
  responseKey: string;
  field: RelatedField<Record<string, unknown>>;
  args: Record<string, unknown>;
  forKinds: readonly EntityKind[] | null;
  /** The page the store reads, when the field pages. */
  page: { offset: number; limit: number } | null;
  /** For relationship items: the fields that lead to an end, one per entry of the plan's `far` and `near`. */
  ends: EndBinding[];
  /** For entity items: the binding of the plan's one `far`. */
  items: EntityBinding | null;
}

export interface EndBinding {
  responseKey: string;
  end: 'from' | 'to';
  /** Which of the plan's `far` and `near` it reads: fields that select the same share one. */
  index: number;
  binding: EntityBinding;
}

export interface PlannedTree {
  plan: EntityTreePlan;
  binding: EntityBinding;
}

/**
 * The most relationship reads (COLLECT subqueries) one tree may make. A selection is finite, but
 * each end of a relationship is planned twice (as the other end and as the entity itself), so a
 * small document that selects both ends at several levels, under many aliases, would make a query
 * whose text and planning grow far faster than the document; above this it is read level by level.
 */
const MAX_TREE_READS = 64;

/** How many relationship reads a plan makes. */
function readsOf(plan: EntityTreePlan): number {
  return plan.related.reduce(
    (sum, related) =>
      sum + 1 + [...related.far, ...related.near].reduce((ends, end) => ends + (end ? readsOf(end) : 0), 0),
    0,
  );
}

/** Declines the whole plan: a field the planner cannot answer for. */
export class Decline extends Error {}

const KIND_OF_TYPE = new Map(ENTITY_KINDS.map((kind) => [KIND_NAME[kind], kind]));

/** The kinds an entity field's type admits: one for Person, every kind for Entity. */
function kindsOf(field: GraphQLField<unknown, unknown>): EntityKind[] {
  const name = getNamedType(field.type).name;
  const kind = KIND_OF_TYPE.get(name);
  if (kind) return [kind];
  if (name === 'Entity') return [...ENTITY_KINDS];
  throw new Decline(`${name} is not an entity type`);
}

type Fields = Map<string, FieldNode[]>;

/** What a relationship's selection reads (Planner.relationshipFields). */
export interface RelationshipFields {
  role: boolean;
  evidence: boolean;
  ends: { responseKey: string; end: 'from' | 'to'; kinds: EntityKind[]; nodes: FieldNode[] }[];
}

export class Planner {
  constructor(private readonly info: GraphQLResolveInfo) {}

  private included(node: { directives?: readonly unknown[] }): boolean {
    const variables = this.info.variableValues;
    const n = node as Parameters<typeof getDirectiveValues>[1];
    return (
      !getDirectiveValues(GraphQLSkipDirective, n, variables)?.if &&
      getDirectiveValues(GraphQLIncludeDirective, n, variables)?.if !== false
    );
  }

  /**
   * The fields `type` collects from these selection sets, by response key, as graphql-js executes
   * them: each named fragment once, however often it is spread (a fragment spread twice in each
   * of a chain of fragments would otherwise cost twice as much per link).
   */
  collect(
    type: GraphQLObjectType,
    sets: readonly (SelectionSetNode | undefined)[],
    into: Fields = new Map(),
    visited = new Set<string>(),
  ): Fields {
    const applies = (condition: string | undefined) =>
      !condition || condition === type.name || type.getInterfaces().some((i) => i.name === condition);
    for (const set of sets) {
      for (const selection of set?.selections ?? []) {
        if (!this.included(selection)) continue;
        if (selection.kind === 'Field') {
          const key = selection.alias?.value ?? selection.name.value;
          const nodes = into.get(key);
          if (nodes) nodes.push(selection);
          else into.set(key, [selection]);
        } else if (selection.kind === 'InlineFragment') {
          if (applies(selection.typeCondition?.name.value)) this.collect(type, [selection.selectionSet], into, visited);
        } else {
          const name = selection.name.value;
          if (visited.has(name)) continue;
          visited.add(name);
          const fragment = this.info.fragments[name];
          if (fragment && applies(fragment.typeCondition.name.value))
            this.collect(type, [fragment.selectionSet], into, visited);
        }
      }
    }
    return into;
  }

  private objectType(name: string): GraphQLObjectType {
    const type = this.info.schema.getType(name);
    if (!isObjectType(type)) throw new Decline(`${name} is not an object type`);
    return type;
  }

  /**
   * The nodes reached from `nodes` along `path` (a connection's edges, then node); null when the
   * query does not go that far. Two aliases of one step (`a: edges`, `b: edges`) would each need
   * answers of their own below: the planner declines them.
   */
  follow(
    nodes: FieldNode[],
    type: GraphQLObjectType,
    path: readonly string[],
  ): [FieldNode[], GraphQLObjectType] | null {
    let current: [FieldNode[], GraphQLObjectType] = [nodes, type];
    for (const name of path) {
      const [at, atType] = current;
      const next = this.step(at, atType, name);
      if (!next) return null;
      const field = atType.getFields()[name];
      if (!field) throw new Decline(`no field ${name} on ${atType.name}`);
      const nextType = getNamedType(field.type);
      if (!isObjectType(nextType)) throw new Decline(`${name} is not an object`);
      current = [next, nextType];
    }
    return current;
  }

  /** As `follow`, to the nodes of the last step, which may lead to an interface (a search hit's `entity`). */
  reach(nodes: FieldNode[], type: GraphQLObjectType, path: readonly string[]): FieldNode[] | null {
    const before = this.follow(nodes, type, path.slice(0, -1));
    return before && this.step(before[0], before[1], path.at(-1)!);
  }

  /** The nodes of the one field `name` that these nodes select on `type`; null when none does. */
  private step(nodes: FieldNode[], type: GraphQLObjectType, name: string): FieldNode[] | null {
    const fields = this.collect(
      type,
      nodes.map((n) => n.selectionSet),
    );
    const keys = [...fields].filter(([, fieldNodes]) => fieldNodes[0]!.name.value === name);
    if (keys.length === 0) return null;
    if (keys.length > 1) throw new Decline(`${name} is selected under ${keys.length} names`);
    return keys[0]![1];
  }

  /**
   * What a relationship's selection (`nodes` on `type`) reads: its role, its evidence, and the
   * fields that lead to an end, with the kinds the end may be. Any other field declines.
   */
  relationshipFields(type: GraphQLObjectType, nodes: FieldNode[]): RelationshipFields {
    const fields: RelationshipFields = { role: false, evidence: false, ends: [] };
    for (const [responseKey, fieldNodes] of this.collect(
      type,
      nodes.map((n) => n.selectionSet),
    )) {
      const name = fieldNodes[0]!.name.value;
      const reads = Object.hasOwn(RELATIONSHIP_FIELD_READS, name) ? RELATIONSHIP_FIELD_READS[name] : undefined;
      if (reads !== undefined) {
        if (reads) fields[reads] = true;
        continue;
      }
      const endField = type.getFields()[name];
      const end = endField?.extensions?.[RELATIONSHIP_END] as 'from' | 'to' | undefined;
      if (!endField || !end) throw new Decline(`${type.name}.${name} is read by its resolver`);
      fields.ends.push({ responseKey, end, kinds: kindsOf(endField), nodes: fieldNodes });
    }
    return fields;
  }

  /**
   * Whether a paged field's selection may show how many items there are in all: anything it
   * selects beside its items (`edges`) does (totalCount, pageInfo.hasNextPage), and so does a
   * field whose items are not below it.
   */
  private showsTotal(nodes: FieldNode[], type: GraphQLNamedType, itemPath: readonly string[]): boolean {
    if (itemPath.length === 0 || !isObjectType(type)) return true;
    const fields = this.collect(
      type,
      nodes.map((n) => n.selectionSet),
    );
    return [...fields.values()].some(([node]) => node!.name.value !== itemPath[0] && node!.name.value !== '__typename');
  }

  entity(
    nodes: FieldNode[],
    kinds: readonly EntityKind[],
    level: number,
    extra: readonly TreeEntityProperty[] = [],
  ): PlannedTree {
    const properties = new Set<TreeEntityProperty>(extra);
    const groups: {
      key: string;
      field: RelatedField<Record<string, unknown>>;
      gql: GraphQLField<unknown, unknown>;
      nodes: FieldNode[];
      kinds: EntityKind[];
    }[] = [];
    for (const kind of kinds) {
      const type = this.objectType(KIND_NAME[kind]);
      for (const [key, fieldNodes] of this.collect(
        type,
        nodes.map((n) => n.selectionSet),
      )) {
        const name = fieldNodes[0]!.name.value;
        // own keys only: a field named like an Object.prototype member is not a property read
        const known = Object.hasOwn(ENTITY_FIELD_PROPERTIES, name) ? ENTITY_FIELD_PROPERTIES[name] : undefined;
        if (known) {
          for (const property of known) properties.add(property);
          continue;
        }
        const gql = type.getFields()[name];
        const field = gql?.extensions?.[RELATED_FIELD] as RelatedField<Record<string, unknown>> | undefined;
        if (!gql || !field) throw new Decline(`${type.name}.${name} is read by its resolver`);
        const same = groups.find(
          (g) =>
            g.key === key &&
            g.field === field &&
            g.nodes.length === fieldNodes.length &&
            g.nodes.every((n, i) => n === fieldNodes[i]),
        );
        if (same) same.kinds.push(kind);
        else groups.push({ key, field, gql, nodes: fieldNodes, kinds: [kind] });
      }
    }
    const plan: EntityTreePlan = { properties: [...properties], related: [] };
    const binding: EntityBinding = { related: [] };
    // deeper related fields are read by their resolvers, by key; this entity's own properties still are planned
    if (level > MAX_LEVELS) return { plan, binding };
    for (const group of groups) {
      const [related, relatedBinding] = this.related(group, kinds, level);
      (plan.related as RelatedTreePlan[]).push(related);
      binding.related.push(relatedBinding);
    }
    return { plan, binding };
  }

  private related(
    group: {
      key: string;
      field: RelatedField<Record<string, unknown>>;
      gql: GraphQLField<unknown, unknown>;
      nodes: FieldNode[];
      kinds: EntityKind[];
    },
    positionKinds: readonly EntityKind[],
    level: number,
  ): [RelatedTreePlan, RelatedBinding] {
    const { field, gql, nodes } = group;
    const args = getArgumentValues(gql, nodes[0]!, this.info.variableValues) as Record<string, unknown>;
    const read = field.read(args);
    const forKinds = group.kinds.length === positionKinds.length ? null : group.kinds;
    const returned = getNamedType(gql.type);
    const page = pageOrNull(field, args);
    const plan = {
      forKinds,
      ...read,
      page,
      counted: page !== null && this.showsTotal(nodes, returned, field.itemPath),
      orderByOther: field.ordersByOtherEnd,
      role: false,
      evidence: field.needsEvidence(args),
      far: [] as EntityTreePlan[],
      farWhen: [] as ('from' | 'to' | 'either')[],
      near: [] as (EntityTreePlan | null)[],
    };
    const binding: RelatedBinding = {
      responseKey: group.key,
      field,
      args,
      forKinds,
      page: plan.page,
      ends: [],
      items: null,
    };
    if (field.items === 'none' || !isObjectType(returned)) return [plan, binding];
    const items = this.follow(nodes, returned, field.itemPath);
    if (!items) return [plan, binding];
    const [itemNodes, itemType] = items;
    if (field.items === 'entities') {
      const kinds = read.otherKind ? [read.otherKind] : kindsOf(gql);
      const far = this.entity(itemNodes, kinds, level + 1, ORDER_PROPERTIES);
      plan.far.push(far.plan);
      plan.farWhen.push('either');
      // the entities themselves are read with what they are ordered by
      plan.orderByOther = false;
      binding.items = far.binding;
      return [plan, binding];
    }
    const fields = this.relationshipFields(itemType, itemNodes);
    plan.role = fields.role;
    plan.evidence ||= fields.evidence;
    for (const { responseKey: key, end, kinds, nodes: fieldNodes } of fields.ends) {
      const tree = this.entity(fieldNodes, kinds, level + 1);
      const text = JSON.stringify(tree.plan);
      // an end the field's direction puts on the other side (a credit's person, read from the
      // production) is always the other node, a self-loop's included: read there, never as the entity
      const alwaysOther = (read.direction === 'IN' && end === 'from') || (read.direction === 'OUT' && end === 'to');
      let index = plan.far.findIndex((other) => JSON.stringify(other) === text);
      if (index < 0) {
        index = plan.far.push(tree.plan) - 1;
        plan.farWhen.push(alwaysOther ? 'either' : end);
        plan.near.push(alwaysOther ? null : tree.plan);
      } else {
        if (alwaysOther || plan.farWhen[index] !== end) plan.farWhen[index] = 'either';
        if (!alwaysOther) plan.near[index] = tree.plan;
      }
      binding.ends.push({ responseKey: key, end, index, binding: tree.binding });
    }
    return [plan, binding];
  }
}

/** The page a field reads, when it pages (its arguments refused: it reads all, and answers the refusal where it resolves). */
function pageOrNull(field: RelatedField<Record<string, unknown>>, args: Record<string, unknown>) {
  try {
    return field.page?.(args) ?? null;
  } catch {
    return null;
  }
}

/**
 * The plan for the entities the current field returns (at `itemPath` below it: ['edges', 'node'] for
 * a connection), which may be of `kinds`; null when the planner declines or nothing below them reads
 * relationships (one query answers that already).
 */
export function planTrees(
  info: GraphQLResolveInfo,
  kinds: readonly EntityKind[],
  itemPath: readonly string[] = [],
): PlannedTree | null {
  return plannedOnce(
    info,
    `trees ${kinds.join(',')} ${itemPath.join('.')}`,
    () => {
      const tree = planEntities(info, kinds, itemPath);
      // a selection too large to read at once is read level by level, each level bounded by the loaders' batches
      return tree && tree.plan.related.length > 0 && readsOf(tree.plan) <= MAX_TREE_READS ? tree : null;
    },
    (tree) => (tree ? readsOf(tree.plan) + 1 : 1),
  );
}

/**
 * The properties the query reads of the entities the current field returns (at `itemPath` below
 * it), when it reads nothing else of them; null when it also reads their relationships, or the
 * planner declines: then they are read whole. Entities read with only these must not reach the
 * loaders' caches, where a later field could meet a property that was not read.
 */
export function plannedProperties(
  info: GraphQLResolveInfo,
  kinds: readonly EntityKind[],
  itemPath: readonly string[] = [],
): TreeEntityProperty[] | null {
  const properties = plannedOnce(
    info,
    `properties ${kinds.join(',')} ${itemPath.join('.')}`,
    () => {
      const tree = planEntities(info, kinds, itemPath);
      return tree && tree.plan.related.length === 0 ? tree.plan.properties : null;
    },
    () => 1,
  );
  return properties && [...properties];
}

function planEntities(
  info: GraphQLResolveInfo,
  kinds: readonly EntityKind[],
  itemPath: readonly string[],
): PlannedTree | null {
  const planner = new Planner(info);
  try {
    let nodes = [...info.fieldNodes];
    if (itemPath.length > 0) {
      const type = getNamedType(info.returnType);
      const items = isObjectType(type) ? planner.reach(nodes, type, itemPath) : null;
      if (!items) return null;
      nodes = items;
    }
    return planner.entity(nodes, kinds, 1);
  } catch (error) {
    if (error instanceof Decline) return null;
    throw error;
  }
}
