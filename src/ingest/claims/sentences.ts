/**
 * Sentence boundaries with offsets into the text. Claims are read within one sentence, so a
 * boundary in the wrong place (after "Mr." or inside "U.S. District Court") would cut a pattern in
 * two: abbreviations, initials and the spans of named entities never end a sentence.
 */

interface Range {
  start: number;
  end: number;
}

/** Words that end in a full stop without ending the sentence (lower case, without the stop). */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'jr',
  'sr',
  'inc',
  'co',
  'corp',
  'ltd',
  'llc',
  'gen',
  'gov',
  'sen',
  'rep',
  'lt',
  'sgt',
  'capt',
  'col',
  'no',
  'vs',
  'v',
  'etc',
  'jan',
  'feb',
  'mar',
  'apr',
  'aug',
  'sept',
  'sep',
  'oct',
  'nov',
  'dec',
  'mt',
  'ft',
  'det',
  'supt',
  'prof',
  'hon',
  'u.s',
  'u.k',
  'a.m',
  'p.m',
  'e.g',
  'i.e',
  'approx',
  'dept',
]);

const CLOSERS = new Set(['"', "'", '”', '’', ')', ']']);

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u00a0';
}

/** The word (letters and inner stops) that ends just before `stop`. */
function wordBefore(text: string, stop: number): string {
  let i = stop;
  while (i > 0 && !isSpace(text[i - 1]) && text[i - 1] !== '(' && text[i - 1] !== '“' && text[i - 1] !== '"') i--;
  return text.slice(i, stop);
}

function endsSentence(text: string, stop: number, next: number): boolean {
  if (text[stop] !== '.') return true;
  const word = wordBefore(text, stop);
  if (ABBREVIATIONS.has(word.toLowerCase())) return false;
  // a single capital is an initial ("Mary J. Blige")
  if (/^[A-Z]$/.test(word)) return false;
  // the next sentence begins with a capital, a digit or a quote; "e.g. the" does not
  let j = next;
  while (j < text.length && isSpace(text[j])) j++;
  if (j >= text.length) return true;
  return /[A-Z0-9"“‘'(]/.test(text[j] as string);
}

/**
 * Whether a single line break is a hard wrap inside a sentence ("filmed in\nMontana"): the line
 * ends in a lower-case letter or a comma, or the next begins in lower case. A blank line or a line
 * ending in punctuation ends the sentence.
 */
function wrapped(text: string, at: number): boolean {
  let before = at - 1;
  while (before >= 0 && (text[before] === ' ' || text[before] === '\t' || text[before] === '\r')) before--;
  let after = at + 1;
  while (after < text.length && (text[after] === ' ' || text[after] === '\t' || text[after] === '\r')) after++;
  if (before < 0 || after >= text.length || text[after] === '\n') return false;
  // a heading: a short line of its own after a blank line (or at the start) ends at its break
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  let gap = lineStart - 2;
  while (gap >= 0 && (text[gap] === ' ' || text[gap] === '\t' || text[gap] === '\r')) gap--;
  const ownParagraph = lineStart === 0 || text[gap] === '\n';
  const endsInFunctionWord = /\b(?:in|of|at|on|to|by|for|from|with|and|or|the|a|an|as)\s*$/i.test(
    text.slice(lineStart, at),
  );
  if (ownParagraph && !endsInFunctionWord && at - lineStart < 100 && /[A-Z0-9“"‘']/.test(text[after] as string)) {
    return false;
  }
  return /[a-z,;–—-]/.test(text[before] as string) || /[a-z]/.test(text[after] as string);
}

/**
 * Sentences in text order, trimmed of surrounding space. `keep` are spans (entity mentions) that a
 * boundary may not fall inside. Linear in the text's length.
 */
export function splitSentences(text: string, keep: readonly Range[]): Range[] {
  const inside = new Uint8Array(text.length + 1);
  for (const span of keep) for (let i = span.start; i < span.end && i < text.length; i++) inside[i] = 1;
  const out: Range[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && isSpace(text[s])) s++;
    while (e > s && isSpace(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') {
      if (inside[i] || wrapped(text, i)) continue;
      push(i);
      start = i + 1;
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    if (inside[i]) continue;
    let next = i + 1;
    while (next < text.length && CLOSERS.has(text[next] as string)) next++;
    if (next < text.length && !isSpace(text[next])) continue;
    if (!endsSentence(text, i, next)) continue;
    push(next);
    start = next;
  }
  push(text.length);
  return out;
}
