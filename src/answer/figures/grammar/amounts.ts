import { AMOUNT_HEDGES, ARTICLES, NUMBER_SCALES as SCALES, SCALE_LETTERS } from '../../../search/english.js';
import { STOP_WORDS } from '../../../search/stopwords.js';
import type { Token } from '../tokens.js';
import {
  NUMBER_WORDS,
  CURRENCY_SYMBOLS,
  CURRENCY_WORDS,
  HUNDREDTHS,
  FRACTIONS,
  NAMED_PARTS,
  TIME_UNITS,
  TIME_NOUNS,
  RATE_WORDS,
  NUMBERING_WORDS,
  DETERMINERS,
  COMPARATIVES,
  DEFINITE,
  BOUNDS,
  OPEN_ENDS,
  AGES,
  BOUND_HEDGES,
  COMPARISONS,
  COUNTED_FROM_NOW,
  MEASUREMENT_UNITS,
  TIME_SYMBOLS,
  isDash,
  isLabelColon,
  isRowSeparator,
  POSSESSIVES,
} from './words.js';
import type { FigureUnit } from './types.js';
import type { Reading } from './view.js';
import { isMonth } from '../../../corpus/dates.js';
import { isTimeAt, isYearAt, timeOrCountAt } from './time.js';
import { looksPlural } from '../../../search/when.js';

/**
 * Amounts: a number with its currency, scale and percent sign, and what joins or bounds one: ranges, shares in words,
 * ratios, rates, hedges; and the numbers that are no figure (years, durations, labels, bounds on a class).
 */

const DIGITS = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
/** The minus sign (U+2212), which typeset text writes before a negative number where a keyboard writes a hyphen. */
const MINUS_SIGN = '\u2212';

export interface Amount {
  first: number;
  /** Index after the amount's last token. */
  next: number;
  value: number;
  currency?: FigureUnit;
  percent: boolean;
  /** The product of its scale words: 1e9 for "1.6 billion", 1 for none. */
  scale: number;
  /** Written in words ("two"), not digits. */
  wordy: boolean;
}

/**
 * A number with its currency, scale and percent sign: "$1.6 billion", "72.9 percent", "one million". `joined`: it is
 * the high end of a range, which may follow its low end's hyphen ("40-45").
 */
export function amountAt(r: Reading, i: number, joined = false): Amount | undefined {
  let k = i;
  let currency = CURRENCY_SYMBOLS.get(r.lower(k));
  if (currency) k++;
  // "at −80 °C": a minus sign standing before the digits, glued to them, makes the amount negative. wink keeps a
  // hyphen so written in the number's token ("-80"), and the minus sign (U+2212) as a token of its own.
  const minus = !currency && r.t[k]?.text === MINUS_SIGN && r.t[k]!.spaced && r.t[k + 1]?.spaced === false;
  if (minus) k++;
  const token = r.t[k];
  if (!token) return undefined;
  let value: number;
  let wordy = false;
  // The number's last token: its first, but for a number in words ("ninety-four", "three hundred and twenty").
  let last = k;
  let wordScale = 1;
  const signed =
    !currency &&
    !minus &&
    token.spaced &&
    token.type === 'number' &&
    token.text.startsWith('-') &&
    !elidedSibling(r, k);
  const digits = signed ? token.text.slice(1) : token.text;
  if (token.type === 'number' && DIGITS.test(digits))
    value = (minus || signed ? -1 : 1) * Number(digits.replace(/,/g, ''));
  else {
    // "ninety-four", "three hundred and twenty thousand", "a hundred": a number in words, read whole.
    const said = numberInWords(r, k);
    if (!said) return undefined;
    value = said.value;
    wordy = said.small;
    wordScale = said.scale;
    last = said.next - 1;
  }
  // "F-22", "COVID-19", "mid-2022": a number glued to a word is a name. One after its currency sign is read with it.
  const prev = r.t[k - 1];
  // Digits glued by a dash to digits before them ("40-45", "4-2", "2020–21") end a span, read on their own only with a
  // unit of their own ("fell 65–46 %"): else they are a range's high end, a score or a year's. Words ("seventy-five")
  // are no span.
  const spanEnd =
    !joined &&
    !!prev &&
    !token.spaced &&
    isDash(prev) &&
    !prev.spaced &&
    token.type === 'number' &&
    r.t[k - 2]?.type === 'number';
  if (!currency && prev && !token.spaced && (prev.type === 'word' || (prev.text === '-' && !spanEnd && !joined)))
    return undefined;
  // The digits after a minus sign are read with it, at the sign.
  if (!minus && prev?.text === MINUS_SIGN && !token.spaced) return undefined;
  // "v4.2.0", "7.2.3": digits glued by a dot to digits before them are a version's parts (one decimal is one token).
  if (prev?.text === '.' && !prev.spaced && !token.spaced && /\d$/.test(r.t[k - 2]?.text ?? '')) return undefined;
  if (!currency && CURRENCY_SYMBOLS.has(prev?.lower ?? '')) return undefined;
  k = last + 1;
  let scale = 1;
  // wink leaves a sentence's last full stop on a letter: "cost $40m."
  const letter =
    currency && r.t[k]?.spaced === false ? SCALE_LETTERS.get(r.lower(k).replace(/\.$/, ''))?.scale : undefined;
  for (let word = letter ?? SCALES.get(r.lower(k)); word; word = SCALES.get(r.lower(k))) {
    scale *= word;
    wordy = false;
    k++;
  }
  value = scaled(value, scale);
  scale *= wordScale;
  // "nine (9) cases", "12 (twelve) boats": a number in words with its digits in brackets, or the other way round, is
  // one number, read whole, where the bracketed twin was a label and the number before it counted nothing.
  const twin = r.t[k]?.text === '(' && r.t[k - 1]?.type !== 'punctuation' ? amountAt(r, k + 1) : undefined;
  const spelled = (t: Token | undefined) => t?.type !== 'number';
  if (twin && twin.value === value && spelled(token) !== spelled(r.t[k + 1]) && r.t[twin.next]?.text === ')')
    k = twin.next + 1;
  // One letter glued after the digits, but a scale's after a currency sign (read above): a currency's hundredth in a
  // price ("5p a page", "10p per gram", or beside a sum in that currency), else part of a name ("3D", "5G", "4K",
  // "17p deletion"), as digits glued to a word before them are ("F-22"). Read as a count, "3D" measured "D".
  const glued = r.t[k]?.spaced === false && r.t[k]?.type === 'word' ? r.lower(k).replace(/\.$/, '') : '';
  // A scale letter is a scale before a plural noun, which it counts ("5m people", "10k runners"), and the letter chat
  // writes for thousands before no noun ("reached 40k"); before a noun of one ("a 4K screen", "a 10k race"), after an
  // article ("ran the 5k") or with no noun ("a wall 5m high") it names a standard or a length, no figure. Read as
  // counts, they measured the letter ("K screen").
  const scaleLetter = scale === 1 && !currency ? SCALE_LETTERS.get(glued) : undefined;
  if (scaleLetter) {
    const noun = countedNounAt(r, k + 1);
    const after = r.t[noun];
    const named = /^(NOUN|PROPN)$/.test(after?.pos ?? '')
      ? !looksPlural(after!.lower) && !talliedAt(r, noun)
      : !scaleLetter.bare || ARTICLES.has(r.lower(i - 1));
    if (named) return undefined;
    scale = scaleLetter.scale;
    value = scaled(value, scale);
    wordy = false;
    k++;
  } else if (scale === 1 && /^\p{L}$/u.test(glued) && glued !== 'x') {
    const hundredth = currency ? undefined : HUNDREDTHS.get(glued);
    // A range's or a change's first end is a price as its second is: "from 18.9p to 19.8p per kWh", "5p or 10p a page".
    const pricedEnd = (at: number) =>
      r.t[at]?.type === 'number' &&
      r.lower(at + 1) === glued &&
      !r.t[at + 1]!.spaced &&
      RATE_WORDS.has(r.lower(at + 2));
    const priced =
      RATE_WORDS.has(r.lower(k + 1)) ||
      (RANGE_JOINERS.has(r.lower(k + 1)) && pricedEnd(k + 2)) ||
      r.t.some((t) => CURRENCY_SYMBOLS.get(t.lower) === hundredth);
    if (!hundredth || !priced) return undefined;
    currency = hundredth;
    value /= 100;
    k++;
  }
  if (!currency) {
    if (r.lower(k) === 'u.s.' && CURRENCY_WORDS.has(r.lower(k + 1))) k++;
    currency = CURRENCY_WORDS.get(r.lower(k));
    if (currency) k++;
  } else if (CURRENCY_WORDS.get(r.lower(k)) === currency) k++; // "$1.6 billion dollars" says its currency twice.
  let percent = false;
  if (r.lower(k) === '%' || r.lower(k) === 'percent' || r.lower(k) === 'pct') {
    percent = true;
    k++;
  } else if (r.lower(k) === 'per' && r.lower(k + 1) === 'cent') {
    percent = true;
    k += 2;
  } else if (r.lower(k) === 'percentage' && r.lower(k + 1) === 'points') {
    percent = true;
    k += 2;
  }
  if (spanEnd && !currency && !percent && scale === 1) return undefined;
  return { first: i, next: k, value, currency, percent, scale, wordy: wordy && !currency && !percent };
}

/**
 * Where the noun a scale letter's number counts stands, past the adjectives before it ("3m new homes", "12k extra
 * staff"), as "3 million new homes" counts homes; one of size ("a wall 5m high", "5m wide roads") says the letter is a
 * length, so the noun is looked for no further.
 */
function countedNounAt(r: Reading, k: number): number {
  let at = k;
  while (r.t[at]?.pos === 'ADJ' && !DIMENSIONS.has(r.lower(at))) at++;
  return /^(NOUN|PROPN)$/.test(r.t[at]?.pos ?? '') ? at : k;
}

/** Adjectives of size, said after a length ("5m high", "2k long"). */
const DIMENSIONS = new Set(['high', 'tall', 'long', 'wide', 'deep', 'thick', 'broad', 'across']);

/**
 * Whether the nouns from `k` on end in one naming a tally of those before it ("the 62k death count", "a 5k road death
 * toll"): they say what the number counts, as in "62,000 deaths", where a singular noun alone after a scale letter
 * names a standard ("a 10k race", "4K TV sets").
 */
function talliedAt(r: Reading, k: number): boolean {
  let last = k;
  while (/^(NOUN|PROPN)$/.test(r.t[last + 1]?.pos ?? '')) last++;
  return last > k && TALLY_NOUNS.has(r.lower(last));
}

/** The nouns naming a tally of what the nouns before them name, for `talliedAt`. */
const TALLY_NOUNS = new Set(['count', 'toll', 'tally', 'total']);

/** The words that join a range's or a change's two ends: "5p to 10p", "5p or 10p", "5p-10p", "5p and 10p". */
const RANGE_JOINERS = new Set(['to', 'or', 'and', '-', '–']);

/** The scale words a number in words composes with the number words before them ("three hundred and twenty"). */
const WORD_SCALES = new Set(['hundred', 'thousand', 'million', 'billion', 'trillion']);

/** A number in words (`numberInWords`): its value, the index after it and the scale it ends in, 1 for none. */
interface WordNumber {
  value: number;
  next: number;
  scale: number;
  /** Only words of `NUMBER_WORDS` ("two", "ninety-four"), which may refer back ("the two governments"). */
  small: boolean;
}

/**
 * A cardinal written in words from token `i`, as English composes it: "ninety-four" (tens and a unit joined by a
 * hyphen), "three hundred and twenty thousand", "two thousand three hundred", "one hundred and twelve", and an article
 * standing for one before a scale ("a hundred", "a million", "a dozen", the last's scale left to the caller as any
 * scale after digits is). Undefined at anything else, a number word the tagger reads as none among it ("no one").
 */
function numberInWords(r: Reading, i: number): WordNumber | undefined {
  const first = r.t[i]!;
  const article = first.lower === 'a' || first.lower === 'an';
  if (article ? !SCALES.has(r.lower(i + 1)) : !(NUMBER_WORDS.has(first.lower) && first.pos === 'NUM')) return undefined;
  // "a quarter of a million" is a share's whole, no million of its own (`fractionAt` reads the share).
  if (article && r.lower(i - 1) === 'of' && FRACTIONS.has(r.lower(i - 2))) return undefined;
  if (article && !WORD_SCALES.has(r.lower(i + 1))) return { value: 1, next: i + 1, scale: 1, small: false };
  let total = 0; // the groups a scale of a thousand or more closed: "two thousand" of "two thousand three hundred"
  let hundreds = 0; // the open group's hundreds
  let units = article ? 1 : (NUMBER_WORDS.get(first.lower) ?? 0); // the number under a hundred read last
  let last: 'units' | 'hundred' | 'scale' = 'units';
  let scale = 1;
  let bigScale = Infinity; // scales of a thousand or more descend: "two million three thousand"
  let k = i + 1;
  // "ninety-four": the unit joined by a hyphen to the tens at `at`, 0 for none.
  const tensAndUnit = (at: number, tens: number): number => {
    const unit = NUMBER_WORDS.get(r.lower(at + 1)) ?? 0;
    const glued = isDash(r.t[at] ?? { text: '' }) && !r.t[at]!.spaced && r.t[at + 1]?.spaced === false;
    return glued && tens >= 20 && tens % 10 === 0 && unit > 0 && unit < 10 ? unit : 0;
  };
  if (!article && tensAndUnit(k, units)) {
    units += tensAndUnit(k, units);
    k += 2;
  }
  let end = k;
  for (;;) {
    const word = r.lower(k);
    // "and" stands before the number under a hundred that ends a group: "three hundred and twenty".
    const and = word === 'and' && last !== 'units' ? 1 : 0;
    const value = NUMBER_WORDS.get(r.lower(k + and));
    if (last !== 'units' && value !== undefined && value > 0 && r.t[k + and]!.pos === 'NUM') {
      let at = k + and + 1;
      const unit = tensAndUnit(at, value);
      if (unit) at += 2;
      // "between five hundred and six hundred": a number after "and" that takes a hundred of its own is another.
      if (and && r.lower(at) === 'hundred') break;
      units = value + unit;
      last = 'units';
      k = at;
    } else if (word === 'hundred' && last === 'units' && units > 0 && !hundreds) {
      hundreds = units * 100;
      units = 0;
      last = 'hundred';
      scale = 100;
      k++;
    } else if (WORD_SCALES.has(word) && word !== 'hundred' && last !== 'scale' && SCALES.get(word)! < bigScale) {
      bigScale = scale = SCALES.get(word)!;
      total += (hundreds + units) * scale;
      hundreds = units = 0;
      last = 'scale';
      k++;
    } else break;
    if (last === 'units') scale = 1;
    end = k;
  }
  const value = total + hundreds + units;
  return { value, next: end, scale, small: !article && total === 0 && hundreds === 0 };
}

/** What lists a hyphenated name's elided siblings after it: "Caspase-3, and -9", "TLR-2, -4 or -9". */
const SIBLING_JOINS = new Set([',', 'and', 'or', '&']);

/**
 * Whether the hyphen and digits at token `k` ("-9") are a hyphenated name's sibling with its name left out, after that
 * name ("Caspase-3, and -9", "IL-6 and -8") or another such sibling ("TLR-2, -4 and -9"): a name, no negative amount.
 */
function elidedSibling(r: Reading, k: number): boolean {
  let j = k - 1;
  while (j >= 0 && SIBLING_JOINS.has(r.lower(j))) j--;
  if (j === k - 1 || j < 0) return false;
  const before = r.t[j]!;
  if (before.type === 'word' && /\p{L}-\d+$/u.test(before.text)) return true;
  return before.type === 'number' && before.text.startsWith('-') && elidedSibling(r, j);
}

/**
 * A share in words before "of" ("half of", "a third of", "two-thirds of"), as a fraction; not a part named ("the
 * second half of 2021"), a time ("half of 2021") nor an amount ("a quarter of a million").
 */
export function fractionAt(r: Reading, i: number): { value: number; next: number } | undefined {
  let k = i;
  let parts = 1;
  const word = r.lower(k);
  if (word === 'a' || word === 'one') k++;
  else if (NUMBER_WORDS.has(word) && r.t[k]!.pos === 'NUM') {
    parts = NUMBER_WORDS.get(word)!;
    k++;
  }
  if (k > i && r.lower(k) === '-' && !r.t[k]!.spaced) k++;
  const whole = FRACTIONS.get(r.lower(k));
  if (!whole || parts >= whole) return undefined;
  if (k === i && (whole !== 2 || NAMED_PARTS.has(r.lower(i - 1)))) return undefined;
  if (r.lower(k + 1) !== 'of') return undefined;
  const after = r.lower(k + 2) === 'a' || r.lower(k + 2) === 'an' ? k + 3 : k + 2;
  if (SCALES.has(r.lower(after)) || isTimeAt(r, k + 2)) return undefined;
  return { value: parts / whole, next: k + 1 };
}

/** "between A and B" / "from A to B" after the opener. */
export function rangeAt(
  r: Reading,
  i: number,
  joiners: string[],
): { low: Amount; high: { amount: Amount; hedge?: string } } | undefined {
  const low = amountAt(r, i);
  if (!low || !joiners.includes(r.lower(low.next))) return undefined;
  const high = secondAmountAt(r, low.next + 1);
  return high && compatible(low, high.amount, false) ? { low, high } : undefined;
}

/**
 * "8 to 9 percent", "10 to 20 criminals", "5 or 6", "18-30", "$40–45 million". Two numbers glued by a dash with the
 * first the larger are two figures when they carry a unit ("fell 65–46 %"), and none with none: "won 4-2" is a score.
 */
export function rangeTailAt(r: Reading, low: Amount): { amount: Amount; hedge?: string } | undefined {
  const joiner = r.t[low.next];
  if (!joiner) return undefined;
  const glued = isDash(joiner) && !joiner.spaced && r.t[low.next + 1]?.spaced === false;
  if (!glued && !['to', 'or'].includes(joiner.lower)) return undefined;
  const end = glued ? amountAt(r, low.next + 1, true) : undefined;
  // "Ten-Eleven", "forty-two": words joined by a hyphen are a name or one number.
  if (glued && (!end || low.wordy || end.wordy)) return undefined;
  const high = end ? { amount: end } : secondAmountAt(r, low.next + 1);
  if (!high || !compatible(low, high.amount, glued) || isYear(r, low) || isYear(r, high.amount)) return undefined;
  const unit = high.amount.currency || high.amount.percent || high.amount.scale > 1;
  return glued && !unit && inherit(low, high.amount) >= high.amount.value ? undefined : high;
}

/** Whether a range's two numbers are joined by a hyphen, which also joins codes, scores and names ("737-800"). */
export function hyphenated(r: Reading, low: Amount): boolean {
  return r.t[low.next]?.text === '-';
}

/** The amount a change moved to, after the "to" at `i`: "to upwards of 20" after "grew from 5 or 6". */
export function changeEndAt(r: Reading, i: number): Amount | undefined {
  return r.lower(i) === 'to' ? secondAmountAt(r, i + 1)?.amount : undefined;
}

function secondAmountAt(r: Reading, i: number): { amount: Amount; hedge?: string } | undefined {
  const hedge = hedgeAt(r, i);
  const amount = amountAt(r, i + (hedge?.length ?? 0));
  return amount && { amount, hedge: hedge?.join(' ') };
}

/** "one in 10", "29 of the 31", "7 of our 14", "3 out of 4". */
export function ratioAt(r: Reading, part: Amount): { whole: number; next: number } | undefined {
  if (part.scale !== 1 || part.currency || part.percent) return undefined;
  let k = part.next;
  // The whole after "of" may be named by a possessive as by "the": "7 of our 14 schools", "3 of its 12 ferries".
  const article = (w: string) => w === 'the' || POSSESSIVES.has(w);
  if (r.lower(k) === 'in') k++;
  else if (r.lower(k) === 'out' && r.lower(k + 1) === 'of') k += 2;
  else if (r.lower(k) === 'of') {
    // "in one of our 60 referral agencies", "one of the 24 drop boxes": one of a whole named so picks a thing out of
    // it, and counts no share of it; the whole is a count of its own. "1 of 4", "one in 10" are rates.
    if (article(r.lower(k + 1)) && part.value === 1) return undefined;
    k += article(r.lower(k + 1)) ? 2 : 1;
  } else return undefined;
  const whole = amountAt(r, k);
  if (!whole || whole.scale !== 1 || whole.currency || whole.percent || isYear(r, whole) || whole.value <= part.value)
    return undefined;
  return { whole: whole.value, next: whole.next };
}

/**
 * "a month", "per year", "each day" after an amount. Not "a year earlier", "a month ago" (`COUNTED_FROM_NOW`): a time
 * counted from another says when the amount was ("up from $11.20 a year earlier"), not how often.
 */
export function rateAt(r: Reading, i: number): { period: string; next: number } | undefined {
  const unit = r.lower(i + 1);
  if (!RATE_WORDS.has(r.lower(i)) || !TIME_UNITS.has(unit) || COUNTED_FROM_NOW.has(r.lower(i + 2))) return undefined;
  return { period: unit.replace(/s$/, ''), next: i + 2 };
}

/** What follows "N times": "greater", "that much", "as many". */
export function comparisonAt(r: Reading, i: number): number {
  if (COMPARATIVES.has(r.lower(i))) return i + 1;
  if ((r.lower(i) === 'that' || r.lower(i) === 'as') && (r.lower(i + 1) === 'much' || r.lower(i + 1) === 'many'))
    return i + 2;
  return i;
}

/**
 * The hedge opening at token `i` before an amount; none where `i` stands inside a longer hedge opened before it, whose
 * tail it only is: "more than" in "no more than 50" ("firms with no more than 50 staff", refused as a bound at "no",
 * is not read again at "more" as a count of 50 hedged "more than").
 */
export function hedgeAt(r: Reading, i: number): string[] | undefined {
  const inside = AMOUNT_HEDGES.some((words) =>
    words.some((_, d) => d > 0 && words.every((w, j) => r.lower(i - d + j) === w)),
  );
  if (inside) return undefined;
  return AMOUNT_HEDGES.find(
    (words) => words.every((w, j) => r.lower(i + j) === w) && startsAmount(r, i + words.length),
  );
}

export function isHedgeAt(r: Reading, i: number): boolean {
  return AMOUNT_HEDGES.some((words) => words.every((w, j) => r.lower(i + j) === w));
}

function startsAmount(r: Reading, i: number): boolean {
  return (
    !!amountAt(r, i) ||
    !!fractionAt(r, i) ||
    ((r.lower(i) === 'between' || r.lower(i) === 'from') && !!amountAt(r, i + 1))
  );
}

export function isYear(r: Reading, amount: Amount): boolean {
  return amount.next - amount.first === 1 && isYearAt(r, amount.first);
}

export function isDuration(r: Reading, next: number): boolean {
  return TIME_UNITS.has(r.lower(next)) || (r.lower(next) === '-' && TIME_UNITS.has(r.lower(next + 1)));
}

/** What a number may count when it stands before it: "7 ferries", "7 new ferries", "7 more", "7 Sunday ferries". */
const COUNTABLE_NEXT = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM', 'ADV']);

/**
 * The words before a number that make it the base of a rate, "2.3 transfers per 1,000 runners", "12 for every 100
 * homes", "3 in every 10 adults": the rate is the figure, its base says what it is counted against. Read as a count
 * of its own ("1,000 runners"), it would be listed as one, and be what "against 1.1 in 2025" after it counts.
 */
const RATE_BASES = [['per'], ['for', 'every'], ['in', 'every'], ['out', 'of', 'every']];

/** Whether the number at `i` is a rate's base (`RATE_BASES`). */
const rateBaseAt = (r: Reading, i: number): boolean =>
  RATE_BASES.some((words) => words.every((w, j) => r.lower(i - words.length + j) === w));

/** Whether an amount is a bare number: no currency, no percent and no scale word ("million"). */
export const plainNumber = (amount: Amount): boolean => !amount.currency && !amount.percent && amount.scale === 1;

/**
 * A number that names or orders something: a date, "Pillar 1", a list's "1." or "(3)", a model "737-800"; or that
 * is the base of a rate ("per 1,000 runners").
 */
export function isLabel(r: Reading, amount: Amount): boolean {
  const i = amount.first;
  // A sum is a base as a count is: "$11.42 per $1,000 of assessed value", a tax rate whose "$1,000" is no sum of its
  // own and would give "up from $11.18" after it its measure.
  if (rateBaseAt(r, i)) return true;
  if (!plainNumber(amount)) return false;
  const token = r.t[i]!;
  const prev = r.t[i - 1];
  const next = r.t[i + 1];
  // "In May 15 people died": a count after a month, though wink dates it and a month is capitalised as a name is.
  if (timeOrCountAt(r, i) === 'count') return false;
  if (token.entity === 'DATE' || isMonth(prev?.lower) || isMonth(next?.lower)) return true;
  if (prev && NUMBERING_WORDS.has(prev.lower.replace(/\.$/, ''))) return true;
  // "the opening of route 7", "from stop 12 onwards": a small whole number right after a singular common noun, with
  // nothing after it that it could count, names that one thing, as a capitalised "Route 7" does.
  if (
    prev?.pos === 'NOUN' &&
    prev.text === prev.lower &&
    !looksPlural(prev.lower) &&
    /^\d{1,3}$/.test(token.text) &&
    !(next && COUNTABLE_NEXT.has(next.pos))
  )
    return true;
  // "Boeing 737-800 jets": a span after a name is the name's, as one number is.
  const after = next && isDash(next) && !next.spaced && r.t[i + 2]?.pos === 'NUM' ? r.t[i + 3] : next;
  if (prev && after && namesBefore(prev, token, after)) return true;
  if ((i === 0 || (i === 1 && prev?.text === '(') || startsLine(r, i)) && (next?.text === '.' || next?.text === ')'))
    return true;
  // "2.1 Households produced …", "5.2 The depot will hold …": points joining two or more small numbers, opening a
  // sentence before a capitalised word, number a paragraph, as reports, policies and contracts number theirs. A
  // figure opening a sentence is followed by its unit, its scale or a lowercase word ("46.8 per cent of …").
  const numbered = (i === 0 || startsLine(r, i)) && /^\d{1,2}(?:\.\d{1,2})+$/.test(token.text);
  if (numbered && next?.spaced && /^\p{Lu}/u.test(next.text) && !MEASUREMENT_UNITS.has(next.lower)) return true;
  if (prev?.text === '(' && next?.text === ')') return true;
  if (next && /^(a\.m\.|p\.m\.|am|pm|o'clock|:)$/.test(next.lower)) return true;
  return false;
}

/** Words that may stand capitalised before a count, at a sentence's start: "Some 500 were", "Nearly 40 died". */
const BEFORE_A_COUNT = new Set([
  ...STOP_WORDS,
  ...DETERMINERS,
  ...AMOUNT_HEDGES.filter((h) => h.length === 1).map(([h]) => h!),
]);

/**
 * A whole number between a capitalised noun and a lowercase word is the name's ("Crew 3 rowed", "Route 66 carried",
 * "Title 42 expulsions"), as after a numbering word; a count follows a hedge or a determiner, not a name, and a
 * title-cased heading's count is followed by a capitalised word ("Valley Farms Hire 40 Pickers").
 */
function namesBefore(prev: Token, token: Token, next: Token): boolean {
  return (
    /^\d+$/.test(token.text) &&
    (prev.pos === 'PROPN' || prev.pos === 'NOUN') &&
    /^\p{Lu}\p{Ll}+$/u.test(prev.text) &&
    /^\p{Ll}/u.test(next.text) &&
    !BEFORE_A_COUNT.has(prev.lower)
  );
}

function startsLine(r: Reading, i: number): boolean {
  const start = r.t[i]!.start;
  const lineStart = r.text.lastIndexOf('\n', start - 1) + 1;
  return /^\s*$/.test(r.text.slice(lineStart, start));
}

/**
 * A number at `i` that bounds a noun before it rather than counts anything: with nothing `counted`, "drivers under
 * 25", "people aged 65 and over"; with a noun counted (or a sum), a class "with fewer than 50 employees" ("firms",
 * plural: "the county, with over 9,000 residents" counts them) or "with incomes under $30,000".
 */
export function isBound(r: Reading, i: number, counted: boolean): boolean {
  // "You must be 18 or over", "children 5 and under": a bare number open at one end bounds a class, and counts
  // nothing. A sum or share so open is still a figure ("£20 or under"), and a word that opens a phrase of its own is
  // no open end ("300 and over the next year", "12 percent and above all").
  const number = amountAt(r, i);
  if (
    number?.scale === 1 &&
    !number.currency &&
    !number.percent &&
    /^(or|and)$/.test(r.lower(number.next)) &&
    OPEN_ENDS.has(r.lower(number.next + 1)) &&
    !/^(DET|PRON|NUM)$/.test(r.t[number.next + 2]?.pos ?? '')
  )
    return true;
  // "Child (5 to 15) — single: £3.20", "£12,000 to £20,000 — rate: 15%": a range in a table row's first cell names
  // the row's band, as a bound there does (below), read from either end; the cells after it are the row's figures.
  if (inRowKey(r, i)) {
    const joins = (k: number) => /^(to|-|–)$/.test(r.lower(k));
    const high = CURRENCY_SYMBOLS.has(r.lower(i - 1)) ? i - 2 : i - 1;
    if ((number && joins(number.next) && amountAt(r, number.next + 1)) || (joins(high) && r.t[high - 1]?.pos === 'NUM'))
      return true;
  }
  // The high end of a bounded range ("aged 5 to 11"), read again from its own number.
  if (/^(to|and|or|-|–)$/.test(r.lower(i - 1)) && r.t[i - 2]?.pos === 'NUM') return isBound(r, i - 2, counted);
  // Read from its hedge ("under 25") or, once that match is refused, from its number ("above 5,000": no hedge).
  const hedge = hedgeAt(r, i);
  const words = hedge ?? BOUND_HEDGES.find((h) => h.every((w, j) => r.lower(i - h.length + j) === w));
  const k = hedge ? i : i - (words?.length ?? 0);
  const said = words?.join(' ') ?? '';
  const before = r.t[k - 1];
  const noun = (token: Token | undefined) =>
    !!token && /^(NOUN|PROPN)$/.test(token.pos) && !TIME_NOUNS.has(token.lower);
  if (AGES.has(before?.lower ?? '') || (before?.lower === 'than' && /^(older|younger)$/.test(r.lower(k - 2))))
    return true;
  // "below 99.0% but at least 95.0% — credit: 25%": a bound in a table row's first cell names the row's band, as
  // "drivers under 25" names a class; the cells after it are the row's figures.
  if (COMPARISONS.has(said) && inRowKey(r, i)) return true;
  if (!counted) return BOUNDS.has(said) && noun(before);
  // "Children under 5 travel free": after a class named in the plural, a bare number before a word that is no plural
  // bounds the class, and the word is its verb, read as a noun; a count of more than one counts a plural.
  const bare = hedge ? amountAt(r, i + hedge.length) : number;
  if (
    BOUNDS.has(said) &&
    noun(before) &&
    looksPlural(before!.lower) &&
    bare &&
    bare.scale === 1 &&
    !bare.currency &&
    !bare.percent &&
    !looksPlural(r.lower(bare.next))
  )
    return true;
  // "households with incomes under $30,000": a bound on what a class has.
  if (BOUNDS.has(said) && noun(before) && r.lower(k - 2) === 'with') return true;
  return COMPARISONS.has(said) && before?.lower === 'with' && noun(r.t[k - 2]) && /s$/.test(r.lower(k - 2));
}

/**
 * Whether token `i` stands in the first cell of a table row as `tableRow` writes it ("below 95.0% — credit: 50%"):
 * before the row's first spaced em dash, with no verb before that (a cell is no clause), and a label's colon after it.
 */
function inRowKey(r: Reading, i: number): boolean {
  const dash = r.t.findIndex(isRowSeparator);
  if (dash <= i || r.t.slice(0, dash).some((t) => /^(VERB|AUX)$/.test(t.pos))) return false;
  return r.t.slice(dash + 1).some(isLabelColon);
}

/** What a label's brackets say of the figures under it (`bracketUnit`): their currency, scale and percent sign. */
export interface LabelUnit {
  currency?: FigureUnit;
  scale: number;
  percent: boolean;
}

/**
 * The unit a label's brackets, tokens `open` to `close`, give the bare numbers under it, as a table's header writes it:
 * "(millions)", "(£000)", "(£m)", "($bn)", "(%)", "('000)", "(€ thousands)", "(USD)". Undefined when anything in them
 * is no currency, scale or percent sign ("(tonnes)", "(Ml/d)", "(2019 prices)"): those say what a figure counts, not
 * how much it is.
 */
export function bracketUnit(r: Reading, open: number, close: number): LabelUnit | undefined {
  const unit: LabelUnit = { scale: 1, percent: false };
  if (close <= open + 1) return undefined;
  for (let k = open + 1; k < close; k++) {
    const word = r.lower(k);
    const currency = CURRENCY_SYMBOLS.get(word) ?? CURRENCY_WORDS.get(word);
    const scale = SCALES.get(word) ?? SCALES.get(word.replace(/s$/, ''));
    if (currency && !unit.currency) unit.currency = currency;
    else if (scale) unit.scale *= scale;
    // "£000", "'000": thousands, as accounts write them.
    else if (/^0{3}s?$/.test(word)) unit.scale *= 1e3;
    else if (/^['’]$/.test(word) && /^0{3}s?$/.test(r.lower(k + 1))) continue;
    // "£m": a scale letter glued to its currency sign.
    else if (unit.currency && r.t[k]!.spaced === false && SCALE_LETTERS.has(word))
      unit.scale *= SCALE_LETTERS.get(word)!.scale;
    else if (word === '%' || word === 'percent' || word === 'pct') unit.percent = true;
    else return undefined;
  }
  return unit;
}

/**
 * The unit of measure a label's brackets, tokens `open` to `close`, give the bare numbers under it: "(tonnes)",
 * "(km)", "(hours)", "(litres per day)", "(km/h)", verbatim. Undefined when anything in them is no unit of measure or
 * of time, nor "per" or "/" between two ("(2019 prices)", "(FTE)"): those say something else of the figure.
 */
export function bracketMeasureUnit(r: Reading, open: number, close: number): string | undefined {
  if (close <= open + 1) return undefined;
  for (let k = open + 1; k < close; k++) {
    const between = k > open + 1 && k < close - 1 && (r.lower(k) === 'per' || r.lower(k) === '/');
    if (!unitAt(r, k) && !between) return undefined;
  }
  return r.text.slice(r.t[open + 1]!.start, r.t[close - 1]!.end);
}

/**
 * Whether token `k` is a unit of measure or of time: a word or its symbol ("tonnes", "km", "mg"), or a unit of time's
 * symbol that a compound unit divides by ("h" of "km/h", "d" of "Ml/d").
 */
export function unitAt(r: Reading, k: number): boolean {
  const word = r.lower(k);
  return MEASUREMENT_UNITS.has(word) || TIME_UNITS.has(word) || (r.lower(k - 1) === '/' && TIME_SYMBOLS.has(word));
}

/**
 * The end of a compound unit after the unit of measure ending at `next`: "/h" of "50 km/h", "/d" of "74 Ml/d", "/l"
 * of "12 mg/l", written without spaces. `next` where none follows.
 */
export function compoundUnitEnd(r: Reading, next: number): number {
  const slash = r.t[next];
  const divisor = r.t[next + 1];
  if (slash?.text !== '/' || slash.spaced || !divisor || divisor.spaced || !unitAt(r, next + 1)) return next;
  return next + 2;
}

export function isDefinite(r: Reading, i: number): boolean {
  return DEFINITE.has(r.lower(i - 1));
}

/** An amount with the currency, percent sign and scale it leaves to one beside it: "3" in "from 3 to 5 percent". */
export function withUnitOf(amount: Amount, of: Amount): Amount {
  return {
    ...amount,
    value: inherit(amount, of),
    scale: amount.scale === 1 ? of.scale : amount.scale,
    currency: amount.currency ?? of.currency,
    percent: amount.percent || of.percent,
  };
}

/** The low end of a range takes the high end's scale where it has none: "$18 and $30 billion". */
export function inherit(low: Amount, high: Amount): number {
  return low.scale === 1 ? scaled(low.value, high.scale) : low.value;
}

/**
 * A number times its scale, as written: "£4.1 million" is 4,100,000, where 4.1 × 1e6 in floating point is
 * 4,099,999.9999999995, which `--json` printed and which equals no other way of writing the same sum.
 */
export function scaled(value: number, scale: number): number {
  return scale === 1 ? value : Number((value * scale).toPrecision(15));
}

/** Whether two amounts can be a range's ends. Glued by a dash, the high end takes the low end's currency: "$40–45". */
function compatible(low: Amount, high: Amount, glued: boolean): boolean {
  if (low.currency && high.currency && low.currency !== high.currency) return false;
  if (low.percent && !high.percent) return false;
  if ((low.currency && !high.currency && !glued) || (high.currency && !low.currency && low.percent)) return false;
  return true;
}
