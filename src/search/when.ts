import { isMonth, yearShaped } from '../corpus/dates.js';
import { AMOUNT_HEDGES, PLURALS_WITHOUT_S } from './english.js';
import { STOP_WORDS } from './stopwords.js';

/**
 * The one rule for whether a bare number (no currency, no percent sign) says when or how many: a year ("in 2000"), a
 * day of a month ("May 15"), or a count that only looks like one ("2000 officers", "In May 15 people died"). The
 * figure grammar reads it on a sentence's tokens, the search (`amountsIn`) on a passage's text, so a passage the search
 * takes for stating an amount states one the figures read.
 */

/** A number that may be a day of a month. */
const DAY_SHAPE = /^(?:[1-9]|[12]\d|3[01])$/;
/**
 * Words right before a number that make it a year: a preposition of time ("in 2000", "since 2015", "by 1999") or a
 * determiner ("the 2020 budget", "its 2019 accounts", "the 2022 floods"). A month does too ("May 2000").
 */
const BEFORE_A_YEAR = new Set(
  (
    'in since by until till during before after from through throughout between circa ' +
    "a an the this that these those its their his her our your my 's ’s"
  ).split(' '),
);

/**
 * Plural nouns that a year before them dates rather than a count counts: "exceeded 2019 levels", "beat 2020 figures".
 */
const DATED_BY_A_YEAR = new Set(
  (
    'levels figures prices rates numbers totals values terms dollars estimates results records highs lows ' +
    'guidelines'
  ).split(' '),
);

/** The words around a number, as its reader finds them. */
export interface NumberContext {
  /** The words before it, lower case, nearest last, up to three; a mark between (a comma, a bracket) ends them. */
  before: readonly string[];
  /** The word after it, lower case, past a day's ordinal ending ("15th May" gives "may"); "" for none. */
  after: string;
  /** Whether that word is a plural noun: a tagger's reading where there is one, else `looksPlural`'s. */
  pluralAfter: boolean;
  /** Whether the word before is a verb, by a tagger's reading ("has 1850 pupils"); text read without one says none. */
  verbBefore?: boolean;
}

/**
 * What a bare number says: "year" or "day" for when, "count" for a number shaped like a year or a day that its words
 * make a count, and nothing for any other number (an amount, by its reader's own rules).
 *
 * A four-digit number is a year ("in 2000", "the 2020 budget", "2019–2021", "2019 levels") unless it is a round
 * hundred that a hedge qualifies or a plural noun follows ("about 1500", "2000 officers were hired", "in some 2000
 * schools"): counts past a thousand are written with a comma, save round ones, and a year is rarely hedged. Any such
 * number is a count that a hedge and a plural noun both say ("about 1850 pupils"), or that stands between a verb and a
 * plural noun no year dates ("the school has 1850 pupils", not "exceeded 2019 levels"). A time word, a determiner or a
 * month keeps it a year ("since about 2000", "the 2000 elections"), unless a hedge and a plural noun both say a count.
 * A day stands beside its month ("May 15", "15 May"); a month, then a number, then a plural noun is a month and a
 * count ("In May 15 people died"), unless "on" dates it as a day ("on May 15 ferries sailed").
 */
export function timeOrCount(number: string, context: NumberContext): 'year' | 'day' | 'count' | undefined {
  const { before, after, pluralAfter } = context;
  if (yearShaped(number)) {
    const hedge = AMOUNT_HEDGES.find(
      (words) => words.length <= before.length && words.every((w, j) => before[before.length - words.length + j] === w),
    );
    const ahead = before[before.length - 1 - (hedge?.length ?? 0)] ?? '';
    if ((BEFORE_A_YEAR.has(ahead) || isMonth(ahead)) && !(hedge && pluralAfter)) return 'year';
    if (pluralAfter && (hedge || (context.verbBefore && !DATED_BY_A_YEAR.has(after)))) return 'count';
    return Number(number) % 100 === 0 && (hedge || pluralAfter) ? 'count' : 'year';
  }
  if (!DAY_SHAPE.test(number)) return undefined;
  if (isMonth(after)) return 'day';
  if (!isMonth(before.at(-1))) return undefined;
  return pluralAfter && before.at(-2) !== 'on' ? 'count' : 'day';
}

/**
 * Whether a word, lower case, looks like a plural noun, for text no tagger has read: "officers", "ferries", "people";
 * not a stop word ("was", "this", "has") nor a word ending in "ss" or "us" ("class", "bus").
 */
export function looksPlural(word: string): boolean {
  return PLURALS_WITHOUT_S.has(word) || (/^\p{Ll}{2,}[^su'’]s$/u.test(word) && !STOP_WORDS.has(word));
}
