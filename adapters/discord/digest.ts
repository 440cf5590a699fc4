import { createHash } from 'node:crypto';
import {
  DiscordAPIError,
  HTTPError,
  RateLimitError,
  SnowflakeUtil,
  type Client,
  type MessageCreateOptions,
  type RateLimitData,
  type SendableChannels,
} from 'discord.js';
import { DeliveryError, type DeliveryErrorCode } from '../../src/digest/index.js';

/**
 * How digests are posted to Discord so that none is posted twice. Every post carries a nonce
 * made from its slot's id with `enforce_nonce`, so Discord itself refuses to create a second
 * message with that nonce from the bot for a few minutes (and discord.js's own retries of a timed
 * out request cannot duplicate it). Discord keeps no nonce on a stored message, so after a post
 * it did not confirm, `findDigest` reads the channel's messages since just before the first attempt: the
 * bot posts nothing else there on its own (answers to commands arrive through interactions), so a
 * message by the bot that is no interaction's answer is the digest.
 */

/** Messages read after the first attempt, when looking for a digest (Discord's maximum per call). */
const MESSAGES_READ = 100;
/** The route discord.js names the channel-messages calls by, for its rate limiter. */
const MESSAGES_ROUTE = '/channels/:id/messages';

/** A nonce (at most 25 characters) unique to the slot. */
export const digestNonce = (key: string) => createHash('sha256').update(key).digest('base64url').slice(0, 25);

/** The message options that make a post idempotent for a while. */
export const withNonce = (message: MessageCreateOptions, key: string | undefined): MessageCreateOptions =>
  key ? { ...message, nonce: digestNonce(key), enforceNonce: true } : message;

/**
 * For discord.js's `rest.rejectOnRateLimit`: a digest post or look is handed its 429 instead of
 * being queued inside discord.js, so the digest waits out Retry-After itself, within its bound.
 */
export const rejectDigestRateLimits = (data: RateLimitData) => data.route === MESSAGES_ROUTE;

/** Whether the channel holds a message by the bot, posted since `since`, that answers no interaction. */
export async function findDigest(client: Client, channel: SendableChannels, since: Date): Promise<boolean> {
  if (!('messages' in channel)) return false;
  const after = SnowflakeUtil.generate({ timestamp: since.getTime() }).toString();
  const messages = await channel.messages.fetch({ after, limit: MESSAGES_READ, cache: false });
  return messages.some((m) => m.author.id === client.user?.id && !m.webhookId && !m.interactionMetadata);
}

/**
 * Discord's refusals of a post in a locked thread, which only members with Manage Threads may post in or reopen:
 * 160005 Thread is locked, and 50083 Thread is archived, its answer for a locked thread whether archived or not (an
 * archived thread that is not locked is reopened by the post, as by any member's message). Permanent until someone
 * unlocks it.
 */
export const THREAD_LOCKED: ReadonlySet<number | string> = new Set([50083, 160005]);

const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

/**
 * A failed Discord call as the digest's DeliveryError, with `line` (the log's description) as its
 * message. `stage`: `before` a post was sent (finding the channel: nothing can have been posted),
 * the `post` itself, or a `look` for one (where 50013 means Read Message History is missing).
 */
export function digestError(error: unknown, line: string, stage: 'before' | 'post' | 'look'): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const code = classify(error, stage);
  const retryAfterMs = error instanceof RateLimitError ? error.retryAfter : undefined;
  return new DeliveryError(code, line, { cause: error, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) });
}

function classify(error: unknown, stage: 'before' | 'post' | 'look'): DeliveryErrorCode {
  if (error instanceof RateLimitError) return 'rate-limited';
  if (error instanceof DiscordAPIError) {
    if (error.code === 10003 || error.code === 50001) return 'channel-gone';
    if (error.code === 50013) return stage === 'look' ? 'cannot-check' : 'forbidden';
    if (THREAD_LOCKED.has(error.code)) return 'forbidden';
    if (error.status === 429) return 'rate-limited';
    if (error.status >= 500) return stage === 'before' ? 'unavailable' : 'server-error';
    return 'rejected';
  }
  const cause =
    (error as { cause?: { code?: string }; code?: string }).cause?.code ?? (error as { code?: string }).code;
  if (stage === 'before' || NOT_CONNECTED.has(cause ?? '')) return 'unavailable';
  if (error instanceof HTTPError) return 'server-error';
  if (error instanceof Error && error.name === 'AbortError') return 'timeout';
  return 'interrupted';
}
