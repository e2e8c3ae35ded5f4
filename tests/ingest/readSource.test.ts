/** How much of a text one reading takes: all of an article; a longer text up to a sentence end, said in readUpTo. */
import { describe, expect, it } from 'vitest';
import { MAX_READ_CHARS, readSource } from '../../src/ingest/readSource.js';

const options = {
  lookup: async () => [],
  linksAmong: async () => [],
  keysTaken: async () => new Set<string>(),
  maxChars: MAX_READ_CHARS,
};

describe('a reading', () => {
  it('reads an article whole', async () => {
    const text = 'Director Joel Souza spoke in Santa Fe on July 12, 2024.';
    expect((await readSource('a', text, options)).readUpTo).toBe(text.length);
  });

  it('reads a longer text up to the last sentence end within the limit, and suggests nothing past it', async () => {
    const sentence = 'Lawyer Luke Nikas spoke to reporters in Santa Fe on Monday. ';
    const text = sentence.repeat(Math.ceil((MAX_READ_CHARS * 1.5) / sentence.length));
    const draft = await readSource('long', text, options);
    expect(draft.readUpTo).toBeLessThanOrEqual(MAX_READ_CHARS);
    expect(draft.readUpTo).toBeGreaterThan(MAX_READ_CHARS - sentence.length);
    expect(text[draft.readUpTo - 1]).toBe('.');
    const ends = draft.entities.flatMap((e) => e.mentions.map((m) => m.end));
    expect(Math.max(...ends)).toBeLessThanOrEqual(draft.readUpTo);
  });
});
