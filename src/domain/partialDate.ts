/**
 * Dates as sources give them: "2021", "2021-11" or "2021-11-03". A partial date covers a period,
 * from its earliest to its latest day, which is what date filters and ordering compare.
 */

export type DatePrecision = 'YEAR' | 'MONTH' | 'DAY';

export interface PartialDate {
  year: number;
  month: number | null;
  day: number | null;
  precision: DatePrecision;
  /** The canonical text: "2021", "2021-11" or "2021-11-03". */
  text: string;
  /** First day of the period, ISO "YYYY-MM-DD". */
  earliest: string;
  /** Last day of the period, ISO "YYYY-MM-DD". */
  latest: string;
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const pad = (n: number) => String(n).padStart(2, '0');
/** Four digits, as ISO days need them: "0999-01-01", which Neo4j's date() reads and sorts before "2000-01-01" as text. */
const padYear = (year: number) => String(year).padStart(4, '0');

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** In the proleptic Gregorian calendar, as ISO dates and Neo4j count (Date.UTC reads years below 100 as 1900 onwards). */
function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/** Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD"; returns null for anything else or an impossible date. */
export function parsePartialDate(text: string): PartialDate | null {
  const match = PARTIAL_DATE.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[2] === undefined) {
    return {
      year,
      month: null,
      day: null,
      precision: 'YEAR',
      text,
      earliest: `${padYear(year)}-01-01`,
      latest: `${padYear(year)}-12-31`,
    };
  }
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  const lastDay = daysInMonth(year, month);
  if (match[3] === undefined) {
    return {
      year,
      month,
      day: null,
      precision: 'MONTH',
      text,
      earliest: `${padYear(year)}-${pad(month)}-01`,
      latest: `${padYear(year)}-${pad(month)}-${pad(lastDay)}`,
    };
  }
  const day = Number(match[3]);
  if (day < 1 || day > lastDay) return null;
  return { year, month, day, precision: 'DAY', text, earliest: text, latest: text };
}
