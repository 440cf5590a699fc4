import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/answer/reply.js';
import { CommandGate } from '../../src/commands/gate.js';
import { ManualClock } from '../support/manual-clock.js';

const answer: Reply = { title: 'an answer', status: 'ok', blocks: [], attachments: [], more: 0 };
const asker = (user: string, channel = 'C1') => ({
  platform: 'slack' as const,
  user: { id: user },
  channel: { id: channel },
});
const answered = () => Promise.resolve(answer);

/** An answer that finishes when the test says so. */
function pending(): { promise: Promise<Reply>; finish: () => void } {
  let finish!: () => void;
  const promise = new Promise<Reply>((resolve) => (finish = () => resolve(answer)));
  return { promise, finish };
}

/** Whether `promise` has settled by the time already-queued work has run. */
async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true));
  await new Promise((resolve) => setImmediate(resolve));
  return settled;
}

describe('CommandGate', () => {
  it('tells a user over their limit, privately, how many seconds to wait', async () => {
    const clock = new ManualClock();
    const gate = new CommandGate({ userPerMinute: 2, channelPerMinute: 0, clock });
    expect(await gate.run(asker('U1'), answered)).toBe(answer);
    expect(await gate.run(asker('U1'), answered)).toBe(answer);
    const limited = await gate.run(asker('U1'), answered);
    expect(limited.error).toEqual({ code: 'rate-limited', message: "You're going a bit fast — try again in 30 s." });
    expect(limited.onlyAsker).toBe(true);
    expect(await gate.run(asker('U2'), answered)).toBe(answer);
    clock.advance(29_001);
    expect((await gate.run(asker('U1'), answered)).error?.message).toBe("You're going a bit fast — try again in 1 s.");
    clock.advance(1000);
    expect(await gate.run(asker('U1'), answered)).toBe(answer);
  });

  it('limits a channel across its users, and a refused command costs the user nothing', async () => {
    const clock = new ManualClock();
    const gate = new CommandGate({ userPerMinute: 1, channelPerMinute: 2, clock });
    await gate.run(asker('U1'), answered);
    await gate.run(asker('U2'), answered);
    expect((await gate.run(asker('U3'), answered)).error?.code).toBe('rate-limited');
    expect(await gate.run(asker('U3', 'C2'), answered)).toBe(answer);
    // The same ids on another platform are other people and places.
    expect(await gate.run({ ...asker('U1'), platform: 'discord' }, answered)).toBe(answer);
  });

  it('does not rate-limit the terminal, one person at their own machine', async () => {
    const clock = new ManualClock();
    const gate = new CommandGate({ userPerMinute: 1, channelPerMinute: 1, clock });
    const terminal = { ...asker('U1'), platform: 'terminal' as const };
    for (let i = 0; i < 5; i++) expect(await gate.run(terminal, answered)).toBe(answer);
  });

  it('runs everything when the limits are 0', async () => {
    const gate = new CommandGate({ userPerMinute: 0, channelPerMinute: 0, clock: new ManualClock() });
    for (let i = 0; i < 50; i++) expect(await gate.run(asker('U1'), answered)).toBe(answer);
  });

  it('answers "took too long" when an answer outlasts the time limit', async () => {
    const clock = new ManualClock();
    const gate = new CommandGate({ timeoutMs: 5000, clock });
    const slow = pending();
    const reply = gate.run(asker('U1'), () => slow.promise);
    clock.advance(4999);
    expect(await isSettled(reply)).toBe(false);
    clock.advance(1);
    expect(await reply).toMatchObject({
      status: 'error',
      onlyAsker: true,
      error: { code: 'timeout', message: 'That took too long to answer; try a narrower question.' },
    });
    // The handler is still running: it counts until it finishes.
    expect(gate.inFlight).toBe(1);
    slow.finish();
    await gate.drain();
    expect(gate.inFlight).toBe(0);
  });

  it('gives an answer that finished without awaiting anything, however long its work held the process', async () => {
    const gate = new CommandGate({ timeoutMs: 10 });
    const busy = () => {
      const until = Date.now() + 50;
      while (Date.now() < until);
      return Promise.resolve(answer);
    };
    expect(await gate.run(asker('U1'), busy)).toBe(answer);
  });

  it('cancels the timer of an answer given in time', async () => {
    const clock = new ManualClock();
    const gate = new CommandGate({ timeoutMs: 5000, clock });
    expect(await gate.run(asker('U1'), answered)).toBe(answer);
    expect(clock.pending).toBe(0);
  });

  it('passes a handler’s failure through rather than hiding it as a timeout', async () => {
    const gate = new CommandGate({ clock: new ManualClock() });
    await expect(gate.run(asker('U1'), () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(gate.inFlight).toBe(0);
  });

  it('after close refuses new commands and drains once the answers in flight finish', async () => {
    const gate = new CommandGate({ clock: new ManualClock() });
    await gate.drain();
    const slow = pending();
    const inFlight = gate.run(asker('U1'), () => slow.promise);
    gate.close();
    expect(gate.closed).toBe(true);
    const refused = await gate.run(asker('U2'), answered);
    expect(refused.error).toEqual({ code: 'restarting', message: 'Dossier is restarting — try again in a moment.' });
    expect(refused.onlyAsker).toBe(true);
    const drained = gate.drain();
    expect(await isSettled(drained)).toBe(false);
    slow.finish();
    expect(await inFlight).toBe(answer);
    await drained;
    expect(gate.inFlight).toBe(0);
  });

  it('is built from the configuration', async () => {
    const gate = CommandGate.fromConfig(
      { RATE_LIMIT_USER_PER_MINUTE: 1, RATE_LIMIT_CHANNEL_PER_MINUTE: 0, ANSWER_TIMEOUT_MS: 0 },
      new ManualClock(),
    );
    await gate.run(asker('U1'), answered);
    expect((await gate.run(asker('U1'), answered)).error?.message).toBe("You're going a bit fast — try again in 60 s.");
  });
});
