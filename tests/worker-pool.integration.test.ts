import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { DossierError } from '../src/errors.js';
import { WorkerPool, type WorkerPoolOptions } from '../src/worker-pool.js';

/**
 * A worker that answers `{ wait, value }` with `value` after `wait` ms, fails on `fail`, and
 * exits on `crash`: enough to hold tasks in flight for as long as a test needs.
 */
const WORKER = `
const { parentPort, threadId } = require('node:worker_threads');
parentPort.on('message', ({ wait = 0, value, fail, crash }) => {
  if (crash) process.exit(3);
  const answer = fail ? { ok: false, error: fail } : { ok: true, value: { value, threadId } };
  setTimeout(() => parentPort.postMessage(answer), wait);
});`;

type Task = { wait?: number; value?: number; fail?: string; crash?: boolean };
type Done = { value: number; threadId: number };

let started: Worker[] = [];
const pool = (options: Partial<WorkerPoolOptions> = {}) =>
  new WorkerPool<Task, Done>(
    () => {
      const worker = new Worker(WORKER, { eval: true });
      started.push(worker);
      return worker;
    },
    { timedOut: 'That task took too long.' },
    options,
  );
const alive = () => started.filter((w) => w.threadId >= 0).length;

afterEach(async () => {
  await Promise.all(started.map((w) => w.terminate()));
  started = [];
});

describe('WorkerPool', () => {
  it('runs tasks on at most `size` workers, started as needed, and reuses them', async () => {
    const workers = pool({ size: 2 });
    const results = await Promise.all([1, 2, 3, 4, 5].map((value) => workers.run({ wait: 20, value })));
    expect(results.map((r) => r.value)).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(results.map((r) => r.threadId)).size).toBe(2);
    expect(started).toHaveLength(2);
    await workers.close();
  });

  it(
    'refuses a task at once with `busy` when `maxWaiting` tasks already ' +
      'wait, and takes tasks again once they drain',
    async () => {
      const workers = pool({ size: 1, maxWaiting: 2 });
      const running = workers.run({ wait: 200, value: 1 });
      const waiting = [workers.run({ value: 2 }), workers.run({ value: 3 })];
      expect(workers.queued).toBe(2);
      await expect(workers.run({ value: 4 })).rejects.toMatchObject({ code: 'busy' });
      expect((await Promise.all([running, ...waiting])).map((r) => r.value)).toEqual([1, 2, 3]);
      expect((await workers.run({ value: 5 })).value).toBe(5);
      await workers.close();
    },
  );

  it('fails a task its worker reports failed, and the worker goes on to the next', async () => {
    const workers = pool();
    await expect(workers.run({ fail: 'no font' })).rejects.toThrow('no font');
    expect((await workers.run({ value: 7 })).value).toBe(7);
    expect(started).toHaveLength(1);
    await workers.close();
  });

  it('fails the task of a worker that dies, and starts another for the next task', async () => {
    const workers = pool();
    await expect(workers.run({ crash: true })).rejects.toThrow('exit code 3');
    expect((await workers.run({ value: 8 })).value).toBe(8);
    expect(started).toHaveLength(2);
    await workers.close();
  });

  it('fails a task that runs too long and ends its worker', async () => {
    const workers = pool({ taskTimeoutMs: 3000 });
    // In the words its caller gave: the pool does not know what its tasks are.
    await expect(workers.run({ wait: 60_000 })).rejects.toMatchObject({
      code: 'timeout',
      message: 'That task took too long.',
    });
    expect((await workers.run({ value: 9 })).value).toBe(9);
    expect(started).toHaveLength(2);
    await workers.close();
  });

  it('on close, refuses what waits, ends every worker (even one mid-task) and takes no more tasks', async () => {
    const workers = pool({ size: 1 });
    const outcomes = Promise.allSettled([workers.run({ wait: 60_000, value: 1 }), workers.run({ value: 2 })]);
    await new Promise((r) => setTimeout(r, 50));
    expect(alive()).toBe(1);
    await workers.close();
    expect(alive()).toBe(0);
    const [running, waiting] = await outcomes;
    expect(running.status).toBe('rejected');
    expect(waiting).toMatchObject({ status: 'rejected', reason: { code: 'closed' } });
    await expect(workers.run({ value: 3 })).rejects.toBeInstanceOf(DossierError);
  });
});
