/**
 * Where the review's highlights go in a source's text: each suggested mention or date a mark, each
 * claim's evidence a run of text around the marks it holds. Pure (no DOM): reviewText.ts draws it.
 *
 * Marks never overlap (the first, then the longest, wins a contested span: the rest are still
 * listed beside the text); evidence spans that overlap are one run naming every claim in it, and
 * a run grows to hold whole any mark it cuts, so that a highlight is always one piece.
 */

export interface Span {
  start: number;
  end: number;
}

export type Piece<M> =
  | { kind: 'text'; text: string }
  | { kind: 'mark'; mark: M; text: string }
  | { kind: 'evidence'; claims: string[]; children: Piece<M>[] }
  | { kind: 'unread'; text: string };

const fits = (s: Span, length: number) => s.start >= 0 && s.start < s.end && s.end <= length;
const overlap = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** The marks kept, in text order: a mark overlapping one before it (or a longer one at the same start) is left out. */
function keptMarks<M extends Span>(marks: readonly M[], length: number): M[] {
  const sorted = marks.filter((m) => fits(m, length)).sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: M[] = [];
  for (const m of sorted) if (!kept.some((k) => overlap(k, m))) kept.push(m);
  return kept;
}

/** Evidence spans merged where they overlap, each run grown to hold whole every mark it cuts. */
function evidenceRuns(
  evidence: readonly (Span & { claim: string })[],
  marks: readonly Span[],
  length: number,
): (Span & { claims: string[] })[] {
  let runs = evidence.filter((e) => fits(e, length)).map((e) => ({ start: e.start, end: e.end, claims: [e.claim] }));
  for (let changed = true; changed; ) {
    changed = false;
    for (const run of runs) {
      for (const m of marks) {
        if (!overlap(run, m)) continue;
        if (m.start < run.start || m.end > run.end) {
          run.start = Math.min(run.start, m.start);
          run.end = Math.max(run.end, m.end);
          changed = true;
        }
      }
    }
    runs.sort((a, b) => a.start - b.start || b.end - a.end);
    const merged: typeof runs = [];
    for (const run of runs) {
      const last = merged.at(-1);
      if (last && run.start < last.end) {
        last.end = Math.max(last.end, run.end);
        for (const c of run.claims) if (!last.claims.includes(c)) last.claims.push(c);
        changed = true;
      } else merged.push({ ...run, claims: [...run.claims] });
    }
    runs = merged;
  }
  return runs;
}

/** The marks between `from` and `to` as pieces, with the plain text between them. */
function piecesBetween<M extends Span>(text: string, from: number, to: number, marks: readonly M[]): Piece<M>[] {
  const pieces: Piece<M>[] = [];
  let at = from;
  for (const mark of marks) {
    if (mark.start < from || mark.end > to) continue;
    if (mark.start > at) pieces.push({ kind: 'text', text: text.slice(at, mark.start) });
    pieces.push({ kind: 'mark', mark, text: text.slice(mark.start, mark.end) });
    at = mark.end;
  }
  if (at < to) pieces.push({ kind: 'text', text: text.slice(at, to) });
  return pieces;
}

/**
 * The text cut into pieces: plain text, marks, evidence runs (holding their own text and marks),
 * and what the reading did not reach (`readUpTo` on), which carries no highlight.
 */
export function layOut<M extends Span>(
  text: string,
  readUpTo: number,
  marks: readonly M[],
  evidence: readonly (Span & { claim: string })[],
): Piece<M>[] {
  const read = Math.max(0, Math.min(readUpTo, text.length));
  const kept = keptMarks(marks, read);
  const runs = evidenceRuns(evidence, kept, read);
  const pieces: Piece<M>[] = [];
  let at = 0;
  for (const run of runs) {
    pieces.push(...piecesBetween(text, at, run.start, kept));
    pieces.push({ kind: 'evidence', claims: run.claims, children: piecesBetween(text, run.start, run.end, kept) });
    at = run.end;
  }
  pieces.push(...piecesBetween(text, at, read, kept));
  if (read < text.length) pieces.push({ kind: 'unread', text: text.slice(read) });
  return pieces;
}
