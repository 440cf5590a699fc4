import stem from 'wink-porter2-stemmer';
import { STOP_WORDS } from './stopwords.js';
import { SYNONYM_GROUPS, type SynonymGroup } from './synonyms.js';

/** Lower case, accents off, typographic quotes and dashes made plain: Mérida = Merida. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .toLowerCase();
}

const SYNONYM_PREFIX = 'syn:';
const MAX_REMEMBERED_TOKENS = 200_000;
// Acronyms written with dots ("U.S.", "D.C.") become one token before splitting on punctuation.
const DOTTED_ACRONYM = /\b((?:\p{L}\.){2,})/gu;
const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu;

/**
 * The one query analyser, shared by indexing and search so both sides see the same terms:
 * folding, stop words, stemming and synonyms. Multi-word synonyms ("López Obrador") are found in
 * `tokenize`, where the words are still in order; single words in `processTerm`.
 */
export class Analyzer {
  private readonly single = new Map<string, string[]>();
  /** Multi-word synonyms by their first word: matching token runs is far cheaper than a regex each. */
  private readonly phrases = new Map<string, { words: string[]; id: string }[]>();
  private readonly remembered = new Map<string, string[] | null>();

  constructor(groups: SynonymGroup[] = SYNONYM_GROUPS) {
    for (const group of groups) {
      const id = SYNONYM_PREFIX + group.id;
      for (const term of group.terms) {
        const words = tokensOf(fold(term));
        if (words.length === 1) {
          const key = stemWord(words[0]!);
          // "murder", "murders" and "murdered" share a stem: the group is listed once for it.
          this.single.set(key, [...new Set([...(this.single.get(key) ?? []), id])]);
        } else if (words.length > 1) {
          this.phrases.set(words[0]!, [...(this.phrases.get(words[0]!) ?? []), { words, id }]);
        }
      }
    }
  }

  /** Splits text into raw tokens, plus one synonym token for each multi-word synonym it contains. */
  readonly tokenize = (text: string): string[] => {
    const tokens = tokensOf(this.foldForTokens(text));
    return [...tokens, ...new Set(this.phrasesIn(tokens).map((p) => p.id))];
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
      if (this.remembered.size >= MAX_REMEMBERED_TOKENS) this.remembered.clear();
      terms = this.termsOfToken(token);
      this.remembered.set(token, terms);
    }
    return terms;
  };

  private termsOfToken(token: string): string[] | null {
    if (token.startsWith(SYNONYM_PREFIX)) return [token];
    const word = fold(token);
    if (word.length < 2 && !/\d/.test(word)) return null;
    if (STOP_WORDS.has(word)) return null;
    const term = stemWord(word);
    const synonyms = this.single.get(term);
    return synonyms ? [term, ...synonyms] : [term];
  }

  /**
   * The query's words, each as the terms it searches for (empty for a stop word). A word inside a
   * multi-word synonym also carries that synonym's term, so a passage matching the synonym counts
   * as matching the word.
   */
  words(text: string): { word: string; terms: string[] }[] {
    const tokens = tokensOf(this.foldForTokens(text));
    const words = tokens.map((word) => ({ word, terms: [...(this.processTerm(word) ?? [])] }));
    for (const { id, from, to } of this.phrasesIn(tokens))
      for (const w of words.slice(from, to)) if (w.terms.length) w.terms.push(id);
    return words.map(({ word, terms }) => ({ word, terms: [...new Set(terms)] }));
  }

  /** The distinct terms of a text, in order: what a query looks like to the index. */
  terms(text: string): string[] {
    const out = new Set<string>();
    for (const token of this.tokenize(text)) for (const t of this.processTerm(token) ?? []) out.add(t);
    return [...out];
  }

  private phrasesIn(tokens: string[]): { id: string; from: number; to: number }[] {
    const found: { id: string; from: number; to: number }[] = [];
    tokens.forEach((token, i) => {
      for (const { words, id } of this.phrases.get(token) ?? []) {
        if (words.every((w, j) => tokens[i + j] === w)) found.push({ id, from: i, to: i + words.length });
      }
    });
    return found;
  }

  private foldForTokens(text: string): string {
    return fold(text).replace(DOTTED_ACRONYM, (m) => m.replace(/\./g, ''));
  }

  static isSynonym(term: string): boolean {
    return term.startsWith(SYNONYM_PREFIX);
  }
}

function tokensOf(folded: string): string[] {
  return (folded.match(WORD) ?? []).map((w) => w.replace(/'s$/, ''));
}

export function stemWord(word: string): string {
  return /^\p{L}+$/u.test(word) && word.length > 3 ? stem(word) : word;
}
