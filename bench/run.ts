// `npm run bench`: Dossier's speed and memory at 1×, 100× and 1000× the seed corpus, beside plain
// search libraries. Prints Markdown tables and writes bench/results.json. See README "Benchmarks".
import { execFile } from 'node:child_process';
import { readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ask, askJson } from '../src/answer/ask.js';
import { cite } from '../src/answer/cite.js';
import { answerFigures } from '../src/answer/figures/index.js';
import { loadCorpus } from '../src/corpus/load.js';
import { composeDigest } from '../src/digest/compose.js';
import { corpusFigures } from '../src/digest/figures.js';
import type { Passage } from '../src/corpus/types.js';
import { Dossier } from '../src/engine/dossier.js';
import { WORDNET_DIR } from '../src/search/wordnet.js';
import { generateCorpus } from './generate.js';
import { LIBRARIES, type Library } from './libraries.js';
import { askQuality, latency, type AskCase, type Latency } from './stats.js';

const here = dirname(fileURLToPath(import.meta.url));
const seedsDir = resolve(here, '../../shared/seeds');
const devFile = resolve(here, '../../shared/eval/dev.json');
const outDir = join(here, 'out');
const LEVELS = (process.env.BENCH_LEVELS ?? '1,100,1000').split(',').map(Number);
const DIGESTS = 100;
const DIGEST_BUDGET_MS = 45_000;
/** Per engine and kind of question: enough passes for stable percentiles on small corpora, bounded on large. */
const LATENCY = { minSamples: 300, budgetMs: 6000 };

// `npm run bench` starts Node without --expose-gc; turning it on here makes heap figures measurable.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMB = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

interface DevCase {
  id: string;
  kind: 'ask' | 'cite' | 'figures';
  query: string;
}
const dev = JSON.parse(await readFile(devFile, 'utf8')) as DevCase[];
const queriesOf = (kind: DevCase['kind']) => dev.filter((c) => c.kind === kind).map((c) => c.query);
const askCases = dev.filter((c): c is AskCase & DevCase => c.kind === 'ask');

const seedCorpus = await loadCorpus(seedsDir);
const seedFiles = new Map<string, Uint8Array>();
for (const name of (await readdir(seedsDir)).sort()) seedFiles.set(name, await readFile(join(seedsDir, name)));

interface LibraryResult {
  name: string;
  buildS: number;
  heapMB: number;
  query: Latency;
  recallAt3?: number;
  mrr?: number;
}

interface LevelResult {
  factor: number;
  files: number;
  corpusMB: number;
  generateS: number;
  passages: number;
  ingestS: number;
  indexMB: number;
  heapMB: number;
  coldStart: { totalS: number; openS: number; wallS: number; fromCache: boolean };
  ask: Latency;
  cite: Latency;
  figures: Latency;
  /** Time for DIGESTS digests; projected from `digestsComposed` when the budget ran out first. */
  digestsS: number;
  digestsComposed: number;
  quality?: { recallAt3: number; mrr: number };
  libraries: LibraryResult[];
}

const results: LevelResult[] = [];
const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  node: process.version,
  date: new Date().toISOString(),
};
const benchStart = performance.now();

for (const factor of LEVELS) {
  results.push(await measureLevel(factor));
  await writeFile(
    join(here, 'results.json'),
    `${JSON.stringify({ machine, totalS: (performance.now() - benchStart) / 1000, results }, null, 2)}\n`,
  );
}

/** One corpus size, in a function of its own so its corpus and indexes are garbage once it returns. */
async function measureLevel(factor: number): Promise<LevelResult> {
  const seconds = (since: number) => (performance.now() - since) / 1000;
  const corpusDir = join(outDir, `corpus-${factor}x`);
  const cacheDir = join(outDir, `cache-${factor}x`);
  await rm(cacheDir, { recursive: true, force: true });
  log(`${factor}×: generating`);
  let t = performance.now();
  const generated = await generateCorpus({ documents: seedCorpus.documents, files: seedFiles }, corpusDir, factor);
  const generateS = seconds(t);

  const heapBefore = heapMB();
  log(`${factor}×: ingesting ${generated.files} files`);
  t = performance.now();
  const dossier = await Dossier.open({ corpusDir, cacheDir, wordnet: WORDNET_DIR });
  const ingestS = seconds(t);
  const heap = heapMB() - heapBefore;
  const indexFile = (await readdir(cacheDir)).find((f) => f.endsWith('.json'));
  const indexMB = indexFile ? (await stat(join(cacheDir, indexFile))).size / 2 ** 20 : NaN;
  const passages = dossier.passages;

  log(`${factor}×: ${passages.length} passages; timing queries`);
  const d = dossier;
  const askL = await latency(queriesOf('ask'), (q) => ask(d, q), LATENCY);
  const citeL = await latency(queriesOf('cite'), (q) => cite(d, q), LATENCY);
  const figuresL = await latency(queriesOf('figures'), (q) => answerFigures(d, q), LATENCY);
  const digests = composeDigests(d);
  const quality = factor === 1 ? await askQuality(askCases, async (q) => askJson(ask(d, q)).results) : undefined;

  log(`${factor}×: cold start`);
  t = performance.now();
  const child = await promisify(execFile)(
    process.execPath,
    [...process.execArgv, join(here, 'coldstart.ts'), corpusDir, cacheDir, queriesOf('ask')[0]!],
    { maxBuffer: 1 << 20 },
  );
  const wallS = seconds(t);
  const cold = JSON.parse(child.stdout) as { fromCache: boolean; openMs: number; totalMs: number };

  const libraries: LibraryResult[] = [];
  for (const library of LIBRARIES) {
    log(`${factor}×: ${library.name}`);
    libraries.push(await measureLibrary(library, passages, d, factor === 1));
  }
  return {
    factor,
    files: generated.files,
    corpusMB: generated.bytes / 2 ** 20,
    generateS,
    passages: passages.length,
    ingestS,
    indexMB,
    heapMB: heap,
    coldStart: { totalS: cold.totalMs / 1000, openS: cold.openMs / 1000, wallS, fromCache: cold.fromCache },
    ask: askL,
    cite: citeL,
    figures: figuresL,
    digestsS: digests.projectedS,
    digestsComposed: digests.composed,
    quality,
    libraries,
  };
}

console.log(markdown());
log(`total ${((performance.now() - benchStart) / 1000).toFixed(0)} s`);

/**
 * Composes DIGESTS digests of two topics each, or as many as DIGEST_BUDGET_MS allows (the 1000× corpus
 * cannot fit 100 in the run's ten minutes); the time for DIGESTS is then projected from the mean.
 */
function composeDigests(dossier: Dossier): { composed: number; projectedS: number } {
  const topics = queriesOf('figures');
  const start = performance.now();
  let composed = 0;
  while (composed < DIGESTS && (composed < 5 || performance.now() - start < DIGEST_BUDGET_MS)) {
    composeDigest({
      dossier,
      topics: [topics[composed % topics.length]!, topics[(composed + 1) % topics.length]!],
      newDocuments: [],
      seen: new Set(),
      figures: corpusFigures,
    });
    composed++;
  }
  return { composed, projectedS: ((performance.now() - start) / 1000 / composed) * DIGESTS };
}

/** Builds one library's index in a function of its own, so nothing keeps it alive once measured. */
async function measureLibrary(
  library: Library,
  passages: Passage[],
  dossier: Dossier,
  scoreQuality: boolean,
): Promise<LibraryResult> {
  const base = heapMB();
  const start = performance.now();
  const index = await library.build(passages);
  const buildS = (performance.now() - start) / 1000;
  const heap = heapMB() - base;
  const query = await latency(queriesOf('ask'), (q) => index.search(q, 10), LATENCY);
  if (!scoreQuality) return { name: library.name, buildS, heapMB: heap, query };
  const quality = await askQuality(askCases, async (q) =>
    (await index.search(q, 3)).flatMap((id) => {
      const p = dossier.passage(id);
      return p ? [{ source: p.source, passage: p.text, excerpt: '' }] : [];
    }),
  );
  return { name: library.name, buildS, heapMB: heap, query, ...quality };
}

function log(message: string): void {
  console.error(`[bench ${((performance.now() - benchStart) / 1000).toFixed(0)}s] ${message}`);
}

function markdown(): string {
  const ms = (x: number) => x.toFixed(x < 10 ? 2 : 1);
  const lat = (l: Latency) => `${ms(l.p50)} / ${ms(l.p95)} / ${ms(l.p99)}`;
  const lines = [
    `${machine.cpu}, ${machine.cores} cores, Node ${machine.node}. Latencies in ms (p50 / p95 / p99).`,
    '',
    '| size | files | MB | passages | ingest + index (s) | index file (MB) | heap (MB) | cold start (s) | ask | cite | figures | 100 digests (s) |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.factor}× | ${r.files} | ${r.corpusMB.toFixed(1)} | ${r.passages} | ${r.ingestS.toFixed(2)} | ${r.indexMB.toFixed(1)} | ${r.heapMB.toFixed(0)} | ${r.coldStart.totalS.toFixed(2)} | ${lat(r.ask)} | ${lat(r.cite)} | ${lat(r.figures)} | ${r.digestsS.toFixed(2)}${r.digestsComposed < DIGESTS ? ` (from ${r.digestsComposed})` : ''} |`,
    ),
    '',
    'Plain libraries, default options, paragraph text only, same passages and ask questions (top 10):',
    '',
    '| size | library | build (s) | heap (MB) | query p50 (ms) | query p99 (ms) |',
    '|---|---|---|---|---|---|',
    ...results.flatMap((r) =>
      r.libraries.map(
        (l) =>
          `| ${r.factor}× | ${l.name} | ${l.buildS.toFixed(2)} | ${l.heapMB.toFixed(0)} | ${ms(l.query.p50)} | ${ms(l.query.p99)} |`,
      ),
    ),
  ];
  const one = results.find((r) => r.factor === 1);
  if (one?.quality) {
    lines.push(
      '',
      'Ask quality at 1× on the dev cases (scored as ../shared/eval/score.mjs does, top 3):',
      '',
      '| engine | ask R@3 | MRR |',
      '|---|---|---|',
      `| Dossier | ${one.quality.recallAt3.toFixed(2)} | ${one.quality.mrr.toFixed(2)} |`,
      ...one.libraries.map((l) => `| ${l.name} | ${l.recallAt3?.toFixed(2)} | ${l.mrr?.toFixed(2)} |`),
    );
  }
  return lines.join('\n');
}
