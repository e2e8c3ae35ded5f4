import { describe, expect, it } from 'vitest';
import { parsePartialDate } from '../../src/domain/partialDate.js';

describe('partial dates', () => {
  it('reads "November 2021" (2021-11) as a month covering the 1st to the 30th', () => {
    expect(parsePartialDate('2021-11')).toEqual({
      year: 2021,
      month: 11,
      day: null,
      precision: 'MONTH',
      text: '2021-11',
      earliest: '2021-11-01',
      latest: '2021-11-30',
    });
  });

  it('covers a whole year, a leap February and a single day', () => {
    expect(parsePartialDate('2021')).toMatchObject({ precision: 'YEAR', earliest: '2021-01-01', latest: '2021-12-31' });
    expect(parsePartialDate('2024-02')?.latest).toBe('2024-02-29');
    expect(parsePartialDate('2021-10-21')).toMatchObject({
      precision: 'DAY',
      day: 21,
      earliest: '2021-10-21',
      latest: '2021-10-21',
    });
  });

  it('writes the days of a year before 1000 with four digits, and counts leap years of every century', () => {
    expect(parsePartialDate('0999')).toMatchObject({ year: 999, earliest: '0999-01-01', latest: '0999-12-31' });
    expect(parsePartialDate('0050-02')).toMatchObject({ earliest: '0050-02-01', latest: '0050-02-28' });
    // year 0 and 2000 are leap years (divisible by 400), 1900 and 0100 are not
    for (const text of ['0000-02-29', '2000-02-29', '0052-02-29']) expect(parsePartialDate(text), text).not.toBeNull();
    for (const text of ['1900-02-29', '0100-02-29', '2023-02-29']) expect(parsePartialDate(text), text).toBeNull();
    // so that the days compare as text in date order, as the embedded store compares them
    expect(parsePartialDate('0999')!.latest < parsePartialDate('2000')!.earliest).toBe(true);
  });

  it('refuses impossible or malformed dates', () => {
    for (const text of ['2021-13', '2021-02-30', '21-11', 'November 2021', '2021-11-1', '']) {
      expect(parsePartialDate(text), text).toBeNull();
    }
  });
});
