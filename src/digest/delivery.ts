/**
 * The contract between the digest and the adapters that post it. `Adapter.post` throws a
 * DeliveryError whose code says what became of the post, since that decides what the digest may
 * do next: post again, wait, give up, or first look whether the channel already has it.
 *
 * Refused (the platform answered, and nothing was posted):
 * - `channel-gone`: the channel was deleted or archived, or the bot was removed from it (Slack
 *   `channel_not_found`, `is_archived`, `not_in_channel`; Discord 10003 Unknown Channel, 50001
 *   Missing Access). Permanent: the subscription is paused.
 * - `forbidden`: the bot may no longer post there (Slack `restricted_action`; Discord 50013
 *   Missing Permissions, and 50083 or 160005 for a locked thread). Permanent: the subscription is paused.
 * - `rejected`: the platform refused this message or this call (too long, bad blocks, a refused
 *   token). Trying the same again will not help: the slot fails.
 * - `rate-limited`: not now; `retryAfterMs` says when.
 * - `unavailable`: the platform could not be reached at all (connection refused, no such host).
 *
 * Unknown (the request may have reached the platform and the message may be in the channel):
 * - `timeout`: no answer in time; `interrupted`: the connection broke, or the process stopped
 *   waiting for it; `server-error`: the platform answered with a server error.
 *
 * And for `Adapter.findPost` only:
 * - `cannot-check`: the platform will not show the bot the channel's recent messages (a missing
 *   scope or permission), so whether a post went out cannot be told.
 *
 * Any other error an adapter throws counts as unknown.
 */
export type DeliveryErrorCode =
  | 'channel-gone'
  | 'forbidden'
  | 'rejected'
  | 'rate-limited'
  | 'unavailable'
  | 'timeout'
  | 'interrupted'
  | 'server-error'
  | 'cannot-check';

const PERMANENT: ReadonlySet<DeliveryErrorCode> = new Set(['channel-gone', 'forbidden']);
const UNKNOWN: ReadonlySet<DeliveryErrorCode> = new Set(['timeout', 'interrupted', 'server-error']);

export class DeliveryError extends Error {
  /** The channel cannot be posted to until someone changes something there. */
  readonly permanent: boolean;
  /** The post may have reached the channel: it must not be sent again before looking. */
  readonly mayHavePosted: boolean;
  /** For `rate-limited`: how long the platform asked to wait. */
  readonly retryAfterMs?: number;

  constructor(
    readonly code: DeliveryErrorCode,
    message: string,
    options?: { cause?: unknown; retryAfterMs?: number },
  ) {
    super(message, options);
    this.name = 'DeliveryError';
    this.permanent = PERMANENT.has(code);
    this.mayHavePosted = UNKNOWN.has(code);
    this.retryAfterMs = options?.retryAfterMs;
  }
}

/** What a failed post means for the digest, whatever the adapter threw. */
export function asDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  return new DeliveryError('interrupted', error instanceof Error ? error.message : String(error), { cause: error });
}
