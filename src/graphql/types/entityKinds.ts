/**
 * What every kind of entity shares beyond the Entity interface: being a Node (loadable by global
 * ID) and, for all but events, a root list that pages through it by name.
 */
import type { ObjectFieldsShape, ObjectRef } from '@pothos/core';
import { keepsEveryEntity } from '../../domain/filters.js';
import type { EntityKind } from '../../domain/kinds.js';
import type { Entity } from '../../domain/model.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { primeEntities } from '../loaders.js';
import { connectionOf, pageOf } from '../pagination.js';
import { EntityRef } from '../refs.js';
import { EntityFilterInput, toEntityFilter } from './filters.js';
import { plannedProperties } from '../prefetch/plan.js';
import { treeReader } from '../prefetch/trees.js';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** A Person ID whose key names an organisation names no person: null, like any unknown key. */
function loadOfKind(kind: EntityKind, keys: string[], { loaders }: Context) {
  return keys.map(async (key) => {
    const entity = await loaders.entity.load(key);
    return entity?.kind === kind ? entity : null;
  });
}

export function implementEntityKind(
  ref: ObjectRef<Types, Entity>,
  kind: EntityKind,
  options: { description: string; fields: ObjectFieldsShape<Types, Entity> },
) {
  builder.node(ref, {
    description: options.description,
    interfaces: [EntityRef],
    id: { resolve: (entity) => entity.key },
    isTypeOf: (value) => typeof value === 'object' && value !== null && (value as Entity).kind === kind,
    loadManyWithoutCache: (keys, context) => loadOfKind(kind, keys, context),
    fields: options.fields,
  });
}

export function connectionFor(ref: ObjectRef<Types, Entity>, description: string) {
  return builder.connectionObject(
    { type: ref, name: `${ref.name}Connection`, description },
    { name: `${ref.name}Edge` },
  );
}

/** people, organisations, productions, locations: pages by name then key, with an EntityFilter. */
export function entityListField(
  ref: ObjectRef<Types, Entity>,
  kind: EntityKind,
  fieldName: string,
  description: string,
) {
  const connection = connectionFor(ref, `A page of ${fieldName}, by name.`);
  builder.queryField(fieldName, (t) =>
    t.field({
      type: connection,
      description,
      args: {
        where: t.arg({ type: EntityFilterInput, required: false, description: 'Only the entities that match.' }),
        first: t.arg.int({ required: false, description: 'How many (default 50, at most 100).' }),
        after: t.arg.string({ required: false, description: 'The cursor of the edge to start after.' }),
      },
      resolve: async (_root, args, context, info) => {
        const { store, loaders } = context;
        const { offset, limit } = pageOf(args);
        const filter = toEntityFilter(args.where);
        const readAhead = treeReader(context, info, [kind], ['edges', 'node']);
        // the page and everything selected below it in one read, when nothing filters the page
        if (readAhead && keepsEveryEntity(filter)) {
          const read = await readAhead({ kind, offset, limit });
          return connectionOf(read.entities, offset, read.totalCount);
        }
        if (readAhead) {
          // the page by the filter, then the keys' trees
          const page = await store.listEntities(kind, filter, { offset, limit }, []);
          const read = page.items.length > 0 ? await readAhead({ keys: page.items.map((e) => e.key) }) : null;
          return connectionOf(read?.entities ?? [], offset, page.totalCount);
        }
        const properties = plannedProperties(info, [kind], ['edges', 'node']);
        const page = await store.listEntities(kind, filter, { offset, limit }, properties ?? undefined);
        if (!properties) primeEntities(loaders, page.items);
        return connectionOf(page.items, offset, page.totalCount);
      },
    }),
  );
}
