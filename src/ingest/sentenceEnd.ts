/**
 * Where a bounded piece of text may end: just after the last sentence end (". " or a line break)
 * in the `budget` characters from `from`, when there is one past its middle; -1 when there is none.
 * A reading, compromise's part of it and compromise's pieces all cut text this way, so a cut never
 * splits a sentence that could have been kept whole.
 */
export function lastSentenceEnd(text: string, from: number, budget: number): number {
  const piece = text.slice(from, from + budget);
  const stop = Math.max(piece.lastIndexOf('. '), piece.lastIndexOf('\n'));
  return stop > budget / 2 ? from + stop + 1 : -1;
}
