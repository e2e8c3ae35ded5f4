/**
 * Random GraphQL requests from the schema, reproducible from a seed: valid operations with
 * random selections and arguments (in and out of range), and broken ones (mangled text, wrong
 * types, garbage bodies).
 */
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function randomSource(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}
export type Random = ReturnType<typeof randomSource>;

const id = (typename: string, key: string) => Buffer.from(`${typename}:${key}`).toString('base64');
const IDS = [
  id('Person', 'alec-baldwin'),
  id('Person', 'joel-souza'),
  id('Production', 'rust'),
  id('Event', 'rust-set-incident'),
  id('Location', 'montana'),
  id('Organisation', 'abc-news'),
  id('Source', 'rust-article'),
  id('Person', 'nobody'),
  id('Relationship', 'joel-souza--worked-on--rust'),
  id('Nonsense', 'x'),
  'garbage',
  '',
  '%%%',
  'UGVyc29u',
  '🦀',
];
const STRINGS = [
  '',
  'rust',
  'Baldwin',
  "attorney's",
  '’',
  'alec-baldwin',
  '2021',
  '2021-11',
  '2021-13',
  'x'.repeat(300),
  '\u0000',
  '"quoted"',
  'ÀÉÎ',
  'MATCH (n) RETURN n',
  '\\',
];
const INTS = [-1, 0, 1, 2, 3, 6, 10, 50, 99, 100, 101, 1000, 2147483647, -2147483648];

function literal(type: GraphQLInputType, random: Random, depth = 0): string {
  const nullable = getNullableType(type);
  if (!isNonNullType(type) && random.chance(0.1)) return 'null';
  if (isListType(nullable)) {
    const n = random.int(3);
    return `[${Array.from({ length: n }, () => literal(nullable.ofType, random, depth + 1)).join(', ')}]`;
  }
  if (isEnumType(nullable)) return random.chance(0.9) ? random.pick(nullable.getValues()).name : 'NOT_A_VALUE';
  if (isInputObjectType(nullable)) {
    if (depth > 3) return '{}';
    const fields = Object.values(nullable.getFields()).filter(() => random.chance(0.5));
    return `{ ${fields.map((f) => `${f.name}: ${literal(f.type, random, depth + 1)}`).join(', ')} }`;
  }
  switch (nullable.name) {
    case 'Int':
      return String(random.pick(INTS));
    case 'Float':
      return String(random.next() * 100);
    case 'Boolean':
      return random.pick(['true', 'false']);
    case 'ID':
      return JSON.stringify(random.pick(IDS));
    case 'JSON':
      return random.pick(['{}', '{ a: 1 }', '[1, 2]', '"text"', '5']);
    default:
      return JSON.stringify(random.pick(STRINGS));
  }
}

function argumentsOf(field: GraphQLField<unknown, unknown>, random: Random): string {
  const given = field.args.filter((a) => isNonNullType(a.type) || random.chance(0.5));
  return given.length ? `(${given.map((a) => `${a.name}: ${literal(a.type, random)}`).join(', ')})` : '';
}

function selection(schema: GraphQLSchema, type: GraphQLNamedType, random: Random, depth: number): string {
  if (isScalarType(type) || isEnumType(type)) return '';
  if (depth > 5) return '{ __typename }';
  const parts: string[] = [];
  if (isObjectType(type) || isInterfaceType(type)) {
    const fields = Object.values(type.getFields());
    for (let i = 0, n = 1 + random.int(4); i < n; i++) {
      const field = random.pick(fields);
      const alias = random.chance(0.1) ? `a${random.int(1000)}: ` : '';
      parts.push(
        `${alias}${field.name}${argumentsOf(field, random)} ${selection(schema, getNamedType(field.type), random, depth + 1)}`,
      );
    }
  }
  if (isInterfaceType(type) || isUnionType(type)) {
    const possible = schema.getPossibleTypes(type);
    if (possible.length && random.chance(0.6)) {
      const concrete = random.pick(possible);
      parts.push(`... on ${concrete.name} ${selection(schema, concrete, random, depth + 1)}`);
    }
  }
  return `{ ${parts.length ? parts.join(' ') : '__typename'} }`;
}

function randomQuery(schema: GraphQLSchema, random: Random): string {
  return `query Fuzz ${selection(schema, schema.getQueryType()!, random, 0)}`;
}

function mangle(text: string, random: Random): string {
  const at = random.int(text.length + 1);
  switch (random.int(4)) {
    case 0:
      return text.slice(0, at);
    case 1:
      return text.slice(0, at) + random.pick(['{', '}', '(', '$', '"', '@', '...', '#', ':']) + text.slice(at);
    case 2:
      return text.slice(0, at) + text.slice(at + 1 + random.int(5));
    default:
      return text.replace(/\w+/, random.pick(['nope', '__schema', 'query', 'fragment']));
  }
}

export interface FuzzRequest {
  method: 'GET' | 'POST';
  body?: string;
  query?: string;
  contentType: string;
}

export function randomRequest(schema: GraphQLSchema, random: Random): FuzzRequest {
  const query = randomQuery(schema, random);
  const roll = random.next();
  if (roll < 0.6) return { method: 'POST', contentType: 'application/json', body: JSON.stringify({ query }) };
  if (roll < 0.8)
    return { method: 'POST', contentType: 'application/json', body: JSON.stringify({ query: mangle(query, random) }) };
  if (roll < 0.85) return { method: 'GET', contentType: '', query };
  const garbage = random.pick([
    '',
    'null',
    '[]',
    '[{}]',
    '"query"',
    '{"query": 5}',
    '{"query": "{ people { totalCount } }", "variables": "x"}',
    '{"query": "query($n: Int) { people(first: $n) { totalCount } }", "variables": {"n": "many"}}',
    '{"query": "{ people { totalCount } }", "operationName": 7}',
    '{"query"',
    '\u0000\u0001\u0002',
    '{"query": "{ a'.repeat(50),
    JSON.stringify({ query, extensions: { persistedQuery: { version: 1, sha256Hash: 'x' } } }),
  ]);
  return {
    method: 'POST',
    contentType: random.pick(['application/json', 'text/plain', 'application/graphql', 'multipart/form-data']),
    body: garbage,
  };
}
