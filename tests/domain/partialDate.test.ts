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

  it('refuses impossible or malformed dates', () => {
    for (const text of ['2021-13', '2021-02-30', '21-11', 'November 2021', '2021-11-1', '']) {
      expect(parsePartialDate(text), text).toBeNull();
    }
  });
});
