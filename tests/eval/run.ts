// `npm run eval`: scores the dev set (../shared/eval/dev.json, tuned on) and then the held-out sets validation
// (validation.yaml), validation-b (validation-b.yaml), validation-c (validation-c.yaml) and validation-d
// (validation-d.yaml), never tuned on, with ../shared/eval/score.mjs, and prints one line for each.
//
//   npm run eval [-- --kind ask|offtopic|cite|figures] [--set dev|validation|validation-b|validation-c|validation-d]
//                [--verbose] [--cli "npx dossier"]
//
// A held-out set is expanded into score.mjs's case format in a temporary file, removed afterwards.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { SEEDS } from '../support/shared.js';
import {
  KINDS,
  expandValidationSet,
  kindOf,
  readSeeds,
  readValidationSet,
  VALIDATION_SETS,
  type Kind,
  type ScoreCase,
  type ValidationSetName,
} from './cases.js';

const run = promisify(execFile);
const SHARED_EVAL = resolve(SEEDS, '../eval');

/** A mistake in how the script was called, or a missing ../shared: one line, no stack trace. */
function fail(message: string): never {
  console.error(`npm run eval: ${message}`);
  process.exit(2);
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        kind: { type: 'string' },
        set: { type: 'string' },
        verbose: { type: 'boolean', default: false },
        cli: { type: 'string' },
      },
    });
  } catch (e) {
    return fail((e as Error).message);
  }
})();
const kind = values.kind as Kind | undefined;
if (kind && !KINDS.includes(kind)) fail(`--kind must be one of ${KINDS.join(', ')}, not "${kind}"`);
const SETS = ['dev', ...Object.keys(VALIDATION_SETS)];
if (values.set && !SETS.includes(values.set)) fail(`--set must be one of ${SETS.join(', ')}, not "${values.set}"`);
const set = values.set as 'dev' | ValidationSetName | undefined;
if (!existsSync(SHARED_EVAL)) fail(`${SHARED_EVAL} is missing: the scorer and the seeds live in ../shared`);

const counts = (cases: ScoreCase[]) =>
  KINDS.map((k) => [k, cases.filter((c) => kindOf(c) === k).length] as const)
    .filter(([, n]) => n)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');

async function score(label: string, cases: ScoreCase[], dir: string): Promise<void> {
  const file = join(dir, `${label}.json`);
  await writeFile(file, JSON.stringify(cases));
  const args = [join(SHARED_EVAL, 'score.mjs'), '--cases', file, ...(values.verbose ? ['--verbose'] : [])];
  const { stdout, stderr } = await run(process.execPath, [...args, ...(values.cli ? ['--cli', values.cli] : [])], {
    maxBuffer: 64 << 20,
  });
  const lines = stdout.trimEnd().split('\n');
  if (values.verbose) console.log(`${stderr}${lines.slice(0, -1).join('\n')}`);
  console.log(`${label.padEnd(12)} ${lines.at(-1)}   (${counts(cases)})`);
}

const dir = await mkdtemp(join(tmpdir(), 'dossier-eval-'));
try {
  const only = (cases: ScoreCase[]) => (kind ? cases.filter((c) => kindOf(c) === kind) : cases);
  if ([undefined, 'dev'].includes(set)) {
    const dev = JSON.parse(await readFile(join(SHARED_EVAL, 'dev.json'), 'utf8')) as ScoreCase[];
    await score('dev', only(dev), dir);
  }
  const held = (Object.keys(VALIDATION_SETS) as ValidationSetName[]).filter(
    (name) => set === undefined || set === name,
  );
  if (held.length) {
    const seeds = await readSeeds(SEEDS);
    for (const name of held)
      await score(name, only(expandValidationSet(await readValidationSet(VALIDATION_SETS[name]), seeds)), dir);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
