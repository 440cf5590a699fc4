import { readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { SIDECAR_SUFFIX, roleOf, type Format } from '../corpus/files.js';
import { windows1252 } from '../corpus/formats/text.js';
import { slug } from '../corpus/slug.js';
import { escapeRegExp } from '../corpus/text.js';
import { CONFIG_DEFAULTS } from '../config.js';
import type { DocumentMeta, SourceDocument } from '../corpus/types.js';
import type { Dossier } from '../engine/dossier.js';
import { WATCH_DEFAULTS } from '../engine/watch.js';
import { DossierError, fileError, SHOWN_TYPED_CHARS, typed } from '../errors.js';
import type { Logger } from '../log.js';
import { makeFolders, processRunning } from '../saved-file.js';
import { ANY_TYPE, FetchError, parseWebUrl, type Accept, type SafeFetcher } from './fetch.js';
import { fingerprint, readInWorker, readItem } from './read.js';

/** What a link may lead to: the formats the corpus reads, by media type. */
const PAGE_TYPES: Record<string, Format> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'application/pdf': 'pdf',
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/csv': 'csv',
};
export const PAGE_ACCEPT: Accept = { types: Object.keys(PAGE_TYPES), described: 'a web page, PDF, text or CSV file' };

/** Each format's extension, as an added file is saved under it, in the order messages name them. */
const EXTENSIONS: Record<Format, string> = { pdf: '.pdf', html: '.html', markdown: '.md', text: '.txt', csv: '.csv' };
const extensions = Object.values(EXTENSIONS);
/** The files one may share with the bot, as its messages name them: "a .pdf, .html, .md, .txt or .csv file". */
export const SHAREABLE_FILES = `a ${extensions.slice(0, -1).join(', ')} or ${extensions.at(-1)} file`;

/** The add's numbers. */
export const ADD_DEFAULTS = {
  /**
   * An add's temp file untouched this long is left over even while a process of its pid runs: writing the largest
   * document (20 MB, FETCH_MAX_MB) takes well under a second, so that pid is by then another process's.
   */
  leftoverAfterMs: 60 * 60_000,
};

/**
 * What an add writes a file under before renaming it into place: a dot-name (which the loader and the watcher ignore)
 * naming the writer's process and when it began, `.<pid>-<ms>-<file name>.tmp`, so a sweep can tell a leftover.
 */
const tempName = (file: string, pid: number, now: Date): string => `.${pid}-${now.getTime()}-${basename(file)}.tmp`;
/** A `tempName` of a file `store` names (a slug, a format's extension, maybe the sidecar's suffix): its pid. */
const TEMP_NAME = new RegExp(
  `^\\.(\\d+)-\\d+-[a-z0-9-]+(?:${Object.values(EXTENSIONS).map(escapeRegExp).join('|')})` +
    `(?:${escapeRegExp(SIDECAR_SUFFIX)})?\\.tmp$`,
);

/** Who adds a document, for the log (and, with ADD_POLICY, whether they may). */
export interface Contributor {
  /** `slack`, `discord`, `terminal`, or `feed` for a feed's items. */
  platform: string;
  userId: string;
  channelId: string;
  /** The adapter's answer to "may this user manage this channel?", asked only under ADD_POLICY=managers. */
  canManageChannel?: () => Promise<boolean>;
}

/** Who may add documents and follow feeds (ADD_POLICY): anyone in a channel, or those who manage it. */
export type AddPolicy = 'anyone' | 'managers';

/** The operator at the terminal, and the items of a feed someone allowed followed, are never refused. */
const TRUSTED_PLATFORMS = new Set(['terminal', 'feed']);

/** A file shared in chat, as its platform describes it: the bot downloads it only once it may add it. */
export interface SharedFile {
  /** Its name, whose extension gives its format (.pdf, .html, .md, .txt, .csv). */
  name: string;
  /** Where the platform serves its bytes, with the headers it asks for (Slack: the bot token). */
  download: { url: string; headers?: Record<string, string> };
  /** Where it was shared (the message, or the file's page), cited as the document's link. */
  url?: string;
}

/** What a chat file may be served as: anything, since its name gives its format. */
const FILE_ACCEPT: Accept = { types: [ANY_TYPE], described: 'a file' };

export interface Added {
  /** `duplicate`: the corpus already had it, as `document`. */
  outcome: 'added' | 'duplicate';
  document: SourceDocument;
  /** For a duplicate, what it matched: the same link, or the same text under another. */
  sameAs?: 'url' | 'text';
}

export interface IngestOptions {
  dossier: Dossier;
  /** The network: the only way a link is fetched. */
  fetcher: Pick<SafeFetcher, 'fetch'>;
  log: Logger;
  now?: () => Date;
  /** Folder under the corpus where added documents are stored (default `added`). */
  folder?: string;
  /** ADD_POLICY (default `anyone`): `managers` means what it means for the digest on each platform. */
  policy?: AddPolicy;
  /**
   * Items of at least this many bytes are read in a worker thread (default: as the watcher reads files,
   * `WATCH_DEFAULTS.workerFromBytes`): parsing and cutting into passages a document of a few MB takes seconds of CPU,
   * which on the main thread held up every other request (4 MB of text, about 9,000 paragraphs: 2.4 s).
   */
  readInWorkerFrom?: number;
  /** Whether a process runs, by its pid (default: asked of the system), for the sweep of temp files left over. */
  processRunning?: (pid: number) => boolean;
  /** The adding process's id, which its temp files are named by (default: this process's, `process.pid`). */
  pid?: number;
}

/**
 * Adds documents to the corpus while the bot runs: a link (`add <url>`), a file shared in chat, a
 * feed's new item. Each goes through the corpus pipeline, as a file in the folder would (parsing,
 * cleaning, metadata, passages), is stored in the corpus folder as a file with a `.meta.yaml`
 * sidecar stating its metadata (title, author, publisher, date, link, when fetched), and is indexed
 * at once. The same link, or the same text under another link, is one document. A failed add
 * stores nothing: the files appear only once the document is known good, and are removed again if
 * storing fails half-way. Adds run one at a time, so two of the same link cannot both be stored.
 */
export class Ingest {
  private readonly now: () => Date;
  private readonly pid: number;
  private readonly folder: string;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly fingerprints = new WeakMap<SourceDocument, string>();
  /** Aborted by `close()` (shutdown): a document being read in a worker thread is left, and its worker ended. */
  private readonly closing = new AbortController();
  /** The sweep of temp files left over, run once, before this Ingest's first write. */
  private swept?: Promise<void>;

  constructor(private readonly options: IngestOptions) {
    this.now = options.now ?? (() => new Date());
    this.pid = options.pid ?? process.pid;
    this.folder = options.folder ?? 'added';
  }

  get dossier(): Dossier {
    return this.options.dossier;
  }

  /**
   * Fetches `link` and adds what it leads to; throws a DossierError with one line on why not.
   * `extra` is metadata known from elsewhere (a feed's item), used where the page states none.
   */
  addUrl(link: string, who: Contributor, extra: Partial<DocumentMeta> = {}): Promise<Added> {
    return this.logged(who, { url: loggableUrl(link) }, async () => {
      const url = parseWebUrl(link);
      const known = this.byUrl(url.href);
      if (known) return { outcome: 'duplicate', document: known, sameAs: 'url' };
      const fetched = await this.options.fetcher.fetch(url.href, { accept: PAGE_ACCEPT });
      if (fetched.notModified) throw new FetchError('fetch-failed', `${url.host} answered 304 to a plain request.`);
      const final = new URL(fetched.url);
      const redirected = this.byUrl(final.href);
      if (redirected) return { outcome: 'duplicate', document: redirected, sameAs: 'url' };
      const format = PAGE_TYPES[fetched.contentType]!;
      return this.store({
        format,
        bytes: format === 'pdf' ? fetched.bytes : asUtf8(fetched.bytes, fetched.charset),
        label: `${final.host}${final.pathname === '/' ? '' : final.pathname}`,
        name: final.pathname.split('/').filter(Boolean).pop() ?? 'index',
        folder: final.hostname,
        meta: { url: final.href, fetched: this.now().toISOString() },
        fallback: extra,
      });
    });
  }

  /**
   * Downloads and adds a file shared in chat (.pdf, .html, .md, .txt, .csv), through the same limits as
   * a link (size cap, time limit, addresses); throws a DossierError with one line on why not. Its
   * format is checked before anything is downloaded.
   */
  addFile(file: SharedFile, who: Contributor): Promise<Added> {
    return this.logged(who, { file: file.name }, async () => {
      const format = roleOf(file.name.toLowerCase().replace(/[/\\]/g, '_'));
      if (format === 'ignored' || format === 'unsupported')
        throw new DossierError(
          'unsupported-content',
          `${typed(file.name)} is not a file Dossier reads: share ${SHAREABLE_FILES}.`,
        );
      const { url, headers } = file.download;
      const fetched = await this.options.fetcher.fetch(url, {
        accept: FILE_ACCEPT,
        headers,
        robots: false,
        what: file.name,
      });
      if (fetched.notModified) throw new FetchError('fetch-failed', `${new URL(url).host} answered 304.`);
      // A platform that will not hand the file over answers with its sign-in page instead.
      if (format !== 'html' && fetched.contentType === 'text/html')
        throw new DossierError(
          'fetch-failed',
          `${new URL(fetched.url).host} sent a web page instead of ${typed(file.name)}: the bot may not be allowed ` +
            `to read files there.`,
        );
      return this.store({
        format,
        bytes: format === 'pdf' ? fetched.bytes : asUtf8(fetched.bytes, fetched.charset),
        label: file.name,
        name: file.name,
        folder: who.platform,
        meta: file.url ? { url: file.url } : {},
      });
    });
  }

  /**
   * Refuses someone ADD_POLICY=managers does not allow: on Slack the workspace's owners and admins
   * and the channel's creator, on Discord members with Manage Channels, as for the digest.
   */
  async authorize(who: Contributor): Promise<void> {
    if ((this.options.policy ?? CONFIG_DEFAULTS.ADD_POLICY) === 'anyone' || TRUSTED_PLATFORMS.has(who.platform)) return;
    if (!(await who.canManageChannel?.()))
      throw new DossierError(
        'not-allowed',
        'Only members who can manage this channel may add documents or feeds here (ADD_POLICY=managers).',
      );
  }

  /**
   * At shutdown: an add reading its document in a worker thread stops there (the worker ended, nothing stored), and it
   * and every add after it are refused with `restarting`; an add already storing or indexing its document finishes.
   */
  close(): void {
    this.closing.abort();
  }

  /** Runs one add after those before it, logging who added what and how it ended (never the text). */
  private logged(who: Contributor, what: Record<string, string>, add: () => Promise<Added>): Promise<Added> {
    const checked = () => (this.closing.signal.aborted ? Promise.reject(restarting()) : this.authorize(who).then(add));
    const run = this.queue.then(checked, checked);
    this.queue = run.catch(() => undefined);
    const fields = { event: 'add', platform: who.platform, user: who.userId, channel: who.channelId, ...what };
    return run.then(
      (added) => {
        this.options.log.info(
          { ...fields, outcome: added.outcome, source: added.document.source, sameAs: added.sameAs },
          added.outcome === 'added' ? 'document added' : 'document already in the corpus',
        );
        return added;
      },
      (error: unknown) => {
        const known = error instanceof DossierError;
        this.options.log[known ? 'info' : 'error'](
          { ...fields, outcome: 'refused', code: known ? error.code : 'internal', reason: String(error) },
          'document not added',
        );
        throw error;
      },
    );
  }

  private async store(item: {
    format: Format;
    bytes: Uint8Array;
    /** Names the document in a refusal. */
    label: string;
    /** Names its file. */
    name: string;
    folder: string;
    meta: Partial<DocumentMeta>;
    /** Metadata known from elsewhere (a feed's item), used where the document states none. */
    fallback?: Partial<DocumentMeta>;
  }): Promise<Added> {
    const { dossier } = this.options;
    const source = await this.freeSource(item.folder, item.name, item.format);
    const toRead = { format: item.format, bytes: item.bytes, source, meta: item.meta, fallback: item.fallback };
    const { signal } = this.closing;
    // A large document is read off this thread and indexed a slice per turn, as the watcher does with a large file.
    const read = await (item.bytes.byteLength >= (this.options.readInWorkerFrom ?? WATCH_DEFAULTS.workerFromBytes)
      ? readInWorker(toRead, { signal })
      : readItem(toRead));
    if (signal.aborted) throw restarting(item.label);
    if ('problem' in read) throw new DossierError('no-text', `${typed(item.label)} ${read.problem}.`);
    const twin = this.byText(read.fingerprint);
    if (twin) return { outcome: 'duplicate', document: twin, sameAs: 'text' };

    await (this.swept ??= this.sweep());
    await this.write(source, item.bytes, read.sidecar);
    // The engine tells its listeners (the digest records the first sighting), so the next digest leads with it.
    await dossier.upsertInTurns(read.document, { passagesPerTurn: WATCH_DEFAULTS.passagesPerTurn });
    return { outcome: 'added', document: read.document };
  }

  /**
   * Writes the sidecar, then the document, each under a dot-name first (which the loader and the
   * watcher ignore) and renamed into place, so neither is ever seen half-written and the document
   * never without its metadata. If anything fails, both are removed.
   */
  private async write(source: string, bytes: Uint8Array, sidecar: Uint8Array): Promise<void> {
    const path = join(this.options.dossier.corpus.dir, source);
    const files = [
      { path: `${path}${SIDECAR_SUFFIX}`, bytes: sidecar },
      { path, bytes },
    ];
    const written: string[] = [];
    try {
      makeFolders(dirname(path));
      for (const file of files) {
        const tmp = join(dirname(file.path), tempName(file.path, this.pid, this.now()));
        written.push(tmp);
        await writeFile(tmp, file.bytes, { flag: 'wx' });
        await rename(tmp, file.path);
        written.push(file.path);
      }
    } catch (error) {
      // A path it cannot remove (a folder under a temp name) must not replace the typed error with an untyped one.
      await Promise.all(written.map((p) => rm(p, { force: true }).catch(() => undefined)));
      throw new DossierError('store-failed', `Could not store ${source} in the corpus folder (${fileError(error)}).`);
    }
  }

  /**
   * Removes the temp files (`tempName`) an add killed mid-write left in the folder for added documents: those whose
   * process is gone, or untouched for `ADD_DEFAULTS.leftoverAfterMs` (their pid another process's by then), or of this
   * process's own pid (a container's bot is often pid 1 at every start), since this runs in the queue of adds, before
   * any write of this process's. A file of another shape, or one another process may still be writing, is left.
   */
  async sweep(): Promise<void> {
    const { log } = this.options;
    const running = this.options.processRunning ?? processRunning;
    const root = join(this.options.dossier.corpus.dir, this.folder);
    const folders = await readdir(root, { withFileTypes: true }).catch(() => []);
    for (const folder of folders.filter((entry) => entry.isDirectory())) {
      const dir = join(root, folder.name);
      for (const name of await readdir(dir).catch(() => [])) {
        const pid = Number(TEMP_NAME.exec(name)?.[1] ?? NaN);
        if (Number.isNaN(pid)) continue;
        const file = join(dir, name);
        const touched = await stat(file).then(
          (s) => (s.isFile() ? s.mtimeMs : undefined),
          () => undefined,
        );
        if (touched === undefined) continue;
        const old = this.now().getTime() - touched >= ADD_DEFAULTS.leftoverAfterMs;
        if (pid !== this.pid && running(pid) && !old) continue;
        await rm(file).then(
          () => log.info({ file }, 'removed a temp file an add left'),
          (error: unknown) => log.warn({ file, err: fileError(error) }, 'could not remove a temp file an add left'),
        );
      }
    }
  }

  /** A source path under the folder for added documents not yet taken, named after `name`. */
  private async freeSource(folder: string, name: string, format: Format): Promise<string> {
    const base = `${this.folder}/${slug(folder) || 'files'}/${slug(name.replace(/\.[a-z0-9]+$/i, '')) || 'document'}`;
    const taken = (source: string) => this.options.dossier.document(source) !== undefined;
    const exists = async (source: string) =>
      taken(source) ||
      (await stat(join(this.options.dossier.corpus.dir, source)).then(
        () => true,
        () => false,
      ));
    for (let n = 1; ; n++) {
      const source = `${base}${n === 1 ? '' : `-${n}`}${EXTENSIONS[format]}`;
      if (!(await exists(source))) return source;
    }
  }

  private byUrl(url: string): SourceDocument | undefined {
    const wanted = comparableUrl(url);
    return this.options.dossier.documents.find((d) => d.meta.url !== undefined && comparableUrl(d.meta.url) === wanted);
  }

  private byText(wanted: string): SourceDocument | undefined {
    return this.options.dossier.documents.find((d) => this.fingerprintOf(d) === wanted);
  }

  private fingerprintOf(document: SourceDocument): string {
    let known = this.fingerprints.get(document);
    if (known === undefined) {
      known = fingerprint(document);
      this.fingerprints.set(document, known);
    }
    return known;
  }
}

/** An add refused (or left unread) at shutdown; `label` names the document it was reading. */
function restarting(label?: string): DossierError {
  return new DossierError(
    'restarting',
    label
      ? `Dossier is restarting: ${typed(label)} was not added; add it again in a moment.`
      : 'Dossier is restarting — try again in a moment.',
  );
}

/** Links compared as people mean them: scheme and host in any case, no fragment, no default port, no trailing slash. */
function comparableUrl(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    const path = u.pathname.replace(/\/+$/, '');
    return `${u.host.toLowerCase()}${path}${u.search}`;
  } catch {
    return url;
  }
}

/** A link as logged: no query string, which may carry a token, and no credentials. */
function loggableUrl(link: string): string {
  try {
    const u = new URL(link.trim());
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return link.trim().slice(0, SHOWN_TYPED_CHARS);
  }
}

/**
 * Text in another character set than UTF-8 (as the Content-Type says), re-encoded so the corpus reads it. Windows-1252
 * and the labels read as it ("iso-8859-1", "latin1") go through `windows1252`: Node 20's decoder reads its "–" and "“"
 * as control codes, which would make a page of them binary.
 */
function asUtf8(bytes: Uint8Array, charset: string | undefined): Uint8Array {
  if (!charset || /^(?:utf-?8|us-ascii)$/i.test(charset)) return bytes;
  try {
    const decoder = new TextDecoder(charset);
    return new TextEncoder().encode(decoder.encoding === 'windows-1252' ? windows1252(bytes) : decoder.decode(bytes));
  } catch {
    return bytes;
  }
}
