import { capitalise } from './text.js';

/** The one month table: every reader of dates (citations, figures, chart labels) names months through it. */
const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
/** Abbreviations other than a month's first three letters. */
const OTHER_ABBREVIATIONS = new Map([['sept', 9]]);

/** A month's number (1 to 12) from its name or abbreviation in any case, with or without a full stop ("Mar."). */
export function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  const i = MONTH_NAMES.findIndex((m) => m === w || m.slice(0, 3) === w);
  return i >= 0 ? i + 1 : OTHER_ABBREVIATIONS.get(w);
}

/** Whether a word names a month, in any case, by name or abbreviation: "March", "sept", "Dec.". */
export function isMonth(word: string | undefined): boolean {
  return !!word && monthNumber(word) !== undefined;
}

/**
 * A month's number from its name written in full, or as "sept", in any case: "July", "may". A three-letter
 * abbreviation ("jan", "mar", "dec") is also a name or a word, and is a month only where a date's digits stand by it.
 */
export function monthInFull(word: string): number | undefined {
  const w = word.toLowerCase();
  const i = MONTH_NAMES.indexOf(w);
  return i >= 0 ? i + 1 : OTHER_ABBREVIATIONS.get(w);
}

/** A month's three-letter name, for labels: "Mar" for 3. */
export function monthAbbreviation(month: number): string {
  return capitalise(MONTH_NAMES[month - 1]!.slice(0, 3));
}

/**
 * The source of a regular expression for a month's name or abbreviation, with an optional full stop
 * ("March", "Mar.", "sept"). Its one group captures the word, for `monthNumber`; longer words come first
 * so that "September" is not read as "Sep".
 */
export const MONTH_PATTERN = `(${[
  ...new Set([...MONTH_NAMES, ...MONTH_NAMES.map((m) => m.slice(0, 3)), ...OTHER_ABBREVIATIONS.keys()]),
]
  .sort((a, b) => b.length - a.length)
  .join('|')})\\.?`;
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';

/**
 * The words naming a time by its distance from the writer's, each with that distance in the time's unit: "this year" 0,
 * "last spring" and "the past year" -1, "the coming year" +1. The one list: the figure grammar's times anchored to now
 * and the decision's years spoken of from a document's date both read it.
 */
export const RELATIVE_TIME_SHIFTS: ReadonlyMap<string, number> = new Map([
  ['this', 0],
  ['current', 0],
  ['last', -1],
  ['past', -1],
  ['previous', -1],
  ['next', 1],
  ['coming', 1],
]);

/** The words of `NOW_WORDS` that name nothing but now: a question's "now" or "currently" says nothing of its topic. */
export const NOW_ADVERBS: readonly string[] = ['now', 'nowadays', 'currently', 'presently'];

/**
 * The words naming the writer's own time, now, by no year and no unit: "fares now", "the latest count", "current
 * rates", "these days". The one list: a figures topic naming a time by now (`adjustScores`), a topic's words saying
 * when a figure stands rather than what it counts (`timeOrChange`) and, of its adverbs, the search's stop words read
 * it. Not `RELATIVE_TIME_SHIFTS`, which name a time only with a unit after them ("last year", "this spring"): "current"
 * is both ("current rates", "the current year"). Besides the adverbs they name things too ("today's paper", "the
 * latest model", "a present"), and stay searchable.
 */
export const NOW_WORDS: readonly string[] = [
  ...NOW_ADVERBS,
  'today',
  'current',
  'latest',
  'recent',
  'recently',
  'present',
  'these days',
];

/** The ordinals naming a year's quarters, first to fourth ("the third quarter"), which also count its halves. */
export const QUARTER_ORDINALS: readonly string[] = ['first', 'second', 'third', 'fourth'];

/**
 * Four digits from 1500 to 2199, with no thousands comma or decimals: the one shape of a year, wherever one is read (a
 * table's cell, a query's, a figure's sentence). Whether a number of that shape is a year, its words say
 * (`timeOrCount`).
 */
export const YEAR_DIGITS = String.raw`(?:1[5-9]|2[01])\d\d`;
const YEAR_SHAPE = new RegExp(`^${YEAR_DIGITS}$`);

/** Whether a bare number has the shape of a year (`YEAR_DIGITS`). */
export const yearShaped = (number: string): boolean => YEAR_SHAPE.test(number);

/** Whether `digits` are `year`'s last two, as "22" in "fy22" or "'22" are 2022's. */
export const endsYear = (year: string, digits: string): boolean =>
  digits.length === 2 && yearShaped(year) && year.endsWith(digits);

/**
 * A span of years written as one: a year, a dash or a slash (perhaps spaced), and a later year whole or by its last
 * two digits ("2021-22", "2019–2023", "2021/22", "2018 - 19"). Groups: the first year and the second as written,
 * which `spanLast` reads whole. The one reading of a split year: a table's time cell, a chart's label, a query's years.
 */
export const YEAR_SPAN = String.raw`(${YEAR_DIGITS}) ?[-–—/] ?(\d\d(?:\d\d)?)(?!\d)`;

/** The last year of a span (`YEAR_SPAN`), whole: "22" after 2021 is 2022, and "00" after 1999 is 2000. */
export function spanLast(first: string, second: string): number {
  if (second.length === 4) return Number(second);
  const last = Number(first.slice(0, 2) + second);
  // Only a period across a century's turn ends in the next century; any other earlier year leaves no span.
  return last === Number(first) - 99 ? last + 100 : last;
}

/** Whether a span is one year's period, two years in a row, as fiscal, academic and sporting years are written. */
export const oneYearPeriod = (first: string, second: string): boolean => spanLast(first, second) === Number(first) + 1;

const YEAR = '(\\d{4})';

/** "October 30, 2017", "Oct. 30 2017"; "30 October 2017"; "2017-10-30" (also as the head of an ISO timestamp). */
const DATE = new RegExp(
  `\\b(?:${MONTH_PATTERN}\\s+${DAY},?\\s+${YEAR}|${DAY}\\s+${MONTH_PATTERN},?\\s+${YEAR}|` +
    `${YEAR}-(\\d{2})-(\\d{2}))(?![\\d-])`,
  'i',
);

/** A PDF info date: "D:20200301120000Z". */
const PDF_DATE = /^D:(\d{4})(\d{2})(\d{2})/;

export interface FoundDate {
  /** YYYY-MM-DD. */
  iso: string;
  index: number;
  end: number;
}

/**
 * The first full calendar date in `text` (day, month and year). A date without a year ("Dec. 12")
 * is not a date here: guessing the year would put a wrong date on a citation.
 */
export function findDate(text: string): FoundDate | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const [, month1, day1, year1, day2, month2, year2, year3, month3, day3] = m;
  const iso =
    year1 !== undefined
      ? isoDate(year1, monthNumber(month1!)!, day1!)
      : year2 !== undefined
        ? isoDate(year2, monthNumber(month2!)!, day2!)
        : isoDate(year3!, Number(month3), day3!);
  return iso ? { iso, index: m.index, end: m.index + m[0].length } : undefined;
}

/** A date value as metadata gives it (front matter, HTML meta, PDF info), as YYYY-MM-DD. */
export function parseDateValue(value: string | Date): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  const pdf = PDF_DATE.exec(value.trim());
  if (pdf) return isoDate(pdf[1]!, Number(pdf[2]), pdf[3]!);
  return findDate(value)?.iso;
}

function isoDate(year: string, month: number, day: string): string | undefined {
  const d = Number(day);
  const date = new Date(Date.UTC(Number(year), month - 1, d));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}
