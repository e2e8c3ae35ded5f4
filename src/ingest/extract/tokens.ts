/**
 * Words with their offsets, and what separates them. Every rule of the extractor walks these
 * instead of matching long patterns over the raw text, so each reading stays linear in the text.
 */

export interface Token {
  start: number;
  end: number;
  text: string;
  /** The characters between the previous token and this one ("" for the first). */
  before: string;
  /** First letter upper case ("Baldwin", "ABC", "Gutierrez-Reed"). */
  capitalised: boolean;
  /** First word of a sentence, where capitals prove nothing. */
  sentenceStart: boolean;
  /** Joined to the previous token as words of one name are: a space, or ". " after "Mr" or "J". */
  joined: boolean;
  /** Joined by " & " ("Procter & Gamble"): inside a name, the mark of a firm. */
  ampersand: boolean;
}

// Words whose full stop does not end a sentence ("Mr. Baldwin", "Oct. 21", "John F. Kennedy").
const ABBREVIATIONS = new Set(
  'Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Col|Lt|Maj|Adm|Brig|Det|Sgt|Capt|Rev|St|Jr|Sr|Bros|Mt|Ft|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Inc|Co|Corp|Ltd|vs'.split(
    '|',
  ),
);

// A word, with inner hyphens (ASCII or U+2011), apostrophes, ampersands or dots ("U.S").
// Each repetition must begin with a separator, so there is one way to match and no backtracking.
const WORD = /[\p{L}\p{M}\p{N}]+(?:[-‑'’&.][\p{L}\p{M}\p{N}]+)*/gu;
const UPPER = /^\p{Lu}/u;
const SENTENCE_END = /[.!?]["”’)]*\s|[\n\r]/;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  let previous = '';
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    // "U.S." keeps its last full stop: the abbreviation is the name
    const word =
      /^(?:\p{L}\.)+\p{L}$/u.test(match[0]) && text[start + match[0].length] === '.' ? `${match[0]}.` : match[0];
    const before = text.slice(last, start);
    const abbreviated = before === '. ' && (ABBREVIATIONS.has(previous) || /^\p{Lu}$/u.test(previous));
    previous = word;
    tokens.push({
      start,
      end: start + word.length,
      text: word,
      before,
      capitalised: UPPER.test(word),
      sentenceStart: tokens.length === 0 || (!abbreviated && SENTENCE_END.test(before)),
      joined: before === ' ' || before === '\u00a0' || before === ' & ' || abbreviated,
      ampersand: before === ' & ',
    });
    last = start + word.length;
  }
  return tokens;
}

/** "Hutchins’s" → length of the name without its possessive ending, or null when it has none. */
export function possessiveBase(word: string): number | null {
  if (word.length > 2 && /['’]s$/i.test(word)) return word.length - 2;
  // "Reyes’" (plural-style possessive); the apostrophe is outside WORD matches, so nothing to strip
  return null;
}

/** Two tokens are one name's neighbours only when a single space (or hyphen-free gap) joins them. */
export function joinedBySpace(token: Token): boolean {
  return token.joined;
}

/** For each token, the tags of the compromise words that start inside it ("Gutierrez-Reed" is two). */
export function tagsByToken(
  tokens: readonly Token[],
  terms: ReadonlyArray<{ start: number; tags: Set<string> }>,
): Set<string>[] {
  const result = tokens.map(() => new Set<string>());
  let t = 0;
  for (const [index, token] of tokens.entries()) {
    while (t < terms.length && (terms[t]?.start ?? 0) < token.start) t++;
    while (t < terms.length && (terms[t]?.start ?? Infinity) < token.end) {
      for (const tag of terms[t]?.tags ?? []) result[index]?.add(tag);
      t++;
    }
  }
  return result;
}
