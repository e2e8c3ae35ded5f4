import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractMentions } from '../../src/ingest/extract/extractMentions.js';
import type { ExtractedMention } from '../../src/ingest/types.js';

const rust = readFileSync(new URL('../../data/rust-case/rust-article.txt', import.meta.url), 'utf8');

/** The mention with exactly these words (the nth one), as a reviewer would look it up. */
function find(mentions: readonly ExtractedMention[], quote: string, nth = 0): ExtractedMention | undefined {
  return mentions.filter((m) => m.quote === quote)[nth];
}

function expectWellFormed(text: string, mentions: readonly ExtractedMention[]) {
  for (const [i, m] of mentions.entries()) {
    expect(m.quote).toBe(text.slice(m.start, m.end));
    expect(m.confidence).toBeGreaterThan(0);
    expect(m.confidence).toBeLessThanOrEqual(1);
    expect(m.rule).not.toBe('');
    const next = mentions[i + 1];
    if (next) expect(next.start).toBeGreaterThanOrEqual(m.end);
  }
}

describe('extractMentions on the Rust article', () => {
  const mentions = extractMentions(rust);

  it('gives spans whose quote is the text they cover, sorted and not overlapping', () => {
    expectWellFormed(rust, mentions);
  });

  it('finds the people, with the name only and the role apart', () => {
    expect(find(mentions, 'Alec Baldwin')).toMatchObject({ start: 0, end: 12, kind: 'PERSON' });
    expect(find(mentions, 'Galina Hutchins')).toMatchObject({
      start: 131,
      end: 146,
      kind: 'PERSON',
      role: 'cinematographer',
    });
    expect(find(mentions, 'Lewten Nikas')).toMatchObject({ start: 395, end: 407, kind: 'PERSON' });
    expect(find(mentions, 'Alex Spiro')).toMatchObject({ start: 412, end: 422, kind: 'PERSON' });
    expect(find(mentions, 'Joel Souza')).toMatchObject({ start: 1045, end: 1055, kind: 'PERSON', role: 'director' });
    expect(find(mentions, 'Souza')).toMatchObject({ start: 1430, end: 1435, kind: 'PERSON' });
    expect(mentions.filter((m) => m.quote === 'Baldwin').map((m) => m.start)).toEqual([438, 1024, 1315, 1445]);
  });

  it('takes the possessive off a name: Hutchins’s is Hutchins', () => {
    const hutchins = mentions.filter((m) => m.quote === 'Hutchins');
    expect(hutchins.map((m) => [m.start, m.end, m.kind])).toEqual([
      [879, 887, 'PERSON'],
      [1404, 1412, 'PERSON'],
    ]);
    expect(mentions.some((m) => m.quote.endsWith('’s'))).toBe(false);
  });

  it('finds the organisations whole, the place, the production and the date', () => {
    expect(find(mentions, 'New Mexico State Attorney’s Office')).toMatchObject({
      start: 48,
      end: 82,
      kind: 'ORGANISATION',
    });
    expect(find(mentions, 'ABC News')).toMatchObject({ start: 148, end: 156, kind: 'ORGANISATION' });
    expect(find(mentions, 'Montana')).toMatchObject({ start: 1010, end: 1017, kind: 'LOCATION' });
    expect(mentions.filter((m) => m.quote === 'Rust').map((m) => [m.start, m.kind])).toEqual([
      [839, 'PRODUCTION'],
      [1299, 'PRODUCTION'],
      [2254, 'PRODUCTION'],
    ]);
    expect(find(mentions, 'November 2021')).toMatchObject({ start: 1269, end: 1282, kind: 'DATE', date: '2021-11' });
  });

  it('does not take common words for names', () => {
    const quotes = mentions.map((m) => m.quote.toLowerCase());
    for (const word of ['drew', 'reports', 'the lawyers', 'lawyers', 'officials', 'earlier'])
      expect(quotes).not.toContain(word);
    expect(mentions.some((m) => m.quote.includes('cinematographer') || m.quote.includes('director'))).toBe(false);
  });
});

describe('extractMentions on short reports', () => {
  it('gives dates at the precision the words give, and no date without a year', () => {
    const text =
      'The studio opened in 2023. The shooting was in November 2021. A verdict came on July 12, 2024, and a hearing on Oct. 21, 2021. They met on Tuesday, last week and in March.';
    const dates = extractMentions(text).filter((m) => m.kind === 'DATE');
    expect(dates.map((m) => [m.quote, m.date])).toEqual([
      ['2023', '2023'],
      ['November 2021', '2021-11'],
      ['July 12, 2024', '2024-07-12'],
      ['Oct. 21, 2021', '2021-10-21'],
    ]);
    expectWellFormed(text, dates);
  });

  it('reads a report that spells the names another way', () => {
    const text =
      'The death of cinematographer Halyna Hutchins shocked Hollywood. Baldwin’s lawyer Luke Nikas said the case was closed.';
    const mentions = extractMentions(text);
    expect(find(mentions, 'Halyna Hutchins')).toMatchObject({ kind: 'PERSON', role: 'cinematographer', start: 29 });
    expect(find(mentions, 'Luke Nikas')).toMatchObject({ kind: 'PERSON', role: 'lawyer' });
    expect(find(mentions, 'Baldwin')).toMatchObject({ kind: 'PERSON', start: 64, end: 71 });
  });

  it('strips titles written before a name, lower case or capitalised', () => {
    const text =
      'Special prosecutor Kari Morrissey questioned armourer Hannah Gutierrez-Reed’s account. Judge Mary Marlowe Sommer ruled, and Sheriff Adan Mendoza spoke. Mr. Baldwin left.';
    const mentions = extractMentions(text);
    expect(find(mentions, 'Kari Morrissey')).toMatchObject({ kind: 'PERSON', role: 'special prosecutor' });
    expect(find(mentions, 'Hannah Gutierrez-Reed')).toMatchObject({ kind: 'PERSON', role: 'armourer' });
    expect(find(mentions, 'Mary Marlowe Sommer')).toMatchObject({ kind: 'PERSON', role: 'judge' });
    expect(find(mentions, 'Adan Mendoza')).toMatchObject({ kind: 'PERSON', role: 'sheriff' });
    expect(find(mentions, 'Baldwin')?.kind).toBe('PERSON');
    expectWellFormed(text, mentions);
  });

  it('keeps organisation names whole and a "city, state" as two places', () => {
    const text =
      'The Santa Fe County Sheriff’s Office handed the file to the U.S. District Court for the Central District of California. Filming moved to Bonanza Creek Ranch near Santa Fe, New Mexico, and Rust Movie Productions LLC paid.';
    const mentions = extractMentions(text);
    const kinds = mentions.map((m) => [m.quote, m.kind]);
    expect(kinds).toContainEqual(['Santa Fe County Sheriff’s Office', 'ORGANISATION']);
    expect(kinds).toContainEqual(['U.S. District Court for the Central District of California', 'ORGANISATION']);
    expect(kinds).toContainEqual(['Bonanza Creek Ranch', 'LOCATION']);
    expect(kinds).toContainEqual(['Santa Fe', 'LOCATION']);
    expect(kinds).toContainEqual(['New Mexico', 'LOCATION']);
    expect(kinds).toContainEqual(['Rust Movie Productions LLC', 'ORGANISATION']);
    expectWellFormed(text, mentions);
  });

  it('reads quoted titles and titles after "the film"', () => {
    const text =
      'Baldwin starred in “Rust”, a western. The film Rust resumed. Critics praised the series “The Crown” again.';
    const productions = extractMentions(text).filter((m) => m.kind === 'PRODUCTION');
    expect(productions.map((m) => [m.quote, m.start])).toEqual([
      ['Rust', text.indexOf('Rust')],
      ['Rust', text.indexOf('Rust resumed')],
      ['The Crown', text.indexOf('The Crown')],
    ]);
  });

  it('counts offsets in UTF-16 code units past emoji and curly quotes', () => {
    const text = '🎬🎬 “Breaking” — director Joel Souza 👍 met Alec Baldwin’s lawyers in Santa Fe in 2022.';
    const mentions = extractMentions(text);
    expectWellFormed(text, mentions);
    expect(find(mentions, 'Joel Souza')?.start).toBe(text.indexOf('Joel'));
    expect(find(mentions, 'Alec Baldwin')).toMatchObject({ start: text.indexOf('Alec'), end: text.indexOf('’s') });
    expect(find(mentions, '2022')?.date).toBe('2022');
  });

  it('does not make a person of a capitalised word that opens a sentence', () => {
    const text = 'Reports said the case drew attention. Officials declined. Earlier, the lawyers met.';
    expect(extractMentions(text).filter((m) => m.kind === 'PERSON')).toEqual([]);
  });

  it('returns on long repeats of one pattern: name lists, titles, abbreviations, dates', () => {
    for (const unit of ['Smith and ', 'Smith of the ', 'Dr. ', 'Mr. Smith’s ', '“A” ', 'November 2021 ']) {
      const text = unit.repeat(Math.ceil(60_000 / unit.length));
      expectWellFormed(text, extractMentions(text));
    }
  });

  it('returns on a long hostile input of capitalised words and quotes', () => {
    const pieces = ['“Big', 'Office”,', 'Smith', 'Jones’s', 'of', 'the', '"New', 'Court"', 'and', 'November', '2021.'];
    let text = '';
    for (let i = 0; text.length < 200_000; i++) text += `${pieces[(i * 7) % pieces.length]} `;
    const mentions = extractMentions(text);
    expect(mentions.length).toBeGreaterThan(0);
    expectWellFormed(text, mentions);
  });

  it('takes a name no role introduces from the words around it: "the death of X", "the X set"', () => {
    const text =
      'The case against Alec Baldwin in connection with the death of Halyna Hutchins was dismissed. ' +
      'He handled the prop firearm on the Rust set. The family of Marta Okonjo sued.';
    const mentions = extractMentions(text);
    expectWellFormed(text, mentions);
    expect(find(mentions, 'Halyna Hutchins')?.kind).toBe('PERSON');
    expect(find(mentions, 'Rust')?.kind).toBe('PRODUCTION');
    expect(find(mentions, 'Marta Okonjo')?.kind).toBe('PERSON');
  });

  it('takes a sentence-opening surname the text writes as a name elsewhere, whatever compromise guesses', () => {
    const text = 'Lawyer Luke Nikas spoke first. Nikas and Alex Spiro argued that evidence was withheld.';
    expect(find(extractMentions(text), 'Nikas')).toMatchObject({ kind: 'PERSON', start: text.indexOf('Nikas and') });
  });

  it('gives no date for a day or month that does not exist, written in digits or in words', () => {
    const text = 'Filed on 2021-00-05, heard on 2021-02-30, decided on February 30, 2021, and appealed on 2021-02-03.';
    expect(
      extractMentions(text)
        .filter((m) => m.kind === 'DATE')
        .map((m) => m.date),
    ).toEqual(['2021-02-03']);
  });
});
