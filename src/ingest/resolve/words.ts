/** The words of a name as resolution compares them: the way search normalises, plus two looser forms. */
import { normaliseForSearch } from '../../domain/search.js';

/** "Hutchins’s" and "Baldwins’" are the name they belong to: the possessive ending is not part of it. */
export function stripPossessive(word: string): string {
  return word.replace(/'s$/, '').replace(/'$/, '');
}

/** Normalised words (case, accents, apostrophes folded as search does), possessive endings dropped. */
function nameWords(text: string): string[] {
  return normaliseForSearch(text).split(' ').map(stripPossessive).filter(Boolean);
}

/**
 * The words of a person's name: as nameWords, but a hyphenated name stays one word
 * ("Gutierrez-Reed" is a surname, not a given name and a surname).
 */
export function personWords(text: string): string[] {
  return text
    .split(/\s+/)
    .flatMap((token) => (/\p{L}[-\u2010\u2011]\p{L}/u.test(token) ? [nameWords(token).join('-')] : nameWords(token)))
    .filter(Boolean);
}

/**
 * A looser form for "the same name written differently": apostrophes dropped altogether
 * ("Attorneys Office" and "Attorney’s Office") and a leading "the" ignored ("The Rust set").
 */
export function looseForm(text: string): string {
  return normaliseForSearch(text)
    .replace(/'/g, '')
    .replace(/^the\s+/, '')
    .trim();
}
