/**
 * A fuzzy first name is proposed as the same person only when the text states of it what the graph
 * already holds of the candidate; the same text without that corroboration, or with a first name
 * that is not a garbling, proposes nothing.
 */
import { describe, expect, it } from 'vitest';
import { loadCases } from '../../src/domain/loadCases.js';
import { readingOptionsIn } from '../../src/ingest/lookupInGraph.js';
import { readSource } from '../../src/ingest/readSource.js';
import { DEFAULT_DATA_DIR } from '../../src/paths.js';

const graph = loadCases(DEFAULT_DATA_DIR);

async function draftOf(text: string, relationships = graph.relationships) {
  return readSource('t', text, readingOptionsIn({ entities: graph.entities, relationships }));
}
const suggestionNamed = async (text: string, name: string, relationships = graph.relationships) =>
  (await draftOf(text, relationships)).entities.find((e) => e.name === name);

describe('context that agrees', () => {
  const text = 'Luke Nikas and Alex Spiro, who represent Alec Baldwin, said the ruling was right.';

  it('proposes a garbled first name when the text states what the graph holds of the candidate', async () => {
    const luke = await suggestionNamed(text, 'Luke Nikas');
    expect(luke?.sameAs).toBe('lewten-nikas');
    expect(luke?.candidates[0]?.reasons.at(-1)).toBe(
      'the text says “Luke Nikas” represents Alec Baldwin, as the graph says of Lewten Nikas',
    );
  });

  it('proposes nothing without that claim in the graph, or without it in the text', async () => {
    const withoutLink = graph.relationships.filter((r) => !(r.type === 'REPRESENTS' && r.from === 'lewten-nikas'));
    expect((await suggestionNamed(text, 'Luke Nikas', withoutLink))?.sameAs).toBeNull();
    expect((await suggestionNamed('Luke Nikas said the ruling was right.', 'Luke Nikas'))?.sameAs).toBeNull();
  });

  it('does not lift another first name of the same surname, whatever the text says of it', async () => {
    const eve = await suggestionNamed(
      'Eve Nikas, who represents Alec Baldwin, said the ruling was right.',
      'Eve Nikas',
    );
    expect(eve?.sameAs).toBeNull();
  });
});
