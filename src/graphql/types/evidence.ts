/** Evidence: the exact words of a source that state a fact. */
import { quoteOf, type Evidence } from '../../domain/model.js';
import type { Context } from '../context.js';
import { EvidenceRef, SourceRef } from '../refs.js';

async function sourceOf(evidence: Evidence, { loaders }: Context) {
  const source = await loaders.source.load(evidence.sourceKey);
  // The case file was validated against its sources, so a missing one is a broken store, not a client error.
  if (!source) throw new Error(`source ${evidence.sourceKey} of evidence is missing from the store`);
  return source;
}

EvidenceRef.implement({
  description: 'A verbatim quote from a source that states a fact, with its character offsets.',
  fields: (t) => ({
    source: t.field({
      type: SourceRef,
      description: 'The source the words are from.',
      resolve: (evidence, _args, context) => sourceOf(evidence, context),
    }),
    quote: t.string({
      description: 'The words themselves: always source.text[start, end).',
      resolve: async (evidence, _args, context) => quoteOf(evidence, await sourceOf(evidence, context)),
    }),
    start: t.exposeInt('start', {
      description: 'Offset of the first character, in UTF-16 code units (as JavaScript indexes strings).',
    }),
    end: t.exposeInt('end', { description: 'Offset just past the last character.' }),
  }),
});
