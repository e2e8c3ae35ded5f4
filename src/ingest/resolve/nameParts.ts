/** A person's name taken apart: titles and suffixes set aside, given names, initials and the surname. */
import { personWords } from './words.js';

/** Words before a name that say what someone is, not who ("Dr", "Judge"): never part of the name. */
export const TITLES: ReadonlySet<string> = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'professor',
  'sir',
  'dame',
  'lord',
  'lady',
  'judge',
  'justice',
  'sen',
  'senator',
  'rep',
  'gov',
  'governor',
  'president',
  'det',
  'detective',
  'officer',
  'sgt',
  'sergeant',
  'capt',
  'captain',
  'gen',
  'general',
  'col',
  'lt',
  'rev',
  'fr',
]);

/** Words after a name: "Jr." and "Sr." tell relatives apart, so they are kept to compare. */
export const SUFFIXES: ReadonlySet<string> = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'esq', 'phd', 'md']);

/** Lower-case words inside surnames ("Joel de Souza"): not a given name, not worth looking up alone. */
export const PARTICLES: ReadonlySet<string> = new Set([
  'de',
  'da',
  'del',
  'della',
  'di',
  'do',
  'dos',
  'das',
  'du',
  'van',
  'von',
  'der',
  'den',
  'ter',
  'le',
  'la',
  'bin',
  'ibn',
  'al',
  'el',
]);

export interface PersonName {
  /** Given names in order, initials and particles not among them. */
  given: string[];
  /** Single letters ("J." in "J. Souza"), in order. */
  initials: string[];
  /** The last word of the name, or null when the name is titles only. */
  surname: string | null;
  suffix: string | null;
}

export function personName(text: string): PersonName {
  const words = personWords(text);
  let start = 0;
  while (start < words.length - 1 && TITLES.has(words[start] as string)) start++;
  let end = words.length;
  let suffix: string | null = null;
  if (end - start > 1 && SUFFIXES.has(words[end - 1] as string)) {
    suffix = words[end - 1] as string;
    end--;
  }
  const core = words.slice(start, end);
  const surname = core.at(-1) ?? null;
  const before = core.slice(0, -1).filter((w) => !PARTICLES.has(w));
  return {
    given: before.filter((w) => w.length > 1),
    initials: before.filter((w) => w.length === 1),
    surname: surname && !TITLES.has(surname) ? surname : null,
    suffix,
  };
}

/** The first letter the name gives before the surname: a given name's or an initial's. */
export function firstInitial(name: PersonName): string | null {
  return (name.given[0] ?? name.initials[0] ?? '').charAt(0) || null;
}
