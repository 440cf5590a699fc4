import type { Adapter, Platform } from '../../src/commands/adapter.js';
import type { Reply } from '../../src/answer/reply.js';

export interface RecordedPost {
  channelId: string;
  reply: Reply;
}

/**
 * An Adapter that records what it is given instead of talking to a platform. `failWith` makes
 * posts to one channel throw (a DeliveryError, say) or hang, to show how callers cope.
 */
export class RecordingAdapter implements Adapter<string> {
  readonly posts: RecordedPost[] = [];
  readonly delivered: RecordedPost[] = [];
  /** Every post attempt in order, failed ones included. */
  readonly attempts: string[] = [];
  private readonly failures = new Map<string, () => Promise<void>>();
  started = false;

  constructor(readonly platform: Platform = 'slack') {}

  async start(): Promise<void> {
    this.started = true;
  }

  async stop(): Promise<void> {
    this.started = false;
  }

  async deliver(target: string, reply: Reply): Promise<void> {
    this.delivered.push({ channelId: target, reply });
  }

  async post(channelId: string, reply: Reply): Promise<void> {
    this.attempts.push(channelId);
    const failure = this.failures.get(channelId);
    if (failure) return failure();
    this.posts.push({ channelId, reply });
  }

  /** Posts to `channelId` throw `error` from now on. */
  failWith(channelId: string, error: Error): void {
    this.failures.set(channelId, () => Promise.reject(error));
  }

  /** Posts to `channelId` never answer, like a platform that has stopped responding. */
  hang(channelId: string): void {
    this.failures.set(channelId, () => new Promise<void>(() => {}));
  }

  heal(channelId: string): void {
    this.failures.delete(channelId);
  }

  postsTo(channelId: string): Reply[] {
    return this.posts.filter((p) => p.channelId === channelId).map((p) => p.reply);
  }
}
