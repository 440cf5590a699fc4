// The question sets the bench scores every engine on: the dev questions and the two held-out validation sets over the
// seed articles, and SciFact's training claims over its abstracts. The validation sets are scored to report only:
// nothing here or in the peers' settings is tuned on them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  expandValidationSet,
  readSeeds,
  readValidationSet,
  VALIDATION_SETS,
  type ValidationSetName,
} from '../tests/eval/cases.js';
import { hits, type ResultText, type Wanted } from './stats.js';

/** An answerable question and the passages that answer it (score.mjs's hit rule). */
export interface SeedQuestion {
  query: string;
  wants: Wanted[];
}

/** A SciFact claim and the abstracts (file names without `.txt`) that answer it. */
export interface Claim {
  query: string;
  relevant: Set<string>;
}

/** How deep each ranking is read: recall counts the top 3, the reciprocal rank the top 10. */
export const DEPTH = 10;

export interface Quality {
  recallAt3: number;
  mrr: number;
  questions: number;
  /** Questions given no result at all: every one has an answer, so for a plain library this is a set-up error. */
  empty: number;
}

interface DevCase {
  kind: string;
  query: string;
  doc: string | null;
  passage: string | null;
  alsoOk?: Wanted[];
}

const answerable = (cases: DevCase[]): SeedQuestion[] =>
  cases
    .filter((c) => c.kind === 'ask' && c.doc !== null && c.passage)
    .map((c) => ({ query: c.query, wants: [{ doc: c.doc, passage: c.passage! }, ...(c.alsoOk ?? [])] }));

export function devQuestions(devFile: string): SeedQuestion[] {
  return answerable(JSON.parse(readFileSync(devFile, 'utf8')) as DevCase[]);
}

/** The answerable questions of a held-out set (tests/eval/cases.ts's VALIDATION_SETS). */
export async function validationQuestions(seedsDir: string, set: ValidationSetName): Promise<SeedQuestion[]> {
  const cases = expandValidationSet(await readValidationSet(VALIDATION_SETS[set]), await readSeeds(seedsDir));
  return answerable(cases as DevCase[]);
}

export function sciFactClaims(dir: string): Claim[] {
  const relevant = new Map<string, Set<string>>();
  for (const line of readFileSync(join(dir, 'qrels-train.tsv'), 'utf8').split('\n')) {
    const [q, d] = line.trim().split(/\s+/);
    if (!q || !d || !/^\d+$/.test(q)) continue;
    if (!relevant.has(q)) relevant.set(q, new Set());
    relevant.get(q)!.add(d);
  }
  return readFileSync(join(dir, 'queries-train.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { _id: string; text: string })
    .filter((q) => relevant.has(q._id))
    .map((q) => ({ query: q.text, relevant: relevant.get(q._id)! }));
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

/** The rank (1-based) of the first of `ranked` that `isHit`, within DEPTH; null when none is. */
function firstHit<T>(ranked: T[], isHit: (r: T) => boolean): number | null {
  const i = ranked.slice(0, DEPTH).findIndex(isHit);
  return i < 0 ? null : i + 1;
}

function summarise(ranks: (number | null)[], empty: number): Quality {
  return {
    recallAt3: mean(ranks.map((r) => (r !== null && r <= 3 ? 1 : 0))),
    mrr: mean(ranks.map((r) => (r ? 1 / r : 0))),
    questions: ranks.length,
    empty,
  };
}

/** Recall@3 and MRR@10 over seed questions, a result being a hit as score.mjs counts one. */
export async function scoreSeedQuestions(
  questions: SeedQuestion[],
  answer: (q: string) => Promise<ResultText[]>,
): Promise<Quality> {
  const ranks: (number | null)[] = [];
  let empty = 0;
  for (const q of questions) {
    const results = await answer(q.query);
    if (!results.length) empty++;
    ranks.push(firstHit(results, (r) => q.wants.some((w) => hits(r, w))));
  }
  return summarise(ranks, empty);
}

/** Recall@3 (a claim with an abstract that answers it in the top 3) and MRR@10, a passage counting as its abstract. */
export async function scoreClaims(claims: Claim[], answer: (q: string) => Promise<string[]>): Promise<Quality> {
  const ranks: (number | null)[] = [];
  let empty = 0;
  for (const c of claims) {
    const documents = [
      ...new Set((await answer(c.query)).map((source) => source.replace(/^.*\//, '').replace(/\.txt$/, ''))),
    ];
    if (!documents.length) empty++;
    ranks.push(firstHit(documents, (d) => c.relevant.has(d)));
  }
  return summarise(ranks, empty);
}
