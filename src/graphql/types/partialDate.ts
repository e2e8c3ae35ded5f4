/** PartialDate: a date as precise as its source, and the period it covers. */
import type { PartialDate } from '../../domain/partialDate.js';
import { builder } from '../builder.js';
import { DatePrecisionEnum } from './enums.js';

export const PartialDateRef = builder.objectRef<PartialDate>('PartialDate').implement({
  description: 'A date as precise as its source gives it: "November 2021" is year 2021, month 11, precision MONTH.',
  fields: (t) => ({
    year: t.exposeInt('year', { description: 'Always given.' }),
    month: t.exposeInt('month', { nullable: true, description: '1 to 12; null at YEAR precision.' }),
    day: t.exposeInt('day', { nullable: true, description: 'Null unless precision is DAY.' }),
    precision: t.field({
      type: DatePrecisionEnum,
      description: 'How much of the date is known.',
      resolve: (d) => d.precision,
    }),
    text: t.exposeString('text', { description: 'ISO text to its precision: "2021", "2021-11" or "2021-11-03".' }),
    earliest: t.exposeString('earliest', { description: 'First day of the period it covers, "YYYY-MM-DD".' }),
    latest: t.exposeString('latest', { description: 'Last day of the period it covers, "YYYY-MM-DD".' }),
  }),
});
