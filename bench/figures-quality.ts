// `npm run eval:figures`: `figures` recall and precision in one process on the sets tuned on, dev
// (../shared/eval/dev.json) and tests/eval/tuning.yaml, with ../shared/eval/score.mjs's rules (the top 10 figures; a
// figure matches an expected one by its first number; optional figures count neither way). The held-out sets are
// scored only through `npm run eval -- --kind figures`.
//
//   npm run eval:figures -- [--lexicon] [--verbose] [--ranking JSON]   ('{"figures":{"minRelative":0.5}}')
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { answerFigures, type FigureJson } from '../src/answer/figures/index.js';
import { Dossier } from '../src/engine/dossier.js';
import type { RankingOverrides } from '../src/search/ranking.js';
import { WORDNET_DIR } from '../src/search/wordnet.js';
import { TUNING_FILE, expandValidationSet, readSeeds, readValidationSet, type ScoreCase } from '../tests/eval/cases.js';
import { norm } from './stats.js';

const here = dirname(fileURLToPath(import.meta.url));
const shared = resolve(here, '../../shared');
const SEEDS = join(shared, 'seeds');
type FigureCase = Extract<ScoreCase, { kind: 'figures' }>;
type Expected = FigureCase['expect'][number];

const { values } = parseArgs({
  options: {
    lexicon: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    ranking: { type: 'string', default: '{}' },
  },
});

/** score.mjs's numbers of a text: digits with their commas and decimals, commas dropped. */
const numbers = (s: string) => (norm(s).match(/\d[\d,]*(\.\d+)?/g) ?? []).map((n) => n.replace(/,/g, ''));
const first = (e: Expected) => numbers(e.value)[0];
const matches = (f: FigureJson, list: Expected[]) => list.some((e) => first(e) && numbers(f.text).includes(first(e)!));

function score(dossier: Dossier, c: FigureCase): { recall: number; precision: number; got: FigureJson[] } {
  const got = answerFigures(dossier, c.query).toJSON().figures.slice(0, 10);
  const found = c.expect.filter((e) =>
    got.some((f) => f.source.split('/').pop() === e.doc && numbers(f.text).includes(first(e)!)),
  );
  const judged = got.filter((f) => matches(f, c.expect) || !matches(f, c.optional));
  const useful = got.filter((f) => matches(f, c.expect));
  return {
    recall: c.expect.length ? found.length / c.expect.length : 1,
    precision: judged.length ? useful.length / judged.length : 0,
    got,
  };
}

const dossier = await Dossier.open({
  corpusDir: SEEDS,
  wordnet: WORDNET_DIR,
  lexicon: values.lexicon ? resolve(here, '../corpus/synonyms.yaml') : 'none',
  ranking: JSON.parse(values.ranking) as RankingOverrides,
});
const tuning = await readValidationSet(TUNING_FILE);
const sets: Record<string, FigureCase[]> = {
  dev: JSON.parse(readFileSync(join(shared, 'eval/dev.json'), 'utf8')) as FigureCase[],
  tuning: expandValidationSet(tuning, await readSeeds(SEEDS)) as FigureCase[],
};
for (const [name, all] of Object.entries(sets)) {
  const cases = all.filter((c) => c.kind === 'figures');
  let recall = 0;
  let precision = 0;
  for (const c of cases) {
    const s = score(dossier, c);
    recall += s.recall;
    precision += s.precision;
    if (!values.verbose || (s.recall === 1 && s.precision === 1)) continue;
    console.log(`  ${c.id} R ${s.recall.toFixed(2)} P ${s.precision.toFixed(2)}: ${c.query}`);
    for (const f of s.got) {
      const mark = matches(f, c.expect) ? '+' : matches(f, c.optional) ? 'o' : '-';
      console.log(`    ${mark} ${f.score.toFixed(3)} ${f.text} | ${f.measure ?? '(no measure)'}`);
    }
  }
  const n = cases.length;
  console.log(`${name}: figures R ${(recall / n).toFixed(2)} P ${(precision / n).toFixed(2)} (${n} topics)`);
}
// Off-topic topics: refused when no figure is listed.
const offTopic = tuning.offTopicFigures ?? [];
const listed = offTopic.filter((c) => answerFigures(dossier, c.q).figures.length > 0);
if (values.verbose) for (const c of listed) console.log(`  ${c.id}${c.near ? ' (near)' : ''} answered: ${c.q}`);
const refused = (near: boolean) => offTopic.filter((c) => c.near === near && !listed.includes(c)).length;
const count = (near: boolean) => offTopic.filter((c) => c.near === near).length;
console.log(
  `tuning off-topic figures: refused ${(1 - listed.length / offTopic.length).toFixed(2)} ` +
    `(${refused(false)}/${count(false)} far, ${refused(true)}/${count(true)} near)`,
);
