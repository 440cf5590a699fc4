import stem from 'wink-porter2-stemmer';
import { withoutAccents } from '../corpus/text.js';
import { IRREGULAR_FORMS, NUMBER_WORDS } from './english.js';
import { CHAT_WORDS, STOP_WORDS } from './stopwords.js';
import { YEAR_DIGITS } from '../corpus/dates.js';

/** A character beyond ASCII: text without one (most text) is read by plain patterns, several times faster. */
const NON_ASCII = /[\u0080-\uffff]/;

/** Soft hyphen, zero-width space, non-joiner and joiner, word joiner, byte-order mark. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/** Lower case, accents off, typographic quotes and dashes made plain: Zürich = Zurich, São = Sao. */
export function fold(text: string): string {
  // Decomposing and every replacement below change only characters beyond ASCII.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return (
    withoutAccents(text)
      .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
      .replace(/[\u201c\u201d\u201f\u2033]/g, '"')
      .replace(/[\u2010-\u2015]/g, '-')
      // Invisible characters inside a word (a soft hyphen from a web page, a zero-width space pasted into chat) would
      // cut it in two: "har\u00adbour" is "harbour".
      .replace(INVISIBLE, '')
      .toLowerCase()
  );
}

/** The analyser's numbers. */
export const ANALYZER_DEFAULTS = {
  /** Tokens whose terms `processTerm` keeps before it starts again: a bound on its memory. */
  rememberedTokens: 200_000,
  /** How far `amongCapitals` looks for the word either side: further than any English word and the gap before it. */
  neighbourChars: 40,
  /**
   * The shortest word stemmed. Porter's rules are written for longer words; the few short ones they change would be
   * merged with another word ("its" with "it", "ads" with "ad"). Part of what the index holds: a change to it comes
   * with a new `INDEX_VERSION`.
   */
  shortestStemmed: 4,
  /** The shortest word that is a term, save a digit: a letter alone ("a", "s" of a split "'s") says nothing. */
  shortestTerm: 2,
};

// Acronyms written with dots ("U.S.", "D.C.") become one token before splitting on punctuation.
const DOTTED_ACRONYM = /\b((?:\p{L}\.){2,})/gu;
/**
 * A number with a decimal point or a dotted version, one word as a reader reads it ("4.3", "99.98%", "§ 3.2",
 * "v2.1.0"): split at its dots, "4.3" was searched as any "4" and any "3". Not a date written with dots ("5.12.2024",
 * "2024.12.05"), whose year is found as any year is, and never the digits after a dot that follows digits.
 */
const DOTTED_DATE = String.raw`[0-9]{1,2}\.[0-9]{1,2}\.${YEAR_DIGITS}|${YEAR_DIGITS}\.[0-9]{1,2}\.[0-9]{1,2}`;
export const DOTTED_NUMBER = String.raw`(?<![0-9]\.)(?!(?:${DOTTED_DATE})(?![0-9]))[0-9]+(?:\.[0-9]+)+`;
/** A dotted number's parts, when it is nothing else: "4.2.1". */
const DOTTED = /^[0-9]+(?:\.[0-9]+)+$/;
/** A version's "v" ("v4.3", "V2.1.0"), no part of its number: "v4.3" is version 4.3, as "version 4.3" is. */
export const VERSION_V = /(?<![\p{L}\p{N}])v(?=[0-9]+\.[0-9])/gu;
// Capitals are kept only in an acronym that spells a stop word (see `ACRONYM`). A number glued to a unit or suffix in
// Latin letters ("5bn", "70k", "40mg", "3.5mm", "1990s") is two words, as when written apart ("5 bn", "40 mg",
// "6-MP"), and so is a fiscal year ("fy2022" as "fy 2022", for "fiscal year 2022").
const WORD = new RegExp(
  String.raw`\p{N}+(?:\.[0-9]+)*(?=[a-z]+(?![\p{L}\p{N}]))|fy(?=(?:\d{2}){1,2}(?![\p{L}\p{N}]))|${DOTTED_NUMBER}|` +
    String.raw`[\p{L}\p{N}]+(?:'[^\P{L}\p{Lu}]+)?`,
  'gu',
);
/** The same two patterns for folded ASCII text, whose only letters are a to z and whose only digits 0 to 9. */
const ASCII_DOTTED_ACRONYM = /\b((?:[a-z]\.){2,})/g;
const ASCII_WORD = new RegExp(
  String.raw`[0-9]+(?:\.[0-9]+)*(?=[a-z]+(?![A-Za-z0-9]))|fy(?=(?:[0-9]{2}){1,2}(?![A-Za-z0-9]))|${DOTTED_NUMBER}|` +
    String.raw`[A-Za-z0-9]+(?:'[a-z]+)?`,
  'g',
);
/**
 * What may be an acronym spelling a stop word: letters with dots ("U.S.", "a.m."), two or three capitals as a whole
 * word ("US", "IT", "WHO", "NO" for nitric oxide), and "us" after "the", which the pronoun never follows.
 */
const ACRONYM = new RegExp(
  String.raw`(?<![\p{L}\p{M}\p{N}.])(?:((?:\p{L}\p{M}*\.){2,})|` +
    String.raw`((?:\p{Lu}\p{M}*){2,3})(?![\p{L}\p{N}]|['\u2019]\p{Lu})|` +
    String.raw`(?<=\b[Tt]he\s+)(us)(?![\p{L}\p{N}]))`,
  'gu',
);
/**
 * An acronym's plural, capitals and a small "s" ("FTOs", "MSCs", "RNAs"), is the acronym: the stemmer keeps an "s"
 * after a word's only vowel or with none ("ftos", "mscs"), so the plural and the singular were two words. Typed in
 * small letters ("ftos") it cannot be told from a word ending in "s" ("bus", "gas"), and stays as typed.
 */
const ACRONYM_PLURAL = /(?<![\p{L}\p{N}])(\p{Lu}{2,})s(?![\p{L}\p{N}])/gu;
/** How an acronym that spells a stop word reaches `processTerm`: in capitals, which nothing else keeps. */
const ACRONYM_TOKEN = /^[A-Z]{2,}$/;
/** Symbols that stand for a word: "what % of" asks about a percentage, "how much $" about dollars; "per cent" too. */
const SYMBOL_WORDS: [RegExp, string][] = [
  [/%|\bper cent\b/g, ' percent '],
  [/\$/g, ' dollars '],
];

/**
 * The one text analyser, shared by indexing and search so both sides see the same terms: folding,
 * symbols and number words as words, irregular verbs as their
 * verb, stop words and stemming. It knows no subject's vocabulary:
 * related words are bridged at query time (see `Bridges`).
 */
export class Analyzer {
  private readonly remembered = new Map<string, string[] | null>();

  /** Splits text into raw tokens: its words, each compound's after its parts (see `tokensOf`). */
  readonly tokenize = (text: string): string[] => {
    const ascii = !NON_ASCII.test(text);
    return tokensOf(foldForTokens(text, ascii), ascii);
  };

  /**
   * Turns one token into the terms it is indexed and searched as: none for a stop word. Text
   * repeats its words, and folding and stemming each one again was most of the time spent
   * analysing, so each token's terms are kept (up to a bound). The array returned is shared:
   * copy it before changing it.
   */
  readonly processTerm = (token: string): string[] | null => {
    let terms = this.remembered.get(token);
    if (terms === undefined) {
      if (this.remembered.size >= ANALYZER_DEFAULTS.rememberedTokens) this.remembered.clear();
      terms = termsOfToken(token);
      this.remembered.set(token, terms);
    }
    return terms;
  };

  /**
   * The text's words in order, each with the term it searches for (none for a stop word) and, for a part of a
   * compound written with hyphens, the compound's term as written joined (`joined`: "multi-layered" is "multi" and
   * "layered", each also said by "multilayered"). A compound is no word of its own here: a question's words and a
   * phrase's are read in order, as the text has them.
   */
  words(text: string): { word: string; term?: string; joined?: string }[] {
    const ascii = !NON_ASCII.test(text);
    const compounds = new Map<number, number>();
    const out: { word: string; term?: string; joined?: string }[] = [];
    tokensOf(foldForTokens(text, ascii), ascii, compounds).forEach((word, i) => {
      const parts = compounds.get(i);
      const term = this.processTerm(word)?.[0];
      if (parts === undefined) out.push({ word, term });
      else if (term) for (const part of out.slice(-parts)) part.joined = term;
    });
    return out;
  }

  /** The distinct terms of a text, in order: what a query looks like to the index. */
  terms(text: string): string[] {
    const out = new Set<string>();
    for (const token of this.tokenize(text)) for (const t of this.processTerm(token) ?? []) out.add(t);
    return [...out];
  }
}

function termsOfToken(token: string): string[] | null {
  // A token as the text has it (an excerpt's words are marked so) may still be an acronym's plural or a version's "v".
  const folded = fold(token.replace(ACRONYM_PLURAL, '$1')).replace(VERSION_V, '');
  if (ACRONYM_TOKEN.test(token) && STOP_WORDS.has(folded)) return [folded];
  if (DOTTED.test(folded)) return releaseLines(folded);
  const word = NUMBER_WORDS[folded] ?? IRREGULAR_FORMS[folded] ?? folded;
  if (word.length < ANALYZER_DEFAULTS.shortestTerm && !/\d/.test(word)) return null;
  if (STOP_WORDS.has(word)) return null;
  return [stemWord(word)];
}

/**
 * A dotted number's terms: itself and, for three parts or more, each shorter run of its parts down to two. A version
 * "4.2.1" is a release of the line "4.2", and a section "3.2.1" part of "3.2", so a question about 4.2 finds them;
 * a question keeps only its word's first term (`words`), so "4.2.1" asked finds that release alone. Two parts stay as
 * written: "4.3" may be a decimal, which says nothing of "4", and "4.30", another version (or a price's pence), is not
 * "4.3".
 */
function releaseLines(number: string): string[] {
  const parts = number.split('.');
  return parts.slice(1).map((_, i) => parts.slice(0, parts.length - i).join('.'));
}

function foldForTokens(text: string, ascii: boolean): string {
  const folded = foldKeepingAcronyms(text.replace(ACRONYM_PLURAL, '$1'))
    .replace(ascii ? ASCII_DOTTED_ACRONYM : DOTTED_ACRONYM, (m) => m.replace(/\./g, ''))
    .replace(VERSION_V, '');
  return symbolsAsWords(folded);
}

/** Folded text with its symbols that stand for a word written as the word: "90%" and "90 per cent" as "90 percent". */
export function symbolsAsWords(folded: string): string {
  for (const [symbol, word] of SYMBOL_WORDS) folded = folded.replace(symbol, word);
  return folded;
}

/**
 * Folds text but for the acronyms in it that spell a stop word, written in capitals without dots: "the U.S. says" is
 * "the US says", whose "US" is searched for, not dropped as the pronoun "us" is. Capitals among capitals are a shouted
 * heading's words ("WHAT IT MEANS FOR US"), not acronyms.
 */
function foldKeepingAcronyms(text: string): string {
  let folded = '';
  let at = 0;
  for (const m of text.matchAll(ACRONYM)) {
    const word = fold((m[1] ?? m[2] ?? m[3]!).replace(/\./g, ''));
    if (!STOP_WORDS.has(word) || CHAT_WORDS.has(word)) continue;
    if (m[2] && amongCapitals(text, m.index, m.index + m[0].length)) continue;
    folded += fold(text.slice(at, m.index)) + word.toUpperCase();
    at = m.index + m[0].length;
  }
  return at ? folded + fold(text.slice(at)) : fold(text);
}

/**
 * Whether the words either side of text[from, to) on its line have no small letters, when it has a word either side:
 * a heading's line is read apart from the text after it.
 */
function amongCapitals(text: string, from: number, to: number): boolean {
  const before = /([\p{L}\p{N}]+)[^\p{L}\p{N}\n]*$/u.exec(
    text.slice(Math.max(0, from - ANALYZER_DEFAULTS.neighbourChars), from),
  )?.[1];
  const after = /^[^\p{L}\p{N}\n]*([\p{L}\p{N}]+)/u.exec(text.slice(to, to + ANALYZER_DEFAULTS.neighbourChars))?.[1];
  return (before !== undefined || after !== undefined) && ![before, after].some((w) => w && /\p{Ll}/u.test(w));
}

/** A word that may be part of a compound: letters only (not "6-MP", "covid-19" or "2015-2017"). */
const ASCII_LETTERS = /^[A-Za-z]+$/;
const LETTERS = /^\p{L}+$/u;
/** Whether `word` may be part of a compound written apart or with hyphens: one rule for the index and `cite`. */
export const compoundPart = (word: string): boolean => LETTERS.test(word);

/**
 * The words of folded text, each compound written with hyphens ("multi-layered", "co-operation", "Meso-American")
 * followed by its parts joined ("multilayered"), as people and corpora write the same compound either way: the parts
 * find it written apart ("multi layered"), the joined form written as one word. With `compounds`, the position of each
 * joined form is set to its number of parts.
 */
function tokensOf(folded: string, ascii: boolean, compounds?: Map<number, number>): string[] {
  const pattern = ascii ? ASCII_WORD : WORD;
  // Most text has no hyphen: its words are read by one match, several times faster than word by word.
  if (!folded.includes('-')) return (folded.match(pattern) ?? []).map((w) => (w.endsWith("'s") ? w.slice(0, -2) : w));
  const letters = ascii ? ASCII_LETTERS : LETTERS;
  const out: string[] = [];
  let parts = 0;
  let joined = '';
  let end = -1;
  const endCompound = () => {
    if (parts > 1) {
      compounds?.set(out.length, parts);
      out.push(joined.toLowerCase());
    }
    parts = 0;
  };
  for (const m of folded.matchAll(pattern)) {
    const word = m[0];
    const part = letters.test(word);
    if (!part || m.index !== end + 1 || folded.charCodeAt(end) !== HYPHEN) endCompound();
    out.push(word.endsWith("'s") ? word.slice(0, -2) : word);
    if (part) {
      joined = parts ? joined + word : word;
      parts++;
    }
    end = m.index + word.length;
  }
  endCompound();
  return out;
}

const HYPHEN = '-'.charCodeAt(0);

export function stemWord(word: string): string {
  return /^\p{L}+$/u.test(word) && word.length >= ANALYZER_DEFAULTS.shortestStemmed ? stem(word) : word;
}
