/**
 * What the explorer opens on: a small case whole; a large one on its most connected entities,
 * with a note saying so, since drawing thousands at once helps nobody (and used to fail).
 */
import { type Found, caseSize, mostConnected, wholeCase } from './queries.js';

/** Cases up to this many entities are drawn whole. */
const WHOLE_CASE_MAX = 60;
/** A larger case opens on this many of its most connected entities. */
const MOST_CONNECTED_FIRST = 20;

export interface Opening {
  found: Found;
  /** Said beside the drawing when it is not the whole case. */
  note: string | null;
}

export async function openingOfCase(): Promise<Opening> {
  const size = await caseSize();
  if (size <= WHOLE_CASE_MAX) return { found: await wholeCase(WHOLE_CASE_MAX), note: null };
  const found = await mostConnected(MOST_CONNECTED_FIRST);
  return {
    found,
    note: `Showing the ${found.nodes.length} most connected of ${size.toLocaleString('en')} entities. Search, or expand an entity, to see more.`,
  };
}
