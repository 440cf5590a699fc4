import { performance } from 'node:perf_hooks';

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export interface Latency {
  samples: number;
  p50: number;
  p95: number;
  p99: number;
}

/**
 * Times `run` over the queries: a warm-up call on each of them, `settle` (the bench passes a full collection), then
 * calls cycling through all of them until at least `minSamples` calls are timed or `budgetMs` has passed. Past the
 * budget it stops even mid-pass (after at least three calls), so a slow engine on a big corpus cannot stall the run;
 * `samples` says how many calls the percentiles rest on.
 *
 * Every query is warmed, not a few: a question's first call reads its terms' postings and its passages from the saved
 * files (the cold start measures one such call), and with eleven ask questions, eight first calls among 300 made the
 * p99 a figure of first calls. The collection keeps the garbage of the bench's own work before (counting a large
 * corpus's words) from being collected inside a timed call.
 */
export async function latency(
  queries: string[],
  run: (q: string) => unknown,
  {
    minSamples = 300,
    budgetMs = 8000,
    settle = () => {},
  }: { minSamples?: number; budgetMs?: number; settle?: () => void } = {},
): Promise<Latency> {
  for (const q of queries) await run(q);
  settle();
  const times: number[] = [];
  const start = performance.now();
  const spent = () => performance.now() - start >= budgetMs;
  for (let i = 0; times.length < minSamples && !(spent() && times.length >= Math.min(3, queries.length)); i++) {
    const q = queries[i % queries.length]!;
    const t = performance.now();
    await run(q);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { samples: times.length, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99) };
}

/** Same folding as ../shared/eval/score.mjs, so a hit here is a hit there. */
export function norm(s: unknown): string {
  return String(s ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u201b]/g, "'")
    .replace(/[\u201c\u201d\u201f]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export interface ResultText {
  source: string;
  passage: string;
  excerpt: string;
}

export interface Wanted {
  doc: string | null;
  passage: string;
}

/**
 * score.mjs's hit rule: same document, and the expected text inside
 * passage + excerpt (or, for a long result, the other way round).
 */
export function hits(result: ResultText, want: Wanted): boolean {
  if (!want.passage) return false;
  if (want.doc && result.source.split('/').pop() !== want.doc) return false;
  const text = norm(`${result.passage} ${result.excerpt}`);
  const p = norm(want.passage);
  return text.includes(p) || (text.length > 40 && p.includes(text));
}

/** A column of a bench's table: its header beside how a result fills its cell, so the two stay in step. */
export type Column<R> = [header: string, cell: (row: R) => string | number];

/** A Markdown table of `rows`, one line each, in `columns`, as the benches print their results. */
export function markdownTable<R>(columns: Column<R>[], rows: R[]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [
    line(columns.map(([header]) => header)),
    `|${'---|'.repeat(columns.length)}`,
    ...rows.map((row) => line(columns.map(([, cell]) => cell(row)))),
  ].join('\n');
}
