import type { CurrencyUnit } from '../../../corpus/currencies.js';

/** What the grammar reads a figure into: the public `Figure`, and a figure at token positions while it is read. */

/** `date`: a time named as a figure of its own ("in March 2009"), read only for a topic asking when (`datesIn`). */
export type FigureUnit = CurrencyUnit | 'percent' | 'count' | 'multiple' | 'ratio' | 'date';

/** A number, or the two ends of a range ("between $18 and $30 billion" is 18e9..30e9). */
export type FigureValue = number | { low: number; high: number };

export interface Figure {
  /** Verbatim: `sentence.slice(start, end)`. Counts and ratios keep their noun ("43 students"). */
  text: string;
  start: number;
  end: number;
  /** Money in units of its currency, percentages as written (72.9), ratios as a fraction (0.1). */
  value: FigureValue;
  unit: FigureUnit;
  /** The period of a rate: "month" for "$77 million a month". */
  per?: string;
  /** What the figure counts or measures, from the sentence ("road crash deaths in the county"). */
  measure?: string;
  /**
   * The unit of measure a bare number is counted in where its label's brackets give it, not its own words: "tonnes"
   * for "3" in "weight (tonnes): 3" (a count's text says its unit itself: "3 tonnes").
   */
  units?: string;
  /**
   * The name of the table row the figure stands in, where its column measures it: "Starter" for "$19" in "plan: Starter
   * — monthly fee: $19". What tells the row's figures apart, which no measure says.
   */
  row?: string;
  /** The time the sentence gives for it, verbatim ("in 2016", "the 12 months ending in March 2022"). */
  when?: string;
  /**
   * The stretch of time the figure is a total over, when its time names where that stretch ends: "12 months"
   * for "the 12 months ending in March 2022", and for "up from 62,000 in March 2021" beside it; "fiscal year".
   */
  period?: string;
  /**
   * How long `period` lasts, in minutes (`MINUTES_IN`): its count of its unit of time as the grammar read them ("12
   * months", "twelve months", "12-month", "52 weeks"; a fiscal year is a year).
   */
  periodMinutes?: number;
  /** How the source qualifies it: "some", "about", "over", "an estimated", "up to". */
  hedge?: string;
  /**
   * A length of time that also says when its clause happened ("over the past 10 years"): how long something has lasted
   * only to a topic asking that.
   */
  frames?: true;
}

/** A figure read at token positions `first` to `next`, before its text is cut from the sentence. */
export interface Match {
  first: number;
  next: number;
  figure: Omit<Figure, 'text' | 'start' | 'end'>;
  /**
   * Read from "of those" or an ellipsis ("and some 15,500 coming from schools"): takes the time of the figure before.
   */
  anaphoric: boolean;
  /** The measure a later "of those" refers back to: this figure's own, before any qualifier was added. */
  base?: string;
}
