import { createHash } from 'node:crypto';
import MiniSearch, { type Options } from 'minisearch';
import type { Corpus, DocumentMeta, Passage } from '../corpus/types.js';
import { fileError } from '../errors.js';
import { silentLogger, type Logger } from '../log.js';
import { aliasesIn } from './aliases.js';
import { Analyzer } from './analyzer.js';
import { Bridges, type Bridge, type Group } from './bridges.js';
import { ABBREVIATIONS, IRREGULAR_SUPERLATIVES, superlativeBases, withoutPrefix } from './english.js';
import { DEFAULT_RANKING, type RankingOptions } from './ranking.js';
import { SavedFile, savedPath, writeSave } from '../saved-file.js';
import { nothingLearned, readSavedIndex, savedIndex, Strings, type Learned } from './saved-index.js';
import { best, grown, ShortIdMap, TermScorer, type TermScores } from './term-scores.js';
import { baseForms, readWordNet } from './wordnet.js';

type SearchRanking = RankingOptions['search'];
type IndexRanking = RankingOptions['index'];

/** Bumped whenever the analyser, the bridges or the indexed fields change, so old saved indexes are rebuilt. */
const INDEX_VERSION = 77;

interface IndexedPassage {
  id: string;
  text: string;
  title: string;
  heading: string;
}

/** What an English dictionary says a word is (see `PassageIndex.wordKind`). */
export type WordKind = 'name' | 'specific' | 'word';

/** Hits a search returns when its caller names no limit (ask, cite and figures name their own). */
const DEFAULT_LIMIT = 20;

export interface SearchOptions {
  /** How many hits at most (default `DEFAULT_LIMIT`). */
  limit?: number;
  /** Forgive typos in longer words of a text query (default true); an analysed question brings its own corrections. */
  fuzzy?: boolean;
  /**
   * Postings one search may score before it leaves its commonest terms out (default: the ranking's `postingsBudget`).
   */
  budget?: number;
}

export interface SearchHit {
  id: string;
  score: number;
  /** Query terms (analysed) that the passage matched. */
  terms: string[];
  /** Index terms found in the passage for those query terms (differs from `terms` on a fuzzy match). */
  matched: string[];
  passage: Passage;
}

/**
 * A question as the search needs it: each word's own term and
 * its alternatives, with their weights (see `analyseQuery`).
 */
export interface WeightedQuery {
  words: { term: string; alternatives: { terms: string[]; weight: number; gated?: boolean }[] }[];
}

/** A word as written, worth correcting a typo towards: letters only, long enough to tell apart. */
const WORD_AS_WRITTEN = /^\p{L}{3,}$/u;

/** Whether a dictionary list holds the word or one of its base forms ("pulled" as "pull"). */
const holdsAnyForm = (list: Strings, word: string) =>
  [word, ...baseForms(word)].some((form) => list.indexOf(form) >= 0);

/** Every string one edit of a lowercase letter from `word`: one added, left out, changed, or two neighbours swapped. */
function oneEditFrom(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i <= word.length; i++) {
    const [head, tail] = [word.slice(0, i), word.slice(i)];
    if (tail) out.push(head + tail.slice(1));
    if (tail.length > 1) out.push(head + tail[1]! + tail[0]! + tail.slice(2));
    for (let c = 97; c <= 122; c++) {
      const letter = String.fromCharCode(c);
      out.push(head + letter + tail);
      if (tail && tail[0] !== letter) out.push(head + letter + tail.slice(1));
    }
  }
  return out;
}

/**
 * MiniSearch over passages with Dossier's analyser, and the bridges between ways of saying the
 * same thing. Saved under the cache folder, keyed by the corpus content hash, the lexicon, the
 * index-time ranking numbers and `INDEX_VERSION`, and reused while none changes.
 */
export class PassageIndex {
  readonly analyzer: Analyzer;
  private lexicon: Bridge[] = [];
  /** Common abbreviations in this analyser's terms: the same for every corpus. */
  private readonly abbreviations: Bridge[];
  /** The learned bridges' keys, made when a document first adds any: a large corpus has tens of thousands. */
  private learnedKeys?: Set<string>;
  private current?: Bridges;
  private readonly scorer: TermScorer;
  /** Scratch space for `searchWords`, reused by every question (see `ShortIdMap`). */
  private readonly rows = new ShortIdMap();
  private readonly sums = new ShortIdMap();
  private grid = new Float64Array(0);
  /** The passages one alternative reaches and the sum of its terms' scores in each, in the order first reached. */
  private reached = new Int32Array(0);
  private totals = new Float64Array(0);
  /** Whether the index as opened is saved (loaded from the saved copy, or built and saved): the next start reads it. */
  saved: boolean;

  private constructor(
    private readonly mini: MiniSearch<IndexedPassage>,
    analyzer: Analyzer,
    private readonly learned: Learned = nothingLearned(),
    /** Whether this index was loaded from the saved copy rather than built. */
    readonly fromCache = false,
    private readonly ranking: SearchRanking = DEFAULT_RANKING.search,
    /** How far what is learned of the corpus reaches (the aliases its documents define, here). */
    private readonly indexing: IndexRanking = DEFAULT_RANKING.index,
  ) {
    this.analyzer = analyzer;
    this.saved = fromCache;
    this.scorer = new TermScorer(mini as MiniSearch<unknown>);
    this.abbreviations = Bridges.between(
      Object.entries(ABBREVIATIONS).map(([short, long]) => ({
        phrases: [short, ...long],
        via: 'abbreviation' as const,
      })),
      analyzer,
    );
  }

  static options(analyzer: Analyzer, ranking: SearchRanking = DEFAULT_RANKING.search): Options<IndexedPassage> {
    return {
      fields: ['text', 'title', 'heading'],
      storeFields: [],
      tokenize: analyzer.tokenize,
      processTerm: analyzer.processTerm,
      searchOptions: { boost: ranking.boost, bm25: ranking.bm25 },
    };
  }

  /** An index of `corpus` built in memory, with the aliases its text defines but without WordNet (see `build`). */
  static fromCorpus(
    corpus: Corpus,
    analyzer = new Analyzer(),
    ranking: SearchRanking = DEFAULT_RANKING.search,
    indexing: IndexRanking = DEFAULT_RANKING.index,
  ): PassageIndex {
    const index = new PassageIndex(
      new MiniSearch(PassageIndex.options(analyzer, ranking)),
      analyzer,
      undefined,
      false,
      ranking,
      indexing,
    );
    for (const doc of corpus.documents) index.add(doc.passages, doc.meta);
    return index;
  }

  /**
   * Loads the saved index when it matches the corpus, or builds
   * (with WordNet's synonyms, when given) and saves a new one.
   */
  static async build(
    corpus: Corpus,
    {
      cacheDir,
      log = silentLogger(),
      analyzer = new Analyzer(),
      salt = '',
      ranking = DEFAULT_RANKING.search,
      indexing = DEFAULT_RANKING.index,
      wordnet,
      onBuild,
    }: {
      cacheDir?: string;
      log?: Logger;
      analyzer?: Analyzer;
      /** Anything else the index depends on (the lexicon). */ salt?: string;
      /** Search-time numbers only: the saved index does not depend on them. */
      ranking?: SearchRanking;
      /** Index-time numbers: part of the saved index's key, so changing one rebuilds it. */
      indexing?: IndexRanking;
      /** WordNet's dictionary folder, read to bridge the corpus's words to their synonyms. */
      wordnet?: string;
      /** Called when there is no saved index to read, before the corpus is indexed. */
      onBuild?: () => void;
    } = {},
  ): Promise<PassageIndex> {
    const key = `${corpusKey(corpus)}:${salt}:${wordnet ? 'wordnet' : ''}:${JSON.stringify(indexing)}`;
    const file = cacheDir && savedPath(cacheDir, 'index', INDEX_VERSION, corpus.dir);
    if (file) {
      try {
        const saved = SavedFile.open(file);
        const loaded = saved && readSavedIndex(saved, key, PassageIndex.options(analyzer, ranking));
        if (loaded) {
          log.debug({ file }, 'index loaded from cache');
          return new PassageIndex(loaded.mini, analyzer, loaded.learned, true, ranking, indexing);
        }
      } catch (error) {
        log.warn({ file, err: String(error) }, 'the saved index cannot be read; indexing the corpus again');
      }
    }
    onBuild?.();
    const index = PassageIndex.fromCorpus(corpus, analyzer, ranking, indexing);
    if (wordnet) {
      try {
        const { synonyms, rare, family, familySynonyms, similar, dictionary, unwritten, unwrittenThings } =
          await readWordNet(
            index.learned.words.keys(),
            wordnet,
            indexing,
            cacheDir ? { dir: cacheDir, log, version: INDEX_VERSION } : undefined,
            {
              sideBySide: (pairs) => sideBySide(corpus, analyzer, pairs),
              together: (pairs) => sayTogether(corpus, analyzer, pairs),
            },
          );
        index.learn([
          ...Bridges.oneWay(synonyms, 'wordnet', analyzer),
          ...Bridges.oneWay(rare, 'rare', analyzer),
          ...Bridges.oneWay(family, 'family', analyzer),
          ...Bridges.oneWay(familySynonyms, 'family', analyzer).map((bridge) => ({ ...bridge, throughHead: true })),
          ...Bridges.oneWay(similar, 'similar', analyzer),
        ]);
        index.learned.dictionary = {
          words: Strings.sorted(dictionary.words),
          names: Strings.sorted(dictionary.names),
          specific: Strings.sorted(dictionary.specific),
          vague: Strings.sorted(dictionary.vague),
          money: Strings.sorted(dictionary.money),
          phrasal: Strings.sorted(dictionary.phrasal),
          unwritten: Strings.sorted(unwritten),
          unwrittenThings: Strings.sorted(unwrittenThings),
          adjectives: Strings.sorted(dictionary.adjectives),
        };
      } catch (error) {
        log.warn({ err: String(error) }, 'WordNet could not be read: answering without its synonyms');
      }
    }
    if (!file || !cacheDir) return index;
    try {
      await writeSave(file, savedIndex(key, index.mini as MiniSearch<unknown>, index.learned), log);
      index.saved = true;
      log.debug({ file }, 'index saved');
    } catch (error) {
      log.warn(
        { file, err: String(error) },
        `could not save the index cache (${fileError(error)}); it will be rebuilt next start`,
      );
    }
    return index;
  }

  get size(): number {
    return this.mini.documentCount;
  }

  /**
   * Every bridge a question's words may cross: the corpus's own (aliases, WordNet), common
   * abbreviations, and the lexicon's (see `useLexicon`).
   */
  get bridges(): Bridges {
    this.current ??= new Bridges(
      [...this.learned.bridges, ...this.abbreviations, ...this.lexicon],
      this.learned.words,
      this.learned.saved && ((term) => this.learned.saved!.startingAt(term)),
    );
    return this.current;
  }

  /**
   * What an English dictionary says a word is: a proper noun ("canada", "canadian"), a noun of one sense
   * ("naloxone"), a common word ("cops", "eavesdrop"), or unknown to it (a typo, a rare name, a code). A word
   * whose forms are of several kinds is the commonest: "selling" (one sense) is a form of "sell" (many).
   */
  wordKind(word: string): WordKind | undefined {
    const { words, names, specific } = this.learned.dictionary;
    if (names.indexOf(word) >= 0) return 'name';
    const holds = (list: Strings) => holdsAnyForm(list, word);
    if (holds(words)) return 'word';
    if (holds(specific)) return 'specific';
    return holds(names) ? 'name' : undefined;
  }

  /**
   * Whether a word the dictionary lacks is near one it has, and so is likelier that word mistyped or made over than a
   * name: one letter added, left out, changed, or two neighbours swapped ("recieve", "guardsmen"), a common prefix on
   * one ("rebrands"), two joined ("sitdown", "rollout", "meetup"), or a dictionary word of six letters or more, half
   * the word at least, behind a combining form the dictionary lacks ("glycometabolic", "neurovascular"), as technical
   * English compounds words.
   */
  nearDictionaryWord(word: string): boolean {
    const held = (w: string) => this.wordKind(w) !== undefined;
    const rest = withoutPrefix(word);
    if (rest && held(rest)) return true;
    for (let at = 2; at <= word.length - 2; at++) {
      const tail = word.slice(at);
      if (held(tail) && (held(word.slice(0, at)) || (tail.length >= 6 && tail.length * 2 >= word.length))) return true;
    }
    return oneEditFrom(word).some(held);
  }

  /** Whether an English dictionary was read (WordNet given), so that `wordKind` can tell a word from a slip. */
  get hasDictionary(): boolean {
    return this.learned.dictionary.words.length > 0;
  }

  /**
   * Whether the dictionary gives the word, or a form of it, more senses than `index.vagueSenses` ("pulled" as "pull",
   * "getting" as "get", though "getting" is also a noun of one sense): such a word says little of which passage
   * answers. As in `wordKind`, a word whose forms differ is taken as its commonest.
   */
  vague(word: string): boolean {
    return holdsAnyForm(this.learned.dictionary.vague, word);
  }

  /**
   * Whether the dictionary says the word, or a form of it, is mostly about money ("costs", "fees", "revenue"): a
   * question asking for one is answered by a sum a passage states, whatever it calls it (see `index.moneyMinUsage`).
   */
  money(word: string): boolean {
    // "-er" and "-est" make an adjective's comparative or a noun of who does something ("renter", "pensioner"), never a
    // form of a noun of money: "summer" is no "sum", though the endings' rule reads it as one.
    const { money } = this.learned.dictionary;
    return /(?:er|est)$/.test(word) ? money.indexOf(word) >= 0 : holdsAnyForm(money, word);
  }

  /**
   * Whether the dictionary has a verb of `word` (or a form of it) and `particle`, a stop word ("looks" and "after":
   * "look after"), which the two typed side by side mean rather than `word` alone.
   */
  phrasal(word: string, particle: string): boolean {
    const { phrasal } = this.learned.dictionary;
    return [word, ...baseForms(word)].some((form) => phrasal.indexOf(`${form} ${particle}`) >= 0);
  }

  /**
   * Whether `first` and `second`, typed side by side, are a proper name of two words the dictionary lists and the
   * corpus never writes, holding one of them and lacking the other ("supreme court" beside "the court"): one thing it
   * lacks.
   */
  unwrittenName(first: string, second: string): boolean {
    return holdsPair(this.learned.dictionary.unwritten, first, second);
  }

  /**
   * Whether `first` and `second`, typed side by side, are a common noun of two words and one sense the dictionary lists
   * ("price tag") that the corpus holds both words of and never says in one sentence, nor in another word of its sense:
   * one thing it lacks.
   */
  unwrittenThing(first: string, second: string): boolean {
    return holdsPair(this.learned.dictionary.unwrittenThings, first, second);
  }

  /**
   * Whether a word in lower case is an adjective's superlative: one of English's few irregular ones ("best", "worst"),
   * or spelt as one of an adjective the dictionary has (`superlativeBases`: "wettest", "busiest", "largest"), not a
   * noun or verb so spelt ("guest", "harvest", "forest").
   */
  superlative(word: string): boolean {
    const { adjectives } = this.learned.dictionary;
    return IRREGULAR_SUPERLATIVES.has(word) || superlativeBases(word).some((base) => adjectives.indexOf(base) >= 0);
  }

  /** Makes now what the first question would otherwise make: the bridges and their typo candidates. */
  warm(): void {
    this.bridges.warm();
  }

  /** Replaces the lexicon's bridges (a lexicon read anew). The index itself does not depend on them. */
  useLexicon(groups: Group[]): void {
    this.lexicon = Bridges.between(groups, this.analyzer);
    this.current = undefined;
  }

  /** Distinct terms in the index, over every field. */
  get terms(): number {
    return this.mini.termCount;
  }

  add(passages: Passage[], meta: DocumentMeta): void {
    this.mini.addAll(passages.map((p) => indexed(p, meta)));
    const aliases: Group[] = [];
    for (const p of passages) {
      this.count(p, meta, 1);
      const found = aliasesIn(p.text, this.indexing);
      for (const [long, short] of found) aliases.push({ phrases: [long, short], via: 'alias' });
      if (found.length)
        this.learned.defines.set(p.id, [...new Set(found.flatMap(([, short]) => this.analyzer.terms(short)))]);
    }
    if (aliases.length) this.learn(Bridges.between(aliases, this.analyzer));
    this.current = undefined;
  }

  discard(passages: Passage[], meta: DocumentMeta): void {
    for (const p of passages) {
      if (!this.mini.has(p.id)) continue;
      this.mini.discard(p.id);
      this.count(p, meta, -1);
      this.learned.defines.delete(p.id);
    }
    this.current = undefined;
  }

  /** How many passages contain `term` (an analysed term) in their text, for weighing query terms. */
  documentFrequency(term: string): number {
    return this.learned.counts.text.get(term) ?? 0;
  }

  /**
   * Whether every passage holding `a` holds `b` and no other holds `b`: two words the corpus never writes apart, as the
   * two words of one name ("Buenos Aires"), which a passage holding them shares as one thing, not two.
   */
  inseparable(a: string, b: string): boolean {
    // The counts first: two words in a large corpus seldom share a count, and reading a word's holders costs a pass
    // over every passage holding it, which a question asks of each pair of words it types together.
    const count = this.learned.counts.any.get(a);
    if (!count || count !== this.learned.counts.any.get(b)) return false;
    // Equal counts: every passage holding `a` also holding `b` makes them the same passages.
    return [...this.scorer.holderIds(a)].every(this.scorer.holders(b));
  }

  /**
   * Whether some passage holds one of `terms` and one of `others` (analysed terms), in any field: the holders of the
   * first are read (a name's few passages), and each asked whether it holds one of the others.
   */
  together(terms: readonly string[], others: readonly string[]): boolean {
    const holding = others.map((t) => this.scorer.holders(t));
    return terms.some((term) => [...this.scorer.holderIds(term)].some((id) => holding.some((holds) => holds(id))));
  }

  /** The passages (their ids, `<source>#<paragraph>`) holding `term` (an analysed term), in any field. */
  holding(term: string): string[] {
    return [...this.scorer.holderIds(term)].map((id) => this.scorer.id(id));
  }

  /**
   * Whether the passage `id` defines `term` (an analysed term) as a short form, as the index learns an alias
   * (`aliasesIn`: "the total allowable catch (TAC)", "Abbreviations: RLA = risk-limiting audit").
   */
  defines(id: string, term: string): boolean {
    return this.learned.defines.get(id)?.includes(term) ?? false;
  }

  /** Whether any indexed passage holds `term` (an analysed term), in any field. */
  knows(term: string): boolean {
    return this.learned.counts.any.has(term);
  }

  /** The terms a passage is indexed under, in its text and in any field. */
  termsOf(passage: Passage, meta: DocumentMeta): { text: Set<string>; any: Set<string> } {
    const doc = indexed(passage, meta);
    const text = new Set<string>();
    const any = new Set<string>();
    for (const field of ['text', 'title', 'heading'] as const) {
      for (const token of this.analyzer.tokenize(doc[field])) {
        for (const term of this.analyzer.processTerm(token) ?? []) {
          any.add(term);
          if (field === 'text') text.add(term);
        }
      }
    }
    return { text, any };
  }

  private learn(bridges: Bridge[]): void {
    for (const bridge of bridges) {
      const key = bridgeKey(bridge);
      this.learnedKeys ??= new Set([...(this.learned.saved?.all() ?? []), ...this.learned.bridges].map(bridgeKey));
      if (this.learnedKeys.has(key)) continue;
      this.learnedKeys.add(key);
      this.learned.bridges.push(bridge);
    }
    this.current = undefined;
  }

  private count(passage: Passage, meta: DocumentMeta, delta: 1 | -1): void {
    const { text, any } = this.termsOf(passage, meta);
    bump(this.learned.counts.text, text, delta);
    bump(this.learned.counts.any, any, delta);
    // Folded, as the analyser keeps an acronym spelling a stop word in capitals ("WHO"). The passage's lead-in,
    // heading and document title are words its readers see as much as its text, and the index searches them: a
    // word written only there ("Visiting times" over a list of hours) is a typo's word and a dictionary's as well.
    const doc = indexed(passage, meta);
    const written = new Set(
      [doc.text, doc.heading, doc.title]
        .flatMap((field) => this.analyzer.tokenize(field))
        .filter((w) => WORD_AS_WRITTEN.test(w))
        .map((w) => w.toLowerCase()),
    );
    bump(this.learned.words, written, delta);
  }

  /**
   * Passages matching a text, or an analysed question: its words and, weighing less, their
   * alternatives (see `analyseQuery`).
   */
  search(query: string | WeightedQuery, options: SearchOptions = {}): Omit<SearchHit, 'passage'>[] {
    if (typeof query !== 'string') return this.searchWords(query, options);
    const { limit = DEFAULT_LIMIT, fuzzy = true, budget = this.ranking.postingsBudget } = options;
    const { searched, skipped } = this.plan(this.analyzer.terms(query), budget);
    const results = this.scorer.search(searched.join(' '), {
      ...this.exactTerms,
      combineWith: 'OR',
      // A word the corpus has is taken as written: typo tolerance is for words it lacks, and
      // expanding every long word to its neighbours made a large corpus's searches several times slower.
      fuzzy: fuzzy ? (term) => (this.knows(term) ? false : this.fuzziness(term)) : false,
    });
    const holders = skipped.map((term) => this.scorer.holders(term));
    return results.slice(0, limit).map((r) => {
      const terms = skipped.length ? [...r.queryTerms, ...skipped.filter((_, i) => holders[i]!(r.id))] : r.queryTerms;
      // MiniSearch multiplies by the number of terms matched; `coordination` sets how much of that to keep.
      const score = r.score * r.queryTerms.length ** (this.ranking.coordination - 1);
      return { id: this.scorer.id(r.id), score, terms, matched: r.terms };
    });
  }

  /** Search options that take each term as it is given: already analysed, one BM25 score a term. */
  private get exactTerms() {
    return {
      bm25: this.ranking.bm25,
      boost: this.ranking.boost,
      tokenize: (text: string) => text.split(' '),
      processTerm: (term: string) => term,
    };
  }

  /**
   * An analysed question: each word scores a passage by the best of its ways of being said there, its own
   * term's BM25 or an alternative's (times the alternative's weight; a phrase scoring the mean of its
   * terms'), and a passage's score is the sum over the words. Summing every term, as one OR search does,
   * let a word with many synonyms, or an acronym spelled out in four words, outweigh a rare word the
   * asker typed: on SciFact, a claim's noun with twenty WordNet relatives buried the abstract that named
   * its protein.
   */
  private searchWords(
    query: WeightedQuery,
    { limit = DEFAULT_LIMIT, budget = this.ranking.postingsBudget }: SearchOptions,
  ): Omit<SearchHit, 'passage'>[] {
    const wanted = new Set(
      query.words.flatMap((w) => [w.term, ...w.alternatives.filter((a) => !a.gated).flatMap((a) => a.terms)]),
    );
    // A rare sense's terms come after every other: a long question's many rare senses must not crowd its own words
    // out of the budget.
    const gated = query.words.flatMap((w) => w.alternatives.filter((a) => a.gated).flatMap((a) => a.terms));
    const { searched, skipped } = this.plan(
      [...wanted],
      budget,
      [...new Set(gated)].filter((t) => !wanted.has(t)),
    );
    // Passages by MiniSearch's short ids, their scores in typed arrays reused from question to question, until the
    // best are chosen: a Map and a row for each of thousands of passages, and decoding each one's id, made most of a
    // question's garbage and a tenth of its time.
    const byTerm = new Map<string, TermScores>();
    for (const term of searched) byTerm.set(term, this.scorer.scores(term, this.ranking));
    const words = query.words.length;
    // Row r of `grid` holds the best score of each word for passage `ids[r]`, then each word's best through a gated
    // alternative (a rare sense), which counts only in a passage that holds another word of the question.
    const n = 2 * words;
    const rows = this.rows;
    rows.clear();
    rows.reserve(this.scorer.ids);
    const ids: number[] = [];
    const raise = (id: number, word: number, score: number) => {
      let row = rows.get(id);
      if (row < 0) {
        row = ids.length;
        rows.set(id, row);
        ids.push(id);
        if (this.grid.length < ids.length * n)
          this.grid = grown(this.grid.subarray(0, row * n), Math.max(2 * this.grid.length, 1024 * n));
        this.grid.fill(0, row * n, (row + 1) * n);
      }
      if (score > this.grid[row * n + word]!) this.grid[row * n + word] = score;
    };
    const sums = this.sums;
    sums.reserve(this.scorer.ids);
    query.words.forEach((word, i) => {
      const own = byTerm.get(word.term);
      if (own) for (let j = 0; j < own.ids.length; j++) raise(own.ids[j]!, i, own.scores[j]!);
      for (const alt of word.alternatives) {
        sums.clear();
        let reached = 0;
        for (const term of alt.terms) {
          const hits = byTerm.get(term);
          if (!hits) continue;
          this.reserve(reached + hits.ids.length);
          const { reached: passages, totals } = this;
          for (let j = 0; j < hits.ids.length; j++) {
            const id = hits.ids[j]!;
            const at = sums.get(id);
            if (at < 0) {
              sums.set(id, reached);
              passages[reached] = id;
              totals[reached++] = hits.scores[j]!;
            } else totals[at]! += hits.scores[j]!;
          }
        }
        const column = alt.gated ? words + i : i;
        for (let j = 0; j < reached; j++)
          raise(this.reached[j]!, column, (alt.weight * this.totals[j]!) / alt.terms.length);
      }
    });
    const scores = ids.map((_, row) => {
      let sum = 0;
      let held = 0;
      for (let w = row * n; w < row * n + words; w++) {
        sum += this.grid[w]!;
        if (this.grid[w]! > 0) held++;
      }
      let gated = 0;
      if (held > 0)
        for (let w = row * n; w < row * n + words; w++) {
          const extra = this.grid[w + words]! - this.grid[w]!;
          // The context must be another word: a rare sense of the only word held says nothing of which sense it is.
          if (extra > 0 && (held > 1 || this.grid[w]! === 0)) {
            sum += extra;
            if (this.grid[w] === 0) gated++;
          }
        }
      // `coordination` rewards matching more of the question's words; 0 leaves that to coverage.
      return sum * (held + gated) ** this.ranking.coordination;
    });
    // Stable: passages of equal score stay in the order they were first met. A passage reached only by rare senses
    // scores nothing, and is no candidate.
    const ranked = best(scores, limit);
    // The terms each hit holds, in the order searched: one pass over each term's hits, where asking every term of each
    // hit read the term's postings field by field, sixty hits by thirty terms a question.
    const hit = sums;
    hit.clear();
    ranked.forEach((row, i) => hit.set(ids[row]!, i));
    const matched: string[][] = ranked.map(() => []);
    for (const term of searched) {
      const hits = byTerm.get(term)!;
      for (let j = 0; j < hits.ids.length; j++) {
        const i = hit.get(hits.ids[j]!);
        if (i >= 0) matched[i]!.push(term);
      }
    }
    const holders = skipped.map((term) => this.scorer.holders(term));
    return ranked.map((row, i) => {
      const id = ids[row]!;
      const terms = skipped.length ? [...matched[i]!, ...skipped.filter((_, k) => holders[k]!(id))] : matched[i]!;
      return { id: this.scorer.id(id), score: scores[row]!, terms, matched: matched[i]! };
    });
  }

  /**
   * Room in `reached` and `totals` for `size` passages, what they hold kept: arrays kept from question to question,
   * where two new lists for each alternative of each word were a tenth of a search's garbage.
   */
  private reserve(size: number): void {
    if (size <= this.reached.length) return;
    const length = Math.max(size, 2 * this.reached.length, 1024);
    this.reached = grown(this.reached, length);
    this.totals = grown(this.totals, length);
  }

  /** Typos are forgiven in long enough words only (`fuzzyMinLength`): short words are too easily something else. */
  private readonly fuzziness = (term: string): number | false => {
    if (/\d/.test(term)) return false;
    return term.length >= this.ranking.fuzzyMinLength ? this.ranking.fuzzy : false;
  };

  /**
   * Which terms to look up. Scoring a term costs a step for every passage that holds it, so once
   * the terms' postings pass the budget the commonest are left out: they weigh least in BM25, and
   * the caller still learns (through `contains`) which hits have them.
   */
  private plan(terms: string[], budget: number, after: string[] = []): { searched: string[]; skipped: string[] } {
    const rarest = (list: string[]) =>
      list.map((term) => ({ term, df: this.learned.counts.any.get(term) ?? 0 })).sort((a, b) => a.df - b.df);
    const byRarity = [...rarest(terms), ...rarest(after)];
    const searched: string[] = [];
    const skipped: string[] = [];
    let postings = 0;
    for (const { term, df } of byRarity) {
      if (searched.length > 0 && postings + df > budget) skipped.push(term);
      else searched.push(term);
      postings += df;
    }
    return { searched, skipped };
  }
}

const bridgeKey = (b: Bridge) => `${b.from.join(' ')}>${b.to.join(' ')}>${b.via}`;

function bump(counts: Map<string, number>, terms: Set<string>, delta: 1 | -1): void {
  for (const term of terms) {
    const n = (counts.get(term) ?? 0) + delta;
    if (n > 0) counts.set(term, n);
    else counts.delete(term);
  }
}

function indexed(p: Passage, meta: DocumentMeta): IndexedPassage {
  return {
    id: p.id,
    text: p.context ? `${p.context}\n${p.text}` : p.text,
    title: meta.title,
    heading: p.heading ?? '',
  };
}

/** Whether `pairs` holds `first` and `second` (folded, a space between), the second in any dictionary form. */
const holdsPair = (pairs: Strings, first: string, second: string) =>
  [second, ...baseForms(second)].some((form) => pairs.indexOf(`${first} ${form}`) >= 0);

/** A word of letters only, however short: "U.S." of "U.S. Congress" is read as "us". */
const LETTERS = /^\p{L}+$/u;
/**
 * Where running text breaks between two words that make no phrase: a comma, a colon or a bracket; not a full stop,
 * which also ends an abbreviation ("U.S. Congress").
 */
const PHRASE_BREAK = /[,;:!?()[\]{}"\u201c\u201d]+/u;

/**
 * Those of `pairs` (folded, a space between: "supreme court") that the corpus writes side by side: a name of two words
 * the dictionary lists and the corpus never writes is one thing it lacks (`unwrittenName`).
 */
function sideBySide(corpus: Corpus, analyzer: Analyzer, pairs: ReadonlySet<string>): Set<string> {
  const written = new Set<string>();
  for (const doc of corpus.documents)
    for (const p of doc.passages) {
      const fields = indexed(p, doc.meta);
      for (const field of [fields.text, fields.heading, fields.title])
        for (const piece of field.split(PHRASE_BREAK)) {
          const words = analyzer.words(piece);
          for (let i = 1; i < words.length; i++) {
            const [a, b] = [words[i - 1]!, words[i]!];
            if (!a.term || !b.term || !LETTERS.test(a.word) || !LETTERS.test(b.word)) continue;
            // The second word as written or in a dictionary's form: "Supreme Courts" writes "supreme court".
            const [first, second] = [a.word.toLowerCase(), b.word.toLowerCase()];
            for (const form of [second, ...baseForms(second)])
              if (pairs.has(`${first} ${form}`)) written.add(`${first} ${form}`);
          }
        }
    }
  return written;
}

/**
 * Those of `pairs` (folded, a space between: "drug war") whose two words, in any form, one sentence of the corpus says,
 * or one heading or title: "the war on drugs" says "drug war" in its own words. A common noun of two words no sentence
 * says is one thing the corpus lacks (`unwrittenThing`).
 */
function sayTogether(corpus: Corpus, analyzer: Analyzer, pairs: ReadonlySet<string>): Set<string> {
  const byFirst = new Map<string, string[]>();
  for (const pair of pairs) {
    const first = pair.slice(0, pair.indexOf(' '));
    for (const form of [first, ...baseForms(first)]) byFirst.set(form, [...(byFirst.get(form) ?? []), pair]);
  }
  const said = new Set<string>();
  const read = (text: string) => {
    const forms = new Set<string>();
    for (const { word } of analyzer.words(text)) {
      const folded = word.toLowerCase();
      forms.add(folded);
      for (const form of baseForms(folded)) forms.add(form);
    }
    for (const form of forms)
      for (const pair of byFirst.get(form) ?? []) {
        const second = pair.slice(pair.indexOf(' ') + 1);
        if ([second, ...baseForms(second)].some((f) => forms.has(f))) said.add(pair);
      }
  };
  for (const doc of corpus.documents) {
    read(doc.meta.title);
    for (const p of doc.passages) {
      if (p.heading) read(p.heading);
      if (p.context) read(p.context);
      for (const sentence of p.sentences) read(sentence.text);
    }
  }
  return said;
}

function corpusKey(corpus: Corpus): string {
  const hash = createHash('sha256');
  // Code-unit order, not `localeCompare`: the same key everywhere, and sorting a large corpus's sources by locale
  // took a tenth of a start.
  for (const doc of [...corpus.documents].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0)))
    hash.update(`${doc.source}\0${doc.hash}\0`);
  return hash.digest('hex');
}
