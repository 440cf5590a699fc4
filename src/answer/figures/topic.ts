import { stemWord } from '../../search/analyzer.js';
import { CURRENCIES } from '../../corpus/currencies.js';
import { NOW_WORDS } from '../../corpus/dates.js';
import { ABBREVIATIONS, TIME_NOUNS } from '../../search/english.js';
import type { AnalysedQuery, QueryWord } from '../../search/query.js';
import { MEASUREMENT_UNITS, UNIT_MEASURES, type FigureUnit } from './grammar/index.js';

/**
 * Words that ask for figures rather than say what about: every `figures` topic asks for numbers,
 * so "results of X", "X statistics" and "the X rate" are about X.
 */
const FIGURE_WORDS = new Set([
  'number',
  'numbers',
  'figure',
  'figures',
  'statistic',
  'statistics',
  'stats',
  'data',
  'amount',
  'amounts',
  'total',
  'totals',
  'count',
  'counts',
  'level',
  'levels',
  'result',
  'results',
  'outcome',
  'outcomes',
  'estimate',
  'estimates',
  'trend',
  'trends',
  'key',
  'rate',
  'rates',
  'share',
  'shares',
  'proportion',
  'proportions',
  'ratio',
  'ratios',
  'percentage',
  'percentages',
]);

/**
 * The kinds of time a topic asking when may name ("launch date", "which year"): those a question asks for but a time
 * of day. A figure's date is a day, a month or a year (`datesIn`), never a time of day, so "time" stays in the topic.
 */
const TIME_ASKED = new Set(TIME_NOUNS.filter((noun) => !noun.startsWith('time')));

/**
 * Words that ask how a figure moved, compares or when it stands rather than what it counts: "X compared with last
 * year", "growth of X", "X per month", "X now" ("vs" and "versus" are stop words). A figure says that by its own
 * numbers and times, often in other words ("up 30 percent", "from 9,000"), so they do not decide which figures are
 * about the topic.
 */
const CHANGE_WORDS = new Set(
  [
    'compared',
    'comparison',
    'change',
    'growth',
    'grow',
    'rise',
    'increase',
    'decrease',
    'decline',
    'drop',
    'fall',
    'jump',
    'higher',
    'lower',
    'less',
    'fewer',
    'per',
    'each',
    'every',
    'annual',
    'yearly',
    'monthly',
    'daily',
    'ago',
    // "X now", "latest X": a word naming now, as the figures' adjusting reads one (`NOW_WORDS`).
    ...NOW_WORDS.filter((w) => !w.includes(' ')),
    'percent',
  ].map(stemWord),
);

/**
 * Whether a topic's word says when or how a figure moved rather than what it is of: a number, a change word
 * (`CHANGE_WORDS`), or a common abbreviation of one ("pct" for percent).
 */
export function timeOrChange(word: QueryWord): boolean {
  const spelled = (ABBREVIATIONS[word.word.toLowerCase()] ?? []).filter((w) => !/\s/.test(w)).map(stemWord);
  return /\d/.test(word.term) || [word.term, ...spelled].some((t) => CHANGE_WORDS.has(t));
}

/** The topic's words that say what it is about: those that name no time and no change (`timeOrChange`). */
export function subjectOf(query: AnalysedQuery): AnalysedQuery {
  return { ...query, words: query.words.filter((w) => !timeOrChange(w)) };
}

/** The units of a sum of money: a figure in one answers "how much", and counts as an amount of money in coverage. */
export const MONEY_UNITS = new Set<FigureUnit>(CURRENCIES.map((c) => c.unit));

/**
 * The words of a unit of measure or a currency, as a topic names the one its figures are in ("tonnes", "pesos"), a
 * currency's in the singular too ("price per pound").
 */
const UNIT_WORDS = new Set([
  ...MEASUREMENT_UNITS,
  ...CURRENCIES.flatMap((c) => c.words.flatMap((w) => [w, w.replace(/s$/, '')])),
]);

/**
 * Whether the topic asks for its figures in a unit the corpus never writes: a unit's word before "of" or after "in" or
 * "per" ("hectares of poppy", "budget in pesos") that no passage holds. Its passages give their figures in other units,
 * if at all. A unit of measure is written when any unit measuring the same is (`knows`, an analysed term): a topic's
 * "tons" asks what "tonnes" give, "kilos" what "kilograms" do.
 */
export function unsaidUnit(query: AnalysedQuery, knows: (term: string) => boolean): boolean {
  const words = query.text.toLowerCase().split(/[^\p{L}\p{N}]+/u);
  const lacked = new Set(query.words.filter((w) => !w.known).map((w) => w.word.toLowerCase()));
  const written = (unit: string) => {
    const measure = UNIT_MEASURES.get(unit);
    return !!measure && [...UNIT_MEASURES].some(([other, of]) => of === measure && knows(stemWord(other)));
  };
  return words.some(
    (w, i) =>
      UNIT_WORDS.has(w) &&
      lacked.has(w) &&
      !written(w) &&
      (words[i + 1] === 'of' || ['in', 'per'].includes(words[i - 1]!)),
  );
}

/**
 * The query without the words that only ask for figures ("statistics", "how big"), which every figure answers, and
 * with those that ask how one changed or compares, and the numbers the corpus lacks ("fy2019": a time its figures
 * write otherwise), weighing `aside` as much: they tell figures on the topic apart, not the topic. Unless nothing
 * else is left.
 */
export function aboutWhat(query: AnalysedQuery, aside: number): AnalysedQuery {
  // "launch date", "first year of the scheme": a topic asking when names the kind of time it asks for, as "number of"
  // names a count; the passages giving it seldom say "date".
  const asking = (w: QueryWord) => query.asks === 'time' && TIME_ASKED.has(w.word.toLowerCase());
  const source = sourceWords(query.text);
  const words = query.words
    .filter((w) => !FIGURE_WORDS.has(w.word.toLowerCase()) && w.quantity !== 'figure' && !asking(w))
    .map((w) =>
      CHANGE_WORDS.has(w.term) || (/\d/.test(w.term) && !w.known) || source.has(w.word.toLowerCase())
        ? { ...w, weight: w.weight * aside }
        : w,
    );
  // The topic read without the corpus's lexicon, which decides whether to answer at all, is read so too.
  const withoutLexicon = query.withoutLexicon && aboutWhat(query.withoutLexicon, aside);
  return {
    ...query,
    words: words.some((w) => w.weight > 0) ? words.filter((w) => w.weight > 0) : query.words,
    withoutLexicon,
  };
}

/**
 * Where a topic says whom its figures are from ("per the council's report", "per smith's testimony", "according to the
 * survey"), to the next comma, dash or colon. A clause giving a figure seldom names its source, while a passage naming
 * the source (a byline, "Smith told the council on Monday") may hold figures of anything: those words tell which
 * source, not which figure. "per" before what no article or possessive opens is a rate ("per 1,000", "per year",
 * "per pupil").
 */
const SOURCE_NAMED = new RegExp(
  String.raw`\b(?:per (?=(?:the|an?|his|her|their|its|our|my)\s|[\p{L}.]+['’]s\s)|(?:according|acc\.?) to\s)` +
    String.raw`[^,;:()–]+?(?=\s[-–]|[,;:()–]|$)`,
  'giu',
);

/**
 * The words of each source a topic names (`SOURCE_NAMED`: "per the survey, according to smith's letter"), lower case, a
 * possessive's noun without its "'s" too.
 */
function sourceWords(topic: string): Set<string> {
  const words = [...topic.matchAll(SOURCE_NAMED)].flatMap((named) => named[0].toLowerCase().split(/[^\p{L}\p{N}'’]+/u));
  return new Set(words.flatMap((w) => [w, w.replace(/['’]s$/, '')]));
}
