import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { SIDECAR_SUFFIX, listFiles, sidecarPaths } from '../corpus/files.js';
import { loadDocument, type LoadOptions } from '../corpus/load.js';
import type { SourceDocument } from '../corpus/types.js';
import type { Logger } from '../log.js';

/** What the watcher keeps in step with the folder: the engine's documents. */
export interface WatchedCorpus {
  readonly documents: SourceDocument[];
  document(source: string): SourceDocument | undefined;
  upsert(doc: SourceDocument): void;
  remove(source: string): void;
  /** Reads the lexicon again, using it if it changed: it is no document, but the folder may hold it. */
  reloadLexicon(): Promise<boolean>;
}

export interface WatchOptions {
  /** Quiet time after the last file event before rescanning (default 500 ms): a save is often several events. */
  debounceMs?: number;
}

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

  /** Notes the files of the documents already loaded, catches up with the folder, then watches it. */
  async start({ debounceMs = 500 }: WatchOptions = {}): Promise<RescanResult> {
    for (const doc of this.corpus.documents) {
      const fingerprint = await this.fingerprint(join(this.root, doc.source));
      if (fingerprint) this.fingerprints.set(resolve(this.root, doc.source), fingerprint);
    }
    const caughtUp = await this.rescan();
    if (!this.watcher) {
      this.watcher = watch(this.root, { recursive: true }, () => this.schedule(debounceMs));
      this.watcher.on('error', (err) => this.log.error({ err, corpus: this.root }, 'corpus watcher stopped'));
    }
    return caughtUp;
  }

  stop(): void {
    clearTimeout(this.timer);
    this.watcher?.close();
    this.watcher = undefined;
  }

  /** Re-indexes what changed since the last scan. Scans run one after another, never at once. */
  rescan(): Promise<RescanResult> {
    this.scanning = this.scanning.then(
      () => this.scan(),
      () => this.scan(),
    );
    return this.scanning;
  }

  private schedule(debounceMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.rescan().catch((err: unknown) => this.log.error({ err }, 'corpus rescan failed'));
    }, debounceMs);
  }

  private async scan(): Promise<RescanResult> {
    const { corpus, log } = this;
    const result: RescanResult = { added: [], changed: [], removed: [] };
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
      const { document } = await loadDocument(this.root, path, { ...this.load, log });
      if (!document) {
        // No longer a loadable document (emptied, corrupted): stop quoting its old text.
        const source = relative(this.root, path).split(sep).join('/');
        if (corpus.document(source)) {
          corpus.remove(source);
          result.removed.push(source);
        }
        continue;
      }
      const existing = corpus.document(document.source);
      if (existing?.hash === document.hash) continue;
      corpus.upsert(document);
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

  private async fingerprint(path: string): Promise<string | undefined> {
    const info = await stat(path).catch(() => undefined);
    return info ? `${info.size}:${info.mtimeMs}` : undefined;
  }
}
