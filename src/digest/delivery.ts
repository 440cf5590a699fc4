import type { Reply } from '../answer/reply.js';

/**
 * The error contract between adapters and the digest: `Adapter.post` throws a DeliveryError so
 * the scheduler knows whether trying again can help.
 *
 * - `channel-gone`: the channel was deleted or archived, or the bot was removed from it (Slack
 *   `channel_not_found`, `is_archived`, `not_in_channel`; Discord 10003 Unknown Channel, 50001
 *   Missing Access). Permanent: the subscription is paused.
 * - `forbidden`: the bot may no longer post there (Slack `restricted_action`; Discord 50013
 *   Missing Permissions). Permanent.
 * - `rate-limited`, `unavailable`, `timeout`: transient; retried with backoff.
 *
 * Any other error thrown by an adapter counts as transient.
 */
export type DeliveryErrorCode = 'channel-gone' | 'forbidden' | 'rate-limited' | 'unavailable' | 'timeout';

const PERMANENT: ReadonlySet<DeliveryErrorCode> = new Set(['channel-gone', 'forbidden']);

export class DeliveryError extends Error {
  readonly permanent: boolean;

  constructor(
    readonly code: DeliveryErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DeliveryError';
    this.permanent = PERMANENT.has(code);
  }
}

export const isPermanent = (error: unknown): boolean => error instanceof DeliveryError && error.permanent;

/** The platform did not answer in time: the post may or may not have gone out. */
export const isTimeout = (error: unknown): boolean => error instanceof DeliveryError && error.code === 'timeout';

export interface RetryOptions {
  /** Attempts in all, the first included (default 4). */
  attempts?: number;
  /** Wait before the second attempt; each later wait doubles (default 2 s). */
  backoffMs?: number;
  /** Longest one attempt may take before it counts as a `timeout` (default 30 s). */
  timeoutMs?: number;
  /** Checked after each failed attempt: true stops retrying and throws that attempt's error (shutdown). */
  giveUp?: () => boolean;
  /** Injected so tests do not wait out the backoff. */
  sleep?: (ms: number) => Promise<void>;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Rejects with a `timeout` DeliveryError if `promise` takes longer than `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeliveryError('timeout', `the platform did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Posts with retries: transient failures are retried with exponential backoff, a permanent one
 * (or the last transient one) is thrown to the caller.
 */
export async function postWithRetry(
  post: (reply: Reply) => Promise<void>,
  reply: Reply,
  options: RetryOptions = {},
): Promise<void> {
  const { attempts = 4, backoffMs = 2000, timeoutMs = 30_000, sleep: wait = sleep, giveUp = () => false } = options;
  for (let attempt = 1; ; attempt++) {
    try {
      await withTimeout(post(reply), timeoutMs);
      return;
    } catch (error) {
      if (isPermanent(error) || attempt >= attempts || giveUp()) throw error;
      await wait(backoffMs * 2 ** (attempt - 1));
    }
  }
}
