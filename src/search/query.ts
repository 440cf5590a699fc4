import { Analyzer, stemWord } from './analyzer.js';
import type { PassageIndex } from './index.js';

/** One word of a question, with the terms it searches for and how much it tells passages apart. */
export interface QueryWord {
  word: string;
  terms: string[];
  /** Inverse document frequency of the word's rarest term; an unknown word weighs the most. */
  weight: number;
  /** Whether the corpus has the word at all (exactly or within a typo, or through a synonym). */
  known: boolean;
  /** Written with a capital inside the question: a name the question is about. */
  name: boolean;
  /**
   * Asks for an amount ("murder count", "how big", "how much money"): a passage answers it with a
   * figure (for `money`, a sum of money), not by repeating the word.
   */
  quantity?: 'figure' | 'money';
}

/** What amounts a passage states, for the question's quantity words. */
export interface Amounts {
  figure: boolean;
  money: boolean;
}

export interface AnalysedQuery {
  text: string;
  words: QueryWord[];
  /** The question asks for an amount ("how much", "how many"): passages with figures answer it best. */
  wantsFigure: boolean;
}

const QUANTITY_WORDS = new Set(['count', 'number', 'total', 'amount', 'tally', 'big', 'large', 'size'].map(stemWord));
const MONEY_WORDS = new Set(['money', 'cash'].map(stemWord));
const MONEY_FIGURE = /[$€£]\s?\d|\d\s*(?:million|billion|trillion)?\s*(?:dollars|pesos|euros)\b/i;
const NO_AMOUNTS: Amounts = { figure: false, money: false };

export function amountsIn(text: string): Amounts {
  return { figure: /\d/.test(text), money: MONEY_FIGURE.test(text) };
}
const AMOUNT = /\b(how (much|many|big|large|high|low|often)|number of|count|cost|percent(age)?|rate|total|size)\b/i;

/** Reads a question against the index: which words matter, and which the corpus does not know. */
export function analyseQuery(text: string, index: PassageIndex): AnalysedQuery {
  const n = Math.max(index.size, 1);
  const idf = (df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));
  const capitals = new Set((text.match(/(?<=\S\s+)\p{Lu}[\p{L}'-]+/gu) ?? []).map((w) => index.analyzer.terms(w)[0]));
  const words = index.analyzer
    .words(text)
    .filter((w) => w.terms.length > 0)
    .map((w) => {
      const plainTerms = w.terms.filter((t) => !Analyzer.isSynonym(t));
      const known = w.terms.some((t) => index.knows(t));
      const df = known ? Math.min(...w.terms.map((t) => index.documentFrequency(t)).filter((d) => d > 0), n) : 0;
      return {
        word: w.word,
        terms: w.terms,
        weight: idf(df),
        known,
        name: plainTerms.some((t) => capitals.has(t)),
        quantity: quantityOf(plainTerms),
      };
    });
  return { text, words, wantsFigure: AMOUNT.test(text) };
}

function quantityOf(terms: string[]): QueryWord['quantity'] {
  if (terms.some((t) => MONEY_WORDS.has(t))) return 'money';
  return terms.some((t) => QUANTITY_WORDS.has(t)) ? 'figure' : undefined;
}

/**
 * Share of the question's weight that a passage matching `matched` terms covers, from 0 to 1.
 * `amounts`: what the passage states (`amountsIn`), which covers the question's quantity words.
 */
export function coverage(query: AnalysedQuery, matched: Iterable<string>, amounts: Amounts = NO_AMOUNTS): number {
  const set = new Set(matched);
  let total = 0;
  let covered = 0;
  for (const w of query.words) {
    total += w.weight;
    if ((w.quantity && amounts[w.quantity]) || w.terms.some((t) => set.has(t))) covered += w.weight;
  }
  return total ? covered / total : 0;
}

/**
 * Whether the corpus can answer at all. A question about a name the corpus never mentions
 * ("what is Canada doing…") has no answer here, however well its other words match.
 */
export function answerable(query: AnalysedQuery): boolean {
  return query.words.length > 0 && !query.words.some((w) => w.name && !w.known);
}
