import { escapeRegExp } from './text.js';

/** The currencies a figure's amount can be in (the figures' unit for a sum of money). */
export type CurrencyUnit = 'USD' | 'EUR' | 'GBP' | 'MXN';

/** How English writes a currency: signs before an amount ("$5", "us$5"), words after it ("5 dollars"), its name. */
interface Currency {
  unit: CurrencyUnit;
  /** Lower case, as the figure grammar compares them. */
  signs: readonly string[];
  words: readonly string[];
  /** What a chart's axis calls it ("US dollars"), and after an amount where it has no sign ("5 pesos"). */
  name: string;
  /** The letter glued after a number that says a hundredth of it in a price ("5p a page"). */
  hundredth?: string;
}

/**
 * The one table of currencies, in the lowest layer that reads it: a plain-text table tells a row of amounts from a
 * header by their signs, the figure grammar reads amounts with it, answers tell sums of money from counts by it,
 * charts name and write amounts from it, and a passage holds a sum of money for the search when it writes one.
 */
export const CURRENCIES: readonly Currency[] = [
  { unit: 'USD', signs: ['$', 'us$'], words: ['dollars', 'dollar', 'usd'], name: 'US dollars' },
  { unit: 'EUR', signs: ['€'], words: ['euros'], name: 'euros' },
  { unit: 'GBP', signs: ['£'], words: ['pounds'], name: 'pounds', hundredth: 'p' },
  { unit: 'MXN', signs: [], words: ['pesos'], name: 'pesos' },
];

/** Every currency's signs as a regular expression's alternatives, escaped ("$" is one); read without regard to case. */
export const CURRENCY_SIGNS = CURRENCIES.flatMap((c) => c.signs.map(escapeRegExp)).join('|');
/** Every currency's words as a regular expression's alternatives ("dollars|dollar|usd|…"). */
export const CURRENCY_WORD_ALTERNATIVES = CURRENCIES.flatMap((c) => c.words).join('|');
