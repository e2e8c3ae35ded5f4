/**
 * Extraction: the spans of a text that name people, organisations, places, productions and dates,
 * with exact offsets (`quote === text.slice(start, end)`), in text order, never overlapping.
 *
 * Spans come from the extractor's own runs of capitalised words, so they hold the name only: no
 * title before it, no possessive or punctuation after it. compromise votes on what each run names;
 * rules decide where it is weak (titles and roles, organisation and place words, quoted titles).
 */
import type { ExtractedMention } from '../types.js';
import { type Classified, classify } from './classify.js';
import { readWithCompromise } from './compromiseTags.js';
import { confirmYears, findDates } from './dates.js';
import { capitalisedRuns, segmentRun, wordUseOf } from './nameRuns.js';
import { resolveOverlaps } from './overlaps.js';
import { coordinate, findRepeats, organisationShortForms, placeBeforePlace, settleKinds } from './passes.js';
import { quotedTitles } from './quotedTitles.js';
import { tagsByToken, tokenize } from './tokens.js';

export function extractMentions(text: string): ExtractedMention[] {
  const tokens = tokenize(text);
  const words = wordUseOf(tokens);
  const reading = readWithCompromise(text);
  const tags = tagsByToken(tokens, reading.terms);
  const items: Classified[] = [];
  for (const [first, last] of capitalisedRuns(tokens)) {
    for (const segment of segmentRun(tokens, first, last, words, tags)) {
      items.push(classify(text, tokens, tags, segment));
    }
  }
  coordinate(text, tokens, items);
  placeBeforePlace(text, tokens, items);
  organisationShortForms(text, items);
  settleKinds(text, tokens, items);
  items.push(...findRepeats(text, tokens, items));
  const dates = findDates(text);
  confirmYears(text, dates);
  const names = items.flatMap((item) => (item.mention ? [item.mention] : []));
  return resolveOverlaps([...dates, ...quotedTitles(text), ...names]);
}
