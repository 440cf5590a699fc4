import { describe, expect, it } from 'vitest';
import { asksLength, asksYear, besideTopic, ratePeriod } from '../../../src/answer/figures/adjust.js';
import { answerFigures } from '../../../src/answer/figures/answer.js';
import type { PassageFigure } from '../../../src/answer/figures/passage.js';
import { Analyzer } from '../../../src/search/analyzer.js';
import type { QueryWord } from '../../../src/search/query.js';
import type { RankingOptions } from '../../../src/search/ranking.js';
import { note, withCorpus } from '../../support/corpus.js';

const analyzer = new Analyzer();
/** The topic "valley hives": its two words. */
const valley = { word: 'valley' } as QueryWord;
const hives = { word: 'hives' } as QueryWord;

const sentence = { text: 'Of 1,200 hives, 300 were on the hill farms and 90 on the valley farms.', start: 0 };
const figure = (text: string, measure: string | undefined, at = sentence) =>
  ({ text, measure, sentence: at, value: 0, unit: 'count', start: 0, end: 0 }) as PassageFigure;

describe('besideTopic', () => {
  it('sets beside the topic a part of the whole whose sibling names more of the topic, not the whole itself', () => {
    const whole = { figure: figure('1,200', 'hives'), named: 1, held: new Set([hives]) };
    const hill = { figure: figure('300', 'hill farm hives'), named: 1, held: new Set([hives]) };
    const valleyFarms = { figure: figure('90', 'valley farm hives'), named: 2, held: new Set([valley, hives]) };
    expect([...besideTopic(analyzer, [whole, hill, valleyFarms])]).toEqual([hill.figure]);
  });

  it('compares figures of one sentence only, and leaves a figure without a measure alone', () => {
    const other = { text: 'The valley farms kept 90 hives.', start: 80 };
    const hill = { figure: figure('300', 'hill farm hives'), named: 1, held: new Set([hives]) };
    const elsewhere = { figure: figure('90', 'valley farm hives', other), named: 2, held: new Set([valley, hives]) };
    const bare = { figure: figure('40', undefined), named: 0, held: new Set<QueryWord>() };
    const named = { figure: figure('90', 'valley farm hives'), named: 2, held: new Set([valley, hives]) };
    expect(besideTopic(analyzer, [hill, elsewhere]).size).toBe(0);
    expect([...besideTopic(analyzer, [bare, named])]).toEqual([]);
  });

  it('keeps a part that names a word of the topic its sibling does not: both are asked for', () => {
    const hill = { figure: figure('300', 'hill farm hives'), named: 1, held: new Set([valley]) };
    const valleyFarms = { figure: figure('90', 'valley farm hives'), named: 2, held: new Set([hives]) };
    expect(besideTopic(analyzer, [hill, valleyFarms]).size).toBe(0);
  });
});

describe('besideTopic on a measure naming none of the topic', () => {
  it('sets no figure beside the topic whose measure names none of it: nothing shows it a part of its whole', () => {
    // "A pond licence is £40 and a river permit costs £65." on "licences": a permit may be a licence in other words.
    const both = { text: 'A pond licence is £40 and a river permit costs £65.', start: 0 };
    const pond = {
      figure: figure('£40', 'pond licence', both),
      named: 1,
      held: new Set([{ word: 'licences' } as QueryWord]),
    };
    const river = { figure: figure('£65', 'river permit', both), named: 0, held: new Set<QueryWord>() };
    expect(besideTopic(analyzer, [pond, river]).size).toBe(0);
  });
});

describe('asksLength', () => {
  it('reads a unit of time as asked for, save where it says when or how often', () => {
    for (const topic of ['how long has the ferry run', 'ferry yrs', 'how many months of ferry data'])
      expect(asksLength(topic)).toBe(true);
    for (const topic of ['ferry trips last yr', 'ferry trips this year', 'ferry trips over the last 15 yrs', 'each yr'])
      expect(asksLength(topic)).toBe(false);
    for (const topic of ['ferry trips in the coming yr', 'ferry trips in the current yr'])
      expect(asksLength(topic)).toBe(false);
  });

  it('reads "how quickly" and "how soon" as asking how long, not "how fast", often a speed or a rate', () => {
    for (const topic of ['how quickly fallen trees are cleared', 'how quick do crews come', 'how soon is a leak fixed'])
      expect(asksLength(topic)).toBe(true);
    expect(asksLength('how fast the kiosk burns cash')).toBe(false);
  });
});

describe('asksYear', () => {
  it('reads the year or its abbreviation as asked for, save where it says when or how often', () => {
    for (const topic of ['ferry launch year', 'which yrs did the ferry run', 'what year'])
      expect(asksYear(topic)).toBe(true);
    for (const topic of ['when did the ferry stop last year', 'ferry trips each yr', 'ferry sold in 5 years', 'yearly'])
      expect(asksYear(topic)).toBe(false);
  });
});

describe('ratePeriod', () => {
  it("reads a rate's period the topic asks for, singular, after a word of rate or in a word saying 'every'", () => {
    expect(ratePeriod('monthly takings of the ferry kiosk')).toBe('month');
    expect(ratePeriod('ferry kiosk takings per mo')).toBe('month');
    expect(ratePeriod('ferry crossings each day')).toBe('day');
    expect(ratePeriod('annual ferry subsidy')).toBe('year');
    expect(ratePeriod('ferry fares a year ago')).toBeUndefined();
    expect(ratePeriod('ferry fares in 2019')).toBeUndefined();
  });
});

describe('adjustScores', () => {
  /**
   * The figures listed on `topic` over `files`, with the figures ranking's numbers as given; by default every figure
   * scored is listed, however far under the best (a halved one with no measure, "40 years", too), so that only a
   * figure left out is missing.
   */
  const figuresOn = (files: Record<string, string>, topic: string, figures: Partial<RankingOptions['figures']> = {}) =>
    withCorpus(files, (dossier) => answerFigures(dossier, topic).figures, {
      ranking: { figures: { minRelative: 0, partialRelative: 0, unmeasuredRelative: 0, ...figures } },
    });
  /** The score on `topic` of the first figure listed whose text is `text`, or passes it when a test. */
  const scoreOn = async (
    files: Record<string, string>,
    topic: string,
    text: string | ((written: string) => boolean),
    figures: Partial<RankingOptions['figures']> = {},
  ) => {
    const wanted = typeof text === 'string' ? (written: string) => written === text : text;
    return (await figuresOn(files, topic, figures)).find((f) => wanted(f.text))?.score;
  };
  /** How much a figure is weighed: its score (`score`) with a weight of the ranking at 0.5, over that with it at 1. */
  const weighed = async (score: (weight: number) => Promise<number | undefined>) =>
    (await score(0.5))! / (await score(1))!;
  const files = {
    'ferries.md': note('Ferries', 'The oldest ferry has run for 40 years.\n\nThe ferry company runs 12 ferries.'),
  };
  /** The score of the figure `text` on `topic`, with the ranking's otherKind as given. */
  const scoreOf = (topic: string, text: string, otherKind: number) => scoreOn(files, topic, text, { otherKind });

  it('weighs a length of time as another kind of figure unless the topic names a unit of time', async () => {
    expect(await weighed((w) => scoreOf('ferry', '40 years', w))).toBeCloseTo(0.5);
    for (const topic of ['ferry years', 'ferry yrs'])
      expect(await weighed((w) => scoreOf(topic, '40 years', w))).toBeCloseTo(1);
    // A unit of time after a word of rate says how often ("each yr"), as one after a number says when: no length asked.
    for (const topic of ['ferry each yr', 'ferry per year'])
      expect(await weighed((w) => scoreOf(topic, '40 years', w))).toBeCloseTo(0.5);
    // A count of something else is not a length.
    expect(await weighed((w) => scoreOf('ferry', '12 ferries', w))).toBeCloseTo(1);
  });

  it('weighs a count of something else as another kind of figure on a topic asking how many of a kind', async () => {
    const harbour = {
      'harbour.md': note('Harbour', 'The harbour company runs 12 ferries. It employs 40 deckhands.'),
    };
    const scoreIn = (topic: string, text: string, otherKind: number) => scoreOn(harbour, topic, text, { otherKind });
    const topic = 'how many ferries does the harbour company run';
    expect(await weighed((w) => scoreIn(topic, '40 deckhands', w))).toBeCloseTo(0.5);
    expect(await weighed((w) => scoreIn(topic, '12 ferries', w))).toBeCloseTo(1);
  });

  it('weighs a percentage as another kind of figure on a topic asking how many, unless it names a share', async () => {
    const harbour = {
      'harbour.md': note('Harbour', 'The harbour company runs 12 ferries, and 40 percent of its ferries run at night.'),
    };
    const scoreIn = (topic: string, text: string, otherKind: number) => scoreOn(harbour, topic, text, { otherKind });
    const topic = 'how many ferries does the harbour company run';
    expect(await weighed((w) => scoreIn(topic, '40 percent', w))).toBeCloseTo(0.5);
    const share = 'how many ferries run at night, what percent';
    expect(await weighed((w) => scoreIn(share, '40 percent', w))).toBeCloseTo(1);
  });

  it("weighs a part of a whole the topic names, a measure of the same unit that is the whole's and more", async () => {
    const roads = {
      'roads.md': note(
        'County Roads Review',
        'About 9,400 road crashes in the county were recorded in 2023, with over 1,100 of those coming from lorries ' +
          'and some 700 coming from buses.\n\nThe county resurfaced 80 miles of road.',
      ),
    };
    const scoresIn = async (topic: string, otherPart: number) =>
      new Map((await figuresOn(roads, topic, { otherPart })).map((f) => [f.text, f.score]));
    // "… coming from lorries" is the whole's measure and more, the more naming none of the topic: a part of it.
    const [weighed, whole] = [
      await scoresIn('county road crashes in 2023', 0.5),
      await scoresIn('county road crashes in 2023', 1),
    ];
    expect(weighed.get('over 1,100')).toBeCloseTo(whole.get('over 1,100')! / 2);
    expect(weighed.get('some 700')).toBeCloseTo(whole.get('some 700')! / 2);
    expect(weighed.get('About 9,400 road crashes')).toBeCloseTo(whole.get('About 9,400 road crashes')!);
    // A part the topic names is what it asks for.
    const [busesWeighed, busesWhole] = [
      await scoresIn('road crashes coming from buses', 0.5),
      await scoresIn('road crashes coming from buses', 1),
    ];
    expect(busesWeighed.get('some 700')).toBeCloseTo(busesWhole.get('some 700')!);
  });

  it('weighs a sum of money as another kind of figure on a topic asking how long, as on "how many"', async () => {
    const canal = {
      'canal.md': note(
        'Canal',
        [
          'The canal has been open to boats for 30 years.',
          'Keeping the canal open to boats cost £2 million last year.',
          'The towpath was resurfaced in spring.',
        ].join('\n\n'),
      ),
    };
    const scoreIn = (topic: string, otherKind: number) => scoreOn(canal, topic, '£2 million', { otherKind });
    const howLong = 'how long has the canal been open to boats';
    expect(await weighed((w) => scoreIn(howLong, w))).toBeCloseTo(0.5);
    const cost = 'cost of keeping the canal open';
    expect(await weighed((w) => scoreIn(cost, w))).toBeCloseTo(1);
  });

  it('weighs a figure at a rate over another period on a topic asking a rate, beside one at that rate', async () => {
    const kiosk = {
      'kiosk.md': note(
        'Kiosk',
        'The ferry kiosk takes about £4,000 a month in fares, and the café beside it over £30,000 a year. ' +
          'Staff turnover at the kiosk runs at 2 percent a month.',
      ),
    };
    const scoreIn = (topic: string, text: string, otherKind: number) =>
      scoreOn(kiosk, topic, (written) => written.includes(text), { otherKind });
    const monthly = 'monthly takings at the ferry kiosk';
    expect(await weighed((w) => scoreIn(monthly, '£30,000', w))).toBeCloseTo(0.5);
    expect(await weighed((w) => scoreIn(monthly, '£4,000', w))).toBeCloseTo(1);
    // Beside no sum given a year, a sum given a month is weighed on its words alone on a topic asking a yearly one; a
    // share a month, beside no share a year, too.
    const yearly = 'kiosk takings per year';
    expect(await weighed((w) => scoreIn(yearly, '£4,000', w))).toBeCloseTo(0.5);
    expect(await weighed((w) => scoreIn(yearly, '2 percent', w))).toBeCloseTo(1);
    // No rate asked: none weighed.
    const takings = 'ferry kiosk takings';
    expect(await weighed((w) => scoreIn(takings, '£30,000', w))).toBeCloseTo(1);
  });

  it('weighs the other end of a change one sentence gives than the end a topic asks by now or "at first"', async () => {
    const routes = {
      'routes.md': note(
        'Routes',
        'Over the last 12 years the county bus network has grown from a handful of 5 or 6 bus routes to upwards ' +
          'of 30 routes.\n\nRiders who rated the buses good were around 61 percent in 2014 and 74 percent for 2022.',
      ),
    };
    const scoreIn = (topic: string, text: string, otherEnd: number) =>
      scoreOn(routes, topic, (written) => written.includes(text), { otherEnd });
    const halved = (topic: string, text: string) => weighed((w) => scoreIn(topic, text, w));
    expect(await halved('county bus routes today', '5 or 6')).toBeCloseTo(0.5);
    expect(await halved('county bus routes today', '30')).toBeCloseTo(1);
    expect(await halved('county bus routes at first', '30')).toBeCloseTo(0.5);
    expect(await halved('county bus routes at first', '5 or 6')).toBeCloseTo(1);
    // A time before now, "back then" or "12 yrs back", asks the earlier end as "at first" does.
    expect(await halved('county bus routes 12 yrs back', '30')).toBeCloseTo(0.5);
    expect(await halved('county bus routes 12 yrs back', '5 or 6')).toBeCloseTo(1);
    expect(await halved('share of riders rating the buses good back then', '74 percent')).toBeCloseTo(0.5);
    expect(await halved('share of riders rating the buses good back then', '61 percent')).toBeCloseTo(1);
    expect(await halved('latest share of riders rating the buses good', '61 percent')).toBeCloseTo(0.5);
    expect(await halved('latest share of riders rating the buses good', '74 percent')).toBeCloseTo(1);
    // Neither end asked, a year the topic names, or both ends set beside each other: neither weighed.
    expect(await halved('county bus routes', '5 or 6')).toBeCloseTo(1);
    expect(await halved('share of riders rating the buses good in 2014, and the latest', '61 percent')).toBeCloseTo(1);
    expect(await halved('latest share of riders rating the buses good vs before', '61 percent')).toBeCloseTo(1);
  });

  it("weighs a figure of a year its paragraph names after the topic's, the years read as any other", async () => {
    const mill = {
      'mill.md': note('Mill', 'In 1850 the mill ground 400 tonnes of flour. In 1849 it ground 300 tonnes of flour.'),
    };
    const scoreIn = (otherTime: number) => scoreOn(mill, 'mill flour in 1850', '300 tonnes', { otherTime });
    expect(await weighed(scoreIn)).toBeCloseTo(0.5);
  });

  it('weighs a date naming no year as another kind of figure on a topic asking which year', async () => {
    const text =
      'The keeper Ann Blake served at Gull Point lighthouse from 1990 to 1998. ' +
      'On Monday, March 4, Ann Blake was invited to speak to the Gull Point harbour board.';
    const scoreIn = (topic: string, otherKind: number) =>
      scoreOn({ 'lighthouse.md': note('Gull Point', text) }, topic, (written) => written.includes('March 4'), {
        otherKind,
      });
    const years = "ann blake's stint at gull point, which yrs";
    expect(await weighed((w) => scoreIn(years, w))).toBeCloseTo(0.5);
    // "When … last year" asks for a date at a time tied to now: a date naming no year is the kind asked for.
    for (const day of [
      'when was ann blake invited to the gull point harbour board',
      'when was ann blake invited to the gull point harbour board last year',
    ])
      expect(await weighed((w) => scoreIn(day, w))).toBeCloseTo(1);
  });

  it('weighs a date naming no day as another kind of figure on a topic asking what day', async () => {
    const text =
      'The keeper Ann Blake opened the Gull Point museum on March 4, 1999. ' +
      'Ann Blake had the Gull Point museum roof rebuilt in June 2005.';
    const scoreIn = (topic: string, date: string, otherKind: number) =>
      scoreOn({ 'museum.md': note('Gull Point museum', text) }, topic, (written) => written.includes(date), {
        otherKind,
      });
    const day = 'ann blake and the gull point museum, what day';
    expect(await weighed((w) => scoreIn(day, 'June 2005', w))).toBeCloseTo(0.5);
    expect(await weighed((w) => scoreIn(day, 'March 4', w))).toBeCloseTo(1);
    // "When" asks for no day: a month is as much an answer.
    const when = 'when did ann blake have the gull point museum roof rebuilt';
    expect(await weighed((w) => scoreIn(when, 'June 2005', w))).toBeCloseTo(1);
  });

  it('leaves out a date that is only a year the topic names on a topic asking when', async () => {
    const text =
      'The Hillside orchard co-op was founded in 1996 by twelve growers. ' +
      'In 2004 the co-op harvested 300 tonnes of apples, and storms in June 2004 cost it a barn.';
    const listed = async (topic: string) =>
      (await figuresOn({ 'orchard.md': note('Hillside orchard co-op', text) }, topic)).map((f) => f.text);
    // The year it names says when the harvest asked stands, and the asker knows it: "2004" answers nothing asked.
    const founded = await listed('hillside orchard co-op founded in what yr, and its 2004 apple harvest');
    expect(founded).toContain('1996');
    expect(founded).not.toContain('2004');
    // A date naming more than the year may be the time asked within it.
    expect(await listed('hillside orchard co-op storms of 2004, which month')).toContain('June 2004');
  });

  it('leaves out a fiscal year the topic names by its last two digits, as "fy21", asking which', async () => {
    const text = 'The co-op sold 300 tonnes of apples in fiscal year 2021, more than in fiscal year 2019.';
    const orchard = { 'orchard.md': note('Hillside orchard co-op', text) };
    const listed = (await figuresOn(orchard, 'fy21 co-op apple sales beat which fiscal yr')).map((f) => f.text);
    expect(listed).toContain('fiscal year 2019');
    expect(listed).not.toContain('fiscal year 2021');
  });

  it('leaves out a fiscal year written "FY2021" or "financial year 2021" that the topic names as "fy21"', async () => {
    const text = 'The co-op sold 300 tonnes of apples in FY2021, more than in financial year 2019 or FY 2017.';
    const orchard = { 'orchard.md': note('Hillside orchard co-op', text) };
    const listed = (await figuresOn(orchard, 'fy21 co-op apple sales beat which fy')).map((f) => f.text);
    expect(listed).toEqual(expect.arrayContaining(['financial year 2019', 'FY 2017']));
    expect(listed).not.toContain('FY2021');
  });

  it('leaves out a figure the topic itself gives, typed its own way, on a topic asking when', async () => {
    const text =
      'In May 2021 the Hillside orchard co-op counted 12,400 visitors, up from 9,800 a year before. ' +
      'A survey that autumn found 64 percent of them came back.';
    const listed = (topic: string) =>
      withCorpus(
        { 'orchard.md': note('Hillside orchard co-op', text) },
        (dossier) => answerFigures(dossier, topic).figures.map((f) => f.text),
        { ranking: { figures: { minRelative: 0, unmeasuredRelative: 0 } } },
      );
    // "12.4k" names the count to say which one is meant; the month it was counted in is asked.
    const counted = await listed('the 12.4k hillside co-op visitors were counted in which month');
    expect(counted).toContain('May 2021');
    expect(counted).not.toContain('12,400 visitors');
    expect(await listed('when was the 64% hillside visitor survey taken')).not.toContain('64 percent');
    // Asking the figure itself, the topic's number is what it checks: listed.
    expect(await listed('hillside co-op visitors, 12.4k?')).toContain('12,400 visitors');
  });

  it('weighs a figure whose own time is tied to now as at that time, not at a year named before it', async () => {
    const text =
      'Orchard thefts have been at record highs since 2019, when 640 were logged. ' +
      'Figures show a fall of 8 percent in the first half of this year.';
    const scoreIn = (otherTime: number) =>
      scoreOn({ 'orchards.md': note('Orchards', text) }, 'orchard thefts 2019', '8 percent', { otherTime });
    expect(await weighed(scoreIn)).toBeCloseTo(0.5);
  });

  it("weighs a figure at the year its own time names, though its sentence names the topic's year too", async () => {
    const text =
      'Ferry crossings carried about 52 percent of island freight in 2012, and the latest survey for 2018 found ' +
      '47 percent still going by sea.';
    const scoreIn = (topic: string, figure: string, otherTime: number) =>
      scoreOn({ 'freight.md': note('Island freight', text) }, topic, (written) => written.endsWith(figure), {
        otherTime,
      });
    for (const [topic, other] of [
      ['island freight share by ferry in 2012', '47 percent'],
      ['island freight share by ferry in 2018', '52 percent'],
    ] as const)
      expect(await weighed((w) => scoreIn(topic, other, w))).toBeCloseTo(0.5);
    // A topic naming a time by now too, in any of `NOW_WORDS`, may ask for the year it does not name.
    for (const now of ['latest', 'presently']) {
      const both = `island freight share by ferry, 2012 vs ${now}`;
      expect(await weighed((w) => scoreIn(both, '47 percent', w)), now).toBeCloseTo(1);
    }
  });

  it('reads a year after "after" or "before" as a bound, not the time asked: no figure is weighed for it', async () => {
    const mill = {
      'mill.md': note('Mill', 'In 1850 the mill ground 400 tonnes of flour. In 1852 it ground 600 tonnes of flour.'),
    };
    const scoreIn = (topic: string, otherTime: number) => scoreOn(mill, topic, '600 tonnes', { otherTime });
    for (const topic of ['mill flour after the 1850 flood', 'mill flour before 1850'])
      expect(await weighed((w) => scoreIn(topic, w))).toBeCloseTo(1);
    expect(await weighed((w) => scoreIn('mill flour in 1850', w))).toBeCloseTo(0.5);
  });

  it('reads a year as a bound only within figures.boundWords words of "after" or "before"', async () => {
    const flood = 'In 1850, the year of the great river flood, the mill ground 400 tonnes of flour.';
    const mill = { 'mill.md': note('Mill', `${flood} In 1852 it ground 600 tonnes of flour.`) };
    const topic = 'mill flour after the great river 1850 flood';
    const scoreIn = (otherTime: number, boundWords: number) =>
      scoreOn(mill, topic, '600 tonnes', { otherTime, boundWords });
    // Three words off: the time asked at two (the default), a bound at three.
    expect(await weighed((w) => scoreIn(w, 2))).toBeCloseTo(0.5);
    expect(await weighed((w) => scoreIn(w, 3))).toBeCloseTo(1);
  });

  it('lists a length that frames its clause ("over the past 12 years") only on a topic asking how long', async () => {
    const ferries = {
      'ferries.md': note(
        'Island Ferries',
        [
          'Over the past 12 years the island ferry service has linked the harbour towns.',
          'Over the last 5 years the ferry company bought 3 new boats.',
        ].join('\n\n'),
      ),
    };
    const listed = (topic: string) =>
      withCorpus(ferries, (dossier) => answerFigures(dossier, topic).figures.map((f) => [f.text, f.when]));
    expect(await listed('how long has the island ferry service been running')).toContainEqual(['12 years', undefined]);
    expect(await listed('ferry service, how many yrs')).toContainEqual(['12 years', undefined]);
    expect(await listed('new boats the ferry company bought')).toEqual([['3 new boats', 'Over the last 5 years']]);
    expect(await listed('new ferry boats over the last 5 yrs')).toEqual([['3 new boats', 'Over the last 5 years']]);
  });

  it("weighs a figure naming only the topic's time beside one naming it and the subject", async () => {
    const buses = {
      'buses.md': note(
        'Town Transport Notes',
        [
          'In 2019 there were 40 bus crashes in the town.',
          'Ferry passengers rose by 12 percent in 2019.',
          'Bus crashes worried the council.',
          'Bus drivers asked for safer roads after crashes.',
          'Most bus crashes happen at junctions.',
          'Late services rose by 20 percent in 2021.',
          'Delays cost the operator $40,000 in 2020.',
        ].join('\n\n'),
      ),
    };
    /** The texts and scores of the figures on `topic`, with the ranking's otherSubject as given. */
    const figures = async (topic: string, otherSubject: number) =>
      (await figuresOn(buses, topic, { otherSubject })).map((f) => [f.text, f.score] as const);
    const score = (list: (readonly [string, number])[], text: string) => list.find(([t]) => t === text)?.[1];
    // "12 percent" shares only the year with "bus crashes in 2019"; the 40 crashes are of that year too.
    const [plain, halved] = [await figures('bus crashes in 2019', 1), await figures('bus crashes in 2019', 0.5)];
    expect(score(halved, '12 percent')).toBeCloseTo(score(plain, '12 percent')! / 2);
    expect(score(halved, '40 bus crashes')).toBeCloseTo(score(plain, '40 bus crashes')!);
    // "Late services" may be the delays in other words: the one figure naming delays is of another year.
    const [delays, delaysWeighed] = [await figures('delays in 2021', 1), await figures('delays in 2021', 0.5)];
    expect(score(delaysWeighed, '20 percent')).toBeCloseTo(score(delays, '20 percent')!);
  });
});
