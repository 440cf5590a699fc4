import type { Reply } from '../answer/reply.js';
import { errorReply } from '../answer/reply.js';
import { CONFIG_DEFAULTS, type Config } from '../config.js';
import type { Platform } from './adapter.js';
import { RateLimiter } from './limits.js';

/** Time as the gate sees it; tests pass a clock they move by hand. */
export interface GateClock {
  /** Milliseconds since any fixed point. */
  now(): number;
  /** Calls `fn` once after `ms`; the returned function cancels it. */
  after(ms: number, fn: () => void): () => void;
}

const systemClock: GateClock = {
  now: () => Date.now(),
  after: (ms, fn) => {
    const timer = setTimeout(fn, ms);
    // A pending answer timeout never keeps the process alive.
    timer.unref();
    return () => clearTimeout(timer);
  },
};

export interface CommandGateOptions {
  /**
   * Commands one user may run a minute, in a burst or spread out (RATE_LIMIT_USER_PER_MINUTE); 0: no limit. Default 10.
   */
  userPerMinute?: number;
  /**
   * Commands one channel may run a minute, all its users together
   * (RATE_LIMIT_CHANNEL_PER_MINUTE); 0: no limit. Default 30.
   */
  channelPerMinute?: number;
  /**
   * Longest an asker waits for one answer before being told it
   * took too long (ANSWER_TIMEOUT_MS); 0: no limit. Default 5,000.
   */
  timeoutMs?: number;
  clock?: GateClock;
}

/** The error codes of the gate's own replies, and the status each is logged with. */
export const REFUSALS = { 'rate-limited': 'limited', timeout: 'timeout', restarting: 'closed' } as const;

/** A refusal is for the asker alone, even where the answer would have been public (a mention, Share). */
const refusal = (code: keyof typeof REFUSALS, message: string): Reply => ({
  ...errorReply(code, message),
  onlyAsker: true,
});

/** Who is asking: enough of a command's context to key its rate limits. */
export interface Asker {
  platform: Platform;
  user: { id: string };
  channel: { id: string };
}

/**
 * The door every command goes through (`runCommand` uses the one in its context): per-user and
 * per-channel rate limits, a time limit on each answer, and a count of the answers in flight so a
 * shutdown can let them finish.
 *
 * Shutdown: `close()` then `await drain()`. From `close()` on, new commands get "Dossier is
 * restarting"; `drain()` resolves once every handler already started has settled, including any
 * whose asker was already told it took too long, so bound it with a deadline of your own.
 */
export class CommandGate {
  private readonly users: RateLimiter;
  private readonly channels: RateLimiter;
  private readonly timeoutMs: number;
  private readonly clock: GateClock;
  private running = 0;
  private isClosed = false;
  private drained: (() => void)[] = [];

  constructor({
    userPerMinute = CONFIG_DEFAULTS.RATE_LIMIT_USER_PER_MINUTE,
    channelPerMinute = CONFIG_DEFAULTS.RATE_LIMIT_CHANNEL_PER_MINUTE,
    timeoutMs = CONFIG_DEFAULTS.ANSWER_TIMEOUT_MS,
    clock = systemClock,
  }: CommandGateOptions = {}) {
    const now = () => clock.now();
    this.users = new RateLimiter({ perMinute: userPerMinute, now });
    this.channels = new RateLimiter({ perMinute: channelPerMinute, now });
    this.timeoutMs = timeoutMs;
    this.clock = clock;
  }

  /** The gate the configuration asks for. */
  static fromConfig(
    config: Pick<Config, 'RATE_LIMIT_USER_PER_MINUTE' | 'RATE_LIMIT_CHANNEL_PER_MINUTE' | 'ANSWER_TIMEOUT_MS'>,
    clock?: GateClock,
  ): CommandGate {
    return new CommandGate({
      userPerMinute: config.RATE_LIMIT_USER_PER_MINUTE,
      channelPerMinute: config.RATE_LIMIT_CHANNEL_PER_MINUTE,
      timeoutMs: config.ANSWER_TIMEOUT_MS,
      clock,
    });
  }

  /** Answers being worked on now. */
  get inFlight(): number {
    return this.running;
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /**
   * Runs `answer` for `asker` unless the gate is closed or the asker is over a rate limit, and
   * gives up waiting for it after the time limit. Each refusal is a one-line reply for the asker
   * alone (`REFUSALS`), never an exception.
   */
  async run(asker: Asker, answer: () => Promise<Reply>): Promise<Reply> {
    if (this.isClosed) return refusal('restarting', 'Dossier is restarting — try again in a moment.');
    // Rate limits share a chat workspace fairly; the terminal is one person at their own machine.
    if (asker.platform === 'terminal') return this.start(answer);
    const user = `${asker.platform}:${asker.user.id}`;
    const channel = `${asker.platform}:${asker.channel.id}`;
    const waitMs = Math.max(this.users.waitMs(user), this.channels.waitMs(channel));
    if (waitMs > 0)
      return refusal('rate-limited', `You're going a bit fast — try again in ${Math.ceil(waitMs / 1000)} s.`);
    this.users.take(user);
    this.channels.take(channel);
    return this.start(answer);
  }

  private start(answer: () => Promise<Reply>): Promise<Reply> {
    return this.timeoutMs > 0 ? this.within(answer) : this.track(answer());
  }

  /** New commands are refused from now on; those in flight carry on. */
  close(): void {
    this.isClosed = true;
  }

  /** Resolves when no answer is in flight (at once if none is). */
  drain(): Promise<void> {
    if (this.running === 0) return Promise.resolve();
    return new Promise((resolve) => this.drained.push(resolve));
  }

  private track(answering: Promise<Reply>): Promise<Reply> {
    this.running++;
    const settled = () => {
      if (--this.running === 0) for (const resolve of this.drained.splice(0)) resolve();
    };
    answering.then(settled, settled);
    return answering;
  }

  /**
   * The answer, or the timeout reply if it is not ready in time. The timer starts first, so the
   * answer's synchronous work counts too; but a timer cannot fire while that work holds the event
   * loop, so an answer that finishes without awaiting anything is always given.
   */
  private within(answer: () => Promise<Reply>): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const cancel = this.clock.after(this.timeoutMs, () =>
        resolve(refusal('timeout', 'That took too long to answer; try a narrower question.')),
      );
      this.track(answer()).then(
        (reply) => {
          cancel();
          resolve(reply);
        },
        (error: unknown) => {
          cancel();
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }
}
