/**
 * How a sentence asserts what it says: the cue words ("was set to", "according to", "argued") and
 * the party the sentence names for them. A cue about time (PLANNED, EXPECTED) modifies a verb, so it
 * counts only within the claim's words or the clause they end in; a cue of attribution (REPORTED,
 * ALLEGED, DENIED) covers the sentence. An apposition or a relative clause ("X, who represent Y")
 * is stated as fact whatever the rest of the sentence carries: only cues inside its words count.
 */
import type { Modality } from '../../domain/claims.js';
import { list, mark } from './lexicon.js';
import type { Skeleton } from './skeleton.js';

interface Cue {
  modality: Modality;
  /** Skeleton offsets of the cue words. */
  skStart: number;
  skEnd: number;
  /** Text offsets of the cue words. */
  start: number;
  end: number;
  /** Who the sentence says asserts it, as the text gives it; null when it names no one. */
  party: string | null;
}

interface CueRule {
  modality: Modality;
  re: RegExp;
  /** Where the party is named: after the cue ("according to X"), before it ("X reported"), or nowhere. */
  party: 'after' | 'before' | 'none';
}

const CUE_RULES: readonly CueRule[] = [
  { modality: 'DENIED', re: /\b(?:denied|denies|deny|denying)\b/gi, party: 'before' },
  { modality: 'ALLEGED', re: /\b(?:allegedly)\b/gi, party: 'none' },
  {
    modality: 'ALLEGED',
    re: /\b(?:alleged|alleges|allege|accused|accuses|argued|argues|arguing|claimed|claims\s+that|contended|contends)\b/gi,
    party: 'before',
  },
  { modality: 'REPORTED', re: /\baccording\s+to\b/gi, party: 'after' },
  { modality: 'REPORTED', re: /\breportedly\b/gi, party: 'none' },
  { modality: 'REPORTED', re: /\breported\b/gi, party: 'before' },
  // "cited informed sources" passes a report on; "cited a lack of evidence" gives a reason
  {
    modality: 'REPORTED',
    re: /\b(?:cited|citing)(?=\s+(?:[\w’'-]+\s+){0,3}?(?:sources?|reports?|people|persons|officials?|documents?|records|filings?|statements?|witnesses|insiders|spokes(?:person|man|woman)|police|prosecutors|investigators)\b)/gi,
    party: 'before',
  },
  // "Netflix said the series was shot in Atlanta": a reporting verb right before a clause of filming
  {
    modality: 'REPORTED',
    re: /\b(?:said|says|told|confirmed|announced|stated|revealed|disclosed)(?=(?:\s+(?:in\s+a\s+statement|on\s+[A-Z][a-z]+|reporters|[a-z]+|⟦O\d+⟧))?,?\s+(?:that\s+)?(?:(?:(?:the|its|their)\s+[a-z]+|⟦R\d+⟧)\s+(?:[a-z]+\s+){0,3}?(?:filmed|shot)\b|(?:filming|shooting)\s+(?:of|on)\s+(?:(?:the|its)\s+)?(?:[a-z]+\s+){0,2}⟦R\d+⟧\s+(?:took\s+place|happened|was\s+done|was\s+completed|wrapped)\b))/g,
    party: 'before',
  },
  { modality: 'PLANNED', re: /\b(?:(?:was|were|is|are|been|be|am)\s+)?(?:set|slated)\s+to\b/gi, party: 'none' },
  { modality: 'PLANNED', re: /\b(?:scheduled|planned|plans\s+to|plan\s+to|planning\s+to)\b/gi, party: 'none' },
  // "a hearing set for March 2025", "the judge set a hearing", "is due to appear", "will hear"
  // "set for" of a hearing or after a verb, not "a series set for release" describing a production
  {
    modality: 'PLANNED',
    re: /(?:\b(?:is|are|was|were|been|be|now)\s+|(?<=\b(?:hearing|trial|retrial|sentencing|arraignment|date|deadline)\s+))set\s+for\b/gi,
    party: 'none',
  },
  {
    modality: 'PLANNED',
    re: /\bset\s+(?=(?:an?|the)\s+(?:[a-z-]+\s+)?(?:hearing|trial|date|deadline)\b)/gi,
    party: 'none',
  },
  { modality: 'PLANNED', re: /\b(?:is|are|was|were)\s+due\s+to\b/gi, party: 'none' },
  { modality: 'PLANNED', re: /\bwill\b(?!\s+not\b)/gi, party: 'none' },
  { modality: 'EXPECTED', re: /\b(?:expected|expects?)\s+to\b/gi, party: 'none' },
];

/** Which cue wins when a claim has several: a denial or allegation colours everything; a plan beats a report of it. */
const PRIORITY: Record<Modality, number> = {
  DENIED: 5,
  ALLEGED: 4,
  PLANNED: 3,
  EXPECTED: 2,
  REPORTED: 1,
  STATED: 0,
  INFERRED: 0,
};

const ASPECT = new Set<Modality>(['PLANNED', 'EXPECTED']);

const PRONOUN = /^(?:he|she|they|it|we|i|you|this|that|who|which)$/i;
const PASSIVE_END = /\b(?:was|were|is|are|be|been|being)$/i;
const PARTY_AFTER = new RegExp(`^\\s+(?:(?:the|a|an)\\s+)?(${list('PO')})`);
const MARK_BEFORE = new RegExp(`(${mark('PO')}),\\s*$`);

/** The words of a party as the text gives them, from a piece of skeleton. */
function partyText(skeleton: Skeleton, text: string, skStart: number, skEnd: number): string | null {
  const words = text.slice(skeleton.toStart(skStart), skeleton.toEnd(skEnd)).trim();
  if (!words || PRONOUN.test(words) || words.split(/\s+/).length > 7) return null;
  return words;
}

/** The party named after "according to": a name, or a few words up to the clause's end. */
function partyAfter(skeleton: Skeleton, text: string, at: number): string | null {
  const rest = skeleton.text.slice(at);
  const named = PARTY_AFTER.exec(rest);
  if (named) {
    const start = at + rest.indexOf(named[1] as string);
    return partyText(skeleton, text, start, start + (named[1] as string).length);
  }
  const phrase = /^\s+([^,.;:—–()“”"]{1,60})/.exec(rest);
  if (!phrase) return null;
  const cut = /\s(?:that|who|which|when|as|after|before|because)\s/.exec(` ${phrase[1]} `);
  const words = (cut ? ` ${phrase[1]}`.slice(0, cut.index) : (phrase[1] as string)).trim();
  const start = at + rest.indexOf(words);
  return partyText(skeleton, text, start, start + words.length);
}

/** The party named before a verb ("ABC News reported", "the lawyers argued"): the words of its clause. */
function partyBefore(skeleton: Skeleton, text: string, at: number, cueEnd: number): string | null {
  const sk = skeleton.text;
  let from = at;
  // back to the clause's start: punctuation, a quote, or a word that opens a clause
  while (from > 0 && !/[,;:.(“”"—–]/.test(sk[from - 1] as string)) {
    // a clause this long names no party (partyText takes seven words at most): stop, stay linear
    if (at - from > 200) return null;
    from--;
  }
  let head = sk.slice(from, at);
  const opener = /^(?:.*\b(?:that|and|but|while|as|because|when|after|before|since|although|though))\s+/s.exec(head);
  if (opener) {
    from += opener[0].length;
    head = sk.slice(from, at);
  }
  head = head.replace(/\s+$/, '');
  head = head.replace(/(?:\s+(?:have|has|had|also|previously|repeatedly|later|first|again|publicly|falsely))+$/i, '');
  if (PASSIVE_END.test(head)) {
    // "it was reported by Variety": the party follows "by"
    const by = /^(?:\s+\w+)?\s+by(?=\s)/.exec(sk.slice(cueEnd));
    return by ? partyAfter(skeleton, text, cueEnd + by[0].length) : null;
  }
  if (!head.trim()) {
    // "ABC News, citing informed sources, said": the name before the comma
    const named = MARK_BEFORE.exec(sk.slice(Math.max(0, at - 20), at));
    if (!named) return null;
    const start = at - (sk.slice(Math.max(0, at - 20), at).length - named.index);
    return partyText(skeleton, text, start, start + (named[1] as string).length);
  }
  // a determiner alone is an adjective's ("the alleged victim"), not a party
  if (/^(?:the|a|an|his|her|their|its)$/i.test(head.trim())) return null;
  const lead = head.length - head.trimStart().length;
  return partyText(skeleton, text, from + lead, from + head.length);
}

/** Every cue of one sentence, with its party. */
export function findCues(skeleton: Skeleton, text: string): Cue[] {
  const out: Cue[] = [];
  const sk = skeleton.text;
  for (const rule of CUE_RULES) {
    for (const m of sk.matchAll(rule.re)) {
      const skStart = m.index ?? 0;
      const skEnd = skStart + m[0].length;
      // "the alleged victim": an adjective after a determiner is no claim of anyone
      if (rule.modality === 'ALLEGED' && /\b(?:the|an?|his|her|their|its)\s+$/i.test(sk.slice(0, skStart))) continue;
      const party =
        rule.party === 'after'
          ? partyAfter(skeleton, text, skEnd)
          : rule.party === 'before'
            ? partyBefore(skeleton, text, skStart, skEnd)
            : null;
      out.push({
        modality: rule.modality,
        skStart,
        skEnd,
        start: skeleton.toStart(skStart),
        end: skeleton.toEnd(skEnd),
        party,
      });
    }
  }
  return out.sort((a, b) => a.skStart - b.skStart);
}

interface Assertion {
  modality: Modality;
  cue: string | null;
  assertedBy: string | null;
}

/** The end of the clause that skeleton offset `at` lies in ("and" and "but" begin another). */
function clauseEnd(sk: string, at: number): number {
  const rest = sk.slice(at);
  const stop = /[,;:—–]|\s(?:and|but|while|whereas)\s/.exec(rest);
  return stop ? at + stop.index : sk.length;
}

/**
 * The relative clause a cue stands in ("Chen, who denies wrongdoing, faces trial"), as skeleton
 * offsets, or null. Its cue is about that clause, not the rest of the sentence.
 */
function relativeClause(sk: string, cue: Cue): { start: number; end: number } | null {
  const start = sk.lastIndexOf(',', cue.skStart) + 1;
  if (start === 0 || !/^\s*(?:who|which|whose|whom)\b/.test(sk.slice(start, cue.skStart))) return null;
  const comma = sk.indexOf(',', cue.skEnd);
  return { start, end: comma < 0 ? sk.length : comma };
}

/** How a sentence asserts the claim stated by skeleton[skStart, skEnd). */
export function assertionOf(
  cues: readonly Cue[],
  skeleton: Skeleton,
  text: string,
  skStart: number,
  skEnd: number,
  scoped: boolean,
): Assertion {
  const inside = (c: Cue) => c.skStart >= skStart && c.skEnd <= skEnd;
  const clauseTo = clauseEnd(skeleton.text, skEnd);
  const applies = (c: Cue) => {
    // a relative clause's cue is about that clause: it counts only for a claim that ends in it
    const relative = relativeClause(skeleton.text, c);
    if (relative && !(skEnd > relative.start && skEnd <= relative.end)) return false;
    if (inside(c)) return true;
    if (scoped) return false;
    if (ASPECT.has(c.modality)) return c.skStart >= skEnd && c.skStart < clauseTo;
    return true;
  };
  let best: Cue | null = null;
  for (const c of cues) if (applies(c) && (!best || PRIORITY[c.modality] > PRIORITY[best.modality])) best = c;
  if (!best) return { modality: 'STATED', cue: null, assertedBy: null };
  let assertedBy = best.party;
  if (assertedBy === null && ASPECT.has(best.modality)) {
    // "Variety reported that filming was set to resume": the plan is the reporter's
    assertedBy = cues.find((c) => applies(c) && !ASPECT.has(c.modality) && c.party !== null)?.party ?? null;
  }
  return { modality: best.modality, cue: text.slice(best.start, best.end), assertedBy };
}
