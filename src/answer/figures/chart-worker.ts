import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { DossierError } from '../../errors.js';
import type { WorkerAnswer } from '../../worker-pool.js';
import { drawHere, type ChartRequest } from './chart.js';

/**
 * A chart-drawing worker thread (see `chartWorkers`): draws one chart per message and posts its
 * PNG back.
 */
/**
 * How much lower this thread's scheduling priority is than the main thread's. On Linux the nice
 * value belongs to each thread, so this lowers only the drawing: where the cores are short, the
 * main thread, which acknowledges requests within the platforms' 3 s, runs first. (Elsewhere it
 * would lower the whole process's, so it is left alone.)
 */
const NICENESS = 10;
if (process.platform === 'linux') setPriority(NICENESS);

parentPort!.on('message', (request: ChartRequest) => {
  drawHere(request).then(
    (png) => {
      // Moved only when the image has its buffer to itself; a view into a shared one is copied.
      const own = png.byteOffset === 0 && png.byteLength === png.buffer.byteLength;
      parentPort!.postMessage(
        { ok: true, value: png } satisfies WorkerAnswer<Uint8Array>,
        own ? [png.buffer as ArrayBuffer] : [],
      );
    },
    (error: unknown) =>
      parentPort!.postMessage({
        ok: false,
        error: error instanceof Error ? error.message : String(error),
        ...(error instanceof DossierError ? { code: error.code } : {}),
      } satisfies WorkerAnswer<Uint8Array>),
  );
});
