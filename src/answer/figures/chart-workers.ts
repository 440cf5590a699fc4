import { Worker } from 'node:worker_threads';
import { WorkerPool, type WorkerPoolOptions } from '../../worker-pool.js';
import type { ChartDrawer, ChartRequest } from './chart.js';

/** Charts drawn on worker threads, and the way to end those threads at shutdown. */
export interface ChartWorkers {
  draw: ChartDrawer;
  close(): Promise<void>;
}

/**
 * Draws charts off the main thread. One chart keeps the thread it is drawn on busy for about
 * 0.35 s (over a second for the first, which loads Vega), and a bot drawing on its main thread
 * acknowledges nothing meanwhile: a few charts at once pushed Slack's acks past its 3 s.
 * Beyond `maxWaiting` charts waiting, a chart is refused at once with a `busy` error.
 */
export function chartWorkers(options: Partial<WorkerPoolOptions> = {}): ChartWorkers {
  const pool = new WorkerPool<ChartRequest, Uint8Array>(startChartWorker, options);
  return { draw: (request) => pool.run(request), close: () => pool.close() };
}

/**
 * One worker running chart-worker.js beside this file. Run from the TypeScript sources (tests,
 * `npm run bench:load`), the worker loads it through tsx, which registers itself in that thread.
 */
function startChartWorker(): Worker {
  const fromSources = import.meta.url.endsWith('.ts');
  const script = new URL(`./chart-worker.${fromSources ? 'ts' : 'js'}`, import.meta.url);
  if (!fromSources) return new Worker(script);
  const load =
    `import('tsx/esm/api').then(({ register }) => { register(); return ` +
    `import(${JSON.stringify(script.href)}); });`;
  return new Worker(load, { eval: true });
}
