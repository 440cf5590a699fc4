import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { SIDECAR_SUFFIX, listFiles, sidecarPaths } from '../corpus/files.js';
import type { FigureCache } from '../answer/figures/passage.js';
import { loadDocument, type LoadedDocument, type LoadOptions } from '../corpus/load.js';
import type { SourceDocument } from '../corpus/types.js';
import type { Logger } from '../log.js';
import { parseInWorker } from './parse.js';

/** What the watcher keeps in step with the folder: the engine's documents. */
export interface WatchedCorpus {
  readonly documents: SourceDocument[];
  /** The files the load left out with a warning, already given: read again only once they change. */
  readonly skipped: readonly string[];
  document(source: string): SourceDocument | undefined;
  /** Adds or replaces a document a slice of passages per turn of the event loop (see `Dossier.upsertInTurns`). */
  upsertInTurns(doc: SourceDocument, options: { passagesPerTurn: number; signal: AbortSignal }): Promise<void>;
  remove(source: string): void;
  /** Where a document parsed in a worker leaves its passages' figures. */
  readonly figures: FigureCache;
  /** Reads the lexicon again, using it if it changed: it is no document, but the folder may hold it. */
  reloadLexicon(): Promise<boolean>;
}

/**
 * The watcher's numbers, each of which `Dossier.watch` can override. Together they keep a large
 * document added while the bot runs from holding up requests: it is parsed, and its figures read,
 * in a worker thread, then indexed a slice at a time, so that a request waits at most for one slice. A document
 * added from a link, chat or a feed is read and indexed by the same numbers (src/ingest/add.ts).
 */
export const WATCH_DEFAULTS = {
  /** Quiet time after the last file event before rescanning: a save is often several events. */
  debounceMs: 500,
  /** Files at least this large are parsed in a worker thread; smaller ones take less time than starting one. */
  workerFromBytes: 1024 * 1024,
  /** Passages indexed (or dropped from the index) per turn of the event loop: a few tens of ms of work. */
  passagesPerTurn: 100,
  /**
   * Passages a parsing worker (with their figures) or an add's reading worker (src/ingest/read.ts) sends per message:
   * the main thread takes each in a turn.
   */
  passagesPerMessage: 500,
  /**
   * Longest such a worker may take to send its document back: then it is ended, and the file is skipped with a
   * `too-slow` warning (an add refused with the same line). A reader stuck on a pathological file would otherwise hold
   * its rescan, or its add and every add after it, for ever. Why 2 minutes is safe: no file read is larger than 20 MB
   * (the loader's size limit, and FETCH_MAX_MB's default for an add), and `npm run bench:indexing` drops a 19 MB text
   * document of 52,371 paragraphs into the running bot, which reads and then indexes it in 32 s on 2 shared cores
   * (bench/indexing-results.json, 3 Dec 2026; 52 s on a busier machine the day before, in the README), the read being
   * only part of that time: the limit is over twice the slowest whole run. FETCH_MAX_MB raised well above 20 would want
   * this raised with it.
   */
  readTimeoutMs: 120_000,
};
export type WatchOptions = Partial<typeof WATCH_DEFAULTS>;

export interface RescanResult {
  added: string[];
  changed: string[];
  removed: string[];
}

/**
 * Keeps the engine in step with the corpus folder while it runs: files added, changed or removed
 * are re-indexed one document at a time. fs.watch only says that something changed, so every
 * event (debounced) triggers `rescan()`, which compares each file's size and modification time
 * with the last scan and reloads only those that differ. Tests call `rescan()` directly.
 */
export class CorpusWatcher {
  /** Absolute path → "size:mtime" at the last scan. */
  private readonly fingerprints = new Map<string, string>();
  private tuning = WATCH_DEFAULTS;
  /** Aborted by `stop()`: a document being parsed or indexed is then left, and the scan ends. */
  private stopped = new AbortController();
  private watcher?: FSWatcher;
  private timer?: ReturnType<typeof setTimeout>;
  private scanning: Promise<RescanResult> = Promise.resolve({ added: [], changed: [], removed: [] });

  constructor(
    private readonly root: string,
    private readonly corpus: WatchedCorpus,
    private readonly log: Logger,
    /** Passed to the loader (size limit), as when the corpus was first loaded. */
    private readonly load: Omit<LoadOptions, 'log'> = {},
  ) {}

  /** Notes the files already loaded (or skipped), catches up with the folder, then watches it. */
  async start(options: WatchOptions = {}): Promise<RescanResult> {
    this.tuning = { ...WATCH_DEFAULTS, ...options };
    for (const source of [...this.corpus.documents.map((d) => d.source), ...this.corpus.skipped]) {
      const fingerprint = await this.fingerprint(join(this.root, source));
      if (fingerprint) this.fingerprints.set(resolve(this.root, source), fingerprint);
    }
    const caughtUp = await this.rescan();
    if (!this.watcher) {
      this.watcher = watch(this.root, { recursive: true }, () => this.schedule(this.tuning.debounceMs));
      this.watcher.on('error', (err) => this.log.error({ err, corpus: this.root }, 'corpus watcher stopped'));
    }
    return caughtUp;
  }

  stop(): void {
    clearTimeout(this.timer);
    this.watcher?.close();
    this.watcher = undefined;
    this.stopped.abort();
    this.stopped = new AbortController();
  }

  /** Re-indexes what changed since the last scan. Scans run one after another, never at once. */
  rescan(): Promise<RescanResult> {
    // A scan asked for before `stop()` ends with it, even if it has not begun yet.
    const { signal } = this.stopped;
    this.scanning = this.scanning.then(
      () => this.scan(signal),
      () => this.scan(signal),
    );
    return this.scanning;
  }

  private schedule(debounceMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.rescan().catch((err: unknown) => this.log.error({ err }, 'corpus rescan failed'));
    }, debounceMs);
  }

  private async scan(signal: AbortSignal): Promise<RescanResult> {
    const { corpus, log } = this;
    const result: RescanResult = { added: [], changed: [], removed: [] };
    if (signal.aborted) return result;
    // The lexicon is not a document: it is read again, and used if it changed, on every rescan.
    await corpus.reloadLexicon();
    const { files } = await listFiles(this.root);
    const present = new Set(files.map((f) => resolve(f)));

    const touched = new Set<string>();
    for (const path of present) {
      const fingerprint = await this.fingerprint(path);
      if (fingerprint === this.fingerprints.get(path)) continue;
      if (fingerprint) this.fingerprints.set(path, fingerprint);
      // A changed sidecar changes the metadata of the document(s) it describes.
      if (path.endsWith(SIDECAR_SUFFIX))
        for (const file of present) if (sidecarPaths(file).includes(path)) touched.add(file);
      touched.add(path);
    }

    for (const path of touched) {
      const source = relative(this.root, path).split(sep).join('/');
      const { document } = await this.loadDocument(path, source, signal);
      if (signal.aborted) return this.left(path, result);
      if (!document) {
        // No longer a loadable document (emptied, corrupted): stop quoting its old text.
        if (corpus.document(source)) {
          corpus.remove(source);
          result.removed.push(source);
        }
        continue;
      }
      const existing = corpus.document(document.source);
      if (existing?.hash === document.hash) continue;
      await corpus.upsertInTurns(document, { passagesPerTurn: this.tuning.passagesPerTurn, signal });
      if (signal.aborted) return this.left(path, result);
      (existing ? result.changed : result.added).push(document.source);
    }

    for (const path of this.fingerprints.keys()) if (!present.has(path)) this.fingerprints.delete(path);
    for (const doc of corpus.documents) {
      if (present.has(resolve(this.root, doc.source))) continue;
      corpus.remove(doc.source);
      result.removed.push(doc.source);
    }
    if (result.added.length || result.changed.length || result.removed.length)
      log.info({ ...result }, 'corpus re-indexed');
    return result;
  }

  /** A file left unloaded by `stop()` is loaded by the next scan, if there is one. */
  private left(path: string, result: RescanResult): RescanResult {
    this.fingerprints.delete(path);
    return result;
  }

  /** A large file in a worker (its warning logged here), a small one on this thread. */
  private async loadDocument(path: string, source: string, signal: AbortSignal): Promise<LoadedDocument> {
    const size = await stat(path).then(
      (info) => info.size,
      () => 0,
    );
    // A reader passed in (tests making a file unreadable) cannot cross into a worker.
    if (size < this.tuning.workerFromBytes || this.load.readFile)
      return loadDocument(this.root, path, { ...this.load, log: this.log });
    const loaded = await parseInWorker(
      {
        root: this.root,
        path,
        source,
        maxBytes: this.load.maxBytes,
        passagesPerMessage: this.tuning.passagesPerMessage,
      },
      this.corpus.figures,
      { signal, timeoutMs: this.tuning.readTimeoutMs },
    );
    if (loaded.warning) this.log.warn({ source, code: loaded.warning.code }, loaded.warning.message);
    return loaded;
  }

  private async fingerprint(path: string): Promise<string | undefined> {
    const info = await stat(path).catch(() => undefined);
    return info ? `${info.size}:${info.mtimeMs}` : undefined;
  }
}
