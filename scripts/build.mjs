#!/usr/bin/env node
/**
 * Compiles src/ and adapters/ to dist/, then bundles the command line into dist/cli/. With --if-changed
 * (npm install's `prepare`, `npm start`'s `prestart`), only when the sources differ from those dist/ was
 * last built from (`scripts/built.mjs`): a start then costs a look at the sources instead of a build, and a built
 * tree installed with `npm ci --omit=dev`, which has no TypeScript, still starts.
 *
 * Each build is made whole in a folder of its own, `dist/build-<time>-<pid>/`, and only then put in place
 * (`dist-swap.mjs`): a `dossier` call or a bot running while the sources are rebuilt keeps loading the build it
 * started from, where a build written over dist/ had it load half of one (a chunk removed, a module of the next).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { isCurrent, ROOT, sourcesHash, STAMP, stampTime } from './built.mjs';
import { DIST, newBuildFolder, removeOldBuilds, running, swapIn } from './dist-swap.mjs';

const ifChanged = process.argv.includes('--if-changed');
if (ifChanged && isCurrent()) process.exit(0);
buildAlone();
// Another build may have finished while this one waited for it.
if (ifChanged && isCurrent()) process.exit(0);
// Taken before the sources are read, so that one edited during the build is newer than the stamp.
const takenAt = new Date();
const hash = sourcesHash();

const require = createRequire(import.meta.url);
let tsc;
try {
  tsc = require.resolve('typescript/bin/tsc');
  require.resolve('esbuild');
} catch {
  console.error(
    'dossier: dist/ is missing or older than the sources, and TypeScript is not installed to build it ' +
      '(an install with --omit=dev?): run `npm ci && npm run build` first, then `npm ci --omit=dev`.',
  );
  process.exit(1);
}
const folder = newBuildFolder();
const build = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', folder], {
  stdio: 'inherit',
});
if (build.status !== 0) {
  rmSync(folder, { recursive: true, force: true });
  process.exit(build.status ?? 1);
}
await bundleCli(folder);
swapIn(folder);
writeFileSync(STAMP, `${hash}\n`);
stampTime(takenAt);
const left = removeOldBuilds();
if (left.length)
  console.warn(`dossier: could not remove old builds in dist/ (${left.join(', ')}); the next build retries`);

/**
 * One build at a time: `dossier` calls started together (a scorer runs two) after the sources changed would
 * otherwise each write dist/, one deleting the bundle another is loading. The lock file holds its builder's
 * pid, so a build that was killed leaves no lock behind that anyone waits on.
 */
function buildAlone() {
  const lock = join(DIST, '.build-lock');
  mkdirSync(DIST, { recursive: true });
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      process.on('exit', () => rmSync(lock, { force: true }));
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    // A pid not yet written (0) counts as running, its builder about to write it.
    const pid = Number(readFileSync(lock, 'utf8'));
    if (pid && !running(pid)) rmSync(lock, { force: true });
    else Atomics.wait(pause, 0, 0, 200);
  }
}

/**
 * The command line in a few files, `dist/cli/dossier.js` and the chunks it loads, which `bin/dossier.js`
 * runs. Node spent most of a `dossier ask` call finding, reading and compiling ~90 of our modules and ~95
 * of zod's, one file at a time; one bundle is read and compiled at once. It is made from the compiled
 * build in `folder`, so it runs exactly the code `npm start` runs; the tests run the sources.
 */
async function bundleCli(folder) {
  const { build } = await import('esbuild');
  const out = join(folder, 'cli');
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  /**
   * Packages bundled in: plain JavaScript that reads no files of its own. The others stay imports: native
   * addons, packages with data files or worker scripts, and those the code loads only on first use.
   */
  const bundled = new Set(['zod', 'minisearch', 'wink-porter2-stemmer', 'ipaddr.js']);
  const common = {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir: out,
    external: Object.keys(pkg.dependencies).filter((name) => !bundled.has(name)),
    plugins: [zodWithoutLocales()],
    // Fewer bytes for Node to read and parse on every call (~2% of a call's instructions), names kept so that a
    // stack trace still names its functions; the source map leads back to dist/ (node --enable-source-maps).
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: true,
    logLevel: 'warning',
  };
  // Split, so that what only `digest` or `add` needs is a chunk loaded by those commands alone.
  await build({
    ...common,
    entryPoints: { dossier: join(folder, 'adapters', 'terminal', 'cli.js') },
    splitting: true,
    chunkNames: '[name]-[hash]',
  });
  // The bundled code starts these as workers from the file beside its own (`new URL('./parse-worker.js', …)`).
  await build({
    ...common,
    entryPoints: [
      'src/engine/parse-worker.js',
      'src/ingest/read-worker.js',
      'src/digest/pg-worker.js',
      'src/answer/figures/chart-worker.js',
    ].map((file) => join(folder, file)),
    entryNames: '[name]',
  });
}

/**
 * zod's translations of its messages into other languages, left out of the bundle: evaluating them took
 * a third of the command line's start, and Dossier's messages are its own, in English (zod's English
 * messages are imported apart and stay).
 */
function zodWithoutLocales() {
  return {
    name: 'zod-without-locales',
    setup(build) {
      build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, ({ importer }) =>
        /[\\/]node_modules[\\/]zod[\\/]/.test(importer) ? { path: 'zod-locales', namespace: 'empty' } : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export {};', loader: 'js' }));
    },
  };
}
