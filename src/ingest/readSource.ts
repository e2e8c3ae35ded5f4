/**
 * A reading of one source: extraction, coreference within the text, resolution against the graph,
 * and claim suggestion, made into a Draft (domain/suggestions.ts). It writes nothing: the caller
 * stores the draft, and only an editor's accept turns a suggestion into a write.
 */
import { indexByNameWords, namedWith } from '../domain/nameWords.js';
import { type Draft, type EntitySuggestion, SAME_AS_SCORE } from '../domain/suggestions.js';
import { suggestClaims } from './claims/suggestClaims.js';
import { lastSentenceEnd } from './sentenceEnd.js';
import { groupMentions } from './coreference.js';
import { extractMentions } from './extract/extractMentions.js';
import { keyVariants, newEntityKey } from './newEntityKey.js';
import { corroborationCandidates, type KnownLink, liftByAgreeingClaims } from './resolve/claimContext.js';
import { lookupTerms } from './resolve/lookupTerms.js';
import { rankCandidates } from './resolve/rankCandidates.js';
import type { KnownEntity } from './types.js';

/** Entities of the graph whose name or an alias shares a word with any of `terms` (normalised as search does). */
export type EntityLookup = (terms: readonly string[]) => Promise<KnownEntity[]>;

export interface ReadingOptions {
  /** The graph's entities that may be what the text names. */
  lookup: EntityLookup;
  /** The graph's relationships among these entities (both ends among them): what corroborates a fuzzy match. */
  linksAmong: (keys: readonly string[]) => Promise<KnownLink[]>;
  /** Whether an entity key is taken in the graph (a new entity's key must not be). */
  keysTaken: (keys: readonly string[]) => Promise<ReadonlySet<string>>;
  /** The longest text read whole: a longer one is read up to here (at a sentence's end where there is one). */
  maxChars: number;
}

/** Where a reading of at most `maxChars` stops: the last sentence end before it, or `maxChars` itself. */
function readingEnd(text: string, maxChars: number): number {
  if (text.length <= maxChars) return text.length;
  const end = lastSentenceEnd(text, 0, maxChars);
  return end < 0 ? maxChars : end;
}

/**
 * The longest text read whole. A news article is a few thousand characters; a reading runs on the
 * server's event loop at about a second per 100,000 characters and makes a draft some twenty times
 * the text's size, so a book is read up to here, and `readUpTo` says so.
 */
export const MAX_READ_CHARS = 100_000;

const MAX_CANDIDATES = 5;
/** The most entity comparisons one reading makes (each some tens of microseconds): about a second at worst. */
const MAX_COMPARISONS = 30_000;

export async function readSource(sourceKey: string, fullText: string, options: ReadingOptions): Promise<Draft> {
  const readUpTo = readingEnd(fullText, options.maxChars);
  const text = fullText.slice(0, readUpTo);
  const mentions = extractMentions(text);
  const textEntities = groupMentions(mentions);
  const terms = textEntities.map(lookupTerms);
  const known = await options.lookup([...new Set(terms.flat())]);
  // Each entity is compared only with the known entities that share one of its own terms (what the
  // lookup matched them by), not with every entity the whole text brought in: that was names × known,
  // a minute of blocked event loop for a 40 kB list of 2,000 names a large graph holds. A budget
  // bounds what common words ("Smith") still bring; past it, entities get no candidates.
  const knownByWord = indexByNameWords(known);
  let comparisons = 0;
  const entities = textEntities.map((entity, index): EntitySuggestion => {
    const near = comparisons < MAX_COMPARISONS ? namedWith(knownByWord, terms[index] ?? []) : [];
    comparisons += near.length;
    // an editor compares a few; the rest would only weigh down the draft and its audit entry
    const candidates = rankCandidates(entity, near).slice(0, MAX_CANDIDATES);
    const first = candidates[0];
    return {
      key: `e${index + 1}`,
      status: 'OPEN',
      kind: entity.kind,
      name: entity.name,
      mentions: entity.mentions.map(({ start, end, quote }) => ({ start, end, quote })),
      confidence: entity.confidence,
      occupations: entity.occupations,
      eventType: null,
      date: null,
      candidates,
      sameAs: first && first.score >= SAME_AS_SCORE ? first.entityKey : null,
      newKey: '',
      decision: null,
    };
  });
  const dates = mentions.flatMap(({ kind, start, end, quote, date }) =>
    kind === 'DATE' && date ? [{ start, end, quote, date }] : [],
  );
  const { events, claims } = suggestClaims({ text, entities, dates });
  const corroborate = corroborationCandidates(entities);
  if (corroborate.length > 0) {
    const proposed = entities.flatMap((e) => (e.sameAs ? [e.sameAs] : []));
    liftByAgreeingClaims(entities, claims, await options.linksAmong([...new Set([...corroborate, ...proposed])]));
  }
  const all = [...entities, ...events];
  const wanted = all.map((entity) => newEntityKey(entity.name));
  const taken = new Set(await options.keysTaken([...new Set(wanted.flatMap(keyVariants))]));
  for (const [index, entity] of all.entries()) {
    const base = wanted[index] as string;
    // past the variants asked about, a suffix from the draft's own numbering cannot be taken by chance
    const key = keyVariants(base).find((k) => !taken.has(k)) ?? `${base}-${sourceKey}-${entity.key}`;
    taken.add(key);
    entity.newKey = key;
  }
  return { sourceKey, entities: all, claims, dates, readUpTo };
}
