/** The first case, held to its source: what the article says, its spellings, and nothing more. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCases } from '../../src/domain/loadCases.js';
import { quoteOf } from '../../src/domain/model.js';
import { DEFAULT_DATA_DIR } from '../../src/paths.js';

const graph = loadCases(DEFAULT_DATA_DIR);
const article = graph.sources.find((s) => s.key === 'rust-article')!;
const entity = (key: string) => graph.entities.find((e) => e.key === key)!;
const caseFile = JSON.parse(readFileSync(join(DEFAULT_DATA_DIR, 'rust-case', 'case.json'), 'utf8'));

describe('the Rust case file', () => {
  it('carries the article byte for byte', () => {
    const bytes = readFileSync(join(DEFAULT_DATA_DIR, 'rust-case', 'rust-article.txt'));
    expect(article.text).toBe(bytes.toString('utf8'));
    expect(bytes.length).toBe(2915);
    expect(article.text.startsWith('Alec Baldwin has been cleared of charges')).toBe(true);
  });

  it('quotes exactly the source text at every offset', () => {
    const spans = [
      ...caseFile.entities.flatMap((e: { mentions: unknown[] }) => e.mentions),
      ...caseFile.relationships.flatMap((r: { evidence: unknown[] }) => r.evidence),
    ] as { start: number; end: number; quote: string }[];
    expect(spans.length).toBeGreaterThan(60);
    for (const span of spans) expect(article.text.slice(span.start, span.end)).toBe(span.quote);
  });

  it('backs every entity with a mention and every relationship with evidence', () => {
    for (const e of graph.entities) expect(e.mentions.length, e.key).toBeGreaterThan(0);
    for (const r of graph.relationships) expect(r.evidence.length, r.key).toBeGreaterThan(0);
  });

  it('names every person the article names, spelt as the article spells them', () => {
    const people = graph.entities
      .filter((e) => e.kind === 'PERSON')
      .map((e) => e.name)
      .sort();
    expect(people).toEqual(['Alec Baldwin', 'Alex Spiro', 'Galina Hutchins', 'Joel Souza', 'Lewten Nikas']);
  });

  it('takes every name, alias and occupation of a named thing from the article itself', () => {
    for (const e of graph.entities.filter((x) => x.kind !== 'EVENT')) {
      for (const word of [e.name, ...e.aliases, ...e.occupations]) {
        expect(article.text, `${e.key}: "${word}"`).toContain(word);
      }
    }
  });

  it('dates the incident "November 2021" to the month, and no other event', () => {
    expect(entity('rust-set-incident').date).toBe('2021-11');
    const dated = graph.entities.filter((e) => e.date !== null).map((e) => e.key);
    expect(dated).toEqual(['rust-set-incident']);
  });

  it("states who was hurt in the incident, and how, in the article's words", () => {
    const hurt = graph.relationships
      .filter((r) => r.type === 'PARTICIPATED_IN' && r.to === 'rust-set-incident')
      .map((r) => [r.from, r.role, r.evidence.map((e) => quoteOf(e, article))]);
    expect(hurt).toEqual(
      expect.arrayContaining([
        ['galina-hutchins', 'death', ['resulted in Hutchins’s death']],
        ['joel-souza', 'injured', ['left Souza injured']],
      ]),
    );
  });
});
