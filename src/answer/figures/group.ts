import {
  MONTH_PATTERN,
  YEAR_DIGITS,
  YEAR_SPAN,
  monthAbbreviation,
  monthNumber,
  oneYearPeriod,
} from '../../corpus/dates.js';
import type { Analyzer } from '../../search/analyzer.js';
import { DEFAULT_RANKING, type RankingOptions } from '../../search/ranking.js';
import { CHANGE_NOUNS, type FigureUnit, type FigureValue } from './grammar/index.js';
import type { PassageFigure } from './passage.js';

/** What grouping needs of a figure: the figure, where it comes from, and how relevant it is. */
export interface Sourced extends PassageFigure {
  source: string;
  score: number;
}

/** Figures that measure the same thing in the same unit, best first. */
export interface MeasureGroup<F extends Sourced = Sourced> {
  /** The measure of the group's most relevant figure. */
  measure: string;
  unit: FigureUnit;
  figures: F[];
  /** Figures whose sentence names no measure, gathered under one heading: never compared or charted. */
  unnamed?: true;
}

/** The heading of figures whose sentence names no measure ("More than 20,000 of them …"). */
export const OTHER_FIGURES = 'other figures';

/** A point of a series: one figure and the time it is for. */
export interface SeriesPoint<F extends Sourced = Sourced> {
  /** Decimal year: 2016.5 for "in 2016", 2022.21 for "March 2022". */
  x: number;
  /** The time as written, shortened for an axis: "2016", "Mar 2022". */
  label: string;
  value: number;
  figure: F;
}

export interface Series<F extends Sourced = Sourced> {
  measure: string;
  unit: FigureUnit;
  per?: string;
  points: SeriesPoint<F>[];
}

/** A month and its year: "March 2021", "March 3, 2021", or joined by a hyphen as a table's column writes them. */
const MONTH_YEAR = new RegExp(`\\b${MONTH_PATTERN}(?:\\s+(?:\\d{1,2},?\\s+)?|-)(${YEAR_DIGITS})\\b`, 'i');
/** The years a time names, of the one shape a year has everywhere (`YEAR_DIGITS`: "in 1850" as "in 2019"). */
const YEARS = new RegExp(`\\b${YEAR_DIGITS}\\b`, 'g');
/** A span of years (`YEAR_SPAN`), labelled as written when it is one year's period: "2021-22". */
const SPLIT_YEAR = new RegExp(`\\b${YEAR_SPAN}`);
/**
 * Groups, disagreements and series over a list of figures. Two figures measure the same thing when
 * they share a unit and rate and their measures say the same words (a word and its synonym in the
 * corpus's lexicon, through `same`, are one): "cargo thefts at the harbour" twice, "Cargo thefts at the harbour". A
 * measure with a word more or other is another quantity, often a part of the first: "electric scooter
 * crash deaths" are not more "road crash deaths", and bare "deaths" is not either of them.
 */
export class MeasureIndex {
  private readonly words = new Map<string, string[][]>();

  constructor(
    private readonly analyzer: Analyzer,
    /** The other one-word terms the corpus says mean the same as a term (its lexicon and aliases). */
    private readonly same: (term: string) => string[] = () => [],
    /** When two sources' figures in different groups are estimates of one quantity (see `RankingOptions`). */
    private readonly options: Pick<
      RankingOptions['figures'],
      'estimateSpread' | 'measureOverlap'
    > = DEFAULT_RANKING.figures,
  ) {}

  /**
   * Groups in order of their best figure, with the figures that name no measure last, whatever their score: they say
   * least of what they are, so they never stand between two measures. Figures keep their order within a group.
   */
  group<F extends Sourced>(figures: F[]): MeasureGroup<F>[] {
    const groups: MeasureGroup<F>[] = [];
    for (const figure of figures) {
      const group = figure.measure
        ? groups.find((g) => !g.unnamed && this.sameMeasure(g.figures[0]!, figure))
        : groups.find((g) => g.unnamed);
      if (group) group.figures.push(figure);
      else if (figure.measure) groups.push({ measure: figure.measure, unit: figure.unit, figures: [figure] });
      else groups.push({ measure: OTHER_FIGURES, unit: figure.unit, figures: [figure], unnamed: true });
    }
    return [...groups.filter((g) => !g.unnamed), ...groups.filter((g) => g.unnamed)];
  }

  /**
   * For each group (same index), the figures that different sources give differently for it at the
   * same time (or with no time), the best one from each source, when there are at least two; empty
   * where they agree. Besides the group's own figures these may be other sources' figures for an
   * overlapping measure with a close value ("profits from ferry tickets" beside "revenue to ferry
   * operators"), which a reader should see side by side; each figure stands in one list at most.
   */
  disagreements<F extends Sourced>(groups: MeasureGroup<F>[]): F[][] {
    const taken = new Set<F>();
    const others = groups.flatMap((g) => (g.unnamed ? [] : g.figures));
    return groups.map((group) => {
      if (group.unnamed) return [];
      const conflicting = new Set<F>();
      for (const a of group.figures) {
        if (taken.has(a)) continue;
        for (const b of others)
          if (b !== a && !taken.has(b) && this.differ(a, b, group.figures.includes(b))) {
            conflicting.add(a);
            conflicting.add(b);
          }
      }
      const perSource = new Map<string, F>();
      // The group's own figures first, so the block stands under the group's measure.
      for (const f of [...group.figures, ...others])
        if (conflicting.has(f) && !perSource.has(f.source)) perSource.set(f.source, f);
      if (perSource.size < 2) return [];
      for (const f of perSource.values()) taken.add(f);
      return [...perSource.values()];
    });
  }

  /**
   * A group's figures as a series over time: one point per dated time, levels only (no changes,
   * multiples or ratios), all over one kind of period (a total for the 12 months to a date is not a
   * point of the same line as a calendar year's) and of one table row (a column's fares by year are each line's
   * own: two lines' are not one line), at least two.
   */
  series<F extends Sourced>(group: MeasureGroup<F>): Series<F> | undefined {
    // A date is no level of anything: the times of a measure are not its values.
    if (group.unnamed || group.unit === 'multiple' || group.unit === 'ratio' || group.unit === 'date') return undefined;
    const dated = group.figures.filter((f) => f.when && pointInTime(f.when, f.period));
    const period = dated[0]?.period;
    const row = dated[0]?.row;
    const byTime = new Map<number, SeriesPoint<F>>();
    for (const figure of dated) {
      const time = pointInTime(figure.when!, figure.period)!;
      if (
        figure.period !== period ||
        figure.row !== row ||
        typeof figure.value !== 'number' ||
        isChange(figure) ||
        byTime.has(time.x)
      )
        continue;
      byTime.set(time.x, { ...time, value: figure.value, figure });
    }
    const points = [...byTime.values()].sort((a, b) => a.x - b.x);
    if (points.length < 2) return undefined;
    // The chart's title says whose line it is where the measure is a table's column: "fare, Harbour line".
    const measure = row ? `${group.measure}, ${row}` : group.measure;
    return { measure, unit: group.unit, per: group.figures[0]!.per, points };
  }

  private sameMeasure(a: Sourced, b: Sourced): boolean {
    if (a.unit !== b.unit || a.per !== b.per || !a.measure || !b.measure) return false;
    const [x, y] = [this.wordsOf(a.measure), this.wordsOf(b.measure)];
    return within(x, y) && within(y, x);
  }

  /** Whether two sources give different values for one quantity at one time (see `disagreements`). */
  private differ(a: Sourced, b: Sourced, sameGroup: boolean): boolean {
    if (a.source === b.source || a.unit !== b.unit || a.per !== b.per) return false;
    // Two rows of a table ("Harbour line", "Hill line") are two quantities under one column's measure.
    if (a.row && b.row && a.row !== b.row) return false;
    if (sameValue(a.value, b.value) || !sameTime(a, b)) return false;
    const { measureOverlap, estimateSpread } = this.options;
    return (
      sameGroup ||
      (overlap(this.wordsOf(a.measure!), this.wordsOf(b.measure!)) >= measureOverlap && close(a, b, estimateSpread))
    );
  }

  /**
   * A measure's words as the analyser reads them, each as its term
   * (its stem) and the terms the corpus's lexicon calls the same.
   */
  private wordsOf(measure: string): string[][] {
    let words = this.words.get(measure);
    if (!words) {
      words = this.analyzer
        .words(measure)
        .map((w) => (w.term && !/\d/.test(w.term) ? [w.term, ...this.same(w.term)] : []))
        .filter((terms) => terms.length > 0);
      this.words.set(measure, words);
    }
    return words;
  }
}

/** A word of a measure matches a word of another that shares a term with it (its stem, or a lexicon synonym). */
const matches = (word: string[], other: string[][]) => other.some((v) => word.some((t) => v.includes(t)));

/** Whether every word of measure `a` is in measure `b`. */
function within(a: string[][], b: string[][]): boolean {
  return a.every((w) => matches(w, b));
}

/** The share of the shorter measure's words found in the other: "deaths" is wholly in "road crash deaths". */
function overlap(a: string[][], b: string[][]): number {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length ? short.filter((w) => matches(w, long)).length / short.length : 0;
}

function isChange(figure: PassageFigure): boolean {
  return /^(up|down)\b/i.test(figure.text) || CHANGE_NOUNS.has(figure.measure?.split(/\s/)[0]!.toLowerCase() ?? '');
}

function close(a: Sourced, b: Sourced, spread: number): boolean {
  return closeValues(a.value, b.value, spread);
}

/** Values, or ranges, within a factor of `spread` of each other. */
export function closeValues(a: FigureValue, b: FigureValue, spread: number): boolean {
  const [x, y] = [bounds(a), bounds(b)];
  return x.low <= spread * y.high && y.low <= spread * x.high;
}

function bounds(value: FigureValue): { low: number; high: number } {
  return typeof value === 'number' ? { low: value, high: value } : value;
}

function sameValue(a: FigureValue, b: FigureValue): boolean {
  if (typeof a === 'number' || typeof b === 'number') return a === b;
  return a.low === b.low && a.high === b.high;
}

function sameTime(a: Sourced, b: Sourced): boolean {
  if (!a.when || !b.when) return !a.when && !b.when;
  if (a.period !== b.period) return false;
  const x = pointInTime(a.when);
  const y = pointInTime(b.when);
  return x && y ? x.x === y.x : a.when.toLowerCase() === b.when.toLowerCase();
}

/**
 * The one point in time a time reference names, if it names one: "in 2016", "fiscal year 2022",
 * "in March 2021", "the 12 months ending in March 2022" (its end), "mid-2022". Spans ("since 2008",
 * "from 2015 to 2017") and times without a year ("this year") name none. A figure's `period` ("12
 * months") heads the label, so a total over a stretch is never shown as a day or a month.
 */
export function pointInTime(when: string, period?: string): { x: number; label: string } | undefined {
  if (/\b(since|from|between)\b/i.test(when)) return undefined;
  const years = when.match(YEARS) ?? [];
  if (new Set(years).size !== 1) return undefined;
  const year = Number(years[0]);
  const dated = when.match(MONTH_YEAR);
  if (dated && Number(dated[2]) === year) {
    const month = monthNumber(dated[1]!)!;
    const label = `${monthAbbreviation(month)} ${year}`;
    return { x: year + (month - 0.5) / 12, label: period ? `${period} to ${label}` : label };
  }
  // "2021-22" is labelled as written: its first year alone would put a year's figure under the year before it.
  const split = when.match(SPLIT_YEAR);
  const written = split && oneYearPeriod(split[1]!, split[2]!) ? split[0] : String(year);
  if (period) return { x: year + 0.5, label: `${period} ${written}` };
  if (/\bmid-/i.test(when)) return { x: year + 0.5, label: `mid-${year}` };
  if (/\b(end of|late)\b/i.test(when)) return { x: year + 11.5 / 12, label: `end ${year}` };
  return { x: year + 0.5, label: written };
}

/**
 * A figure's time as a reader should see it: as written, or, for a figure over a period that its own
 * words do not state ("up from 62,000 in March 2021" beside a 12-month total), the period to that time.
 */
export function timeOf(figure: Pick<PassageFigure, 'when' | 'period'>): string | undefined {
  const { when, period } = figure;
  if (!when || !period || when.toLowerCase().includes(period.toLowerCase())) return when;
  return `${period} to ${when.replace(/^(in|by|as of|at)\s+/i, '')}`;
}
