import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, constants, openSync } from 'node:fs';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { Dossier, type DossierOptions } from '../../src/engine/dossier.js';

/** A seed paragraph's name in the repo: the sha1 prefix of its raw trimmed text (the text may not be copied). */
export const paragraphKey = (text: string) => createHash('sha1').update(text).digest('hex').slice(0, 10);

const LIST_ITEM = /^(?:•|\d+\.)\s+/;

/**
 * The raw file's paragraphs as a reader sees them: split at blank lines and trimmed; a list block gives one
 * paragraph per item, without its marker.
 */
export function rawParagraphs(raw: string): string[] {
  return raw
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .flatMap((p) => (LIST_ITEM.test(p) ? p.split('\n').map((line) => line.trim().replace(LIST_ITEM, '')) : [p]));
}

/** The sample corpus's lexicon of its subject, for the seed articles on the same subject. */
export const SAMPLE_LEXICON = resolve(dirname(fileURLToPath(import.meta.url)), '../../corpus/synonyms.yaml');

/** A temporary corpus folder holding the given files; `cleanup` removes it. */
export async function tempCorpus(
  files: Record<string, string | Uint8Array>,
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'dossier-corpus-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), content);
  }
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * The engine opened over a temporary corpus of `files`, for a suite's `beforeAll`: `cleanup` stops its watcher (if a
 * test started one) and removes the folder, which is removed at once if the engine fails to open.
 */
export async function openCorpus(
  files: Record<string, string | Uint8Array>,
  options: Omit<DossierOptions, 'corpusDir'> = {},
): Promise<{ dossier: Dossier; dir: string; cleanup: () => Promise<void> }> {
  const corpus = await tempCorpus(files);
  try {
    const dossier = await Dossier.open({ ...options, corpusDir: corpus.dir });
    return {
      dossier,
      dir: corpus.dir,
      cleanup: async () => {
        dossier.close();
        await corpus.cleanup();
      },
    };
  } catch (error) {
    await corpus.cleanup();
    throw error;
  }
}

/**
 * The engine over a temporary corpus of `files`, opened before the calling suite's tests and removed after them;
 * the returned function gives it.
 */
export function corpusForSuite(
  files: Record<string, string | Uint8Array>,
  options: Omit<DossierOptions, 'corpusDir'> = {},
): () => Dossier {
  let corpus: Awaited<ReturnType<typeof openCorpus>> | undefined;
  beforeAll(async () => {
    corpus = await openCorpus(files, options);
  });
  afterAll(() => corpus?.cleanup());
  return () => corpus!.dossier;
}

/**
 * Runs `use` with the engine opened over a temporary corpus of `files` and removes the folder whatever happens;
 * `use` also gets the folder, to open the same corpus again with other options.
 */
export async function withCorpus<T>(
  files: Record<string, string | Uint8Array>,
  use: (dossier: Dossier, dir: string) => T | Promise<T>,
  options: Omit<DossierOptions, 'corpusDir'> = {},
): Promise<T> {
  const { dossier, dir, cleanup } = await openCorpus(files, options);
  try {
    return await use(dossier, dir);
  } finally {
    await cleanup();
  }
}

/** A temporary corpus folder of `files` and an empty cache folder beside it; `cleanup` removes both. */
export async function tempCorpusAndCache(
  files: Record<string, string | Uint8Array>,
): Promise<{ dir: string; cacheDir: string; cleanup: () => Promise<void> }> {
  const corpus = await tempCorpus(files);
  const cacheDir = await mkdtemp(join(tmpdir(), 'dossier-cache-'));
  return {
    dir: corpus.dir,
    cacheDir,
    cleanup: async () => {
      await corpus.cleanup();
      await rm(cacheDir, { recursive: true, force: true });
    },
  };
}

/**
 * A maker of `tempCorpusAndCache` folders for the calling file's tests, each pair removed after the test that made it.
 */
export function corpusAndCachePerTest(): (
  files: Record<string, string | Uint8Array>,
) => Promise<{ dir: string; cacheDir: string }> {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });
  return async (files) => {
    const { cleanup, ...made } = await tempCorpusAndCache(files);
    cleanups.push(cleanup);
    return made;
  };
}

/** A short Markdown note with front matter. */
export const note = (title: string, body: string, date = '2026-01-15') =>
  `---\ntitle: ${title}\nauthor: Test Desk\npublisher: Dossier Tests\ndate: ${date}\n---\n\n${body}\n`;

/** A one-note corpus with one plain, findable sentence: for tests about the surfaces rather than the answers. */
export const SILT = 'The dredging contractor reported that silt levels in the harbour had fallen by a third.';
export const siltCorpus = () => tempCorpus({ 'harbour.md': note('Harbour', SILT) });

/** A whole and two of its parts in one sentence: "truck crashes" asks for the whole and one part, not the other. */
export const CRASHES_AND_PARTS = note(
  'County Road Report',
  'The county recorded 9,000 road crashes in 2021, with over 2,000 of those involving trucks and some 900 ' +
    'involving buses.',
);

/**
 * A named pipe at `path` that nothing writes to (mkfifo): a reader that opens it waits for ever. `release` opens it to
 * write, so that a reader still waiting (code that should have refused it) goes on and the tests' process can exit:
 * the wait holds one of the threads Node reads files on, which not even process.exit gets back.
 */
export function namedPipe(path: string): { release: () => void } {
  const made = spawnSync('mkfifo', [path], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`mkfifo ${path} failed: ${made.stderr}`);
  const release = () => {
    try {
      closeSync(openSync(path, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // ENXIO: no reader is waiting.
    }
  };
  return { release };
}
