import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { DossierError, type ErrorCode } from './errors.js';

/**
 * A worker thread running the module `name` beside the caller's (`from`: its `import.meta.url`): compiled
 * JavaScript in dist/, TypeScript when run from the sources (tests, `tsx`), which the worker loads through tsx's
 * API: Node 20 does not apply `--import tsx` to a worker's own module.
 */
export function moduleWorker(name: string, from: string, options: WorkerOptions = {}): Worker {
  const ext = extname(fileURLToPath(from));
  const script = new URL(`./${name}${ext}`, from);
  if (ext !== '.ts') return new Worker(script, options);
  const require = createRequire(import.meta.url);
  const manifest = require('tsx/package.json') as { exports: Record<string, { import: { default: string } }> };
  const api = join(dirname(require.resolve('tsx/package.json')), manifest.exports['./esm/api']!.import.default);
  const worker = JSON.stringify(script.href);
  const boot = `import(${JSON.stringify(pathToFileURL(api).href)}).then((tsx) => tsx.tsImport(${worker}, ${worker}))`;
  return new Worker(boot, { ...options, eval: true });
}

/**
 * A WorkerPool's tunables. One worker by default: on 2 cores it leaves the other core to the main
 * thread, which must keep acknowledging requests within the platforms' 3 s.
 */
export interface WorkerPoolOptions {
  /** Workers at most, each started on first need. */
  size: number;
  /** Tasks that may wait for a worker; one more is refused at once rather than queued without end. */
  maxWaiting: number;
  /** A task running longer fails, and its worker is ended (another starts for the next task). */
  taskTimeoutMs: number;
}

const WORKER_POOL_DEFAULTS: WorkerPoolOptions = { size: 1, maxWaiting: 16, taskTimeoutMs: 20_000 };

/** What a pool says of its tasks, in its caller's words (the pool knows only that they are tasks). */
export interface WorkerPoolText {
  /** The one line a task running past `taskTimeoutMs` fails with (code `timeout`), saying what took too long. */
  timedOut: string;
}

/** What a pool's worker posts back for each task it is sent; `code` when the error was a DossierError. */
export type WorkerAnswer<Out> = { ok: true; value: Out } | { ok: false; error: string; code?: ErrorCode };

interface Task<In, Out> {
  input: In;
  resolve(value: Out): void;
  reject(error: Error): void;
}

/**
 * Runs CPU-heavy tasks (drawing charts) on worker threads, so the main thread stays free to
 * answer. `start` makes one worker, which takes one task at a time as a message and answers each
 * with a `WorkerAnswer`. A task is refused with a DossierError: `busy` when `maxWaiting` tasks
 * already wait, `closed` after `close()`; one running too long fails with `timeout` and `text.timedOut`.
 */
export class WorkerPool<In, Out> {
  private readonly options: WorkerPoolOptions;
  private readonly workers = new Set<Worker>();
  private readonly idle: Worker[] = [];
  private readonly waiting: Task<In, Out>[] = [];
  private closed = false;

  constructor(
    private readonly start: () => Worker,
    private readonly text: WorkerPoolText,
    options: Partial<WorkerPoolOptions> = {},
  ) {
    this.options = { ...WORKER_POOL_DEFAULTS, ...options };
  }

  /** Tasks waiting for a worker now. */
  get queued(): number {
    return this.waiting.length;
  }

  run(input: In): Promise<Out> {
    if (this.closed)
      return Promise.reject(new DossierError('closed', 'Dossier is restarting — try again in a moment.'));
    const free = this.idle.length > 0 || this.workers.size < this.options.size;
    if (!free && this.waiting.length >= this.options.maxWaiting)
      return Promise.reject(new DossierError('busy', 'Dossier is busy — try again in a moment.'));
    return new Promise<Out>((resolve, reject) => {
      this.waiting.push({ input, resolve, reject });
      this.dispatch();
    });
  }

  /** Refuses the tasks still waiting and ends every worker, whatever it is doing. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.waiting.splice(0))
      task.reject(new DossierError('closed', 'Dossier is restarting — try again in a moment.'));
    const workers = [...this.workers];
    this.workers.clear();
    this.idle.length = 0;
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.waiting.length > 0 && !this.closed) {
      const worker = this.idle.pop() ?? (this.workers.size < this.options.size ? this.spawn() : undefined);
      if (!worker) return;
      this.assign(worker, this.waiting.shift()!);
    }
  }

  private spawn(): Worker {
    const worker = this.start();
    this.workers.add(worker);
    return worker;
  }

  private assign(worker: Worker, task: Task<In, Out>): void {
    worker.ref();
    const settle = (outcome: { value: Out } | { error: Error }, reusable: boolean) => {
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (reusable && !this.closed) {
        // Waiting for work, a worker must not keep a finished process (the one-shot CLI) alive.
        worker.unref();
        this.idle.push(worker);
      } else if (this.workers.delete(worker)) void worker.terminate();
      if ('value' in outcome) task.resolve(outcome.value);
      else task.reject(outcome.error);
      this.dispatch();
    };
    const onMessage = (answer: WorkerAnswer<Out>) =>
      settle(
        answer.ok
          ? { value: answer.value }
          : { error: answer.code ? new DossierError(answer.code, answer.error) : new Error(answer.error) },
        true,
      );
    const onError = (error: Error) => settle({ error }, false);
    const onExit = (code: number) => settle({ error: new Error(`the worker stopped (exit code ${code})`) }, false);
    const timer = setTimeout(
      () => settle({ error: new DossierError('timeout', this.text.timedOut) }, false),
      this.options.taskTimeoutMs,
    );
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(task.input);
  }
}
