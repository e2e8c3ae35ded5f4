/** The schema holds to API.md: every name it fixes, with the same type, and a description on everything. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  print,
  astFromValue,
  type GraphQLArgument,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';

const load = (file: string) => buildSchema(readFileSync(join(PROJECT_ROOT, 'schema', file), 'utf8'));
const contract = load('contract.graphql');
const served = load('schema.graphql');

const userTypes = (schema: GraphQLSchema) =>
  Object.values(schema.getTypeMap()).filter(
    (t) => !t.name.startsWith('__') && !['String', 'Int', 'Float', 'Boolean', 'ID'].includes(t.name),
  );

/** Every name a type fixes: its fields with their types, their arguments with types and defaults, its enum values, its interfaces. */
function namesOf(type: GraphQLNamedType): string[] {
  if (isEnumType(type)) return type.getValues().map((v) => `${type.name}.${v.name}`);
  if (!(isObjectType(type) || isInterfaceType(type) || isInputObjectType(type))) return [type.name];
  const interfaces = isInputObjectType(type)
    ? []
    : type.getInterfaces().map((i) => `${type.name} implements ${i.name}`);
  return [
    ...interfaces,
    ...Object.values(type.getFields()).flatMap((field) => [
      `${type.name}.${field.name}: ${String(field.type)}`,
      ...('args' in field ? field.args : []).map((arg: GraphQLArgument) => {
        const value = arg.defaultValue === undefined ? undefined : astFromValue(arg.defaultValue, arg.type);
        return `${type.name}.${field.name}(${arg.name}: ${String(arg.type)}${value ? ` = ${print(value)}` : ''})`;
      }),
    ]),
  ];
}

describe('the schema against API.md', () => {
  it('has every type, field, argument and enum value API.md fixes, with the same types', () => {
    const servedNames = new Set(userTypes(served).flatMap(namesOf));
    const missing = userTypes(contract)
      .flatMap(namesOf)
      .filter((name) => !servedNames.has(name));
    expect(missing).toEqual([]);
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
