/**
 * Registers one kind of entity: its object type (a Node implementing Entity) and the root list
 * that pages through it (people, organisations, ...). The kind modules add their own fields.
 */
import type { ObjectFieldsShape } from '@pothos/core';
import type { EntityKind } from '../../domain/kinds.js';
import type { Entity } from '../../domain/model.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { primeEntities } from '../loaders.js';
import { connectionOf, pageOf } from '../pagination.js';
import { EntityRef, TYPENAME_OF_KIND } from './entity.js';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

interface KindDefinition {
  kind: EntityKind;
  description: string;
  /** The root list field, e.g. "people", and the name of its connection type, e.g. "PersonConnection". */
  listField: string;
  listDescription: string;
  fields: ObjectFieldsShape<Types, Entity>;
}

/** A Person ID whose key names an organisation names no person: null, like any unknown key. */
function loadOfKind(kind: EntityKind, keys: string[], { loaders }: Context) {
  return keys.map(async (key) => {
    const entity = await loaders.entity.load(key);
    return entity?.kind === kind ? entity : null;
  });
}

export function defineEntityKind(definition: KindDefinition) {
  const typename = TYPENAME_OF_KIND[definition.kind];
  const ref = builder.objectRef<Entity>(typename);

  builder.node(ref, {
    description: definition.description,
    interfaces: [EntityRef],
    id: { resolve: (entity) => entity.key },
    isTypeOf: (value) => typeof value === 'object' && value !== null && (value as Entity).kind === definition.kind,
    loadManyWithoutCache: (keys, context) => loadOfKind(definition.kind, keys, context),
    fields: definition.fields,
  });

  const connection = builder.connectionObject(
    { type: ref, name: `${typename}Connection`, description: `A page of ${definition.listField}, by name.` },
    { name: `${typename}Edge` },
  );

  builder.queryField(definition.listField, (t) =>
    t.field({
      type: connection,
      description: definition.listDescription,
      args: {
        first: t.arg.int({ required: false, description: 'How many (default 50, at most 100).' }),
        after: t.arg.string({ required: false, description: 'The cursor of the edge to start after.' }),
      },
      resolve: async (_root, args, { store, loaders }) => {
        const { offset, limit } = pageOf(args);
        const page = await store.listEntities(definition.kind, { offset, limit });
        primeEntities(loaders, page.items);
        return connectionOf(page.items, offset, page.totalCount);
      },
    }),
  );
  return ref;
}
