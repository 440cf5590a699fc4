import { describe, expect, it } from 'vitest';
import { headerless, tableRow } from '../../src/corpus/block.js';

describe('tableRow', () => {
  it("names a row's first cell by its column's header, as every other cell is named by its own", () => {
    const prices = ['tier', 'monthly fee', 'classes'];
    expect(tableRow(prices, ['Off-peak', '£18', '2 a week'])).toBe(
      'tier: Off-peak — monthly fee: £18; classes: 2 a week',
    );
    const budget = ['budget line', '2025-26', '2026-27'];
    expect(tableRow(budget, ['Grounds upkeep', '£41,000', ''])).toBe('budget line: Grounds upkeep — 2025-26: £41,000');
    const timetable = ['stop', 'first boat', 'last boat'];
    expect(tableRow(timetable, ['Mill Quay', '06:40', '22:15'])).toBe(
      'stop: Mill Quay — first boat: 06:40; last boat: 22:15',
    );
  });

  it('leaves a first cell unnamed when its header is empty, or when it is a time that says its own kind', () => {
    expect(tableRow(['', 'visitors'], ['Tuesdays', '120'])).toBe('Tuesdays — visitors: 120');
    expect(tableRow([], ['Long Bay', '£3'])).toBe('Long Bay — £3');
    for (const [header, first] of [
      ['month', 'July'],
      ['month', 'Sept 2025'],
      ['year', '2024'],
      ['year', '2022-23'],
      ['season', '2019/2020'],
      ['season', '2018 - 19'],
      ['season', '2018—19'],
      ['date', '3 May 2026'],
    ])
      expect(tableRow([header!, 'rainfall'], [first!, '61 mm'])).toBe(`${first} — rainfall: 61 mm`);
    // Four digits outside the years read anywhere else (1500 to 2199) are a code or a count, named by their column.
    expect(tableRow(['stop code', 'boardings'], ['4417', '312'])).toBe('stop code: 4417 — boardings: 312');
    expect(tableRow(['year', 'boardings'], ['1850', '312'])).toBe('1850 — boardings: 312');
    expect(tableRow(['month', 'rainfall'], ['July to August', '61 mm'])).toBe(
      'month: July to August — rainfall: 61 mm',
    );
  });
});

describe('headerless', () => {
  it('reads a first line of amounts after any sign the figure grammar reads, in any case, as a row', () => {
    expect(headerless(['Day ticket', 'US$4.50 a trip'])).toBe(true);
    expect(headerless(['Season ticket', 'us$120'])).toBe(true);
    expect(headerless(['Mooring', '€35 a night'])).toBe(true);
    expect(headerless(['Crossings', '1,240'])).toBe(true);
  });

  it('reads a first line of words, or of years, as the header', () => {
    expect(headerless(['ticket', 'price'])).toBe(false);
    expect(headerless(['item', '2025', '2026'])).toBe(false);
    expect(headerless(['Fare', 'USD 4.50'])).toBe(false);
  });
});
