import { NAME_WORD } from '../corpus/text.js';
import { DEFAULT_RANKING, type RankingOptions } from './ranking.js';

/**
 * The acronyms and aliases a text defines for itself: "Joint Transport Board (JTB)", "small and
 * medium enterprises (SMEs)", "Maria Elena Ortiz Vidal, or MEOV", "SSB = spawning stock biomass".
 * Each is returned as [long form, short form], as written; a name as its last `aliasNameWords`
 * capitalised words.
 */
export function aliasesIn(
  text: string,
  options: Pick<RankingOptions['index'], 'aliasNameWords' | 'aliasLookBackChars'> = DEFAULT_RANKING.index,
): [string, string][] {
  const found: [string, string][] = [];
  for (const m of text.matchAll(PARENTHESIS)) {
    const inner = m[1]!.trim();
    const before = text.slice(Math.max(0, m.index - options.aliasLookBackChars), m.index).trimEnd();
    if (isShortForm(inner)) {
      const long = longFormOf(inner, before);
      if (long) found.push([long, inner]);
    } else {
      // "JTB (Joint Transport Board)": the short form first.
      const short = /([\p{Lu}][\p{Lu}\d&.-]+)$/u.exec(before)?.[1];
      if (short && isShortForm(short) && longFormOf(short, inner) === inner) found.push([inner, short]);
    }
  }
  // A list of the terms a report uses: "Terms used: SSB = spawning stock biomass, the weight …; LPUE = …". The long
  // form runs to the next mark and must be the short form's letters whole, so "n = 206" and "CI = 1.2" are none.
  for (const m of text.matchAll(EQUALS)) {
    const [short, long] = [m[1]!, m[2]!.trim()];
    if (isShortForm(short) && longFormOf(short, long) === long) found.push([long, short]);
  }
  // A name is its last few capitalised words: "The Town's Mayor Maria Elena Ortiz Vidal" is the last four.
  for (const m of text.matchAll(NAMED_AS))
    found.push([m[1]!.split(/\s+/).slice(-options.aliasNameWords).join(' '), m[2]!]);
  return found;
}

/** A parenthesis right after a word: "(JTB)", "(Joint Transport Board)". */
const PARENTHESIS = /(?<=\S\s?)\(([^()]{2,120})\)/gu;
/** "ACRONYM = long form", up to the next mark. */
const EQUALS = /(?<![\p{L}\d])([\p{L}\d&.-]{2,12})\s*=\s*([^=,;:.()\n]{3,120})/gu;
/** "Name Name, or ACRONYM" and "Name Name, known as ACRONYM". */
const NAMED_AS = new RegExp(
  String.raw`(${NAME_WORD}(?:\s+${NAME_WORD}){1,5}),?\s+(?:or|(?:also\s+)?known\s+as|` +
    String.raw`a\.?k\.?a\.?)\s+(\p{Lu}[\p{Lu}\d]{1,9})\b`,
  'gu',
);

/** Two to ten letters or digits, at least two of them capitals, no spaces: "JTB", "SMEs", "DfT". */
function isShortForm(text: string): boolean {
  return /^[\p{L}\d&.-]{2,12}$/u.test(text) && (text.match(/\p{Lu}/gu) ?? []).length >= 2;
}

/** Schwartz and Hearst's bound on a long form: at most min(|A| + 5, |A| × 2) words for a short form of |A| letters. */
const longFormWords = (letters: number) => Math.min(letters + 5, letters * 2);

/**
 * The long form that `short` abbreviates at the end of `before` (Schwartz and Hearst's algorithm):
 * the short form's letters are found in order, right to left, the first one starting a word, and
 * the long form is at most a few words longer than the short form has letters.
 */
function longFormOf(short: string, before: string): string | undefined {
  const letters = short.replace(/s$/, '').toLowerCase();
  const words = before.split(/\s+/);
  const window = words.slice(-longFormWords(letters.length)).join(' ');
  const long = window.toLowerCase();
  let s = letters.length - 1;
  let l = long.length - 1;
  while (s >= 0) {
    const c = letters[s]!;
    if (!/[\p{L}\d]/u.test(c)) {
      s--;
      continue;
    }
    while (l >= 0 && (long[l] !== c || (s === 0 && l > 0 && /[\p{L}\d]/u.test(long[l - 1]!)))) l--;
    if (l < 0) return undefined;
    l--;
    s--;
  }
  const start = long.lastIndexOf(' ', l) + 1;
  const result = window.slice(start).replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, '');
  // A long form is several words in one run of text, not the short form again or a single word's
  // letters; letters found across a comma or a bracket ("parties, the Partido Revolucionario
  // Institucional (PRI)" read backwards) are not a definition.
  return result.split(/\s+/).length >= 2 && !/[,;:()]/.test(result) ? result : undefined;
}
