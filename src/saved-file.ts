import { createHash } from 'node:crypto';
import { accessSync, closeSync, constants, fstatSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileError } from './errors.js';
import type { Logger } from './log.js';

/** Closes a saved file once nothing can read from it any more. */
const closing = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // Already closed: nothing to release.
  }
});

/**
 * A saved file (the parsed corpus, the index) read a piece at a time, as its readers need them: at 1000× the seeds
 * each is about 100 MB, of which a start needs the headers and a question a few slices, and reading them whole was
 * a tenth of a start and most of its garbage collection. The file stays open while anything can read from it; a newer
 * save renamed over it meanwhile leaves this one readable as it was.
 */
export class SavedFile {
  readonly size: number;

  private constructor(private readonly fd: number) {
    this.size = fstatSync(fd).size;
    closing.register(this, fd);
  }

  /** The file at `path`; undefined when there is none. Throws when it exists but cannot be opened. */
  static open(path: string): SavedFile | undefined {
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    try {
      return new SavedFile(fd);
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  /** The bytes from `start` to `end`; throws when the file is shorter. */
  read(start: number, end: number): Buffer {
    if (start < 0 || end < start || end > this.size) throw new Error(`the saved file has no bytes ${start}–${end}`);
    const bytes = Buffer.allocUnsafe(end - start);
    for (let done = 0; done < bytes.length;) {
      const n = readSync(this.fd, bytes, done, bytes.length - done, start + done);
      if (n === 0) throw new Error('the saved file is cut short');
      done += n;
    }
    return bytes;
  }
}

/** What a save is named: `<kind>-v<version>-<corpus folder's hash>.bin` (the saved corpus, the index). */
const SAVED_NAME = /^([a-z]+)-v(\d+)-([0-9a-f]+)\.bin$/;

/**
 * Where a save of `kind` in format `version` is kept for `owner`, the corpus folder (for WordNet's dictionary, the
 * same for every corpus, what it is built from): one file per folder, so switching corpora does not evict the other's
 * save, and one name that `removeStaleSaves` reads back.
 */
export function savedPath(
  cacheDir: string,
  kind: 'corpus' | 'index' | 'wordnet',
  version: number,
  owner: string,
): string {
  const folder = createHash('sha256').update(owner).digest('hex').slice(0, 12);
  return join(cacheDir, `${kind}-v${version}-${folder}.bin`);
}

/**
 * Creates `folder` and the folders missing above it, one at a time. Node's own `mkdir(…, { recursive: true })` never
 * returns where the kernel refuses a folder with ENOENT under one that exists (`/proc/nope`): it spun on the CPU
 * forever, the synchronous one blocking the event loop so that even SIGTERM went unheard. Here that is an error
 * (ENOENT, EACCES, ENOTDIR…) the caller can name; a folder made meanwhile by another process is no error.
 */
export function makeFolders(folder: string): void {
  const missing: string[] = [];
  for (let at = resolve(folder); !statSync(at, { throwIfNoEntry: false }); at = dirname(at)) {
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  for (const at of missing) {
    try {
      mkdirSync(at);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/**
 * `cacheDir`, made if missing, when saves can be written in it; else undefined, after one warning saying why. A cache
 * that cannot be used costs time, not answers, so the engine runs without it, rather than warning of each save it
 * cannot read or write (four lines, none saying why).
 */
export function cacheFolder(cacheDir: string, log: Logger): string | undefined {
  let why = 'it is not a folder';
  try {
    makeFolders(cacheDir);
    if (statSync(cacheDir).isDirectory()) {
      accessSync(cacheDir, constants.W_OK);
      return cacheDir;
    }
  } catch (error) {
    why = fileError(error);
  }
  log.warn(
    { dir: cacheDir },
    `the cache folder ${cacheDir} cannot be used (${why}); the corpus will be indexed at every start`,
  );
  return undefined;
}

/**
 * Saves `bytes` as `file` (a `savedPath`) whole or not at all: written as `<file>.<pid>.tmp`, the name
 * `removeStaleSaves` knows a half-written save by, flushed to the disk (else a crash soon after the rename may leave
 * the new name on an empty or partly written file), renamed into place, and then what it makes stale removed. Throws
 * when the folder or the file cannot be written, the temp file removed; a save is a cache, so callers warn and go on.
 */
export async function writeSave(file: string, bytes: Uint8Array, log: Logger): Promise<void> {
  makeFolders(dirname(file));
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const handle = await open(tmp, 'w');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (error) {
    // A part written to a full disk would keep it full: `removeStaleSaves` runs only after a save that succeeds.
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
  await removeStaleSaves(file, log);
}

/**
 * Whether process `pid` is still running on this machine (one of another user's too), the test of whether a writer
 * of a half-written file is gone: here for a save, and for an add's temp file (src/ingest/add.ts).
 */
export function processRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Called once `saved` is written: removes what nothing will read again beside it, for the same corpus folder: a
 * save of another format version (an upgrade indexes anew and, at 1000× the seeds, left 100 MB behind each time) and
 * a half-written `<name>.<pid>.tmp` whose writer is gone (killed mid-write). A file that cannot be removed is left
 * with a warning: it costs disk, not answers.
 */
export async function removeStaleSaves(saved: string, log: Logger): Promise<void> {
  const match = SAVED_NAME.exec(basename(saved));
  if (!match) return;
  const [, kind, , corpus] = match;
  const folder = dirname(saved);
  const sameCorpus = (name: string): boolean => {
    const other = SAVED_NAME.exec(name);
    return !!other && other[1] === kind && other[3] === corpus;
  };
  const stale = (name: string): boolean => {
    if (SAVED_NAME.test(name)) return name !== basename(saved) && sameCorpus(name);
    const tmp = /^(.+)\.(\d+)\.tmp$/.exec(name);
    return !!tmp && sameCorpus(tmp[1]!) && !processRunning(Number(tmp[2]));
  };
  for (const name of await readdir(folder).catch(() => [])) {
    if (!stale(name)) continue;
    await unlink(join(folder, name)).then(
      () => log.info({ file: join(folder, name) }, 'removed a stale saved file'),
      (error: unknown) =>
        log.warn({ file: join(folder, name), err: String(error) }, 'could not remove a stale saved file'),
    );
  }
}
