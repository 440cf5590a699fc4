import { MONTH_PATTERN, monthAbbreviation, monthNumber } from '../../corpus/dates.js';
import type { Analyzer } from '../../search/analyzer.js';
import type { FigureUnit, FigureValue } from './grammar.js';
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

/** Words that name a change or a share of something; the measure's head is what follows them. */
const WRAPPERS =
  /^(?:increase|increases|decrease|decreases|drop|drops|rise|rises|decline|declines|fall|falls|growth|reduction|jump|cut|number|share|percentage|proportion|amount|total|majority|rate)\s+(?:in|of)\s+/i;
const CHANGE = /^(?:increase|decrease|drop|rise|decline|fall|growth|reduction|jump|cut)\b/i;
const HEAD_ENDS =
  /^(?:in|of|from|to|for|at|on|by|with|among|within|across|has|have|had|is|are|was|were|be|been|said|who|that|which)$|ing$/i;
const MONTH_YEAR = new RegExp(`\\b${MONTH_PATTERN}\\s+(?:\\d{1,2},?\\s+)?((?:19|20)\\d\\d)\\b`, 'i');

/**
 * Groups, disagreements and series over a list of figures. Two figures measure the same thing
 * when they share a unit (and rate) and the head of their measures: "deaths" in "drug overdose
 * deaths in the United States" and in "deaths"; "profits" and "revenue" through the analyser's
 * synonyms.
 */
export class MeasureIndex {
  private readonly heads = new Map<string, { head: Set<string>; modifiers: Set<string> }>();
  private readonly terms = new Map<string, Set<string>>();

  constructor(private readonly analyzer: Analyzer) {}

  /** Groups in order of their best figure; figures keep their order within a group. */
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
    return groups;
  }

  /**
   * The figures of a group that different sources give differently for the same time (or with no
   * time): the best one from each source, when there are at least two and their values differ.
   */
  disagreement<F extends Sourced>(group: MeasureGroup<F>): F[] {
    if (group.unnamed) return [];
    const conflicting = new Set<F>();
    group.figures.forEach((a, i) => {
      for (const b of group.figures.slice(i + 1)) {
        if (a.source === b.source || sameValue(a.value, b.value) || !sameTime(a.when, b.when)) continue;
        if (
          this.overlap(this.termsOf(a.measure), this.termsOf(b.measure)) >= 0.5 ||
          this.overlap(this.termsOf(a.sentence.text), this.termsOf(b.sentence.text)) >= 0.5
        ) {
          conflicting.add(a);
          conflicting.add(b);
        }
      }
    });
    const perSource = new Map<string, F>();
    for (const f of group.figures) if (conflicting.has(f) && !perSource.has(f.source)) perSource.set(f.source, f);
    return perSource.size >= 2 ? [...perSource.values()] : [];
  }

  /**
   * A group's figures as a series over time: one point per dated time (the most general measure
   * where several figures share a time), levels only (no changes, multiples or ratios), at least two.
   */
  series<F extends Sourced>(group: MeasureGroup<F>): Series<F> | undefined {
    if (group.unnamed || group.unit === 'multiple' || group.unit === 'ratio') return undefined;
    const byTime = new Map<number, SeriesPoint<F>>();
    for (const figure of group.figures) {
      const time = figure.when ? pointInTime(figure.when) : undefined;
      if (!time || typeof figure.value !== 'number' || isChange(figure)) continue;
      const held = byTime.get(time.x);
      if (!held || this.termsOf(figure.measure).size < this.termsOf(held.figure.measure).size)
        byTime.set(time.x, { ...time, value: figure.value, figure });
    }
    const points = [...byTime.values()].sort((a, b) => a.x - b.x);
    if (points.length < 2) return undefined;
    return { measure: group.measure, unit: group.unit, per: group.figures[0]!.per, points };
  }

  /**
   * Same head, and the words before it do not pull apart: "deaths" and "drug overdose deaths" are
   * one measure, but "synthetic opioid overdose deaths" are a part of drug overdose deaths, not more of them.
   */
  private sameMeasure(a: Sourced, b: Sourced): boolean {
    if (a.unit !== b.unit || a.per !== b.per || !a.measure || !b.measure) return false;
    const first = this.headOf(a.measure);
    const second = this.headOf(b.measure);
    if (![...first.head].some((t) => second.head.has(t))) return false;
    return within(first.modifiers, second.modifiers) || within(second.modifiers, first.modifiers);
  }

  /** A measure's head noun ("deaths" in "drug overdose deaths in the United States") and the words before it. */
  private headOf(measure: string): { head: Set<string>; modifiers: Set<string> } {
    let parts = this.heads.get(measure);
    if (!parts) {
      const words = measure.replace(WRAPPERS, '').split(/\s+/);
      const end = words.findIndex((w, i) => i > 0 && HEAD_ENDS.test(w));
      const chunk = words.slice(0, end < 0 ? undefined : end);
      const head = new Set(this.analyzer.terms(chunk.at(-1) ?? ''));
      const modifiers = new Set(
        this.analyzer.terms(chunk.slice(0, -1).join(' ')).filter((t) => !head.has(t) && !/\d/.test(t)),
      );
      parts = { head, modifiers };
      this.heads.set(measure, parts);
    }
    return parts;
  }

  private termsOf(text: string | undefined): Set<string> {
    if (!text) return new Set();
    let terms = this.terms.get(text);
    if (!terms) {
      terms = new Set(this.analyzer.terms(text).filter((t) => !/\d/.test(t)));
      this.terms.set(text, terms);
    }
    return terms;
  }

  /** Shared terms over the smaller set: a short measure ("deaths") inside a longer one counts fully. */
  private overlap(a: Set<string>, b: Set<string>): number {
    const smaller = Math.min(a.size, b.size);
    if (!smaller) return 0;
    let shared = 0;
    for (const t of a) if (b.has(t)) shared++;
    return shared / smaller;
  }
}

function within<T>(small: Set<T>, large: Set<T>): boolean {
  for (const x of small) if (!large.has(x)) return false;
  return true;
}

function isChange(figure: PassageFigure): boolean {
  return /^(up|down)\b/i.test(figure.text) || CHANGE.test(figure.measure ?? '');
}

function sameValue(a: FigureValue, b: FigureValue): boolean {
  if (typeof a === 'number' || typeof b === 'number') return a === b;
  return a.low === b.low && a.high === b.high;
}

function sameTime(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return !a && !b;
  const x = pointInTime(a);
  const y = pointInTime(b);
  return x && y ? x.x === y.x : a.toLowerCase() === b.toLowerCase();
}

/**
 * The one point in time a time reference names, if it names one: "in 2016", "fiscal year 2022",
 * "in March 2021", "the 12 months ending in March 2022" (its end), "mid-2022". Spans ("since 2008",
 * "from 2015 to 2017") and times without a year ("this year") name none.
 */
export function pointInTime(when: string): { x: number; label: string } | undefined {
  if (/\b(since|from|between)\b/i.test(when)) return undefined;
  const years = when.match(/\b(?:19|20)\d\d\b/g) ?? [];
  if (new Set(years).size !== 1) return undefined;
  const year = Number(years[0]);
  const dated = when.match(MONTH_YEAR);
  if (dated && Number(dated[2]) === year) {
    const month = monthNumber(dated[1]!)!;
    const period = /\b(ending|ended|to|through)\b/i.test(when)
      ? `${when.match(/\d+\s+months?/i)?.[0] ?? 'year'} to `
      : '';
    return {
      x: year + (month - 0.5) / 12,
      label: `${period}${monthAbbreviation(month)} ${year}`,
    };
  }
  if (/\bmid-/i.test(when)) return { x: year + 0.5, label: `mid-${year}` };
  if (/\b(end of|late)\b/i.test(when)) return { x: year + 11.5 / 12, label: `end ${year}` };
  return { x: year + 0.5, label: String(year) };
}
