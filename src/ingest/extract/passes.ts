/**
 * Readings that need the whole text's first reading: a name joined by "and" to a person is a
 * person; a name the text already gave a kind keeps it wherever it recurs ("the Rust set" after
 * "the movie Rust"); a person's surname alone names that person's kind.
 */
import type { ExtractedMention, SpanKind } from '../types.js';
import { type Classified, mention } from './classify.js';
import { GENERIC_HEADS } from './lexicon.js';
import { joinedBySpace, type Token } from './tokens.js';

const AND = new Set(['and', 'or', '&']);

/** Persons by coordination: "Lewten Nikas and Alex Spiro" where either side is known a person. */
export function coordinate(text: string, tokens: readonly Token[], items: Classified[]): void {
  for (let i = 0; i + 1 < items.length; i++) {
    const left = items[i] as Classified;
    const right = items[i + 1] as Classified;
    const between = tokens[left.segment.last + 1];
    if (right.segment.first !== left.segment.last + 2 || !between || !AND.has(between.text)) continue;
    if (between.before !== ' ' || (tokens[right.segment.first] as Token).before !== ' ') continue;
    const l = left.mention;
    const r = right.mention;
    if (l?.kind === 'PERSON' && r === null) {
      right.mention = mention(
        text,
        right.segment,
        'PERSON',
        0.6,
        'rule:coordinated-with-person',
        left.pluralRole ? l.role : undefined,
      );
      right.pluralRole = left.pluralRole;
    } else if (r?.kind === 'PERSON' && l === null) {
      left.mention = mention(text, left.segment, 'PERSON', 0.6, 'rule:coordinated-with-person');
    } else if (l?.kind === 'PERSON' && r?.kind === 'PERSON' && left.pluralRole && l.role && !r.role) {
      // "lawyers Luke Nikas and Alex Spiro": both are lawyers
      r.role = l.role;
      right.pluralRole = true;
    }
  }
}

/** The last word of a multi-word person's name: "Hutchins" of "Galina Hutchins". */
function surname(quote: string): string | null {
  const words = quote.split(' ');
  return words.length > 1 ? (words.at(-1) ?? null) : null;
}

/**
 * One kind per name in a text: the kind its surest mention has. Unknown segments that repeat a
 * known name or a person's surname take that kind; a lone sentence-opening word compromise alone
 * calls a name is kept only when the text writes it as a name elsewhere.
 */
export function settleKinds(text: string, tokens: readonly Token[], items: Classified[]): void {
  const best = new Map<string, { kind: SpanKind; confidence: number }>();
  const surnames = new Set<string>();
  const nameWords = new Set<string>();
  for (const { mention: m, segment } of items) {
    if (!m) continue;
    const known = best.get(m.quote);
    if (!known || known.confidence < m.confidence) best.set(m.quote, { kind: m.kind, confidence: m.confidence });
    if (m.kind === 'PERSON') {
      const last = surname(m.quote);
      if (last) surnames.add(last);
    }
    for (let k = segment.first; k <= segment.last; k++) {
      const token = tokens[k] as Token;
      if (segment.last > segment.first || !token.sentenceStart) nameWords.add(token.text);
    }
  }
  for (const item of items) {
    const quote = text.slice(item.segment.start, item.segment.end);
    const known = best.get(quote);
    const single = item.segment.first === item.segment.last;
    if (item.mention === null) {
      if (known && known.confidence >= 0.6) {
        item.mention = mention(text, item.segment, known.kind, Math.min(0.8, known.confidence), 'rule:repeat');
      } else if (single && surnames.has(quote)) {
        item.mention = mention(text, item.segment, 'PERSON', 0.75, 'rule:surname');
      }
      continue;
    }
    const m = item.mention;
    if (known && known.kind !== m.kind && known.confidence > m.confidence) {
      item.mention = {
        ...mention(text, item.segment, known.kind, m.confidence, `${m.rule}+repeat`),
        ...(m.role && known.kind === 'PERSON' ? { role: m.role } : {}),
      };
      continue;
    }
    if (m.kind === 'PERSON' && single && surnames.has(quote)) m.confidence = Math.max(m.confidence, 0.8);
    const lone = single && (tokens[item.segment.first] as Token).sentenceStart && m.rule.startsWith('compromise');
    // "Baldwin’s lawyer" opening a sentence: a possessive is a name's mark that ordinary words rarely bear
    const possessive = /['’]s$/.test((tokens[item.segment.first] as Token).text) && m.kind === 'PERSON';
    if (lone && !possessive && !surnames.has(quote) && !nameWords.has(quote)) item.mention = null;
  }
}

/** "Savannah, Georgia": a name set before a known place by a comma is a place within it. */
export function placeBeforePlace(text: string, tokens: readonly Token[], items: Classified[]): void {
  for (let i = 0; i + 1 < items.length; i++) {
    const left = items[i] as Classified;
    const right = items[i + 1] as Classified;
    const comma = tokens[right.segment.first];
    if (right.segment.first !== left.segment.last + 1 || comma?.before !== ', ') continue;
    if (right.mention?.kind !== 'LOCATION' || right.mention.confidence < 0.8) continue;
    const weak =
      left.mention === null || (left.mention.rule.startsWith('compromise') && left.mention.kind !== 'ORGANISATION');
    if (weak && left.segment.last - left.segment.first < 3) {
      left.mention = mention(text, left.segment, 'LOCATION', 0.75, 'rule:place-comma-place');
    }
  }
}

/** Readings a short form of an organisation overrides: compromise's guesses and "X said". */
const weak = (m: ExtractedMention) =>
  m.rule.startsWith('compromise') || m.rule.startsWith('rule:name-') || m.rule.startsWith('rule:said-');

/**
 * "Crestline" after "Crestline Mutual Insurance Company": the first word of an organisation's
 * name, alone, is that organisation unless it is also a person's surname or a common head word.
 */
export function organisationShortForms(text: string, items: Classified[]): void {
  const heads = new Map<string, number>();
  const surnames = new Set<string>();
  for (const { mention: m } of items) {
    if (m?.kind === 'PERSON' && m.quote.includes(' ')) surnames.add(m.quote.split(' ').at(-1) ?? '');
    if (m?.kind !== 'ORGANISATION' || !m.quote.includes(' ')) continue;
    const head = m.quote.split(' ')[0] ?? '';
    heads.set(head, (heads.get(head) ?? 0) + 1);
  }
  // a name the text surely gives another kind ("the movie Rust") is not the short form
  const otherKind = new Set(
    items.flatMap(({ mention: m }) => (m && m.kind !== 'ORGANISATION' && !weak(m) ? [m.quote] : [])),
  );
  for (const item of items) {
    const quote = text.slice(item.segment.start, item.segment.end);
    if (item.segment.first !== item.segment.last || !heads.has(quote) || GENERIC_HEADS.has(quote)) continue;
    if (surnames.has(quote) || otherKind.has(quote)) continue;
    const m = item.mention;
    if (m === null || weak(m)) {
      item.mention = mention(text, item.segment, 'ORGANISATION', 0.75, 'rule:organisation-short-form');
    }
  }
}

/**
 * Names the text gave a kind, wherever else they recur as whole words but no run reading found
 * them (a sentence opener stripped as an ordinary word: "Iron Meridian, the company said").
 * One pass over the tokens, looking names up by their first word.
 */
export function findRepeats(text: string, tokens: readonly Token[], items: Classified[]): Classified[] {
  const covered = new Uint8Array(tokens.length);
  const byHead = new Map<string, Array<{ words: string[]; kind: SpanKind; confidence: number }>>();
  for (const { segment, mention: m } of items) {
    if (!m) continue;
    for (let k = segment.first; k <= segment.last; k++) covered[k] = 1;
    if (m.confidence < 0.75) continue;
    const words = m.quote.split(' ');
    const head = words[0] as string;
    const list = byHead.get(head) ?? [];
    if (!list.some((known) => known.words.join(' ') === m.quote))
      list.push({ words, kind: m.kind, confidence: m.confidence });
    byHead.set(head, list);
  }
  const found: Classified[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const candidates = covered[i] ? undefined : byHead.get((tokens[i] as Token).text.replace(/['’]s$/, ''));
    for (const known of candidates ?? []) {
      const last = i + known.words.length - 1;
      let ok = last < tokens.length;
      for (let k = 0; ok && k < known.words.length; k++) {
        const token = tokens[i + k] as Token;
        const word = k === known.words.length - 1 ? token.text.replace(/['’]s$/, '') : token.text;
        ok = word === known.words[k] && !covered[i + k] && (k === 0 || joinedBySpace(token));
      }
      if (!ok) continue;
      const next = tokens[last + 1];
      // "Iron Meridian" but not the "Iron" of "Iron Meridian Films"
      if (next?.capitalised && joinedBySpace(next)) continue;
      const lastToken = tokens[last] as Token;
      const end = lastToken.start + lastToken.text.replace(/['’]s$/, '').length;
      const segment = { first: i, last, start: (tokens[i] as Token).start, end, orgBySuffix: false };
      found.push({
        segment,
        mention: mention(text, segment, known.kind, Math.min(0.75, known.confidence), 'rule:repeat'),
      });
      for (let k = i; k <= last; k++) covered[k] = 1;
      break;
    }
  }
  return found;
}
