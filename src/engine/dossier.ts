import { resolve } from 'node:path';
import { FigureCache } from '../answer/figures/passage.js';
import type { Library } from '../answer/library.js';
import type { Citation } from '../answer/reply.js';
import { SavedCorpus } from './saved-corpus.js';
import { corpusFolder, loadCorpus, type LoadOptions } from '../corpus/load.js';
import { DossierError } from '../errors.js';
import { cacheFolder } from '../saved-file.js';
import type { Corpus, Passage, SourceDocument } from '../corpus/types.js';
import { PassageIndex, type SearchHit, type SearchOptions, type WeightedQuery } from '../search/index.js';
import { silentLogger, type Logger } from '../log.js';
import { Analyzer } from '../search/analyzer.js';
import { lexiconPath, loadLexicon, type Lexicon } from '../search/lexicon.js';
import { rankingOptions, type RankingOptions, type RankingOverrides } from '../search/ranking.js';
import { CorpusWatcher, type RescanResult, type WatchOptions } from './watch.js';

export type { RescanResult, SearchHit, SearchOptions, WatchOptions };

/** What became of a document: the engine added it, replaced it with a new version, or dropped it. */
export type CorpusChange = 'added' | 'changed' | 'removed';
export type CorpusListener = (change: CorpusChange, source: string) => void;

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
  /**
   * The lexicon: a file of the corpus's synonyms and acronyms, or `none` (see `lexiconPath`);
   * default the corpus's own `synonyms.yaml`, if it has one.
   */
  lexicon?: string;
  /**
   * WordNet's dictionary folder, whose synonyms of the corpus's
   * words are learned when the index is built; none when unset.
   */
  wordnet?: string;
  /**
   * Called once, before the engine parses or indexes a corpus it has nothing saved of (a first start, a fresh cache,
   * a saved index of another version or lexicon), which takes a large corpus a while with nothing else to show: a
   * surface says so. Not called when it answers from what it saved, nor for a folder with no documents, which is warned
   * of instead (`corpus-empty`). `saving`: whether what it indexes is saved for later starts (a cache folder in use).
   */
  onIndexing?: (saving: boolean) => void;
}

/**
 * The engine: one corpus and everything kept of it, the index, each passage's figures, the saved
 * corpus that makes start-up fast, and the watcher that keeps them in step with the folder. Commands
 * ask it for passages; `src/answer` turns what it finds into replies. It knows nothing of any
 * platform, nor of the digest, which follows its changes through `onChange`.
 */
export class Dossier implements Library {
  /** Documents only: a saved document's passages are read when first asked for (see `SavedCorpus`). */
  private readonly documentsBySource = new Map<string, SourceDocument>();
  private readonly listeners = new Set<CorpusListener>();
  private watcher?: CorpusWatcher;
  /**
   * Whether this open indexed the corpus anew (a first start, a changed file or setting), rather than finding
   * the index it saved before.
   */
  built = false;

  private constructor(
    readonly corpus: Corpus,
    readonly index: PassageIndex,
    readonly log: Logger,
    /** The tuned numbers every answer reads. */
    readonly ranking: RankingOptions,
    readonly figures: FigureCache,
    /** The loader's options, for the documents the watcher loads later. */
    private readonly load: Omit<LoadOptions, 'log'> = {},
    /** The lexicon file in use, the hash of what was read from it, and the warning last logged about it. */
    private readonly lexicon: { file?: string; named: boolean; hash: string; warned?: string } = {
      named: false,
      hash: '',
    },
  ) {
    for (const doc of corpus.documents) this.remember(doc);
  }

  static async open(options: DossierOptions): Promise<Dossier> {
    const first = await Dossier.read(options);
    if (!first.saved) return first.dossier;
    // What was just parsed and indexed is held whole in memory (800 MB at 1000× the seeds, and collecting it slows
    // answers), while the saved copy is read on demand: so the engine answers from what it saved, as after a restart.
    // Quiet: the first read has said whatever was wrong with a file or a setting once already.
    const dossier = (await Dossier.read({ ...options, onIndexing: undefined }, silentLogger())).dossier;
    dossier.built = true;
    return dossier;
  }

  /**
   * Opens the engine, logging what reading the corpus finds to `reading` (default the engine's log); `saved` when
   * it indexed the corpus and saved both the parsed corpus and the index.
   */
  private static async read(options: DossierOptions, reading?: Logger): Promise<{ dossier: Dossier; saved: boolean }> {
    const dossierLog = options.log ?? silentLogger();
    const log = reading ?? dossierLog;
    // A corpus path that is no folder is refused first, alone: its lexicon, looked for inside it, was warned of too.
    // The lexicon is read next, so that a named lexicon file that is not there is refused before a large corpus is
    // loaded.
    const file = lexiconPath(await corpusFolder(options.corpusDir), options.lexicon);
    const named = options.lexicon !== undefined;
    const lexicon = await loadLexicon(file, named);
    if (lexicon.ignored) log.warn({ file }, lexicon.ignored);
    const figures = new FigureCache();
    const cacheDir = options.cacheDir ? cacheFolder(options.cacheDir, log) : undefined;
    const saved = cacheDir ? await SavedCorpus.open(cacheDir, resolve(options.corpusDir), log, figures) : undefined;
    let indexing = options.onIndexing;
    const startIndexing = () => {
      indexing?.(Boolean(cacheDir));
      indexing = undefined;
    };
    // Nothing saved: every document is parsed, most of a first start's time, before the index is even begun. Said once
    // the folder is seen to hold documents: an empty one is warned of instead, where "Indexing" promised a wait.
    const corpus = await loadCorpus(options.corpusDir, {
      ...options.load,
      log,
      reuse: saved?.reuse,
      ...(saved?.empty ? { onDocuments: startIndexing } : {}),
    });
    const corpusSaved = (await saved?.save(corpus)) ?? false;
    const ranking = rankingOptions(options.ranking);
    const index = await PassageIndex.build(corpus, {
      cacheDir,
      log,
      analyzer: new Analyzer(),
      salt: lexicon.hash,
      ranking: ranking.search,
      indexing: ranking.index,
      wordnet: options.wordnet,
      onBuild: corpus.documents.length ? startIndexing : undefined,
    });
    index.useLexicon(lexicon.groups);
    const dossier = new Dossier(corpus, index, dossierLog, ranking, figures, options.load, {
      file,
      named,
      hash: lexicon.hash,
      warned: lexicon.ignored,
    });
    dossier.built = !index.fromCache;
    return { dossier, saved: dossier.built && corpusSaved && index.saved };
  }

  /** Reads the lexicon file again and uses it if it changed (the corpus watcher calls this). Whether it changed. */
  async reloadLexicon(): Promise<boolean> {
    // A named file gone or broken while the bot runs is not worth stopping it for: it answers without one, and says so.
    const lexicon = await loadLexicon(this.lexicon.file, this.lexicon.named).catch((error: unknown): Lexicon => {
      if (!(error instanceof DossierError)) throw error;
      return { groups: [], hash: '', ignored: `${error.message}: answering without it` };
    });
    // Every rescan reads the file again, the first one just after start: a file still wrong the same way was warned of.
    if (lexicon.ignored && lexicon.ignored !== this.lexicon.warned)
      this.log.warn({ file: this.lexicon.file }, lexicon.ignored);
    this.lexicon.warned = lexicon.ignored;
    if (lexicon.hash === this.lexicon.hash) return false;
    this.index.useLexicon(lexicon.groups);
    this.lexicon.hash = lexicon.hash;
    this.log.info({ file: this.lexicon.file }, 'lexicon reloaded');
    return true;
  }

  /**
   * Makes ahead of the first question what it would otherwise wait for: on a large corpus, sorting its hundred
   * thousand written words for typo correction takes a quarter of a second. The bot calls it once it has opened the
   * corpus, before it listens; a one-off command-line call, most of whose questions have no typo, does not.
   */
  warm(): void {
    this.index.warm();
  }

  /** Builds an engine over documents already in memory (tests, benchmarks). */
  static fromCorpus(corpus: Corpus, log: Logger = silentLogger(), overrides?: RankingOverrides): Dossier {
    const ranking = rankingOptions(overrides);
    const index = PassageIndex.fromCorpus(corpus, undefined, ranking.search, ranking.index);
    return new Dossier(corpus, index, log, ranking, new FigureCache());
  }

  get documents(): SourceDocument[] {
    return [...this.documentsBySource.values()];
  }

  /** The files the first load left out, each with a warning logged then (the watcher reads them again once changed). */
  get skipped(): string[] {
    return this.corpus.warnings.filter((w) => !this.documentsBySource.has(w.source)).map((w) => w.source);
  }

  /** How many passages the index holds, without reading any saved passage (the start-up log, /healthz). */
  get passageCount(): number {
    return this.index.size;
  }

  get passages(): Passage[] {
    return this.documents.flatMap((d) => d.passages);
  }

  document(source: string): SourceDocument | undefined {
    return this.documentsBySource.get(source);
  }

  /** The passage of this id (`<source>#<paragraph>`; paragraphs are numbered from 1 in order). */
  passage(id: string): Passage | undefined {
    const hash = id.lastIndexOf('#');
    const passage = this.documentsBySource.get(id.slice(0, hash))?.passages[Number(id.slice(hash + 1)) - 1];
    return passage?.id === id ? passage : undefined;
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

  /**
   * Passages that match `query` (a text, or an analysed question with
   * its alternatives), best first, each with the query terms it matched.
   */
  search(query: string | WeightedQuery, options?: SearchOptions): SearchHit[] {
    return this.index.search(query, options).flatMap((hit) => {
      const passage = this.passage(hit.id);
      return passage ? [{ ...hit, passage }] : [];
    });
  }

  /** Adds or replaces one document, re-indexing only its passages. */
  upsert(doc: SourceDocument): void {
    const change = this.forget(doc.source) ? 'changed' : 'added';
    this.remember(doc);
    this.index.add(doc.passages, doc.meta);
    this.tell(change, doc.source);
  }

  /**
   * As `upsert`, a slice of `passagesPerTurn` passages per turn of the event loop, so that requests
   * are answered while a large document is indexed (the corpus watcher calls this). Until the last
   * slice is in, searches find the document's passages indexed so far; listeners are told then.
   * Aborting `signal` (shutdown) leaves the document partly indexed and tells no one.
   */
  async upsertInTurns(
    doc: SourceDocument,
    { passagesPerTurn, signal }: { passagesPerTurn: number; signal?: AbortSignal },
  ): Promise<void> {
    const old = this.documentsBySource.get(doc.source);
    if (old) {
      this.documentsBySource.delete(old.source);
      await inTurns(old.passages, passagesPerTurn, (slice) => this.index.discard(slice, old.meta), signal);
    }
    this.remember(doc);
    await inTurns(doc.passages, passagesPerTurn, (slice) => this.index.add(slice, doc.meta), signal);
    if (!signal?.aborted) this.tell(old ? 'changed' : 'added', doc.source);
  }

  remove(source: string): void {
    if (this.forget(source)) this.tell('removed', source);
  }

  /**
   * Calls `listener` after each document the engine adds, replaces or drops from now on, whoever
   * asked (the watcher, or `upsert` and `remove` called directly). Returns the function that stops it.
   */
  onChange(listener: CorpusListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Keeps the engine in step with the corpus folder until `close()`: catches up with what changed
   * since the corpus was loaded, then re-indexes each file added, changed or removed as it happens.
   */
  watch(options?: WatchOptions): Promise<RescanResult> {
    return this.folder().start(options);
  }

  /** Re-indexes, at once, what changed in the folder since the last look (what the watcher does on each file event). */
  rescan(): Promise<RescanResult> {
    return this.folder().rescan();
  }

  /** Stops watching the folder. */
  close(): void {
    this.watcher?.stop();
  }

  private folder(): CorpusWatcher {
    return (this.watcher ??= new CorpusWatcher(this.corpus.dir, this, this.log, this.load));
  }

  /** Drops a document from the index; false when there was none. */
  private forget(source: string): boolean {
    const old = this.documentsBySource.get(source);
    if (!old) return false;
    this.index.discard(old.passages, old.meta);
    this.documentsBySource.delete(source);
    return true;
  }

  /** One listener failing (its database closed, say) neither stops the others nor the re-indexing. */
  private tell(change: CorpusChange, source: string): void {
    for (const listener of this.listeners) {
      try {
        listener(change, source);
      } catch (err) {
        this.log.error({ err, change, source }, 'a listener to corpus changes failed');
      }
    }
  }

  private remember(doc: SourceDocument): void {
    this.documentsBySource.set(doc.source, doc);
  }
}

/** Calls `work` on each slice of `items`, one per turn of the event loop, until done or `signal` aborts. */
async function inTurns<T>(items: T[], size: number, work: (slice: T[]) => void, signal?: AbortSignal): Promise<void> {
  for (let i = 0; i < items.length; i += size) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    if (signal?.aborted) return;
    work(items.slice(i, i + size));
  }
}
