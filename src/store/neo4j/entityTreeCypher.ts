/**
 * An entity-tree plan (store/entityTrees.ts) as ONE Cypher query: each level of relationships a
 * COLLECT subquery inside the list projection of the level above, so a nested selection costs one
 * round trip and reads only the properties it names. Every level is a list of values whose
 * positions the plan fixes (the *Fields functions below, read by both the query and its parsing),
 * not a map: see fromList in mapping.ts for why.
 *
 * Relationship types and kinds are written into the text (a typed expansion lets Neo4j read only
 * those relationships), never taken from input as text: each is checked against the domain's own
 * list first. What comes from a request (keys, a page) is a parameter. The same plan gives the same
 * text, so Neo4j plans it once.
 */
import { DIRECTIONS, ENTITY_KINDS, RELATIONSHIP_TYPES } from '../../domain/kinds.js';
import { compareStrings } from '../../domain/ordering.js';
import {
  type EntityTree,
  type EntityTreePlan,
  type EntityTreeRoots,
  type RelatedTree,
  type RelatedTreePlan,
  TREE_ENTITY_PROPERTIES,
} from '../entityTrees.js';
import neo4j from 'neo4j-driver';
import { fromList, toEntity, toNumber, toRelationship } from './mapping.js';

/** Deeper plans than this are refused (the GraphQL layer then reads level by level). */
const MAX_TREE_DEPTH = 4;

/** What related lists are ordered by (byOtherEnd in graphql/related.ts): an event's mentions place it in the timeline. */
const ORDER_FIELDS = ['key', 'kind', 'name', 'date', 'mentionSources', 'mentionStarts', 'mentionEnds'] as const;
const orderProperties = (o: string) =>
  `[${ORDER_FIELDS.map((p) => (p.startsWith('mention') ? `CASE WHEN ${o}.kind = 'EVENT' THEN ${o}.${p} END` : `${o}.${p}`)).join(', ')}]`;

const fieldsOfPlan = new WeakMap<EntityTreePlan, readonly string[]>();

/**
 * The properties an entity of `plan` lists, in order; its related trees follow them. Kept per plan:
 * a tree's parsing asks for them once per entity it reads (hundreds in a list of people).
 */
function entityFields(plan: EntityTreePlan): readonly string[] {
  let fields = fieldsOfPlan.get(plan);
  if (!fields) {
    fields = [...new Set(['key', 'kind', 'name', ...plan.properties])];
    fieldsOfPlan.set(plan, fields);
  }
  return fields;
}

/** What a relationship of `plan` lists, in order: key, role and evidence when asked, then type and ends. */
const relationshipFields = (plan: RelatedTreePlan) => [
  'key',
  ...(plan.role ? ['role'] : []),
  ...(plan.evidence
    ? ['evidenceSources', 'evidenceStarts', 'evidenceEnds', 'evidenceModalities', 'evidenceAssertedBy']
    : []),
  'type',
  'from',
  'to',
];

function checked<T extends string>(values: readonly T[], allowed: readonly string[], what: string): readonly T[] {
  for (const value of values) if (!allowed.includes(value)) throw new TypeError(`not a ${what}: ${value}`);
  return values;
}

const literalList = (values: readonly string[]) => `[${values.map((v) => `'${v}'`).join(', ')}]`;

class TreeCypher {
  private variables = 0;
  /** The query's parameters: a page's bounds, the one thing of a plan that varies request by request. */
  readonly parameters: Record<string, unknown> = {};

  private parameter(value: number): string {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not a page bound: ${value}`);
    const name = `p${Object.keys(this.parameters).length}`;
    this.parameters[name] = neo4j.int(value);
    return `$${name}`;
  }

  private fresh(prefix: string): string {
    this.variables += 1;
    return `${prefix}${this.variables}`;
  }

  entity(v: string, plan: EntityTreePlan, depth: number): string {
    if (depth > MAX_TREE_DEPTH) throw new RangeError(`an entity tree deeper than ${MAX_TREE_DEPTH}`);
    const properties = checked(entityFields(plan), TREE_ENTITY_PROPERTIES, 'property');
    const related = plan.related.map((r) => this.related(v, r, depth));
    return `[${[...properties.map((p) => `${v}.${p}`), ...related].join(', ')}]`;
  }

  private related(v: string, plan: RelatedTreePlan, depth: number): string {
    const r = this.fresh('r');
    const o = this.fresh('o');
    const types = checked(plan.types ?? RELATIONSHIP_TYPES, RELATIONSHIP_TYPES, 'relationship type');
    const [direction] = checked([plan.direction], DIRECTIONS, 'direction');
    const pattern =
      direction === 'OUT'
        ? `(${v})-[${r}:${types.join('|')}]->(${o}:Entity)`
        : direction === 'IN'
          ? `(${v})<-[${r}:${types.join('|')}]-(${o}:Entity)`
          : `(${v})-[${r}:${types.join('|')}]-(${o}:Entity)`;
    const otherKind = plan.otherKind
      ? ` WHERE ${o}.kind = '${checked([plan.otherKind], ENTITY_KINDS, 'kind')[0]}'`
      : '';
    const relationship = relationshipFields(plan).map((field) =>
      field === 'type'
        ? `type(${r})`
        : field === 'from'
          ? `startNode(${r}).key`
          : field === 'to'
            ? `endNode(${r}).key`
            : `${r}.${field}`,
    );
    const far = plan.far.map((p, i) => {
      const projection = this.entity(o, p, depth + 1);
      const when = plan.farWhen[i] ?? 'either';
      if (when === 'either') return projection;
      return `CASE WHEN ${when === 'from' ? 'startNode' : 'endNode'}(${r}) = ${v} THEN null ELSE ${projection} END`;
    });
    const near = plan.near.map((p) => (p ? this.entity(v, p, depth + 1) : 'null'));
    const page = plan.page
      ? `WITH ${r}, ${o} ORDER BY ${r}.key SKIP ${this.parameter(plan.page.offset)} LIMIT ${this.parameter(plan.page.limit)} `
      : '';
    // each item: [relationship, other end or null, far readings]
    const items =
      `COLLECT { MATCH ${pattern}${otherKind} ${page}` +
      `RETURN [[${relationship.join(', ')}], ${plan.orderByOther ? orderProperties(o) : 'null'}, ` +
      `[${far.join(', ')}]] }`;
    const total = plan.page && plan.counted ? `COUNT { MATCH ${pattern}${otherKind} }` : 'null';
    // the tree: [near readings, items, total or null]
    const tree = `[[${near.join(', ')}], ${items}, ${total}]`;
    if (!plan.forKinds) return tree;
    const kinds = checked(plan.forKinds, ENTITY_KINDS, 'kind');
    return `CASE WHEN ${v}.kind IN ${literalList(kinds)} THEN ${tree} ELSE null END`;
  }
}

type TreeQuery = { query: string; parameters: Readonly<Record<string, unknown>> };

/** Queries by plan: the GraphQL layer keeps plans from one request to the next (planCache.ts), so a query sent again is not written again. */
const written = new WeakMap<EntityTreePlan, Map<string, TreeQuery>>();

/** The query for `plan` from `roots`, answering one row with `totalCount` and `trees`, and its page parameters. */
export function entityTreeQuery(roots: EntityTreeRoots, plan: EntityTreePlan): TreeQuery {
  // the roots' own values are parameters: only whether they are keys or a kind's page (and which
  // kind, whose label the count names) changes the text
  const rootsKey = 'keys' in roots ? '' : roots.kind;
  let byRoots = written.get(plan);
  const known = byRoots?.get(rootsKey);
  if (known) return known;
  const cypher = new TreeCypher();
  const tree = cypher.entity('e', plan, 1);
  const query = { query: rootsQuery(roots, tree), parameters: cypher.parameters };
  if (!byRoots) {
    byRoots = new Map();
    written.set(plan, byRoots);
  }
  byRoots.set(rootsKey, query);
  return query;
}

function rootsQuery(roots: EntityTreeRoots, tree: string): string {
  if ('keys' in roots) {
    return `UNWIND $keys AS key MATCH (e:Entity {key: key}) WITH collect(e) AS page
RETURN size(page) AS totalCount, [e IN page | ${tree}] AS trees`;
  }
  // as list-entities-page.cypher: the entity_kind_name_key index gives the page in order, and the
  // count store of the kind's label its size
  const label = {
    PERSON: 'Person',
    ORGANISATION: 'Organisation',
    PRODUCTION: 'Production',
    LOCATION: 'Location',
    EVENT: 'Event',
  }[checked([roots.kind], ENTITY_KINDS, 'kind')[0]!];
  return `MATCH (e:Entity)
WHERE e.kind = $kind AND e.name IS NOT NULL AND e.key IS NOT NULL
WITH e ORDER BY e.kind, e.name, e.key SKIP $offset LIMIT $limit
WITH collect(e) AS page
RETURN COUNT { (:${label}) } AS totalCount, [e IN page | ${tree}] AS trees`;
}

/** A listed tree, as the domain reads it; each level's items by relationship key, as relationshipsOf gives them. */
export function toEntityTree(values: unknown, plan: EntityTreePlan): EntityTree {
  const list = values as unknown[];
  const fields = entityFields(plan);
  const entity = toEntity(fromList(fields, list));
  return {
    entity,
    related: plan.related.map((relatedPlan, i) => toRelatedTree(list[fields.length + i], relatedPlan, entity.key)),
  };
}

function toRelatedTree(values: unknown, plan: RelatedTreePlan, key: string): RelatedTree {
  if (!Array.isArray(values)) return { near: [], items: [], totalCount: null };
  const [near, items, total] = values as [unknown[], [unknown, unknown, unknown[]][], unknown];
  const fields = relationshipFields(plan);
  return {
    near: plan.near.map((p, i) => (p ? toEntityTree(near[i], p) : null)),
    items: items
      .map(([listed, other, far]) => {
        const relationship = toRelationship(fromList(fields, listed));
        const otherKey = relationship.from === key ? relationship.to : relationship.from;
        return {
          relationship,
          other: toEntity(other ? fromList(ORDER_FIELDS, other) : { key: otherKey }),
          far: plan.far.map((p, i) => (far[i] ? toEntityTree(far[i], p) : null)),
        };
      })
      .sort((a, b) => compareStrings(a.relationship.key, b.relationship.key)),
    totalCount: total === null || total === undefined ? null : toNumber(total),
  };
}
