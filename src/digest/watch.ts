import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { SIDECAR_SUFFIX, listFiles, sidecarPaths } from '../corpus/files.js';
import { loadDocument } from '../corpus/load.js';
import type { Dossier } from '../engine/dossier.js';
import type { Logger } from '../log.js';
import type { DigestStore } from './store.js';

export interface CorpusWatcherOptions {
  dossier: Dossier;
  /** Where first-seen times are kept, so a new document leads the next digest. */
  store: Pick<DigestStore, 'markSeen' | 'forgetSeen'>;
  log: Logger;
  /** Quiet time after the last file event before rescanning (default 500 ms): a save is often several events. */
  debounceMs?: number;
  now?: () => Date;
  /** Passed to the loader (size limit). */
  maxBytes?: number;
}

export interface RescanResult {
  added: string[];
  changed: string[];
  removed: string[];
}

/**
 * Keeps the engine in step with the corpus folder while the bot runs: files added, changed or
 * removed are re-indexed one document at a time. fs.watch only says that something changed, so
 * every event (debounced) triggers `rescan()`, which compares each file's size and modification
 * time with the last scan and reloads only those that differ. Tests call `rescan()` directly.
 */
export class CorpusWatcher {
  private readonly root: string;
  private readonly now: () => Date;
  /** Absolute path → "size:mtime" at the last scan. */
  private readonly fingerprints = new Map<string, string>();
  private watcher?: FSWatcher;
  private timer?: ReturnType<typeof setTimeout>;
  private scanning: Promise<RescanResult> = Promise.resolve({ added: [], changed: [], removed: [] });

  constructor(private readonly options: CorpusWatcherOptions) {
    this.root = options.dossier.corpus.dir;
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Notes the documents already loaded as seen (a document added while the bot was down is first
   * seen now), catches up with the folder, then watches it.
   */
  async start(): Promise<RescanResult> {
    const now = this.now();
    for (const doc of this.options.dossier.documents) {
      this.options.store.markSeen(doc.source, now);
      const fingerprint = await this.fingerprint(join(this.root, doc.source));
      if (fingerprint) this.fingerprints.set(resolve(this.root, doc.source), fingerprint);
    }
    const caughtUp = await this.rescan();
    this.watcher = watch(this.root, { recursive: true }, () => this.schedule());
    this.watcher.on('error', (err) => this.options.log.error({ err, corpus: this.root }, 'corpus watcher stopped'));
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

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.rescan().catch((err: unknown) => this.options.log.error({ err }, 'corpus rescan failed'));
    }, this.options.debounceMs ?? 500);
  }

  private async scan(): Promise<RescanResult> {
    const { dossier, store, log } = this.options;
    const result: RescanResult = { added: [], changed: [], removed: [] };
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

    const now = this.now();
    for (const path of touched) {
      const { document } = await loadDocument(this.root, path, { log, maxBytes: this.options.maxBytes });
      if (!document) {
        // No longer a loadable document (emptied, corrupted): stop quoting its old text.
        const source = relative(this.root, path).split(sep).join('/');
        if (dossier.document(source)) {
          dossier.remove(source);
          result.removed.push(source);
        }
        continue;
      }
      const existing = dossier.document(document.source);
      if (existing?.hash === document.hash) continue;
      dossier.upsert(document);
      if (existing) result.changed.push(document.source);
      else {
        store.markSeen(document.source, now);
        result.added.push(document.source);
      }
    }

    for (const path of this.fingerprints.keys()) if (!present.has(path)) this.fingerprints.delete(path);
    for (const doc of dossier.documents) {
      const path = resolve(this.root, doc.source);
      if (present.has(path)) continue;
      dossier.remove(doc.source);
      store.forgetSeen(doc.source);
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
