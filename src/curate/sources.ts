/**
 * addSource: a new text the graph may quote, stored byte for byte. Sources are never edited
 * afterwards. The text is read first (readDraft), and what the reading suggests is kept with it as
 * its draft: suggestions only, for an editor to accept or reject.
 */
import { sourceRecord } from '../domain/changes.js';
import type { Change } from '../domain/changes.js';
import type { Source } from '../domain/model.js';
import type { Draft } from '../domain/suggestions.js';
import { dateProblem, isWellFormed } from '../domain/rules.js';
import type { GraphStore } from '../store/graphStore.js';
import { checkSlug, cleanText, editOf, records } from './checks.js';
import type { Author, SourceInput } from './inputs.js';
import { readDraft } from './readDraft.js';
import { EditRefusal, refuseIf } from './refusal.js';

function urlProblem(url: string): string | null {
  try {
    const protocol = new URL(url).protocol;
    return protocol === 'https:' || protocol === 'http:' ? null : 'must be an http or https URL';
  } catch {
    return 'is not a URL';
  }
}

export async function addSource(
  store: GraphStore,
  author: Author,
  input: SourceInput,
): Promise<{ source: Source; change: Change; draft: Draft }> {
  const source: Source = {
    key: checkSlug(input.key, 'key'),
    caseKey: checkSlug(input.caseKey, 'caseKey'),
    title: cleanText(input.title, 'title'),
    publisher: cleanText(input.publisher, 'publisher'),
    published: cleanText(input.published, 'published'),
    url: cleanText(input.url, 'url', true),
    // byte for byte: evidence offsets point into exactly this text
    text: input.text,
  };
  refuseIf(source.text.trim() === '' ? 'must not be empty' : null, 'text');
  // stored byte for byte: a lone surrogate has no bytes in UTF-8, so it could not be kept exactly
  refuseIf(isWellFormed(source.text) ? null : 'is not well-formed Unicode (a lone surrogate)', 'text');
  refuseIf(dateProblem('published', source.published), 'published');
  if (source.url) refuseIf(urlProblem(source.url), 'url');
  // Refused before the reading too, not only in the write: a reading takes a second or two of CPU,
  // and a request of thirty aliased addSource (ten times, batched) naming a source that exists
  // made as many readings, each then refused, with no trace in the audit trail.
  const [known] = await store.sourcesByKeys([source.key]);
  if (known) throw new EditRefusal('key', `a source with the key "${source.key}" exists; sources are not replaced`);
  // read before the write, not inside it: other writes need not wait for a reading
  const draft = await readDraft(store, source);
  return store.write(async (tx) => {
    const [existing] = await tx.sourcesByKeys([source.key]);
    if (existing)
      throw new EditRefusal('key', `a source with the key "${source.key}" exists; sources are not replaced`);
    const change = await tx.commit(
      editOf(
        {
          ...author,
          action: 'ADD_SOURCE',
          entityKeys: [],
          before: records(),
          after: { sources: [sourceRecord(source)], entities: [], relationships: [], drafts: [draft] },
        },
        { putSources: [source], putDrafts: [draft] },
      ),
    );
    return { source, change, draft };
  });
}
