/**
 * The words to look the text's entity up by in the graph (the store finds entities whose name or an
 * alias has one of them as a word, normalised as search does): the name's significant words, then
 * other romanisations of people's and places' names (so "Zelensky" finds "Zelenskyy"), at most
 * MAX_TERMS in all.
 */
import type { TextEntity } from '../types.js';
import { PARTICLES, SUFFIXES, TITLES } from './nameParts.js';
import { spellingVariants } from './transliteration.js';
import { stripPossessive } from './words.js';
import { normaliseForSearch } from '../../domain/search.js';

const MAX_TERMS = 12;
const VARIANTS_PER_WORD = 8;

/** Words that name nothing alone: looking them up would bring in half the graph. */
const STOPWORDS: ReadonlySet<string> = new Set([
  'the',
  'a',
  'an',
  'of',
  'and',
  'in',
  'on',
  'at',
  'for',
  'to',
  'by',
  'with',
  'from',
  '&',
  'inc',
  'llp',
  'plc',
  'llc',
  'ltd',
  'co',
  'corp',
]);

/** Words many names share ("Office", "County"): looked up only after the name's distinctive words. */
const GENERIC: ReadonlySet<string> = new Set([
  'office',
  'department',
  'court',
  'county',
  'state',
  'city',
  'news',
  'company',
  'group',
  'university',
  'police',
  'district',
  'new',
  'national',
  'united',
  'international',
  'productions',
  'pictures',
  'studios',
  'set',
]);

function significant(word: string, person: boolean): boolean {
  if (word.length < 2 || STOPWORDS.has(word)) return false;
  return !person || (!TITLES.has(word) && !PARTICLES.has(word) && !SUFFIXES.has(word));
}

export function lookupTerms(entity: TextEntity): string[] {
  const person = entity.kind === 'PERSON';
  const words = normaliseForSearch(entity.name).split(' ').filter(Boolean);
  const kept = words.filter((w) => significant(stripPossessive(w), person));
  const specific = kept.filter((w) => !GENERIC.has(stripPossessive(w)));
  const generic = kept.filter((w) => GENERIC.has(stripPossessive(w)));
  // the word as written (the store matches "attorney's" as a word) and without its possessive
  const terms = [...specific, ...generic].flatMap((w) => [w, stripPossessive(w)]);
  if (person || entity.kind === 'LOCATION') {
    // the surname first: it is what another source is likeliest to spell otherwise
    const base = [...new Set(specific.map(stripPossessive))].filter((w) => w.length >= 4).reverse();
    const variants = base.map((w) => spellingVariants(w, VARIANTS_PER_WORD));
    for (let i = 0; i < VARIANTS_PER_WORD; i++) for (const list of variants) if (list[i]) terms.push(list[i] as string);
  }
  return [...new Set(terms)].slice(0, MAX_TERMS);
}
