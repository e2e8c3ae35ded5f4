/**
 * Reads every article of the gold set with readSource against the graph of data/ (as `npm run
 * ingest` would against the case folders) and scores each draft.
 */
import { loadCases } from '../../src/domain/loadCases.js';
import type { Draft } from '../../src/domain/suggestions.js';
import { readingOptionsIn } from '../../src/ingest/lookupInGraph.js';
import { readSource } from '../../src/ingest/readSource.js';
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
  const options = readingOptionsIn(graph);
  const articles: ArticleResult[] = [];
  for (const { key, text, gold } of loadGoldSet(goldDir)) {
    const draft = await readSource(key, text, options);
    articles.push({ key, counts: scoreDraft(draft, gold), draft, gold });
  }
  return { articles, overall: articles.reduce((sum, a) => addCounts(sum, a.counts), ZERO) };
}
