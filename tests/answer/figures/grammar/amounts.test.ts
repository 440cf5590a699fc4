import { describe, expect, it } from 'vitest';
import {
  amountAt,
  bracketMeasureUnit,
  bracketUnit,
  fractionAt,
  hedgeAt,
  isBound,
  isLabel,
  rateAt,
  ratioAt,
} from '../../../../src/answer/figures/grammar/amounts.js';
import { figuresInSentence } from '../../../../src/answer/figures/grammar/index.js';
import { Reading } from '../../../../src/answer/figures/grammar/view.js';
import { tokenSentences } from '../../../../src/answer/figures/tokens.js';

/** The sentence read, and the index of the first token that is `word`. */
const at = (text: string, word: string): [Reading, number] => {
  const r = new Reading(text, tokenSentences(text)[0]!);
  const i = r.t.findIndex((t) => t.text === word);
  if (i < 0) throw new Error(`no token ${word} in ${text}`);
  return [r, i];
};
const amount = (text: string, word: string) => {
  const a = amountAt(...at(text, word));
  return a && { value: a.value, currency: a.currency, percent: a.percent, scale: a.scale, wordy: a.wordy };
};

describe('amountAt', () => {
  it('reads a number with its currency, scale and percent sign', () => {
    expect(amount('The mill cost $1.6 billion to build.', '$')).toEqual({
      value: 1.6e9,
      currency: 'USD',
      percent: false,
      scale: 1e9,
      wordy: false,
    });
    expect(amount('Yields fell 12.5 percent last year.', '12.5')).toMatchObject({ value: 12.5, percent: true });
    expect(amount('Yields fell 3 per cent.', '3')).toMatchObject({ value: 3, percent: true });
    expect(amount('The barn held 12,400 bales.', '12,400')).toMatchObject({ value: 12400, scale: 1 });
    expect(amount('They planted seven rows.', 'seven')).toMatchObject({ value: 7, wordy: true });
  });

  it('reads a number in words whole: its hyphen, its scales and its "and"', () => {
    expect(amount('Ninety-four choirs sang.', 'Ninety')).toMatchObject({ value: 94, scale: 1, wordy: true });
    // The unit after the hyphen is the number's, no amount of its own.
    expect(amount('Ninety-four choirs sang.', 'four')).toBeUndefined();
    expect(amount('They shipped two thousand three hundred tonnes.', 'two')).toMatchObject({
      value: 2300,
      scale: 100,
      wordy: false,
    });
    expect(amount('It cost three hundred and twenty thousand pounds.', 'three')).toMatchObject({
      value: 320_000,
      currency: 'GBP',
      scale: 1000,
    });
    expect(amount('They hired a dozen guides.', 'a')).toMatchObject({ value: 12, scale: 12, wordy: false });
    expect(amount('They hired a guide.', 'a')).toBeUndefined();
  });

  it('reads a minus sign glued before the digits, hyphen or U+2212, as a negative amount', () => {
    expect(amount('The cold store runs at -25 °C.', '-25')).toMatchObject({ value: -25 });
    expect(amount('The cold store runs at \u221225 °C.', '\u2212')).toMatchObject({ value: -25 });
    // The digits after the sign are read with it, at the sign, never again as a positive amount of their own.
    expect(amount('The cold store runs at \u221225 °C.', '25')).toBeUndefined();
  });

  it("reads a hyphenated name's sibling with its name left out as no amount, but a minus elsewhere", () => {
    expect(amount('Both Kinase-3, and -9 were raised.', '-9')).toBeUndefined();
    expect(amount('The tags ZR-2, -4 and -7 were read.', '-4')).toBeUndefined();
    expect(amount('The tags ZR-2, -4 and -7 were read.', '-7')).toBeUndefined();
    expect(amount('The cellar fell from 5 to -9 °C.', '-9')).toMatchObject({ value: -9 });
    expect(amount('Readings of -5, and -9 °C were logged.', '-9')).toMatchObject({ value: -9 });
  });

  it('reads no amount where no number stands, nor in a number after a currency sign read apart', () => {
    expect(amount('The mill cost $1.6 billion to build.', '1.6')).toBeUndefined();
    expect(amount('They planted the rows.', 'rows')).toBeUndefined();
  });
});

describe('bracketUnit', () => {
  /** The unit the first brackets of `text` give. */
  const unit = (text: string) => {
    const [r, open] = at(text, '(');
    const close = r.t.findIndex((t, k) => k > open && /^\):?$/.test(t.text));
    return bracketUnit(r, open, close);
  };

  it("reads a label's scale, currency and percent sign as a table's header writes them", () => {
    expect(unit('Bus journeys (millions) — 2023: 41.2')).toEqual({ scale: 1e6, percent: false });
    expect(unit('Budget (£000) — 2024: 1,250')).toEqual({ currency: 'GBP', scale: 1e3, percent: false });
    expect(unit("visits ('000): 310")).toEqual({ scale: 1e3, percent: false });
    expect(unit('grant ($bn): 3')).toEqual({ currency: 'USD', scale: 1e9, percent: false });
    expect(unit('share (%): 41.5')).toEqual({ scale: 1, percent: true });
    expect(unit('cost (€ thousands): 12')).toEqual({ currency: 'EUR', scale: 1e3, percent: false });
  });

  it('reads none from brackets saying what a figure counts, or anything else', () => {
    expect(unit('weight (tonnes): 3')).toBeUndefined();
    expect(unit('spend (2019 prices): 41')).toBeUndefined();
    expect(unit('grant (£m, excluding VAT): 3')).toBeUndefined();
  });

  it('reads a unit of measure or of time from brackets that hold nothing else', () => {
    const measured = (text: string) => {
      const [r, open] = at(text, '(');
      const close = r.t.findIndex((t, k) => k > open && /^\):?$/.test(t.text));
      return bracketMeasureUnit(r, open, close);
    };
    expect(measured('weight (tonnes): 3')).toBe('tonnes');
    expect(measured('quarry: North Pit — haul road (km): 4.5')).toBe('km');
    expect(measured('mean wait (hours): 4')).toBe('hours');
    expect(measured('yield (litres per day): 40')).toBe('litres per day');
    expect(measured('spend (2019 prices): 41')).toBeUndefined();
    expect(measured('staff (FTE): 41')).toBeUndefined();
    expect(measured('rate (per tonnes): 41')).toBeUndefined();
  });

  it('reads a unit divided by a unit of time written short, or by a unit of volume', () => {
    const measured = (text: string) => {
      const [r, open] = at(text, '(');
      const close = r.t.findIndex((t, k) => k > open && /^\):?$/.test(t.text));
      return bracketMeasureUnit(r, open, close);
    };
    // A river authority's and a clinic's tables of our own.
    expect(measured('speed limit (km/h): 30')).toBe('km/h');
    expect(measured('abstraction (Ml/d): 120')).toBe('Ml/d');
    expect(measured('ferritin (mg/L): 0.3')).toBe('mg/L');
    // A letter alone names no unit of time.
    expect(measured('crew (h): 4')).toBeUndefined();
  });
});

describe('fractionAt, ratioAt and rateAt', () => {
  it('read a share in words before "of", but not a part named or a time', () => {
    expect(fractionAt(...at('Two-thirds of the hives survived.', 'Two'))).toMatchObject({ value: 2 / 3 });
    expect(fractionAt(...at('Half of the hives survived.', 'Half'))).toMatchObject({ value: 0.5 });
    expect(fractionAt(...at('In the second half of the season hives died.', 'half'))).toBeUndefined();
    expect(fractionAt(...at('Half of 2021 was dry.', 'Half'))).toBeUndefined();
  });

  it('read the whole of "one in 10" and "3 out of 4", and a period after an amount', () => {
    const [r, i] = at('Three out of 4 growers sold early.', 'Three');
    expect(ratioAt(r, amountAt(r, i)!)).toMatchObject({ whole: 4 });
    const [s, j] = at('Only 5 in 2020 sold early.', '5');
    expect(ratioAt(s, amountAt(s, j)!)).toBeUndefined();
    // A whole named by a possessive as by "the"; one picked out of a whole so names a thing, and is no share of it.
    const [p, k] = at('Seven of our 14 orchards sold early.', 'Seven');
    expect(ratioAt(p, amountAt(p, k)!)).toMatchObject({ whole: 14 });
    const [o, m] = at('Bring it to one of our 60 stalls.', 'one');
    expect(ratioAt(o, amountAt(o, m)!)).toBeUndefined();
    const [q, n] = at('Only 1 of 4 growers sold early.', '1');
    expect(ratioAt(q, amountAt(q, n)!)).toMatchObject({ whole: 4 });
    expect(rateAt(...at('They sold 40 crates a week.', 'a'))).toMatchObject({ period: 'week' });
    expect(rateAt(...at('They sold 40 crates a day early.', 'day'))).toBeUndefined();
  });
});

describe('hedgeAt', () => {
  it('reads a negated comparison whole, as the opposite bound, and not its tail again', () => {
    expect(hedgeAt(...at('The new kiln will cost no more than $9,000.', 'no'))).toEqual(['no', 'more', 'than']);
    expect(hedgeAt(...at('Each crew keeps not fewer than 4 spare nets.', 'not'))).toEqual(['not', 'fewer', 'than']);
    expect(hedgeAt(...at('The new kiln will cost no more than $9,000.', 'more'))).toBeUndefined();
    expect(hedgeAt(...at('The new kiln will cost more than $9,000.', 'more'))).toEqual(['more', 'than']);
  });

  it('leaves a class bounded by a negated comparison unread as a count', () => {
    expect(isBound(...at('Potteries with no more than 10 staff pay less.', 'no'), true)).toBe(true);
    expect(figuresInSentence('Potteries with no more than 10 staff pay less.')).toEqual([]);
  });
});

describe('isLabel and isBound', () => {
  const label = (text: string, word: string) => {
    const [r, i] = at(text, word);
    return isLabel(r, amountAt(r, i)!);
  };

  it('tell a number that names or orders something from a count', () => {
    expect(label('Phase 2 began in spring.', '2')).toBe(true);
    expect(label('The market opens at 9 am.', '9')).toBe(true);
    expect(label('The market had 9 stalls.', '9')).toBe(false);
    // A small number after a lowercase singular noun, counting nothing after it, names it.
    expect(label('Fares fell after the opening of route 7 in May.', '7')).toBe(true);
    expect(label('The ferry leaves from pier 4.', '4')).toBe(true);
    expect(label('The bakery sold 40 loaves.', '40')).toBe(false);
    expect(label('The queue grew by 12 in an hour.', '12')).toBe(false);
  });

  it('read a number after a word numbering a kind as naming it, whatever the tagger reads the word as', () => {
    expect(label('Cows with type 2 lameness were rested.', '2')).toBe(true);
    expect(label('The herd moved on to type 2 lameness within a year.', '2')).toBe(true);
    expect(label('The vet keeps class 3 lasers in a locked box.', '3')).toBe(true);
    expect(label('The dairy hired 12 milkers.', '12')).toBe(false);
  });

  it("read a whole number after a capitalised noun and before a lowercase word as the name's", () => {
    expect(label('Crew 3 rowed 400 metres before the weir.', '3')).toBe(true);
    expect(label('Route 66 carried 4,000 cars a day.', '66')).toBe(true);
    // A count after a hedge, a determiner or an adverb, or before a title-cased word, is still a count.
    expect(label('Some 500 were waiting at the gate.', '500')).toBe(false);
    expect(label('Another 12 arrived later.', '12')).toBe(false);
    expect(label('Perhaps 30 people came.', '30')).toBe(false);
    expect(label('Valley Farms Hire 40 Pickers', '40')).toBe(false);
  });

  it('read a rate\'s base as no figure of its own, and a spacing after a bare "every" as one', () => {
    expect(label('The ward saw 4.5 falls per 1,000 bed days.', '1,000')).toBe(true);
    expect(label('Clinics treat 12 patients for every 100 visits.', '100')).toBe(true);
    expect(label('Three in every 10 allotments are let.', '10')).toBe(true);
    expect(label('Ferries carry 3 cars for every 1 million passengers.', '1')).toBe(true);
    expect(label('Benches stand every 200 metres.', '200')).toBe(false);
    expect(label('The ward saw 4.5 falls per 1,000 bed days.', '4.5')).toBe(false);
  });

  it('tell a number that bounds a class from one that counts it', () => {
    expect(isBound(...at('Drivers under 25 pay more.', 'under'), false)).toBe(true);
    expect(isBound(...at('Growers aged 65 retired.', '65'), false)).toBe(true);
    expect(isBound(...at('Farms with fewer than 50 workers closed.', 'fewer'), true)).toBe(true);
    expect(isBound(...at('Farms hired 50 workers.', '50'), true)).toBe(false);
  });

  it('read a bare number open at one end as a bound, a sum, a share or a phrase after it as none', () => {
    expect(isBound(...at('Volunteers must be 18 or over.', '18'), false)).toBe(true);
    expect(isBound(...at('Children 5 and under travel free.', '5'), false)).toBe(true);
    expect(isBound(...at('Members 70 or older pay half.', '70'), false)).toBe(true);
    expect(isBound(...at('The fee is £20 or under for most.', '20'), false)).toBe(false);
    expect(isBound(...at('Sales fell 12 percent and above all profits halved.', '12'), false)).toBe(false);
    expect(isBound(...at('The plant will employ 300 and over the next year 500 more.', '300'), false)).toBe(false);
    expect(isBound(...at('Between 18 and 24 people applied.', '18'), true)).toBe(false);
    expect(isBound(...at('65 and older residents numbered 4,000.', '4,000'), true)).toBe(false);
  });
});
