import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import type { Corpus, DocumentMeta, Passage } from '../corpus/types.js';
import { silentLogger, type Logger } from '../log.js';
import { Analyzer } from './analyzer.js';

/** Bumped whenever the analyser or the indexed fields change, so old saved indexes are rebuilt. */
export const INDEX_VERSION = 3;

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
  /** Keep only hits whose passage id passes. */
  filter?: (id: string) => boolean;
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

/** Passage title and heading weigh more than body text, but not so much that a title drowns the body. */
const BOOST = { text: 1, heading: 1.5, title: 1.2 };

/**
 * MiniSearch over passages with Dossier's analyser. Saved under the cache folder, keyed by the
 * corpus content hash and `INDEX_VERSION`, and reused while neither changes.
 */
export class PassageIndex {
  readonly analyzer: Analyzer;

  private constructor(
    private readonly mini: MiniSearch<IndexedPassage>,
    analyzer: Analyzer,
    /** Whether this index was loaded from the saved copy rather than built. */
    readonly fromCache = false,
  ) {
    this.analyzer = analyzer;
  }

  static options(analyzer: Analyzer): Options<IndexedPassage> {
    return {
      fields: ['text', 'title', 'heading'],
      storeFields: [],
      tokenize: analyzer.tokenize,
      processTerm: analyzer.processTerm,
      searchOptions: { boost: BOOST },
    };
  }

  static fromCorpus(corpus: Corpus, analyzer = new Analyzer()): PassageIndex {
    const index = new PassageIndex(new MiniSearch(PassageIndex.options(analyzer)), analyzer);
    for (const doc of corpus.documents) index.add(doc.passages, doc.meta);
    return index;
  }

  /** Loads the saved index when it matches the corpus, or builds and saves a new one. */
  static async build(
    corpus: Corpus,
    { cacheDir, log = silentLogger(), analyzer = new Analyzer(), salt = '' }: { cacheDir?: string; log?: Logger; analyzer?: Analyzer; /** Anything else the index depends on (the synonym file). */ salt?: string } = {},
  ): Promise<PassageIndex> {
    if (!cacheDir) return PassageIndex.fromCorpus(corpus, analyzer);
    const key = `${corpusKey(corpus)}:${salt}`;
    // One file per corpus folder, so switching corpora does not evict the other's index.
    const file = join(cacheDir, `index-v${INDEX_VERSION}-${createHash('sha256').update(corpus.dir).digest('hex').slice(0, 12)}.json`);
    try {
      const saved = JSON.parse(await readFile(file, 'utf8')) as { key?: string; index?: unknown };
      if (saved.key === key && saved.index) {
        const mini = MiniSearch.loadJS<IndexedPassage>(saved.index as never, PassageIndex.options(analyzer));
        log.debug({ file }, 'index loaded from cache');
        return new PassageIndex(mini, analyzer, true);
      }
    } catch {
      // No cache yet, or an unreadable one: rebuild below.
    }
    const index = PassageIndex.fromCorpus(corpus, analyzer);
    try {
      await mkdir(cacheDir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, JSON.stringify({ key, index: index.mini.toJSON() }));
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
    this.mini.addAll(passages.map((p) => ({ id: p.id, text: p.context ? `${p.context}\n${p.text}` : p.text, title: meta.title, heading: p.heading ?? '' })));
  }

  discard(ids: string[]): void {
    for (const id of ids) if (this.mini.has(id)) this.mini.discard(id);
  }

  /** How many passages contain `term` (an analysed term), for weighing query terms. */
  documentFrequency(term: string): number {
    // MiniSearch exposes no df lookup; an exact, unboosted search for the one term counts it.
    return this.mini.search(term, { fields: ['text'], fuzzy: false, prefix: false, tokenize: (t) => [t], processTerm: (t) => t }).length;
  }

  /** Whether any indexed word is `term` or, for a long enough word, within a typo of it. */
  knows(term: string): boolean {
    return this.mini.search(term, { fields: ['text', 'title', 'heading'], fuzzy: fuzziness, tokenize: (t) => [t], processTerm: (t) => t }).length > 0;
  }

  search(query: string, { limit = 20, fuzzy = true, filter }: SearchOptions = {}): Omit<SearchHit, 'passage'>[] {
    const results: SearchResult[] = this.mini.search(query, {
      combineWith: 'OR',
      fuzzy: fuzzy ? fuzziness : false,
      filter: filter ? (r) => filter(String(r.id)) : undefined,
    });
    return results.slice(0, limit).map((r) => ({ id: String(r.id), score: r.score, terms: r.queryTerms, matched: r.terms }));
  }
}

/** Typos are forgiven in words of six letters or more only: short words are too easily something else. */
function fuzziness(term: string): number | false {
  if (Analyzer.isSynonym(term) || /\d/.test(term)) return false;
  return term.length >= 6 ? 0.2 : false;
}

function corpusKey(corpus: Corpus): string {
  const hash = createHash('sha256');
  for (const doc of [...corpus.documents].sort((a, b) => a.source.localeCompare(b.source))) hash.update(`${doc.source}\0${doc.hash}\0`);
  return hash.digest('hex');
}
