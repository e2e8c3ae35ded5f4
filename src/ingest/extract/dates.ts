/**
 * Dates with a year, at the precision the words give: "2023" → "2023", "November 2021" →
 * "2021-11", "July 12, 2024" and "Oct. 21, 2021" → the day. A date without a year ("Tuesday",
 * "last week") is not emitted: nothing could place it.
 */
import { parsePartialDate } from '../../domain/partialDate.js';
import type { ExtractedMention } from '../types.js';
import { MONTHS } from './lexicon.js';
import nlp from './nlp.js';

const MONTH =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\b\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(1[89]\\d\\d|20\\d\\d)';

// Alternatives from most to least precise, each a fixed sequence: no nested repetition, so the
// scan is linear. A lookbehind/lookahead keeps "2021" out of "12021", "$2021" or "2021-22".
const DATE = new RegExp(
  [
    `${MONTH}\\s+${DAY},?\\s+${YEAR}`,
    `${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}`,
    `${MONTH},?\\s+(?:of\\s+)?${YEAR}`,
    `${YEAR}-(\\d{2})-(\\d{2})`,
    `${YEAR}`,
  ]
    .map((alternative) => `(?:${alternative})`)
    .join('|')
    .replace(/^/, '(?<![\\p{L}\\p{N}$£€.,-])(?:')
    .concat(')(?![\\p{N}%]|[-–]\\d|,\\d{3}|\\.\\d)'),
  'gu',
);

const pad = (n: number) => String(n).padStart(2, '0');

function monthNumber(word: string): number {
  const lower = word.toLowerCase().replace('.', '');
  return MONTHS.findIndex((month) => month.startsWith(lower.slice(0, 3))) + 1;
}

/** The partial date a match gives, or null when its day cannot be (February 30). */
function partialDate(m: RegExpMatchArray): string | null {
  const g = (i: number) => m[i];
  let year: string | undefined;
  let month = 0;
  let day = 0;
  if (g(1)) [year, month, day] = [g(3), monthNumber(g(1) as string), Number(g(2))];
  else if (g(5)) [year, month, day] = [g(6), monthNumber(g(5) as string), Number(g(4))];
  else if (g(7)) [year, month] = [g(8), monthNumber(g(7) as string)];
  else if (g(9)) [year, month, day] = [g(9), Number(g(10)), Number(g(11))];
  else year = g(12);
  if (!year) return null;
  // a month word always names one; only an all-digit date ("2021-00-05") can give none
  if (g(9) && !month) return null;
  const text = !month ? year : !day ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`;
  // the domain's own rule says which dates exist (no February 30, no month 13)
  return parsePartialDate(text) ? text : null;
}

export function findDates(text: string): ExtractedMention[] {
  const found: ExtractedMention[] = [];
  for (const m of text.matchAll(DATE)) {
    const date = partialDate(m);
    if (!date) continue;
    let end = m.index + m[0].length;
    // "Oct." keeps its dot, but "in 2021." or "November 2021." does not take the full stop
    if (text[end - 1] === '.' && /\d/.test(text[end - 2] ?? '')) end--;
    const start = m.index;
    const precision = date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day';
    found.push({
      start,
      end,
      quote: text.slice(start, end),
      kind: 'DATE',
      // a bare four-digit number is a year more often than not in news, but not always
      confidence: precision === 'year' ? 0.7 : 0.9,
      rule: `rule:date-${precision}`,
      date,
    });
  }
  return found;
}

interface DatesView {
  dates(): { length: number };
}

/** Bare years compromise-dates is asked about; past this many the rest keep their lower confidence. */
const MAX_CONFIRMATIONS = 100;

/**
 * A bare four-digit number is a year more often than not; where compromise-dates also reads the
 * words around it as a date ("in 2023", "since 2019"), it is surer. compromise-dates is slow and
 * can be very slow on long runs of dates, so it reads only a short window around each year.
 */
export function confirmYears(text: string, dates: ExtractedMention[]): void {
  let asked = 0;
  for (const date of dates) {
    if (date.rule !== 'rule:date-year') continue;
    if (++asked > MAX_CONFIRMATIONS) break;
    const window = text.slice(Math.max(0, date.start - 24), Math.min(text.length, date.end + 8));
    const view = nlp(window) as unknown as DatesView;
    if (view.dates().length > 0) {
      date.confidence = 0.85;
      date.rule = 'rule:date-year+compromise-dates';
    }
  }
}
