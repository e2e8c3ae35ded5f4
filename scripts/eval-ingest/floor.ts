/**
 * The committed floor (each set's scores.json): the scores of the last `--write`, per
 * article and overall. A later run may equal or beat them, never undercut them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Evaluation } from './evaluate.js';
import { LOWER_IS_BETTER, type Scores, scoresOf } from './metrics.js';

export const floorFileOf = (dir: string) => join(dir, 'scores.json');

export interface Floor {
  overall: Scores;
  articles: Record<string, Scores>;
}

/** Scores are rounded to three places, so equal runs compare equal; the epsilon absorbs rounding only. */
const EPSILON = 1e-6;

export function floorOf(evaluation: Evaluation): Floor {
  return {
    overall: scoresOf(evaluation.overall),
    articles: Object.fromEntries(evaluation.articles.map((a) => [a.key, scoresOf(a.counts)])),
  };
}

export function readFloor(file: string): Floor {
  return JSON.parse(readFileSync(file, 'utf8')) as Floor;
}

export function writeFloor(floor: Floor, file: string): void {
  writeFileSync(file, `${JSON.stringify(floor, null, 2)}\n`);
}

function undercutIn(scope: string, committed: Scores, now: Scores): string[] {
  const found: string[] = [];
  for (const name of Object.keys(committed) as (keyof Scores)[]) {
    const was = committed[name];
    const is = now[name];
    // null is "nothing to divide by": no evidence either way (a vanished prediction shows in the recall)
    if (was === null || is === null || is === undefined) continue;
    const worse = LOWER_IS_BETTER.has(name) ? is > was + EPSILON : is < was - EPSILON;
    if (worse) found.push(`${scope} ${name}: ${is} (floor ${was})`);
  }
  return found;
}

/** Every committed score the run undercuts, in words; empty when it holds the floor. */
export function undercuts(committed: Floor, now: Floor): string[] {
  const found = undercutIn('overall', committed.overall, now.overall);
  for (const [key, scores] of Object.entries(committed.articles)) {
    const current = now.articles[key];
    if (!current) found.push(`${key}: no longer evaluated`);
    else found.push(...undercutIn(key, scores, current));
  }
  return found;
}
