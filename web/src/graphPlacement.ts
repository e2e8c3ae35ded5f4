/**
 * Where new nodes start, before the force layout refines them: beside a neighbour already placed
 * (in a sunflower around it, so that a hub's 500 leaves make a disc, not a ring), or, with no
 * neighbour placed, on a spiral outside what is drawn. A good start lets a short layout run do.
 */

export interface Point {
  x: number;
  y: number;
}

/** What placement needs to know of what is drawn already. */
export interface Placed {
  position(id: string): Point | undefined;
  /** How many neighbours a drawn node has: its sunflower continues outside them. */
  degree(id: string): number;
}

/** The distance between a node and its first ring of neighbours; the force layout rescales anyway. */
const UNIT = 10;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

function sunflower(centre: Point, index: number, phase: number): Point {
  const radius = UNIT * (1 + 0.9 * Math.sqrt(index));
  const angle = phase + index * GOLDEN_ANGLE;
  return { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) };
}

/**
 * Positions for `fresh` (ids in the order given), linked among themselves and to drawn nodes by
 * `links` (pairs of ids, either direction).
 */
export function placeNewNodes(
  fresh: readonly string[],
  links: readonly (readonly [string, string])[],
  placed: Placed,
): Map<string, Point> {
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = neighbours.get(a);
    if (list) list.push(b);
    else neighbours.set(a, [b]);
  };
  for (const [a, b] of links) {
    link(a, b);
    link(b, a);
  }

  const out = new Map<string, Point>();
  const positionOf = (id: string) => out.get(id) ?? placed.position(id);
  /** Children placed around each anchor so far (starting after those it already has). */
  const ringIndex = new Map<string, number>();
  const nextIndex = (anchor: string) => {
    const index = ringIndex.get(anchor) ?? placed.degree(anchor);
    ringIndex.set(anchor, index + 1);
    return index;
  };

  // new components that touch nothing drawn start on a sunflower of their own, outside the drawing
  let drawnRadius = 0;
  for (const [a, b] of links) {
    for (const id of [a, b]) {
      const p = placed.position(id);
      if (p) drawnRadius = Math.max(drawnRadius, Math.hypot(p.x, p.y));
    }
  }
  let seeds = 0;
  const seedPoint = (): Point => {
    const radius = drawnRadius + 2 * UNIT * (1 + Math.sqrt(seeds));
    const angle = seeds * GOLDEN_ANGLE;
    seeds += 1;
    return { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
  };

  const place = (id: string) => {
    const anchors = (neighbours.get(id) ?? []).filter((n) => positionOf(n) !== undefined);
    if (anchors.length === 0) {
      out.set(id, seedPoint());
      return;
    }
    // around the best connected neighbour: leaves gather round their hub
    let anchor = anchors[0]!;
    for (const a of anchors) if ((neighbours.get(a)?.length ?? 0) > (neighbours.get(anchor)?.length ?? 0)) anchor = a;
    out.set(id, sunflower(positionOf(anchor)!, nextIndex(anchor), anchor.length));
  };

  // breadth first from what touches the drawing, so that each node finds a placed neighbour
  const pending = new Set(fresh);
  const queue: string[] = fresh.filter((id) => (neighbours.get(id) ?? []).some((n) => placed.position(n)));
  let nextSeed = 0;
  for (let head = 0; pending.size > 0; ) {
    if (head === queue.length) {
      while (!pending.has(fresh[nextSeed]!)) nextSeed += 1;
      queue.push(fresh[nextSeed]!);
    }
    const id = queue[head++]!;
    if (!pending.has(id)) continue;
    pending.delete(id);
    place(id);
    for (const n of neighbours.get(id) ?? []) if (pending.has(n)) queue.push(n);
  }
  return out;
}
