// `npm run bench`: Dossier's speed and memory at 1×, 100× and 1000× the seed corpus, on corpora whose vocabulary
// grows as real text's does, beside plain search libraries set up for English; and every engine's answer quality
// on the dev, validation and SciFact questions. Prints Markdown tables and writes bench/results.json.
// See README "Benchmarks".
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ask, askJson } from '../src/answer/ask.js';
import { cite } from '../src/answer/cite.js';
import { answerFigures } from '../src/answer/figures/index.js';
import { composeDigest } from '../src/digest/compose.js';
import { corpusFigures } from '../src/digest/figures.js';
import { Dossier } from '../src/engine/dossier.js';
import { WORDNET_DIR } from '../src/search/wordnet.js';
import { generateCorpus, words, type Heaps } from './generate.js';
import { LIBRARIES, type Library, type PeerPassage } from './libraries.js';
import {
  devQuestions,
  DEPTH,
  sciFactClaims,
  scoreClaims,
  scoreSeedQuestions,
  validationQuestions,
  type Quality,
  type SeedQuestion,
} from './quality-sets.js';
import { hotspots } from './profile.js';
import { latency, type Latency } from './stats.js';

const here = dirname(fileURLToPath(import.meta.url));
const seedsDir = resolve(here, '../../shared/seeds');
const devFile = resolve(here, '../../shared/eval/dev.json');
const sciFactDir = resolve(here, '../../shared/external/scifact');
const outDir = join(here, 'out');
const LEVELS = (process.env.BENCH_LEVELS ?? '1,100,1000').split(',').filter(Boolean).map(Number);
/** `BENCH_QUALITY=0` leaves out the quality table (dev, validation and SciFact for every engine). */
const QUALITY = process.env.BENCH_QUALITY !== '0';
const DIGESTS = 100;
const DIGEST_BUDGET_MS = 45_000;
/** Per engine and kind of question: enough passes for stable percentiles on small corpora, bounded on large. */
const LATENCY = { minSamples: 300, budgetMs: 6000 };

for (const [what, path] of [
  ['the seed articles', seedsDir],
  ['the dev questions', devFile],
  ['SciFact', sciFactDir],
] as const)
  if (!existsSync(path)) {
    console.error(`npm run bench: ${what} are missing at ${path} (../shared beside the project)`);
    process.exit(2);
  }

// `npm run bench` starts Node without --expose-gc; turning it on here makes heap figures measurable.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMB = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

interface DevCase {
  kind: 'ask' | 'cite' | 'figures';
  query: string;
}
const dev = JSON.parse(await readFile(devFile, 'utf8')) as DevCase[];
const queriesOf = (kind: DevCase['kind']) => dev.filter((c) => c.kind === kind).map((c) => c.query);
const devAsk = devQuestions(devFile);
const seedPassages = (await Dossier.open({ corpusDir: seedsDir })).passages.length;

interface LibraryResult {
  name: string;
  buildS: number;
  heapMB: number;
  query: Latency;
}

interface CorpusStats {
  documents: number;
  passages: number;
  words: number;
  distinctWords: number;
  /** Distinct terms in the search index (analysed: folded, stemmed), over every field. */
  indexTerms: number;
  /** Files written by the generator (the real files are linked in place). */
  generatedMB: number;
  heaps?: Heaps;
}

interface LevelResult {
  factor: number;
  corpus: CorpusStats;
  generateS: number;
  ingestS: number;
  indexMB: number;
  heapMB: number;
  coldStart: ColdStart;
  ask: Latency;
  cite: Latency;
  figures: Latency;
  /** Time for DIGESTS digests; projected from `digestsComposed` when the budget ran out first. */
  digestsS: number;
  digestsComposed: number;
  /** The dev questions at this size: their answers are in the corpus at every size. */
  devAsk: Quality;
  libraries: LibraryResult[];
}

/** A fresh Node process opening the saved corpus and index and answering one question (bench/coldstart.mjs). */
interface ColdStart {
  /** From `Dossier.open` to the answer, in the child. */
  openToAnswerS: number;
  /** From the child's start (Node's own start-up and module loading included) to the answer. */
  processToAnswerS: number;
  /** CPU the child used (user + system): on a busy machine, steadier than wall time. */
  cpuS: number;
  /** Where the time went: Node's start, imports, opening the engine, the answer (ms). */
  phases: Record<string, number>;
  /** The functions a profiled second start spent most time in (ms). */
  hotspots: { name: string; ms: number }[];
  heapMB: number;
  fromCache: boolean;
}

interface QualityRow {
  engine: string;
  dev: Quality;
  validation: Quality;
  scifact: Quality;
}

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  node: process.version,
  date: new Date().toISOString(),
  loadAverageAtStart: loadavg()[0] ?? NaN,
};
const benchStart = performance.now();
const results: LevelResult[] = [];
let quality: QualityRow[] = [];
let sciFactDocuments = 0;
const save = () =>
  writeFile(
    join(here, 'results.json'),
    `${JSON.stringify({ machine, totalS: (performance.now() - benchStart) / 1000, results, quality, sciFactDocuments }, null, 2)}\n`,
  );

for (const factor of LEVELS) {
  results.push(await measureLevel(factor));
  await save();
}
if (QUALITY) {
  quality = await measureQuality();
  await save();
}

/** One corpus size, in a function of its own so its corpus and indexes are garbage once it returns. */
async function measureLevel(factor: number): Promise<LevelResult> {
  const seconds = (since: number) => (performance.now() - since) / 1000;
  const corpusDir = join(outDir, `corpus-${factor}x`);
  const cacheDir = join(outDir, `cache-${factor}x`);
  await rm(cacheDir, { recursive: true, force: true });
  log(`${factor}×: generating`);
  let t = performance.now();
  const generated = await generateCorpus(
    { seedsDir, realDir: join(sciFactDir, 'corpus'), seedPassages },
    corpusDir,
    factor,
  );
  const generateS = seconds(t);

  const heapBefore = heapMB();
  log(`${factor}×: ingesting ${generated.files} files`);
  t = performance.now();
  const dossier = await Dossier.open({ corpusDir, cacheDir, wordnet: WORDNET_DIR });
  const ingestS = seconds(t);
  const heap = heapMB() - heapBefore;
  const indexMB = await savedSize(cacheDir);
  const corpus = corpusStats(dossier, generated.bytes, generated.heaps);
  log(
    `${factor}×: ${corpus.documents} documents, ${corpus.passages} passages, ${corpus.words} words, ` +
      `${corpus.distinctWords} distinct; timing queries`,
  );
  const d = dossier;
  const askL = await latency(queriesOf('ask'), (q) => ask(d, q), LATENCY);
  const citeL = await latency(queriesOf('cite'), (q) => cite(d, q), LATENCY);
  const figuresL = await latency(queriesOf('figures'), (q) => answerFigures(d, q), LATENCY);
  const digests = composeDigests(d);
  const devQuality = await scoreSeedQuestions(devAsk, async (q) => askJson(ask(d, q, { limit: DEPTH })).results);

  log(`${factor}×: cold start`);
  const coldStart = await measureColdStart(corpusDir, cacheDir);

  const passages = peerPassages(dossier);
  const libraries: LibraryResult[] = [];
  for (const library of LIBRARIES) {
    log(`${factor}×: ${library.name}`);
    libraries.push(await measureLibrary(library, passages));
  }
  return {
    factor,
    corpus,
    generateS,
    ingestS,
    indexMB,
    heapMB: heap,
    coldStart,
    ask: askL,
    cite: citeL,
    figures: figuresL,
    digestsS: digests.projectedS,
    digestsComposed: digests.composed,
    devAsk: devQuality,
    libraries,
  };
}

/** The size of what the engine saved for the next start (all of the cache folder). */
async function savedSize(cacheDir: string): Promise<number> {
  let bytes = 0;
  for (const f of await readdir(cacheDir)) bytes += (await stat(join(cacheDir, f))).size;
  return bytes / 2 ** 20;
}

function corpusStats(dossier: Dossier, generatedBytes: number, heaps?: Heaps): CorpusStats {
  let total = 0;
  const distinct = new Set<string>();
  const passages = dossier.passages;
  for (const p of passages) {
    for (const w of words(p.text)) {
      total++;
      distinct.add(w);
    }
  }
  return {
    documents: dossier.documents.length,
    passages: passages.length,
    words: total,
    distinctWords: distinct.size,
    indexTerms: dossier.index.terms,
    generatedMB: generatedBytes / 2 ** 20,
    heaps,
  };
}

async function measureColdStart(corpusDir: string, cacheDir: string): Promise<ColdStart> {
  const run = (flags: string[]) =>
    promisify(execFile)(
      process.execPath,
      [...flags, join(here, 'coldstart.mjs'), corpusDir, cacheDir, queriesOf('ask')[0]!],
      {
        maxBuffer: 1 << 20,
      },
    );
  const child = await run([]);
  const cold = JSON.parse(child.stdout) as {
    fromCache: boolean;
    openMs: number;
    answerMs: number;
    processMs: number;
    cpuMs: number;
    heapMB: number;
    phases: Record<string, number>;
  };
  // A second start under the profiler says where the time goes
  // (profiling slows it a little, so it is not the one timed).
  const profileDir = join(outDir, 'profiles');
  await rm(profileDir, { recursive: true, force: true });
  await run(['--cpu-prof', `--cpu-prof-dir=${profileDir}`]);
  const [profile] = await readdir(profileDir);
  return {
    openToAnswerS: (cold.openMs + cold.answerMs) / 1000,
    processToAnswerS: cold.processMs / 1000,
    cpuS: cold.cpuMs / 1000,
    phases: cold.phases,
    hotspots: profile ? await hotspots(join(profileDir, profile)) : [],
    heapMB: cold.heapMB,
    fromCache: cold.fromCache,
  };
}

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

/** What the peers index: Dossier's own passages, each with its document's title. */
function peerPassages(dossier: Dossier): PeerPassage[] {
  return dossier.passages.map((p) => ({ id: p.id, title: dossier.citation(p).title, text: p.text }));
}

/** Builds one library's index in a function of its own, so nothing keeps it alive once measured. */
async function measureLibrary(library: Library, passages: PeerPassage[]): Promise<LibraryResult> {
  const base = heapMB();
  const start = performance.now();
  const index = await library.build(passages);
  const buildS = (performance.now() - start) / 1000;
  const heap = heapMB() - base;
  const query = await latency(queriesOf('ask'), (q) => index.search(q, DEPTH), LATENCY);
  return { name: library.name, buildS, heapMB: heap, query };
}

/**
 * Every engine on the dev and validation questions over the seeds and on SciFact's claims over its abstracts:
 * Dossier's ask, and each library over the passages Dossier made of the same files.
 */
async function measureQuality(): Promise<QualityRow[]> {
  log('quality: dev, validation and SciFact');
  const validation = await validationQuestions(seedsDir);
  const claims = sciFactClaims(sciFactDir);
  const seeds = await Dossier.open({ corpusDir: seedsDir });
  const sciFact = await Dossier.open({
    corpusDir: join(sciFactDir, 'corpus'),
    cacheDir: join(outDir, 'cache-scifact'),
  });
  sciFactDocuments = sciFact.documents.length;
  const onSeeds = (questions: SeedQuestion[]) =>
    scoreSeedQuestions(questions, async (q) => askJson(ask(seeds, q, { limit: DEPTH })).results);
  const rows: QualityRow[] = [
    {
      engine: 'Dossier',
      dev: await onSeeds(devAsk),
      validation: await onSeeds(validation),
      scifact: await scoreClaims(claims, async (q) =>
        ask(sciFact, q, { limit: DEPTH }).results.map((r) => r.passage.source),
      ),
    },
  ];
  const seedPeers = peerPassages(seeds);
  const sciFactPeers = peerPassages(sciFact);
  for (const library of LIBRARIES) {
    log(`quality: ${library.name}`);
    const onSeedsIndex = await library.build(seedPeers);
    const asResults = async (q: string) =>
      (await onSeedsIndex.search(q, DEPTH)).flatMap((id) => {
        const p = seeds.passage(id);
        return p ? [{ source: p.source, passage: p.text, excerpt: '' }] : [];
      });
    const sciFactIndex = await library.build(sciFactPeers);
    rows.push({
      engine: library.name,
      dev: await scoreSeedQuestions(devAsk, asResults),
      validation: await scoreSeedQuestions(validation, asResults),
      scifact: await scoreClaims(claims, async (q) =>
        (await sciFactIndex.search(q, DEPTH)).map((id) => sciFact.passage(id)?.source ?? ''),
      ),
    });
  }
  return rows;
}

console.log(markdown());
log(`total ${((performance.now() - benchStart) / 1000).toFixed(0)} s`);

function log(message: string): void {
  console.error(`[bench ${((performance.now() - benchStart) / 1000).toFixed(0)}s] ${message}`);
}

function markdown(): string {
  const ms = (x: number) => x.toFixed(x < 10 ? 2 : 1);
  const lat = (l: Latency) => `${ms(l.p50)} / ${ms(l.p95)} / ${ms(l.p99)}`;
  const int = (n: number) => n.toLocaleString('en-US');
  const q = (x: Quality) => `${x.recallAt3.toFixed(2)} / ${x.mrr.toFixed(2)}`;
  const qe = (x: Quality) => `${q(x)} / ${x.empty}`;
  const lines = [
    `${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, load average ${machine.loadAverageAtStart.toFixed(1)} at the start.`,
    '',
    'Corpora (words: runs of letters, lower-cased; index terms: what the index holds after folding and stemming):',
    '',
    '| size | documents | passages | words | distinct words | index terms | generated MB | Heaps K · N^β of the real text |',
    '|---|---|---|---|---|---|---|---|',
    ...results.map(
      ({ factor, corpus: c }) =>
        `| ${factor}× | ${int(c.documents)} | ${int(c.passages)} | ${int(c.words)} | ${int(c.distinctWords)} | ${int(c.indexTerms)} | ${c.generatedMB.toFixed(1)} | ${c.heaps ? `${c.heaps.k.toFixed(1)} · N^${c.heaps.beta.toFixed(3)}` : '–'} |`,
    ),
    '',
    'Dossier. Latencies in ms (p50 / p95 / p99); cold start in s: open → answer / process start → answer / CPU.',
    '',
    '| size | ingest + index (s) | saved (MB) | heap (MB) | cold start (s) | ask | cite | figures | 100 digests (s) | dev R@3 / MRR |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.factor}× | ${r.ingestS.toFixed(1)} | ${r.indexMB.toFixed(1)} | ${r.heapMB.toFixed(0)} | ${r.coldStart.openToAnswerS.toFixed(2)} / ${r.coldStart.processToAnswerS.toFixed(2)} / ${r.coldStart.cpuS.toFixed(2)} | ${lat(r.ask)} | ${lat(r.cite)} | ${lat(r.figures)} | ${r.digestsS.toFixed(2)}${r.digestsComposed < DIGESTS ? ` (from ${r.digestsComposed})` : ''} | ${q(r.devAsk)} |`,
    ),
    '',
    'Cold start, where the time goes (ms, in the fresh process):',
    '',
    ...results.map(
      (r) =>
        `- ${r.factor}×: ${Object.entries(r.coldStart.phases)
          .map(([k, v]) => `${k} ${v.toFixed(0)}`)
          .join(', ')}; heap after ${r.coldStart.heapMB.toFixed(0)} MB. Most self time, profiled: ${r.coldStart.hotspots
          .map((h) => `${h.name} ${h.ms.toFixed(0)}`)
          .join('; ')}`,
    ),
    '',
    'Plain libraries set up for English (see bench/libraries.ts), same passages, the dev ask questions (top 10):',
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
  if (quality.length) {
    const n = quality[0]!;
    lines.push(
      '',
      `Answer quality, recall@3 / MRR@10 / questions given no result (dev: ${n.dev.questions} answerable questions, validation: ${n.validation.questions}, ` +
        `held out; SciFact: ${n.scifact.questions} claims over ${int(sciFactDocuments)} abstracts):`,
      '',
      '| engine | dev | validation | SciFact |',
      '|---|---|---|---|',
      ...quality.map((row) => `| ${row.engine} | ${qe(row.dev)} | ${qe(row.validation)} | ${qe(row.scifact)} |`),
    );
  }
  return lines.join('\n');
}
