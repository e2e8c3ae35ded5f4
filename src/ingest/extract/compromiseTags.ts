/**
 * What compromise thinks each word is (Person, Organization, Place, FirstName...), keyed by the
 * word's offset. Its spans are not used as they are: they carry trailing commas and possessives,
 * and take lower-case words ("drew") for names. The extractor's own name runs give the spans;
 * compromise only votes on their kind.
 */
import nlp from './nlp.js';
import { lastSentenceEnd } from '../sentenceEnd.js';

/**
 * compromise reads about 50,000 characters a second here; past this many, the rest of a text is
 * read by the rules alone, so a very long or hostile input still returns within a second or two.
 */
const COMPROMISE_BUDGET = 40_000;

interface JsonTerm {
  text: string;
  tags?: string[];
  offset?: { start: number; length: number };
}

interface JsonMatch {
  text: string;
  offset?: { start: number; length: number };
  terms?: JsonTerm[];
}

/** The part of `text` compromise reads: all of it, or up to a sentence end within the budget. */
function compromiseExtent(text: string): number {
  if (text.length <= COMPROMISE_BUDGET) return text.length;
  const end = lastSentenceEnd(text, 0, COMPROMISE_BUDGET);
  return end < 0 ? COMPROMISE_BUDGET : end;
}

export interface CompromiseReading {
  /** compromise's words in text order: where each starts and its tags. */
  terms: Array<{ start: number; tags: Set<string> }>;
}

/** compromise slows down more than linearly on one long sentence; it reads pieces of about this size. */
const CHUNK = 2_000;

/** Where the piece starting at `from` ends: a sentence end, else a space, else the size itself. */
function chunkEnd(text: string, from: number, limit: number): number {
  if (limit - from <= CHUNK) return limit;
  const end = lastSentenceEnd(text, from, CHUNK);
  if (end >= 0) return end;
  const space = text.slice(from, from + CHUNK).lastIndexOf(' ');
  return space > CHUNK / 2 ? from + space : from + CHUNK;
}

export function readWithCompromise(text: string): CompromiseReading {
  const extent = compromiseExtent(text);
  const terms: CompromiseReading['terms'] = [];
  for (let from = 0; from < extent; ) {
    const to = chunkEnd(text, from, extent);
    const json = nlp(text.slice(from, to)).json({ offset: true, terms: { offset: true } }) as JsonMatch[];
    for (const sentence of json) {
      for (const term of sentence.terms ?? []) {
        if (term.offset && term.tags) terms.push({ start: from + term.offset.start, tags: new Set(term.tags) });
      }
    }
    from = to;
  }
  return { terms };
}
