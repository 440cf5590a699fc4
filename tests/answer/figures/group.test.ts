import { describe, expect, it } from 'vitest';
import { figuresInSentences } from '../../../src/answer/figures/grammar/index.js';
import {
  MeasureIndex,
  OTHER_FIGURES,
  pointInTime,
  timeOf,
  type MeasureGroup,
  type Sourced,
} from '../../../src/answer/figures/group.js';
import { figureItem } from '../../../src/answer/figures/reply.js';
import { Analyzer } from '../../../src/search/analyzer.js';

// Grouping, comparing and charting figures read from sentences written for these tests.

/** The figures of a source's sentences, in order, as the figures answer hands them to grouping. */
function read(source: string, ...sentences: string[]): Sourced[] {
  return figuresInSentences(sentences).flatMap((figures, i) =>
    figures.map((f) => ({ ...f, sentence: { text: sentences[i]!, start: 0 }, source, score: 1 })),
  );
}

const index = () => new MeasureIndex(new Analyzer());
const values = (figures: Sourced[]) => figures.map((f) => f.value);
/** The one group the figures of one source's sentences make: a test fails if they make more or none. */
function oneGroup(...sentences: string[]): MeasureGroup {
  const groups = index().group(read('source.md', ...sentences));
  expect(groups).toHaveLength(1);
  return groups[0]!;
}

describe('MeasureIndex.group', () => {
  it('joins figures that name the same measure, in any case', () => {
    const group = oneGroup(
      'Ferry fares on the island route rose to $14 in 2019.',
      'In 2021, ferry fares on the island route reached $17.',
    );
    expect(values(group.figures)).toEqual([14, 17]);
  });

  it('never joins a part with its whole, nor a bare head with a fuller measure', () => {
    const figures = [
      ...read(
        'roads.md',
        'Road deaths in the province reached 900 in 2021.',
        'Cyclist road deaths in the province reached 120 in 2022.',
      ),
      ...read('report.md', 'The report counted 400 deaths in 2023.'),
    ];
    const groups = index().group(figures);
    expect(groups.map((g) => values(g.figures))).toEqual([[900], [120], [400]]);
    expect(groups.map((g) => index().series(g))).toEqual([undefined, undefined, undefined]);
  });

  it('gathers figures with no measure under one heading, never compared or charted', () => {
    const group = oneGroup(
      'The school board spent $3.5 million in 2022.',
      'The school board spent $4 million in 2023.',
    );
    expect(group).toMatchObject({ measure: OTHER_FIGURES, unnamed: true });
    expect(index().series(group)).toBeUndefined();
    expect(index().disagreements([group])).toEqual([[]]);
  });

  it('puts the figures with no measure after every measure, however well they score', () => {
    const figures = read(
      'budget.md',
      'Library visits reached 40,000 in 2022.',
      'The school board spent $3.5 million in 2022.',
      'Pool admissions reached 12,000 in 2022.',
    );
    const groups = index().group(figures);
    expect(groups.map((g) => g.measure)).toEqual(['Library visits', 'Pool admissions', OTHER_FIGURES]);
  });
});

describe('MeasureIndex.series', () => {
  it('draws one line through one measure over one kind of period, labelled with the period', () => {
    const group = oneGroup(
      'Over the 12 months ending in March 2023, shoppers returned 9,000 parcels, down from 11,000 in March 2022.',
      'Shoppers returned 7,500 parcels in 2019.',
    );
    const series = index().series(group);
    // The calendar year 2019 is not a point of the 12-month line.
    expect(series?.points.map((p) => [p.label, p.value])).toEqual([
      ['12 months to Mar 2022', 11000],
      ['12 months to Mar 2023', 9000],
    ]);
  });

  it('leaves out changes: a rise is not a level', () => {
    const figures = read(
      'rents.md',
      'Rents in the capital reached $1,900 a month in 2021.',
      'Rents in the capital reached $2,050 a month in 2022.',
      'Rents in the capital rose 6 percent in 2023.',
    );
    const [money, change] = index().group(figures);
    expect(
      index()
        .series(money!)
        ?.points.map((p) => p.value),
    ).toEqual([1900, 2050]);
    expect(change!.unit).toBe('percent');
  });

  it("draws one table row's figures, not a column's across its rows", () => {
    // A table of our own, as `tableRow` writes its rows: each line's fares measure "fare", its row names the line.
    const group = oneGroup(
      'route: Harbour line — fare in 2024: £2.20; fare in 2025: £2.40',
      'route: Hill line — fare in 2024: £1.80; fare in 2026: £2.00',
    );
    expect(group.figures.map((f) => f.row)).toEqual(['Harbour line', 'Harbour line', 'Hill line', 'Hill line']);
    const series = index().series(group);
    expect(series?.points.map((p) => [p.label, p.value])).toEqual([
      ['2024', 2.2],
      ['2025', 2.4],
    ]);
    // Its title says whose line it is.
    expect(series?.measure).toBe('fare, Harbour line');
  });
});

describe('MeasureIndex.disagreements', () => {
  it('sets two sources side by side when they give one measure differently for one year', () => {
    const figures = [
      ...read('town.md', "The town's population reached 48,000 in 2020."),
      ...read('census.md', "The town's population stood at 46,500 in 2020."),
    ];
    const groups = index().group(figures);
    expect(
      index()
        .disagreements(groups)
        .map((d) => d.map((f) => f.source)),
    ).toEqual([['town.md', 'census.md']]);
  });

  it('compares overlapping measures only when their values are close: a part is not a rival estimate', () => {
    const figures = [
      ...read('club.md', 'Ticket revenue at the stadium is estimated at $40 million for 2023.'),
      ...read('league.md', 'Ticket revenue from season holders reached $38 million for 2023.'),
      ...read('press.md', 'Ticket revenue from hospitality boxes reached $6 million for 2023.'),
    ];
    const groups = index().group(figures);
    expect(groups).toHaveLength(3);
    const compared = index().disagreements(groups).flat();
    expect(compared.map((f) => f.source).sort()).toEqual(['club.md', 'league.md']);
    // The ranking options say how close: within a factor of 10 the part is a rival too; sharing all words, none is.
    const wide = new MeasureIndex(new Analyzer(), undefined, { measureOverlap: 0.5, estimateSpread: 10 });
    expect(
      new Set(
        wide
          .disagreements(groups)
          .flat()
          .map((f) => f.source),
      ),
    ).toEqual(new Set(['club.md', 'league.md', 'press.md']));
    const strict = new MeasureIndex(new Analyzer(), undefined, { measureOverlap: 1, estimateSpread: 1.5 });
    expect(strict.disagreements(groups).flat()).toEqual([]);
  });

  it("does not compare different rows of two sources' tables", () => {
    const figures = [
      ...read('timetable.md', 'route: Harbour line — fare in 2024: £2.20'),
      ...read('fares.md', 'route: Hill line — fare in 2024: £1.80'),
      ...read('notice.md', 'route: Harbour line — fare in 2024: £2.50'),
    ];
    const compared = index().disagreements(index().group(figures)).flat();
    expect(compared.map((f) => f.source)).toEqual(['timetable.md', 'notice.md']);
  });

  it('does not compare different years', () => {
    const figures = [
      ...read('a.md', 'Museum visitors reached 310,000 in 2019.'),
      ...read('b.md', 'Museum visitors reached 250,000 in 2018.'),
    ];
    expect(index().disagreements(index().group(figures)).flat()).toEqual([]);
  });
});

describe('how a figure reads in a list', () => {
  const citation = { source: 'x.md', title: 'X', paragraph: 1 };

  it('does not repeat a measure its own words already say', () => {
    const [figure] = read('league.md', 'The league fined two organizations in 2022.');
    expect(figure!.measure).toBe('organizations');
    expect(figureItem({ ...figure!, citation }).measure).toBeUndefined();
    const [longer] = read('club.md', 'The club signed 12 players from the academy.');
    expect(figureItem({ ...longer!, citation }).measure).toBe('players from the academy');
  });

  it('shows the period of a figure compared with a 12-month total', () => {
    const [, before] = read(
      'returns.md',
      'Over the 12 months ending in March 2023, shoppers returned 9,000 parcels, down from 11,000 in March 2022.',
    );
    expect(timeOf(before!)).toBe('12 months to March 2022');
    expect(figureItem({ ...before!, citation }).when).toBe('12 months to March 2022');
    expect(timeOf({ when: 'in fiscal year 2022', period: 'fiscal year' })).toBe('in fiscal year 2022');
  });

  it('labels a point on an axis with its period, never as a bare month', () => {
    expect(pointInTime('in March 2021', '12 months')?.label).toBe('12 months to Mar 2021');
    expect(pointInTime('in March 2021')?.label).toBe('Mar 2021');
    // A month and year joined by a hyphen are that month, not the year's middle: a table's months are a line's points.
    expect(pointInTime('Apr-2025')).toEqual(pointInTime('April 2025'));
    expect(pointInTime('in Apr-2025')!.x).toBeLessThan(pointInTime('May-2025')!.x);
    expect(pointInTime('in fiscal year 2022', 'fiscal year')?.label).toBe('fiscal year 2022');
    expect(pointInTime('since 2008')).toBeUndefined();
  });

  it('labels a span of two years as written, not as its first year', () => {
    // An annual report's rows of our own, "2021-22 — rent arrears: 4.1%": the chart said "2021".
    expect(pointInTime('2021-22')).toEqual({ x: 2021.5, label: '2021-22' });
    expect(pointInTime('in 2021–22')?.label).toBe('2021–22');
    expect(pointInTime('in 2019/20', 'fiscal year')?.label).toBe('fiscal year 2019/20');
    // Every reader takes a span's spellings alike (`YEAR_SPAN`): an em dash too, and a period across a century.
    expect(pointInTime('in 2021—22')?.label).toBe('2021—22');
    expect(pointInTime('in 1999-00')?.label).toBe('1999-00');
    // Two digits that do not follow the year are no span of it.
    expect(pointInTime('in 2021-25')?.label).toBe('2021');
  });

  it('places a year of any century a year has, as the grammar reads one', () => {
    // A mill's and a canal's records of our own: a year before 1900 is a point as one after it is.
    expect(pointInTime('in 1851')).toEqual({ x: 1851.5, label: '1851' });
    expect(pointInTime('in May 1788')?.label).toBe('May 1788');
    expect(pointInTime('by 2150')?.label).toBe('2150');
    // Four digits no year could be are no point.
    expect(pointInTime('in 4417')).toBeUndefined();
  });
});
