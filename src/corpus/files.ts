import { constants } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { readError } from '../errors.js';
import { readStatedMeta } from './metadata.js';
import type { DocumentMeta } from './types.js';

export type Format = 'text' | 'markdown' | 'html' | 'pdf' | 'csv';

const FORMATS: Record<string, Format> = {
  '.txt': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
  '.csv': 'csv',
};
export const SUPPORTED_EXTENSIONS = Object.keys(FORMATS);

/**
 * Sidecar metadata: `<file name>.meta.yaml` beside a file (`report.pdf.meta.yaml` for
 * `report.pdf`), with the same fields as markdown front matter. `<name without extension>.meta.yaml`
 * (`report.meta.yaml`) is accepted too, for every file of that name whatever its extension, unless
 * the file has a sidecar of the first kind. A sidecar's fields override those the file states.
 */
export const SIDECAR_SUFFIX = '.meta.yaml';

/** A corpus's own lexicon, at its root: its synonyms and acronyms, not a document (see `src/search/lexicon.ts`). */
export const LEXICON_FILE = 'synonyms.yaml';

/** What a path in the corpus folder (relative, with `/`) is to the loader. */
export function roleOf(source: string): Format | 'ignored' | 'unsupported' {
  if (
    source.split('/').some((part) => part.startsWith('.')) ||
    source.endsWith(SIDECAR_SUFFIX) ||
    source === LEXICON_FILE
  )
    return 'ignored';
  return FORMATS[extname(source).toLowerCase()] ?? 'unsupported';
}

/** The sidecars a file may have, the one that wins first. */
export function sidecarPaths(path: string): string[] {
  const name = basename(path);
  return [
    `${path}${SIDECAR_SUFFIX}`,
    join(dirname(path), `${name.slice(0, name.length - extname(name).length)}${SIDECAR_SUFFIX}`),
  ];
}

/**
 * A file's bytes, refusing at once what is not a file: a pipe, socket or device (named as a document, a sidecar or
 * the lexicon) is never read. Opening a pipe to read waits for something to write to it, holding one of the few
 * threads Node reads files on until then: every later read waits behind four such, and not even process.exit gets
 * the thread back, so no time limit could end the wait. Opened without blocking, a pipe opens at once and is refused;
 * the flag changes nothing for a file. Rejects with code ENOENT for a missing file, as fs.readFile does.
 */
export async function readOnlyFile(path: string): Promise<Uint8Array> {
  // Windows has no such flag (nor pipes in a folder): undefined is no flag.
  const file = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    if (!(await file.stat()).isFile()) throw new Error('not a file: a pipe, socket or device');
    return await file.readFile();
  } finally {
    await file.close();
  }
}

export interface Sidecar {
  bytes?: Uint8Array;
  meta: Partial<DocumentMeta>;
  problems: string[];
}

/**
 * The file's sidecar, if it has one; a sidecar that cannot be read,
 * or a field of it that is not valid, is a problem, not an error.
 */
export async function readSidecar(path: string, read: (path: string) => Promise<Uint8Array>): Promise<Sidecar> {
  for (const candidate of sidecarPaths(path)) {
    let bytes: Uint8Array;
    try {
      bytes = await read(candidate);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      return { meta: {}, problems: [`${basename(candidate)} cannot be read (${readError(error)})`] };
    }
    const { meta, problems } = readStatedMeta(new TextDecoder().decode(bytes), basename(candidate));
    return { bytes, meta, problems };
  }
  return { meta: {}, problems: [] };
}

/**
 * Every file under `root` except in dot-folders, as absolute paths; symbolic links are listed for
 * the loader to follow (or report when they lead nowhere), and pipes, sockets and devices for it to
 * report. Folders that cannot be listed are returned apart, so the rest still loads.
 */
export async function listFiles(
  root: string,
): Promise<{ files: string[]; unlisted: { path: string; error: unknown }[] }> {
  const files: string[] = [];
  const unlisted: { path: string; error: unknown }[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (dir === root) throw error;
      unlisted.push({ path: dir, error });
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else files.push(path);
    }
  };
  await walk(root);
  return { files, unlisted };
}
