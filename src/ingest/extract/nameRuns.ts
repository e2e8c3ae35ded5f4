/**
 * Runs of capitalised words ("New Mexico State Attorney’s Office", "Alec Baldwin") cut into the
 * segments that can each name one thing: sentence openers and titles off the front, possessives
 * off the end, an organisation's name kept whole up to its last word ("Office", "News").
 */
import { NAME_CONNECTORS, NOT_NAMES, ORG_SUFFIXES, ROLE_PHRASES } from './lexicon.js';
import { leadingHonorific } from './titleRules.js';
import { joinedBySpace, possessiveBase, type Token } from './tokens.js';

export interface Segment {
  /** Token indices, [first, last] inclusive. */
  first: number;
  last: number;
  start: number;
  end: number;
  /** A capitalised title taken off the front ("judge"). */
  role?: string;
  /** Ends with an organisation word ("Office"): an organisation whatever else is said. */
  orgBySuffix: boolean;
}

const AND = new Set(['and', '&']);

/** Index of an organisation word followed by "of" or "for" ("Department of", "Court for the"), or -1. */
function orgHeadedBy(tokens: readonly Token[], first: number, last: number): number {
  for (let k = first; k < last - 1; k++) {
    const next = tokens[k + 1]?.text;
    if (ORG_SUFFIXES.has((tokens[k] as Token).text) && (next === 'of' || next === 'for')) return k;
  }
  return -1;
}

const isConnector = (token: Token | undefined) => token !== undefined && NAME_CONNECTORS.has(token.text);

/**
 * No name runs longer; a longer run (a headline in title case, or hostile input) is cut, which
 * also bounds the work done on each run.
 */
const MAX_RUN = 14;

/** Maximal runs of capitalised tokens joined by spaces, with connectors between capitalised ones. */
export function capitalisedRuns(tokens: readonly Token[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let i = 0;
  while (i < tokens.length) {
    if (!tokens[i]?.capitalised) {
      i++;
      continue;
    }
    let j = i;
    while (j - i < MAX_RUN) {
      const next = tokens[j + 1];
      if (next && joinedBySpace(next) && !next.sentenceStart && (next.capitalised || /^\d+$/.test(next.text))) {
        j++;
      } else if (isConnector(next) && next && joinedBySpace(next)) {
        // one or two small words between capitalised ones: "Bank of America", "Court for the Central District"
        const width = isConnector(tokens[j + 2]) && joinedBySpace(tokens[j + 2] as Token) ? 2 : 1;
        const after = tokens[j + 1 + width];
        if (after?.capitalised && joinedBySpace(after)) j += 1 + width;
        else break;
      } else break;
    }
    runs.push([i, j]);
    i = j + 1;
  }
  return runs;
}

/** How the text writes its words: what it writes lower case, and what it capitalises mid-sentence. */
export interface WordUse {
  lower: ReadonlySet<string>;
  /** Capitalised where no sentence starts: the text's own names ("Nikas" after "Luke Nikas"). */
  named: ReadonlySet<string>;
}

export function wordUseOf(tokens: readonly Token[]): WordUse {
  return {
    lower: new Set(tokens.filter((token) => !token.capitalised).map((token) => token.text)),
    named: new Set(tokens.filter((token) => token.capitalised && !token.sentenceStart).map((token) => token.text)),
  };
}

/** Whether a sentence-initial word is an ordinary word: listed, or written lower case elsewhere. */
function isOpener(
  token: Token,
  words: WordUse,
  tags: ReadonlySet<string> | undefined,
  next: Token | undefined,
): boolean {
  if (NOT_NAMES.has(token.text)) return token.sentenceStart || token.text !== 'The';
  if (!token.sentenceStart) return false;
  if (words.lower.has(token.text.toLowerCase())) return true;
  // a word the text writes as a name mid-sentence is a name here too, whatever compromise guesses
  // of it on its own ("Nikas and Spiro": a plural noun, to compromise)
  if (words.named.has(token.text)) return false;
  // "Filming of Rust": compromise knows a sentence-opening verb is no name. Its guesses about
  // unknown words ("Lewten") are weak, so only before a small word, where no name would go on.
  if (!next || !isConnector(next)) return false;
  if (!tags || tags.has('ProperNoun') || tags.has('Person') || tags.has('Place') || tags.has('Organization'))
    return false;
  return OPENER_TAGS.some((tag) => tags.has(tag));
}

const OPENER_TAGS = [
  'Verb',
  'Gerund',
  'Adverb',
  'Adjective',
  'Determiner',
  'Preposition',
  'Conjunction',
  'Pronoun',
  'Plural',
];

/** After a name, letters that are no part of it: "Gareth Vaughan KC". */
const POST_NOMINALS = new Set(['KC', 'QC', 'MP', 'MEP', 'PhD', 'Esq', 'MD', 'OBE', 'MBE', 'CBE']);

/** A number ends a name only after an organisation word ("Channel 4"). */
function trailingNumber(tokens: readonly Token[], first: number, last: number): boolean {
  return (
    /^\d+$/.test((tokens[last] as Token).text) && !(last > first && ORG_SUFFIXES.has((tokens[last - 1] as Token).text))
  );
}

function trimmed(tokens: readonly Token[], first: number, last: number, role?: string): Segment | null {
  let f = first;
  let l = last;
  while (f <= l && isConnector(tokens[f])) f++;
  while (
    l >= f &&
    (isConnector(tokens[l]) || POST_NOMINALS.has((tokens[l] as Token).text) || trailingNumber(tokens, f, l))
  )
    l--;
  if (f > l) return null;
  const lastToken = tokens[l] as Token;
  const base = possessiveBase(lastToken.text);
  const end = base === null ? lastToken.end : lastToken.start + base;
  const suffix = lastToken.text.replace(/\.$/, '');
  const segment: Segment = {
    first: f,
    last: l,
    start: (tokens[f] as Token).start,
    end,
    orgBySuffix: l > f && base === null && (ORG_SUFFIXES.has(suffix) || /^\d+$/.test(suffix)),
  };
  if (role !== undefined) segment.role = role;
  return segment;
}

/** The segments of one run, in text order. */
export function segmentRun(
  tokens: readonly Token[],
  first: number,
  last: number,
  words: WordUse,
  tags: readonly Set<string>[],
): Segment[] {
  let f = first;
  while (f <= last && isConnector(tokens[f])) f++;
  // "Quinn Emanuel Urquhart & Sullivan": names joined by "&" are a firm
  for (let k = f + 1; k <= last; k++) {
    if ((tokens[k] as Token).ampersand) {
      const firm = trimmed(tokens, f, last);
      return firm ? [{ ...firm, orgBySuffix: true }] : [];
    }
  }
  // organisation names are cut before any other reading, so "Sheriff’s Office" keeps its title word
  let orgEnd = -1;
  for (let k = last; k > f; k--) {
    const text = (tokens[k] as Token).text;
    const numbered = /^\d+$/.test(text) && ORG_SUFFIXES.has(tokens[k - 1]?.text ?? '');
    const words = tokens
      .slice(f, k + 1)
      .map((token) => token.text.toLowerCase())
      .join(' ');
    // "Chief Executive Tim Cook" is a title, not an organisation
    const continues = k < last && isConnector(tokens[k + 1]);
    if ((ORG_SUFFIXES.has(text) || numbered) && !continues && !ROLE_PHRASES.has(words)) {
      orgEnd = k;
      break;
    }
  }
  while (f <= last && (orgEnd < 0 || f < orgEnd) && isOpener(tokens[f] as Token, words, tags[f], tokens[f + 1])) f++;
  if (f > last) return [];
  // "Department of Justice", "University of New Mexico": the organisation word comes first
  const headed = orgHeadedBy(tokens, f, last);
  if (headed >= 0 && (orgEnd < 0 || orgEnd < headed)) {
    // the words before belong to it: "U.S. District Court for the ...", "New Mexico Department of Health"
    const org = trimmed(tokens, f, last);
    return org ? [{ ...org, orgBySuffix: true }] : [];
  }
  if (orgEnd > f) {
    const org = trimmed(tokens, f, orgEnd);
    const rest = orgEnd < last ? segmentRun(tokens, orgEnd + 1, last, words, tags) : [];
    return org ? [{ ...org, orgBySuffix: true }, ...rest] : rest;
  }
  // outside an organisation's name, "and" joins two names: "Lewten Nikas and Alex Spiro"
  for (let k = f + 1; k < last; k++) {
    if (AND.has((tokens[k] as Token).text)) {
      return [...segmentRun(tokens, f, k - 1, words, tags), ...segmentRun(tokens, k + 1, last, words, tags)];
    }
  }
  // a possessive ends the name it belongs to: "Baldwin’s Lawyer" names Baldwin
  for (let k = f; k < last; k++) {
    if (possessiveBase((tokens[k] as Token).text) !== null) {
      return [...segmentRun(tokens, f, k, words, tags), ...segmentRun(tokens, k + 1, last, words, tags)];
    }
  }
  let honorific = leadingHonorific(tokens, f, last + 1);
  if (honorific) {
    // titles stack: "Lt. Gen. Mark Hertling", "Former Sen. ..."
    const roles: string[] = [];
    let from = f;
    while (honorific) {
      const [role, width] = honorific;
      if (role) roles.push(role);
      from += width;
      honorific = leadingHonorific(tokens, from, last + 1);
    }
    const segment = trimmed(tokens, from, last, roles.join(' '));
    return segment ? [segment] : [];
  }
  // a title inside the run starts a new name: "New Mexico Governor Michelle Lujan Grisham"
  for (let k = f + 1; k < last; k++) {
    const inner = leadingHonorific(tokens, k, last + 1);
    if (inner && !isConnector(tokens[k - 1])) {
      return [...segmentRun(tokens, f, k - 1, words, tags), ...segmentRun(tokens, k, last, words, tags)];
    }
  }
  const segment = trimmed(tokens, f, last);
  return segment ? [segment] : [];
}
