/**
 * A draft as a file: `<case>/<source>.draft.json` beside the case file, written by the embedded
 * store and by `npm run ingest`, read back by loadCases. Checked on the way in, like a case file:
 * a hand-edited draft that no longer fits its source's text is refused with what is wrong.
 */
import { z } from 'zod';
import { CaseFileError } from './caseFile.js';
import { MODALITIES } from './claims.js';
import { ENTITY_KINDS, RELATIONSHIP_TYPES } from './kinds.js';
import { parsePartialDate } from './partialDate.js';
import { SLUG, SLUG_MESSAGE } from './rules.js';
import { MATCH_KINDS, SUGGESTION_STATUSES, type Draft } from './suggestions.js';

export const DRAFT_FILE_SUFFIX = '.draft.json';

const offset = z.int().nonnegative();
const span = { start: offset, end: offset, quote: z.string() };
const score = z.number().min(0).max(1);
const decision = z
  .object({
    actor: z.string(),
    at: z.string(),
    reason: z.string().nullable(),
    entityKey: z.string().nullable(),
    relationshipKey: z.string().nullable(),
  })
  .nullable();

const draftSchema = z.object({
  sourceKey: z.string(),
  readUpTo: offset,
  // a date the API cannot parse would fail every query of the draft
  dates: z.array(z.object({ ...span, date: z.string().refine((d) => parsePartialDate(d) !== null, 'not a date') })),
  entities: z.array(
    z.object({
      key: z.string(),
      status: z.enum(SUGGESTION_STATUSES),
      kind: z.enum(ENTITY_KINDS),
      name: z.string(),
      mentions: z.array(z.object(span)),
      confidence: score,
      occupations: z.array(z.string()),
      eventType: z.string().nullable(),
      date: z
        .string()
        .refine((d) => parsePartialDate(d) !== null, 'not a date')
        .nullable(),
      candidates: z.array(
        z.object({
          entityKey: z.string(),
          name: z.string(),
          kind: z.enum(ENTITY_KINDS),
          score,
          match: z.enum(MATCH_KINDS),
          reasons: z.array(z.string()),
        }),
      ),
      sameAs: z.string().nullable(),
      // an accept as new writes this key: a hand-edited one must be a slug, as case files' keys are
      newKey: z.string().regex(SLUG, SLUG_MESSAGE),
      decision,
    }),
  ),
  claims: z.array(
    z.object({
      key: z.string(),
      status: z.enum(SUGGESTION_STATUSES),
      type: z.enum(RELATIONSHIP_TYPES as [string, ...string[]]),
      from: z.string(),
      to: z.string(),
      role: z.string().nullable(),
      evidence: z.object({
        ...span,
        modality: z.enum(MODALITIES),
        assertedBy: z.string().nullable(),
        cue: z.string().nullable(),
      }),
      confidence: score,
      pattern: z.string(),
      decision,
    }),
  ),
});

/** Problems that make a parsed draft unusable against its source's text, each in words. */
function problemsOf(draft: Draft, text: string): string[] {
  const problems: string[] = [];
  const checkSpan = (where: string, s: { start: number; end: number; quote: string }) => {
    if (s.end < s.start || s.end > text.length)
      problems.push(`${where}: offsets ${s.start}-${s.end} are outside the text`);
    else if (text.slice(s.start, s.end) !== s.quote)
      problems.push(`${where}: the quote is not the text at its offsets`);
  };
  const entityKeys = new Set(draft.entities.map((e) => e.key));
  for (const e of draft.entities) for (const [i, m] of e.mentions.entries()) checkSpan(`${e.key}.mentions[${i}]`, m);
  for (const [i, d] of draft.dates.entries()) checkSpan(`dates[${i}]`, d);
  for (const c of draft.claims) {
    checkSpan(`${c.key}.evidence`, c.evidence);
    for (const end of [c.from, c.to])
      if (!entityKeys.has(end)) problems.push(`${c.key}: no entity suggestion "${end}"`);
  }
  return problems;
}

/** A draft read from a file, checked against the text of its source; throws with every problem. */
export function parseDraft(raw: unknown, sourceKey: string, text: string, origin: string): Draft {
  const parsed = draftSchema.safeParse(raw);
  if (!parsed.success) throw new CaseFileError(origin, [`not a draft: ${z.prettifyError(parsed.error)}`]);
  const draft = parsed.data as Draft;
  const problems = draft.sourceKey === sourceKey ? problemsOf(draft, text) : [`is the draft of "${draft.sourceKey}"`];
  if (problems.length > 0) throw new CaseFileError(origin, problems);
  return draft;
}

/** The draft as its file holds it: two-space JSON, as the case files are. */
export const draftFileContent = (draft: Draft) => `${JSON.stringify(draft, null, 2)}\n`;
