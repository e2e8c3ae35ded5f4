/**
 * Film and television titles: quoted ("“Rust”", "\"The Crown\"") or after a word for what they
 * are ("the film Rust", "the western Rust", "the Netflix series Wednesday").
 */
import type { ExtractedMention } from '../types.js';
import type { Segment } from './nameRuns.js';
import { type Token, joinedBySpace } from './tokens.js';

/** Words that say the name after them is a production. */
const PRODUCTION_CUES = new Set(
  'film|films|movie|movies|western|series|miniseries|docuseries|documentary|show|sitcom|drama|thriller|comedy|feature|sequel|prequel|remake|biopic|franchise|musical|play|album|episode|season|production|blockbuster'.split(
    '|',
  ),
);

const SMALL_WORDS = new Set('a|an|the|of|and|in|on|to|for|at|by|with|or|from|is|vs|de|la'.split('|'));

// Bounded, negated classes: one pass over the text whatever its quotes.
const QUOTED = /“([^“”\n]{1,80})”|"([^"\n]{1,80})"/g;
const TITLE_WORD = /^[\p{Lu}\p{N}]/u;

/** Whether quoted words look like a title: a few capitalised words, no sentence inside. */
function titleLike(inner: string): boolean {
  if (/[,;.?!]$|[,;]/.test(inner) || inner !== inner.trim()) return false;
  const words = inner.split(' ');
  if (words.length > 8) return false;
  return words.every((word, i) => TITLE_WORD.test(word) || (i > 0 && SMALL_WORDS.has(word)));
}

/** Whether a cue word ("film") sits among the three words before `offset`. */
function cueBefore(text: string, offset: number): boolean {
  const window = text.slice(Math.max(0, offset - 40), offset).toLowerCase();
  const words = window
    .split(/[^\p{L}]+/u)
    .filter(Boolean)
    .slice(-3);
  return words.some((word) => PRODUCTION_CUES.has(word));
}

export function quotedTitles(text: string): ExtractedMention[] {
  const found: ExtractedMention[] = [];
  for (const m of text.matchAll(QUOTED)) {
    const inner = m[1] ?? m[2] ?? '';
    if (!titleLike(inner)) continue;
    const start = m.index + 1;
    const end = start + inner.length;
    const cued = cueBefore(text, m.index);
    found.push({
      start,
      end,
      quote: text.slice(start, end),
      kind: 'PRODUCTION',
      confidence: cued ? 0.9 : 0.6,
      rule: cued ? 'rule:quoted-title-after-cue' : 'rule:quoted-title',
    });
  }
  return found;
}

/** The cue word right before a segment ("the movie Rust"), or null. */
export function productionCue(tokens: readonly Token[], segment: Segment): string | null {
  const first = tokens[segment.first];
  const prev = tokens[segment.first - 1];
  if (!first || !prev || !joinedBySpace(first)) return null;
  const word = prev.text.toLowerCase();
  return PRODUCTION_CUES.has(word) && word !== 'production' && word !== 'season' ? word : null;
}
