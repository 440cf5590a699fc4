import type { Analyzer } from './analyzer.js';
import { ARTICLES } from './english.js';

/**
 * Where a bridge between two ways of saying something comes
 * from; each source has its own weight (see `RankingOptions`).
 */
export type BridgeSource =
  | 'lexicon'
  | 'alias'
  | 'abbreviation'
  | 'spelling'
  | 'wordnet'
  | 'rare'
  | 'family'
  | 'prefix'
  | 'similar'
  | 'typo'
  | 'clipped';

/** Words or phrases that mean the same thing, as written. */
export interface Group {
  phrases: string[];
  via: BridgeSource;
}

/** One bridge: the analysed terms of a way of saying something, and of another way to say it. */
export interface Bridge {
  from: string[];
  to: string[];
  via: BridgeSource;
  /** For a lexicon's bridge, the words of `from` as the lexicon writes them (folded), one for each of its terms. */
  written?: string[];
  /**
   * A bridge of two relations: a lexicon's between two other ways of saying its line's term, which relate only through
   * it, or WordNet's from a synonym of a word of a corpus word's family ("holidaymaker" to "tourism", via "tourist").
   */
  throughHead?: boolean;
}

/** Another way to say part of a question: found at `from`..`to` (exclusive) among the question's terms. */
export interface Found {
  from: number;
  to: number;
  terms: string[];
  via: BridgeSource;
  /** The bridge's `written` words, which the question's words at `from`..`to` matched by their terms. */
  written?: string[];
  throughHead?: boolean;
}

/** The shortest word whose typos are looked for, and the shortest forgiven two (a long word has room for them). */
export interface TypoRule {
  minLength: number;
  twoEditsFrom: number;
}

/** How many edits (0, 1 or 2) a word of `length` letters may be from the word meant: one rule for search and cite. */
export const editsForgiven = (length: number, rule: TypoRule): number =>
  length < rule.minLength ? 0 : length >= rule.twoEditsFrom ? 2 : 1;

/** The corpus's words of one length, commonest first, and the letters of each (see `letters`). */
interface WordsOfALength {
  entries: [string, number][];
  letters: Uint32Array;
}

/**
 * The bridges between ways of saying the same thing that a corpus's readers may use: its lexicon's
 * synonyms, the acronyms and aliases its text defines, common abbreviations and WordNet's synonyms
 * of its words. Built with the index and saved with it; a question's words are looked up here at
 * query time, so the asker's own words always come first and a bridge's weight can change freely.
 * It also knows the corpus's words as written, to read a typo as the word meant.
 */
export class Bridges {
  /** Bridges by the first term of `from`, so a question's term runs are matched cheaply. */
  private readonly byFirst = new Map<string, Bridge[]>();
  /**
   * The corpus's words as written (folded), by length, with how often each occurs, commonest first, and the
   * letters each has (see `letters`): typo candidates. Made on the first typo, as a large corpus has hundreds of
   * thousands of words and most questions have no typo.
   */
  private wordsByLength?: Map<number, WordsOfALength>;

  constructor(
    readonly bridges: Bridge[] = [],
    private readonly words: Iterable<[string, number]> = [],
    /** Bridges kept elsewhere (a saved index's), by first term, which come before `bridges`. */
    private readonly saved?: (first: string) => Bridge[],
  ) {
    for (const bridge of bridges) {
      const first = bridge.from[0]!;
      this.byFirst.set(first, [...(this.byFirst.get(first) ?? []), bridge]);
    }
  }

  /** Makes the typo candidates now, so that the first question with a typo does not wait for them. */
  warm(): void {
    this.typoCandidates();
  }

  private byLength(length: number): WordsOfALength {
    return this.typoCandidates().get(length) ?? { entries: [], letters: new Uint32Array() };
  }

  /** `wordsByLength`, made on the first call. */
  private typoCandidates(): Map<number, WordsOfALength> {
    if (!this.wordsByLength) {
      const lists = new Map<number, [string, number][]>();
      for (const [word, n] of this.words) {
        const list = lists.get(word.length) ?? [];
        list.push([word, n]);
        lists.set(word.length, list);
      }
      this.wordsByLength = new Map();
      for (const [length, entries] of lists) {
        // A stable sort: words as common keep the order they came in, which decides between them.
        entries.sort((a, b) => b[1] - a[1]);
        this.wordsByLength.set(length, { entries, letters: Uint32Array.from(entries, ([word]) => letters(word)) });
      }
    }
    return this.wordsByLength;
  }

  /** The bridges among the members of each group, both ways, in analysed terms. */
  static between(groups: Group[], analyzer: Analyzer): Bridge[] {
    const out: Bridge[] = [];
    const seen = new Set<string>();
    for (const { phrases, via } of groups) {
      // A group's first phrase is its head: a lexicon's term, the others its other ways of saying it.
      const analysed = phrases
        .map((p, i) => ({ words: phraseWords(p, analyzer), head: i === 0 }))
        .filter((p) => p.words.length > 0);
      for (const { words: fromWords, head: fromHead } of analysed)
        for (const { words: toWords, head: toHead } of analysed) {
          const [from, to] = [fromWords.map((w) => w.term), toWords.map((w) => w.term)];
          const key = `${from.join(' ')}>${to.join(' ')}>${via}`;
          if (from.join(' ') === to.join(' ') || seen.has(key)) continue;
          seen.add(key);
          const lexicon = via === 'lexicon' && { written: fromWords.map((w) => w.word) };
          out.push({ from, to, via, ...lexicon, ...(lexicon && !fromHead && !toHead && { throughHead: true }) });
        }
    }
    return out;
  }

  /** One-way bridges, each from a word or phrase to another (a synonym to the corpus's word), in analysed terms. */
  static oneWay(pairs: [string, string][], via: BridgeSource, analyzer: Analyzer): Bridge[] {
    const out = new Map<string, Bridge>();
    for (const [a, b] of pairs) {
      // A phrase the analyser would shorten to another word is not that word: "plan B" (a fallback) is not "plan",
      // "vitamin A" not "vitamin". Only stop words may drop out ("the man" is "man").
      if (!whole(a, analyzer) || !whole(b, analyzer)) continue;
      const from = phraseTerms(a, analyzer);
      const to = phraseTerms(b, analyzer);
      const key = `${from.join(' ')}>${to.join(' ')}`;
      if (from.length && to.length && from.join(' ') !== to.join(' ')) out.set(key, { from, to, via });
    }
    return [...out.values()];
  }

  private startingAt(term: string): Bridge[] {
    const own = this.byFirst.get(term) ?? [];
    return this.saved ? [...this.saved(term), ...own] : own;
  }

  /** Every bridge that starts at one of `terms` (a question's terms in order, stop words left out). */
  find(terms: string[]): Found[] {
    const found: Found[] = [];
    terms.forEach((term, i) => {
      for (const { from, to, via, written, throughHead } of this.startingAt(term))
        if (from.every((t, j) => terms[i + j] === t))
          found.push({ from: i, to: i + from.length, terms: to, via, ...(written && { written }), throughHead });
    });
    return found;
  }

  /**
   * The one-word terms that the corpus itself says mean the same as `term` (its lexicon and the aliases it defines).
   */
  sameAs(term: string): string[] {
    return this.startingAt(term)
      .filter((b) => b.from.length === 1 && b.to.length === 1 && (b.via === 'lexicon' || b.via === 'alias'))
      .map((b) => b.to[0]!);
  }

  /**
   * The commonest corpus word that `word` begins and that is at least `more` letters longer: the word a clipping stands
   * for ("munic" for "municipal"). Undefined when the corpus has none.
   */
  completes(word: string, more: number): string | undefined {
    let best: [string, number] | undefined;
    for (const [length, { entries }] of this.typoCandidates()) {
      if (length < word.length + more) continue;
      // Each length's words come commonest first: its first that begins so is its best.
      const found = entries.find(([w]) => w.startsWith(word));
      if (found && (!best || found[1] > best[1])) best = found;
    }
    return best?.[0];
  }

  /**
   * The corpus word a word not in the corpus was most likely meant to be: the commonest within one
   * edit (a letter added, dropped, changed, or two swapped), two for a long word. Undefined when
   * none is that close, or the word is too short to tell.
   */
  correct(word: string, rule: TypoRule): string | undefined {
    const max = editsForgiven(word.length, rule);
    if (!max || !/^\p{L}+$/u.test(word)) return undefined;
    const own = letters(word);
    let best: [string, number] | undefined;
    // Each length's words come commonest first, so its first close word is its best, and none after a word no
    // commoner than the best so far can replace it: a large corpus has tens of thousands of words of each length.
    // An edit changes at most two of a word's letters (see `letters`), so a word with more letters apart than twice
    // the edits allowed is passed over before its table of edits is worked out.
    for (let length = word.length - max; length <= word.length + max; length++) {
      const { entries, letters: theirs } = this.byLength(length);
      for (let i = 0; i < entries.length; i++) {
        const entry = entries[i]!;
        if (best && entry[1] <= best[1]) break;
        if (bitCount(own ^ theirs[i]!) <= 2 * max && withinEdits(word, entry[0], max)) {
          best = entry;
          break;
        }
      }
    }
    return best?.[0];
  }
}

/**
 * A phrase's distinct terms in order, as a question's words are matched against it: without a compound's joined form
 * (see `Analyzer.words`), which a question's run of words never holds.
 */
function phraseTerms(phrase: string, analyzer: Analyzer): string[] {
  return phraseWords(phrase, analyzer).map((w) => w.term);
}

/** `phraseTerms`, each with the word of the phrase (folded) it was first read from. */
function phraseWords(phrase: string, analyzer: Analyzer): { term: string; word: string }[] {
  const out = new Map<string, string>();
  for (const { word, term } of analyzer.words(phrase)) if (term && !out.has(term)) out.set(term, word);
  return [...out].map(([term, word]) => ({ term, word }));
}

/**
 * Whether the analyser keeps every word of `phrase` that says what it is: it drops stop words (which say nothing)
 * and single letters, and a single letter at either end of a dictionary's phrase is part of a name ("big H",
 * "vitamin A", "x ray"), while one inside is mostly a joint ("half a dozen", "Lashkar-e-Taiba"). A phrase opening
 * with a stop word other than an article is an idiom, not its last word: "under the weather" (ill) is no weather.
 */
function whole(phrase: string, analyzer: Analyzer): boolean {
  const words = analyzer.words(phrase);
  const opener = words[0];
  if (words.length > 1 && opener?.term === undefined && !ARTICLES.has(opener?.word.toLowerCase() ?? '')) return false;
  return words.every((w, i) => w.term !== undefined || w.word.length > 1 || (i > 0 && i < words.length - 1));
}

/**
 * The letters a word has, one bit each (a to z their own, any other letter sharing one of six more): changing a
 * letter changes at most two bits, adding or dropping one at most one, and swapping two none.
 */
function letters(word: string): number {
  let bits = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    bits |= 1 << (c >= 97 && c <= 122 ? c - 97 : 26 + (c % 6));
  }
  return bits;
}

function bitCount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Two rows of the table and the one before them, kept between calls: a typo scan makes tens of thousands. */
let table = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/** Each character's count in one word less its count in the other, by its code's last seven bits (see `apart`). */
const tally = new Int32Array(128);

/**
 * Whether `a` and `b`'s characters, counted, differ more than `max` edits can make them: an insertion or a deletion
 * changes one count, a substitution two, a swap none. Characters sharing a slot of `tally` only lower the difference,
 * so no pair within `max` edits is ever apart. A few passes over the two words, where the table is their product:
 * most pairs a quote's or a question's words are compared in (a candidate's every word) fail here.
 */
function apart(a: string, b: string, max: number): boolean {
  for (let i = 0; i < a.length; i++) tally[a.charCodeAt(i) & 127]!++;
  for (let i = 0; i < b.length; i++) tally[b.charCodeAt(i) & 127]!--;
  return counted(a) + counted(b) > 2 * max;
}

/** The differences `tally` holds at `word`'s characters, each counted once: those slots are cleared. */
function counted(word: string): number {
  let differ = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i) & 127;
    differ += Math.abs(tally[c]!);
    tally[c] = 0;
  }
  return differ;
}

/** Whether `a` becomes `b` in at most `max` insertions, deletions, substitutions or swaps of neighbours. */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max || apart(a, b, max)) return false;
  if (table[0]!.length <= b.length) table = table.map(() => new Int32Array(b.length + 1));
  let [before, prev, row] = table as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2]! + 1);
      row[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return false;
    const oldest = before;
    before = prev;
    prev = row;
    row = oldest;
  }
  return prev[b.length]! <= max;
}
