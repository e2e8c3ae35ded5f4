/**
 * What analyst Cypher may do, decided on Neo4j's own parse: the plan of `EXPLAIN <query>`. Every
 * operator must be a read operator of an ALLOWLIST, every procedure and namespaced function must be
 * on one too, and the plan must run on the configured database.
 *
 * Why an allowlist and not a list of what is forbidden: the query text can spell LOAD CSV in any
 * case, split it with comments or escapes, and plugins (APOC in a Docker deployment) add procedures
 * and functions nobody here has heard of. A plan names what will actually run, after parsing; and an
 * operator, procedure or function that is not known to be read-only is refused, so a new Neo4j or a
 * new plugin can only make this stricter, never open a hole.
 */
import { CypherRefusal } from '../cypher.js';

/** The parts of a Neo4j plan (neo4j-driver's Plan) this policy reads. */
export interface PlanNode {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: PlanNode[];
}

/**
 * Neo4j 5.26 operators that only read the graph or shape rows, by name without the "(All)",
 * "(Into)", "(Pruning,BFS,All)" variant and the "@database" suffix the plan adds.
 */
const NODE_LEAVES = [
  'AllNodesScan',
  'NodeByLabelScan',
  'NodeByIdSeek',
  'NodeByElementIdSeek',
  'NodeIndexSeek',
  'NodeUniqueIndexSeek',
  'NodeIndexSeekByRange',
  'NodeUniqueIndexSeekByRange',
  'NodeIndexScan',
  'NodeIndexContainsScan',
  'NodeIndexEndsWithScan',
  'MultiNodeIndexSeek',
  'IntersectionNodeByLabelsScan',
  'SubtractionNodeByLabelsScan',
  'UnionNodeByLabelsScan',
  'NodeCountFromCountStore',
  'RelationshipCountFromCountStore',
];
const RELATIONSHIP_LEAVES = [
  'AllRelationshipsScan',
  'RelationshipTypeScan',
  'UnionRelationshipTypesScan',
  'RelationshipByIdSeek',
  'RelationshipByElementIdSeek',
  'RelationshipIndexSeek',
  'RelationshipUniqueIndexSeek',
  'RelationshipIndexSeekByRange',
  'RelationshipUniqueIndexSeekByRange',
  'RelationshipIndexScan',
  'RelationshipIndexContainsScan',
  'RelationshipIndexEndsWithScan',
].flatMap((name) => [`Directed${name}`, `Undirected${name}`]);
const LEAVES = [...NODE_LEAVES, ...RELATIONSHIP_LEAVES];

// biome-ignore format: a table of names, several to a line, is easier to check against the docs
const READ_OPERATORS: ReadonlySet<string> = new Set([
  ...LEAVES,
  // the parallel runtime's versions of the same scans
  ...LEAVES.map((name) => `Partitioned${name}`),
  'Argument', 'ArgumentTracker', 'EmptyRow',
  // traversals
  'Expand', 'OptionalExpand', 'VarLengthExpand', 'BFSPruningVarLengthExpand', 'ShortestPath', 'StatefulShortestPath',
  'PathPropagatingBFS', 'Repeat', 'BidirectionalRepeat', 'ProjectEndpoints', 'NullifyMetadata',
  // combining rows
  'Apply', 'SemiApply', 'AntiSemiApply', 'LetSemiApply', 'LetAntiSemiApply', 'SelectOrSemiApply', 'SelectOrAntiSemiApply',
  'LetSelectOrSemiApply', 'LetSelectOrAntiSemiApply', 'ConditionalApply', 'AntiConditionalApply', 'RollUpApply',
  'CartesianProduct', 'NodeHashJoin', 'ValueHashJoin', 'NodeLeftOuterHashJoin', 'NodeRightOuterHashJoin',
  'TriadicSelection', 'TriadicBuild', 'TriadicFilter', 'Union', 'OrderedUnion', 'Optional', 'Anti',
  // shaping rows
  'Filter', 'Projection', 'Unwind', 'PartitionedUnwind', 'Limit', 'ExhaustiveLimit', 'Skip', 'Sort', 'PartialSort', 'Top',
  'PartialTop', 'Distinct', 'OrderedDistinct', 'EagerAggregation', 'OrderedAggregation', 'Eager', 'CacheProperties',
  'PreserveOrder', 'ProduceResults', 'EmptyResult',
  // checked below against PROCEDURES
  'ProcedureCall',
]);

/** Operators that write: refused as writes, so the message says that cypher is read-only. */
// biome-ignore format: a table of names, several to a line, is easier to check against the docs
const WRITE_OPERATORS: ReadonlySet<string> = new Set([
  'Create', 'Merge', 'LockingMerge', 'Delete', 'DetachDelete', 'SetLabels', 'RemoveLabels', 'SetProperty', 'SetProperties',
  'SetPropertiesFromMap', 'SetNodePropertiesFromMap', 'SetRelationshipPropertiesFromMap', 'SetDynamicProperty', 'Foreach',
  'TransactionForeach', 'AssertSameNode', 'AssertSameRelationship', 'AssertingMultiNodeIndexSeek',
  'AssertingMultiRelationshipIndexSeek', 'CreateIndex', 'DropIndex', 'CreateConstraint', 'DropConstraint', 'DoNothingIfExists',
]);

/** Read-only procedures about the schema and the full-text indexes; nothing about the server, its users or its files. */
const ALLOWED_PROCEDURES: ReadonlySet<string> = new Set([
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.schema.visualization',
  'db.schema.nodeTypeProperties',
  'db.schema.relTypeProperties',
  'db.index.fulltext.queryNodes',
  'db.index.fulltext.queryRelationships',
]);

/**
 * The namespaced functions built into Neo4j 5.26 (SHOW FUNCTIONS) that compute a value (lower case:
 * Neo4j finds functions whatever their case). Functions without a namespace are all built in:
 * Neo4j does not let plugins define any.
 */
// biome-ignore format: a table of names, several to a line, is easier to check against the docs
const ALLOWED_FUNCTIONS: ReadonlySet<string> = new Set(
  [
    ...['date', 'datetime', 'localdatetime', 'localtime', 'time'].flatMap((t) => ['realtime', 'statement', 'transaction', 'truncate'].map((f) => `${t}.${f}`)),
    'datetime.fromepoch', 'datetime.fromepochmillis', 'duration.between', 'duration.inmonths', 'duration.indays',
    'duration.inseconds', 'point.distance', 'point.withinbbox', 'vector.similarity.cosine', 'vector.similarity.euclidean',
  ].map((name) => name.toLowerCase()),
);

/** "VarLengthExpand(Pruning,BFS,All)@neo4j" → name "VarLengthExpand", database "neo4j". */
function parseOperator(operatorType: string): { name: string; database: string | null } {
  const at = operatorType.lastIndexOf('@');
  const bare = at >= 0 ? operatorType.slice(0, at) : operatorType;
  const paren = bare.indexOf('(');
  return { name: paren >= 0 ? bare.slice(0, paren) : bare, database: at >= 0 ? operatorType.slice(at + 1) : null };
}

/** "ShowTransactions" → "SHOW TRANSACTIONS", as the analyst wrote it. */
const asCommand = (name: string) => name.replace(/([a-z])([A-Z])/g, '$1 $2').toUpperCase();

const details = (node: PlanNode): string => (typeof node.arguments.Details === 'string' ? node.arguments.Details : '');

/** The procedure a ProcedureCall runs: its Details start with the name, "db.labels() :: (label :: STRING)". */
function procedureOf(text: string): string {
  return /^\s*([^\s(]+)\s*\(/u.exec(text)?.[1]?.replace(/`/g, '') ?? '';
}

/**
 * Every namespaced name called like a function in an operator's Details (Neo4j renders expressions
 * there after parsing, with literals replaced by parameters). A name is whatever runs up to "(" without
 * a delimiter, so an odd spelling only makes it look less like an allowed one.
 */
function namespacedCalls(text: string): string[] {
  const calls: string[] = [];
  for (const match of text.matchAll(/([^\s()[\]{},|+*/%=<>!^;:"'-]+)\s*\(/gu)) {
    const name = (match[1] ?? '').replace(/`/g, '');
    if (name.includes('.')) calls.push(name);
  }
  return calls;
}

/** Why one operator may not run, or null when it may. */
function operatorRefusal(node: PlanNode, database: string): CypherRefusal | null {
  const { name, database: runsOn } = parseOperator(node.operatorType);
  if (/^(Show|Terminate)[A-Z]/.test(name))
    return new CypherRefusal('NOT_ALLOWED', `cypher may not run administration commands (${asCommand(name)})`);
  // users, roles, databases: Neo4j plans them on the system database and names no command
  if (name === 'AdministrationCommand')
    return new CypherRefusal('NOT_ALLOWED', 'cypher may not run administration commands');
  if (runsOn !== null && runsOn !== database) {
    return new CypherRefusal('NOT_ALLOWED', `cypher may only read the database ${database}, not ${runsOn}`);
  }
  if (name === 'LoadCSV') return new CypherRefusal('NOT_ALLOWED', 'cypher may not use LOAD CSV');
  if (WRITE_OPERATORS.has(name)) return new CypherRefusal('WRITE', `cypher is read-only: it may not write (${name})`);
  if (!READ_OPERATORS.has(name)) return new CypherRefusal('NOT_ALLOWED', `cypher may not use ${name}`);
  let text = details(node);
  if (name === 'ProcedureCall') {
    const procedure = procedureOf(text);
    if (!ALLOWED_PROCEDURES.has(procedure)) {
      return new CypherRefusal(
        'NOT_ALLOWED',
        `the procedure ${procedure || '(unnamed)'} is not allowed (allowed: ${[...ALLOWED_PROCEDURES].join(', ')})`,
      );
    }
    // its arguments may call functions too; its own name is not one
    text = text.slice(text.indexOf('(') + 1);
  }
  const call = namespacedCalls(text).find((f) => !ALLOWED_FUNCTIONS.has(f.toLowerCase()));
  return call ? new CypherRefusal('NOT_ALLOWED', `the function ${call} is not allowed`) : null;
}

/**
 * Why the plan of an analyst's query may not run, or null when it may. `plannedOn` is the database
 * the summary says the query was planned for; every operator must also run on `database`.
 */
export function planRefusal(
  plan: PlanNode | false | undefined,
  plannedOn: string | null | undefined,
  database: string,
): CypherRefusal | null {
  if (plannedOn !== database)
    return new CypherRefusal(
      'NOT_ALLOWED',
      `cypher may only read the database ${database}, not ${plannedOn ?? 'another'}`,
    );
  if (!plan) return new CypherRefusal('NOT_ALLOWED', 'the database did not describe how it would run this query');
  // iterative: a plan of a thousand UNIONs is deep, and this must not overflow the stack
  const stack: PlanNode[] = [plan];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const refusal = operatorRefusal(node, database);
    if (refusal) return refusal;
    stack.push(...[...node.children].reverse());
  }
  return null;
}
