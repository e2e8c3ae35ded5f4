/** search: names and aliases, best match first, the same order on both stores. */
import { normaliseForSearch, scoreOf, type SearchHit } from '../../domain/search.js';
import { builder } from '../builder.js';
import { badUserInput, checkTextLength, intIn } from '../errors.js';
import { primeEntities } from '../loaders.js';
import { plannedProperties } from '../prefetch/plan.js';
import { foundAgainReader } from '../prefetch/trees.js';
import { MAX_PAGE_SIZE } from '../pagination.js';

const SEARCH_FIRST = { name: 'first', default: 10, min: 0, max: MAX_PAGE_SIZE };
import { EntityRef } from '../refs.js';
import { EntityKindEnum } from './enums.js';
import { ENTITY_KINDS } from '../../domain/kinds.js';
import { enumFilter } from '../../domain/filters.js';

const SearchHitRef = builder.objectRef<SearchHit>('SearchHit').implement({
  description: 'An entity whose name or alias matches, and how well.',
  fields: (t) => ({
    entity: t.field({ type: EntityRef, description: 'The entity found.', resolve: (hit) => hit.entity }),
    score: t.float({
      description:
        'From 1 (the exact name) down to 0.2 (the text appears inside a name); only the order is guaranteed.',
      resolve: (hit) => scoreOf(hit.tier),
    }),
  }),
});

builder.queryField('search', (t) =>
  t.field({
    type: [SearchHitRef],
    description:
      'Entities by name and alias, best first: exact name, then exact alias, then prefix, then start of a word, then anywhere; ties by name. Case, accents and the kind of apostrophe do not matter.',
    args: {
      text: t.arg.string({
        required: true,
        description: 'What to look for: a name, an alias or part of one; at most 100 characters.',
      }),
      kinds: t.arg({ type: [EntityKindEnum], required: false, description: 'Only these kinds (all when empty).' }),
      first: t.arg.int({ required: false, defaultValue: SEARCH_FIRST.default, description: 'At most 100.' }),
    },
    resolve: async (_root, args, context, info) => {
      const { store, loaders } = context;
      const text = normaliseForSearch(checkTextLength(args.text, 'text'));
      if (!/[\p{L}\p{N}]/u.test(text)) throw badUserInput('text must contain a letter or a digit');
      const first = intIn(SEARCH_FIRST, args.first);
      const kinds = enumFilter(ENTITY_KINDS, args.kinds) ?? null;
      const readAgain = foundAgainReader(context, info, kinds ?? ENTITY_KINDS, ['entity']);
      if (readAgain) {
        // the hits, ranked and whole, then everything selected below them, per kind; a hit of a kind
        // with nothing below it keeps its entity as read, whole, so the loaders may have it
        const hits = await store.search(text, kinds, first);
        const read = await readAgain(hits.map((hit) => hit.entity));
        primeEntities(
          loaders,
          hits.filter((hit) => !read.has(hit.entity.key)).map((hit) => hit.entity),
        );
        return hits.map((hit) => ({ ...hit, entity: read.get(hit.entity.key) ?? hit.entity }));
      }
      const properties = plannedProperties(info, ENTITY_KINDS, ['entity']);
      const hits = await store.search(text, kinds, first, properties ?? undefined);
      if (!properties)
        primeEntities(
          loaders,
          hits.map((h) => h.entity),
        );
      return hits;
    },
  }),
);
