import {
  isMonth,
  MONTH_PATTERN,
  monthInFull,
  monthNumber,
  oneYearPeriod,
  QUARTER_ORDINALS,
  RELATIVE_TIME_SHIFTS,
  spanLast,
  YEAR_DIGITS,
  endsYear,
  YEAR_SPAN,
} from '../corpus/dates.js';
import { CURRENCY_SIGNS, CURRENCY_WORD_ALTERNATIVES } from '../corpus/currencies.js';
import { LINK, escapeRegExp, withoutMentions } from '../corpus/text.js';
import { WEEKDAY_NAMES } from '../schedule.js';
import { compoundPart, stemWord, type Analyzer } from './analyzer.js';
import { aliasesIn } from './aliases.js';
import type { BridgeSource } from './bridges.js';
import type { PassageIndex, WordKind } from './index.js';
import type { RankingOptions } from './ranking.js';
import {
  AMOUNT_NAMED,
  answerType,
  COUNT_ASKED_OF,
  ANYONE_DID,
  EVER_DID,
  THING_ASKED,
  DOER_ASKED,
  KIND_ASKED,
  OPENING,
  ROLE_ASKED,
  EVERY_UNIT,
  RATE_WORDS,
  TIME_ASKED_AS,
  TIME_NOUNS,
  TIME_UNITS,
  TIME_UNIT_ABBREVIATIONS,
  TIME_WORDS,
  isAuxiliary,
  isPastForm,
  otherSpellings,
  ambiguousPastForms,
  withoutPrefix,
  type AnswerType,
} from './english.js';
import { STOP_WORDS } from './stopwords.js';
import { bm25Idf } from './term-scores.js';
import { looksPlural, timeOrCount } from './when.js';
import { baseForms } from './wordnet.js';

/** Another way to say a word of the question (a synonym, an acronym's expansion, the word a typo meant). */
export interface Alternative {
  /** Its analysed terms: all of them present is a full match. */
  terms: string[];
  /** How much a match counts against the asker's own word (1): always less. */
  weight: number;
  via: BridgeSource;
  /**
   * A guess (a WordNet synonym in a rare sense, or a similar adjective): it counts only in a passage holding another
   * word of the question, as that word's context picks the sense, and only to order passages, never in the decision
   * to answer.
   */
  gated?: boolean;
  /**
   * A phrase of the corpus's lexicon ("Royal National Lifeboat Institution" for "RNLI"): it names one thing whole, and
   * part of it another ("national park"), so it counts in the decision to answer only where a passage holds all
   * of it; part of it still orders passages.
   */
  whole?: boolean;
  /**
   * Between two other ways of saying a lexicon line's term ("cars" and "lorries" under "vehicles"), which relate only
   * through it, as "usage" and "demand" under "consumption" do, or a synonym of a word of a corpus word's family
   * ("holidaymaker" to "tourism", through "tourist"): two relations, not surely one thing. It orders passages at the
   * bridge's weight, and counts in the decision to answer at it twice.
   */
  throughHead?: boolean;
}

/** One word of a question, with the terms it searches for and how much it tells passages apart. */
export interface QueryWord {
  word: string;
  /** The word's own analysed term. */
  term: string;
  alternatives: Alternative[];
  /** Every term the word searches for: its own, then its alternatives' (not gated ones', which only order passages). */
  terms: string[];
  /** Inverse document frequency of the word (or of its rarest alternative); an unknown word weighs the most. */
  weight: number;
  /** Whether the corpus has the word, or one of its alternatives. */
  known: boolean;
  /**
   * Asks for an amount ("murder count", "how big", "how much money"): a passage answers it with a
   * figure (for `money`, a sum of money), not by repeating the word.
   */
  quantity?: 'figure' | 'money' | TimeKind | 'rate';
  /**
   * A word mostly said of money ("cost", "fees", "revenue") in a question that asks for an amount ("how much has the
   * bridge cost?"): a passage stating a sum may answer it without the word, but that is a guess, as a rare sense is,
   * so it counts only where ask orders passages, beside another word of the question, and never in the decision.
   */
  priced?: boolean;
  /**
   * A word mostly said of money ("price", "cost", "fees"), whether or not the question asks for an amount: a passage
   * stating a sum gives what it names in other words, so the line over a partial answer does not say it leaves it out
   * (`unmentioned`).
   */
  money?: boolean;
  /**
   * A code of letters and digits in one word ("CD40", "G20", "p16INK4A"; not "Q3", `query.codeMinLength`) that the
   * corpus holds as typed: an identifier, which names one thing, so a passage holding it shares what the question is
   * about (`namesCode`).
   */
  code?: boolean;
  /**
   * A proper name the dictionary knows (a place, a people, a person: "Gabonese", "Ohio"), whatever its case as typed,
   * that at least one and at most `query.nameMaxPassages` passages hold: specific content of one passage, which that
   * passage shares with the question when it also holds another of its words (`namesRarely`). Not a month's or a
   * weekday's name, which the dictionary also gives as a proper noun.
   */
  rareName?: boolean;
  /**
   * Typed right after the question's word before it, and held by exactly the passages holding that one: the two words
   * of one name ("buenos aires"), which a passage holding them shares as one thing, not two (`evidence`), unless it
   * holds them apart (`asWrittenIn`).
   */
  withPrevious?: boolean;
}

/**
 * The kind of time a question's word asks for: "which year" a year, "what month" a month's name, "what date" a day of
 * a month, "what day" that or a day of the week (`weekday`: "on Tuesday"), "what time" a time of day ("6:10am"). A
 * month and a year do not say what time a bus leaves, nor a weekday what date a fair opens.
 */
export type TimeKind = 'year' | 'month' | 'day' | 'weekday' | 'clock';

/**
 * What amounts a passage states, for the question's quantity words; the kinds of time it says and whether it says how
 * often (`rate`: the "often" of "how often"), unknown meaning not.
 */
export type Amounts = { figure: boolean; money: boolean } & Partial<Record<TimeKind | 'rate', boolean>>;

export interface AnalysedQuery {
  /** The question as read: without links (`withoutLinks`), its two-digit year ranges written out (`withYears`). */
  text: string;
  words: QueryWord[];
  /** The question asks for an amount ("how much", "how many"): passages with figures answer it best. */
  wantsFigure: boolean;
  /** The question asks for a count ("how many", "number of"): a sum of money answers "how much", not it. */
  wantsCount: boolean;
  /** The question asks for a share ("what share", "percent", "%"): a part of a whole answers it, not a count. */
  wantsShare: boolean;
  /**
   * The kind of answer the question asks for, if it asks for a time or an amount ("when …", "how many …"): a passage
   * about its subject that gives none is no sure answer (`decide`). Someone or somewhere ("who …", "where …") only
   * orders the passages (`givesAsked` in `ask`).
   */
  asks?: AnswerType;
  /**
   * For a question asking how many of a kind of thing ("how many ferries sail on Sundays?", "number of pupils"), its
   * words naming the kind (`countedWords`): a count answers it only if the count is of them.
   */
  counted?: QueryWord[];
  /**
   * For a question asking who holds a role ("who is the chief executive of the water board?"), its words naming the
   * role (`roleWords`): a passage answers it only by naming someone beside the role (`namesHolder`).
   */
  role?: QueryWord[];
  /**
   * For a question asking which one of a kind ("which company prints the ballots?"), its word naming the kind
   * (`kindWord`): a kind the corpus never names, nor a word bridged to it, is one of whose members it names none as
   * such (`asAsked`).
   */
  kind?: QueryWord;
  /**
   * For a question asking who does something as a rule ("who runs the ferry service?"), its verb (`DOER_ASKED`): a
   * passage that never says it is about the ferry service, not about who runs it.
   */
  doer?: QueryWord;
  /**
   * For a yes-or-no question asking whether there is some thing ("is there a reward for the gang's bosses?"), the word
   * naming it (`thingWord`): a passage that never says it, nor a way the search says it, cannot say there is one.
   */
  thing?: QueryWord;
  /**
   * A question opening with "which" that asks for the most or the least of a kind, or by a superlative ("which state
   * grows the most poppies", "which beach is safest"): it asks for the top of a ranking, which a passage saying no
   * most, least or superlative does not give (`ranks`).
   */
  ranked?: boolean;
  /**
   * The years the question pins its answer to ("ferry passengers in 2023", "school fees for fy2019") that no passage
   * names as a word: a passage on its subject that names none of them, nor a range of years holding one, gives no
   * answer for that time (`mentionsYear`).
   */
  years?: string[];
  /**
   * The common nouns of two words the question types side by side that the corpus holds both words of and never says
   * (`PassageIndex.unwrittenThing`: "gun control" over a corpus saying "gun" and "control" only apart): each one thing
   * it lacks, weighed in the decision as a noun of one sense no passage holds (`unsaidShare`).
   */
  unwrittenThings?: string[];
  /**
   * The question's rare proper names (`QueryWord.rareName`) whose passage holds none of its other words (`apartNames`):
   * "homicides in tijuana" over a corpus naming Tijuana only in a list of cities helped, and homicides elsewhere. The
   * corpus names that place or person in passing and never speaks of what the question asks of it: the answer is one
   * step less sure (`asAsked`).
   */
  apartNames?: string[];
  /**
   * The years the question pins its answer to as `years` are pinned, but that some passage names: asked only of
   * closest passages that date what they say by some year (`pinned`), since one may speak of it without naming it.
   */
  namedYears?: string[];
  /**
   * The months the question pins its answer to ("ED performance in july", "July's bed occupancy"), by number: a passage
   * on its subject that names none of them, nor a range of months holding one, and is not dated in one, gives no
   * answer for that time (`mentionsMonth`), as a report on August to October says nothing of July.
   */
  months?: number[];
  /**
   * The quarters of a year the question pins its answer to ("ARR in q2 2025", "churn in the second quarter"), each with
   * the year written after it if one is: a passage that names neither the quarter nor one of its months, or names them
   * but not that year, gives no answer for that time (`mentionsQuarter`), as a row for "Q2 2026" or "Q4 2025" says
   * nothing of the second quarter of 2025.
   */
  quarters?: PinnedQuarter[];
  /**
   * The phrases of two words or more besides stop words that the question puts in quotes ("what is the 'balloon
   * effect'"), each word as its term or, a stop word, as written, in order: a phrase quoted names one thing, as a code
   * does, so a passage holding it shares the question's subject (`quotes`).
   */
  quoted?: string[][];
  /**
   * The term of the one word a question asks the meaning of ("whats a tac", "what does SSB stand for"): a passage
   * defining it ("the total allowable catch (TAC)") answers the question better than the passages that only use it
   * ("TAC 2027: 1,260"), which may hold its long form too, from a table's caption (`definesAsked`).
   */
  explained?: string;
  /** The weight of a word no passage holds (the highest inverse document frequency): the unit of `evidence`. */
  rarest: number;
  /**
   * The question read without what the corpus's lexicon says of its words of general English, when it says something
   * of one: whether to answer at all is decided on it (`floored`), how surely on the question read with the lexicon. A
   * word no dictionary knows (an acronym, a name: "T-MEC") keeps its lexicon's ways: it means what the corpus says.
   */
  withoutLexicon?: AnalysedQuery;
}

/** General English words that ask for an amount rather than name what it is of. */
const QUANTITY_WORDS = new Set(['count', 'number', 'total', 'amount', 'tally', 'big', 'large', 'size'].map(stemWord));
const MONEY_WORDS = new Set(['money', 'cash', 'dollars'].map(stemWord));
/** A sum of money as a passage writes one: a currency's sign before a number, or its word after one. */
const MONEY_FIGURE = new RegExp(
  `(?:${CURRENCY_SIGNS})\\s?\\d|\\d\\s*(?:million|billion|trillion)?\\s*(?:${CURRENCY_WORD_ALTERNATIVES})\\b`,
  'i',
);
const NO_AMOUNTS: Amounts = { figure: false, money: false };
/** A time unit, as a pattern's alternatives. */
const timeUnits = [...TIME_UNITS].join('|');
/** The same, as chat shortens them. */
const timeAbbreviations = [...TIME_UNIT_ABBREVIATIONS].join('|');
/**
 * How often, as a text says it: "every 15 minutes", "every hour", "each other week", "twice a day", "three times per
 * week", "daily".
 */
const RATE = new RegExp(
  String.raw`\b(?:every|each)\s+(?:(?:\d+|other|few)\s+)?(?:${timeUnits})\b|` +
    String.raw`\b(?:once|twice|\S+\s+times)\s+(?:${[...RATE_WORDS].join('|')})\s+(?:${timeUnits})\b|` +
    String.raw`\b(?:${[...EVERY_UNIT.keys()].join('|')})\b`,
  'i',
);
/** "How often" asks for a rate: its "often" names no thing a passage must hold. */
const HOW_OFTEN = /\bhow (often)\b/i;
/**
 * A question asking what one word means, and that word: "what is an RLA", "whats a tac", "what's PTO", "what does SSB
 * stand for", "what do the letters MSY mean", with a chat opening (`OPENING`: "so what's …", "but what's …") allowed.
 */
const ASKS_MEANING = new RegExp(
  String.raw`${OPENING}what(?:['’]?s| is| are| does| do)\s+(?:(?:an?|the)\s+)?` +
    String.raw`(?:(?:letters|abbreviation|acronym)\s+)?([\p{L}\d-]+)(?:\s+(?:mean|stand\s+for))?\W*$`,
  'iu',
);
/** How much of a text around a number is read for the words that say what it is (`RankingOptions`). */
type NumberWindow = RankingOptions['query']['numberContext'];

/** A number as written: digits, with thousands separators or decimals ("25,000", "1.5"). */
const NUMBER = /\d+(?:[.,]\d+)*/g;
const PERCENT_AFTER = /^\s*(?:%|per ?cent)/i;
/** Digits that may be a day of a month or a year, whose words `timeOrCount` reads. */
const DATE_SHAPED = /^(?:\d{1,2}|\d{4})$/;
/** A currency's sign ending where the search starts (`lastIndex`): a number after one is a sum, never a date. */
const SIGN_BEFORE = new RegExp(`(?<=${CURRENCY_SIGNS})`, 'iy');
/** Up to three words before a number, each followed by white space only: a mark (a comma, a bracket) ends them. */
const WORDS_BEFORE = /(?:[\p{L}'’.]+\s+){1,3}$/u;
/** The word after a number, past a day's ordinal ending ("15th May"). */
const WORD_AFTER = /^(?:st|nd|rd|th)?\s+([\p{L}'’]+)/u;

/** Whether a currency's sign stands right before `at` in `text` ("$2022"). */
function signBefore(text: string, at: number): boolean {
  SIGN_BEFORE.lastIndex = at;
  return SIGN_BEFORE.test(text);
}

/**
 * What each number of a text says, lazily, in order: "year" or "day" for a date or a year standing alone ("December
 * 12", "3rd May", "By 2022 …", a citation's "(Smith, 2020)"), "amount" for any other (a sum, a share, a count: "about
 * 1500", "2000 officers"), by the rule the figure grammar reads too (`timeOrCount`), with the number as written and
 * where it stands. Each number is looked at in place, its words read only when its digits could be a year or a day: a
 * pattern of every month's name tried at each character of a passage cost ask a tenth of a millisecond per candidate.
 */
function* numbersIn(
  text: string,
  context: NumberWindow,
): Generator<readonly ['year' | 'day' | 'amount', string, number]> {
  for (const { 0: number, index: at } of text.matchAll(NUMBER)) {
    const end = at + number.length;
    const after = text.slice(end, end + context.after);
    if (!DATE_SHAPED.test(number) || signBefore(text, at) || PERCENT_AFTER.test(after)) {
      yield ['amount', number, at];
      continue;
    }
    const next = WORD_AFTER.exec(after)?.[1]?.toLowerCase() ?? '';
    const before = (WORDS_BEFORE.exec(text.slice(Math.max(0, at - context.before), at))?.[0] ?? '')
      .toLowerCase()
      .split(/\s+/)
      .filter(Boolean)
      .map((word) => (/['’]s$/.test(word) ? "'s" : word));
    const when = timeOrCount(number, { before, after: next, pluralAfter: looksPlural(next) });
    yield [when === 'year' || when === 'day' ? when : 'amount', number, at];
  }
}

/** Whether a text states an amount, and not only when: a paragraph that names only times states none. */
function statesAmount(text: string, context: NumberWindow): boolean {
  for (const [said] of numbersIn(text, context)) if (said === 'amount') return true;
  return false;
}

/** A word written with a capital, as a month's name is in running text ("in March", "May 2017"). */
const CAPITALISED = /\b\p{Lu}\p{Ll}+\b/gu;
const WORD = /\p{L}+/gu;
/** A time of day: "10 am", "4 p.m.", "10:30". */
const CLOCK = /\d ?[ap]\.?m\b|\b\d{1,2}:\d\d\b/i;

/**
 * Whether a text says when: a year or a day of a month standing alone (`numbersIn`), a time of day, a month by its
 * name, written with a capital as running text writes one ("in March"; "may" and "march" in lower case are other
 * words), or a word of time (`TIME_WORDS`: "on Saturday", "a year ago").
 */
export function saysWhen(text: string, context: NumberWindow): boolean {
  if (Object.values(timesIn(text, context)).some(Boolean)) return true;
  for (const [word] of text.matchAll(WORD)) if (TIME_WORDS.has(word.toLowerCase())) return true;
  return false;
}

/** Whether a text names a year or a day as a time ("in 2019", "May 3"), not only amounts (`numbersIn`). */
export function namesYear(text: string, context: NumberWindow): boolean {
  for (const [said] of numbersIn(text, context)) if (said === 'year') return true;
  return false;
}

/**
 * Years joined as a range: a span written as one (`YEAR_SPAN`: "2019-2023", "2022–23", "2021/22"), or in words
 * ("2019 to 2023", "from 2019 through 2023", "between 2019 and 2023"; "in 2019 and 2023" names two years, no range).
 */
const YEAR_RANGE = new RegExp(
  String.raw`(?<!\d)(?:(between) )?` +
    String.raw`(?:${YEAR_SPAN}|(${YEAR_DIGITS}) ?\b(to|through|until|till|and)\b ?(\d{4}|\d\d)(?!\d))`,
  'gi',
);

/**
 * The ranges of years a text names (`YEAR_RANGE`): their first and last years, and where they stand; `period`, where
 * the first year stands when the range is one year's period written as one (`oneYearPeriod`: "2021-22", "2021–2022"),
 * as fiscal, academic and sporting years are, which a question pins as a year, not a span to ask over.
 */
function* yearRanges(
  text: string,
): Generator<{ from: string; last: string; at: number; end: number; period?: number }> {
  for (const range of text.matchAll(YEAR_RANGE)) {
    const [whole, between, spanFrom, spanTo, wordsFrom, joint, wordsTo] = range;
    if (joint?.toLowerCase() === 'and' && !between) continue;
    const from = (spanFrom ?? wordsFrom)!;
    const last = String(spanLast(from, (spanTo ?? wordsTo)!));
    if (from < last)
      yield {
        from,
        last,
        at: range.index,
        end: range.index + whole.length,
        ...(spanFrom && oneYearPeriod(from, spanTo!) && { period: range.index + whole.indexOf(from) }),
      };
  }
}

/** Words before a year that make it a baseline the answer is compared with ("growth vs 2019", "than in 2015"). */
const BASELINE = /\b(?:vs|versus|than|since|compared|against)\b(?:\W+\p{L}+){0,2}\W*$/iu;

/**
 * The years a question pins its answer to, as written, once each, that `kept` keeps: those it names standing alone, as
 * a word of their own or a fiscal year's ("for 2023", "in fy2021"), or first in one year's period ("in 2021-22"), and
 * not as a baseline (`BASELINE`: "growth since 2019" asks for a change, which a passage may give in other words); not
 * "2000 officers", a code's "C1698" or a range's "1923 and 1956", which asks over a span. Undefined for none.
 */
function pinnedYears(text: string, context: NumberWindow, kept: (year: string) => boolean): string[] | undefined {
  const ranges = [...yearRanges(text)];
  const years = new Set<string>();
  for (const [said, number, at] of numbersIn(text, context)) {
    const before = text.slice(0, at);
    const alone = !/\p{L}$/u.test(before) || /\bfy$/i.test(before);
    const spanned = ranges.some((r) => r.at <= at && at < r.end && r.period !== at);
    if (said === 'year' && alone && !spanned && !BASELINE.test(before) && kept(number)) years.add(number);
  }
  return years.size ? [...years] : undefined;
}

/** Whether a text names `year` (as digits: "2023", "FY2023") or a range of years that holds it ("2022–23"). */
export function mentionsYear(text: string, year: string): boolean {
  if (new RegExp(`(?<!\\d)${year}(?!\\d)`).test(text)) return true;
  for (const { from, last } of yearRanges(text)) if (from < year && year < last) return true;
  return false;
}

/** Words before a month's name that make it the time asked about: "in July", "for March", "by May", "mid-June". */
const BEFORE_A_MONTH =
  /(?:\b(?:in|during|for|of|by|until|till|through|throughout|from|on|last|early|late)\s+|\bmid-?)$/i;
/** A date's digits before a month's name ("3 July", "3rd of July") or after it ("July 3", "July 2024"). */
const DIGITS_BEFORE = /\d(?:st|nd|rd|th)?(?:\s+of)?\s+$/i;
const DIGITS_AFTER = /^\.?\s+\d/;

/**
 * The months a question pins its answer to, once each, by number: a month's name as a time, after a word saying when
 * ("in July", "by march", "last May", `BEFORE_A_MONTH`), by a date's digits ("July 2024", "3 Jan") or as a possessive
 * ("July's figures"); not as a baseline ("since March", `BASELINE`). "May" and "march" in any other place are a verb,
 * and a word of three letters a month only beside digits. Undefined for none.
 */
function pinnedMonths(text: string): number[] | undefined {
  const months = new Set<number>();
  for (const { 0: word, index: at } of text.matchAll(/\p{L}+/gu)) {
    const before = text.slice(0, at);
    const after = text.slice(at + word.length);
    const dated = DIGITS_BEFORE.test(before) || DIGITS_AFTER.test(after);
    const month = monthInFull(word) ?? (dated ? monthNumber(word) : undefined);
    const asTime = dated || BEFORE_A_MONTH.test(before) || /^['’]s\b/.test(after);
    if (month && asTime && !BASELINE.test(before)) months.add(month);
  }
  return months.size ? [...months] : undefined;
}

/**
 * A quarter of a year and the year it pins, when one is written beside it ("Q2 2025", "2025 Q2", "2Q25", "the second
 * quarter of 2025"). A fiscal quarter ("Q2 FY2025", "fiscal Q2", "FQ2") is a quarter of a fiscal year, which starts
 * where its organisation says: it is not the calendar quarter of the same number, and no calendar month is of it.
 */
export interface PinnedQuarter {
  quarter: number;
  /** Four digits, or two where the text writes two and the question's century was not found ("Q2 '25", "2Q25"). */
  year?: string;
  fiscal?: true;
}

/**
 * A quarter's name: "Q2", "FQ2", "2Q" (as in "2Q25"), "2nd quarter", "the second quarter", "the second fiscal
 * quarter". Groups: the "F" of "FQ2", the digit of "Q2", of "2Q" and of "2nd", the ordinal, and "fiscal" inside.
 */
const QUARTER_NAME = new RegExp(
  String.raw`\b(?:(f)?q([1-4])(?![\p{L}\d])|([1-4])q(?!\p{L})|` +
    String.raw`(?:([1-4])(?:st|nd|rd|th)|(${QUARTER_ORDINALS.join('|')}))\s+(fiscal\s+)?quarter\b)`,
  'giu',
);
/** What marks a year as a fiscal one: "FY2025", "FY '25", "fiscal 2025", "fiscal year 2025". */
const FISCAL_YEAR = String.raw`fy\s?-?['’]?|fiscal\s+(?:year\s+)?`;
/**
 * A year after a quarter's name: "Q2 2025", "Q2, 2025", "Q2 of 2025", "Q2-2025", "Q2/2025", "Q2 '25", "Q2 FY2025",
 * "Q2 of fiscal 2025", "2Q25". Groups: the fiscal mark, the apostrophe, the year.
 */
const YEAR_AFTER = new RegExp(
  String.raw`(?:,?\s+(?:of\s+)?|\s?[-/]\s?)?(?:(${FISCAL_YEAR})|(['’]))?(${YEAR_DIGITS}|\d\d)(?!\d)`,
  'iy',
);
/** A year before a quarter's name: "2025 Q2", "2025-Q2", "FY2025 Q2", "fiscal 2025 Q2". Groups: fiscal mark, year. */
const YEAR_BEFORE = new RegExp(String.raw`(?:\b(${FISCAL_YEAR})|(?<![\d.,]))(${YEAR_DIGITS}|\d\d)\s?[-/]?\s?$`, 'i');
/** "fiscal" before a quarter's name: "fiscal Q2", "the fiscal second quarter". */
const FISCAL_BEFORE = /\bfiscal\s+$/i;

/**
 * The quarters a question pins its answer to, once each, with the year written beside each (`quartersIn`); not as a
 * baseline ("growth since Q2", `BASELINE`). Undefined for none.
 */
function pinnedQuarters(text: string): PinnedQuarter[] | undefined {
  const pinned = new Map<string, PinnedQuarter>();
  for (const { at, ...found } of quartersIn(text)) {
    if (!BASELINE.test(text.slice(0, at))) pinned.set(`${found.quarter} ${found.year} ${found.fiscal}`, found);
  }
  return pinned.size ? [...pinned.values()] : undefined;
}

/**
 * The quarters a text names (`QUARTER_NAME`), each with where it starts (with the year or "fiscal" before it), the year
 * written after it or else before it, and whether it is fiscal. Two digits are a year only after a fiscal mark or an
 * apostrophe, joined to "2Q" or by a dash or a slash alone to "Q2" ("Q2-25"): "Q2 25" may be a count.
 */
function* quartersIn(text: string): Generator<PinnedQuarter & { at: number }> {
  for (const m of text.matchAll(QUARTER_NAME)) {
    const [name, f, digit, joined, numbered, ordinal, fiscalInside] = m;
    const quarter = Number(digit ?? joined ?? numbered ?? QUARTER_ORDINALS.indexOf(ordinal!.toLowerCase()) + 1);
    YEAR_AFTER.lastIndex = m.index + name.length;
    const after = YEAR_AFTER.exec(text);
    // Two digits joined to "2Q", with nothing between ("2Q25"), or to "Q2" by a dash or a slash alone ("Q2-25").
    const glued = after?.[0] === after?.[3];
    const dashed = !!after && /^[-/]\d\d$/.test(after[0]);
    const written =
      after && (after[3]!.length === 4 || after[1] || after[2] || (joined && glued) || dashed) ? after : undefined;
    const head = text.slice(0, m.index);
    const found = written ? undefined : YEAR_BEFORE.exec(head);
    const before = found && (found[2]!.length === 4 || found[1]) ? found : undefined;
    const year = written?.[3] ?? before?.[2];
    const fiscalBefore = FISCAL_BEFORE.exec(head);
    const fiscal = !!(f || fiscalInside || fiscalBefore || written?.[1] || before?.[1]);
    const at = Math.min(m.index, before?.index ?? m.index, fiscalBefore?.index ?? m.index);
    yield { quarter, ...(year && { year }), ...(fiscal && { fiscal: true as const }), at };
  }
}

/**
 * Whether a text names `quarter` of a year, by its name ("Q2", "second quarter") or, a calendar quarter, a month of it
 * ("April to June", `mentionsMonth`), and, for one with a year, that year beside its name (whole or by its last two
 * digits, `endsYear`) or anywhere in the text with a month of it. A fiscal quarter is named only as fiscal, and a
 * calendar one only as not.
 */
export function mentionsQuarter(text: string, { quarter, year, fiscal }: PinnedQuarter): boolean {
  const sameYear = (written: string) => written === year || endsYear(written, year!) || endsYear(year!, written);
  const named = [...quartersIn(text)].filter((q) => q.quarter === quarter && !!q.fiscal === !!fiscal);
  if (named.some((q) => !year || (q.year ? sameYear(q.year) : mentionsYear(text, year)))) return true;
  if (fiscal) return false;
  const months = [1, 2, 3].map((k) => (quarter - 1) * 3 + k);
  return months.some((m) => mentionsMonth(text, m)) && (!year || mentionsYear(text, year));
}

/** Months joined as a range: "August to October", "Nov–Feb", "between June and August". */
const MONTH_RANGE = new RegExp(
  `(?:(between)\\s+)?\\b${MONTH_PATTERN}\\s*(?:[-–—]|\\b(to|through|until|till|and)\\b)\\s*${MONTH_PATTERN}(?!\\p{L})`,
  'giu',
);

/**
 * Whether a text names `month` (1 to 12) as running text writes a month, with a capital ("July", "Jul"), or a range of
 * months holding it ("June to August", "November–February").
 */
export function mentionsMonth(text: string, month: number): boolean {
  for (const { 0: word } of text.matchAll(CAPITALISED)) if (monthNumber(word) === month) return true;
  for (const [, between, from, joint, to] of text.matchAll(MONTH_RANGE)) {
    if (joint?.toLowerCase() === 'and' && !between) continue;
    const [first, last] = [monthNumber(from!)!, monthNumber(to!)!];
    if (first <= last ? first <= month && month <= last : month >= first || month <= last) return true;
  }
  return false;
}

/** The kind of time a word of `TIME_ASKED_AS` asks for ("yrs" a year, "dates" a day of a month, "days" a weekday). */
function timeKind(word: string): TimeKind | undefined {
  if (word.startsWith('time')) return 'clock';
  if (word.startsWith('y')) return 'year';
  if (word.startsWith('month')) return 'month';
  if (word.startsWith('date')) return 'day';
  return word.startsWith('day') ? 'weekday' : undefined;
}

/** What amounts a text states; `context`, how much of it around a number to read (`RankingOptions`). */
export function amountsIn(text: string, context: NumberWindow): Amounts {
  return new TextAmounts(text, context);
}

/**
 * What a text states, each read the first time it is asked for: only a question asking for an amount, a sum or a time
 * looks, and ask takes the amounts of sixty passages, and of each run of sentences of the best ten, whatever the
 * question asks. A class, not an object with getters of its own, which V8 makes several times more slowly.
 */
class TextAmounts implements Amounts {
  private states?: boolean;
  private sum?: boolean;
  private times?: Record<TimeKind, boolean>;

  constructor(
    private readonly text: string,
    private readonly context: NumberWindow,
  ) {}

  get figure(): boolean {
    return (this.states ??= statesAmount(this.text, this.context));
  }
  get money(): boolean {
    return (this.sum ??= MONEY_FIGURE.test(this.text));
  }
  get year(): boolean {
    return this.said('year');
  }
  get month(): boolean {
    return this.said('month');
  }
  get day(): boolean {
    return this.said('day');
  }
  get weekday(): boolean {
    return this.said('weekday');
  }
  get clock(): boolean {
    return this.said('clock');
  }
  get rate(): boolean {
    return RATE.test(this.text);
  }

  private said(kind: TimeKind): boolean {
    return (this.times ??= timesIn(this.text, this.context))[kind];
  }
}

/**
 * The kinds of time a text says: a year or a day of a month standing alone (`numbersIn`), a month or a day of the week
 * by its name written with a capital ("in March", "on Sundays"), a time of day. `saysWhen` is any of them, or a word of
 * time.
 */
function timesIn(text: string, context: NumberWindow): Record<TimeKind, boolean> {
  const times = { year: false, month: false, day: false, weekday: false, clock: CLOCK.test(text) };
  for (const [said] of numbersIn(text, context)) if (said !== 'amount') times[said] = true;
  for (const [word] of text.matchAll(CAPITALISED)) {
    if (isMonth(word)) times.month = true;
    if (isWeekday(word)) times.weekday = true;
  }
  // A day of a month answers "what day" as well as a day of the week does.
  times.weekday ||= times.day;
  return times;
}

/** A day of the week's name, or its plural ("Sunday", "Sundays"). */
const isWeekday = (word: string): boolean =>
  (WEEKDAY_NAMES as readonly string[]).includes(word.toLowerCase().replace(/s$/, ''));
/** Phrases that ask for an amount of any kind, counts among them. */
const AMOUNT = new RegExp(
  `${AMOUNT_NAMED.count.source}|\\b(how (much|big|large|high|low|often)|count|cost|percent(age)?|rate|total|size)\\b|%`,
  'i',
);

/**
 * The words of a question that say what it is about. A pasted link names where something is, not what, and its
 * pieces ("https", "com", a path's words) would count as words no passage holds, turning "harbour fees
 * https://…" from an answer into "nothing relevant"; a mention addresses people, not the corpus (`withoutMentions`).
 */
export function withoutLinks(text: string): string {
  return withoutMentions(text.replace(LINK, (_link, label?: string) => ` ${label ?? ''} `));
}

/**
 * The link a question is made of and nothing else ("https://example.org/report"), if it is one: someone who pastes
 * a bare link most likely wants the page read, which a search for its pieces never does.
 */
export function onlyLink(text: string): string | undefined {
  const links = text.match(LINK);
  return links?.length === 1 && !/[\p{L}\p{N}]/u.test(withoutLinks(text)) ? links[0] : undefined;
}

/** What may not follow a range of two-digit years: more digits, a share, or a unit of time or age ("15-17 years"). */
const NO_UNIT_AFTER = String.raw`(?![\d.,%]| ?(?:percent|per ?cent|${timeUnits}|${timeAbbreviations}|old)\b)`;

/** Two two-digit numbers joined by a dash, no unit after them: "15-17", "'18–'19"; not "15-17 years", "10-20%". */
const SHORT_YEARS = new RegExp(
  String.raw`(?<![\d.,']|${CURRENCY_SIGNS})'?(\d\d) ?[-–—] ?'?(\d\d)` + NO_UNIT_AFTER,
  'gi',
);

/**
 * The same range in words, as chat writes it: "between 15 and 17", "from '15 to '17". Two numbers so joined are more
 * often a count's range than a dash's are ("between 15 and 20 officers"), so both must be years the corpus has.
 */
const SHORT_YEARS_IN_WORDS = new RegExp(
  String.raw`\b(between|from) '?(\d\d) (and|to|through|thru|till|until) '?(\d\d)` + NO_UNIT_AFTER,
  'gi',
);

/** A two-digit year on its own: a fiscal year's ("fy22", "FY '22") or after an apostrophe ("in '18"). */
const SHORT_YEAR = /(?<![\p{L}\d])(?:(fy) ?'?|')(\d\d)(?![\d.,%'])/giu;

/**
 * A question's two-digit year range ("wheat 15-17", "enrolment '18–'19", "between 15 and 17") and year ("fy22", "in
 * '18") written out ("2015-2017", "fy 2022") in the century whose years the corpus has (this one first), so it searches
 * for those years (and `figures` prefers their figures): "15" and "17" alone match any fifteen and seventeen. A year
 * the corpus lacks in either century stays as typed.
 */
export function withYears(question: string, knows: (term: string) => boolean): string {
  const centuryOf = (...years: string[]) => ['20', '19'].find((c) => years.some((y) => knows(c + y)));
  return question
    .replace(SHORT_YEARS, (range, from: string, to: string) => {
      const century = centuryOf(from, to);
      return century && from < to ? `${century}${from}-${century}${to}` : range;
    })
    .replace(SHORT_YEARS_IN_WORDS, (range, opening: string, from: string, joining: string, to: string) => {
      const century = ['20', '19'].find((c) => knows(c + from) && knows(c + to));
      return century && from < to ? `${opening} ${century}${from} ${joining} ${century}${to}` : range;
    })
    .replace(SHORT_YEAR, (typed, prefix: string | undefined, year: string) => {
      const century = centuryOf(year);
      return century ? `${prefix ? `${prefix} ` : ''}${century}${year}` : typed;
    });
}

/**
 * Reads a question against the index: which words matter, which the corpus does not know, and
 * the other ways the corpus may say each (its bridges, and the corpus word a typo meant). Without `lexicon`, the
 * lexicon's ways of saying a word the dictionary knows are left out (`AnalysedQuery.withoutLexicon`).
 */
export function analyseQuery(
  text: string,
  index: PassageIndex,
  options: RankingOptions['query'],
  lexicon = true,
): AnalysedQuery {
  const n = Math.max(index.size, 1);
  const idf = (df: number) => bm25Idf(n, df);
  const read = withYears(withoutLinks(text), (term) => index.knows(term));
  // A noun saying which kind of a thing is meant ("what kinds of fees", "that sort of thing") is said of the noun
  // after it, as "kinda" and "sorta" are filler: it names nothing a passage could hold. Nor does a modal verb that is
  // also a noun where it is the auxiliary ("when will the stop get a shelter").
  const analysed = withJoins(index, index.analyzer.words(read));
  const lower = analysed.map((w) => w.word.toLowerCase());
  const all = analysed.map((w, i, words) =>
    (CLASSIFIERS.has(w.word) && words[i + 1]?.word === 'of') || isAuxiliary(lower, i) ? { ...w, term: undefined } : w,
  );
  // A verb typed before a stop word with which it makes a verb of its own ("looks after", "sit down", "handed over")
  // means that verb, which the search cannot see once the stop word is dropped: searched alone, the first word finds
  // passages using it in its own senses ("look at"), so it weighs as a vague word does.
  const phrasal = new Set(
    all.filter((w, i) => w.term && all[i + 1] && !all[i + 1]!.term && index.phrasal(w.word, all[i + 1]!.word)),
  );
  const typed = all.filter((w): w is AnalysedWord & { term: string } => w.term !== undefined);
  /** The words, in small letters, that open a sentence of the question with a capital ("Tirasemtiv targets …"). */
  const opening = new Set([...text.matchAll(/(?:^|[.!?]\s+)(\p{Lu}\p{L}*)/gu)].map((m) => m[1]!.toLowerCase()));
  // A compound typed with hyphens may be one word in the corpus ("multi-layered", "multilayered"): the joined form says
  // each of its parts, as another spelling of them would.
  const alternatives: Alternative[][] = typed.map(({ term, joined }) =>
    joined && joined !== term && options.bridges.spelling > 0
      ? [{ terms: [joined], weight: options.bridges.spelling, via: 'spelling' }]
      : [],
  );
  let generalSaid = false;
  for (const found of index.bridges.find(typed.map((w) => w.term))) {
    const weight = options.bridges[found.via];
    if (weight <= 0) continue;
    // A lexicon relates the words it writes, not every word of their stem: its "earnings" (revenue) is not the asker's
    // "earn" (a wage), nor its "organizations" an "organ". The asker's word must be the lexicon's, as written or
    // inflected ("ferries" for "ferry", "sailed" for "sail").
    if (found.written && !found.written.every((w, j) => sameWord(typed[found.from + j]!.word, w))) continue;
    // A lexicon's line on a word of general English ("dues" under "rent") may be looser than the word's own senses
    // ("newspaper subscription"): the question is read again without it, to decide whether to answer at all.
    const general = found.via === 'lexicon' && typed.slice(found.from, found.to).some((w) => index.wordKind(w.word));
    if (general && !lexicon) continue;
    generalSaid ||= general;
    const gated = found.via === 'rare' || found.via === 'similar' || undefined;
    const whole = (found.via === 'lexicon' && found.terms.length > 1) || undefined;
    const { throughHead } = found;
    // One alternative for every word it spans, the same one: a name of two words takes those spanning both.
    const alternative: Alternative = { terms: found.terms, weight, via: found.via, gated, whole, throughHead };
    for (let i = found.from; i < found.to; i++) alternatives[i]!.push(alternative);
  }
  // An acronym the question defines ("systemic lupus erythematosus (SLE)") says its long form again: one thing asked
  // for, weighed once, by the long form's words, each of which the acronym also says (at an alias's weight), so a
  // passage naming it either way covers it. Counted as a word of its own, a rare acronym outweighed the rest.
  const restated = new Set<string>();
  for (const [long, short] of aliasesIn(read)) {
    const shortTerms = index.analyzer.terms(short);
    const longTerms = new Set(index.analyzer.terms(long));
    if (!shortTerms.length || !longTerms.size || shortTerms.some((t) => longTerms.has(t))) continue;
    for (const t of shortTerms) restated.add(t);
    if (options.bridges.alias > 0)
      typed.forEach((w, i) => {
        if (longTerms.has(w.term))
          alternatives[i]!.push({ terms: shortTerms, weight: options.bridges.alias, via: 'alias' });
      });
  }
  const wantsFigure = AMOUNT.test(text);
  const positions = all.flatMap((w, i) => (w.term === undefined ? [] : [i]));
  /** Whether the `i`th word typed and the next stand side by side, nothing between them, as a pair `listed`. */
  const pairAt = (i: number, listed: (first: string, second: string) => boolean) => {
    const [at, next] = [positions[i]!, positions[i + 1]];
    return next === at + 1 && listed(lower[at]!, lower[next]!);
  };
  // A common noun of two words the corpus holds apart and never says, typed side by side ("gun control";
  // `PassageIndex.unwrittenThing`), is one thing it lacks; its two words, each the corpus's, still order passages.
  const things = typed.flatMap((a, i) =>
    pairAt(i, (first, second) => index.unwrittenThing(first, second)) ? [`${a.word} ${typed[i + 1]!.word}`] : [],
  );
  // A proper name of two words that the dictionary lists and the corpus never writes, typed side by side ("supreme
  // court"; `PassageIndex.unwrittenName`), is one thing the corpus lacks, weighed as a name it lacks, not as a common
  // word it lacks ("supreme") beside one it has ("court"): it is covered only by another way of saying it whole (a
  // bridge spanning both words), while its words alone, a guess, only order passages (`Alternative.gated`).
  const units: { typedWord: (typeof typed)[number]; alts: Alternative[]; name?: true }[] = [];
  for (let i = 0; i < typed.length; i++) {
    const [a, b] = [typed[i]!, typed[i + 1]];
    if (!b || !pairAt(i, (first, second) => index.unwrittenName(first, second))) {
      units.push({ typedWord: a, alts: alternatives[i]! });
      continue;
    }
    const spanning = alternatives[i]!.filter((alt) => alternatives[i + 1]!.includes(alt));
    const parts: Alternative = {
      terms: [a.term, b.term],
      weight: options.bridges.wordnet,
      via: 'wordnet',
      gated: true,
    };
    units.push({
      typedWord: { word: `${a.word} ${b.word}`, term: `${a.term} ${b.term}` },
      alts: [...spanning, parts],
      name: true,
    });
    i++;
  }
  const words = units.map(({ typedWord, alts, name }) => {
    const { word, term } = typedWord;
    const kind = name ? 'name' : index.wordKind(word);
    const bridged = () => index.knows(term) || alts.some((a) => a.terms.every((t) => index.knows(t)));
    // Another word that may be the asker's: kept below only if the corpus knows it, as every alternative is.
    const offer = (other: string | undefined, via: 'spelling' | 'prefix' | 'typo' | 'clipped' | 'family') => {
      const otherTerm = other && index.analyzer.processTerm(other)?.[0];
      if (otherTerm) alts.push({ terms: [otherTerm], weight: options.bridges[via], via });
    };
    // A word the corpus lacks in the asker's spelling may be there in the other (British or American).
    if (options.bridges.spelling > 0 && !index.knows(term))
      for (const other of otherSpellings(word)) offer(other, 'spelling');
    // A verb the corpus lacks may be there in its irregular past form the analyser leaves as typed, that form being a
    // word of its own too ("how many did they feed": "fed 8,940 people"), and such a form the corpus lacks in its verb:
    // a word of the verb's family, as "driver" is of "drive".
    if (options.bridges.family > 0 && !index.knows(term))
      for (const other of ambiguousPastForms(word)) offer(other, 'family');
    // A word neither the corpus nor the dictionary has may be two the corpus has, written as one ("schoolbus" for
    // "school bus", "nightshift" for "night shift"): a passage saying both says it, as a compound's other spelling.
    if (options.bridges.spelling > 0 && !kind && !bridged()) {
      const parts = splitInTwo(index, word, options.compoundMinPart)?.terms;
      if (parts) alts.push({ terms: parts, weight: options.bridges.spelling, via: 'spelling' });
    }
    // A word neither the corpus nor the dictionary has, made by a prefix of one the corpus has, is about that one.
    if (options.bridges.prefix > 0 && !kind && !bridged()) offer(withoutPrefix(word), 'prefix');
    // A word neither the corpus nor the dictionary has that begins a longer word the corpus has is that word clipped,
    // as chat shortens a long word ("munic" for "municipal"), rather than a typo of a word as short ("music"); not a
    // stop word chat shortens ("wat" is "what", not "water").
    const { clipped } = options;
    if (
      !kind &&
      !bridged() &&
      !mistypedStopWord(word, index.hasDictionary) &&
      options.bridges.clipped > 0 &&
      /^\p{L}+$/u.test(word) &&
      word.length >= clipped.minLength
    )
      offer(index.bridges.completes(word, clipped.more), 'clipped');
    // A word the dictionary knows is no typo: "rate" is not a slip for "late".
    if (!kind && !bridged() && options.bridges.typo > 0) offer(index.bridges.correct(word, options.typos), 'typo');
    const usable = alts.filter((a) => a.terms.every((t) => index.knows(t)));
    const own = index.documentFrequency(term);
    // An alternative phrase is as telling as its rarest word. A gated one does not make the word known: its sense is
    // a guess, which a passage's other words may confirm but the decision to answer must not rest on.
    const sure = usable.filter((a) => !a.gated);
    // The lexicon adds ways for a passage to cover a word, and never changes what the word weighs: a word the corpus
    // lacks weighs as much with it as without it. Weighed by the rarest word of its lexicon phrase ("RNLI" by
    // "lifeboat"), it weighed less than unknown, so a passage holding none of it covered more of the question than
    // with no lexicon at all.
    const dfs = sure
      .filter((a) => a.via !== 'lexicon')
      .map((a) => Math.min(...a.terms.map((t) => Math.max(index.documentFrequency(t), 1))));
    const known = index.knows(term) || sure.length > 0;
    // A word of letters that neither the corpus nor the dictionary has, nor is near a word the dictionary has, is a
    // name, as chat types names in small letters ("zelda", "sheinbaum"): it weighs as a name the corpus lacks. Not one
    // opening a sentence with a capital, as a claim opens with the name of a drug or a product the corpus may write
    // otherwise: it weighs as a word no passage holds, as before.
    const named = () =>
      !kind &&
      index.hasDictionary &&
      word.length >= options.unknownNameMinLength &&
      /^\p{L}+$/u.test(word) &&
      !opening.has(word) &&
      !index.nearDictionaryWord(word);
    const unknown = () => idf(0) * unknownWeight(word, named() ? 'name' : kind, options);
    const rarity = own > 0 ? idf(own) : dfs.length ? idf(Math.min(...dfs)) : index.knows(term) ? idf(1) : unknown();
    const weight = rarity * (index.vague(word) || phrasal.has(typedWord) ? options.vagueWeight : 1);
    const money = !MONEY_WORDS.has(term) && index.money(word);
    return {
      word,
      term,
      alternatives: usable,
      terms: [...new Set([term, ...sure.flatMap((a) => a.terms)])],
      weight,
      known,
      quantity: quantityOf(term),
      priced: (wantsFigure && money) || undefined,
      money: money || undefined,
      code: (word.length >= options.codeMinLength && CODE.test(word) && index.knows(term)) || undefined,
      rareName: (kind === 'name' && !calendar(word) && own > 0 && own <= options.nameMaxPassages) || undefined,
    };
  });
  // A word said twice ("plasmids … plasmids", "interacts … interaction") is one thing asked for, weighed once. An
  // acronym spelling a stop word that the corpus lacks ("IT", "US") may be the word typed in capitals: dropped as it.
  // So is a stop word typed with two letters swapped ("teh", "adn") that neither the corpus nor the dictionary has.
  const once = words.filter(
    (w, i) =>
      words.findIndex((o) => o.term === w.term) === i &&
      (w.known ||
        (!STOP_WORDS.has(w.term) && (index.wordKind(w.word) || !mistypedStopWord(w.word, index.hasDictionary)))) &&
      !restated.has(w.term),
  );
  markNames(index, read, once);
  const asks = answerType(read, (word) => index.superlative(word));
  const timeWord = asks === 'time' ? TIME_ASKED_AS.exec(read)?.[1]?.toLowerCase() : undefined;
  const timeTerm = timeWord && index.analyzer.processTerm(timeWord)?.[0];
  const kind = timeWord && timeKind(timeWord);
  if (timeTerm && kind) for (const w of once) if (w.term === timeTerm) w.quantity = kind;
  const often = HOW_OFTEN.exec(read)?.[1];
  const oftenTerm = often && index.analyzer.processTerm(often)?.[0];
  if (oftenTerm) for (const w of once) if (w.term === oftenTerm) w.quantity = 'rate';
  const meant = ASKS_MEANING.exec(read)?.[1]?.toLowerCase();
  const quoted = [...read.matchAll(QUOTED)]
    .map((m) => said(index.analyzer, m[1]!))
    .filter((phrase) => phrase.filter((t) => !STOP_WORDS.has(t)).length >= 2);
  return {
    text: read,
    words: once,
    asks,
    quoted: quoted.length ? quoted : undefined,
    explained: once.find((w) => w.word.toLowerCase() === meant)?.term,
    counted: asks === 'count' ? countedWords(index.analyzer, read, once) : undefined,
    role: asks === 'person' ? roleWords(index.analyzer, read, once) : undefined,
    doer: doerWord(index, read, once, asks),
    thing: thingWord(index.analyzer, read, once),
    kind: kindWord(index.analyzer, read, once),
    ranked: KIND_ASKED.test(read) && ranks(read, (word) => index.superlative(word)),
    years: pinnedYears(read, options.numberContext, (year) => !index.knows(year)),
    unwrittenThings: things.length ? things : undefined,
    apartNames: apartNames(index, once),
    namedYears: pinnedYears(read, options.numberContext, (year) => index.knows(year)),
    months: pinnedMonths(read),
    quarters: pinnedQuarters(read),
    wantsFigure,
    wantsCount: AMOUNT_NAMED.count.test(text),
    wantsShare: AMOUNT_NAMED.share.test(text),
    rarest: idf(0),
    withoutLexicon: generalSaid ? analyseQuery(text, index, options, false) : undefined,
  };
}

/** Nouns that, before "of", say which kind of a thing is meant. */
const CLASSIFIERS = new Set(['kind', 'kinds', 'sort', 'sorts', 'type', 'types']);

/**
 * A phrase in quotes, single or double, straight or curly: the opening mark not inside a word ("what's", "the
 * mayor's") and the closing one not before a letter or digit ("'15 to '17" quotes nothing).
 */
const QUOTED = /(?<![\p{L}\d])['"“‘]([^'"“”‘’\n]{3,80}?)['"”’](?![\p{L}\d])/gu;

/**
 * A month's or a weekday's name ("October", "Saturday"): a proper noun to the dictionary, but a time that recurs in any
 * corpus, not a subject one passage has to itself, however few passages name it.
 */
const calendar = (word: string) => isMonth(word) || TIME_WORDS.has(word.toLowerCase());

/**
 * A word of letters and digits: a code ("CD40", "G20", "4x4"), when long enough (`query.codeMinLength`). The analyser
 * splits a number from the unit or suffix after it ("40mg", "1990s", "21st"), so those are never one.
 */
const CODE = /^(?=.*\p{L})(?=.*\d)/u;

/**
 * Words that follow "how many" without naming a kind of thing: "times" asks for a multiple or how often ("how many
 * times bigger"), and "people" and its like count persons of any kind, which a count of pupils or of passengers gives.
 */
const NO_KIND = new Set(['times', 'people', 'persons', 'ppl', 'folks', 'individuals'].map(stemWord));

/**
 * What a question asking how many counts (`COUNT_ASKED_OF`): the words right after its asking phrase, up to the first
 * stop word or past form, that the corpus knows ("how many ferries sail on Sundays": ferries, sail; "number of sailors
 * drowned": sailors), past a verb's past form that says what they did ("how many drowned"). None when a stop word
 * comes first ("how many do …"), the first names no kind (`NO_KIND`), or the words are only quantity words ("number
 * of …" is no kind) or unknown to the corpus (which has no word of its own for them, so no passage could be told apart
 * by them).
 */
function countedWords(analyzer: Analyzer, read: string, words: QueryWord[]): QueryWord[] | undefined {
  const at = COUNT_ASKED_OF.exec(read);
  if (!at) return undefined;
  const after: string[] = [];
  for (const w of analyzer.words(read.slice(at.index + at[0].length))) {
    if (!w.term) break;
    if (!after.length && isPastForm(w.word)) continue;
    // A past form after the kind says what those counted did ("journalists killed"), not what they are.
    if (isPastForm(w.word)) break;
    after.push(w.term);
  }
  if (!after.length || NO_KIND.has(after[0]!)) return undefined;
  const named = words.filter((w) => after.includes(w.term) && w.known && !w.quantity);
  return named.length ? named : undefined;
}

/**
 * The words naming the role a question asks the holder of (`ROLE_ASKED`): those right after "who is the", to the first
 * stop word or mark ("who is the county's chief planner, a new post": chief, planner), known to the corpus
 * or not: a role the corpus never names has no holder it names.
 */
function roleWords(analyzer: Analyzer, read: string, words: QueryWord[]): QueryWord[] | undefined {
  const at = ROLE_ASKED.exec(read);
  if (!at) return undefined;
  const after: string[] = [];
  for (const w of analyzer.words(read.slice(at.index + at[0].length).split(/[,;:?!()]/)[0]!)) {
    if (!w.term) break;
    after.push(w.term);
  }
  const named = words.filter((w) => after.includes(w.term) && !w.quantity);
  return named.length ? named : undefined;
}

/**
 * The word naming the kind a question asks which one of (`KIND_ASKED`): the first after "which" that is no number
 * (a number's word searches as its digits: "which two gangs"), if it is a word of the question and asks for no time or
 * amount ("which year" asks a time); none when a stop word follows ("which is …", "which of them").
 */
function kindWord(analyzer: Analyzer, read: string, words: QueryWord[]): QueryWord | undefined {
  const at = KIND_ASKED.exec(read);
  if (!at) return undefined;
  const first = analyzer
    .words(read.slice(at.index + at[0].length).split(/[,;:?!()]/)[0]!)
    .find((w) => !w.term || !/^\d+$/.test(w.term));
  return first?.term ? words.find((w) => w.term === first.term && !w.quantity) : undefined;
}

/**
 * Whether a text says the most or the least of something: "the most", "the least", "the fewest", or a superlative
 * (`PassageIndex.superlative`: "busiest", "best"). "Most of" is a share, no ranking.
 */
export function ranks(text: string, superlative: (word: string) => boolean): boolean {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  return words.some((w, i) => (RANKING.has(w) && words[i - 1] === 'the') || superlative(w));
}
const RANKING = new Set(['most', 'least', 'fewest']);

/**
 * The word naming the thing a question asks whether there is (`THING_ASKED`): the last of the words right after its
 * asking phrase, up to the first stop word or mark, the head of their phrase ("is there an extradition treaty between
 * …": treaty), if it is a word of the question and no amount ("is there enough …" names none).
 */
function thingWord(analyzer: Analyzer, read: string, words: QueryWord[]): QueryWord | undefined {
  const at = THING_ASKED.exec(read);
  if (!at) return undefined;
  let head: string | undefined;
  // Word by word as typed: "town-by-town" is one word of the phrase, though its middle is a stop word.
  for (const typed of read
    .slice(at.index + at[0].length)
    .split(/[,;:?!()]/)[0]!
    .split(/\s+/)
    .filter(Boolean)) {
    const term = analyzer.words(typed).findLast((w) => w.term)?.term;
    if (!term) break;
    head = term;
  }
  return head ? words.find((w) => w.term === head && !w.quantity) : undefined;
}

/**
 * The verb of a question asking who does something as a rule (`DOER_ASKED`), or whether anyone did or underwent
 * something (`ANYONE_DID`), when it is a word of the question; or of one asking whether something ever happened
 * (`EVER_DID`), when the corpus writes that verb itself. A corpus that reports the doing ("extradited") of other things
 * and not in the passages on the question's subject does not report it of that; one that never writes the verb may say
 * it in words no bridge reaches ("phased out" for "scrapped"), as a rare name is asked only where the corpus names it
 * apart (`apartNames`).
 */
function doerWord(index: PassageIndex, read: string, words: QueryWord[], asks?: AnswerType): QueryWord | undefined {
  const { analyzer } = index;
  const termOf = (verb: string | undefined) => (verb ? analyzer.processTerm(verb)?.[0] : undefined);
  const asked = asks === 'person' ? DOER_ASKED.exec(read) : null;
  const ever = termOf(EVER_DID.exec(read)?.[1]);
  const term =
    termOf(asked?.[1] ?? asked?.[2] ?? ANYONE_DID.exec(read)?.[1]) ??
    (ever && index.documentFrequency(ever) > 0 ? ever : undefined);
  return term ? words.find((w) => w.term === term) : undefined;
}

/** Whether two words (folded) are one, as written or inflected: "ferries" and "ferry", not "earn" and "earnings". */
function sameWord(a: string, b: string): boolean {
  const forms = new Set([a, ...baseForms(a)]);
  return [b, ...baseForms(b)].some((form) => forms.has(form));
}

/**
 * Marks each word the question types right after the one before it ("buenos aires", "buenos-aires") that the corpus
 * never writes apart from it (`PassageIndex.inseparable`): `QueryWord.withPrevious`.
 */
function markNames(index: PassageIndex, read: string, words: QueryWord[]): void {
  const text = read.toLowerCase();
  for (let i = 1; i < words.length; i++) {
    const [a, b] = [words[i - 1]!, words[i]!];
    const [first, second] = [a, b].map((w) => escapeRegExp(w.word.toLowerCase()));
    const adjacent = new RegExp(`(?:^|[^\\p{L}\\p{N}])${first}[\\s-]+${second}`, 'u');
    if (adjacent.test(text) && index.knows(a.term) && index.knows(b.term) && index.inseparable(a.term, b.term))
      b.withPrevious = true;
  }
}

/**
 * Whether a question's word asks for an amount or says a time rather than naming a thing: a quantity word (`quantity`:
 * "count", "cost", "how often"), a number or a code with digits ("2019", "fy22"), a time's noun ("year", "dates"), a
 * word of time (`TIME_WORDS`: "Saturday", "ago") or one tying a time to now ("last", "current").
 */
function amountOrTime(w: QueryWord): boolean {
  return (
    !!w.quantity ||
    /\d/.test(w.term) ||
    TIME_NOUNS.includes(w.word) ||
    TIME_WORDS.has(w.word) ||
    RELATIVE_TIME_SHIFTS.has(w.word)
  );
}

/**
 * The terms of the question's rare proper names (`QueryWord.rareName`) whose passage holds none of its other words,
 * save what asks for an amount or a time (a quantity word, a number, a time's noun or word: "homicide count in
 * tijuana for 2019" over a list of cities helped "from 2011 through 2013") and a word of many senses; the name's own
 * other word, typed beside it and held by the same passages (`withPrevious`: "ciudad juarez"), is the name:
 * `AnalysedQuery.apartNames`.
 */
function apartNames(index: PassageIndex, words: QueryWord[]): string[] | undefined {
  const asked = (w: QueryWord) => w.known && !amountOrTime(w) && !index.vague(w.word);
  const apart = words.filter((name, i) => {
    if (!name.rareName) return false;
    const others = words.filter(
      (w, j) => j !== i && asked(w) && !(j === i - 1 && name.withPrevious) && !(j === i + 1 && w.withPrevious),
    );
    return (
      others.length > 0 &&
      !index.together(
        name.terms,
        others.flatMap((w) => w.terms),
      )
    );
  });
  return apart.length ? apart.map((w) => w.term) : undefined;
}

/** A word of the question as the analyser reads it (`Analyzer.words`). */
type AnalysedWord = ReturnType<Analyzer['words']>[number];

/**
 * The two words, each of at least `minPart` letters, and their terms the corpus has, that `word` is written of, when
 * it is (the split leaving the longer first part wins: "schoolbus" is "school" and "bus", never "s" and "choolbus").
 */
export function splitInTwo(
  index: PassageIndex,
  word: string,
  minPart: number,
): { words: [string, string]; terms: [string, string] } | undefined {
  for (let at = word.length - minPart; at >= minPart; at--) {
    const head = index.analyzer.processTerm(word.slice(0, at))?.[0];
    const tail = head && index.knows(head) ? index.analyzer.processTerm(word.slice(at))?.[0] : undefined;
    if (head && tail && index.knows(tail)) return { words: [word.slice(0, at), word.slice(at)], terms: [head, tail] };
  }
  return undefined;
}

/**
 * The question's words with two neighbouring words that the corpus writes as one ("school bus", "schoolbus") each
 * said by that one too (`joined`), as the parts of a compound typed with hyphens are; a word that could join either
 * neighbour joins the one before it.
 */
function withJoins(index: PassageIndex, words: AnalysedWord[]): AnalysedWord[] {
  const out = words.map((w) => ({ ...w }));
  // A word already part of a hyphenated compound, or no word of letters, joins nothing.
  const joins = (w: AnalysedWord) => w.term !== undefined && !w.joined && compoundPart(w.word);
  for (let i = 0; i + 1 < words.length; i++) {
    const [a, b] = [words[i]!, words[i + 1]!];
    if (!joins(a) || !joins(b)) continue;
    const joined = index.analyzer.processTerm(a.word + b.word)?.[0];
    if (!joined || joined === a.term || joined === b.term || !index.knows(joined)) continue;
    out[i]!.joined ??= joined;
    out[i + 1]!.joined ??= joined;
  }
  // A verb and the particle it makes a verb of its own with may be one noun in the corpus ("break down",
  // "breakdowns"; "set up", "setup"): the particle is a stop word, so the verb alone says the noun.
  for (let i = 0; i + 1 < words.length; i++) {
    const [a, b] = [words[i]!, words[i + 1]!];
    if (!joins(a) || b.term !== undefined || !compoundPart(b.word) || !index.phrasal(a.word, b.word)) continue;
    const joined = [a.word, ...baseForms(a.word)]
      .map((form) => index.analyzer.processTerm(form + b.word)?.[0])
      .find((term) => term && term !== a.term && index.knows(term));
    if (joined) out[i]!.joined ??= joined;
  }
  return out;
}

/** How much a word the corpus lacks weighs, against a word no passage holds, by what the dictionary says it is. */
function unknownWeight(word: string, kind: WordKind | undefined, options: RankingOptions['query']): number {
  if (kind === 'name') return options.unknownName;
  if (kind === 'specific') return options.unknownSpecific;
  if (kind === 'word') return options.unknownWord;
  return /\d/.test(word) ? options.unknownCode : 1;
}

function quantityOf(term: string): QueryWord['quantity'] {
  if (MONEY_WORDS.has(term)) return 'money';
  return QUANTITY_WORDS.has(term) ? 'figure' : undefined;
}

/**
 * How much of a word a passage holding `matched` covers: 1 for the word itself, less for another way of saying it; a
 * gated alternative only when `context` (the passage holds another word of the question), and part of a `whole` one
 * only when `ordering` passages; one `throughHead` at its weight twice unless `ordering`.
 */
function credit(
  word: QueryWord,
  matched: ReadonlySet<string>,
  amounts: Amounts,
  context: boolean,
  ordering: boolean,
): number {
  if ((word.quantity && amounts[word.quantity]) || matched.has(word.term) || (context && word.priced && amounts.money))
    return 1;
  let best = 0;
  for (const alt of word.alternatives) {
    if (alt.gated && !context) continue;
    // Counted, not filtered into an array: ask weighs every word's alternatives for hundreds of passages and runs of
    // sentences a question, and those arrays were a tenth of its garbage.
    let held = 0;
    for (const t of alt.terms) if (matched.has(t)) held++;
    const share = held / alt.terms.length;
    if (share < 1 && alt.whole && !ordering) continue;
    best = Math.max(best, (alt.throughHead && !ordering ? alt.weight ** 2 : alt.weight) * share);
  }
  return best;
}

/**
 * Each word's `credit`; with `ordering`, a gated alternative's too where the passage covers another word without one.
 */
function credits(query: AnalysedQuery, matched: ReadonlySet<string>, amounts: Amounts, ordering: boolean): number[] {
  const each = query.words.map((w) => credit(w, matched, amounts, false, ordering));
  if (!ordering) return each;
  let held = 0;
  for (const c of each) if (c > 0) held++;
  // In place: a word's credit with context is read from its own credit without, which nothing before it changed.
  query.words.forEach((w, i) => {
    if ((w.priced || w.alternatives.some((a) => a.gated)) && held - (each[i]! > 0 ? 1 : 0) > 0)
      each[i] = credit(w, matched, amounts, true, ordering);
  });
  return each;
}

/**
 * Share of the question's weight that a passage matching `matched` terms covers, from 0 to 1.
 * `amounts`: what the passage states (`amountsIn`), which covers the question's quantity words. `ordering`: whether
 * gated alternatives and part of a `whole` one count, as they do when ask orders passages; whether to answer is
 * decided without them.
 */
export function coverage(
  query: AnalysedQuery,
  matched: Iterable<string>,
  amounts: Amounts = NO_AMOUNTS,
  ordering = false,
): number {
  // A set given is read as it is: ask weighs each of sixty passages' terms three ways.
  const each = credits(query, matched instanceof Set ? matched : new Set(matched), amounts, ordering);
  let total = 0;
  let covered = 0;
  query.words.forEach((w, i) => {
    total += w.weight;
    covered += w.weight * each[i]!;
  });
  return total ? covered / total : 0;
}

/**
 * The words the line over a partial answer says a passage does not mention: those it does not cover at all
 * (`missing`), less a word said of money where it states a sum ("price" beside "A monthly pass costs £48"), which it
 * gives in other words. Whether to answer still weighs that word as missing (`QueryWord.priced`).
 */
export function unmentioned(query: AnalysedQuery, matched: Iterable<string>, amounts: Amounts): QueryWord[] {
  return missing(query, matched, amounts).filter((w) => !(w.money && amounts.money));
}

/** The words of the question the passage holding `matched` does not cover at all (for "only partly matches"). */
export function missing(query: AnalysedQuery, matched: Iterable<string>, amounts: Amounts = NO_AMOUNTS): QueryWord[] {
  const each = credits(query, new Set(matched), amounts, false);
  return query.words.filter((_, i) => each[i] === 0);
}

/**
 * How much of the question a passage covering `cover` of it shares, counted in words no other passage holds: a
 * long question whose best passage shares two rare words is about that passage, though it covers little of it. Two
 * words of one name (`QueryWord.withPrevious`) that the passage holds (`matched`) count as its heavier word: two rare
 * words meeting in one passage by chance say it is about the question, one name said in two words does not.
 */
export function evidence(query: AnalysedQuery, cover: number, matched: Iterable<string> = []): number {
  const held = new Set(matched);
  const once = query.words.reduce(
    (sum, w, i) => (w.withPrevious && held.has(w.term) ? sum + Math.min(w.weight, query.words[i - 1]!.weight) : sum),
    0,
  );
  return Math.max(cover * query.words.reduce((sum, w) => sum + w.weight, 0) - once, 0) / query.rarest;
}

/**
 * The share of its coverage a passage keeps in the decision for what the question asks of that the corpus does not
 * cover, though it may hold every word of it. A year it pins (`AnalysedQuery.years`) that none of the passages searched
 * speaks of (`said`) is a time the corpus does not cover, as a name it lacks is a place or person it does not, so the
 * year weighs as a name (`unknownName`), not as a code's digits (`unknownCode`), whose weight it has in ordering. A
 * common noun of two words the corpus never says (`AnalysedQuery.unwrittenThings`) weighs as a noun of one sense no
 * passage holds (`unknownSpecific`), beside its two words, which order passages as typed. No passage holds either, so
 * every passage's coverage shrinks in the same ratio: whether to answer changes, never the order. A year some passage
 * holds in a range or is dated is said: the corpus covers it.
 */
export function unsaidShare(
  query: AnalysedQuery,
  said: (year: string) => boolean,
  options: RankingOptions['query'],
): number {
  const unsaid = new Set((query.years ?? []).filter((year) => !said(year)));
  const total = query.words.reduce((sum, w) => sum + w.weight, 0);
  const years = query.words
    .filter((w) => unsaid.has(w.term))
    .reduce((sum, w) => sum + Math.max(query.rarest * options.unknownName - w.weight, 0), 0);
  const things = (query.unwrittenThings?.length ?? 0) * query.rarest * options.unknownSpecific;
  return total ? total / (total + years + things) : 1;
}

/**
 * Whether the passage `id` defines the word a question asks the meaning of (`AnalysedQuery.explained`), as the index
 * learned when it read the passage (`PassageIndex.defines`: "the total allowable catch (TAC)", "Abbreviations: RLA =
 * risk-limiting audit").
 */
export function definesAsked(query: AnalysedQuery, id: string, index: PassageIndex): boolean {
  const { explained } = query;
  return explained !== undefined && index.defines(id, explained);
}

/**
 * Whether a passage matching `matched` holds a code of the question as typed (`QueryWord.code`): a code names one thing
 * (a part, a model, a form, a route), which neither a paraphrase nor chance puts in a passage, so that passage shares
 * the question's subject however little of a long question it covers: a long question on why the X12 bus runs late
 * since the depot moved is about the passage naming route X12, though another names the depot and none both.
 */
export function namesCode(query: AnalysedQuery, matched: Iterable<string>): boolean {
  const held = new Set(matched);
  return query.words.some((w) => w.code && held.has(w.term));
}

/**
 * Whether a passage matching `matched` holds a rare name of the question (`QueryWord.rareName`) and, as typed, another
 * of its words that is not part of the same name (`withPrevious`): a proper name the dictionary knows that only the
 * rarest passages hold is specific content, which chance rarely puts in a passage, and beside another word of the
 * question it shows the passage is about what the question asks, however little of a long question it covers. A long
 * question on the children of a people one passage studies is about that passage, though every other word it names
 * is the corpus's own or none of it. Alone, the name may be a passing mention ("an American passport"): not enough.
 */
export function namesRarely(query: AnalysedQuery, matched: Iterable<string>): boolean {
  const held = new Set(matched);
  const { words } = query;
  // The word after `i`, or before it, that makes one name with it (`withPrevious`).
  const sameName = (i: number, j: number) =>
    (j === i + 1 && words[j]!.withPrevious) || (j === i - 1 && words[i]!.withPrevious);
  return words.some(
    (w, i) => w.rareName && held.has(w.term) && words.some((o, j) => j !== i && !sameName(i, j) && held.has(o.term)),
  );
}

/**
 * The question as a passage writes its names: two words typed together that the corpus holds in exactly the same
 * passages are one name (`QueryWord.withPrevious`) unless the passage (`matched`: the terms the search found in it)
 * holds both and never writes them side by side, in its heading, lead-in or text. Sharing their passages says little
 * when one passage alone holds both, as any two of its words do: in a corpus of a few passages most words are one
 * passage's, and "holders" and "sell" of "do plot holders sell leeks" are two words of "Plot holders grow leeks by the
 * shed, and the society sells them", not one name. A passage holding a word only in its document's title writes
 * nothing apart.
 */
export function asWrittenIn(
  query: AnalysedQuery,
  passage: { text: string; heading?: string; context?: string },
  matched: Iterable<string>,
  analyzer: Analyzer,
): AnalysedQuery {
  const held = new Set(matched);
  const { words } = query;
  const pair = (i: number) => words[i]!.withPrevious && held.has(words[i]!.term) && held.has(words[i - 1]!.term);
  if (!words.some((_, i) => pair(i))) return query;
  const parts = [passage.heading, passage.context, passage.text].flatMap((part) =>
    part ? [said(analyzer, part)] : [],
  );
  const written = new Set(parts.flat());
  const apart = (a: string, b: string) =>
    written.has(a) && written.has(b) && !parts.some((part) => part.some((t, at) => t === a && part[at + 1] === b));
  return {
    ...query,
    words: words.map((w, i) => (pair(i) && apart(words[i - 1]!.term, w.term) ? { ...w, withPrevious: undefined } : w)),
  };
}

/** A passage the search found, with the question's terms it holds (`SearchHit`'s). */
type Held = { passage: { text: string; heading?: string; context?: string }; terms: string[] };

/** The `evidence` the passage of `hit`, covering `cover` of the question, shares, its names read as it writes them. */
export function evidenceIn(query: AnalysedQuery, cover: number, hit: Held, analyzer: Analyzer): number {
  return evidence(asWrittenIn(query, hit.passage, hit.terms, analyzer), cover, hit.terms);
}

/** Whether the passage of `hit` names the question rarely (`namesRarely`), its names read as it writes them. */
export function namesRarelyIn(query: AnalysedQuery, hit: Held, analyzer: Analyzer): boolean {
  // Only a question with a rare name is read again in the passage.
  if (!query.words.some((w) => w.rareName)) return false;
  return namesRarely(asWrittenIn(query, hit.passage, hit.terms, analyzer), hit.terms);
}

/**
 * Whether a passage's `text` holds a phrase the question quotes (`AnalysedQuery.quoted`), its terms in a row as the
 * question has them, stop words too: "shared responsibility" in "a framework of “shared responsibility.”" A phrase
 * someone quotes is a name for one thing, as a code is, and the passage naming it shares what they ask about however
 * little else of the question it holds.
 */
export function quotes(query: AnalysedQuery, matched: Iterable<string>, text: string, analyzer: Analyzer): boolean {
  if (!query.quoted) return false;
  const held = new Set(matched);
  const phrases = query.quoted.filter((phrase) => phrase.every((t) => held.has(t) || STOP_WORDS.has(t)));
  if (!phrases.length) return false;
  const words = said(analyzer, text);
  return phrases.some((phrase) => words.some((_, at) => phrase.every((t, i) => words[at + i] === t)));
}

/** A text's words in order, each as its term or, for a stop word, as written: a phrase's words, all of them. */
function said(analyzer: Analyzer, text: string): string[] {
  return analyzer.words(text).map((w) => w.term ?? w.word);
}

/** Whether the corpus can answer at all: some word of the question is known to it. */
export function answerable(query: AnalysedQuery): boolean {
  return query.words.some((w) => w.known);
}

/**
 * How sure an answer is, from the best passage's coverage of the question and the `evidence` it shares:
 * `confident`; `partial` (the closest passages, shown with a line saying they only partly match); or
 * `none`, when no passage shares enough of the question's meaningful content, as a share of the question,
 * in rare words or in a code it names. One decision for ask, figures and the digest, calibrated in the README
 * (Evaluation).
 */
export type Match = 'confident' | 'partial' | 'none';

/**
 * How sure an answer is (`Match`), from the best passage's coverage and the `evidence` it shares; `named`: whether some
 * passage holds a code of the question as typed (`namesCode`), which answers it at least partly.
 */
export function decide(bestCoverage: number, options: RankingOptions['answer'], shared = 0, named = false): Match {
  if (bestCoverage >= options.confidentCoverage) return 'confident';
  return bestCoverage >= options.minCoverage || shared >= options.minEvidence || named ? 'partial' : 'none';
}

/**
 * The decision `decided` on a question with the corpus's lexicon, kept unless the same question read without its lines
 * on words of general English (`AnalysedQuery.withoutLexicon`) is decided `none` (`without`): a lexicon is a corpus's
 * own hand-written list, of less authority than the asker's words, whose loose lines ("dues" for "rent") also bridge
 * questions about something else ("newspaper subscription"). It may bring passages in, order them and make an answer
 * surer, never make one of nothing; only for a word no dictionary knows ("T-MEC") is it the one authority there is.
 */
export function floored(decided: Match, without: Match): Match {
  return without === 'none' ? 'none' : decided;
}

/**
 * A decision one step less sure: for a question asking when or how many (`AnalysedQuery.asks`) whose closest passages
 * name its subject and no time or figure ("how many ferries sank?" over passages on the ferries and none on a count).
 * They share its words, as an answerable question's passages do, but not what it asks: it is answered partly where it
 * would be confidently, not at all where it would be partly.
 */
export function stepDown(match: Match): Match {
  return match === 'confident' ? 'partial' : 'none';
}

/**
 * Whether a word is a stop word as chat mistypes or shortens it: two neighbouring letters swapped ("teh" for "the",
 * "adn" for "and", "waht" for "what"), one letter of a longer one left out ("wat", "hav", "wuld"), or its vowels after
 * the first letter left out ("shld", "abt"). Kept, a word no passage holds weighed as the question's rarest, and a
 * question whose other words all matched was refused for it. Only stop words of four letters or more, and slips of
 * three or more, are read shortened, and only with a dictionary (`shortened`), since "th" or "hs" may be anything, and
 * a shortening may be a word ("may" of "many", "cold" of "could") that only a dictionary tells from a slip.
 */
function mistypedStopWord(word: string, shortened: boolean): boolean {
  for (let i = 0; i + 1 < word.length; i++)
    if (word[i] !== word[i + 1] && STOP_WORDS.has(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2)))
      return true;
  return shortened && SHORTENED_STOP_WORDS.has(word);
}

/** The shortest slip of a stop word read as one by a letter or its vowels left out (`mistypedStopWord`). */
const SHORTENED_MIN_LENGTH = 3;
/** Each stop word of four letters or more with one letter left out, and with its vowels after the first left out. */
const SHORTENED_STOP_WORDS = new Set(
  [...STOP_WORDS]
    .filter((w) => w.length > SHORTENED_MIN_LENGTH && /^\p{L}+$/u.test(w))
    .flatMap((w) => [
      ...[...w].map((_, i) => w.slice(0, i) + w.slice(i + 1)),
      w[0] + w.slice(1).replace(/[aeiou]/g, ''),
    ])
    .filter((w) => w.length >= SHORTENED_MIN_LENGTH && !STOP_WORDS.has(w)),
);
