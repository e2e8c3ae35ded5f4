/**
 * The ingest evaluation (docs/INGEST.md) as a test: the scorer on hand-made drafts, the gold in
 * step with its marked-up source, and the pipeline on the gold set held to the committed floor.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClaimSuggestion, Draft, EntitySuggestion } from '../../src/domain/suggestions.js';
import { floorFileOf, floorOf, readFloor, undercuts } from '../../scripts/eval-ingest/floor.js';
import { EVALUATION_SETS, type Gold, loadGoldSet } from '../../scripts/eval-ingest/gold.js';
import { scoreDraft } from '../../scripts/eval-ingest/score.js';
import { withTable } from '../../scripts/eval-ingest/table.js';
import { goldJson, readMarkedArticle } from '../../scripts/eval-ingest/writeGold.js';
import { entitySuggestion } from '../support/suggestions.js';

// "Alec Baldwin met Halyna Hutchins. Baldwin, who represents Hutchins, ..."
const gold: Gold = {
  entities: [
    {
      id: 'alec-baldwin',
      kind: 'PERSON',
      name: 'Alec Baldwin',
      sameAs: 'alec-baldwin',
      mentions: [
        { start: 0, end: 12, quote: 'Alec Baldwin' },
        { start: 35, end: 42, quote: 'Baldwin' },
      ],
    },
    {
      id: 'halyna-hutchins',
      kind: 'PERSON',
      name: 'Halyna Hutchins',
      sameAs: 'galina-hutchins',
      mentions: [{ start: 17, end: 32, quote: 'Halyna Hutchins' }],
    },
    {
      id: 'matthew-hutchins',
      kind: 'PERSON',
      name: 'Matthew Hutchins',
      sameAs: null,
      mentions: [{ start: 60, end: 76, quote: 'Matthew Hutchins' }],
    },
  ],
  dates: [{ start: 80, end: 89, quote: 'July 2024', date: '2024-07' }],
  claims: [{ type: 'REPRESENTS', from: 'alec-baldwin', to: 'halyna-hutchins', role: null, modality: 'STATED' }],
};

function suggestion(key: string, spans: [number, number][], sameAs: string | null): EntitySuggestion {
  return entitySuggestion({
    key,
    kind: 'PERSON',
    name: key,
    mentions: spans.map(([start, end]) => ({ start, end, quote: '' })),
    confidence: 1,
    sameAs,
    newKey: key,
  });
}

function claim(from: string, to: string): ClaimSuggestion {
  return {
    key: 'c1',
    status: 'OPEN',
    type: 'REPRESENTS',
    from,
    to,
    role: null,
    evidence: { start: 0, end: 50, quote: '', modality: 'STATED', assertedBy: null, cue: null },
    confidence: 1,
    pattern: 'X, who represent Y',
    decision: null,
  };
}

const draftOf = (entities: EntitySuggestion[], claims: ClaimSuggestion[] = []): Draft => ({
  sourceKey: 'test',
  entities,
  claims,
  dates: [{ start: 80, end: 89, quote: 'July 2024', date: '2024-07' }],
  readUpTo: 100,
});

describe('the ingest scorer', () => {
  it('scores a perfect draft as perfect', () => {
    const draft = draftOf(
      [
        suggestion(
          'e1',
          [
            [0, 12],
            [35, 42],
          ],
          'alec-baldwin',
        ),
        suggestion('e2', [[17, 32]], 'galina-hutchins'),
        suggestion('e3', [[60, 76]], null),
      ],
      [claim('e1', 'e2')],
    );
    const counts = scoreDraft(draft, gold);
    expect(counts).toMatchObject({ mentionsPredicted: 5, mentionsGold: 5, mentionsMatched: 5, kindsCorrect: 5 });
    expect(counts).toMatchObject({ linksPredicted: 2, linksCorrect: 2, linksGold: 2, linksFound: 2 });
    expect(counts).toMatchObject({ wrongMerges: 0, missedMerges: 0, claimsCorrect: 1, claimsFound: 1 });
    expect(counts).toMatchObject({ datesCorrect: 1, modalitiesCorrect: 1 });
  });

  it('counts a trap linked to the graph as one wrong merge, and a link left out as one missed merge', () => {
    const draft = draftOf([
      suggestion(
        'e1',
        [
          [0, 12],
          [35, 42],
        ],
        'alec-baldwin',
      ),
      suggestion('e2', [[17, 32]], null),
      suggestion('e3', [[60, 76]], 'galina-hutchins'),
    ]);
    const counts = scoreDraft(draft, gold);
    expect(counts.wrongMerges).toBe(1);
    expect(counts.missedMerges).toBe(1);
    expect(counts).toMatchObject({ linksPredicted: 2, linksCorrect: 1, linksGold: 2, linksFound: 1 });
  });

  it('takes an off-by-one span for a miss, yet still matches its claim by overlap', () => {
    const draft = draftOf(
      [
        suggestion(
          'e1',
          [
            [0, 12],
            [35, 42],
          ],
          'alec-baldwin',
        ),
        suggestion('e2', [[17, 33]], 'galina-hutchins'),
      ],
      [claim('e1', 'e2')],
    );
    const counts = scoreDraft(draft, gold);
    expect(counts).toMatchObject({ mentionsPredicted: 4, mentionsMatched: 3, mentionsGold: 5 });
    expect(counts).toMatchObject({ claimsCorrect: 1, linksCorrect: 2 });
  });

  it('rejects a claim whose ends are swapped', () => {
    const draft = draftOf(
      [
        suggestion(
          'e1',
          [
            [0, 12],
            [35, 42],
          ],
          null,
        ),
        suggestion('e2', [[17, 32]], null),
      ],
      [claim('e2', 'e1')],
    );
    expect(scoreDraft(draft, gold)).toMatchObject({ claimsPredicted: 1, claimsCorrect: 0, claimsFound: 0 });
  });
});

describe('the table in docs/INGEST.md', () => {
  it('replaces what is between the markers and nothing else', () => {
    const doc = 'intro\n<!-- eval:start -->\nold\n<!-- eval:end -->\nafter\n';
    expect(withTable(doc, '| new |')).toBe('intro\n<!-- eval:start -->\n| new |\n<!-- eval:end -->\nafter\n');
    expect(() => withTable('no markers', '| new |')).toThrow();
  });
});

describe.each(EVALUATION_SETS)('the set in $dir', ({ dir }) => {
  const articles = loadGoldSet(dir);

  it('holds at least three articles, every span quoting its text', () => {
    expect(articles.length).toBeGreaterThanOrEqual(3);
    for (const { key, text, gold: g } of articles) {
      for (const span of [...g.entities.flatMap((e) => e.mentions), ...g.dates]) {
        expect(text.slice(span.start, span.end), `${key} ${span.start}`).toBe(span.quote);
      }
    }
  });

  it('is in step with its marked-up source (npm run eval:ingest -- --build-gold)', () => {
    for (const { key } of articles) {
      const folder = join(dir, key);
      const built = readMarkedArticle(folder);
      expect(readFileSync(join(folder, 'article.txt'), 'utf8'), key).toBe(built.text);
      expect(readFileSync(join(folder, 'gold.json'), 'utf8'), key).toBe(goldJson(built.gold));
    }
  });
});

describe('ingest on the evaluation sets', () => {
  for (const set of EVALUATION_SETS) {
    it(`holds every committed score (${set.dir}/scores.json)`, { timeout: 120_000 }, async () => {
      const floorFile = floorFileOf(set.dir);
      expect(existsSync(floorFile), 'no floor: run npm run eval:ingest -- --write').toBe(true);
      // imported here, so the scorer's tests run even while a stage of the pipeline does not load
      const { evaluate } = await import('../../scripts/eval-ingest/evaluate.js');
      expect(undercuts(readFloor(floorFile), floorOf(await evaluate('data', set.dir)))).toEqual([]);
    });
  }
});
