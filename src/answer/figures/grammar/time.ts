import { isMonth, MONTH_PATTERN } from '../../../corpus/dates.js';
import { looksPlural, timeOrCount } from '../../../search/when.js';
import {
  CHANGE_MARKERS,
  PART_ORDINALS,
  YEAR_PARTS,
  TIME_UNITS,
  QUANTITY_VERBS,
  TIME_PREPOSITIONS,
  TIME_QUALIFIERS,
  RELATIVE_TIMES,
  RELATIVE_PARTS,
  SEASONS,
  DROPPED_TIME_PREPOSITIONS,
  BASELINE_MARKERS,
  COUNTED_FROM_NOW,
  PERIOD_ENDS,
  isDash,
  DETERMINERS,
  MINUTES_IN,
  NUMBER_WORDS,
  RATE_WORDS,
} from './words.js';
import type { Token } from '../tokens.js';
import type { Match } from './types.js';
import type { Reading } from './view.js';

/** When: the time expressions of a sentence, which figure each belongs to, and the tests for a time's words. */

interface TimeSpan {
  first: number;
  /** The time's own first word, after any preposition: "March" of "in March 2009". */
  own: number;
  next: number;
  text: string;
  baseline: boolean;
  period?: string;
  periodMinutes?: number;
}

/** Whether a time stands at `i`, after any determiners: a date or duration, a year, a month, "next quarter". */
export function isTimeAt(r: Reading, i: number): boolean {
  const k = r.skipDeterminers(i);
  const token = r.t[k];
  const when = timeOrCountAt(r, k);
  if (!token || when === 'count') return false;
  return (
    token.entity === 'DATE' ||
    token.entity === 'DURATION' ||
    when === 'year' ||
    isMonth(token.lower) ||
    relativePartAt(r, k) ||
    // A fiscal year abbreviated, "FY2021" or "FY 2021", as accounts write it.
    FY_JOINED.test(token.text) ||
    (token.lower === 'fy' && isYearAt(r, k + 1)) ||
    // "in the spring", "over the winter": a season after an article is a time, as "last spring" is.
    (k > i && SEASONS.has(token.lower)) ||
    MONTH_AND_YEAR.test(token.text)
  );
}

/**
 * A month and a year joined by a hyphen in one word, as a table's column or a spreadsheet writes them: "Apr-2025",
 * "Sept-24" (read as a day of a month, "May-15" is a time still).
 */
const MONTH_AND_YEAR = new RegExp(`^${MONTH_PATTERN}-(?:\\d{4}|\\d{2})$`, 'i');

/** The period of a fiscal year ("fiscal year 2022", "FY22"), a stretch of its own, not the calendar year. */
const FISCAL_YEAR = 'fiscal year';

/**
 * Words naming a kind of year before "year" and its number: "fiscal year 2021", "calendar year 2020", and "financial
 * year 2021", as British accounts name a fiscal year (`FISCAL_NAMES`).
 */
export const NAMED_YEARS: readonly string[] = ['fiscal', 'financial', 'calendar'];

/** The words of `NAMED_YEARS` naming an accounts' year, and its abbreviation, written apart ("FY 2021") or joined. */
export const FISCAL_NAMES: readonly string[] = ['fiscal', 'financial', 'fy'];

/** A fiscal year's abbreviation joined to its year: "FY2021", "FY21" (`FY_YEAR` its four digits: a date's year). */
const FY_JOINED = /^fy\d{2,4}$/i;
const FY_YEAR = /^fy\d{4}$/i;

/** A part of a year tied to now at `i`: "last spring", "next quarter", "this summer" (`RELATIVE_PARTS`). */
export function relativePartAt(r: Reading, i: number): boolean {
  return RELATIVE_TIMES.has(r.lower(i)) && RELATIVE_PARTS.has(r.lower(i + 1));
}

/**
 * What the number at `i` says by the words around it, by the rule the search shares (`timeOrCount`): a year, a day of
 * a month, a count shaped like one ("2000 officers", "In May 15 people died"), or nothing of these.
 */
export function timeOrCountAt(r: Reading, i: number): 'year' | 'day' | 'count' | undefined {
  const token = r.t[i];
  if (token?.type !== 'number') return undefined;
  const before: string[] = [];
  for (let k = i - 1; k >= 0 && k >= i - 3 && r.t[k]!.pos !== 'PUNCT'; k--) before.unshift(r.lower(k));
  const next = r.t[i + 1];
  return timeOrCount(token.text, {
    before,
    after: next?.pos === 'PUNCT' ? '' : r.lower(i + 1),
    pluralAfter: !!next && /^(NOUN|PROPN)$/.test(next.pos) && looksPlural(next.lower),
    verbBefore: /^(VERB|AUX)$/.test(r.t[i - 1]?.pos ?? ''),
  });
}

/** Whether the number at `i` is a year: "in 2000", "the 2020 budget"; not "2000 officers". */
export function isYearAt(r: Reading, i: number): boolean {
  return timeOrCountAt(r, i) === 'year';
}

/** Time expressions of the sentence: a year, month, "fiscal year 2022", "the 12 months ending in March 2022". */
function timeSpans(r: Reading): TimeSpan[] {
  const spans: TimeSpan[] = [];
  const t = r.t;
  for (let i = 0; i < t.length; i++) {
    if (!isTimeToken(r, i)) continue;
    const often = howOftenEnd(r, i);
    if (often !== undefined) {
      i = often - 1;
      continue;
    }
    let first = i;
    let next = i + 1;
    while (next < t.length) {
      if (yearSpanAt(r, next)) next += 2;
      else if (dayAfterMonth(r, next)) next += 2;
      else if (isTimeToken(r, next) || ((t[next]!.text === ',' || t[next]!.lower === 'of') && isTimeToken(r, next + 1)))
        next++;
      else break;
    }
    // "the 12 months ending in March 2022": a period and the date it ends on are one time.
    let period: string | undefined;
    let periodMinutes: number | undefined;
    if (PERIOD_ENDS.has(r.lower(next))) {
      const date = r.lower(next + 1) === 'in' ? next + 2 : next + 1;
      const stretch = t.slice(first, next).filter((w) => !TIME_QUALIFIERS.has(w.lower));
      if (isTimeToken(r, date)) {
        if (stretch.some((w) => TIME_UNITS.has(w.lower))) {
          period = r.text.slice(stretch[0]!.start, stretch.at(-1)!.end);
          periodMinutes = minutesOf(stretch);
        }
        next = date + 1;
        while (isTimeToken(r, next)) next++;
      }
    }
    if (NAMED_YEARS.includes(r.lower(first - 1)) || r.lower(first - 1) === 'fy') first--;
    // A fiscal year is a stretch of its own, not the calendar year of the same number.
    if ((FISCAL_NAMES.includes(r.lower(first)) || FY_JOINED.test(t[first]!.text)) && !period) {
      period = FISCAL_YEAR;
      periodMinutes = MINUTES_IN.get('year');
    }
    // A word tying the time to now is part of it ("this fiscal year", "the current calendar year"), as "last" is.
    const before = (k: number) => TIME_QUALIFIERS.has(r.lower(k)) || RELATIVE_TIMES.has(r.lower(k));
    while (first > 0 && (before(first - 1) || r.t[first - 1]!.entity === 'DATE')) first--;
    // "the 2014 murder", "the 2020-21 season": a year that modifies a noun is the time without its article.
    const year = next - first === 2 || (next - first === 4 && yearSpanAt(r, first + 2));
    if (r.lower(first) === 'the' && year && isYearAt(r, first + 1)) first++;
    const words = t.slice(first, next);
    const anchored =
      words.some((w, n) => /\d/.test(w.text) || isMonth(w.lower) || theSeasonAt(r, first + n)) ||
      words.some((w) => RELATIVE_TIMES.has(w.lower)) ||
      words.some((_, n) => isYearPart(r, first + n));
    if (!anchored || words.every((w) => w.entity === 'DURATION' && !/\d/.test(w.text))) {
      i = next - 1;
      continue;
    }
    let from = first;
    const prep = r.lower(first - 1);
    const framed = TIME_PREPOSITIONS.has(prep) && !DROPPED_TIME_PREPOSITIONS.has(prep);
    if (framed) from = first - 1;
    // "28 days after a recall", "a 30-minute talk", "for 40 years": a length alone says how long, not when. It says
    // when framed by a preposition of time ("within 14 days"), counted back from now ("two years ago") or ending on a
    // date ("the 12 months to March", `period`); "after a recall" is left out of its text, so it cannot say when.
    const length =
      words.some((w) => TIME_UNITS.has(w.lower)) &&
      words.every((w) => w.type === 'number' || isDash(w) || TIME_UNITS.has(w.lower) || w.lower === 'the');
    if (length && !framed && !period && !COUNTED_FROM_NOW.has(r.lower(next))) {
      i = next - 1;
      continue;
    }
    if (prep === 'of' && r.lower(first - 2) === 'as') from = first - 2;
    if (prep === 'far' && r.lower(first - 2) === 'so') from = first - 2;
    // "waits of over 4 hours", "a delay of 3 days": a length a noun has, not when anything happened.
    if (r.lower(from - 1) === 'of' && words.every((w) => w.entity === 'DURATION')) {
      i = next - 1;
      continue;
    }
    // "from 2019" alone is what a change is measured from; "from 2011 to 2013", "from 2011 through 2013" and "from
    // 2011–2015" are a stretch something lasted, and say when it happened.
    const ends = words.some((w, n) => w.lower === 'to' || w.lower === 'through' || yearSpanAt(r, first + n));
    const baseline =
      BASELINE_MARKERS.has(prep) ||
      (r.lower(first - 2) === 'compared' && (prep === 'to' || prep === 'with')) ||
      (prep === 'from' && !ends);
    if (datelineAt(r, from, next)) {
      i = next - 1;
      continue;
    }
    spans.push({
      first: from,
      own: first,
      next,
      text: r.text.slice(t[from]!.start, t[next - 1]!.end),
      baseline,
      period,
      periodMinutes,
    });
    i = next - 1;
  }
  return spans;
}

/**
 * Whether the time from `first` to `next` is a dateline opening the sentence: a place or a label in capitals and a
 * comma before it, nothing after it but a dash or the sentence's own opening capital ("CORRECTION, 21 July 2026 The
 * report counted 30 sailings …", "BRISTOL, 3 March 2025 — The council hired 40 officers"), or a place named in lower
 * case and a dash ("Bristol, March 3 — …"). It dates the piece, not any figure after it, which had taken it as its
 * time.
 */
function datelineAt(r: Reading, first: number, next: number): boolean {
  if (first < 2 || r.t[first - 1]!.text !== ',') return false;
  const head = r.t.slice(0, first - 1);
  const capitals = head.every((t) => t.type === 'word' && /^\p{Lu}{2,}$/u.test(t.text));
  const dash = /^[-–—]$/.test(r.t[next]?.text ?? '');
  const opens = dash || /^\p{Lu}/u.test(r.t[next]?.text ?? '');
  // "Bristol, March 3 — The council …": a place's name as it is written, each word capitalised and named as a place or
  // person is, dates the piece as well where a dash follows the time, as nothing after a sentence's opening time does.
  const named = head.every((t) => t.type === 'word' && /^\p{Lu}/u.test(t.text) && t.pos === 'PROPN' && !t.entity);
  return head.length <= 3 && ((capitals && opens) || (named && dash));
}

/**
 * Where a length at `i` ends when it says how often, after a rate's word or as the high end of a range after one
 * ("every 10 days", "every 7 to 10 days"): no time of its own, nor part of the time after it ("from May to
 * September"), which it had run into ("10 days from May to September", the time of a penalty later in the sentence).
 */
function howOftenEnd(r: Reading, i: number): number | undefined {
  let first = i;
  if (/^(to|or)$/.test(r.lower(i - 1)) || isDash(r.t[i - 1] ?? { text: '' })) first = i - 2;
  const word = r.lower(first - 1);
  if (r.t[first]?.type !== 'number' || !RATE_WORDS.has(word) || DETERMINERS.has(word)) return undefined;
  let next = i;
  while (r.t[next]?.type === 'number') next++;
  return TIME_UNITS.has(r.lower(next)) ? next + 1 : undefined;
}

/**
 * How long a stretch's words say it lasts, in minutes: its unit of time times the number before it, in digits or words
 * ("12 months", "twelve months", "12-month", "52 weeks"), or once ("year").
 */
function minutesOf(stretch: Token[]): number | undefined {
  const at = stretch.findLastIndex((w) => TIME_UNITS.has(w.lower));
  const count = stretch.slice(0, at).findLast((w) => w.type === 'number' || NUMBER_WORDS.has(w.lower));
  const times = !count ? 1 : (NUMBER_WORDS.get(count.lower) ?? Number(count.text.replace(/,/g, '')));
  return at < 0 ? undefined : MINUTES_IN.get(stretch[at]!.lower)! * times;
}

/** A dash at `i` that makes the year before it a span of years: "2019-2021", "2020–21". */
function yearSpanAt(r: Reading, i: number): boolean {
  const [dash, end] = [r.t[i], r.t[i + 1]];
  return (
    !!dash &&
    !!end &&
    isDash(dash) &&
    !dash.spaced &&
    !end.spaced &&
    isYearAt(r, i - 1) &&
    (isYearAt(r, i + 1) || /^\d\d$/.test(end.text))
  );
}

/** "the 18th" at `i` after a month: the day of "May the 18th". */
function dayAfterMonth(r: Reading, i: number): boolean {
  return isMonth(r.lower(i - 1)) && r.lower(i) === 'the' && /^\d{1,2}(?:st|nd|rd|th)$/i.test(r.t[i + 1]?.text ?? '');
}

function isTimeToken(r: Reading, i: number): boolean {
  const token = r.t[i];
  const when = timeOrCountAt(r, i);
  if (!token || when === 'count') return false;
  if (token.entity === 'DATE' || token.entity === 'DURATION') return true;
  if (relativePartAt(r, i) || relativePartAt(r, i - 1)) return true;
  if (theSeasonAt(r, i)) return true;
  if (isYearPart(r, i)) return true;
  if (when === 'year' || FY_JOINED.test(token.text)) return true;
  return (isMonth(token.lower) && token.pos === 'PROPN') || MONTH_AND_YEAR.test(token.text);
}

/**
 * "in the spring", "over the winter": a season after "the" and a preposition of time is a time, as "last spring" is;
 * alone or before a noun it often names a kind ("winter cover crops", "in the winter round").
 */
function theSeasonAt(r: Reading, i: number): boolean {
  return (
    SEASONS.has(r.lower(i)) &&
    r.lower(i - 1) === 'the' &&
    TIME_PREPOSITIONS.has(r.lower(i - 2)) &&
    !/^(NOUN|PROPN)$/.test(r.t[i + 1]?.pos ?? '')
  );
}

/** "the third quarter", "the second half": a part of a year, counted, whose year the text may leave unsaid. */
function isYearPart(r: Reading, i: number): boolean {
  const ordinal = (k: number) => PART_ORDINALS.has(r.lower(k));
  return (YEAR_PARTS.has(r.lower(i)) && ordinal(i - 1)) || (ordinal(i) && YEAR_PARTS.has(r.lower(i + 1)));
}

/**
 * Gives each figure the time its clause states; failing that, a time that opens the sentence
 * ("For the 12 months ending in March 2022, ..."), or one no other figure's clause holds.
 * A figure read from "of those" takes its antecedent's time. A length that is itself a time (`Figure.frames`) has none,
 * and leaves its time to the others.
 */
export function bindTimes(r: Reading, matches: Match[]): void {
  const timed = matches.filter((m) => !m.figure.frames);
  const spans = timeSpans(r).filter((s) => !s.baseline && !timed.some((m) => s.first < m.next && m.first < s.next));
  const segmentsWithFigures = new Set(timed.map((m) => r.segmentOf[m.first]));
  matches.forEach((m, n) => {
    if (m.figure.frames) return;
    const segment = r.segmentOf[m.first];
    // "eleven fewer buses on the route in 2025": a time after the figure is as far as the words between it and the end
    // of what the figure measures, which "in 2024" before it had tied with and won.
    const reach = Math.max(m.next, measureEnd(r, m));
    const distance = (s: { first: number; next: number }) =>
      s.first >= m.next ? Math.max(0, s.first - reach) : (m.first - s.next) * 2 + 1;
    // "2.5 times greater than the amount seized in fiscal year 2020": that year is the comparison's.
    const compared = (s: { first: number }) =>
      s.first >= m.next &&
      r.t.slice(m.next, s.first).some((t) => BASELINE_MARKERS.has(t.lower) || t.lower === 'compared');
    const own = spans
      .filter((s) => r.segmentOf[s.first] === segment && !compared(s))
      .sort((a, b) => distance(a) - distance(b));
    // A baseline ("up from 10,900") is of the figure's measure at another time: never its antecedent's time.
    const antecedent = m.anaphoric && !isBaseline(r, m.first) ? matches[n - 1]?.figure : undefined;
    const outside = (s: { first: number }) => !r.bracketed[s.first] || r.bracketed[m.first];
    const opening = spans.filter(
      (s) => r.segmentOf[s.first] === 0 && segment !== 0 && !segmentsWithFigures.has(0) && outside(s),
    );
    const free = spans
      .filter((s) => !segmentsWithFigures.has(r.segmentOf[s.first]) && outside(s))
      .sort((a, b) => distance(a) - distance(b));
    const inherited = antecedent?.when
      ? { text: antecedent.when, period: antecedent.period, periodMinutes: antecedent.periodMinutes }
      : undefined;
    // "2025-26: £12,500; 2026-27: £13,100", each cell of a table row under its year: a time and a colon before a
    // figure label it, whatever time is nearer after it.
    const labelled = r.t[m.first - 1]?.text === ':' ? spans.find((s) => s.next === m.first - 1) : undefined;
    const time = labelled ?? own[0] ?? inherited ?? opening[0] ?? free[0];
    if (time) m.figure.when = time.text;
    if (time?.period) {
      m.figure.period = time.period;
      m.figure.periodMinutes = time.periodMinutes;
    }
  });
}

/**
 * The index after the last word of what a figure measures where its measure runs on past the figure's own words ("buses
 * on the route" after "eleven fewer buses"), else the figure's end.
 */
function measureEnd(r: Reading, m: Match): number {
  const measure = m.figure.measure;
  if (!measure) return m.next;
  const at = r.text.indexOf(measure, r.t[m.first]!.start);
  if (at < 0 || at >= r.t[m.next - 1]!.end) return m.next;
  const end = at + measure.length;
  let next = m.next;
  while (next < r.t.length && r.t[next]!.end <= end) next++;
  return next;
}

/**
 * The times a sentence names as a date of its own: a year, a month and year, a full date ("in March 2009", "on 4 May
 * 2015", "by 2028"), with the noun phrase its clause is about, for a topic asking when. Not a baseline ("up from 2019
 * levels"), a time in brackets (a source's date), a stretch ("for 10 years", "the 12 months ending in March 2022") or a
 * time with no year or day ("in March", "last year"): none says when as a date does.
 */
export function datesIn(r: Reading): Match[] {
  const dates: Match[] = [];
  for (const span of timeSpans(r)) {
    const words = r.t.slice(span.own, span.next);
    const dated = words.some((_, n) => {
      const at = span.own + n;
      // "FY2021" is a year's name as "fiscal year 2021" is; "FY21" leaves its century unsaid.
      const year = timeOrCountAt(r, at) === 'year' || FY_YEAR.test(r.t[at]!.text);
      return year || timeOrCountAt(r, at) === 'day' || dayAfterMonth(r, at);
    });
    // "the week of October 16" names the week a date falls in, not a stretch as "the first 10 months of 2022" is;
    // nor is "the year 2019" or "fiscal year 2021", a year named as one (not "the next two years 2023 and 2024").
    const only = (n: number, also: readonly string[] = []) =>
      words.slice(0, n).every((d) => DETERMINERS.has(d.lower) || also.includes(d.lower));
    const stretch = words.some(
      (w, n) =>
        TIME_UNITS.has(w.lower) &&
        !(words[n + 1]?.lower === 'of' && only(n)) &&
        !(w.lower === 'year' && isYearAt(r, span.own + n + 1) && only(n, NAMED_YEARS)),
    );
    // "the Harbour Census 2021", "the Peace Index 2022": a year right after a name's capitalised word is the name's.
    const before = r.t[span.own - 1];
    const named =
      span.next - span.own === 1 && !!before && /^\p{Lu}/u.test(before.text) && /^(NOUN|PROPN)$/.test(before.pos);
    // A fiscal year is a year's name as a date is ("seized in fiscal year 2021"); a stretch ending on a date is not.
    const stretchEnding = span.period && span.period !== FISCAL_YEAR;
    if (span.baseline || stretchEnding || r.bracketed[span.own] || !dated || stretch || named) continue;
    const text = r.text.slice(r.t[span.own]!.start, r.t[span.next - 1]!.end);
    const value = Number(/\d{4}/.exec(text)?.[0] ?? /\d+/.exec(text)![0]);
    dates.push({ first: span.own, next: span.next, figure: { value, unit: 'date' }, anaphoric: false });
  }
  return dates;
}

/** "up from [figure]", "down from", "compared with", "versus", "than". */
export function isBaseline(r: Reading, first: number): boolean {
  const [one, two] = [r.lower(first - 1), r.lower(first - 2)];
  if (one === 'from') return CHANGE_MARKERS.has(two) || QUANTITY_VERBS.has(r.t[first - 2]?.lemma ?? '');
  if ((one === 'with' || one === 'to') && two === 'compared') return true;
  return BASELINE_MARKERS.has(one);
}
