import { describe, expect, it, vi } from 'vitest';
import {
  amountsIn,
  analyseQuery,
  asWrittenIn,
  coverage,
  decide,
  evidence,
  mentionsMonth,
  mentionsQuarter,
  mentionsYear,
  namesCode,
  definesAsked,
  namesRarely,
  ranks,
  saysWhen,
  stepDown,
  withoutLinks,
  withYears,
  missing,
  type AnalysedQuery,
} from '../../src/search/query.js';
import { DEFAULT_RANKING } from '../../src/search/ranking.js';
import { WORDNET_DIR } from '../../src/search/wordnet.js';
import { ask } from '../../src/answer/ask.js';
import { Dossier } from '../../src/engine/dossier.js';
import { note, withCorpus } from '../support/corpus.js';

/** How much of a text around a number the engine reads by default. */
const { numberContext } = DEFAULT_RANKING.query;

/** The question as the engine reads it over this corpus, with its own ranking options. */
const analysed = (dossier: Dossier, question: string) => analyseQuery(question, dossier.index, dossier.ranking.query);

describe('coverage', () => {
  it('counts a quantity word ("murder count", "how big") as covered by a passage that states a figure', async () => {
    await withCorpus(
      {
        'a.md': note('Violence', 'Murders reached 34,500 in 2019.\n\nHow one counts the groups matters.'),
      },
      async (dossier) => {
        const query = analysed(dossier, 'murder count');
        expect(query.words.map((w) => w.quantity)).toEqual([undefined, 'figure']);
        expect(analysed(dossier, 'how big is it').words.map((w) => w.quantity)).toContain('figure');
        const murder = query.words[0]!.terms;
        expect(coverage(query, murder, amountsIn('Murders were counted.', numberContext))).toBeLessThan(1);
        expect(coverage(query, murder, amountsIn('Murders reached 34,500.', numberContext))).toBe(1);
      },
    );
  });

  it('weighs a word said twice once', async () => {
    await withCorpus(
      { 'a.md': note('Cells', 'Plasmids sediment slowly.\n\nGradients of sucrose.') },
      async (dossier) => {
        const query = analysed(dossier, 'plasmids in sucrose, more plasmids');
        expect(query.words.map((w) => w.word)).toEqual(['plasmids', 'sucrose']);
        expect(coverage(query, ['sucros'])).toBeCloseTo(0.5, 1);
      },
    );
  });

  it('counts "money" as covered only by a sum of money', async () => {
    await withCorpus({ 'a.md': note('Revenue', 'Cartels earn $20 billion a year.') }, async (dossier) => {
      const query = analysed(dossier, 'how much money do cartels earn');
      const money = query.words.find((w) => w.word === 'money')!;
      expect(money.quantity).toBe('money');
      const others = query.words.filter((w) => w !== money).flatMap((w) => w.terms);
      expect(coverage(query, others, amountsIn('They earn more than in 2019.', numberContext))).toBeLessThan(1);
      expect(coverage(query, others, amountsIn('They earn $20 billion.', numberContext))).toBe(1);
      expect(amountsIn('some 30 billion pesos', numberContext).money).toBe(true);
    });
  });

  it('credits part of an alternative by its share, a rare sense and a word of money only beside another word', () => {
    const word = (term: string, weight: number, more: object = {}) => ({
      word: term,
      term,
      weight,
      known: true,
      ...more,
    });
    const query = {
      words: [
        word('ferri', 2, { alternatives: [{ terms: ['boat', 'vessel'], weight: 0.8, via: 'wordnet' }] }),
        word('harbour', 1, { alternatives: [{ terms: ['port'], weight: 0.9, via: 'rare', gated: true }] }),
        word('fare', 1, { alternatives: [], priced: true }),
      ],
    } as unknown as AnalysedQuery;
    const sum = { figure: true, money: true };
    // Half of "boat vessel": 0.8 / 2 of the ferry's weight of 2, of 4 in all.
    expect(coverage(query, ['boat', 'port'], sum)).toBe(0.2);
    expect(missing(query, ['boat', 'port'], sum).map((w) => w.term)).toEqual(['harbour', 'fare']);
    // Ordering passages, the rare sense and the sum count beside the ferry's half.
    expect(coverage(query, ['boat', 'port'], sum, true)).toBe((0.8 + 0.9 + 1) / 4);
    expect(coverage(query, ['boat', 'port'], { figure: false, money: false }, true)).toBe((0.8 + 0.9) / 4);
    expect(coverage(query, ['port'], sum, true)).toBe(0);
    expect(coverage(query, new Set(['ferri']), sum, true)).toBe(0.75);
  });
});

describe('amountsIn', () => {
  it('finds a sum of money written with any sign or word of the currency table, and no other figure', () => {
    for (const money of ['$5', 'US$ 5', '€4m', '£3', '5 dollars', '5 USD', '2 million pounds', '40 pesos'])
      expect(amountsIn(`It cost ${money}.`, numberContext), money).toMatchObject({ figure: true, money: true });
    expect(amountsIn('It weighed 5 kg.', numberContext)).toMatchObject({ figure: true, money: false });
    expect(amountsIn('It cost dollars.', numberContext)).toMatchObject({ figure: false, money: false });
  });

  it('reads the text for what it is asked of, once, and not before', () => {
    const matchAll = vi.spyOn(String.prototype, 'matchAll');
    const test = vi.spyOn(RegExp.prototype, 'test');
    try {
      const said = amountsIn('The ferry carried 400 passengers for $5 each in 2019.', numberContext);
      expect([matchAll.mock.calls.length, test.mock.calls.length]).toEqual([0, 0]);
      expect([said.figure, said.money]).toEqual([true, true]);
      const reads = [matchAll.mock.calls.length, test.mock.calls.length];
      expect(reads.every((n) => n > 0)).toBe(true);
      expect([said.figure, said.money]).toEqual([true, true]);
      expect([matchAll.mock.calls.length, test.mock.calls.length]).toEqual(reads);
    } finally {
      matchAll.mockRestore();
      test.mockRestore();
    }
  });

  it('tells which kinds of time a text says, for a question asking what year, month, date or time', () => {
    const times = (text: string) => {
      const said = amountsIn(text, numberContext);
      return [said.year, said.month, said.day, said.clock];
    };
    expect(times('The night ferry began in March 2019.')).toEqual([true, true, false, false]);
    expect(times('The last ferry sails at 9 pm.')).toEqual([false, false, false, true]);
    expect(times('The fair opens on 3 May at 10:30.')).toEqual([false, true, true, true]);
    expect(times('The ferry carries 400 passengers.')).toEqual([false, false, false, false]);
    // "What day" is given by a day of the week or of a month; "what date" only by the latter.
    const days = (text: string) => {
      const said = amountsIn(text, numberContext);
      return [said.weekday, said.day];
    };
    expect(days('The night ferry sails on Fridays and Saturdays.')).toEqual([true, false]);
    expect(days('The fair opens on 3 May.')).toEqual([true, true]);
    expect(days('The ferry sails in March.')).toEqual([false, false]);
  });

  it('takes a date or a year standing alone for when, not how much', () => {
    for (const when of [
      'By 2022 the force was deployed (Ruiz, 2023).',
      'She testified on December 12, 2018.',
      '3rd May',
      'It opened on 5 Mar. and closed on 9 Sept',
    ])
      expect(amountsIn(when, numberContext).figure, when).toBe(false);
    for (const much of [
      'In 2019 it sent 25,000 members.',
      'It rose by 2019 percent.',
      'It cost $2019.',
      'By 2022, 1.5 tonnes',
      // A word that begins like a month's short name after a number is no date.
      'It trained 12 junior officers.',
      'It lasted 3 decades.',
      'The unit had 5 marines.',
      'It met 3 mayors.',
      'It emptied 4 septic tanks.',
    ])
      expect(amountsIn(much, numberContext).figure, much).toBe(true);
  });

  it('takes a number shaped like a year or a day for a count where its words say one, as the figures do', () => {
    for (const much of [
      '2000 officers were hired.',
      'Last week 1800 trucks crossed the bridge.',
      'The school has about 1500 pupils.',
      'In May 15 people died in ferry accidents.',
    ])
      expect(amountsIn(much, numberContext).figure, much).toBe(true);
    for (const when of [
      'The bakery opened in 2000.',
      'The line will close by 1999.',
      'Fares have risen since 2015.',
      'The 2020 budget was cut.',
      'Fares rose in 2019–2021.',
      'On May 15 ferries sailed again.',
    ])
      expect(amountsIn(when, numberContext).figure, when).toBe(false);
  });
});

describe('the text read around a number', () => {
  it('is as much as the ranking options say, not always the defaults', () => {
    // Read without the word after it, "2000 drivers" loses what makes it a count and stands as a year.
    const text = '2000 drivers were hired.';
    const narrow = { ...numberContext, after: 0 };
    expect([amountsIn(text, numberContext).figure, saysWhen(text, numberContext)]).toEqual([true, false]);
    expect([amountsIn(text, narrow).figure, saysWhen(text, narrow)]).toEqual([false, true]);
  });
});

describe('what a question asks for', () => {
  it.each([
    ['how many boats were seized', true, true, false],
    ['the number of seized boats', true, true, false],
    ['how much did the boats cost', true, false, false],
    ['share of boats seized, in %', true, false, true],
    ['what proportion of boats were seized', false, false, true],
    ['boats seized at the port', false, false, false],
  ])('%s: an amount %s, a count %s, a share %s', async (question, amount, count, share) => {
    await withCorpus({ 'a.md': note('Port', 'The navy seized 12 boats.') }, async (dossier) => {
      const query = analysed(dossier, question);
      expect([query.wantsFigure, query.wantsCount, query.wantsShare]).toEqual([amount, count, share]);
    });
  });
});

describe('a modal verb that is also a noun', () => {
  it('is no word of the question as the auxiliary, and one as the noun', async () => {
    const files = {
      'a.md': note('Council', 'The council will vote on the new shelter. The mayor lacks the will to act.'),
    };
    await withCorpus(files, (dossier) => {
      const words = (question: string) => analysed(dossier, question).words.map((w) => w.word);
      expect(words('when will the hospital stop get a shelter')).toEqual(['hospital', 'stop', 'shelter']);
      expect(words('how big will the shelter be')).not.toContain('will');
      expect(words('the council will vote when')).not.toContain('will');
      expect(words('does the mayor have the will to act')).toContain('will');
      expect(words('lack of political will')).toContain('will');
      expect(words('political will in the council')).toContain('will');
    });
  });
});

describe('the kind of answer a question asks for', () => {
  it('is a time, a count, a share or an amount only where the question itself asks for one', async () => {
    await withCorpus({ 'a.md': note('Ferries', 'The ferry sails at noon.') }, async (dossier) => {
      const asks = (question: string) => analysed(dossier, question).asks;
      for (const q of ['when did the ferry start', 'so when did the school open?', 'ferry to the island - until when'])
        expect(asks(q), q).toBe('time');
      for (const q of ['which year did the bakery close', 'ferry timetable, when?', 'what date is the school fair'])
        expect(asks(q), q).toBe('time');
      for (const q of ['how many ferries sank', 'number of pupils per class']) expect(asks(q), q).toBe('count');
      expect(asks('what share of pupils walk to school')).toBe('share');
      for (const q of ['how much did the bridge cost', 'how big is the new school']) expect(asks(q), q).toBe('amount');
      // A statement's "when" or "number of" asks for nothing, as a claim's do.
      for (const q of ['fares rise when fuel costs more', 'storms raise the number of ferries cancelled', 'ferries'])
        expect(asks(q), q).toBeUndefined();
    });
  });
});

describe('what a question asking how many counts', () => {
  it('is the words the corpus knows right after its asking phrase, up to the first stop word', async () => {
    const text =
      'Ferries sail to the island. Pupils walk to school. People queue at the bakery for hours. ' +
      'Two ferries sank and nine sailors drowned. Armed guards watch the harbour.';
    await withCorpus({ 'a.md': note('Town', text) }, async (dossier) => {
      const counted = (question: string) => analysed(dossier, question).counted?.map((w) => w.word);
      expect(counted('how many ferries sail on sundays')).toEqual(['ferries', 'sail']);
      expect(counted('number of pupils at the island school')).toEqual(['pupils']);
      // Words the corpus lacks ("lorries") cannot tell a count apart; a quantity word names no kind of thing.
      expect(counted('how many lorry ferries')).toEqual(['ferries']);
      expect(counted('number of total ferries')).toEqual(['ferries']);
      // A past form first says what those counted did, not what they are; before a noun it only narrows it.
      expect(counted('how many drowned when the ferries sank')).toBeUndefined();
      expect(counted('how many armed guards')).toEqual(['guards']);
      // After the kind, a past form says what those counted did ("sailors drowned"): a count of the drowned is of no
      // sailors unless it names them.
      expect(counted('number of sailors drowned since 2010')).toEqual(['sailors']);
      // "times" asks for a multiple, "people" counts anyone; a stop word first, or no count asked, names nothing.
      for (const q of ['how many times longer is the queue', 'how many people queue', 'how many do sail', 'ferries'])
        expect(counted(q), q).toBeUndefined();
      expect(counted('how much do ferries cost')).toBeUndefined();
      // A statement about a number, as a claim makes one, is no question asking for it.
      expect(counted('The number of pupils rose when the ferries began')).toBeUndefined();
    });
  });
});

describe('what a question asking which one of a kind names', () => {
  it('is the first word after "which" that is no number, unless a stop word or a time comes first', async () => {
    const text = 'Two ferries sail to the island. The harbour office prints the timetable every spring.';
    await withCorpus({ 'a.md': note('Town', text) }, async (dossier) => {
      const kind = (question: string) => analysed(dossier, question).kind;
      expect(kind('which ferry sails to the island')).toMatchObject({ word: 'ferry', known: true });
      // Known or not: a kind the corpus never names is what the decision reads it for.
      expect(kind('which company prints the timetable')).toMatchObject({ word: 'company', known: false });
      expect(kind('so which two companies print the timetable')?.word).toBe('companies');
      expect(kind('which 3 ferries sail')?.word).toBe('ferries');
      // Inside a sentence "which" is as often a relative pronoun, naming no kind.
      expect(kind('the office prints the timetable, which ferries hand out')).toBeUndefined();
      // A stop word first names no kind ("which is", "which of them"); "which year" asks a time, as "when" does.
      for (const q of ['which is the ferry to the island', 'which of the ferries sails', 'which year did it sail'])
        expect(kind(q), q).toBeUndefined();
      expect(kind('the ferry to the island')).toBeUndefined();
    });
  });
});

describe('what a question asking whether there is some thing names', () => {
  it('is the head of the words after "is there" or "any", the last before a stop word or mark', async () => {
    const text = 'Two ferries sail to the island. The harbour office prints the timetable every spring.';
    await withCorpus({ 'a.md': note('Town', text) }, async (dossier) => {
      const thing = (question: string) => analysed(dossier, question).thing?.word;
      expect(thing('is there a reward for the ferry crew')).toBe('reward');
      expect(thing('is there an extra ferry timetable in winter')).toBe('timetable');
      expect(thing('are there any ferries on sundays')).toBe('ferries');
      expect(thing('ok any luck with the timetable?')).toBe('luck');
      // A word typed with hyphens is one word of the phrase, though a stop word stands inside it.
      expect(thing('any island-to-island ferry at night')).toBe('ferry');
      expect(thing('is there enough room on the ferry')).toBe('room');
      // A question not asking whether there is one names none.
      for (const q of ['is the ferry there on sundays', 'the ferry is there', 'is there on the ferry'])
        expect(thing(q), q).toBeUndefined();
    });
  });
});

describe('the years a question pins its answer to', () => {
  it('are those it names standing alone that no passage names', async () => {
    const text = 'The ferry carried 9,000 passengers in 2021 and 11,000 in 2022.';
    await withCorpus({ 'a.md': note('Ferry', text) }, async (dossier) => {
      const years = (question: string) => analysed(dossier, question).years;
      expect(years('ferry passengers in 2019')).toEqual(['2019']);
      expect(years('ferry passengers for fy2019 and 2020')).toEqual(['2019', '2020']);
      // A year the corpus names is no time it lacks; a count, a code or a span of years pins none.
      for (const q of ['ferry passengers in 2022', 'about 2000 passengers', 'the X1998 ferry', 'between 1990 and 1995'])
        expect(years(q), q).toBeUndefined();
      expect(years('ferry passengers 2015-2019')).toBeUndefined();
      // A year the answer is compared with is no time it is of: a change may be given in other words.
      for (const q of ['ferry passengers vs fy2019', 'more passengers than in 2019', 'passenger growth since 2019'])
        expect(years(q), q).toBeUndefined();
    });
  });

  it("include the first year of one year's period written with a dash, as fiscal years are", async () => {
    const text = 'The ferry carried 9,000 passengers in 2021-22 and 11,000 in 2022-23.';
    await withCorpus({ 'a.md': note('Ferry', text) }, async (dossier) => {
      const years = (question: string) => analysed(dossier, question).years;
      expect(years('ferry passengers in 2018-19')).toEqual(['2018']);
      expect(years('ferry passengers in 2018–2019')).toEqual(['2018']);
      // A longer span, or two years said as a span in words, still asks over it; a period the corpus names is no time
      // it lacks.
      for (const q of ['ferry passengers 2016-19', 'ferry passengers from 2018 to 2019', 'ferry passengers in 2021-22'])
        expect(years(q), q).toBeUndefined();
    });
  });
});

describe('the months a question pins its answer to', () => {
  it("are those it names as a time: after a word saying when, beside a date's digits, or as a possessive", async () => {
    await withCorpus({ 'a.md': note('Ferry', 'The ferry carried 9,000 passengers in August.') }, async (dossier) => {
      const months = (question: string) => analysed(dossier, question).months;
      expect(months('ferry passengers in july')).toEqual([7]);
      expect(months("July's ferry passengers")).toEqual([7]);
      expect(months('ferry passengers by may 2024')).toEqual([5]);
      expect(months('ferry timetable for 3 jan')).toEqual([1]);
      expect(months('ferry fares mid-june')).toEqual([6]);
      // "may" and "march" elsewhere are a verb, a short name beside no digits is a name, and a baseline is no time of
      // the answer; a month the corpus names is pinned all the same: it is the passages answering that must say it.
      for (const q of ['the ferry may stop', 'did the crews march', 'jan said the ferry was late', 'fares since march'])
        expect(months(q), q).toBeUndefined();
      expect(months('ferry passengers in august')).toEqual([8]);
    });
  });
});

describe('the quarters a question pins its answer to', () => {
  it('are those it names, by "q" and a number or in words, each with the year written after it', async () => {
    await withCorpus({ 'a.md': note('Ferry', 'The ferry carried 9,000 passengers in Q2 2024.') }, async (dossier) => {
      const quarters = (question: string) => analysed(dossier, question).quarters;
      expect(quarters('ferry passengers in q2 2025')).toEqual([{ quarter: 2, year: '2025' }]);
      expect(quarters('ferry passengers, third quarter')).toEqual([{ quarter: 3 }]);
      expect(quarters('ferry passengers in the 4th quarter of 2023')).toEqual([{ quarter: 4, year: '2023' }]);
      // A baseline is no time of the answer, and "quarter" alone names none.
      for (const q of ['ferry passengers since q1', 'a quarter of ferry passengers', 'quarterly ferry passengers'])
        expect(quarters(q), q).toBeUndefined();
    });
  });

  it('read the year written before the quarter or joined to it, and two digits after an apostrophe', async () => {
    await withCorpus({ 'a.md': note('Ferry', 'The ferry carried 9,000 passengers in Q2 2024.') }, async (dossier) => {
      const quarters = (question: string) => analysed(dossier, question).quarters;
      for (const q of ['ferries 2024 Q2', 'ferries Q2-2024', "ferries Q2 '24", 'ferries 2Q24', 'ferries 2q2024'])
        expect(quarters(q), q).toEqual([{ quarter: 2, year: q.includes('2Q24') ? '24' : '2024' }]);
      // Two digits joined by a dash or a slash alone are a year, kept as written; after a space they may be a count,
      // and a year before a baseline's quarter is the baseline's.
      for (const q of ['ferries Q2-24', 'ferries Q2/24']) expect(quarters(q), q).toEqual([{ quarter: 2, year: '24' }]);
      expect(quarters('ferries in q2 40 sailings')).toEqual([{ quarter: 2 }]);
      expect(quarters('ferries since 2023 q2')).toBeUndefined();
    });
  });

  it('keep a fiscal quarter apart from the calendar quarter of its number', async () => {
    await withCorpus({ 'a.md': note('Ferry', 'The ferry carried 9,000 passengers in Q2 2024.') }, async (dossier) => {
      const quarters = (question: string) => analysed(dossier, question).quarters;
      for (const q of ['ferries Q2 FY2024', 'ferries FY24 Q2', 'ferries in Q2 of fiscal 2024', 'ferries FQ2 2024'])
        expect(quarters(q), q).toEqual([{ quarter: 2, year: '2024', fiscal: true }]);
      for (const q of ['ferries in fiscal Q2', 'ferries, second fiscal quarter'])
        expect(quarters(q), q).toEqual([{ quarter: 2, fiscal: true }]);
    });
  });
});

describe('mentionsQuarter', () => {
  it('finds a quarter by its name or its months, and its year beside the name or anywhere with the months', () => {
    const q2of2025 = { quarter: 2, year: '2025' };
    for (const text of ['quarter: Q2 2025 — passengers: 9,000', 'In the second quarter of 2025', 'April to June 2025'])
      expect(mentionsQuarter(text, q2of2025), text).toBe(true);
    for (const text of ['quarter: Q2 2026 — passengers: 9,000', 'quarter: Q4 2025', 'July to September 2025'])
      expect(mentionsQuarter(text, q2of2025), text).toBe(false);
    expect(mentionsQuarter('Passengers in Q2 rose.', { quarter: 2 })).toBe(true);
  });

  it('reads the year however it is joined to the quarter, whole or by its last two digits', () => {
    for (const text of [
      '2025 Q2: 9,000 passengers',
      'Q2-2025 passengers',
      "Passengers rose in Q2 '25.",
      '2Q25 results',
    ])
      expect(mentionsQuarter(text, { quarter: 2, year: '2025' }), text).toBe(true);
    expect(mentionsQuarter('Q2 2025 passengers', { quarter: 2, year: '25' })).toBe(true);
    expect(mentionsQuarter('In Q2 25 sailings were cancelled.', { quarter: 2, year: '2025' })).toBe(false);
  });

  it('names a fiscal quarter only as fiscal, never by calendar months: when its year starts is unsaid', () => {
    const fiscal = { quarter: 2, year: '2025', fiscal: true as const };
    for (const text of [
      'Q2 FY2025 passengers',
      'In fiscal 2025 Q2 passengers rose.',
      'The second fiscal quarter of 2025',
    ])
      expect(mentionsQuarter(text, fiscal), text).toBe(true);
    for (const text of ['Q2 2025 passengers', 'April to June 2025', 'Q2 FY2026 passengers'])
      expect(mentionsQuarter(text, fiscal), text).toBe(false);
    expect(mentionsQuarter('Q2 FY2025 passengers', { quarter: 2, year: '2025' })).toBe(false);
  });
});

describe('mentionsMonth', () => {
  it('finds a month written as running text writes one, or held by a range of months', () => {
    for (const text of [
      'Fares rose in July.',
      'on 3 Jul 2025',
      'from June to August',
      'June–Sept',
      'November to August',
    ])
      expect(mentionsMonth(text, 7), text).toBe(true);
  });

  it('finds none in other months, two months joined by "and", or a word spelt as a month', () => {
    for (const text of ['Fares rose in June.', 'in June and August', 'from August to October', 'you may park'])
      expect(mentionsMonth(text, text.includes('may') ? 5 : 7), text).toBe(false);
  });
});

describe('mentionsYear', () => {
  it('finds a year as digits, in a fiscal year, or held by a range of years', () => {
    for (const text of ['Fares rose in 2019.', 'in FY2019', 'from 2017 to 2021', 'between 2018 and 2020', '2018–20'])
      expect(mentionsYear(text, '2019'), text).toBe(true);
    // A span with a slash, as a table's cell and a chart's label read one (`YEAR_SPAN`).
    expect(mentionsYear('Fares in 2018/20', '2019')).toBe(true);
  });

  it('finds none in other years, a longer number, or two years joined by "and"', () => {
    for (const text of ['Fares rose in 2018.', 'It cost 20190 pounds', 'in 2018 and 2020', 'from 2020 to 2022'])
      expect(mentionsYear(text, '2019'), text).toBe(false);
    // Four digits no year could be (`YEAR_DIGITS`) are a range of pages or counts, holding no year.
    for (const text of ['pages 1200-2400', 'from 1000 to 2500 people'])
      expect(mentionsYear(text, '2019'), text).toBe(false);
  });
});

describe('saysWhen', () => {
  it('finds a year, a day of a month, a month by name, a time of day or a word of time', () => {
    for (const text of [
      'The ferry began in 1990.',
      'Schools reopen on 3 May.',
      'In March the bakery closed.',
      'The library opens at 10 am.',
      'The bakery opens on Saturday.',
      'The line opened a year ago.',
    ])
      expect(saysWhen(text, numberContext), text).toBe(true);
  });

  it('finds none in amounts, nor in "may" and "march" written as other words', () => {
    for (const text of [
      'The ferry carries 2000 passengers a day.',
      'About 40 percent of pupils walk, and bands may march.',
      'Fares cost $5 a year.',
      'Bakers sell bread.',
    ])
      expect(saysWhen(text, numberContext), text).toBe(false);
  });
});

describe('decide', () => {
  const answer = { minCoverage: 0.4, minEvidence: 1.5, confidentCoverage: 0.6, askedNear: 1 };
  it('answers partly a long question whose best passage shares rare words, though little of the question', () => {
    expect(decide(0.7, answer)).toBe('confident');
    expect(decide(0.45, answer)).toBe('partial');
    expect(decide(0.2, answer, 1)).toBe('none');
    expect(decide(0.2, answer, 2)).toBe('partial');
  });

  it('answers at least partly when some passage holds a code the question names', () => {
    expect(decide(0.1, answer, 0.5, true)).toBe('partial');
    expect(decide(0.7, answer, 0, true)).toBe('confident');
    expect(stepDown(decide(0.1, answer, 0, true))).toBe('none');
  });

  it('answers one step less surely when the closest passages do not give the kind of answer asked for', () => {
    expect(decide(0.7, answer, 0)).toBe('confident');
    expect(stepDown(decide(0.7, answer, 0))).toBe('partial');
    expect(stepDown(decide(0.45, answer, 0))).toBe('none');
    expect(stepDown(decide(0.2, answer, 2))).toBe('none');
    expect(stepDown('none')).toBe('none');
  });

  it('counts evidence in words no passage holds: rare words count more than common ones', async () => {
    await withCorpus(
      {
        'a.md': note('Cells', 'Plasmids of cells sediment.\n\nGradients of sucrose in cells.\n\nMembranes of cells.'),
      },
      async (dossier) => {
        const rare = analysed(dossier, 'plasmids sucrose');
        const common = analysed(dossier, 'plasmids cells');
        expect(evidence(rare, 1)).toBeGreaterThan(evidence(common, 1));
        expect(evidence(rare, 1)).toBeLessThan(2);
        expect(evidence(rare, 0.5)).toBeCloseTo(evidence(rare, 1) / 2);
      },
    );
  });

  it('counts two words the corpus never writes apart, typed together, as one piece of evidence: one name', async () => {
    await withCorpus(
      {
        'a.md': note(
          'Valley',
          'Hollow Creek flooded the fields in spring.\n\nSalmon came back to Hollow Creek.\n\n' +
            'The mill ground barley.\n\nFerries carry walkers over the lake.',
        ),
      },
      async (dossier) => {
        const shared = (question: string) => {
          const query = analysed(dossier, question);
          return evidence(
            query,
            1,
            query.words.map((w) => w.term),
          );
        };
        // "Hollow Creek" is one name, held by the same two passages: as telling as either word alone.
        expect(shared('hollow creek')).toBeCloseTo(shared('hollow'));
        // Typed apart, or beside a word the corpus writes elsewhere too, each word counts.
        expect(shared('hollow or creek')).toBeCloseTo(2 * shared('hollow'));
        expect(shared('creek fields')).toBeGreaterThan(shared('fields') + shared('hollow') / 2);
      },
    );
  });
});

/** Words that a careless spelling or prefix rule would make of other real words ("mourning", "research"). */
const LOOKALIKES = {
  'a.md': note('Dawn', 'In the morning they filed forth with poets and pets.'),
  'b.md': note('Clinic', 'Members searched the liver for cents, and a center stood.'),
};

describe('a word the corpus lacks', () => {
  it('weighs more the more specific it is: a name or one-sense word over a common word, a code least', async () => {
    await withCorpus(
      { 'a.md': note('Bakeries', 'Bakers sold bread at the market.') },
      (dossier) => {
        const query = analysed(dossier, 'bread from guatemala canadian naloxone crackdown cops rpl23 recieve');
        const weight = Object.fromEntries(query.words.map((w) => [w.word, w.weight / query.rarest]));
        const { unknownName, unknownSpecific, unknownWord, unknownCode } = dossier.ranking.query;
        expect(weight).toMatchObject({
          guatemala: unknownName,
          canadian: unknownName,
          naloxone: unknownSpecific,
          crackdown: unknownWord,
          cops: unknownWord,
          rpl23: unknownCode,
          recieve: 1,
        });
        expect(unknownName).toBeGreaterThan(1);
        expect(unknownSpecific).toBeGreaterThan(unknownWord);
        expect(unknownCode).toBeLessThan(unknownWord);
      },
      { wordnet: WORDNET_DIR },
    );
  });

  it('is a name typed in small letters when no dictionary has it or a word near it, and no shortening', async () => {
    const files = {
      'a.md': note('Bakeries', 'Bakers sold rye bread at the market on Saturday.'),
      'b.md': note('Mill', 'The mill ground barley for the village.'),
    };
    await withCorpus(
      files,
      (dossier) => {
        const query = analysed(dossier, 'rye bread vastrelko recieve rebrands sitdown tldr prez');
        const weight = Object.fromEntries(query.words.map((w) => [w.word, w.weight / query.rarest]));
        const { unknownName } = dossier.ranking.query;
        // A slip of a dictionary word, a prefix on one, two joined, or chat's shortenings are no names.
        expect(weight).toMatchObject({ vastrelko: unknownName, recieve: 1, rebrands: 1, sitdown: 1, tldr: 1, prez: 1 });
        // Weighed as the name it is, the market's rye bread does not answer what a person of that name sells.
        expect(ask(dossier, 'does vastrelko sell rye bread').match).toBe('none');
        expect(ask(dossier, 'does the market sell rye bread').match).not.toBe('none');
        // Capitalised to open its sentence, the same word may be a drug's or a product's name the corpus writes
        // otherwise: it weighs as a word no passage holds, as before.
        expect(ask(dossier, 'vastrelko sells rye bread').match).toBe('none');
        expect(ask(dossier, 'Vastrelko sells rye bread').match).not.toBe('none');
      },
      { wordnet: WORDNET_DIR },
    );
    // Without a dictionary nothing tells a name from a slip.
    await withCorpus(files, (dossier) => {
      const query = analysed(dossier, 'rye bread vastrelko');
      expect(query.words.find((w) => w.word === 'vastrelko')!.weight / query.rarest).toBe(1);
    });
  });

  it('is a common word when it is an adjective of a name only in a rarer sense', async () => {
    await withCorpus(
      { 'a.md': note('Bakeries', 'Bakers sold bread at the market.') },
      (dossier) => {
        // "green" is first a colour and "alpine" first of high mountains; "danish" is first of Denmark.
        const query = analysed(dossier, 'bread green alpine danish');
        const weight = Object.fromEntries(query.words.map((w) => [w.word, w.weight / query.rarest]));
        const { unknownName, unknownWord } = dossier.ranking.query;
        expect(weight).toMatchObject({ green: unknownWord, alpine: unknownWord, danish: unknownName });
      },
      { wordnet: WORDNET_DIR },
    );
  });

  it('is one name the corpus lacks when a two-word name the dictionary lists has one word it lacks', async () => {
    await withCorpus(
      {
        'a.md': note('Harbour', 'The harbour master lives in the blue cottage by the slipway.'),
        'b.md': note('Moorings', 'Boats moored at the harbour pay the house rate of £12 a night.'),
      },
      (dossier) => {
        // "house" is the corpus's, in another phrase, and "white" is not: "White House" is a name it never writes,
        // one thing it lacks, weighed as a name no passage holds, not as a common word it lacks beside one it has.
        const query = analysed(dossier, 'white house harbour statement');
        expect(query.words[0]).toMatchObject({ word: 'white house', known: false });
        expect(query.words[0]!.weight / query.rarest).toBeCloseTo(dossier.ranking.query.unknownName);
        expect(coverage(query, ['hous', 'harbour'])).toBeLessThan(0.4);
        expect(ask(dossier, 'what did the white house say about the harbour').results).toEqual([]);
      },
      { wordnet: WORDNET_DIR },
    );
    // Both its words held apart, it may be said in other words ("the presidential residence"): two words, as typed.
    // Written side by side, however the first is spelt ("U.S." read as "us"), it is the corpus's own.
    await withCorpus(
      {
        'a.md': note('Aid', 'The Red Cross and the U.S. Congress sent tents to the white cottage after the flood.'),
        'b.md': note('Moorings', 'Boats moored at the harbour pay the house rate of £12 a night.'),
      },
      (dossier) => {
        const words = (question: string) => analysed(dossier, question).words.map((w) => w.word);
        expect(words('white house tents')).toEqual(['white', 'house', 'tents']);
        expect(words('red cross tents US congress')).toEqual(['red', 'cross', 'tents', 'US', 'congress']);
      },
      { wordnet: WORDNET_DIR },
    );
  });

  it("is one thing the corpus lacks when it holds a two-word noun's words and never says them together", async () => {
    const roses = note('Roses', 'The nursery sells a climbing rose at a price of £8 a pot.');
    await withCorpus(
      { 'a.md': roses, 'b.md': note('Labels', 'Every pot carries a tag with the plant’s name.') },
      (dossier) => {
        // "price" and "tag" are the corpus's, in sentences of their own: "price tag", a noun of one sense, is one thing
        // it never speaks of. Its words still order passages as typed; the decision weighs it as a noun no passage
        // holds, and the passage on the rose's price no longer answers.
        const question = 'price tag of a climbing rose';
        const query = analysed(dossier, question);
        expect(query.unwrittenThings).toEqual(['price tag']);
        expect(query.words.map((w) => w.word)).toEqual(['price', 'tag', 'climbing', 'rose']);
        expect(ask(dossier, question).match).toBe('none');
        expect(ask(dossier, 'price of a climbing rose').match).not.toBe('none');
      },
      { wordnet: WORDNET_DIR },
    );
    // Said in one sentence, in another order and form, it may be the corpus's own ("tags that show its price").
    await withCorpus(
      { 'a.md': roses, 'b.md': note('Labels', 'Every pot carries tags that show its price.') },
      (dossier) => {
        expect(analysed(dossier, 'price tag of a climbing rose').unwrittenThings).toBeUndefined();
      },
      { wordnet: WORDNET_DIR },
    );
  });

  it('lists a rare name whose one passage holds none of its other words, save amounts and times', async () => {
    await withCorpus(
      {
        'a.md': note('Stations', 'The rail company opened stations in Leeds, York and Durham in 2019.'),
        'b.md': note('Delays', 'Train delays rose to 12 percent last winter, when the signals failed twice.'),
        'c.md': note('Fares', 'Fares rose by 4 percent in January, the first rise in three years.'),
      },
      (dossier) => {
        const apart = (question: string) => analysed(dossier, question).apartNames;
        // The list of stations names Durham and 2019, never delays: a year, a count asked for, a time say no subject.
        expect(apart('number of train delays at durham in 2019')).toEqual(['durham']);
        expect(apart('train delays at durham last winter')).toEqual(['durham']);
        expect(apart('stations opened at durham')).toBeUndefined();
        // A name with no other word of the question is asked of nothing else, nor is one with only amounts and times.
        expect(apart('durham')).toBeUndefined();
        for (const question of ['durham in the current year', 'durham on saturday', 'durham total', 'durham fy22'])
          expect(apart(question)).toBeUndefined();
      },
      { wordnet: WORDNET_DIR },
    );
  });

  it('weighs as a vague word when it is a verb of two words with the stop word typed after it', async () => {
    await withCorpus(
      {
        'a.md': note('Open days', 'Visitors look round the kennels and sit in the yard.'),
        'b.md': note('Staff', 'A warden cares for the kennels.'),
      },
      (dossier) => {
        const weight = (question: string, word: string) => {
          const query = analysed(dossier, question);
          return query.words.find((w) => w.word === word)!.weight;
        };
        // "look after" is a verb of its own, so "looks" alone says little of what is asked; "looks" with no stop word
        // after it, or before a stop word that makes no verb seen in use ("sitting in", not "sit in" as attending),
        // keeps its weight.
        expect(weight('who looks after the kennels', 'looks')).toBeCloseTo(
          weight('kennels looks', 'looks') * dossier.ranking.query.vagueWeight,
        );
        expect(weight('who is sitting in the kennels', 'sitting')).toBeCloseTo(weight('kennels sitting', 'sitting'));
      },
      { wordnet: WORDNET_DIR },
    );
  });

  it('is no word of the question when it says which kind of a thing is meant ("what kinds of fees")', async () => {
    await withCorpus(
      {
        'a.md': note('Fees', 'The council charges fees for parking and for bulky waste.'),
        'b.md': note('Types', 'Two types of bins are collected: this kind is green.'),
      },
      (dossier) => {
        const words = (question: string) => analysed(dossier, question).words.map((w) => w.word);
        // "kinds of" and "sort of" name nothing a passage could hold: the fees, not the word "kind", are asked about.
        expect(words('what kinds of fees does the council charge')).toEqual(['fees', 'council', 'charge']);
        // ("thing" is a stop word of its own, as "stuff" is.)
        expect(words('parking, bulky waste, that sort of thing')).toEqual(['parking', 'bulky', 'waste']);
        // Not before "of", it is a word like any other.
        expect(words('which bin type is green')).toEqual(['bin', 'type', 'green']);
      },
      { wordnet: WORDNET_DIR },
    );
  });

  it('is found in the other spelling, British or American, that the corpus has', async () => {
    await withCorpus(
      {
        'a.md': note('Budgets', 'The defense budget grew as organizations asked.'),
        'b.md': note('Plans', 'The programme opened a new centre.'),
      },
      (dossier) => {
        const terms = (text: string) => dossier.index.analyzer.terms(text);
        const spelt = (question: string) =>
          analysed(dossier, question).words.map((w) => w.alternatives.filter((a) => a.via === 'spelling'));
        const [defence, organisations] = spelt('defence organisations');
        expect(defence).toEqual([expect.objectContaining({ terms: terms('defense') })]);
        expect(organisations).toEqual([expect.objectContaining({ terms: terms('organizations') })]);
        const [program, center] = spelt('program center');
        expect(program!.map((a) => a.terms)).toEqual([terms('programme')]);
        expect(center!.map((a) => a.terms)).toEqual([terms('centre')]);
        expect(analysed(dossier, 'defence').words[0]!.known).toBe(true);
        // A word the corpus has in the asker's spelling, or lacks in both, gets none.
        expect(spelt('budget colour')).toEqual([[], []]);
      },
    );
  });

  it('is found in the irregular past form of its verb, a word of its own too, where the corpus lacks it', async () => {
    await withCorpus(
      {
        'a.md': note('Winter', 'The night shelter fed 212 guests in January.\n\nLost property is found at the desk.'),
        'b.md': note('Kitchen', 'Volunteers feed the soup kitchen rota.'),
      },
      (dossier) => {
        const terms = (text: string) => dossier.index.analyzer.terms(text);
        const kin = (question: string) =>
          analysed(dossier, question).words.map((w) => w.alternatives.filter((a) => a.via === 'family'));
        // "feed" is held, so only its own word is searched.
        expect(kin('who do they feed')).toEqual([[]]);
        const query = analysed(dossier, 'how many guests did the shelter find');
        const find = query.words.find((w) => w.word === 'find')!;
        expect(find.alternatives).toContainEqual(expect.objectContaining({ terms: terms('found'), via: 'family' }));
        expect(find.known).toBe(true);
      },
      { wordnet: WORDNET_DIR },
    );
    await withCorpus({ 'a.md': note('Winter', 'The night shelter fed 212 guests in January.') }, (dossier) => {
      const feed = analysed(dossier, 'how many guests did the shelter feed').words.find((w) => w.word === 'feed')!;
      expect(feed.alternatives).toContainEqual(expect.objectContaining({ terms: ['fed'], via: 'family' }));
      expect(ask(dossier, 'how many guests did the shelter feed').results[0]?.passage.text).toContain('fed 212');
    });
  });

  it('is about the corpus word a common prefix made it of, which counts toward answering', async () => {
    await withCorpus(
      { 'a.md': note('Staff', 'Nurses need better pay and training.\n\nThe recent budget grew.') },
      (dossier) => {
        const query = analysed(dossier, 'underpaid nurses');
        const underpaid = query.words.find((w) => w.word === 'underpaid')!;
        expect(underpaid.known).toBe(true);
        expect(underpaid.alternatives).toContainEqual(
          expect.objectContaining({ terms: dossier.index.analyzer.terms('pay'), via: 'prefix' }),
        );
        const nursesPay = dossier.index.analyzer.terms('nurses pay');
        expect(decide(coverage(query, nursesPay), dossier.ranking.answer)).toBe('confident');
        // A word the corpus has is never split, and a rest under four letters is no word of it.
        expect(analysed(dossier, 'recent').words[0]!.alternatives).toEqual([]);
        expect(analysed(dossier, 'repay').words[0]!.alternatives.some((a) => a.via === 'prefix')).toBe(false);
      },
    );
  });

  it('is a typo of a word the corpus writes only in a heading or a title, as its readers see it there', async () => {
    await withCorpus(
      {
        'a.md': note(
          'Ferry crossings',
          '# Boarding times\n\nFoot passengers may board from 7am; cars wait in lane 3.\n\n# Fares\n\nA return is £9.',
        ),
      },
      (dossier) => {
        const typo = (question: string) =>
          analysed(dossier, question).words.map((w) => w.alternatives.filter((a) => a.via === 'typo'));
        expect(typo('boardign times')[0]).toEqual([
          expect.objectContaining({ terms: dossier.index.analyzer.terms('boarding') }),
        ]);
        expect(typo('crosings')[0]).toEqual([
          expect.objectContaining({ terms: dossier.index.analyzer.terms('crossings') }),
        ]);
        expect(ask(dossier, 'boardign times').results[0]?.passage.text).toMatch(/^Foot passengers/);
      },
      { wordnet: WORDNET_DIR },
    );
  });

  it('is the longer corpus word it begins, as chat clips a long word, not a typo of a word as short', async () => {
    await withCorpus(
      {
        'a.md': note(
          'Town',
          'The municipal budget grew.\n\nThe music festival drew crowds.\n\nThe municipal pool opened.\n\n' +
            'Stocks of the negative group fell.',
        ),
      },
      (dossier) => {
        const clipped = (question: string) =>
          analysed(dossier, question).words.map((w) => w.alternatives.map((a) => `${a.via}:${a.terms}`));
        expect(clipped('munic budget')).toEqual([[`clipped:${dossier.index.analyzer.terms('municipal')}`], []]);
        expect(analysed(dossier, 'munic').words[0]!.known).toBe(true);
        // Chat clips to three letters too ("neg" for "negative").
        expect(clipped('neg stocks')).toEqual([[`clipped:${dossier.index.analyzer.terms('negative')}`], []]);
        // A word the dictionary knows is its own ("crow" is no "crowds"), and a word under three letters is too short.
        expect(clipped('crow mu')).toEqual([[], []]);
      },
      { wordnet: WORDNET_DIR },
    );
  });

  it('is two words the corpus has written as one, and two typed words are the one the corpus writes', async () => {
    await withCorpus(
      {
        'a.md': note('Wards', 'The night shift ended at dawn; the car park and the pet shop were shut.'),
        'b.md': note('Ferries', 'A crossborder ferry sailed at noon.'),
      },
      (dossier) => {
        const terms = (text: string) => dossier.index.analyzer.terms(text);
        const spelt = (question: string) =>
          analysed(dossier, question).words.map((w) => w.alternatives.filter((a) => a.via === 'spelling'));
        const [nightshift] = spelt('nightshift');
        expect(nightshift).toEqual([expect.objectContaining({ terms: terms('night shift') })]);
        expect(analysed(dossier, 'nightshift').words[0]!.known).toBe(true);
        const [cross, border, ferry] = spelt('cross border ferry');
        expect(cross).toEqual([expect.objectContaining({ terms: terms('crossborder') })]);
        expect(border).toEqual(cross);
        expect(ferry).toEqual([]);
        const query = analysed(dossier, 'cross border ferry');
        expect(coverage(query, terms('crossborder ferry'))).toBeGreaterThan(0.9);
        // A word the dictionary knows is its own, not two others ("carpet"), and two words are the one the corpus
        // writes only when typed side by side, in its order.
        expect(spelt('carpet')).toEqual([[]]);
        expect(spelt('cross the border')).toEqual([[], []]);
        expect(spelt('border cross')).toEqual([[], []]);
        // Neither part may be shorter than compoundMinPart.
        const strict = analyseQuery('nightshift', dossier.index, { ...dossier.ranking.query, compoundMinPart: 6 });
        expect(strict.words[0]!.alternatives.filter((a) => a.via === 'spelling')).toEqual([]);
      },
      { wordnet: WORDNET_DIR },
    );
  });

  it('is bridged from the synonyms of a corpus word inflected irregularly ("kids" for "children")', async () => {
    await withCorpus(
      { 'a.md': note('Pool', 'Children under twelve swim at half price on weekdays.') },
      (dossier) => {
        const [kids] = analysed(dossier, 'can kids swim').words;
        expect(kids!.alternatives.map((a) => a.terms)).toContainEqual(dossier.index.analyzer.terms('children'));
      },
      { wordnet: WORDNET_DIR },
    );
  });

  it('is the noun the corpus makes of a verb and its particle ("break down", "breakdowns")', async () => {
    await withCorpus(
      {
        'a.md': note('Lifts', 'The lift had three breakdowns in March.'),
        'b.md': note('Alarms', 'The setup of the new alarm took a week; the old one sat on the shelf.'),
      },
      (dossier) => {
        const terms = (text: string) => dossier.index.analyzer.terms(text);
        const spelt = (question: string) =>
          analysed(dossier, question).words.map((w) => w.alternatives.filter((a) => a.via === 'spelling'));
        expect(spelt('did the lift break down')).toEqual([
          [],
          [expect.objectContaining({ terms: terms('breakdown') })],
        ]);
        expect(spelt('it breaks down')).toEqual([[expect.objectContaining({ terms: terms('breakdown') })]]);
        expect(spelt('it broke down')).toEqual([[expect.objectContaining({ terms: terms('breakdown') })]]);
        expect(spelt('who set up the alarm')).toEqual([[expect.objectContaining({ terms: terms('setup') })], []]);
        // Only a verb with its own particle, and only a noun the corpus has: "sit down" is no "sitdown" here, and
        // "break the lift" joins nothing.
        expect(spelt('they sit down')).toEqual([[]]);
        expect(spelt('break the lift')).toEqual([[], []]);
      },
      { wordnet: WORDNET_DIR },
    );
  });

  it('is bridged to no other real word by a spelling or a prefix: a word the dictionary knows is its own', async () => {
    await withCorpus(
      LOOKALIKES,
      (dossier) => {
        const query = analysed(dossier, 'mourning fourth filled poet pet remember research deliver recent centred');
        const bridged = query.words.flatMap((w) =>
          w.alternatives.filter((a) => a.via === 'spelling' || a.via === 'prefix').map((a) => `${w.word}:${a.terms}`),
        );
        expect(bridged).toEqual([`centred:${dossier.index.analyzer.terms('centered')}`]);
      },
      { wordnet: WORDNET_DIR },
    );
  });
});

/** "pulled" in one passage, as "guard" is: a vague word and a plain one, equally rare here. */
const GUARD_PULLED_BACK = {
  'a.md': note('Ports', 'The guard pulled back from the port.\n\nSmugglers moved goods.'),
  'b.md': note('Ferries', 'Ferries smuggled goods past the port.'),
};

describe('a vague word', () => {
  it('weighs vagueWeight of what its rarity says, known or not: "pulled" and "catch" say little', async () => {
    await withCorpus(
      GUARD_PULLED_BACK,
      (dossier) => {
        const { vagueWeight } = dossier.ranking.query;
        const weight = (q: string) => Object.fromEntries(analysed(dossier, q).words.map((w) => [w.word, w.weight]));
        const plain = analyseQuery('pulled catch', dossier.index, { ...dossier.ranking.query, vagueWeight: 1 });
        const [pulled, caught] = plain.words.map((w) => w.weight);
        expect(weight('pulled catch')).toEqual({ pulled: pulled! * vagueWeight, catch: caught! * vagueWeight });
        // "guard" (one passage, like "pulled") keeps its weight: it has few senses.
        expect(weight('guard pulled').guard).toBeCloseTo(pulled!);
        // "getting" is also a noun of one sense in WordNet, but as a form of "get" it says as little.
        expect(dossier.index.vague('getting')).toBe(true);
        expect(vagueWeight).toBeLessThan(1);
      },
      { wordnet: WORDNET_DIR },
    );
  });
});

describe('a rare sense', () => {
  it('counts beside another word of the question, to order passages only, never to decide to answer', async () => {
    await withCorpus(
      {
        'a.md': note('Courts', 'Judges approved wiretaps on the ferry company.'),
        'b.md': note('Devices', 'Wiretaps are an old technology.'),
      },
      (dossier) => {
        // "intercept" means "wiretap" in one of its senses, seldom used: a guess that the other words must confirm.
        const query = analysed(dossier, 'intercepts approved by judges');
        const intercepts = query.words.find((w) => w.word === 'intercepts')!;
        expect(intercepts.alternatives).toContainEqual(expect.objectContaining({ terms: ['wiretap'], gated: true }));
        expect(intercepts.known).toBe(false);
        expect(intercepts.terms).toEqual([intercepts.term]);
        const judges = [...query.words.filter((w) => w !== intercepts).flatMap((w) => w.terms), 'wiretap'];
        expect(coverage(query, judges, undefined, true)).toBeGreaterThan(coverage(query, judges));
        expect(coverage(query, ['wiretap'], undefined, true)).toBe(0);
        const hits = dossier.search(query, { limit: 5 });
        expect(hits.map((h) => h.passage.text)).toEqual([expect.stringContaining('Judges')]);
      },
      { wordnet: WORDNET_DIR },
    );
  });
});

describe('a question pasted from chat', () => {
  it.each([
    ['harbour fees https://example.com/reports/2021?id=7', 'harbour fees'],
    ['harbour fees (see www.example.org/a-b)', 'harbour fees (see )'],
    ['what does [the ferry report](https://example.com/ferry) say', 'what does the ferry report say'],
    ['what did @everyone say about fares, @here', 'what did say about fares,'],
    ['email ann@here.org about the fares', 'email ann@here.org about the fares'],
    ['<!channel> harbour fees <@U123>?', 'harbour fees ?'],
    ['<@U0LAN0Z89|ann> <!subteam^S1|@desk> what did <#C1|general> <!here> say', 'what did say'],
    ['<@123> <@!456> <@&789> fares in <#1011>', 'fares in'],
    ['fees < 5 and > 2 <https://example.com/a>', 'fees < 5 and > 2 < >'],
  ])('reads %j as %j', (typed, read) => {
    expect(withoutLinks(typed).replace(/\s+/g, ' ').trim()).toBe(read);
  });

  it('searches for an acronym spelling a stop word only when the corpus has it, else drops it as a word', async () => {
    await withCorpus(
      {
        'a.md': note('Aid', 'The U.S. pledged aid.\n\nUnited States officials met.'),
        'b.md': note('Money', 'Budgets.'),
      },
      (dossier) => {
        const words = (q: string) => analysed(dossier, q).words.map((w) => w.word);
        expect(words('US aid')).toEqual(['US', 'aid']);
        expect(words('IT budgets')).toEqual(['budgets']);
        const us = analysed(dossier, 'US').words[0]!;
        expect(us.alternatives.map((a) => a.terms)).toContainEqual(['unit', 'state']);
      },
    );
  });

  it('drops a stop word typed with two letters swapped, unless the corpus or the dictionary has the word', async () => {
    await withCorpus(
      {
        'a.md': note('Ferries', 'Ferries sail at noon.\n\nThe harbour board meets monthly.'),
        'b.md': note('Board', 'Mr Teh chairs the board.'),
      },
      (dossier) => {
        const words = (q: string) => analysed(dossier, q).words.map((w) => w.word);
        expect(words('when does hte ferry sail adn')).toEqual(['ferry', 'sail']);
        // A name the corpus holds is no slip.
        expect(words('who is teh board chair')).toContain('teh');
      },
      { wordnet: WORDNET_DIR },
    );
  });

  it('drops a stop word chat shortens by a letter or its vowels, unless the corpus or dictionary has it', async () => {
    await withCorpus(
      {
        'a.md': note('Ferries', 'Ferries sail at noon.\n\nThe harbour board meets monthly.'),
        'b.md': note('Board', 'Ms Hav chairs the board. Water rates rose.'),
      },
      (dossier) => {
        const words = (q: string) => analysed(dossier, q).words.map((w) => w.word);
        // "wat" is no "water" clipped, though the corpus says "water".
        expect(words('wat time shld the ferry sail')).toEqual(['time', 'ferry', 'sail']);
        expect(words('wuld the board meet abt ferries')).toEqual(['board', 'meet', 'ferries']);
        // A name the corpus holds is no slip, nor is a word the dictionary has ("wit"), nor two letters ("th").
        expect(words('who is hav')).toContain('hav');
        expect(words('wit at the board')).toContain('wit');
        expect(words('th ferry')).toContain('th');
      },
      { wordnet: WORDNET_DIR },
    );
    // Without a dictionary a shortening may be a word ("may" of "many"), so it is kept.
    await withCorpus({ 'a.md': note('Ferries', 'Ferries sail at noon.') }, (dossier) =>
      expect(analysed(dossier, 'ferries in may').words.map((w) => w.word)).toEqual(['ferries', 'may']),
    );
  });

  it('reads a two-digit year range as the years the corpus has, not as two numbers', async () => {
    const knows = (term: string) => ['2015', '2017', '1998'].includes(term);
    expect(withYears('orchard area 15-17', knows)).toBe('orchard area 2015-2017');
    expect(withYears("orchard area '15–'17 and 97-98", knows)).toBe('orchard area 2015-2017 and 1997-1998');
    // Written in words as chat writes a range, when both ends are years the corpus has.
    expect(withYears('orchard area between 15 and 17', knows)).toBe('orchard area between 2015 and 2017');
    expect(withYears("orchards up from '15 to '17", knows)).toBe('orchards up from 2015 to 2017');
    for (const typed of ['between 15 and 16 orchards', 'from 15 to 17 years old', 'between 17 and 15'])
      expect(withYears(typed, knows)).toBe(typed);
    // Ages, durations, shares and ranges of years nobody wrote stay as typed.
    for (const topic of ['pupils aged 15-17 years', 'a 15-17% rise', 'a 15-17 percent rise', 'rooms 31-33', '$15-17'])
      expect(withYears(topic, knows)).toBe(topic);
    // Every unit of a length of time, as the figure grammar knows them, and their chat abbreviations.
    for (const topic of ['waits of 15-17 minutes', 'from 15 to 17 decades', 'a 15-17 yr stay', 'kept 15–17 hrs'])
      expect(withYears(topic, knows)).toBe(topic);
    expect(withYears("fy15 and FY '17 orchards, up since '98", knows)).toBe(
      'fy 2015 and FY 2017 orchards, up since 1998',
    );
    for (const typed of ["rock 'n' roll", 'fy16 area', "the '80s"]) expect(withYears(typed, knows)).toBe(typed);
    await withCorpus(
      { 'a.md': note('Orchards', 'Orchards covered 1,200 hectares in 2015 and 1,450 in 2017.\n\nA barn has 15 cows.') },
      (dossier) => {
        const query = analysed(dossier, 'orchards 15-17');
        expect(query.text).toBe('orchards 2015-2017');
        expect(query.words.map((w) => w.term)).toEqual([...dossier.index.analyzer.terms('orchards'), '2015', '2017']);
      },
    );
  });

  it('weighs an acronym the question defines once, by its long form, which the acronym also says', async () => {
    await withCorpus(
      { 'a.md': note('Boards', 'The JTB met in May.\n\nThe Joint Transport Board approved new fares.') },
      (dossier) => {
        const query = analysed(dossier, 'Joint Transport Board (JTB) fares');
        expect(query.words.map((w) => w.word)).toEqual(['joint', 'transport', 'board', 'fares']);
        const jtb = dossier.index.analyzer.terms('JTB');
        expect(query.words[0]!.alternatives.map((a) => a.terms)).toContainEqual(jtb);
        expect(coverage(query, jtb)).toBeGreaterThan(0.5);
      },
    );
  });

  it('answers a question with a link in it as it answers the question alone', async () => {
    await withCorpus({ 'a.md': note('Ferries', 'Ferry fares rose by a fifth in 2023.') }, (dossier) => {
      const words = (q: string) => analysed(dossier, q).words.map((w) => w.word);
      expect(words('ferry fares https://example.com/fares-2023 @channel')).toEqual(words('ferry fares'));
    });
  });
});

describe('definesAsked', () => {
  it('is a passage defining the one word a question asks the meaning of, not one only using it', async () => {
    await withCorpus(
      { 'a.md': note('Roads', 'Counts of average daily traffic (ADT) rose.\n\nADT: 4,100.') },
      (dossier) => {
        const { index } = dossier;
        const [defining, using] = index.holding(index.analyzer.terms('ADT')[0]!).sort();
        for (const question of ['whats an adt', 'what does ADT stand for', 'so what is the ADT?', 'but whats an ADT']) {
          const query = analysed(dossier, question);
          expect(definesAsked(query, defining!, index), question).toBe(true);
          expect(definesAsked(query, using!, index), question).toBe(false);
        }
        // A question asking something else of the word asks no meaning.
        expect(definesAsked(analysed(dossier, 'what is the adt on mondays'), defining!, index)).toBe(false);
      },
    );
  });
});

describe('namesCode', () => {
  it('is a word of letters and digits the corpus holds, as typed; a number and its unit are no code', async () => {
    await withCorpus(
      { 'a.md': note('Routes', 'Route X12 and route 7 ran 40mg of nothing in the 1990s, all Q3.\n\nThe depot.') },
      (dossier) => {
        // "Q3" is a quarter of any year more often than one thing: too short to be a code (`query.codeMinLength`).
        const query = analysed(dossier, 'x12 route 40mg 1990s Q47 q3 depot');
        expect(query.words.filter((w) => w.code).map((w) => w.word)).toEqual(['x12']);
        expect(namesCode(query, dossier.index.analyzer.terms('Route X12'))).toBe(true);
        expect(namesCode(query, dossier.index.analyzer.terms('route 40 mg 1990 depot'))).toBe(false);
      },
    );
  });
});

describe('namesRarely', () => {
  it('is a name the dictionary knows that one passage holds, beside another word of the question', async () => {
    await withCorpus(
      {
        'a.md': note(
          'Stables',
          'The school keeps Icelandic horses, bought in October.\n\nWelsh ponies pull the cart.\n\n' +
            'Welsh cobs carry the older riders.',
        ),
      },
      (dossier) => {
        // "Welsh" is in two passages, "October" a month (a proper noun to WordNet), "horses" a common word.
        const query = analysed(dossier, 'icelandic welsh october horses cart');
        expect(query.words.filter((w) => w.rareName).map((w) => w.word)).toEqual(['icelandic']);
        const terms = (text: string) => dossier.index.analyzer.terms(text);
        expect(namesRarely(query, terms('Icelandic horses'))).toBe(true);
        expect(namesRarely(query, terms('Icelandic'))).toBe(false);
        expect(namesRarely(query, terms('Welsh ponies pull the cart'))).toBe(false);
        // Typed together and held only together, the two words are one name (`withPrevious`): no other word.
        expect(namesRarely(analysed(dossier, 'icelandic horses cart'), terms('Icelandic horses'))).toBe(false);
      },
      { wordnet: WORDNET_DIR },
    );
  });
});

describe('asWrittenIn', () => {
  it('reads two words typed together as one name only where the passage does not hold them apart', async () => {
    await withCorpus(
      {
        'a.md': note(
          'Allotments',
          'The allotment society meets in the church hall on Tuesdays.\n\n' +
            'Plot holders grow leeks by the shed, and the society sells them.\n\nWater butts stand at each gate.',
        ),
      },
      (dossier) => {
        const query = analysed(dossier, 'do plot holders sell leeks');
        const names = (read: AnalysedQuery) => read.words.filter((w) => w.withPrevious).map((w) => w.word);
        // In three passages, each of these words is the leeks passage's alone: the same passages, as any two of its.
        expect(names(query)).toEqual(['holders', 'sell', 'leeks']);
        const { passage, terms } = dossier.search(query, { limit: 1 })[0]!;
        const read = asWrittenIn(query, passage, terms, dossier.index.analyzer);
        // It writes "plot holders" as one, and "holders … sells", "leeks … sells them" apart: two words each.
        expect(names(read)).toEqual(['holders']);
        expect(evidence(read, 1, terms)).toBeGreaterThan(evidence(query, 1, terms));
        // A passage holding them and writing them side by side keeps them one ("water butts").
        const butts = analysed(dossier, 'water butts');
        const hit = dossier.search(butts, { limit: 1 })[0]!;
        expect(names(asWrittenIn(butts, hit.passage, hit.terms, dossier.index.analyzer))).toEqual(['butts']);
      },
    );
  });
});

describe("a corpus lexicon's relation", () => {
  const lifeboats = {
    'a.md': note('Rescues', 'The Royal National Lifeboat Institution launched twelve rescues from the harbour.'),
    'b.md': note('Seals', 'National park wardens counted grey seals on the island.'),
    'c.md': note('Harbour', 'The harbour wall was repaired after the storm.'),
    'synonyms.yaml': 'RNLI: [Royal National Lifeboat Institution]\n',
  };

  it('never changes what a word weighs: one the corpus lacks weighs as much with the lexicon as without', async () => {
    await withCorpus(lifeboats, async (dossier, dir) => {
      const rnli = (d: Dossier) => analysed(d, 'rnli seals').words.find((w) => w.word === 'rnli')!;
      const plain = await Dossier.open({ corpusDir: dir, lexicon: 'none' });
      try {
        expect(rnli(plain).known).toBe(false);
        expect(rnli(dossier).known).toBe(true);
        // Weighed by "royal", the rarest word of its phrase, it weighed less than unknown: "seals" alone then covered
        // more of "rnli seals" with the lexicon than without.
        expect(rnli(dossier).weight).toBe(rnli(plain).weight);
      } finally {
        plain.close();
      }
    });
  });

  it('counts a phrase in the decision only where a passage holds all of it; part of it orders passages', async () => {
    await withCorpus(lifeboats, (dossier) => {
      const query = analysed(dossier, 'rnli seals');
      const rnli = query.words.find((w) => w.word === 'rnli')!;
      expect(rnli.alternatives).toContainEqual(expect.objectContaining({ via: 'lexicon', whole: true }));
      // "National park wardens" says one word of the name: another thing, not the lifeboat institution.
      const park = dossier.index.analyzer.terms('national seals');
      const seals = dossier.index.analyzer.terms('seals');
      expect(coverage(query, park)).toBe(coverage(query, seals));
      expect(coverage(query, park, undefined, true)).toBeGreaterThan(coverage(query, seals, undefined, true));
      const named = dossier.index.analyzer.terms('royal national lifeboat institution');
      expect(coverage(query, named)).toBeGreaterThan(0);
    });
  });

  it('relates the words the lexicon writes, as written or inflected, not every word of their stem', async () => {
    await withCorpus(
      {
        'a.md': note('Bookshop', 'The bookshop takings rose by a tenth in December.'),
        'synonyms.yaml': 'revenue: [takings, earnings]\n',
      },
      (dossier) => {
        const lexicon = (question: string) =>
          analysed(dossier, question).words.flatMap((w) => w.alternatives.filter((a) => a.via === 'lexicon'));
        expect(lexicon('bookshop earnings')).toContainEqual(expect.objectContaining({ terms: ['take'] }));
        expect(lexicon('bookshop revenues')).toContainEqual(expect.objectContaining({ terms: ['take'] }));
        // "earn" has the stem of "earnings", but a bookseller's wage is not the shop's takings.
        expect(lexicon('how much do booksellers earn')).toEqual([]);
      },
    );
  });

  it("relates two other ways of a line's term through it: at the lexicon's weight twice, to decide", async () => {
    await withCorpus(
      {
        'a.md': note('Traffic', 'Cars queued on the bridge all morning.'),
        'synonyms.yaml': 'vehicles: [cars, lorries]\n',
      },
      (dossier) => {
        const { lexicon } = dossier.ranking.query.bridges;
        const cars = dossier.index.analyzer.terms('cars');
        // A lorry is a vehicle, as a car is, but not a car: two relations through the term.
        const lorries = analysed(dossier, 'lorries');
        expect(coverage(lorries, cars)).toBeCloseTo(lexicon * lexicon);
        expect(coverage(lorries, cars, undefined, true)).toBeCloseTo(lexicon);
        expect(coverage(analysed(dossier, 'vehicles'), cars)).toBeCloseTo(lexicon);
      },
    );
  });
});

describe('ranks', () => {
  const superlative = (word: string) => ['busiest', 'safest'].includes(word);
  it.each([
    ['which state grows the most poppies', true],
    ['which beach is safest', true],
    ['December was our busiest month', true],
    ['the fewest complaints', true],
    ['which route does most of the cocaine take', false],
    ['most hard drugs enter through ports', false],
  ])('%s: %s', (text, ranked) => {
    expect(ranks(text, superlative)).toBe(ranked);
  });
});
