import type { Reply } from '../../src/answer/reply.js';
import type { PostOptions } from '../../src/commands/adapter.js';
import { DeliveryError } from '../../src/digest/delivery.js';

/**
 * What the platform does with one post:
 * - `ok`: keeps the message and confirms it;
 * - `accepted-timeout` / `accepted-reset`: keeps it, but the answer never arrives (a slow platform,
 *   a connection reset after the request went through);
 * - `lost-timeout` / `lost-reset`: the same failures, with nothing kept;
 * - a DeliveryError: refuses with it (nothing kept);
 * - `hold`: keeps nothing until the test calls `release()`, then acts on what it is given.
 */
export type Behaviour =
  'ok' | 'accepted-timeout' | 'accepted-reset' | 'lost-timeout' | 'lost-reset' | 'hold' | DeliveryError;

export interface Message {
  channelId: string;
  key?: string;
  reply: Reply;
}

/**
 * A chat platform for the scheduler's tests: channels keep the messages posted to them, each
 * with the key it was posted with, and `findPost` looks for a key, as Slack's history does.
 * `plan` queues behaviours for a channel's next posts; after those, posts succeed.
 */
export class FakePlatform {
  readonly messages: Message[] = [];
  /** Every post tried, in order: the channel and key. */
  readonly attempts: { channelId: string; key?: string }[] = [];
  readonly looks: string[] = [];
  /** The `since` of each look, in order. */
  readonly lookedSince: Date[] = [];
  inFlight = 0;
  maxInFlight = 0;
  /** Thrown by `findPost` while set. */
  lookFailure?: DeliveryError;
  private readonly plans = new Map<string, Behaviour[]>();
  private held: { resolve: (b: Behaviour) => void }[] = [];
  private arrivals: (() => void)[] = [];

  plan(channelId: string, ...behaviours: Behaviour[]): this {
    this.plans.set(channelId, [...(this.plans.get(channelId) ?? []), ...behaviours]);
    return this;
  }

  async post(channelId: string, reply: Reply, options?: PostOptions): Promise<void> {
    this.attempts.push({ channelId, key: options?.key });
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    for (const wake of this.arrivals.splice(0)) wake();
    try {
      let behaviour = this.plans.get(channelId)?.shift() ?? 'ok';
      // A turn of the event loop, as a network call takes, so that concurrency shows.
      await new Promise((resolve) => setImmediate(resolve));
      if (behaviour === 'hold') behaviour = await new Promise<Behaviour>((resolve) => this.held.push({ resolve }));
      if (behaviour instanceof DeliveryError) throw behaviour;
      if (behaviour === 'ok' || behaviour.startsWith('accepted'))
        this.messages.push({ channelId, key: options?.key, reply });
      if (behaviour.endsWith('timeout')) throw new DeliveryError('timeout', 'no answer within 10 s');
      if (behaviour.endsWith('reset')) throw new DeliveryError('interrupted', 'socket hang up');
    } finally {
      this.inFlight--;
    }
  }

  async findPost(channelId: string, key: string, since: Date): Promise<boolean> {
    this.looks.push(channelId);
    this.lookedSince.push(since);
    if (this.lookFailure) throw this.lookFailure;
    return this.messages.some((m) => m.channelId === channelId && m.key === key);
  }

  /** Resolves once a post is being held (or has arrived, with `any`). */
  async arrived(): Promise<void> {
    await new Promise<void>((resolve) => this.arrivals.push(resolve));
  }

  /** Lets the held posts go, each acting as `behaviour`. */
  release(behaviour: Behaviour = 'ok'): void {
    for (const { resolve } of this.held.splice(0)) resolve(behaviour);
  }

  messagesTo(channelId: string): Message[] {
    return this.messages.filter((m) => m.channelId === channelId);
  }

  /** The same platform without `findPost`: one that cannot be asked whether a post arrived. */
  blind(): Pick<FakePlatform, 'post'> {
    return { post: this.post.bind(this) };
  }
}
