import { endsYear, NOW_WORDS, spanLast, YEAR_SPAN, yearShaped } from '../../corpus/dates.js';
import type { Passage, Sentence } from '../../corpus/types.js';
import type { Analyzer } from '../../search/analyzer.js';
import type { AnalysedQuery, QueryWord } from '../../search/query.js';
import { STOP_WORDS } from '../../search/stopwords.js';
import type { Library } from '../library.js';
import { DIGITS, quoteWords } from '../quote-words.js';
import { WEEKDAY_NAMES } from '../../schedule.js';
import { EVERY_UNIT, SHORT_TIME_UNITS, TIME_ASKED_AS, TIME_UNIT_ABBREVIATIONS } from '../../search/english.js';
import { RATE_WORDS, RELATIVE_TIMES, TIME_UNITS, type FigureUnit } from './grammar/index.js';
import { FISCAL_NAMES, NAMED_YEARS } from './grammar/time.js';
import { COUNTED_FROM_NOW } from './grammar/words.js';
import type { FoundFigure, Scored } from './clauses.js';
import type { PassageFigure } from './passage.js';
import { MONEY_UNITS } from './topic.js';

const PARTS = new Set<FigureUnit>(['percent', 'ratio']);

/**
 * A time a topic names as a bound, after "after" or "before" and at most `words` words (`figures.boundWords`): "after
 * the 2011 peak".
 */
const boundedTime = (words: number) => new RegExp(String.raw`\b(?:after|before)\s+(?:[a-z]+\s+){0,${words}}\d+`, 'gi');

/**
 * The numbers a topic names as times it asks about, save those it names as a bound (`boundedTime`): "record yr before
 * 2017" names none.
 */
export const askedTimes = (topic: string, boundWords: number): string[] =>
  topic.replace(boundedTime(boundWords), ' ').match(/\d+/g) ?? [];

const topicWords = (topic: string) => topic.toLowerCase().split(/[^a-z0-9]+/);

/** A word before a unit of time that makes it say when or how often: a number, a word of rate or one tied to now. */
const framed = (before = '') => /^\d+$/.test(before) || RATE_WORDS.has(before) || RELATIVE_TIMES.has(before);

/** A topic's word naming a time by now rather than by its year: "latest", "current", "these days" (`NOW_WORDS`). */
const NOW_NAMED = new RegExp(String.raw`\b(?:${NOW_WORDS.join('|')})\b`, 'i');

/**
 * "How long": a length asked for, of time, of a road or of a waiting list; "how quickly" and "how soon" ask how long
 * something takes ("dealt with within 2 hours"). Not "how fast", as often a speed or a rate ("how fast we burn cash").
 */
const HOW_LONG = /\bhow (?:long|quick(?:ly)?|soon)\b/i;

/**
 * Weighs down, in place, the figures that stand beside the topic rather than for it: another part of a whole the topic
 * names (`otherPart`), another time than the one it names (`otherTime`), nothing of what it is about beside a figure
 * that names some (`otherSubject`), another kind of figure than it asks for (`otherKind`).
 */
export function adjustScores(dossier: Library, query: AnalysedQuery, found: Scored[]): void {
  const {
    otherPart,
    otherTime,
    otherEnd: otherEndFactor,
    otherKind,
    otherSubject,
    boundWords,
  } = dossier.ranking.figures;
  const beside = besideTopic(dossier.index.analyzer, found);
  for (const f of found) if (beside.has(f.figure)) f.figure.score *= otherPart;
  for (const f of narrowerParts(dossier.index.analyzer, query, found)) f.figure.score *= otherPart;
  // A topic that names a time ("in 2019", "fy22", "last 12 months") asks for the figures its sentences give for it,
  // when some of those are on its subject; the others stand for other times. A figure on something else that only
  // shares the year ("52,000 tonnes of silt dredged in 2019" on "cargo thefts in 2019") is no sign that the topic's
  // figures give times, nor is one whose passage names less of the subject than a figure without the time names in
  // its own sentence: "ferry fares in 2019" keeps "fares rose 4 percent" whole beside "the 2019 timetable added 3
  // ferries".
  // A year after "after" or "before" ("fares after the 2015 vote", "record yr before 2017") is a bound, not the time
  // asked: figures at it stand for it no more than others do.
  const times = askedTimes(query.text, boundWords);
  // A topic naming a time by now too ("2010 share vs latest") may ask for a figure at a year it does not name.
  const nowNamed = NOW_NAMED.test(query.text);
  const own = (f: FoundFigure) => (nowNamed ? undefined : ownTimeNamed(f.when, times));
  const onTime = (f: FoundFigure) => own(f) ?? timeHeld(f.passage, f.sentence, times, tiedToNow(f.when));
  const timed = found.filter((f) => f.subject > 0 && onTime(f.figure)).map((f) => f.subjectAround);
  if (timed.length)
    for (const f of found) if (!onTime(f.figure) && f.subject <= Math.max(...timed)) f.figure.score *= otherTime;
  // A topic asking for a measure now ("latest", "today") or at first asks for one end of a change its sentence gives
  // (`otherEnd`): the other end stands for another time.
  for (const f of otherEnd(query.text, times, found)) f.figure.score *= otherEndFactor;
  // A figure whose clause names of the topic only its time, change or share ("in 2019", "pct") stands beside one whose
  // clause names the same times and something of what the topic is about: "12 percent more silt dredged in 2019" beside
  // "1,200 cargo thefts in 2019" on "cargo thefts in 2019, pct". With no such figure it may be about the topic in other
  // words ("burglaries rose 25 percent in 2017" on "break-ins in 2017", where "340 homes broken into" is of 2019), and
  // keeps its score.
  const about = found.filter((f) => f.subject > 0);
  for (const f of found)
    if (f.subject === 0 && about.some((g) => [...f.times].every((t) => g.times.has(t)))) f.figure.score *= otherSubject;
  // "How many" asks for a count and "how long" for a length: a sum of money answers "how much".
  if (query.wantsCount || HOW_LONG.test(query.text))
    for (const f of found) if (MONEY_UNITS.has(f.figure.unit)) f.figure.score *= otherKind;
  // "How many" asks for a count: a percentage is a part of a whole, another kind, unless the topic names a share too
  // ("how many … and what share"). "29 of the 31 states" counts, and a ratio is left whole.
  if (query.wantsCount && !query.wantsShare)
    for (const f of found) if (f.figure.unit === 'percent') f.figure.score *= otherKind;
  // "How many ferries" asks for a count of ferries: a count whose measure names none of them ("40 deckhands") is of
  // another kind, as a sum is.
  const counted = query.counted;
  if (counted)
    for (const f of found)
      if (f.figure.unit === 'count' && f.figure.measure && !counted.some((w) => f.held.has(w)))
        f.figure.score *= otherKind;
  // A topic asking for a rate by its period ("monthly take", "fees per mo", "crossings each day") asks for the figures
  // at that rate: beside one, a figure of its unit at a rate over another period ("$1 billion a year" beside "$77
  // million a month") is another kind. Only beside one: "annual leave" names no rate, and "0.9 percent a month" of
  // churn is weighed on its words alone where no share is given a year.
  const period = ratePeriod(query.text);
  const atPeriod = new Set(found.filter((f) => f.figure.per === period).map((f) => f.figure.unit));
  if (period)
    for (const f of found)
      if (f.figure.per && f.figure.per !== period && atPeriod.has(f.figure.unit)) f.figure.score *= otherKind;
  // "40 years" answers a topic that asks how long or names a unit of time ("yrs as a diplomat"); beside any other it is
  // another kind of figure, though it counts its unit.
  if (!asksLength(query.text)) for (const f of found) if (isLength(f.figure)) f.figure.score *= otherKind;
  // "What share", "percent", "%" ask for a part of a whole: a count or a sum is another kind of figure.
  if (query.wantsShare) for (const f of found) if (!PARTS.has(f.figure.unit)) f.figure.score *= otherKind;
  // "When" asks for a date: an amount is another kind of figure. "Which year" asks for a year: a date naming none
  // ("Wednesday, Dec. 12") is another kind too; "when … last year" names the year as a time tied to now, asking none.
  // "What day" or "which date" asks for a day: a date naming none ("July 2018", "in 2019") is another kind, as one
  // naming no year is beside "which year". So is a date that is only a year the topic names (`echoedYear`), never
  // listed.
  const yearAsked = query.asks === 'time' && asksYear(query.text);
  const dayAsked = query.asks === 'time' && /^da(?:y|te)/i.test(TIME_ASKED_AS.exec(query.text)?.[1] ?? '');
  const namesYear = (f: FoundFigure) => (f.text.match(/\d+/g) ?? []).some(yearShaped);
  if (query.asks === 'time')
    for (const f of found)
      if (
        f.figure.unit !== 'date' ||
        (yearAsked && !namesYear(f.figure)) ||
        (dayAsked && !namesDay(f.figure.text)) ||
        echoedYear(query, f.figure, times)
      )
        f.figure.score *= otherKind;
}

/** Whether a date names a day: a day of its month ("May the 18th", "Oct. 16") or of the week ("Wednesday"). */
const namesDay = (text: string): boolean =>
  (text.match(/\d+/g) ?? []).some((n) => !yearShaped(n) && Number(n) >= 1 && Number(n) <= 31) ||
  text.split(/[^\p{L}]+/u).some((w) => (WEEKDAY_NAMES as readonly string[]).includes(w.toLowerCase()));

/**
 * Whether a date is only a year the topic itself names ("2016", "in 2019") on a topic asking when ("since what yr did
 * deaths climb, and the 2016 total"): the year it names says when another of its figures stands, and is known to
 * whoever asks, so it answers nothing asked; the time asked is another. Halved as another kind of figure, it stood
 * over the cut beside a weak best, or was the best ("toll of 2019, and yr the mayor took over" listed 2019 first): it
 * is weighed so still (`adjustScores`), setting the cut as before, and left out of the list (`answerFigures`).
 * Not a date naming more than the year ("June 2017" on "worst month of 2017"), nor a year the topic names as a bound
 * ("record yr before 2017"); `times` are the topic's (`askedTimes`).
 */
export function echoedYear(query: AnalysedQuery, figure: FoundFigure, times: string[]): boolean {
  if (query.asks !== 'time' || figure.unit !== 'date') return false;
  const [, before, named, year] = ECHOED_YEAR.exec(figure.text) ?? [];
  if (!year || (before && !STOP_WORDS.has(before.toLowerCase()))) return false;
  // A fiscal year the topic names by its last two digits, as accounts and chat do ("fy22" for fiscal year 2022).
  const fiscal = FISCAL_NAMES.includes(/^\p{L}*/u.exec(named ?? '')![0].toLowerCase());
  return times.some((t) => t === year || (fiscal && t.length === 2 && year.endsWith(t)));
}

/**
 * Whether a figure is one the topic itself gives, on a topic asking when ("the 12k ferry passengers were counted up to
 * which month", "when was the 67% reading taken"): the topic names it to say which figure it means and asks its time,
 * so the figure answers nothing asked, as a year the topic names does not (`echoedYear`). Its value, its first number
 * ("9 of the 12" is 9), is compared as the topic's numbers are typed (`givenNumbers`). Weighed as another kind of
 * figure already (`adjustScores`), it is left out of the list as an echoed year is.
 */
export function echoedFigure(query: AnalysedQuery, figure: FoundFigure, given: Set<string>): boolean {
  if (query.asks !== 'time' || figure.unit === 'date' || !given.size) return false;
  const value = quoteWords(figure.text).find((w) => DIGITS.test(w));
  return value !== undefined && given.has(value);
}

/**
 * The numbers a topic types, each as its digits however it is written (`quoteWords`: "12k" and "12,000", "67%" and
 * "67 percent", "2.5x"), for `echoedFigure`.
 */
export const givenNumbers = (topic: string): Set<string> => new Set(quoteWords(topic).filter((w) => DIGITS.test(w)));

/**
 * A date that is only a year, perhaps after a stop word, and perhaps named as a year ("2019", "in 2019", "the year
 * 2019", "fiscal year 2022", "FY2022", "FY 2022"): its word before, its naming, its year.
 */
const YEAR_NAMING = NAMED_YEARS.join('|');
const ECHOED_YEAR = new RegExp(
  String.raw`^(?:(?!(?:${YEAR_NAMING}|year|fy)\b)(\p{L}+)\s+)?((?:${YEAR_NAMING})\s+year\s+|year\s+|fy\s?)?(\d{4})$`,
  'iu',
);

/**
 * A topic asking how long, or naming a unit of time or its abbreviation ("yrs", "mos"), save after a number, a word of
 * rate or one anchoring a time to now: "over the last 15 yrs" and "last yr" say when and "each yr" how often, as the
 * same words do in a sentence.
 */
export function asksLength(topic: string): boolean {
  const words = topicWords(topic);
  return (
    HOW_LONG.test(topic) ||
    words.some((w, i) => (TIME_UNITS.has(w) || TIME_UNIT_ABBREVIATIONS.has(w)) && !framed(words[i - 1]))
  );
}

/**
 * The period of the rate a topic asks for, singular, as the grammar gives a figure's (`Figure.per`): "month" for
 * "monthly take", "fees per month" or "haul per mo"; undefined when it names none. A unit of time is a rate's period
 * only after a word of rate ("a", "per", "each", "every") and not before "ago".
 */
export function ratePeriod(topic: string): string | undefined {
  const words = topicWords(topic);
  for (const [i, w] of words.entries()) {
    const every = EVERY_UNIT.get(w);
    if (every) return every;
    const unit = SHORT_TIME_UNITS.get(words[i + 1] ?? '') ?? words[i + 1] ?? '';
    // "a year ago" says when, as the grammar reads it beside a figure (`rateAt`).
    if (RATE_WORDS.has(w) && TIME_UNITS.has(unit) && !COUNTED_FROM_NOW.has(words[i + 2] ?? ''))
      return unit.replace(/s$/, '');
  }
  return undefined;
}

/**
 * A topic naming a year, or years, as the time it asks for ("which yrs", "launch year"): the unit or its abbreviation
 * (`SHORT_TIME_UNITS`), save where it says when or how often ("last year", "each yr", "in 5 years"), as `asksLength`
 * reads it.
 */
export function asksYear(topic: string): boolean {
  const words = topicWords(topic);
  return words.some((w, i) => /^years?$/.test(SHORT_TIME_UNITS.get(w) ?? w) && !framed(words[i - 1]));
}

/** A length of time read as a count of its unit ("has run for 40 years"): its text ends in the unit. */
function isLength(figure: PassageFigure): boolean {
  return figure.unit === 'count' && TIME_UNITS.has(figure.text.split(/\s+/).at(-1)!.toLowerCase());
}

/**
 * The figures whose sentence gives another figure with a measure that names more of the topic (`named`: how much of it
 * a figure's measure names, `held`: which of its words), when theirs is not the whole that one is part of: "over 900 of
 * those from trucks and some 300 from buses" on "bus crashes" sets the trucks' count beside the topic, while "9,000
 * crashes" before them is all of them, buses included. A measure naming a word of the topic the other's does not is
 * a part the topic asks for too ("crashes involving trucks or buses": both counts are wanted).
 */
export function besideTopic<F extends PassageFigure>(
  analyzer: Analyzer,
  figures: { figure: F; named: number; held: Set<QueryWord> }[],
): Set<F> {
  const beside = new Set<F>();
  // Each measure analysed once, not once for every pair of figures compared.
  const terms = new Map(figures.map(({ figure }) => [figure, figure.measure ? analyzer.terms(figure.measure) : []]));
  for (const f of figures) {
    // A measure naming none of the topic ("a day ticket costs £4.50" beside "a single adult fare is £2.00", on "fares")
    // is not shown to be a part of the whole the topic names, and may be one of its kinds in other words: its measure
    // naming nothing already weighs it down (`measureWeight`).
    if (!f.figure.measure || f.held.size === 0) continue;
    const own = terms.get(f.figure)!;
    const part = (g: { figure: F; named: number; held: Set<QueryWord> }) =>
      g.figure.sentence === f.figure.sentence &&
      g.named > f.named &&
      !!g.figure.measure &&
      [...f.held].every((w) => g.held.has(w)) &&
      !own.every((t) => terms.get(g.figure)!.includes(t));
    if (figures.some(part)) beside.add(f.figure);
  }
  return beside;
}

/**
 * Whether a figure's sentence is at one of `times`: when it names it, or names no year and an earlier sentence of its
 * paragraph does ("By the close of 2019 the fair had sold 7,400 tickets. ... volunteers parked over 2,600 cars"), a
 * year named first holding for the sentences after it until another year is named. A figure whose own time is tied to
 * now (`ownTime`: "Sales are at record highs since 2019. Figures show a fall of 8 percent in the first half of this
 * year") is at that time, not at the year a sentence before it names.
 */
function timeHeld(passage: Passage, sentence: Sentence, times: string[], ownTime: boolean): boolean {
  for (let i = passage.sentences.indexOf(sentence); i >= 0; i--) {
    const numbers = passage.sentences[i]!.text.match(/\d+(?:[.,]\d+)*/g) ?? [];
    if (numbers.some((n) => sameTime(n, times))) return true;
    if (ownTime || numbers.some(yearShaped)) return false;
  }
  return false;
}

/**
 * Whether a figure's time, as its sentence gives it, is tied to now: "this year", "so far this year", "last spring".
 */
const tiedToNow = (when: string | undefined): boolean =>
  !!when &&
  when
    .toLowerCase()
    .split(/\s+/)
    .some((w) => RELATIVE_TIMES.has(w));

/**
 * Whether a figure's own time, as the grammar reads it beside the figure, is one of `times`, or undefined when it names
 * no year. A sentence may give one measure at two times ("around 95 percent in 2010 and … 90 percent in 2016", "over
 * 70,000 deaths in the 12 months to March 2022, up from 62,000 in March 2021"): each figure stands at the year its own
 * time names, whichever the sentence names too. A span of years holds the years within it ("from 2015 to 2017").
 */
function ownTimeNamed(when: string | undefined, times: string[]): boolean | undefined {
  const text = when ?? '';
  const spans = [...text.matchAll(new RegExp(YEAR_SPAN, 'g'))].map((m) => spanLast(m[1]!, m[2]!));
  const years = [...(text.match(/\d+/g) ?? []).filter(yearShaped).map(Number), ...spans];
  if (!years.length) return undefined;
  const [first, last] = [Math.min(...years), Math.max(...years)];
  return times.some(
    (t) => (yearShaped(t) && Number(t) >= first && Number(t) <= last) || years.some((y) => endsYear(String(y), t)),
  );
}

/**
 * A topic asking for the first of a change: "at first", "initially", "originally", "to begin with", or a time before
 * now, "back then", "15 yrs back", "a decade ago": of a change's two ends, the earlier.
 */
const FIRST_NAMED = new RegExp(
  String.raw`\b(?:at first|initially|originally|to begin with|back then|` +
    String.raw`(?:\d+|an?|some|a few) (?:${[...TIME_UNITS, ...SHORT_TIME_UNITS.keys()].join('|')}) (?:ago|back))\b`,
  'i',
);

/**
 * A topic asking for both ends of a change: "… and the one a yr earlier", "… vs the previous count", "… compared with
 * 2019": the words that set one time beside another.
 */
const BOTH_ENDS = new RegExp(
  String.raw`\b(?:${[...COUNTED_FROM_NOW].join('|')}|before|previous|prior|vs|versus|compared|against)\b`,
  'i',
);

/** A figure opening a change: "from" at most three words before it ("gone from a handful of 5 or 6 …"). */
const FROM_BEFORE = /\bfrom\s+(?:\S+\s+){0,3}$/i;

/**
 * The figures that are the other end of a change a sentence gives for one measure than the end a topic asks for, when
 * it asks for one by now ("latest", "today": the later end) or by "at first" (the earlier): "grew from 5 or 6 bus
 * routes to upwards of 20" gives its two ends as "from … to", and "around 95 percent in 2010 and … 90 percent for
 * 2016" as figures of one unit and measure at two years of their own. A year the topic names is asked for whichever
 * end it is ("2016 share, latest"), and a topic setting one time beside another asks for both ("latest count vs a
 * year earlier").
 */
function otherEnd(topic: string, times: string[], found: Scored[]): Set<Scored> {
  const now = NOW_NAMED.test(topic);
  const first = FIRST_NAMED.test(topic);
  const ends = new Set<Scored>();
  if (now === first || BOTH_ENDS.test(topic)) return ends;
  for (const f of found) {
    const { sentence, start, end, unit, measure } = f.figure;
    const siblings = found.filter((g) => g !== f && g.figure.sentence === sentence && g.figure.unit === unit);
    // "from X to Y": X the earlier end, Y the later.
    const opens = FROM_BEFORE.test(sentence.text.slice(0, start));
    const to = (g: Scored) => /^\s*to\s*$/i.test(sentence.text.slice(end, g.figure.start));
    const closes = (g: Scored) =>
      FROM_BEFORE.test(sentence.text.slice(0, g.figure.start)) &&
      /^\s*to\s*$/i.test(sentence.text.slice(g.figure.end, start));
    if ((now && opens && siblings.some(to)) || (first && siblings.some(closes))) ends.add(f);
    // One measure at two years of its own: the later the one now, the earlier the first.
    const year = lastYear(f.figure.when);
    if (year === undefined || times.some((t) => yearShaped(t) && Number(t) === year)) continue;
    const years = siblings.filter((g) => g.figure.measure === measure).map((g) => lastYear(g.figure.when));
    if (years.some((y) => y !== undefined && (now ? y > year : y < year))) ends.add(f);
  }
  return ends;
}

/** The latest year a figure's own time names, or undefined when it names none. */
function lastYear(when: string | undefined): number | undefined {
  const years = (when?.match(/\d+/g) ?? []).filter(yearShaped).map(Number);
  return years.length ? Math.max(...years) : undefined;
}

/** Whether a sentence's number is one the topic names, or the year its two digits abbreviate ("fy22"). */
function sameTime(number: string, times: string[]): boolean {
  return times.some((t) => number === t || endsYear(number, t));
}

/**
 * The figures whose measure is another's of the same unit in the same sentence and more, the more naming nothing of
 * the topic: "over 900 crashes involving buses" beside "9,000 crashes" in one sentence are a part of that whole, and on
 * "crashes in 2019" the whole is what is asked. A part the topic names ("bus crashes") is no such figure: its more
 * names the topic. (`besideTopic` weighs the other way round: a measure naming less of the topic than another's.)
 */
function narrowerParts(analyzer: Analyzer, query: AnalysedQuery, found: Scored[]): Scored[] {
  const asked = new Set(query.words.flatMap((w) => w.terms));
  const terms = new Map(found.map((f) => [f, new Set(f.figure.measure ? analyzer.terms(f.figure.measure) : [])]));
  return found.filter((f) => {
    const own = terms.get(f)!;
    return found.some((g) => {
      const whole = terms.get(g)!;
      if (g === f || g.figure.sentence !== f.figure.sentence || g.figure.unit !== f.figure.unit) return false;
      if (!whole.size || whole.size >= own.size) return false;
      if (![...whole].every((t) => own.has(t)) || ![...whole].some((t) => asked.has(t))) return false;
      return [...own].every((t) => whole.has(t) || !asked.has(t));
    });
  });
}
