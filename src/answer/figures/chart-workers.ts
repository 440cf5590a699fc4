import type { Worker } from 'node:worker_threads';
import { moduleWorker, WorkerPool, type WorkerPoolOptions, type WorkerPoolText } from '../../worker-pool.js';
import type { ChartDrawer, ChartRequest } from './chart.js';

/** Charts drawn on worker threads, and the way to end those threads at shutdown. */
export interface ChartWorkers {
  draw: ChartDrawer;
  close(): Promise<void>;
}

/** What a chart's reader is told when it took too long to draw (after "Chart left out: "). */
const CHART_TEXT: WorkerPoolText = { timedOut: 'That took too long to draw; try again.' };

/**
 * Draws charts off the main thread. One chart keeps the thread it is drawn on busy for about
 * 0.35 s (over a second for the first, which loads Vega), and a bot drawing on its main thread
 * acknowledges nothing meanwhile: a few charts at once pushed Slack's acks past its 3 s.
 * Beyond `maxWaiting` charts waiting, a chart is refused at once with a `busy` error. `start` starts one worker
 * (tests watch the workers it starts).
 */
export function chartWorkers(
  options: Partial<WorkerPoolOptions> = {},
  start: () => Worker = startChartWorker,
): ChartWorkers {
  const pool = new WorkerPool<ChartRequest, Uint8Array>(start, CHART_TEXT, options);
  return { draw: (request) => pool.run(request), close: () => pool.close() };
}

/** One worker running chart-worker beside this module: what `chartWorkers` starts unless given another way. */
export const startChartWorker = (): Worker => moduleWorker('chart-worker', import.meta.url);
