/** Checks shared by the write operations: slugs, texts, spans against their sources. */
import type { ChangeState, Edit } from '../domain/changes.js';
import type { Evidence } from '../domain/model.js';
import { canonicalJson } from '../domain/ordering.js';
import {
  isWellFormed,
  RELATIONSHIP_KEY,
  RELATIONSHIP_KEY_MESSAGE,
  SLUG,
  SLUG_MESSAGE,
  spanProblem,
} from '../domain/rules.js';
import type { WriteTransaction } from '../store/graphStore.js';
import type { SpanInput } from './inputs.js';
import { EditRefusal, refuseIf } from './refusal.js';

/** Longest name, alias, role or attribution an editor may write: longer than any real one. */
const MAX_SHORT_TEXT = 300;
/** Longest summary or reason. */
const MAX_LONG_TEXT = 5000;
/** Most items in one list input (aliases, evidence). */
const MAX_ITEMS = 100;

export function checkSlug(value: string, field: string): string {
  refuseIf(SLUG.test(value) && value.length <= 100 ? null : SLUG_MESSAGE, field);
  return value;
}

export function checkRelationshipKey(value: string, field: string): string {
  refuseIf(RELATIONSHIP_KEY.test(value) && value.length <= 300 ? null : RELATIONSHIP_KEY_MESSAGE, field);
  return value;
}

/** Why a text (trimmed) cannot be written as a name, alias, role or reason: null when it can. */
export function textProblem(text: string, long = false): string | null {
  if (text === '') return 'must not be empty (leave it out instead)';
  if (!isWellFormed(text)) return 'is not well-formed Unicode (a lone surrogate)';
  const max = long ? MAX_LONG_TEXT : MAX_SHORT_TEXT;
  return text.length > max ? `may be at most ${max} characters long` : null;
}

/** A trimmed, non-empty text of bounded length, or null when absent. */
export function cleanText(value: string | null | undefined, field: string, long = false): string | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  refuseIf(textProblem(text, long), field);
  return text;
}

export function checkList<T>(list: readonly T[], field: string, min = 0): readonly T[] {
  refuseIf(list.length > MAX_ITEMS ? `may hold at most ${MAX_ITEMS} items` : null, field);
  refuseIf(list.length < min ? `needs at least ${min}` : null, field);
  return list;
}

/** A span checked against its source's text: it exists, the offsets are inside, the quote is exact. */
export async function checkSpan(tx: WriteTransaction, span: SpanInput, field: string): Promise<Evidence> {
  const [source] = await tx.sourcesByKeys([span.source]);
  if (!source) throw new EditRefusal(`${field}.source`, `no source has the key "${span.source}"`);
  const problem = spanProblem(source.text, source.key, span);
  if (problem) throw new EditRefusal(`${field}.${problemField(problem)}`, problem);
  return { sourceKey: source.key, start: span.start, end: span.end };
}

/**
 * Spans of one source checked against its text, the source read once: an accepted suggestion's
 * mentions are many spans of one text, which checkSpan would read again for each.
 */
export async function checkSpans(
  tx: WriteTransaction,
  sourceKey: string,
  spans: readonly Omit<SpanInput, 'source'>[],
  field: (index: number) => string,
): Promise<Evidence[]> {
  const [source] = await tx.sourcesByKeys([sourceKey]);
  if (!source) throw new EditRefusal('source', `no source has the key "${sourceKey}"`);
  return spans.map((span, i) => {
    const problem = spanProblem(source.text, source.key, span);
    if (problem) throw new EditRefusal(`${field(i)}.${problemField(problem)}`, problem);
    return { sourceKey: source.key, start: span.start, end: span.end };
  });
}

const problemField = (problem: string) =>
  problem.startsWith('quote') ? 'quote' : problem.startsWith('start') ? 'start' : 'end';

export const sameSpan = (a: Evidence, b: Evidence) =>
  a.sourceKey === b.sourceKey && a.start === b.start && a.end === b.end;

/** Key order aside, the same record: what an undo checks before it overwrites what is there now. */
export const sameRecord = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);

/** The records of a change's before or after, none by default. */
export const records = (parts: Partial<ChangeState> = {}): ChangeState => ({
  sources: [],
  entities: [],
  relationships: [],
  ...parts,
});

/** An edit that names only what it puts and removes; everything else is empty. */
export function editOf(change: Edit['change'], parts: Partial<Omit<Edit, 'change'>>): Edit {
  return {
    putSources: [],
    putEntities: [],
    removeEntities: [],
    putRelationships: [],
    removeRelationships: [],
    ...parts,
    change,
  };
}
