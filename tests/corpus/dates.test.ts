import { describe, expect, it } from 'vitest';
import {
  findDate,
  isMonth,
  MONTH_PATTERN,
  monthAbbreviation,
  monthInFull,
  monthNumber,
  oneYearPeriod,
  parseDateValue,
  spanLast,
  YEAR_SPAN,
} from '../../src/corpus/dates.js';

describe('the month table', () => {
  it('reads names and abbreviations in any case, with or without a full stop', () => {
    expect(['January', 'feb', 'Mar.', 'MAY', 'Sept', 'sep', 'september', 'Dec.'].map(monthNumber)).toEqual([
      1, 2, 3, 5, 9, 9, 9, 12,
    ]);
  });

  it('knows no other words', () => {
    expect(['marc', 'ju', 'mayor', 'octo', '', 'spring'].map(monthNumber)).toEqual(Array(6).fill(undefined));
  });

  it('knows months by name and short name, whatever their case, in isMonth', () => {
    expect(['march', 'Sept', 'DEC'].map(isMonth)).toEqual([true, true, true]);
    expect(['marching', 'spring', '', undefined].map(isMonth)).toEqual([false, false, false, false]);
  });

  it('knows a month in full, or "sept", in monthInFull: a three-letter abbreviation may be a name or a word', () => {
    expect(['July', 'may', 'SEPTEMBER', 'Sept'].map(monthInFull)).toEqual([7, 5, 9, 9]);
    expect(['jan', 'Mar', 'dec.', 'mayor'].map(monthInFull)).toEqual(Array(4).fill(undefined));
  });

  it('gives the short name for a label', () => {
    expect([1, 6, 9, 12].map(monthAbbreviation)).toEqual(['Jan', 'Jun', 'Sep', 'Dec']);
  });

  it('matches whole month words, the longest first', () => {
    const month = new RegExp(`^${MONTH_PATTERN}$`, 'i');
    expect('September'.match(month)?.[1]).toBe('September');
    expect('Sept.'.match(month)?.[1]).toBe('Sept');
    expect(month.test('Marching')).toBe(false);
  });
});

describe('a span of years', () => {
  const span = new RegExp(`^${YEAR_SPAN}$`);

  it('is a year, a dash or a slash, and a later year whole or by its last two digits, as every reader takes it', () => {
    for (const text of ['2021-22', '2021–2022', '2021—22', '2021/22', '2019/2020', '2018 - 19'])
      expect(span.test(text), text).toBe(true);
    // Four digits no year could be, or a single digit, are no span of years.
    for (const text of ['1200-2400', '2021-2', '2021-223', '2021 to 22']) expect(span.test(text), text).toBe(false);
  });

  it("ends in the year its last digits name, across a century only for one year's period", () => {
    expect([spanLast('2021', '22'), spanLast('2019', '2023'), spanLast('1999', '00'), spanLast('2021', '19')]).toEqual([
      2022, 2023, 2000, 2019,
    ]);
    expect([oneYearPeriod('2021', '22'), oneYearPeriod('2018', '2019'), oneYearPeriod('1999', '00')]).toEqual([
      true,
      true,
      true,
    ]);
    expect([oneYearPeriod('2016', '19'), oneYearPeriod('2021', '25'), oneYearPeriod('2021', '20')]).toEqual([
      false,
      false,
      false,
    ]);
  });
});

describe('findDate and parseDateValue', () => {
  it('read a day, a month in words and a year in either order', () => {
    expect(findDate('Filed on Sept. 4, 2019 by the clerk')?.iso).toBe('2019-09-04');
    expect(findDate('4 September 2019')?.iso).toBe('2019-09-04');
    expect(parseDateValue('D:20200301120000Z')).toBe('2020-03-01');
  });

  it('refuse a day the month does not have, and a date without a year', () => {
    expect(findDate('February 30, 2021')).toBeUndefined();
    expect(findDate('on Dec. 12 the board met')).toBeUndefined();
  });
});
