/**
 * The kind of each capitalised segment, from the surest evidence there is: its last word
 * ("Office"), a role before it, a production cue, known places and organisations, the words
 * around it ("X, who"), and last compromise's tags. A segment with no evidence stays unknown;
 * later passes may still place it (coordination, repeats), and otherwise it is dropped.
 */
import type { ExtractedMention, SpanKind } from '../types.js';
import { ORG_NAMES, PLACE_NAMES, PLACE_SUFFIXES } from './lexicon.js';
import type { Segment } from './nameRuns.js';
import { productionCue } from './quotedTitles.js';
import { personContext, roleAfter, roleBefore } from './titleRules.js';
import { joinedBySpace, type Token } from './tokens.js';

export interface Classified {
  segment: Segment;
  /** null: nothing says what it is yet. */
  mention: ExtractedMention | null;
  /** The role before was plural ("lawyers X and Y"): it carries to a name coordinated after. */
  pluralRole?: boolean;
}

export function mention(
  text: string,
  segment: Segment,
  kind: SpanKind,
  confidence: number,
  rule: string,
  role?: string,
): ExtractedMention {
  const found: ExtractedMention = {
    start: segment.start,
    end: segment.end,
    quote: text.slice(segment.start, segment.end),
    kind,
    confidence,
    rule,
  };
  if (role && kind === 'PERSON') found.role = role;
  return found;
}

function compromiseKind(tags: readonly Set<string>[], segment: Segment): SpanKind | null {
  const votes = { PERSON: 0, ORGANISATION: 0, LOCATION: 0 };
  for (let k = segment.first; k <= segment.last; k++) {
    const t = tags[k];
    if (!t) continue;
    if (t.has('Person')) votes.PERSON++;
    if (t.has('Organization')) votes.ORGANISATION++;
    if (t.has('Place')) votes.LOCATION++;
  }
  const best = (Object.entries(votes) as Array<[SpanKind, number]>).sort((a, b) => b[1] - a[1])[0];
  return best && best[1] > 0 ? best[0] : null;
}

export function classify(
  text: string,
  tokens: readonly Token[],
  tags: readonly Set<string>[],
  segment: Segment,
): Classified {
  const quote = text.slice(segment.start, segment.end);
  const width = segment.last - segment.first + 1;
  const make = (kind: SpanKind, confidence: number, rule: string, role?: string): Classified => ({
    segment,
    mention: mention(text, segment, kind, confidence, rule, role),
  });
  const prev = tokens[segment.first - 1]?.text.toLowerCase() ?? '';
  const lastWord = (tokens[segment.last] as Token).text;
  // "filmed at Pinewood Studios": a studio one is at is the place of the shoot
  if (segment.orgBySuffix && prev === 'at' && STUDIO_WORDS.has(lastWord))
    return make('LOCATION', 0.7, 'rule:studio-as-place');
  if (segment.orgBySuffix) return make('ORGANISATION', 0.85, 'rule:organisation-suffix');
  if (segment.role !== undefined) return make('PERSON', 0.9, 'rule:title-in-name', segment.role);
  const cue = productionCue(tokens, segment);
  if (cue) {
    const titled = withSubtitle(tokens, segment);
    return { segment: titled, mention: mention(text, titled, 'PRODUCTION', 0.85, 'rule:production-cue') };
  }
  const before = roleBefore(tokens, segment.first);
  if (before) {
    const [role] = before;
    const plural = (tokens[segment.first - 1]?.text.toLowerCase() ?? '') !== role.split(' ').at(-1);
    return { ...make('PERSON', 0.9, 'rule:title-before-name', role), pluralRole: plural };
  }
  if (PLACE_NAMES.has(quote)) return make('LOCATION', 0.85, 'rule:known-place');
  if (width === 1 && ORG_NAMES.has(quote)) return make('ORGANISATION', 0.8, 'rule:known-organisation');
  if (width > 1 && PLACE_SUFFIXES.has(lastWord)) return make('LOCATION', 0.75, 'rule:place-suffix');
  const after = roleAfter(tokens, segment.last);
  if (after) return make('PERSON', 0.85, 'rule:role-after-name', after);
  if (PLACE_PREPOSITIONS.has(prev) && joinedBySpace(tokens[segment.first] as Token))
    return make('LOCATION', 0.65, 'rule:place-preposition');
  const context = personContext(tokens, segment.first, segment.last);
  const byCompromise = compromiseKind(tags, segment);
  if (context && (byCompromise === null || byCompromise === 'PERSON'))
    return make('PERSON', byCompromise ? 0.85 : 0.75, context);
  if (byCompromise) {
    const rule = {
      PERSON: 'compromise:people',
      ORGANISATION: 'compromise:organizations',
      LOCATION: 'compromise:places',
    };
    const key = byCompromise as keyof typeof rule;
    // a lone capitalised word is weak evidence; a two-word name compromise knows is strong
    return make(byCompromise, width > 1 ? 0.8 : 0.65, rule[key]);
  }
  if (productionOf(tokens, segment.first)) return make('PRODUCTION', 0.6, 'rule:production-of');
  if (productionBeforeSet(tokens, segment)) return make('PRODUCTION', 0.6, 'rule:the-x-set');
  return { segment, mention: null };
}

/** "the movie Mission: Impossible": a title goes on past a colon into capitalised words. */
function withSubtitle(tokens: readonly Token[], segment: Segment): Segment {
  let last = segment.last;
  if (tokens[last + 1]?.before !== ': ' || !tokens[last + 1]?.capitalised) return segment;
  last++;
  while (tokens[last + 1]?.capitalised && joinedBySpace(tokens[last + 1] as Token)) last++;
  return { ...segment, last, end: (tokens[last] as Token).end };
}

const STUDIO_WORDS = new Set(['Studios', 'Studio', 'Stages', 'Lot']);
/** Words after which a capitalised name is a place ("near Bridgend", "outside Savannah"). */
const PLACE_PREPOSITIONS = new Set(['near', 'outside', 'across', 'throughout', 'downtown']);
const OF_PRODUCTION = new Set(
  'set|filming|shooting|shoot|production|cast|crew|star|stars|director|premiere|release|making|trailer|sequel|remake|producers'.split(
    '|',
  ),
);

/** "on the Rust set": a name between "the" and a production's set or shoot. */
function productionBeforeSet(tokens: readonly Token[], segment: Segment): boolean {
  const the = tokens[segment.first - 1];
  const noun = tokens[segment.last + 1];
  return (
    lower(the) === 'the' &&
    noun !== undefined &&
    joinedBySpace(noun) &&
    joinedBySpace(tokens[segment.first] as Token) &&
    SET_WORDS.has(noun.text.toLowerCase())
  );
}
const lower = (token: Token | undefined) => token?.text.toLowerCase() ?? '';
const SET_WORDS = new Set(['set', 'shoot', 'production', 'crew', 'cast']);

/** "the set of Rust", "filming of Rust": a name a production's words are "of". */
function productionOf(tokens: readonly Token[], first: number): boolean {
  const of = tokens[first - 1];
  const noun = tokens[first - 2];
  return (
    of?.text === 'of' &&
    joinedBySpace(tokens[first] as Token) &&
    noun !== undefined &&
    joinedBySpace(of) &&
    OF_PRODUCTION.has(noun.text.toLowerCase())
  );
}
