/**
 * A sentence with each entity mention replaced by a marker, "⟦P3⟧" (kind letter, index), so the
 * patterns read "⟦P0⟧’s lawyers, ⟦P1⟧ and ⟦P2⟧" whatever the names are. Lower-case words that a
 * mention's span begins with ("director Joel Souza", "the movie Rust") and a possessive it ends
 * with stay as words, because the patterns read them. Offsets map back to the text exactly.
 */
import type { EntityKind } from '../../domain/kinds.js';

export interface Mark {
  /** The entity suggestion's key. */
  key: string;
  kind: EntityKind;
  /** The name's span in the text (without the words and possessive kept outside the marker). */
  start: number;
  end: number;
}

export interface Skeleton {
  text: string;
  marks: Mark[];
  /** Text offset of a skeleton position, as the start of a span. */
  toStart(pos: number): number;
  /** Text offset of a skeleton position, as the (exclusive) end of a span. */
  toEnd(pos: number): number;
}

export interface PlacedMention {
  key: string;
  kind: EntityKind;
  start: number;
  end: number;
}

const KIND_LETTER: Record<EntityKind, string> = {
  PERSON: 'P',
  ORGANISATION: 'O',
  PRODUCTION: 'R',
  LOCATION: 'L',
  EVENT: 'E',
};

interface Piece {
  sk: number;
  tx: number;
  /** Length in the skeleton. */
  len: number;
  /** Length in the text. */
  txLen: number;
  marker: boolean;
}

/** The name within a mention's span: without leading lower-case words and a trailing possessive. */
function core(text: string, m: PlacedMention): { start: number; end: number } {
  const quote = text.slice(m.start, m.end);
  let start = m.start;
  const lead = /^(?:[a-z][\w’'-]*\s+)+(?=[A-Z0-9])/.exec(quote);
  if (lead) start += lead[0].length;
  let end = m.end;
  const tail = /(?<=\w)['’]s?$|[,;:]$/.exec(text.slice(start, end));
  if (tail && end - tail[0].length > start) end -= tail[0].length;
  return { start, end };
}

/** Builds the skeleton of text[start, end) given the mentions inside it (any order, may overlap). */
export function buildSkeleton(text: string, start: number, end: number, mentions: readonly PlacedMention[]): Skeleton {
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  const marks: Mark[] = [];
  const pieces: Piece[] = [];
  let out = '';
  let at = start;
  const literal = (to: number) => {
    if (to <= at) return;
    pieces.push({ sk: out.length, tx: at, len: to - at, txLen: to - at, marker: false });
    out += text.slice(at, to);
    at = to;
  };
  for (const m of sorted) {
    // mentions do not nest in a skeleton: the outer (first, longest) one wins
    if (m.start < at || m.end > end) continue;
    const c = core(text, m);
    literal(c.start);
    const marker = `⟦${KIND_LETTER[m.kind]}${marks.length}⟧`;
    pieces.push({ sk: out.length, tx: c.start, len: marker.length, txLen: c.end - c.start, marker: true });
    out += marker;
    marks.push({ key: m.key, kind: m.kind, start: c.start, end: c.end });
    at = c.end;
  }
  literal(end);

  const pieceAt = (pos: number): Piece | undefined => {
    let lo = 0;
    let hi = pieces.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const p = pieces[mid] as Piece;
      if (pos < p.sk) hi = mid - 1;
      else if (pos >= p.sk + p.len) lo = mid + 1;
      else return p;
    }
    return undefined;
  };
  return {
    text: out,
    marks,
    toStart(pos) {
      const p = pieceAt(pos);
      if (!p) return end;
      return p.marker ? p.tx : p.tx + (pos - p.sk);
    },
    toEnd(pos) {
      if (pos <= 0) return start;
      const p = pieceAt(pos - 1);
      if (!p) return end;
      return p.marker ? p.tx + p.txLen : p.tx + (pos - p.sk);
    },
  };
}

const MARKER = /⟦[A-Z](\d+)⟧/g;

/** The marks named in a piece of skeleton, in order. */
export function marksIn(skeleton: Skeleton, piece: string | undefined): Mark[] {
  if (!piece) return [];
  const out: Mark[] = [];
  for (const m of piece.matchAll(MARKER)) {
    const mark = skeleton.marks[Number(m[1])];
    if (mark) out.push(mark);
  }
  return out;
}
