/**
 * Whether dist/ was built from the sources as they are now. `scripts/build.mjs --if-changed` (npm install's
 * `prepare`, `npm start`'s `prestart`) and the `dossier` command (`bin/dossier.js`) both ask, so that a checkout
 * updated without a build never runs old code, nor fails for want of a file the new code expects.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** What the build reads: a change to any of it means dist/ is out of date. */
const SOURCES = [
  'src',
  'adapters',
  'tsconfig.json',
  'tsconfig.build.json',
  'scripts/build.mjs',
  'scripts/built.mjs',
  'scripts/dist-swap.mjs',
];
/** The hash of the sources dist/ was built from, its modification time set to when that hash was taken. */
export const STAMP = join(ROOT, 'dist', '.sources-hash');

/**
 * Visits every source file and folder (a folder's time changes when an entry is added, removed or renamed). A
 * folder's entries say which of them are folders, so no file is opened as one: that failed with an error per file,
 * ~10 ms of every `dossier` call.
 */
function walk(visit) {
  const folder = (path) => {
    visit(path, true);
    const entries = readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      if (entry.isDirectory()) folder(join(path, entry.name));
      else visit(join(path, entry.name), false);
    }
  };
  for (const source of SOURCES) {
    const path = join(ROOT, source);
    if (statSync(path).isDirectory()) folder(path);
    else visit(path, false);
  }
}

export function sourcesHash() {
  const hash = createHash('sha256');
  walk((path, folder) => {
    if (!folder)
      hash
        .update(`${relative(ROOT, path)}\0`)
        .update(readFileSync(path))
        .update('\0');
  });
  return hash.digest('hex');
}

/** Records that dist/ holds the sources whose hash was taken at `takenAt` (a change after it is seen as one). */
export function stampTime(takenAt) {
  utimesSync(STAMP, takenAt, takenAt);
}

/**
 * True when dist/ holds the current sources. Stat times answer most calls (a hash of every source costs ~20 ms
 * on each `dossier` call); a source newer than the stamp is then hashed, since a checkout rewrites files it
 * leaves unchanged, and an equal hash moves the stamp forward so the next call answers from times again.
 */
export function isCurrent() {
  let stamp;
  try {
    stamp = statSync(STAMP);
  } catch {
    return false;
  }
  let newest = 0;
  walk((path) => {
    newest = Math.max(newest, statSync(path).mtimeMs);
  });
  if (newest <= stamp.mtimeMs) return true;
  const takenAt = new Date();
  if (readFileSync(STAMP, 'utf8').trim() !== sourcesHash()) return false;
  stampTime(takenAt);
  return true;
}
