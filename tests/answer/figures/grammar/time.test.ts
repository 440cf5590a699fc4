import { describe, expect, it } from 'vitest';
import { datesInSentences, figuresInSentence } from '../../../../src/answer/figures/grammar/index.js';
import { isBaseline, isTimeAt, relativePartAt, timeOrCountAt } from '../../../../src/answer/figures/grammar/time.js';
import { Reading } from '../../../../src/answer/figures/grammar/view.js';
import { tokenSentences } from '../../../../src/answer/figures/tokens.js';

/** The sentence read, and the index of the first token that is `word`. */
const at = (text: string, word: string): [Reading, number] => {
  const r = new Reading(text, tokenSentences(text)[0]!);
  return [r, r.t.findIndex((t) => t.text === word)];
};

describe('isTimeAt', () => {
  it('finds a year, a month or a date after any determiners, and not a count', () => {
    expect(isTimeAt(...at('Sales rose in the 2019 season.', 'the'))).toBe(true);
    expect(isTimeAt(...at('Sales rose in October.', 'October'))).toBe(true);
    expect(isTimeAt(...at('Sales rose to 400 crates.', '400'))).toBe(false);
    expect(isTimeAt(...at('Sales rose to 2000 crates.', '2000'))).toBe(false);
    expect(isTimeAt(...at('In May 15 people died.', '15'))).toBe(false);
    expect(isTimeAt(...at('Sales rose in 2000.', '2000'))).toBe(true);
  });

  it('finds a month and year joined by a hyphen, and a part of a year tied to now, which wink dates neither', () => {
    expect(isTimeAt(...at('Sales rose in Apr-2025.', 'Apr-2025'))).toBe(true);
    expect(isTimeAt(...at('Sales rose in Sept-24.', 'Sept-24'))).toBe(true);
    expect(isTimeAt(...at('Sales rose in the Apr-2025 batch.', 'the'))).toBe(true);
    expect(isTimeAt(...at('Sales will rise next quarter.', 'next'))).toBe(true);
    expect(relativePartAt(...at('The kiln fired 40 pots last spring.', 'last'))).toBe(true);
    expect(relativePartAt(...at('The kiln fired its last pots.', 'last'))).toBe(false);
  });
});

describe('figure times', () => {
  it('read "Apr-2025" as a time, as a table column writes a month', () => {
    expect(figuresInSentence('Pottery sales fell to 1,240 in Apr-2025.')[0]).toMatchObject({
      measure: 'Pottery sales',
      when: 'in Apr-2025',
    });
    expect(figuresInSentence('month: Apr-2025 — kiln firings: 31')[0]).toMatchObject({ when: 'Apr-2025' });
    expect(figuresInSentence('month: Apr-2025 — kiln firings: 31')[0]!.row).toBeUndefined();
  });

  it('read "next quarter" and "this quarter" as times, as "last quarter" is, never a noun a count counts', () => {
    for (const time of ['last quarter', 'next quarter', 'this quarter'])
      expect(figuresInSentence(`Kiln firings will reach 35 ${time}.`), time).toEqual([
        expect.objectContaining({ text: '35', measure: 'Kiln firings', when: time }),
      ]);
    expect(figuresInSentence('Kiln firings will reach 35 in the next quarter.')[0]).toMatchObject({
      when: 'in the next quarter',
    });
  });
});

describe('timeOrCountAt', () => {
  it('reads a number shaped like a year between a verb and a plural noun as a count, by the tags', () => {
    expect(timeOrCountAt(...at('The district has 1850 pupils.', '1850'))).toBe('count');
    expect(timeOrCountAt(...at('In 2020 the ferries carried 1850 cars.', '1850'))).toBe('count');
    expect(timeOrCountAt(...at('Ferry trips exceeded 2019 levels.', '2019'))).toBe('year');
    expect(timeOrCountAt(...at('The bakery opened in 1850.', '1850'))).toBe('year');
  });
});

describe('figuresInSentence', () => {
  it('gives a figure the part of a year its clause names in one word, as any year: 1500 to 2199', () => {
    for (const year of ['1750', '2022', '2150'])
      expect(figuresInSentence(`The mill ground 400 tonnes by mid-${year}.`).map((f) => [f.text, f.when])).toEqual([
        ['400 tonnes', `by mid-${year}`],
      ]);
  });
});

describe('figuresInSentence, a time tied to now', () => {
  it('reads "this", "next" or "current" before a unit of time as it reads "last": "this fiscal year"', () => {
    for (const [sentence, when] of [
      ['The council spent $3.5 million last year.', 'last year'],
      ['The council will spend $3.5 million next year.', 'next year'],
      ['The council will spend $3.5 million next month.', 'next month'],
      ['The council spent $3.5 million last fiscal year.', 'last fiscal year'],
      ['The council will spend $3.5 million this fiscal year.', 'this fiscal year'],
      ['The council will spend $3.5 million in the current fiscal year.', 'in the current fiscal year'],
      ['This calendar year the council will spend $3.5 million.', 'This calendar year'],
    ] as const)
      expect(
        figuresInSentence(sentence).map((f) => [f.text, f.when]),
        sentence,
      ).toEqual([['$3.5 million', when]]);
  });
});

describe('isBaseline', () => {
  it('tells a figure compared with from one stated: "up from", "compared with", "than"', () => {
    expect(isBaseline(...at('Sales reached 900, up from 700.', '700'))).toBe(true);
    expect(isBaseline(...at('Sales reached 900 compared with 700.', '700'))).toBe(true);
    expect(isBaseline(...at('Sales were higher than 700.', '700'))).toBe(true);
    expect(isBaseline(...at('The crates were trucked from 700 farms.', '700'))).toBe(false);
  });
});

describe('datesInSentences', () => {
  const dates = (sentence: string) =>
    datesInSentences([sentence])[0]!.map((f) => ({ text: f.text, value: f.value, unit: f.unit, measure: f.measure }));

  it('reads a year, a month and year or a full date as a date of what its clause is about', () => {
    expect(dates('The ferry service began in March 2009, when the council bought two boats.')).toEqual([
      { text: 'March 2009', value: 2009, unit: 'date', measure: 'ferry service' },
    ]);
    expect(dates('In March 2009 the ferry service began with two boats.')).toEqual([
      { text: 'March 2009', value: 2009, unit: 'date', measure: 'ferry service' },
    ]);
    expect(dates('The harbour bridge was opened on 4 May 2015 by the mayor.')).toEqual([
      { text: '4 May 2015', value: 2015, unit: 'date', measure: 'harbour bridge' },
    ]);
    expect(dates('The board of the harbour (BH) met on May the 18th.')).toEqual([
      { text: 'May the 18th', value: 18, unit: 'date', measure: 'board of the harbour' },
    ]);
    // An aside between dashes stands between the subject and its verb as one in brackets does.
    expect(dates('The harbour board – nine members in all – met on 4 May 2015.')).toEqual([
      { text: '4 May 2015', value: 2015, unit: 'date', measure: 'harbour board' },
    ]);
    expect(dates('The harbour board—nine members in all—met on 4 May 2015.')[0]?.measure).toBe('harbour board');
  });

  it('measures a year after a determiner by the noun phrase it modifies, with a count in its complement', () => {
    expect(dates('The worst case was the 2014 flood of the old harbour bridge.')).toEqual([
      { text: '2014', value: 2014, unit: 'date', measure: 'flood of the old harbour bridge' },
    ]);
    expect(dates('The best known case was the 2019 rescue of 12 sailors from the harbour ferry.')[0]?.measure).toBe(
      'rescue of 12 sailors from the harbour ferry',
    );
    expect(dates('In 2014 the harbour bridge flooded.')[0]?.measure).toBe('harbour bridge');
  });

  it('reads a part of a year hyphenated to it as the date it names, as when spelt apart', () => {
    expect(dates('The harbour survey was last carried out in mid-2022.')).toEqual([
      { text: 'mid-2022', value: 2022, unit: 'date', measure: 'harbour survey' },
    ]);
    expect(dates('Ferry crossings peaked in early-2019 and again in late 2021.').map((f) => f.text)).toEqual([
      'early-2019',
      'late 2021',
    ]);
  });

  it('reads the years something ran from and to as a date, written with "to", "through" or a dash', () => {
    const ran = (text: string) => ({ text, value: 1998, unit: 'date', measure: 'night ferry' });
    expect(dates('The night ferry ran from 1998 to 2004.')).toEqual([ran('from 1998 to 2004')]);
    expect(dates('The night ferry ran from 1998 through 2004.')).toEqual([ran('1998 through 2004')]);
    expect(dates('The night ferry ran from 1998–2004, when the bridge opened.')).toEqual([ran('1998–2004')]);
    expect(dates('Night ferry fares rose 8 percent from 1998.')).toEqual([]);
  });

  it("reads the dates of a sentence set in brackets as its own, not as a source's", () => {
    expect(dates('(The harbour board met in public on 12 May 2010, the first time in years.)')).toEqual([
      { text: '12 May 2010', value: 2010, unit: 'date', measure: 'harbour board' },
    ]);
    expect(dates('The harbour board met in public (Smith, 2010).')).toEqual([]);
  });

  it('reads the week of a date as that date, and a stretch of a year as none', () => {
    expect(dates('The harbour board met in the week of 12 May 2010.')).toEqual([
      { text: 'the week of 12 May 2010', value: 2010, unit: 'date', measure: 'harbour board' },
    ]);
    expect(dates('The ferries carried 2000 passengers in the first 10 months of 2010.')).toEqual([]);
  });

  it('reads a year named as one, "the year 2009" or "fiscal year 2021", as a date, and no unit counting years', () => {
    expect(dates('The orchard co-op sold more apples in fiscal year 2021 than in any year before.')).toEqual([
      { text: 'fiscal year 2021', value: 2021, unit: 'date', measure: 'orchard co-op' },
    ]);
    expect(dates('The pier was rebuilt in the year 2009 after a storm.')).toEqual([
      { text: 'the year 2009', value: 2009, unit: 'date', measure: 'pier' },
    ]);
    expect(dates('The harbour spent $2 million in calendar year 2020.').map((f) => f.text)).toEqual([
      'calendar year 2020',
    ]);
    // A stretch counted in years, and one ending on a date, are no year's name.
    expect(dates('Over the next two years 2023 and 2024 the pier will close.').map((f) => f.text)).toEqual(['2024']);
    expect(dates('The ferry carried 40,000 people in the 12 months to March 2022.')).toEqual([]);
  });

  it('reads a fiscal year as accounts write it, "FY2021", "FY 2021" or "financial year 2021", as a date', () => {
    for (const year of ['FY2021', 'FY 2021', 'financial year 2021']) {
      expect(dates(`The orchard co-op sold 400 crates in ${year}.`)).toEqual([
        { text: year, value: 2021, unit: 'date', measure: 'orchard co-op' },
      ]);
      // The year is no part of what the crates measure, and is a fiscal year, not the calendar year 2021.
      expect(figuresInSentence(`The orchard co-op sold 400 crates in ${year}.`)[0]).toMatchObject({
        measure: 'crates',
        when: `in ${year}`,
        period: 'fiscal year',
      });
    }
    // Two digits leave the century unsaid: a time, no date.
    expect(dates('The orchard co-op sold 400 crates in FY21.')).toEqual([]);
  });

  it('reads no year that ends a name, as a report or an event is named', () => {
    expect(dates('The Harbour Census 2021 found that the ferry began in March 2009.')).toEqual([
      { text: 'March 2009', value: 2009, unit: 'date', measure: 'ferry' },
    ]);
  });

  it('dates what "it" or "they" stands for when the sentence before names one thing of its number', () => {
    const measures = (...sentences: string[]) => datesInSentences([sentences.join(' ')])[0]!.map((f) => f.measure);
    // Two singular things before: which one was extended is a guess.
    expect(measures('The orchard trust planted a cider orchard in 1994.', 'It was extended in May 2015.')).toEqual([
      'orchard trust',
      undefined,
    ]);
    expect(measures('The cider orchard opened in 1994.', 'It was extended in May 2015.')).toEqual([
      'cider orchard',
      'cider orchard',
    ]);
    expect(measures('The beekeepers met at the orchard.', 'They moved in June 2016.')).toEqual(['beekeepers']);
    // Two plural things before: which one moved is a guess.
    expect(measures('The beekeepers met the growers at the orchard.', 'They moved in June 2016.')).toEqual([undefined]);
  });

  it('reads no stretch of time, baseline, source date in brackets or time without a year or day', () => {
    expect(dates('Fares have risen for 10 years, up from 2019 levels (Smith, 2020).')).toEqual([]);
    expect(dates('The ferries carried 2000 passengers in the 12 months ending in March 2022.')).toEqual([]);
    expect(dates('The ferry sailed again in March, as it did last year.')).toEqual([]);
  });
});

describe('bindTimes', () => {
  it('gives a figure the time before its colon, each cell of a table row the year of its column', () => {
    const row = 'budget line: Street lighting — 2025-26: £12,500; 2026-27: £13,100';
    expect(figuresInSentence(row).map((f) => [f.text, f.when])).toEqual([
      ['£12,500', '2025-26'],
      ['£13,100', '2026-27'],
    ]);
    expect(figuresInSentence('Visitors: 2024: 310,000; July 2025: 342,000').map((f) => f.when)).toEqual([
      '2024',
      'July 2025',
    ]);
  });

  it("reads a dateline opening the sentence as the piece's date, no figure's time", () => {
    // A correction and a press release of our own, their dateline run into the sentence after it.
    const correction = 'CORRECTION, 21 July 2026 The report counted 30 sailings that were cancelled in January.';
    expect(figuresInSentence(correction).map((f) => f.when)).toEqual(['in January']);
    expect(figuresInSentence('BRISTOL, 3 March 2025 — The council hired 40 officers.')[0]!.when).toBeUndefined();
    // A time after a word that is no label in capitals is the sentence's own.
    expect(figuresInSentence('Ferries, 2025: 40 sailings ran.')[0]!.when).toBe('2025');
  });

  it('reads a place named in lower case, a time and a dash opening the sentence as its dateline too', () => {
    // A harbour board's release of our own.
    expect(figuresInSentence('Portlow, March 3 — The board licensed 45 new moorings.')[0]!.when).toBeUndefined();
    expect(figuresInSentence('Port Ellis, 3 March 2025 — The board licensed 45 moorings.')[0]!.when).toBeUndefined();
    // An opening time after a word that names no place, or with no dash after it, is the sentence's own.
    expect(figuresInSentence('Meanwhile, March 3 — the day of the vote — saw 45 moorings let.')[0]!.when).toBe(
      'March 3',
    );
    expect(figuresInSentence('In March, 45 moorings were let.')[0]!.when).toBe('In March');
  });

  it("dates a figure by the time after what it measures, not by an earlier figure's time as near", () => {
    // A pottery's notes of our own: "in 2024" is as many words before "eleven fewer kilns" as "in 2025" is after it.
    const sentence = 'The guild fired 30 kilns at the works in 2024 and eleven fewer kilns at the works in 2025.';
    expect(figuresInSentence(sentence).map((f) => [f.text, f.when])).toEqual([
      ['30 kilns', 'in 2024'],
      ['eleven fewer kilns', 'in 2025'],
    ]);
  });

  it('reads no time in a length that says how often, nor runs one into the time after it', () => {
    // A watering contract of our own: "from May to September" is when the watering is, and the penalty has no time.
    for (const often of ['every 10 days', 'every 7 to 10 days'])
      expect(
        figuresInSentence(`Crews water every tree ${often} from May to September, with a penalty of £250 a tree.`).map(
          (f) => [f.text, f.when],
        ),
      ).toEqual([['£250', undefined]]);
  });

  it('reads a time anchored to now by any word the decision reads so ("the coming year", "the coming months")', () => {
    expect(figuresInSentence('The mill expects 300 orders in the coming months.').map((f) => f.when)).toEqual([
      'in the coming months',
    ]);
    expect(figuresInSentence('Some 2,000 homes will be built in the coming year.').map((f) => f.when)).toEqual([
      'in the coming year',
    ]);
  });
});
