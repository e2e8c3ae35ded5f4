/** Source: a text that evidence points into, and the query field that lists them. */
import { parsePartialDate } from '../../domain/partialDate.js';
import { builder } from '../builder.js';
import { EntityRef, SourceRef } from '../refs.js';
import { PartialDateRef } from './partialDate.js';

builder.node(SourceRef, {
  description: 'A published text (a news article) that the graph takes its facts from.',
  id: { resolve: (source) => source.key },
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'text' in value && 'title' in value,
  loadManyWithoutCache: (keys, { loaders }) => keys.map((key) => loaders.source.load(key)),
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable slug, e.g. "rust-article".' }),
    title: t.exposeString('title', {
      nullable: true,
      description: 'Its headline, as published; null when it has none (none is invented).',
    }),
    caseKey: t.exposeString('caseKey', {
      description: 'The case it belongs to (a folder of the data directory), e.g. "rust-case".',
    }),
    url: t.exposeString('url', { nullable: true, description: 'Where it was published; null when not known.' }),
    publisher: t.exposeString('publisher', {
      nullable: true,
      description: 'Who published it; null when the source does not say.',
    }),
    published: t.field({
      type: PartialDateRef,
      nullable: true,
      description: 'When it was published, as precisely as known; null when the source does not say.',
      resolve: (source) => (source.published ? parsePartialDate(source.published) : null),
    }),
    text: t.exposeString('text', { description: 'The full text, byte for byte; evidence offsets point into it.' }),
    entities: t.field({
      type: [EntityRef],
      description: 'Every entity it mentions, by name.',
      resolve: (source, _args, { loaders }) => loaders.entitiesMentionedIn.load(source.key),
    }),
  }),
});

builder.queryField('sources', (t) =>
  t.field({
    type: [SourceRef],
    description: 'Every source, by key.',
    resolve: (_root, _args, { store, loaders }) =>
      store.sources().then((sources) => {
        for (const source of sources) loaders.source.prime(source.key, source);
        return sources;
      }),
  }),
);
