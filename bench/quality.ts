// `npm run eval:quality`: answer quality in one process, for every question set and a few engine variants,
// so the effect of each part of the ranking can be measured (see README, Evaluation). It applies
// ../shared/eval/score.mjs's hit rule and ../shared/external/scifact/score.mjs's measures, without a
// process per question. Sets: dev (../shared/eval/dev.json, tuned on), tuning (tests/eval/tuning.yaml,
// tuned on), validation (tests/eval/validation.yaml, never tuned on: scored to report only), scifact, and
// claims-on-seeds (SciFact's claims over the seeds, all off-topic there: how often a far-off question is refused).
//
//   npm run eval:quality -- [--sets dev,tuning,validation,scifact,claims-on-seeds] [--variants all|name,…] [--verbose]
//                           [--sample N] (SciFact: every k-th claim, about N of them)
//                           [--ranking JSON]   (overrides over every variant: '{"answer":{"minCoverage":0.4}}')
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { ask, askJson } from '../src/answer/ask.js';
import { cite } from '../src/answer/cite.js';
import { Dossier, type DossierOptions } from '../src/engine/dossier.js';
import { DEFAULT_RANKING, type RankingOverrides } from '../src/search/ranking.js';
import { WORDNET_DIR } from '../src/search/wordnet.js';
import { TUNING_FILE, expandValidationSet, readSeeds, readValidationSet } from '../tests/eval/cases.js';
import { outDir, projectDir, sharedDir } from './setup.js';
import { sciFactClaims } from './quality-sets.js';
import { hits, type Wanted } from './stats.js';

const SEEDS = join(sharedDir, 'seeds');
const SCIFACT = join(sharedDir, 'external/scifact');
const fromJson = (file: string) => async () => JSON.parse(readFileSync(file, 'utf8')) as Case[];
const SETS: Record<string, () => Promise<Case[]>> = {
  dev: fromJson(join(sharedDir, 'eval/dev.json')),
  tuning: async () => expandValidationSet(await readValidationSet(TUNING_FILE), await readSeeds(SEEDS)) as Case[],
  validation: async () => expandValidationSet(await readValidationSet(), await readSeeds(SEEDS)) as Case[],
  // SciFact's claims asked over the seeds: 809 questions nobody here wrote, on another subject, so each is
  // off-topic there. They share a word or two with the seeds ("rates", "expression"), as far-off questions do.
  'claims-on-seeds': async () =>
    sciFactClaims(SCIFACT).map((c, i) => ({ id: `claim-${i}`, kind: 'ask', query: c.query, doc: null, passage: '' })),
};

/** An engine variant: how `Dossier.open` is called, less the corpus. */
type Variant = Omit<DossierOptions, 'corpusDir'>;
type Section = keyof RankingOverrides;
const LEXICON = join(projectDir, 'corpus/synonyms.yaml');
const bridges = DEFAULT_RANKING.query.bridges;
const without = (...off: (keyof typeof bridges)[]): Variant => ({
  wordnet: off.includes('wordnet') ? undefined : WORDNET_DIR,
  ranking: { query: { bridges: { ...bridges, ...Object.fromEntries(off.map((k) => [k, 0])) } } },
});
const VARIANTS: Record<string, Variant> = {
  default: { wordnet: WORDNET_DIR },
  lexicon: { wordnet: WORDNET_DIR, lexicon: LEXICON },
  plain: without(
    'alias',
    'abbreviation',
    'spelling',
    'wordnet',
    'rare',
    'family',
    'prefix',
    'similar',
    'typo',
    'lexicon',
  ),
  'no-alias': without('alias'),
  'no-abbreviation': without('abbreviation'),
  'no-wordnet': without('wordnet'),
  'no-rare': without('rare'),
  'no-family': without('family'),
  'no-similar': without('similar'),
  'no-spelling': without('spelling'),
  'no-prefix': without('prefix'),
  'no-typo': without('typo'),
  'bm25-0.9-0.4': {
    wordnet: WORDNET_DIR,
    ranking: { search: { ...DEFAULT_RANKING.search, bm25: { ...DEFAULT_RANKING.search.bm25, k: 0.9, b: 0.4 } } },
  },
  'coordination-1': { wordnet: WORDNET_DIR, ranking: { search: { coordination: 1 } } },
  'no-proximity': { wordnet: WORDNET_DIR, ranking: { ask: { proximity: 0 } } },
  'cover-1': { wordnet: WORDNET_DIR, ranking: { ask: { coveragePower: 1 } } },
};

interface Case {
  id: string;
  kind: 'ask' | 'cite' | 'figures';
  query: string;
  doc: string | null;
  passage: string;
  alsoOk?: Wanted[];
}

interface SetScore {
  recallAt3: number;
  mrr: number;
  /** Answerable questions given any result. */
  answered: number;
  /** Off-topic questions given no result. */
  refused: number;
  citeAt1: number;
  misses: string[];
}

function scoreSet(dossier: Dossier, cases: Case[]): SetScore {
  const ranks: (number | null)[] = [];
  const misses: string[] = [];
  let answered = 0;
  let refused = 0;
  let offTopic = 0;
  let cites = 0;
  let citeHits = 0;
  for (const c of cases) {
    if (c.kind === 'figures') continue;
    const answer = c.kind === 'ask' ? ask(dossier, c.query, { limit: 10 }) : cite(dossier, c.query, { limit: 10 });
    const results = askJson(answer).results;
    if (c.kind === 'cite') {
      cites++;
      if (results[0] && hits(results[0], { doc: c.doc, passage: c.passage })) citeHits++;
      else misses.push(`${c.id} cite: ${c.query}`);
      continue;
    }
    if (c.doc === null) {
      offTopic++;
      if (results.length === 0) refused++;
      else misses.push(`${c.id} answered off-topic: ${c.query} → ${results[0]!.source}#${results[0]!.paragraph}`);
      continue;
    }
    if (results.length) answered++;
    const wants: Wanted[] = [{ doc: c.doc, passage: c.passage }, ...(c.alsoOk ?? [])];
    const i = results.findIndex((r) => wants.some((w) => hits(r, w)));
    ranks.push(i < 0 ? null : i + 1);
    if (i < 0 || i >= 3)
      misses.push(
        `${c.id} ${i < 0 ? (results.length ? 'miss' : 'EMPTY') : `rank ${i + 1}`}: ${c.query}` +
          (results.length ? ` → ${results.slice(0, 3).map((r) => `${r.source.slice(0, 3)}#${r.paragraph}`)}` : ''),
      );
  }
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
  return {
    recallAt3: mean(ranks.map((r) => (r !== null && r <= 3 ? 1 : 0))),
    mrr: mean(ranks.map((r) => (r ? 1 / r : 0))),
    answered: ranks.length ? answered / ranks.length : NaN,
    refused: offTopic ? refused / offTopic : NaN,
    citeAt1: cites ? citeHits / cites : NaN,
    misses,
  };
}

interface SciFactScore {
  ndcg10: number;
  recall10: number;
  mrr10: number;
  empty: number;
  claims: number;
  /** The claims given no result, for `--verbose`. */
  refused: string[];
}

/** BEIR's measures over SciFact's training claims, a passage counting as its document at its first rank. */
function scoreSciFact(dossier: Dossier, sample: number): SciFactScore {
  const claims = sciFactClaims(SCIFACT)
    // Every k-th claim, so a quick run still spreads over the whole set.
    .filter((_, i, all) => !sample || i % Math.max(1, Math.floor(all.length / sample)) === 0);
  let ndcg = 0;
  let recall = 0;
  let mrr = 0;
  const refused: string[] = [];
  for (const claim of claims) {
    const rel = claim.relevant;
    const ranked: string[] = [];
    for (const r of ask(dossier, claim.query, { limit: 10 }).results) {
      const id = basename(r.passage.source, '.txt');
      if (!ranked.includes(id)) ranked.push(id);
    }
    const top = ranked.slice(0, 10);
    let dcg = 0;
    top.forEach((d, i) => {
      if (rel.has(d)) dcg += 1 / Math.log2(i + 2);
    });
    let idcg = 0;
    for (let i = 0; i < Math.min(rel.size, 10); i++) idcg += 1 / Math.log2(i + 2);
    ndcg += dcg / idcg;
    recall += top.filter((d) => rel.has(d)).length / rel.size;
    const first = top.findIndex((d) => rel.has(d));
    mrr += first < 0 ? 0 : 1 / (first + 1);
    if (!ranked.length) refused.push(claim.query);
  }
  const n = claims.length;
  return { ndcg10: ndcg / n, recall10: recall / n, mrr10: mrr / n, empty: refused.length / n, claims: n, refused };
}

const { values } = parseArgs({
  options: {
    sets: { type: 'string', default: 'dev,tuning' },
    variants: { type: 'string', default: 'default' },
    verbose: { type: 'boolean', default: false },
    // Ranking overrides laid over every variant, as JSON: '{"ask":{"proximity":0}}'.
    ranking: { type: 'string', default: '{}' },
    // SciFact claims to score (0: all 809): a sample spread over the set for a quicker run.
    sample: { type: 'string', default: '0' },
  },
});
const overrides = JSON.parse(values.ranking) as RankingOverrides;
const sets = values.sets.split(',');
const variantNames = values.variants === 'all' ? Object.keys(VARIANTS) : values.variants.split(',');
const f = (x: number) => (Number.isNaN(x) ? '–' : x.toFixed(2));

console.log('| variant | set | ask R@3 | MRR | answered | off-topic refused | cite@1 |');
console.log('|---|---|---|---|---|---|---|');
for (const name of variantNames) {
  const named = VARIANTS[name];
  if (!named) throw new Error(`no variant ${name}: ${Object.keys(VARIANTS).join(', ')}`);
  const ranking = Object.fromEntries(
    Object.keys(DEFAULT_RANKING).map((k) => [k, { ...named.ranking?.[k as Section], ...overrides[k as Section] }]),
  );
  const variant: Variant = { ...named, ranking };
  const seeds = await Dossier.open({ ...variant, corpusDir: SEEDS });
  for (const set of sets.filter((s) => s !== 'scifact')) {
    const score = scoreSet(seeds, await SETS[set]!());
    console.log(
      `| ${name} | ${set} | ${f(score.recallAt3)} | ${f(score.mrr)} | ${f(score.answered)} | ${f(score.refused)} | ` +
        `${f(score.citeAt1)} |`,
    );
    if (values.verbose) for (const m of score.misses) console.log(`    ${m}`);
  }
  if (sets.includes('scifact') && existsSync(SCIFACT)) {
    const t0 = performance.now();
    const dossier = await Dossier.open({
      ...variant,
      corpusDir: join(SCIFACT, 'corpus'),
      cacheDir: variant.cacheDir ?? join(outDir, 'quality-cache'),
    });
    const s = scoreSciFact(dossier, Number(values.sample));
    console.log(
      `| ${name} | scifact | nDCG@10 ${s.ndcg10.toFixed(3)} | R@10 ${s.recall10.toFixed(3)} | MRR@10 ` +
        `${s.mrr10.toFixed(3)} | empty ${s.empty.toFixed(3)} | ${s.claims} ` +
        `claims, ${((performance.now() - t0) / 1000).toFixed(0)} s |`,
    );
    if (values.verbose) for (const claim of s.refused) console.log(`    EMPTY: ${claim}`);
  }
}
