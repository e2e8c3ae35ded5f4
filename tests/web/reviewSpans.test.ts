/** Where the review's highlights go (web/src/reviewSpans.ts) and what it says before a decision (reviewRules.ts). */
import { describe, expect, it } from 'vitest';
import { claimBlocker, decisionLine, needsAsserter, reasonOf } from '../../web/src/reviewRules.js';
import { layOut, type Piece } from '../../web/src/reviewSpans.js';

type M = { start: number; end: number; key: string };
const span = (text: string, words: string, key: string, after = 0): M => {
  const start = text.indexOf(words, after);
  return { start, end: start + words.length, key };
};
/** The pieces as a string: [key:words] for a mark, {claims: ...} for an evidence run, ~unread~. */
const show = (pieces: Piece<M>[]): string =>
  pieces
    .map((p) => {
      if (p.kind === 'text') return p.text;
      if (p.kind === 'unread') return `~${p.text}~`;
      if (p.kind === 'mark') return `[${p.mark.key}:${p.text}]`;
      return `{${p.claims.join(',')}: ${show(p.children)}}`;
    })
    .join('');

describe('the review’s highlights', () => {
  const text = 'Lewten Nikas and Alex Spiro, who represent Baldwin, issued a statement.';

  it('keeps every character of the text, each mark inside the claim that states it', () => {
    const marks = [span(text, 'Alex Spiro', 'e2'), span(text, 'Baldwin', 'e3'), span(text, 'Lewten Nikas', 'e1')];
    const claim = { ...span(text, 'Alex Spiro, who represent Baldwin', 'c1'), claim: 'c1' };
    const pieces = layOut(text, text.length, marks, [claim]);
    expect(show(pieces)).toBe(
      '[e1:Lewten Nikas] and {c1: [e2:Alex Spiro], who represent [e3:Baldwin]}, issued a statement.',
    );
  });

  it('grows a claim’s run to hold a mark it cuts, and merges runs that overlap', () => {
    const marks = [span(text, 'Nikas and Alex', 'e1')];
    const evidence = [
      { ...span(text, 'Alex Spiro, who', 'c1'), claim: 'c1' },
      { ...span(text, 'who represent Baldwin', 'c2'), claim: 'c2' },
    ];
    expect(show(layOut(text, text.length, marks, evidence))).toBe(
      'Lewten {c1,c2: [e1:Nikas and Alex] Spiro, who represent Baldwin}, issued a statement.',
    );
  });

  it('leaves out a mark that overlaps one before it, and spans outside the text or the reading', () => {
    const marks = [
      span(text, 'Alex Spiro', 'e1'),
      span(text, 'Spiro, who', 'e2'),
      { start: 60, end: 500, key: 'e3' },
      { start: 5, end: 5, key: 'e4' },
    ];
    const pieces = layOut(text, 50, marks, [{ start: 40, end: 70, claim: 'c1' }]);
    expect(show(pieces)).toBe('Lewten Nikas and [e1:Alex Spiro], who represent Baldwin~, issued a statement.~');
  });
});

describe('what the review says before a decision', () => {
  const end = (key: string, status: 'OPEN' | 'ACCEPTED' | 'REJECTED', name = key) => ({ key, name, status });
  const claim = (
    from: ReturnType<typeof end>,
    to: ReturnType<typeof end>,
    modality = 'STATED',
    assertedBy: string | null = null,
  ) => ({
    from,
    to,
    evidence: { modality, assertedBy },
  });

  it('accepts a claim only once both ends are accepted, naming the ends that are not', () => {
    expect(claimBlocker(claim(end('e1', 'ACCEPTED'), end('e2', 'ACCEPTED')))).toBeNull();
    expect(claimBlocker(claim(end('e1', 'OPEN', 'Rust'), end('e2', 'ACCEPTED')))).toMatch(/^Accept “Rust” first/);
    expect(claimBlocker(claim(end('e1', 'OPEN', 'A'), end('e2', 'OPEN', 'B')))).toMatch(/^Accept “A” and “B” first/);
    expect(claimBlocker(claim(end('e1', 'REJECTED', 'A'), end('e2', 'OPEN')))).toMatch(/^“A” was rejected/);
  });

  it('asks who asserts a reported, alleged or denied claim whose sentence names nobody', () => {
    const ends = [end('e1', 'ACCEPTED'), end('e2', 'ACCEPTED')] as const;
    expect(needsAsserter(claim(...ends, 'REPORTED'))).toBe(true);
    expect(needsAsserter(claim(...ends, 'DENIED'))).toBe(true);
    expect(needsAsserter(claim(...ends, 'ALLEGED', 'prosecutors'))).toBe(false);
    expect(needsAsserter(claim(...ends, 'STATED'))).toBe(false);
    expect(needsAsserter(claim(...ends, 'PLANNED'))).toBe(false);
  });

  it('says who decided, when, as what and why', () => {
    const decision = {
      actor: 'alice',
      at: '2026-11-25T05:10:42.123Z',
      reason: 'same person',
      entity: { name: 'Galina Hutchins' },
    };
    expect(decisionLine('ACCEPTED', decision)).toBe(
      'Accepted by alice, 2026-11-25 05:10 UTC, as Galina Hutchins: “same person”',
    );
    expect(decisionLine('REJECTED', { ...decision, reason: null, entity: null })).toBe(
      'Rejected by alice, 2026-11-25 05:10 UTC',
    );
    expect(decisionLine('OPEN', null)).toMatch(/^Open/);
    expect(reasonOf('   ')).toBeNull();
    expect(reasonOf(' why ')).toBe('why');
  });
});
