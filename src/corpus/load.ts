import { createHash } from 'node:crypto';
import { statSync, type Stats } from 'node:fs';
import { readlink, stat } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { DossierError, errorLine, readError } from '../errors.js';
import type { Logger } from '../log.js';
import { CorruptFileError, type ParsedDocument } from './block.js';
import { buildDocument } from './document.js';
import {
  listFiles,
  readOnlyFile,
  readSidecar,
  roleOf,
  sidecarPaths,
  SUPPORTED_EXTENSIONS,
  type Format,
  type Sidecar,
} from './files.js';
import { parseCsv } from './formats/csv.js';
import { parseHtml } from './formats/html.js';
import { parseMarkdown } from './formats/markdown.js';
import { parsePdf } from './formats/pdf.js';
import { decodeText, parseText } from './formats/text.js';
import type { Corpus, CorpusWarning, SourceDocument } from './types.js';

export interface LoadOptions {
  log?: Logger;
  /** Files larger than this are skipped with a warning (default `LOAD_DEFAULTS.maxBytes`). */
  maxBytes?: number;
  /** Files read and parsed at once (default `LOAD_DEFAULTS.concurrency`). */
  concurrency?: number;
  /**
   * Reads a file's bytes (default: `readOnlyFile`, which never waits on a pipe). Must reject with code ENOENT for a
   * missing file, as a file without a sidecar is found that way. Tests pass one to make a file unreadable.
   */
  readFile?: (path: string) => Promise<Uint8Array>;
  /**
   * A document already parsed from these exact bytes, reused instead of parsing again: how a saved
   * corpus makes start-up fast. Asked first with the file's stamp alone, before the file is read: its
   * and its sidecars' size, modification and change times and inode, which change whenever the bytes
   * do (as make and git assume), since reading and hashing every file of a large corpus took longer
   * than all the rest of a start. When that finds nothing, asked again with the content hash.
   */
  reuse?: (source: string, file: { stamp: string; hash?: string }) => LoadedDocument | undefined;
  /**
   * Called once the folder is listed, before any file is read, when it holds a file to read as a document: a surface
   * that says it is indexing (`DossierOptions.onIndexing`) waits for this, since an empty folder has nothing to index
   * and is warned of instead (`corpus-empty`).
   */
  onDocuments?: () => void;
}

/** The loader's numbers, each overridable through `LoadOptions`. */
export const LOAD_DEFAULTS = {
  /** Files larger than this are skipped with a warning: 20 MB, far above any article or report. */
  maxBytes: 20 * 1024 * 1024,
  /** Files read and parsed at once: enough to overlap I/O, few enough to stay clear of file-handle limits. */
  concurrency: 16,
};

export interface LoadedDocument {
  document?: SourceDocument;
  /** Why the file was skipped, or (with a document) why its stated metadata was ignored. */
  warning?: CorpusWarning;
}

/**
 * The corpus folder's full path. Throws DossierError 'corpus-missing' when `dir` is not a folder: checked before
 * anything is read from it (its lexicon, say), so that a wrong path is told in one line naming the problem.
 */
export async function corpusFolder(dir: string): Promise<string> {
  const root = resolve(dir);
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory())
    throw new DossierError(
      'corpus-missing',
      info ? `The corpus path is not a folder: ${root}` : `Corpus folder not found: ${root}`,
    );
  return root;
}

/**
 * Loads every supported file under `dir` (.txt, .md, .html, .pdf, .csv), recursively; dotfiles, dot-folders,
 * sidecars (see SIDECAR_SUFFIX) and the corpus's synonyms.yaml are not documents. A file that cannot
 * be loaded becomes a warning, logged and returned, and the rest loads; a folder with no document at all
 * is logged as a warning too. Documents and warnings come sorted by source, and warnings are logged in that order.
 * Throws DossierError 'corpus-missing' when `dir` is not a folder.
 */
export async function loadCorpus(dir: string, options: LoadOptions = {}): Promise<Corpus> {
  const root = await corpusFolder(dir);
  const { files, unlisted } = await listFiles(root).catch((error: unknown) => {
    throw new DossierError('corpus-missing', `Corpus folder cannot be read: ${root} (${readError(error)})`);
  });
  if (files.some((path) => !['ignored', 'unsupported'].includes(roleOf(sourceOf(root, path))))) options.onDocuments?.();
  const listed = statAll(files);
  const loaded = await mapLimit(files, options.concurrency ?? LOAD_DEFAULTS.concurrency, (path) =>
    readDocument(root, path, options, listed),
  );
  const unreadFolders: Read[] = unlisted.map(({ path, error }) => ({
    warning: warn(sourceOf(root, path), 'unreadable', `folder cannot be read (${readError(error)})`),
  }));
  const warned = [...unreadFolders, ...loaded].flatMap((r) => (r.warning ? [{ read: r, warning: r.warning }] : []));
  const warnings: CorpusWarning[] = [];
  // Said once all are read, by path: said as each file finished, they would come in another order from a saved corpus
  // (read at once) than when first indexed (parsed), and another on every start.
  for (const { read, warning } of warned.sort((a, b) => bySource(a.warning, b.warning))) {
    warnings.push(warning);
    if (toSay(read, read.reused)) say(options, warning);
  }
  const documents = loaded.flatMap((l) => (l.document ? [l.document] : [])).sort(bySource);
  // Otherwise an empty or mistyped folder starts quietly and every question finds nothing.
  if (documents.length === 0)
    options.log?.warn(
      { dir: root, code: 'corpus-empty' },
      `The corpus folder ${root} holds no documents: add ${SUPPORTED_EXTENSIONS.join(', ')} files to it.`,
    );
  return { dir: root, documents, warnings };
}

/**
 * Loads one file of the corpus under `root`, as loadCorpus does (a watcher re-loads a changed file
 * with it). Returns nothing for a file that is not a document (a sidecar: re-load the file it
 * describes). Never throws for a bad file: it returns a warning instead, already logged.
 * `listed`, every file of the folder just listed with its stats (see `statAll`), saves looking at each again.
 */
export async function loadDocument(
  root: string,
  absolutePath: string,
  options: LoadOptions = {},
  listed?: Listing,
): Promise<LoadedDocument> {
  const { reused, ...loaded } = await readDocument(root, absolutePath, options, listed);
  const warning = toSay(loaded, reused);
  if (warning) say(options, warning);
  return loaded;
}

/** A file as loaded, and whether it was taken from a saved state (`LoadOptions.reuse`): see `toSay`. */
type Read = LoadedDocument & { reused?: true };

/** `loadDocument` without saying its warning: `loadCorpus` says a folder's together, in order. */
async function readDocument(root: string, absolutePath: string, options: LoadOptions, listed?: Listing): Promise<Read> {
  const source = sourceOf(resolve(root), resolve(absolutePath));
  const format = roleOf(source);
  if (format === 'ignored') return {};
  if (format === 'unsupported') {
    const path = resolve(absolutePath);
    const linksToFolder = isFolder(listed?.get(path) ?? (await stat(path).catch(() => undefined)));
    const why = linksToFolder ? FOLDER_LINK : `is not a supported format (${SUPPORTED_EXTENSIONS.join(', ')})`;
    return { warning: warn(source, 'unsupported', why) };
  }
  try {
    return await loadFile(resolve(absolutePath), source, format, options, listed);
  } catch (error) {
    return { warning: warn(source, 'corrupt', `could not be loaded (${errorLine(error)})`) };
  }
}

async function loadFile(
  path: string,
  source: string,
  format: Format,
  options: LoadOptions,
  listed?: Listing,
): Promise<Read> {
  const skip = (code: CorpusWarning['code'], message: string): LoadedDocument => ({
    warning: warn(source, code, message),
  });
  const maxBytes = options.maxBytes ?? LOAD_DEFAULTS.maxBytes;
  const read = options.readFile ?? readOnlyFile;
  let size: number;
  let stamp: string | undefined;
  try {
    const info = listed?.has(path) ? statsIn(listed, path) : await stat(path);
    // Folders are walked, not listed, so a folder here is a link to one (named like a document).
    if (info.isDirectory()) return skip('unsupported', FOLDER_LINK);
    // Opening a pipe would wait for a writer, and a device's bytes are no document.
    if (!info.isFile()) return skip('unreadable', 'is not a file (a pipe, socket or device), so it is not read');
    size = info.size;
    stamp = options.reuse && (await stampOf(path, info, listed));
  } catch (error) {
    // A link whose target is gone is named with its target, not with the system's "no such file, stat '…'".
    const target = (error as NodeJS.ErrnoException).code === 'ENOENT' && (await readlink(path).catch(() => undefined));
    if (target) return skip('unreadable', `is a link to ${target}, which does not exist`);
    return skip('unreadable', `cannot be read (${readError(error)})`);
  }
  if (size > maxBytes) return skip('too-large', `is ${megabytes(size)}, over the ${megabytes(maxBytes)} limit`);
  const known = stamp === undefined ? undefined : options.reuse?.(source, { stamp });
  if (known) return { ...known, reused: true };
  let bytes: Uint8Array;
  try {
    bytes = await read(path);
  } catch (error) {
    return skip('unreadable', `cannot be read (${readError(error)})`);
  }
  if (bytes.length === 0) return skip('empty', 'is empty');

  const sidecar = await readSidecar(path, read);
  const hash = contentHash(bytes, sidecar);
  const reused = options.reuse?.(source, { stamp: stamp ?? '', hash });
  if (reused) return { ...reused, reused: true };
  return parseDocument(source, format, bytes, sidecar, hash);
}

/** The key of a document's saved state: its bytes and its sidecar's. */
export function contentHash(bytes: Uint8Array, sidecar: Pick<Sidecar, 'bytes'>): string {
  const hash = createHash('sha256').update(bytes);
  if (sidecar.bytes) hash.update(sidecar.bytes);
  return hash.digest('hex');
}

/**
 * The file's stamp (see `LoadOptions.reuse`) and its sidecars' (or their absence, which
 * `listed` tells when given); undefined when a sidecar cannot be looked at.
 */
async function stampOf(path: string, info: Stats, listed?: Listing): Promise<string | undefined> {
  const parts = [stampPart(info)];
  for (const sidecar of sidecarPaths(path)) {
    if (listed && !listed.has(sidecar)) {
      parts.push('-');
      continue;
    }
    try {
      parts.push(stampPart(listed ? statsIn(listed, sidecar) : await stat(sidecar)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return undefined;
      parts.push('-');
    }
  }
  return parts.join('/');
}

/** Every file of a folder as just listed, with its stats or why it has none. */
type Listing = ReadonlyMap<string, Stats | Error>;

const isFolder = (info: Stats | Error | undefined): boolean =>
  info !== undefined && !(info instanceof Error) && info.isDirectory();

/**
 * A link to a folder is not followed: one pointing at the corpus or above it would never end, and the
 * watcher sees no change made inside it. Said in so many words, since a folder linked in looks like it should work.
 */
const FOLDER_LINK =
  'is a link to a folder, which is not read: move the folder itself into the corpus, or link its files';

/**
 * The stats of every listed file (following links), taken at once. On a large corpus this is most of what a start
 * with nothing changed does, and `statSync` costs a sixth of the CPU of as many `stat` promises (at 1000× the seeds:
 * 11,000 files in under 0.1 s); nothing else runs while the corpus is first loaded. The listing also says which
 * sidecars exist, so the sidecars a file lacks (nearly all) are not looked for one by one.
 */
function statAll(files: string[]): Listing {
  const listing = new Map<string, Stats | Error>();
  for (const file of files) {
    try {
      listing.set(file, statSync(file));
    } catch (error) {
      listing.set(file, error as Error);
    }
  }
  return listing;
}

/** A listed file's stats; throws why it has none, as `stat` would have. */
function statsIn(listing: Listing, path: string): Stats {
  const stats = listing.get(path);
  if (stats instanceof Error) throw stats;
  return stats!;
}

const stampPart = (info: Stats) => `${info.size}:${info.mtimeMs}:${info.ctimeMs}:${info.ino}`;

/**
 * Parses one document's bytes as the loader does a file of `format` at `source`. Never throws for
 * bad content: it returns a warning instead.
 */
async function parseDocument(
  source: string,
  format: Format,
  bytes: Uint8Array,
  sidecar: Sidecar,
  hash: string,
): Promise<LoadedDocument> {
  const read = await parseFormat(format, bytes);
  if ('problem' in read) return { warning: warn(source, read.problem.code, read.problem.message) };
  const document = buildDocument(source, hash, read.parsed, sidecar.meta);
  const empty = emptyProblem(format, document);
  if (empty) return { warning: warn(source, empty.code, empty.message) };
  const problems = [...read.parsed.metaProblems, ...sidecar.problems];
  return problems.length ? { document, warning: warn(source, 'bad-metadata', problems.join('; ')) } : { document };
}

export interface ContentProblem {
  code: CorpusWarning['code'];
  /** Says what is wrong after the document's name: "is empty", "has no text to index". */
  message: string;
}

/** Each format's parser of decoded text (a PDF is read from its bytes). */
const PARSERS: Record<Exclude<Format, 'pdf'>, (text: string) => ParsedDocument> = {
  text: parseText,
  markdown: parseMarkdown,
  html: parseHtml,
  csv: parseCsv,
};

/**
 * A file's bytes read in its format, before cleaning and metadata (see buildDocument): the one
 * parsing step shared by files in the folder and documents that arrive from a link or from chat.
 */
export async function parseFormat(
  format: Format,
  bytes: Uint8Array,
): Promise<{ parsed: ParsedDocument } | { problem: ContentProblem }> {
  if (bytes.length === 0) return { problem: { code: 'empty', message: 'is empty' } };
  if (format === 'pdf') {
    try {
      return { parsed: await parsePdf(bytes) };
    } catch (error) {
      if (error instanceof CorruptFileError) return { problem: { code: 'corrupt', message: `is ${error.message}` } };
      throw error;
    }
  }
  const text = decodeText(bytes);
  if (text === undefined) return { problem: { code: 'binary', message: 'is not text (binary content)' } };
  return {
    parsed: PARSERS[format](text),
  };
}

/** Why a built document cannot be indexed: it has no passage. */
export function emptyProblem(format: Format, document: SourceDocument): ContentProblem | undefined {
  if (document.passages.length > 0) return undefined;
  return { code: 'empty', message: format === 'pdf' ? 'has no text to extract (a scan?)' : 'has no text to index' };
}

/**
 * The warning to say of a file just loaded. A saved warning of a file left out is said again at each load, so a corpus
 * loaded from its saved state names what it leaves out. Metadata left out of a document that is indexed (bad front
 * matter) was said when the file changed, and is not said again until it changes again: said on every command-line
 * call, it buried each answer under it.
 */
function toSay({ document, warning }: LoadedDocument, reused?: boolean): CorpusWarning | undefined {
  return reused && document ? undefined : warning;
}

function say(options: Pick<LoadOptions, 'log'>, warning: CorpusWarning): void {
  options.log?.warn({ source: warning.source, code: warning.code }, warning.message);
}

function warn(source: string, code: CorpusWarning['code'], message: string): CorpusWarning {
  return { source, code, message: `${source} ${message}` };
}

function sourceOf(root: string, path: string): string {
  // A file under the root (every listed file) is a slice of its path; `relative` was a tenth of a large corpus's start.
  const under = path.startsWith(root + sep) ? path.slice(root.length + 1) : relative(root, path);
  return sep === '/' ? under : under.split(sep).join('/');
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`;
}

function bySource(a: { source: string }, b: { source: string }): number {
  return a.source < b.source ? -1 : a.source > b.source ? 1 : 0;
}

async function mapLimit<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
