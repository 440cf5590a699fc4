import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import type { Corpus, DocumentMeta, Passage } from '../corpus/types.js';
import { silentLogger, type Logger } from '../log.js';
import { Analyzer } from './analyzer.js';
import { DEFAULT_RANKING, type RankingOptions } from './ranking.js';

type SearchRanking = RankingOptions['search'];

/** Bumped whenever the analyser, the built-in synonyms or the indexed fields change, so old saved indexes are rebuilt. */
export const INDEX_VERSION = 6;

interface IndexedPassage {
  id: string;
  text: string;
  title: string;
  heading: string;
}

export interface SearchOptions {
  /** How many hits at most (default 20). */
  limit?: number;
  /** Forgive typos in longer words (default true). */
  fuzzy?: boolean;
  /**
   * Which of `terms` the passage `id` contains. Called for the hits only, when the search left its
   * most common terms out (see `POSTINGS_BUDGET`), so each hit's `terms` still lists them.
   */
  contains?: (id: string, terms: string[]) => string[];
  /** Postings one search may score before it leaves its commonest terms out (default: the ranking's `postingsBudget`). */
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
 * MiniSearch over passages with Dossier's analyser. Saved under the cache folder, keyed by the
 * corpus content hash and `INDEX_VERSION`, and reused while neither changes.
 */
export class PassageIndex {
  readonly analyzer: Analyzer;

  private constructor(
    private readonly mini: MiniSearch<IndexedPassage>,
    analyzer: Analyzer,
    /**
     * How many passages hold each term, in their text and in any field. MiniSearch keeps no such
     * table, and asking it with a search per query word cost most of a question's time on a large corpus.
     */
    private readonly counts: TermCounts = { text: new Map(), any: new Map() },
    /** Whether this index was loaded from the saved copy rather than built. */
    readonly fromCache = false,
    private readonly ranking: SearchRanking = DEFAULT_RANKING.search,
  ) {
    this.analyzer = analyzer;
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

  static fromCorpus(
    corpus: Corpus,
    analyzer = new Analyzer(),
    ranking: SearchRanking = DEFAULT_RANKING.search,
  ): PassageIndex {
    const index = new PassageIndex(
      new MiniSearch(PassageIndex.options(analyzer, ranking)),
      analyzer,
      undefined,
      false,
      ranking,
    );
    for (const doc of corpus.documents) index.add(doc.passages, doc.meta);
    return index;
  }

  /** Loads the saved index when it matches the corpus, or builds and saves a new one. */
  static async build(
    corpus: Corpus,
    {
      cacheDir,
      log = silentLogger(),
      analyzer = new Analyzer(),
      salt = '',
      ranking = DEFAULT_RANKING.search,
    }: {
      cacheDir?: string;
      log?: Logger;
      analyzer?: Analyzer;
      /** Anything else the index depends on (the synonym file). */ salt?: string;
      /** Search-time numbers only: the saved index does not depend on them. */
      ranking?: SearchRanking;
    } = {},
  ): Promise<PassageIndex> {
    if (!cacheDir) return PassageIndex.fromCorpus(corpus, analyzer, ranking);
    const key = `${corpusKey(corpus)}:${salt}`;
    // One file per corpus folder, so switching corpora does not evict the other's index.
    const file = join(
      cacheDir,
      `index-v${INDEX_VERSION}-${createHash('sha256').update(corpus.dir).digest('hex').slice(0, 12)}.json`,
    );
    try {
      const saved = JSON.parse(await readFile(file, 'utf8')) as {
        key?: string;
        index?: unknown;
        counts?: { text: [string, number][]; any: [string, number][] };
      };
      if (saved.key === key && saved.index && saved.counts) {
        const mini = MiniSearch.loadJS<IndexedPassage>(saved.index as never, PassageIndex.options(analyzer, ranking));
        log.debug({ file }, 'index loaded from cache');
        return new PassageIndex(
          mini,
          analyzer,
          { text: new Map(saved.counts.text), any: new Map(saved.counts.any) },
          true,
          ranking,
        );
      }
    } catch {
      // No cache yet, or an unreadable one: rebuild below.
    }
    const index = PassageIndex.fromCorpus(corpus, analyzer, ranking);
    try {
      await mkdir(cacheDir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      const counts = { text: [...index.counts.text], any: [...index.counts.any] };
      await writeFile(tmp, JSON.stringify({ key, index: index.mini.toJSON(), counts }));
      await rename(tmp, file);
      log.debug({ file }, 'index saved');
    } catch (error) {
      log.warn({ file, err: String(error) }, 'could not save the index cache; it will be rebuilt next start');
    }
    return index;
  }

  get size(): number {
    return this.mini.documentCount;
  }

  add(passages: Passage[], meta: DocumentMeta): void {
    this.mini.addAll(passages.map((p) => indexed(p, meta)));
    for (const p of passages) this.count(p, meta, 1);
  }

  discard(passages: Passage[], meta: DocumentMeta): void {
    for (const p of passages) {
      if (!this.mini.has(p.id)) continue;
      this.mini.discard(p.id);
      this.count(p, meta, -1);
    }
  }

  /** How many passages contain `term` (an analysed term) in their text, for weighing query terms. */
  documentFrequency(term: string): number {
    return this.counts.text.get(term) ?? 0;
  }

  /** Whether any indexed word is `term` or, for a long enough word, within a typo of it. */
  knows(term: string): boolean {
    if (this.counts.any.has(term)) return true;
    if (!this.fuzziness(term)) return false;
    return (
      this.mini.search(term, {
        fields: ['text', 'title', 'heading'],
        fuzzy: this.fuzziness,
        tokenize: (t) => [t],
        processTerm: (t) => t,
      }).length > 0
    );
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

  private count(passage: Passage, meta: DocumentMeta, delta: 1 | -1): void {
    const { text, any } = this.termsOf(passage, meta);
    bump(this.counts.text, text, delta);
    bump(this.counts.any, any, delta);
  }

  search(
    query: string,
    { limit = 20, fuzzy = true, contains, budget = this.ranking.postingsBudget }: SearchOptions = {},
  ): Omit<SearchHit, 'passage'>[] {
    const { searched, skipped } = this.plan(this.analyzer.terms(query), budget);
    const results: SearchResult[] = this.mini.search(searched.join(' '), {
      combineWith: 'OR',
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term,
      // A word the corpus has is taken as written: typo tolerance is for words it lacks, and
      // expanding every long word to its neighbours made a large corpus's searches several times slower.
      fuzzy: fuzzy ? (term) => (this.counts.any.has(term) ? false : this.fuzziness(term)) : false,
    });
    return results.slice(0, limit).map((r) => {
      const id = String(r.id);
      const terms = skipped.length && contains ? [...r.queryTerms, ...contains(id, skipped)] : r.queryTerms;
      return { id, score: r.score, terms, matched: r.terms };
    });
  }

  /** Typos are forgiven in long enough words only (`fuzzyMinLength`): short words are too easily something else. */
  private readonly fuzziness = (term: string): number | false => {
    if (Analyzer.isSynonym(term) || /\d/.test(term)) return false;
    return term.length >= this.ranking.fuzzyMinLength ? this.ranking.fuzzy : false;
  };

  /**
   * Which terms to look up. Scoring a term costs a step for every passage that holds it, so once
   * the terms' postings pass the budget the commonest are left out: they weigh least in BM25, and
   * the caller still learns (through `contains`) which hits have them.
   */
  private plan(terms: string[], budget: number): { searched: string[]; skipped: string[] } {
    const byRarity = terms.map((term) => ({ term, df: this.counts.any.get(term) ?? 0 })).sort((a, b) => a.df - b.df);
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

interface TermCounts {
  text: Map<string, number>;
  any: Map<string, number>;
}

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

function corpusKey(corpus: Corpus): string {
  const hash = createHash('sha256');
  for (const doc of [...corpus.documents].sort((a, b) => a.source.localeCompare(b.source)))
    hash.update(`${doc.source}\0${doc.hash}\0`);
  return hash.digest('hex');
}
