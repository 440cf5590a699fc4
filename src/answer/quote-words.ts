// A text's words with each number as its digits: how `cite` compares a quote with a sentence, and `figures` a topic's
// numbers with a figure's (`echoedFigure`).
import { DOTTED_NUMBER, fold, symbolsAsWords, VERSION_V } from '../search/analyzer.js';
import { NUMBER_SCALES, SCALE_LETTERS } from '../search/english.js';
import { NUMBER_WORDS as NUMBER_VALUES } from './figures/grammar/words.js';

/**
 * A text's words as a quote and a sentence are compared, each number as the digits it is however it is written:
 * "ninety-five" and "95", "50 thousand", "50,000" and "50k", "$1bn" and "$1 billion", "90 per cent" and "90%".
 */
export function quoteWords(text: string): string[] {
  const tokens =
    symbolsAsWords(fold(text).replace(VERSION_V, '')).replace(THOUSANDS_SEPARATOR, '$1').match(TOKEN) ?? [];
  const out: string[] = [];
  for (let i = 0; i < tokens.length;) {
    const number = numberAt(tokens, i);
    out.push(number?.digits ?? tokens[i]!);
    i = number?.next ?? i + 1;
  }
  return out;
}

/** The comma of "70,000" and "1,200,000" (not of "1,2,3"), left out so the number is one word however it is typed. */
const THOUSANDS_SEPARATOR = /(\d),(?=\d{3}(?!\d))/g;
/**
 * A word, or a number with its decimals ("2.5") or a dotted version ("4.1.7", "v4.1.7"), as the search reads them
 * (`DOTTED_NUMBER`); a number is a word apart from a letter after it ("5bn").
 */
const TOKEN = new RegExp(String.raw`${DOTTED_NUMBER}|\d+|[\p{L}\p{N}]+`, 'gu');
/** A number as `quoteWords` gives it: digits, perhaps with decimals. */
export const DIGITS = /^\d+(?:\.\d+)?$/;
/** Besides English's scale words, the scale letters chat writes after any number: the "k" of "50k". */
const SCALES: ReadonlyMap<string, number> = new Map([
  ...NUMBER_SCALES,
  ...[...SCALE_LETTERS].flatMap(([letter, { scale, bare }]) => (bare ? [[letter, scale] as const] : [])),
]);

/**
 * The number that starts at `tokens[i]`, its digits and the token after it: "two hundred and five thousand", "two and
 * a half".
 */
function numberAt(tokens: string[], i: number): { digits: string; next: number } | undefined {
  const first = DIGITS.test(tokens[i]!) ? { value: Number(tokens[i]), next: i + 1 } : numberWordsAt(tokens, i);
  if (!first) return undefined;
  let { value, next } = first;
  // Not after a year: "in 2017 and a half century later".
  if (value < 100 && tokens.slice(next, next + 3).join(' ') === 'and a half')
    ({ value, next } = { value: value + 0.5, next: next + 3 });
  if (tokens[next] === 'hundred') {
    value *= 100;
    next++;
    // "and" joins only number words: "two hundred and five", not "200 and five".
    const rest = tokens[next] === 'and' ? numberWordsAt(tokens, next + 1) : undefined;
    if (rest && rest.value < 100) ({ value, next } = { value: value + rest.value, next: rest.next });
  }
  const scale = SCALES.get(tokens[next] ?? '');
  if (scale) ({ value, next } = { value: value * scale, next: next + 1 });
  // Digits alone keep their own spelling, so a long number (an id, a phone number) is never rounded.
  if (next === i + 1 && DIGITS.test(tokens[i]!)) return { digits: tokens[i]!, next };
  // Twelve digits undo the float's error in "1.6 billion" (1600000000.0000002).
  return { digits: String(Number(value.toPrecision(12))), next };
}

/** A number in words from `tokens[i]`: "seven", "forty", "forty-five" (two words once folded). */
function numberWordsAt(tokens: string[], i: number): { value: number; next: number } | undefined {
  // A map (the grammar's, as numbers): every word of every candidate's sentences is looked up, and a lookup of a
  // string just cut from a text costs an object far more than a map.
  const value = NUMBER_VALUES.get(tokens[i] ?? '');
  if (value === undefined) return undefined;
  const ones = NUMBER_VALUES.get(tokens[i + 1] ?? '') ?? NaN;
  if (value >= 20 && value % 10 === 0 && ones >= 1 && ones <= 9) return { value: value + ones, next: i + 2 };
  return { value, next: i + 1 };
}
