import { resolve } from 'node:path';
import type { Citation } from '../answer/reply.js';
import { SavedCorpus } from './saved-corpus.js';
import { loadCorpus, type LoadOptions } from '../corpus/load.js';
import type { Corpus, Passage, SourceDocument } from '../corpus/types.js';
import { PassageIndex, type SearchHit, type SearchOptions } from '../search/index.js';
import { silentLogger, type Logger } from '../log.js';
import { Analyzer } from '../search/analyzer.js';
import { loadSynonyms, SYNONYM_GROUPS } from '../search/synonyms.js';
import { rankingOptions, type RankingOptions, type RankingOverrides } from '../search/ranking.js';

export type { SearchHit, SearchOptions };

export interface DossierOptions {
  /** The corpus folder. */
  corpusDir: string;
  /** Where the saved index lives; no caching when unset. */
  cacheDir?: string;
  log?: Logger;
  /** Passed to the loader (size limits and the like). */
  load?: Omit<LoadOptions, 'log'>;
  /** Tuned numbers of search, ask and cite to change (see `DEFAULT_RANKING`). */
  ranking?: RankingOverrides;
}

/**
 * The engine: one corpus and its index. Commands ask it for passages; `src/answer` turns what it
 * finds into replies. It knows nothing of any platform.
 */
export class Dossier {
  private readonly documentsBySource = new Map<string, SourceDocument>();
  private readonly passagesById = new Map<string, Passage>();

  private constructor(
    readonly corpus: Corpus,
    readonly index: PassageIndex,
    readonly log: Logger,
    /** The tuned numbers every answer reads. */
    readonly ranking: RankingOptions,
  ) {
    for (const doc of corpus.documents) this.remember(doc);
  }

  static async open(options: DossierOptions): Promise<Dossier> {
    const log = options.log ?? silentLogger();
    const saved = options.cacheDir
      ? await SavedCorpus.open(options.cacheDir, resolve(options.corpusDir), log)
      : undefined;
    const corpus = await loadCorpus(options.corpusDir, { ...options.load, log, reuse: saved?.reuse });
    await saved?.save(corpus);
    const synonyms = await loadSynonyms(corpus.dir, log);
    const analyzer = new Analyzer([...SYNONYM_GROUPS, ...synonyms.groups]);
    const ranking = rankingOptions(options.ranking);
    const index = await PassageIndex.build(corpus, {
      cacheDir: options.cacheDir,
      log,
      analyzer,
      salt: synonyms.hash,
      ranking: ranking.search,
    });
    return new Dossier(corpus, index, log, ranking);
  }

  /** Builds an engine over documents already in memory (tests, benchmarks). */
  static fromCorpus(corpus: Corpus, log: Logger = silentLogger(), overrides?: RankingOverrides): Dossier {
    const ranking = rankingOptions(overrides);
    return new Dossier(corpus, PassageIndex.fromCorpus(corpus, undefined, ranking.search), log, ranking);
  }

  get documents(): SourceDocument[] {
    return [...this.documentsBySource.values()];
  }

  get passages(): Passage[] {
    return this.documents.flatMap((d) => d.passages);
  }

  document(source: string): SourceDocument | undefined {
    return this.documentsBySource.get(source);
  }

  passage(id: string): Passage | undefined {
    return this.passagesById.get(id);
  }

  citation(passage: Passage): Citation {
    const meta = this.documentsBySource.get(passage.source)?.meta;
    return {
      source: passage.source,
      title: meta?.title ?? passage.source,
      author: meta?.author,
      publisher: meta?.publisher,
      date: meta?.date,
      paragraph: passage.paragraph,
      heading: passage.heading,
      url: meta?.url,
    };
  }

  /** Passages that match `query`, best first, each with the query terms it matched. */
  search(query: string, options?: SearchOptions): SearchHit[] {
    return this.index.search(query, { contains: (id, terms) => this.termsIn(id, terms), ...options }).flatMap((hit) => {
      const passage = this.passagesById.get(hit.id);
      return passage ? [{ ...hit, passage }] : [];
    });
  }

  /** Which of `terms` the passage holds, in any field the index searches. */
  private termsIn(id: string, terms: string[]): string[] {
    const passage = this.passagesById.get(id);
    const meta = passage && this.documentsBySource.get(passage.source)?.meta;
    if (!passage || !meta) return [];
    const { any } = this.index.termsOf(passage, meta);
    return terms.filter((t) => any.has(t));
  }

  /** Adds or replaces one document (the corpus watcher calls this), re-indexing only its passages. */
  upsert(doc: SourceDocument): void {
    this.remove(doc.source);
    this.remember(doc);
    this.index.add(doc.passages, doc.meta);
  }

  remove(source: string): void {
    const old = this.documentsBySource.get(source);
    if (!old) return;
    this.index.discard(old.passages, old.meta);
    for (const p of old.passages) this.passagesById.delete(p.id);
    this.documentsBySource.delete(source);
  }

  private remember(doc: SourceDocument): void {
    this.documentsBySource.set(doc.source, doc);
    for (const p of doc.passages) this.passagesById.set(p.id, p);
  }
}
