/**
 * One name, several romanisations: Ukrainian Halyna and Russian Galina, Zelensky and Zelenskyy,
 * Yevgeny and Evgeny. Two spellings are taken for one name when their keys (below) are equal; the
 * table is small and general on purpose, so that equal keys stay strong evidence.
 *
 * Key rules, in order (input: a normalised word, lower case, no accents):
 *   shch, sch, sh → one sibilant   (Shchukin / Schukin)
 *   tch, ch       → one affricate  (Tchaikovsky / Chaikovsky)
 *   dzh, dj, zh   → one sound      (Dzhokhar / Djokhar, Zhanna)
 *   th, gh, ph→f, ck→k, x→ks        (digraphs kept apart from h; Alexei / Aleksei)
 *   kh → h → g                     (х as kh or h; Ukrainian г as h, Russian as g: Halyna / Galina, Olha / Olga)
 *   w → v, final ff → v            (Wolodymyr / Volodymyr, Smirnoff / Smirnov)
 *   j → i, y → i                   (и, ы, й, and the y of я, ю, є: Jurij / Yuriy / Iurii)
 *   ie → e at the start or after a vowel (Yevgeny / Ievgeny / Evgeny, Andreyev / Andreev)
 *   final ei → i                   (Andrei / Andrii, Sergei / Serhii)
 *   doubled letters → one          (the -yy, -iy, -ii, -yi endings of Zelenskyy / Zelenskiy / Zelensky)
 * Spellings that are different names in English (Souza / Sousa, Mark / Mary) keep different keys.
 */

const KEY_RULES: readonly (readonly [RegExp, string])[] = [
  // digraphs first, to upper-case placeholders, so that the single-letter rules below leave them alone
  [/shch|sch|sh/g, 'S'],
  [/tch|ch/g, 'C'],
  [/dzh|dj|zh/g, 'J'],
  [/th/g, 'T'],
  [/gh/g, 'G'],
  [/ph/g, 'f'],
  [/ck/g, 'k'],
  [/x/g, 'ks'],
  [/kh/g, 'h'],
  [/h/g, 'g'],
  [/w/g, 'v'],
  [/ff$/, 'v'],
  [/j/g, 'i'],
  [/y/g, 'i'],
  [/(^|[aeiou])ie/g, '$1e'],
  [/ei$/, 'i'],
  [/(.)\1+/g, '$1'],
];

/** The spelling-independent key of one normalised word. */
export function romanisationKey(word: string): string {
  return KEY_RULES.reduce((w, [pattern, replacement]) => w.replace(pattern, replacement), word);
}

/** Whether two different spellings are one name in two romanisations. */
export function sameTransliteration(a: string, b: string): boolean {
  return a !== b && romanisationKey(a) === romanisationKey(b);
}

/**
 * Spellings another source may use for the same name, so that lookup finds the graph's spelling:
 * each site where a romanisation may differ is rewritten one way or another. The sites, with the
 * spellings each may take:
 */
const VARIANT_SITES: readonly { site: RegExp; spellings: readonly string[] }[] = [
  // the -ий / -ій endings: Zelensky, Zelenskyy, Zelenskiy, Zelenskii, Zelenskyi, Zelenski, Zelenskij
  // (after four letters at least, so that short English names such as Mary are left alone)
  { site: /(?<=\p{L}{4})(yy|iy|ii|yi|ij|y|i)$/u, spellings: ['y', 'yy', 'iy', 'ii', 'yi', 'i', 'ij'] },
  // the -ия / -ія endings: Yulia, Yuliia, Yuliya
  { site: /(iia|iya|ia|ya)$/, spellings: ['ia', 'iia', 'iya', 'ya'] },
  // г: h or g, but not the h of sh, ch, zh, th, ph, kh, gh, wh, nor the g of ng, gh
  { site: /(?<![sczptkgw])h|(?<!n)g(?!h)/g, spellings: ['h', 'g'] },
  // х: kh or h
  { site: /kh/g, spellings: ['kh', 'h'] },
  // и / ы / й inside a word: y or i
  { site: /(?<=.)[yi](?=.)/g, spellings: ['y', 'i'] },
  // е / є at the start: Yevhen, Ievgen, Evgen
  { site: /^(ye|ie|e)/, spellings: ['ye', 'ie', 'e'] },
  { site: /x|ks/g, spellings: ['x', 'ks'] },
  { site: /[wv]/g, spellings: ['v', 'w'] },
  { site: /(ov|off)$/, spellings: ['ov', 'off'] },
];

function oneStepVariants(word: string): string[] {
  const out: string[] = [];
  for (const { site, spellings } of VARIANT_SITES) {
    const global = new RegExp(site.source, site.flags.includes('g') ? site.flags : `${site.flags}g`);
    for (const match of word.matchAll(global)) {
      for (const spelling of spellings) {
        if (spelling === match[0]) continue;
        out.push(word.slice(0, match.index) + spelling + word.slice(match.index + match[0].length));
      }
    }
  }
  return out;
}

/**
 * Up to `max` other spellings of `word` with the same key, fewest rewrites first (so "Halyna" gives
 * "Galyna" and "Halina" before "Galina"). Only key-equal spellings are kept, so whatever lookup
 * finds through them, ranking recognises as a transliteration.
 */
export function spellingVariants(word: string, max: number): string[] {
  const key = romanisationKey(word);
  const seen = new Set([word]);
  const found: string[] = [];
  let frontier = [word];
  for (let depth = 0; depth < 2 && found.length < max; depth++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (const v of oneStepVariants(w)) {
        if (seen.has(v)) continue;
        seen.add(v);
        next.push(v);
        if (romanisationKey(v) === key) found.push(v);
      }
    }
    frontier = next;
  }
  return found.slice(0, max);
}
