/**
 * Scores one draft against its gold: pure, counts only (ratios are made from summed counts, so the
 * overall figures weigh every span and claim alike, not every article). Definitions: docs/INGEST.md.
 */
import type { Draft, EntitySuggestion } from '../../src/domain/suggestions.js';
import type { Gold, GoldEntity, GoldSpan } from './gold.js';

export interface Counts {
  /** Spans (non-EVENT entity mentions and dates): predicted, gold, exactly equal. */
  mentionsPredicted: number;
  mentionsGold: number;
  mentionsMatched: number;
  /** Of the exactly matched spans, those with the gold's kind (DATE being a kind). */
  kindsCorrect: number;
  /** Of the exactly matched DATE spans, how many, and those whose partial date is the gold's. */
  datesMatched: number;
  datesCorrect: number;
  /** Suggestions proposing sameAs; of them, those proposing the gold's. */
  linksPredicted: number;
  linksCorrect: number;
  /** Gold entities with a sameAs; of them, those some overlapping suggestion proposes. */
  linksGold: number;
  linksFound: number;
  /** A sameAs that is not the gold's: to another entity, to any when the gold says new, or from words naming nothing. */
  wrongMerges: number;
  /** A gold sameAs no overlapping suggestion proposes, because all of them propose a new entity (or none was found). */
  missedMerges: number;
  claimsPredicted: number;
  claimsCorrect: number;
  claimsGold: number;
  claimsFound: number;
  /** Of the correct claims whose gold has a role, those with the same role (case-insensitive). */
  rolesGold: number;
  rolesCorrect: number;
  /** Of the correct claims, those with the gold's modality. */
  modalitiesCorrect: number;
}

export const ZERO: Counts = {
  mentionsPredicted: 0,
  mentionsGold: 0,
  mentionsMatched: 0,
  kindsCorrect: 0,
  datesMatched: 0,
  datesCorrect: 0,
  linksPredicted: 0,
  linksCorrect: 0,
  linksGold: 0,
  linksFound: 0,
  wrongMerges: 0,
  missedMerges: 0,
  claimsPredicted: 0,
  claimsCorrect: 0,
  claimsGold: 0,
  claimsFound: 0,
  rolesGold: 0,
  rolesCorrect: 0,
  modalitiesCorrect: 0,
};

export function addCounts(a: Counts, b: Counts): Counts {
  const sum = { ...a };
  for (const name of Object.keys(sum) as (keyof Counts)[]) sum[name] += b[name];
  return sum;
}

interface Span {
  start: number;
  end: number;
}

const spanKey = ({ start, end }: Span) => `${start}:${end}`;
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

function overlapChars(a: readonly Span[], b: readonly Span[]): number {
  let chars = 0;
  for (const x of a)
    for (const y of b) if (overlaps(x, y)) chars += Math.min(x.end, y.end) - Math.max(x.start, y.start);
  return chars;
}

/** Exact spans: a span found twice (by two suggestions) counts once, as the text has it once. */
function scoreMentions(draft: Draft, gold: Gold): Partial<Counts> {
  const predicted = new Map<string, string>();
  const dateOf = new Map<string, string>();
  for (const s of draft.entities) {
    if (s.kind === 'EVENT') continue;
    for (const m of s.mentions) if (!predicted.has(spanKey(m))) predicted.set(spanKey(m), s.kind);
  }
  for (const d of draft.dates) {
    predicted.set(spanKey(d), 'DATE');
    dateOf.set(spanKey(d), d.date);
  }
  const expected = new Map<string, { kind: string; date?: string }>();
  for (const e of gold.entities) {
    if (e.kind === 'EVENT') continue;
    for (const m of e.mentions) expected.set(spanKey(m), { kind: e.kind });
  }
  for (const d of gold.dates) expected.set(spanKey(d), { kind: 'DATE', date: d.date });
  let matched = 0;
  let kinds = 0;
  let datesMatched = 0;
  let datesCorrect = 0;
  for (const [key, want] of expected) {
    const kind = predicted.get(key);
    if (kind === undefined) continue;
    matched++;
    if (kind === want.kind) kinds++;
    if (want.kind === 'DATE' && kind === 'DATE') {
      datesMatched++;
      if (dateOf.get(key) === want.date) datesCorrect++;
    }
  }
  return {
    mentionsPredicted: predicted.size,
    mentionsGold: expected.size,
    mentionsMatched: matched,
    kindsCorrect: kinds,
    datesMatched,
    datesCorrect,
  };
}

/** The gold entity a suggestion's mentions overlap most (by characters), if any. */
export function goldFor(suggestion: EntitySuggestion, gold: Gold): GoldEntity | null {
  let best: GoldEntity | null = null;
  let bestChars = 0;
  for (const entity of gold.entities) {
    const chars = overlapChars(suggestion.mentions, entity.mentions);
    if (chars > bestChars) {
      best = entity;
      bestChars = chars;
    }
  }
  return best;
}

export const touches = (suggestion: EntitySuggestion, mentions: readonly GoldSpan[]) =>
  suggestion.mentions.some((m) => mentions.some((g) => overlaps(m, g)));

function scoreLinks(draft: Draft, gold: Gold): Partial<Counts> {
  let linksPredicted = 0;
  let linksCorrect = 0;
  for (const s of draft.entities) {
    if (s.sameAs === null) continue;
    linksPredicted++;
    if (goldFor(s, gold)?.sameAs === s.sameAs) linksCorrect++;
  }
  let linksGold = 0;
  let linksFound = 0;
  let missedMerges = 0;
  for (const entity of gold.entities) {
    if (entity.sameAs === null) continue;
    linksGold++;
    const near = draft.entities.filter((s) => touches(s, entity.mentions));
    if (near.some((s) => s.sameAs === entity.sameAs)) linksFound++;
    else if (near.every((s) => s.sameAs === null)) missedMerges++;
  }
  return {
    linksPredicted,
    linksCorrect,
    linksGold,
    linksFound,
    wrongMerges: linksPredicted - linksCorrect,
    missedMerges,
  };
}

/** For each suggested claim, the index of the first gold claim it matches (type, and both ends by overlap), or -1. */
export function claimMatches(draft: Draft, gold: Gold): number[] {
  const suggestions = new Map(draft.entities.map((s) => [s.key, s]));
  const entities = new Map(gold.entities.map((e) => [e.id, e]));
  return draft.claims.map((claim) => {
    const from = suggestions.get(claim.from);
    const to = suggestions.get(claim.to);
    if (!from || !to) return -1;
    return gold.claims.findIndex(
      (g) =>
        g.type === claim.type &&
        touches(from, entities.get(g.from)?.mentions ?? []) &&
        touches(to, entities.get(g.to)?.mentions ?? []),
    );
  });
}

function scoreClaims(draft: Draft, gold: Gold): Partial<Counts> {
  const matches = claimMatches(draft, gold);
  const found = new Set<number>();
  let claimsCorrect = 0;
  let rolesGold = 0;
  let rolesCorrect = 0;
  let modalitiesCorrect = 0;
  for (const [i, claim] of draft.claims.entries()) {
    const index = matches[i] ?? -1;
    const match = gold.claims[index];
    if (!match) continue;
    claimsCorrect++;
    found.add(index);
    if (match.role !== null) {
      rolesGold++;
      if (claim.role?.trim().toLowerCase() === match.role.toLowerCase()) rolesCorrect++;
    }
    if (claim.evidence.modality === match.modality) modalitiesCorrect++;
  }
  return {
    claimsPredicted: draft.claims.length,
    claimsCorrect,
    claimsGold: gold.claims.length,
    claimsFound: found.size,
    rolesGold,
    rolesCorrect,
    modalitiesCorrect,
  };
}

export function scoreDraft(draft: Draft, gold: Gold): Counts {
  return { ...ZERO, ...scoreMentions(draft, gold), ...scoreLinks(draft, gold), ...scoreClaims(draft, gold) };
}
