/**
 * The schema holds to docs/API.md: schema/contract.graphql is exactly the SDL of API.md's graphql
 * blocks, schema.graphql has every name it fixes with the same type, the examples there are valid,
 * and everything in the schema has a description. After editing API.md's SDL, rewrite the extract
 * with `npx vitest run tests/api/contract.test.ts -u` and review its diff.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  astFromValue,
  buildSchema,
  type DocumentNode,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
  isEnumType,
  isExecutableDefinitionNode,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isUnionType,
  parse,
  print,
  validate,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';

const API_MD = 'docs/API.md';
const CONTRACT = 'schema/contract.graphql';
const read = (file: string) => readFileSync(join(PROJECT_ROOT, file), 'utf8');

interface Block {
  /** The line of API.md the block's fence is on, for messages. */
  line: number;
  text: string;
}

/** The ```graphql blocks of a Markdown text, in order. */
function graphqlBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let open: { line: number; lines: string[] } | null = null;
  for (const [i, line] of markdown.split('\n').entries()) {
    if (open === null) {
      if (/^```graphql\s*$/.test(line)) open = { line: i + 1, lines: [] };
    } else if (/^```\s*$/.test(line)) {
      blocks.push({ line: open.line, text: open.lines.join('\n') });
      open = null;
    } else open.lines.push(line);
  }
  if (open !== null) throw new Error(`${API_MD}: the graphql block at line ${open.line} is never closed`);
  return blocks;
}

/**
 * API.md writes `...Entity` in a kind for every field of the Entity interface (defined in any of
 * its blocks); the extract writes them out, with the indentation of the `...Entity` line.
 */
function entityFieldExpander(allSdl: string): (sdl: string) => string {
  const body = /^interface Entity implements Node \{\n([^}]*)\n\}/m.exec(allSdl)?.[1];
  if (body === undefined)
    throw new Error(`${API_MD}: no "interface Entity implements Node {" block to expand ...Entity from`);
  const lines = body.split('\n');
  const depth = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return (sdl) =>
    sdl.replace(/^([ \t]*)\.\.\.Entity[ \t]*$/gm, (_spread, indent: string) =>
      lines.map((l) => (l.trim() ? indent + l.slice(depth) : '')).join('\n'),
    );
}

/** A block's document, and whether it is SDL (type definitions) or an example (operations). */
function classify(block: Block, expanded: string): { kind: 'sdl' | 'example'; document: DocumentNode } {
  let document: DocumentNode;
  try {
    document = parse(expanded);
  } catch (error) {
    throw new Error(`${API_MD}: the graphql block at line ${block.line} does not parse: ${(error as Error).message}`);
  }
  const executable = document.definitions.filter(isExecutableDefinitionNode).length;
  if (executable === 0) return { kind: 'sdl', document };
  if (executable === document.definitions.length) return { kind: 'example', document };
  throw new Error(`${API_MD}: the graphql block at line ${block.line} mixes type definitions and operations`);
}

const HEADER = `# The names docs/API.md fixes: the SDL of its graphql blocks, in order, with "...Entity" written
# out on each kind. Generated: do not edit; edit docs/API.md and run
#   npx vitest run tests/api/contract.test.ts -u
# tests/api/contract.test.ts checks that this is the extract of API.md, and that schema.graphql has
# every type, field, argument, default, enum value and interface here, with the same type.
`;

const rawBlocks = graphqlBlocks(read(API_MD));
const expandEntityFields = entityFieldExpander(rawBlocks.map((b) => b.text).join('\n'));
const blocks = rawBlocks.map((block) => {
  const expanded = expandEntityFields(block.text);
  return { ...block, expanded, ...classify(block, expanded) };
});
const extract = `${HEADER}\n${blocks
  .filter((b) => b.kind === 'sdl')
  .map((b) => b.expanded)
  .join('\n\n')}\n`;

const contract = buildSchema(read(CONTRACT));
const served = buildSchema(read('schema/schema.graphql'));

const userTypes = (schema: GraphQLSchema) =>
  Object.values(schema.getTypeMap()).filter(
    (t) => !t.name.startsWith('__') && !['String', 'Int', 'Float', 'Boolean', 'ID'].includes(t.name),
  );

const kindOf = (type: GraphQLNamedType) =>
  isObjectType(type)
    ? 'type'
    : isInterfaceType(type)
      ? 'interface'
      : isInputObjectType(type)
        ? 'input'
        : isEnumType(type)
          ? 'enum'
          : isUnionType(type)
            ? 'union'
            : 'scalar';

/** " = <default>" for an argument or input field that has a default. */
function defaultOf(value: GraphQLArgument | GraphQLInputField): string {
  const ast = value.defaultValue === undefined ? undefined : astFromValue(value.defaultValue, value.type);
  return ast ? ` = ${print(ast)}` : '';
}

/**
 * Every name a type fixes: what kind of type it is; its fields with their types; their arguments
 * with types and defaults; input fields with their defaults; enum values; interfaces; union members.
 */
function namesOf(type: GraphQLNamedType): string[] {
  const names = [`${kindOf(type)} ${type.name}`];
  if (isEnumType(type)) return [...names, ...type.getValues().map((v) => `${type.name}.${v.name}`)];
  if (isUnionType(type)) return [...names, ...type.getTypes().map((member) => `${type.name} has ${member.name}`)];
  if (isScalarType(type)) return names;
  if (isInputObjectType(type)) {
    return [
      ...names,
      ...Object.values(type.getFields()).map(
        (field) => `${type.name}.${field.name}: ${String(field.type)}${defaultOf(field)}`,
      ),
    ];
  }
  return [
    ...names,
    ...type.getInterfaces().map((i) => `${type.name} implements ${i.name}`),
    ...Object.values(type.getFields()).flatMap((field) => [
      `${type.name}.${field.name}: ${String(field.type)}`,
      ...field.args.map((arg) => `${type.name}.${field.name}(${arg.name}: ${String(arg.type)}${defaultOf(arg)})`),
    ]),
  ];
}

/** Which type serves each operation (query, mutation, subscription) the schema has. */
const rootsOf = (schema: GraphQLSchema) =>
  Object.entries({
    query: schema.getQueryType(),
    mutation: schema.getMutationType(),
    subscription: schema.getSubscriptionType(),
  }).flatMap(([operation, type]) => (type ? [`${operation}: ${type.name}`] : []));

describe('the schema against docs/API.md', () => {
  it('has schema/contract.graphql as the extract of the SDL blocks of API.md', async () => {
    expect(blocks.filter((b) => b.kind === 'sdl').length).toBeGreaterThan(0);
    await expect(extract).toMatchFileSnapshot(join(PROJECT_ROOT, CONTRACT));
  });

  it('has every type, field, argument, default and enum value API.md fixes, with the same types', () => {
    const servedNames = new Set([...userTypes(served).flatMap(namesOf), ...rootsOf(served)]);
    const missing = [...userTypes(contract).flatMap(namesOf), ...rootsOf(contract)].filter(
      (name) => !servedNames.has(name),
    );
    expect(missing).toEqual([]);
  });

  it('has examples in API.md that are valid operations against the schema', () => {
    const invalid = blocks
      .filter((b) => b.kind === 'example')
      .flatMap((b) => validate(served, b.document).map((error) => `line ${b.line}: ${error.message}`));
    expect(invalid).toEqual([]);
  });

  it('describes every type, field, argument and enum value', () => {
    const undescribed: string[] = [];
    for (const type of userTypes(served)) {
      if (!type.description) undescribed.push(type.name);
      if (isEnumType(type))
        for (const v of type.getValues()) if (!v.description) undescribed.push(`${type.name}.${v.name}`);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) undescribed.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? (field.args as GraphQLArgument[]) : [])
            if (!arg.description) undescribed.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    expect(undescribed).toEqual([]);
  });
});
