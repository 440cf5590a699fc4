import { MessageChannel, Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { awaitAnswer, type AnswerChannel } from '../../src/digest/pg-sync.js';

/**
 * A stand-in for pg-worker's side of the handshake, in plain JavaScript: after `lateMs` it wakes the waiting thread
 * as a worker does late for an answer already taken (statement 1's, still on the port: the flag holds its number),
 * then after `answerMs` posts the answer to statement 2, if it does, and sets the flag to 2.
 */
const PLAYER = `
const { workerData } = require('node:worker_threads');
const { flag, replies, lateMs, answerMs } = workerData;
const signal = new Int32Array(flag);
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
replies.postMessage({ seq: 1, ok: true, rows: [{ statement: 1 }], rowCount: 1 });
Atomics.store(signal, 0, 1);
sleep(lateMs);
Atomics.notify(signal, 0);
if (answerMs !== undefined) {
  sleep(answerMs);
  replies.postMessage({ seq: 2, ok: true, rows: [{ statement: 2 }], rowCount: 1 });
  Atomics.store(signal, 0, 2);
  Atomics.notify(signal, 0);
}
`;

let worker: Worker | undefined;
afterEach(async () => {
  await worker?.terminate();
});

/** Starts the player; resolves once it has posted statement 1's answer, so the test waits on statement 2 only. */
async function play(timing: { lateMs: number; answerMs?: number }): Promise<AnswerChannel> {
  const flag = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const signal = new Int32Array(flag);
  const { port1, port2 } = new MessageChannel();
  worker = new Worker(PLAYER, { eval: true, workerData: { flag, replies: port2, ...timing }, transferList: [port2] });
  while (Atomics.load(signal, 0) !== 1) await new Promise((done) => setTimeout(done, 1));
  return { replies: port1, signal };
}

describe('awaitAnswer', () => {
  it('waits past a late wake-up for another statement, and takes its own answer, never an earlier one', async () => {
    const channel = await play({ lateMs: 20, answerMs: 50 });
    expect(awaitAnswer(channel, 2, 5000)).toEqual({ seq: 2, ok: true, rows: [{ statement: 2 }], rowCount: 1 });
  });

  it('gives up after its time however often it is woken for another statement', async () => {
    const channel = await play({ lateMs: 20 });
    const started = performance.now();
    expect(awaitAnswer(channel, 2, 300)).toBeUndefined();
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });
});
