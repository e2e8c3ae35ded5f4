/**
 * Reads every article of the gold set with readSource against the graph of data/ (as `npm run
 * ingest` would against the case folders) and scores each draft.
 */
import { loadCases } from '../../src/domain/loadCases.js';
import type { Draft } from '../../src/domain/suggestions.js';
import { linksAmongIn, lookupInGraph } from '../../src/ingest/lookupInGraph.js';
import { MAX_READ_CHARS, readSource } from '../../src/ingest/readSource.js';
import { GOLD_DIR, type Gold, loadGoldSet } from './gold.js';
import { addCounts, type Counts, scoreDraft, ZERO } from './score.js';

interface ArticleResult {
  key: string;
  counts: Counts;
  draft: Draft;
  gold: Gold;
}

export interface Evaluation {
  articles: ArticleResult[];
  overall: Counts;
}

export async function evaluate(dataDir = 'data', goldDir = GOLD_DIR): Promise<Evaluation> {
  const graph = loadCases(dataDir);
  const existing = new Set(graph.entities.map((e) => e.key));
  const lookup = lookupInGraph(graph.entities);
  const linksAmong = linksAmongIn(graph.relationships);
  const keysTaken = async (keys: readonly string[]) => new Set(keys.filter((k) => existing.has(k)));
  const articles: ArticleResult[] = [];
  for (const { key, text, gold } of loadGoldSet(goldDir)) {
    const draft = await readSource(key, text, { lookup, linksAmong, keysTaken, maxChars: MAX_READ_CHARS });
    articles.push({ key, counts: scoreDraft(draft, gold), draft, gold });
  }
  return { articles, overall: articles.reduce((sum, a) => addCounts(sum, a.counts), ZERO) };
}
