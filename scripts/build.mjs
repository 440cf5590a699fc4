#!/usr/bin/env node
/**
 * Compiles src/ and adapters/ to dist/. With --if-changed (npm install's `prepare`, `npm start`'s
 * `prestart`), only when the sources differ from those dist/ was last built from: a start then
 * costs a hash of the sources instead of a TypeScript build, and a built tree installed with
 * `npm ci --omit=dev`, which has no TypeScript, still starts.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** What the build reads: a change to any of it means dist/ is out of date. */
const SOURCES = ['src', 'adapters', 'tsconfig.json', 'tsconfig.build.json'];
/** The hash of the sources dist/ was built from, written after each successful build. */
const STAMP = join(ROOT, 'dist', '.sources-hash');

function sourcesHash() {
  const hash = createHash('sha256');
  const add = (path) => {
    let entries;
    try {
      entries = readdirSync(path, { withFileTypes: true });
    } catch (error) {
      if (error.code !== 'ENOTDIR') throw error;
      hash
        .update(`${relative(ROOT, path)}\0`)
        .update(readFileSync(path))
        .update('\0');
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) add(join(path, entry.name));
  };
  for (const source of SOURCES) add(join(ROOT, source));
  return hash.digest('hex');
}

function builtFrom() {
  try {
    return readFileSync(STAMP, 'utf8').trim();
  } catch {
    return undefined;
  }
}

const hash = sourcesHash();
if (process.argv.includes('--if-changed') && builtFrom() === hash) process.exit(0);

let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  console.error(
    'dossier: dist/ is missing or older than the sources, and TypeScript is not installed to build it ' +
      '(an install with --omit=dev?): run `npm ci && npm run build` first, then `npm ci --omit=dev`.',
  );
  process.exit(1);
}
const build = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
writeFileSync(STAMP, `${hash}\n`);
