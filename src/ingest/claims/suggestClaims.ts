/**
 * Claim suggestion: within each sentence, the links the text states between the things it names
 * become suggested claims, each with its evidence (the sentence, at exact offsets), its modality
 * and the party asserting it; events the text names but the extractor cannot are proposed as new
 * EVENT suggestions. Precision over recall: a pattern fires only on the words that state a link.
 */
import { fitsEndpoints } from '../../domain/kinds.js';
import type { ClaimSuggestion, EntitySuggestion } from '../../domain/suggestions.js';
import type { ClaimContext } from '../types.js';
import type { ClaimDraft } from './draft.js';
import { EventBook } from './eventBook.js';
import { findEventClaims } from './events.js';
import { assertionOf, findCues } from './modality.js';
import { findRelations } from './patterns.js';
import { buildSkeleton, type PlacedMention } from './skeleton.js';
import { splitSentences } from './sentences.js';

/** Longer "sentences" are lists, tables or text without stops: read none of them. */
const MAX_SENTENCE = 3000;

interface Found {
  claim: Omit<ClaimSuggestion, 'key'>;
  /** Text order: where its words start, then the order found. */
  at: number;
  seq: number;
}

/**
 * "the film", "the series’": a description that can only stand for the one production the text
 * names, after its first mention. Only a description that ends its phrase counts ("the production
 * company" is no production).
 */
const PRODUCTION_ANAPHOR =
  /\b[Tt]he\s+(?:film|movie|series|show|production|documentary|drama|thriller|western|miniseries|sitcom|biopic|sequel)(?=['’]s?(?![\w’'])|\s*[,;.]|\s+(?:was|were|is|are|had|has|have|will|would|which|that|wrapped|began|resumed)\b)/g;

function productionAnaphors(
  text: string,
  entities: readonly EntitySuggestion[],
  placed: readonly PlacedMention[],
): PlacedMention[] {
  const productions = entities.filter((e) => e.kind === 'PRODUCTION' && e.mentions.length > 0);
  if (productions.length !== 1) return [];
  const production = productions[0] as EntitySuggestion;
  const first = Math.min(...production.mentions.map((m) => m.start));
  // the characters other mentions cover, so each description is tested in its own length (linear)
  const covered = new Uint8Array(text.length + 1);
  for (const p of placed) covered.fill(1, p.start, p.end);
  const out: PlacedMention[] = [];
  for (const m of text.matchAll(PRODUCTION_ANAPHOR)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (start <= first) continue;
    if (covered.subarray(start, end).includes(1)) continue;
    out.push({ key: production.key, kind: 'PRODUCTION', start, end });
  }
  return out;
}

export function suggestClaims(context: ClaimContext): { events: EntitySuggestion[]; claims: ClaimSuggestion[] } {
  const { text } = context;
  const placed: PlacedMention[] = context.entities.flatMap((e) =>
    e.mentions
      .filter((m) => m.start >= 0 && m.end <= text.length && m.start < m.end)
      .map((m) => ({ key: e.key, kind: e.kind, start: m.start, end: m.end })),
  );
  placed.push(...productionAnaphors(text, context.entities, placed));
  placed.sort((a, b) => a.start - b.start);
  const names = new Map(context.entities.map((e) => [e.key, e.name]));
  const book = new EventBook(context.entities.map((e) => e.key));
  const kinds = new Map(context.entities.map((e) => [e.key, e.kind]));

  const found: Found[] = [];
  let seq = 0;
  let cursor = 0;
  for (const sentence of splitSentences(text, placed)) {
    if (sentence.end - sentence.start > MAX_SENTENCE) continue;
    // mentions are sorted: walk a cursor rather than filter all of them for every sentence
    while (cursor < placed.length && (placed[cursor] as PlacedMention).start < sentence.start) cursor++;
    const inside: PlacedMention[] = [];
    for (let i = cursor; i < placed.length && (placed[i] as PlacedMention).start < sentence.end; i++) {
      const m = placed[i] as PlacedMention;
      if (m.end <= sentence.end) inside.push(m);
    }
    if (inside.length === 0) continue;
    const skeleton = buildSkeleton(text, sentence.start, sentence.end, inside);
    const dates = context.dates.filter((d) => d.start >= sentence.start && d.end <= sentence.end);
    const drafts: ClaimDraft[] = [
      ...findRelations(skeleton),
      ...findEventClaims({ text, skeleton, dates, book, names }),
    ];
    if (drafts.length === 0) continue;
    const cues = findCues(skeleton, text);
    const evidenceQuote = text.slice(sentence.start, sentence.end);
    for (const d of drafts) {
      const assertion = assertionOf(cues, skeleton, text, d.skStart, d.skEnd, d.scoped);
      found.push({
        at: skeleton.toStart(d.skStart),
        seq: seq++,
        claim: {
          status: 'OPEN',
          type: d.type,
          from: d.from,
          to: d.to,
          role: d.role,
          evidence: {
            start: sentence.start,
            end: sentence.end,
            quote: evidenceQuote,
            modality: assertion.modality,
            assertedBy: assertion.assertedBy,
            cue: assertion.cue,
          },
          confidence: d.confidence,
          pattern: d.pattern,
          decision: null,
        },
      });
    }
  }

  for (const event of book.events) kinds.set(event.key, event.kind);
  found.sort((a, b) => a.at - b.at || a.seq - b.seq);
  const seen = new Set<string>();
  const claims: ClaimSuggestion[] = [];
  for (const { claim } of found) {
    if (claim.from === claim.to) continue;
    const fromKind = kinds.get(claim.from);
    const toKind = kinds.get(claim.to);
    if (!fromKind || !toKind || !fitsEndpoints(claim.type, fromKind, toKind)) continue;
    // one claim per (type, from, to, role), the first evidence kept; a role-less repeat of a link
    // already suggested, or a second role in one event, says nothing new
    const pair = `${claim.type}|${claim.from}|${claim.to}`;
    const id = `${pair}|${claim.role ?? ''}`;
    if (seen.has(id)) continue;
    if (seen.has(pair) && (claim.role === null || claim.type === 'PARTICIPATED_IN')) continue;
    seen.add(id);
    seen.add(pair);
    claims.push({ key: `c${claims.length + 1}`, ...claim });
  }
  return { events: book.events, claims };
}
