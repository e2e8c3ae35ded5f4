/** mostConnected: the entities with the most relationships, where the explorer opens a large case. */
import type { ConnectedEntity } from '../../store/graphStore.js';
import { builder } from '../builder.js';
import { intIn } from '../errors.js';
import { primeEntities } from '../loaders.js';
import { MAX_PAGE_SIZE } from '../pagination.js';
import { EntityRef } from '../refs.js';
import { EntityKindEnum } from './enums.js';
import { ENTITY_KINDS } from '../../domain/kinds.js';
import { enumFilter } from '../../domain/filters.js';

const MOST_CONNECTED_FIRST = { name: 'first', default: 20, min: 0, max: MAX_PAGE_SIZE };

const ConnectedEntityRef = builder.objectRef<ConnectedEntity>('ConnectedEntity').implement({
  description: 'An entity and how many relationships it has.',
  fields: (t) => ({
    entity: t.field({ type: EntityRef, description: 'The entity.', resolve: (c) => c.entity }),
    degree: t.exposeInt('degree', {
      description:
        'How many relationships it has, of every type, either way; one to itself counts once. Mentions are not relationships.',
    }),
  }),
});

builder.queryField('mostConnected', (t) =>
  t.field({
    type: [ConnectedEntityRef],
    description:
      'The entities with the most relationships, most first; ties by name, then key. The same order on every store.',
    args: {
      first: t.arg.int({
        required: false,
        defaultValue: MOST_CONNECTED_FIRST.default,
        description: `How many, ${MOST_CONNECTED_FIRST.min} to ${MOST_CONNECTED_FIRST.max}.`,
      }),
      kinds: t.arg({ type: [EntityKindEnum], required: false, description: 'Only these kinds (all when empty).' }),
    },
    resolve: async (_root, args, { store, loaders }) => {
      const first = intIn(MOST_CONNECTED_FIRST, args.first);
      const kinds = enumFilter(ENTITY_KINDS, args.kinds);
      const connected = await store.mostConnected(kinds, first);
      primeEntities(
        loaders,
        connected.map((c) => c.entity),
      );
      return connected;
    },
  }),
);
