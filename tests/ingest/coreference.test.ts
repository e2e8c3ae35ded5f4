import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { groupMentions } from '../../src/ingest/coreference.js';
import { extractMentions } from '../../src/ingest/extract/extractMentions.js';
import type { ExtractedMention, SpanKind } from '../../src/ingest/types.js';

const rust = readFileSync(new URL('../../data/rust-case/rust-article.txt', import.meta.url), 'utf8');

/** Mentions of `quotes` laid out in a text in this order, as the extractor would give them. */
function mentionsOf(items: Array<[string, SpanKind, { role?: string; confidence?: number }?]>): ExtractedMention[] {
  let offset = 0;
  return items.map(([quote, kind, extra]) => {
    const start = offset;
    offset += quote.length + 10;
    return {
      start,
      end: start + quote.length,
      quote,
      kind,
      confidence: extra?.confidence ?? 0.8,
      rule: 'test',
      ...(extra?.role ? { role: extra.role } : {}),
    };
  });
}

describe('groupMentions', () => {
  it('groups the Rust article’s short forms with the full names, in order of first mention', () => {
    const entities = groupMentions(extractMentions(rust));
    const hutchins = entities.find((e) => e.name === 'Galina Hutchins');
    expect(hutchins?.mentions.map((m) => [m.quote, m.start])).toEqual([
      ['Galina Hutchins', 131],
      ['Hutchins', 879],
      ['Hutchins', 1404],
    ]);
    expect(hutchins?.occupations).toEqual(['cinematographer']);
    const baldwin = entities.find((e) => e.name === 'Alec Baldwin');
    expect(baldwin?.mentions).toHaveLength(5);
    expect(entities.find((e) => e.name === 'Joel Souza')?.mentions.map((m) => m.quote)).toEqual([
      'Joel Souza',
      'Souza',
    ]);
    expect(entities.some((e) => e.name === 'Hutchins' || e.name === 'Baldwin' || e.name === 'Souza')).toBe(false);
    expect(entities.find((e) => e.name === 'Rust')).toMatchObject({ kind: 'PRODUCTION' });
    expect(entities[0]?.name).toBe('Alec Baldwin');
    const firsts = entities.map((e) => e.mentions[0]?.start ?? 0);
    expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
    expect(entities.every((e) => e.mentions.every((m) => m.kind === e.kind))).toBe(true);
  });

  it('leaves a surname two full names share on its own', () => {
    const entities = groupMentions(
      mentionsOf([
        ['Halyna Hutchins', 'PERSON'],
        ['Matthew Hutchins', 'PERSON'],
        ['Hutchins', 'PERSON'],
      ]),
    );
    expect(entities.map((e) => [e.name, e.mentions.length])).toEqual([
      ['Halyna Hutchins', 1],
      ['Matthew Hutchins', 1],
      ['Hutchins', 1],
    ]);
  });

  it('joins a short form written before the full name to it, and takes the fullest name', () => {
    const entities = groupMentions(
      mentionsOf([
        ['Nikas', 'PERSON', { confidence: 0.6 }],
        ['Luke Nikas', 'PERSON', { role: 'Lawyer', confidence: 0.9 }],
        ['Nikas’', 'PERSON'],
        ['Luke Nikas', 'PERSON', { role: 'lawyer' }],
      ]).filter((m) => m.quote !== 'Nikas’'),
    );
    expect(entities).toHaveLength(1);
    expect(entities[0]).toMatchObject({ name: 'Luke Nikas', occupations: ['lawyer'], confidence: 0.9 });
    expect(entities[0]?.mentions.map((m) => m.quote)).toEqual(['Nikas', 'Luke Nikas', 'Luke Nikas']);
  });

  it('groups exact repeats, keeps kinds apart and leaves dates out', () => {
    const entities = groupMentions(
      mentionsOf([
        ['Rust', 'PRODUCTION'],
        ['November 2021', 'DATE'],
        ['Rust Movie Productions LLC', 'ORGANISATION'],
        ['Rust', 'PRODUCTION'],
        ['Montana', 'LOCATION'],
        ['Montana', 'LOCATION'],
      ]),
    );
    expect(entities.map((e) => [e.kind, e.name, e.mentions.length])).toEqual([
      ['PRODUCTION', 'Rust', 2],
      ['ORGANISATION', 'Rust Movie Productions LLC', 1],
      ['LOCATION', 'Montana', 2],
    ]);
  });

  it('joins safe short forms of an organisation: its first word, its last words, its initials', () => {
    const entities = groupMentions(
      mentionsOf([
        ['Crestline Mutual Insurance Company', 'ORGANISATION'],
        ['Health and Safety Executive', 'ORGANISATION'],
        ['Santa Fe County Sheriff’s Office', 'ORGANISATION'],
        ['Crestline', 'ORGANISATION'],
        ['HSE', 'ORGANISATION'],
        ['Sheriff’s Office', 'ORGANISATION'],
        ['New Mexico Department of Health', 'ORGANISATION'],
        ['New', 'ORGANISATION'],
      ]),
    );
    expect(entities.map((e) => [e.name, e.mentions.length])).toEqual([
      ['Crestline Mutual Insurance Company', 2],
      ['Health and Safety Executive', 2],
      ['Santa Fe County Sheriff’s Office', 2],
      ['New Mexico Department of Health', 1],
      ['New', 1],
    ]);
  });

  it('groups the people of a re-spelled report', () => {
    const text =
      'Cinematographer Halyna Hutchins died in 2021. Hutchins was 42. Baldwin’s lawyer Luke Nikas said Nikas would appeal, and Alec Baldwin agreed.';
    const entities = groupMentions(extractMentions(text));
    expect(entities.find((e) => e.name === 'Halyna Hutchins')?.mentions.map((m) => m.quote)).toEqual([
      'Halyna Hutchins',
      'Hutchins',
    ]);
    expect(entities.find((e) => e.name === 'Luke Nikas')).toMatchObject({ occupations: ['lawyer'] });
    expect(entities.find((e) => e.name === 'Alec Baldwin')?.mentions.map((m) => m.quote)).toEqual([
      'Baldwin',
      'Alec Baldwin',
    ]);
  });
});
