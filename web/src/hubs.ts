/**
 * Expanding a hub would draw hundreds of nodes: a relationship type with more than a threshold of
 * relationships around the entity is drawn as one group ("credits (524)") that opens a page at a time.
 */
import { relationshipGroupName } from '@case-graph/domain/labels.js';
import type { RelationshipType } from '@case-graph/domain/kinds.js';
import type { ViewGroup } from './graphTypes.js';
import type { RelationshipCount } from './queries.js';

/** More relationships of one type than this, around one entity, make a group. */
const GROUP_THRESHOLD = 25;
/** How many of a group's relationships one click draws. */
export const GROUP_PAGE = 25;

export interface ExpansionPlan {
  /** Types drawn one by one (all of them when null). */
  drawTypes: RelationshipType[] | null;
  /** The rest, as groups: one per type and direction. */
  groups: ViewGroup[];
}

const groupId = (around: string, type: string, direction: 'OUT' | 'IN') => `${around}|${type}|${direction}`;

/** "credits (524)", "participants (40)"; what is left once a page is drawn: "credits (499 more)". */
export function groupLabel(type: RelationshipType, direction: 'OUT' | 'IN', count: number, more = false): string {
  const name = relationshipGroupName(type, direction);
  return `${name} (${more ? `${count.toLocaleString('en')} more` : count.toLocaleString('en')})`;
}

/**
 * Which types to draw and which to group. A type big in either direction is grouped in both, so
 * that drawing "the other types" never brings the big side in.
 */
export function planExpansion(
  around: string,
  counts: readonly RelationshipCount[],
  threshold = GROUP_THRESHOLD,
): ExpansionPlan {
  const big = new Set(counts.filter((c) => c.direction !== 'BOTH' && c.count > threshold).map((c) => c.type));
  if (big.size === 0) return { drawTypes: null, groups: [] };
  const groups = counts
    .filter(
      (c): c is RelationshipCount & { direction: 'OUT' | 'IN' } =>
        big.has(c.type) && c.direction !== 'BOTH' && c.count > 0,
    )
    .map((c) => ({
      id: groupId(around, c.type, c.direction),
      around,
      type: c.type,
      direction: c.direction,
      count: c.count,
      label: groupLabel(c.type, c.direction, c.count),
    }));
  const drawTypes = [...new Set(counts.map((c) => c.type))].filter((t) => !big.has(t));
  return { drawTypes, groups };
}
