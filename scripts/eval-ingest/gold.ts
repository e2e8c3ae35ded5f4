/**
 * The evaluation set of ingest: short articles, each with a gold reading written by hand (what the
 * text names and states, nothing more), in tests/ingest/gold/<article>/. Format: its README.md.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Modality } from '../../src/domain/claims.js';
import type { EntityKind, RelationshipType } from '../../src/domain/kinds.js';

export const GOLD_DIR = 'tests/ingest/gold';
/**
 * Articles written after the pipeline was tuned, by someone who read neither its code nor its
 * scores, and never tuned on: how it does on text it has not seen. Kept apart so the two are read apart.
 */
const HELDOUT_DIR = 'tests/ingest/heldout';

/** The two sets, each with its table's marker name in docs/INGEST.md. */
export const EVALUATION_SETS = [
  { name: 'eval', dir: GOLD_DIR },
  { name: 'heldout', dir: HELDOUT_DIR },
] as const;

export interface GoldSpan {
  start: number;
  end: number;
  quote: string;
}

export interface GoldEntity {
  id: string;
  kind: EntityKind;
  name: string;
  /** The key of the graph's entity (data/) this one is, or null when the graph does not hold it. */
  sameAs: string | null;
  mentions: GoldSpan[];
}

export interface GoldDate extends GoldSpan {
  /** Partial date at the precision the words give: "2023", "2024-07", "2024-07-12". */
  date: string;
}

interface GoldClaim {
  type: RelationshipType;
  /** Gold entity ids. */
  from: string;
  to: string;
  /** Only when the text gives a word for it ("director", "lawyer"); compared case-insensitively. */
  role: string | null;
  modality: Modality;
}

export interface Gold {
  entities: GoldEntity[];
  dates: GoldDate[];
  claims: GoldClaim[];
}

export interface GoldArticle {
  key: string;
  text: string;
  gold: Gold;
}

/** Every article of the set, in name order (the order of the tables). */
export function loadGoldSet(dir = GOLD_DIR): GoldArticle[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'gold.json')))
    .map((d) => d.name)
    .sort()
    .map((key) => ({
      key,
      text: readFileSync(join(dir, key, 'article.txt'), 'utf8'),
      gold: JSON.parse(readFileSync(join(dir, key, 'gold.json'), 'utf8')) as Gold,
    }));
}
