import { webApi } from '@slack/bolt';
import type { Reply } from '../../src/answer/reply.js';
import type { PostOptions } from '../../src/commands/adapter.js';
import { DeliveryError, type DeliveryErrorCode } from '../../src/digest/index.js';
import type { Logger } from '../../src/log.js';
import { describeSlackFailure, slackErrorCode } from './errors.js';
import { fitsSlack, renderSlack, type SlackMessage } from './render.js';
import { CALL_TIMEOUT_MS } from './settings.js';

/**
 * How digests are posted to Slack so that none is posted twice: each carries its slot's id in
 * message metadata (which Slack shows to no one), so that after a post Slack did not confirm,
 * `findDigest` can read the channel's history and tell whether it arrived. The client that posts
 * them never retries by itself: a retried post after a timeout is how duplicates happen.
 */

/** The metadata event type of every digest. */
export const DIGEST_EVENT = 'dossier_digest';

/**
 * The Web API client options for digests: no retries of its own (the digest decides, knowing
 * whether a post may have gone out), 429s handed back so the digest honours Retry-After itself,
 * and Slack's answer awaited as long as any call's (CALL_TIMEOUT_MS).
 */
const DIGEST_CLIENT_OPTIONS: webApi.WebClientOptions = {
  retryConfig: { retries: 0 },
  rejectRateLimitedCalls: true,
  timeout: CALL_TIMEOUT_MS,
};

/** How a digest is rendered: no chart is uploaded with it. */
const DIGEST_RENDER = { chartUploaded: false };

/**
 * The Slack adapter's `post`, `fits` and `findPost`: digests (and other unprompted posts) through a client
 * of their own. A failure is logged in one line and thrown as a DeliveryError saying whether the
 * post may have gone out (see src/digest/delivery.ts).
 */
export class SlackDigestPoster {
  private readonly client: webApi.WebClient;

  constructor(
    botToken: string,
    apiUrl: string | undefined,
    logger: webApi.WebClientOptions['logger'],
    private readonly log: Logger,
  ) {
    this.client = new webApi.WebClient(botToken, {
      ...DIGEST_CLIENT_OPTIONS,
      logger,
      ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    });
  }

  async post(channelId: string, reply: Reply, options?: PostOptions): Promise<void> {
    try {
      await postDigest(this.client, channelId, renderSlack(reply, DIGEST_RENDER), options?.key);
    } catch (error) {
      throw this.failure(error, channelId);
    }
  }

  /** Whether `reply` posted as a digest shows whole within Slack's limits on one message (as `post` renders it). */
  fits(reply: Reply): boolean {
    return fitsSlack(reply, DIGEST_RENDER);
  }

  async findPost(channelId: string, key: string, since: Date): Promise<boolean> {
    try {
      return await findDigest(this.client, channelId, key, since);
    } catch (error) {
      throw this.failure(error, channelId);
    }
  }

  private failure(error: unknown, channelId: string): DeliveryError {
    const delivery = digestError(error, channelId);
    // The digest says how it waits out a rate limit; anything else is worth a line here.
    if (delivery.code === 'rate-limited') this.log.debug({ channel: channelId }, delivery.message);
    else this.log.error({ channel: channelId, code: slackErrorCode(error) }, delivery.message);
    return delivery;
  }
}

/** Messages read per history page, and pages read at most, when looking for a digest. */
const HISTORY_PAGE = 100;
const HISTORY_PAGES = 5;

/** Posts a digest (or any unprompted message) to a channel, with its slot's id when there is one. */
async function postDigest(
  client: webApi.WebClient,
  channel: string,
  message: SlackMessage,
  key?: string,
): Promise<void> {
  await client.chat.postMessage({
    channel,
    unfurl_links: false,
    unfurl_media: false,
    ...message,
    ...(key ? { metadata: { event_type: DIGEST_EVENT, event_payload: { key } } } : {}),
  });
}

/**
 * Whether the channel holds a digest carrying `key`, posted since `since`. Needs the
 * `channels:history` scope (and `groups:history` for private channels).
 */
async function findDigest(client: webApi.WebClient, channel: string, key: string, since: Date): Promise<boolean> {
  const oldest = (since.getTime() / 1000).toFixed(6);
  let cursor: string | undefined;
  for (let page = 0; page < HISTORY_PAGES; page++) {
    const history = await client.conversations.history({
      channel,
      oldest,
      limit: HISTORY_PAGE,
      include_all_metadata: true,
      ...(cursor ? { cursor } : {}),
    });
    // The SDK types the payload as an empty object: it is whatever the app attached.
    const found = history.messages?.some(
      (m) =>
        m.metadata?.event_type === DIGEST_EVENT &&
        (m.metadata.event_payload as { key?: unknown } | undefined)?.key === key,
    );
    if (found) return true;
    cursor = history.response_metadata?.next_cursor;
    if (!history.has_more || !cursor) return false;
  }
  return false;
}

/** Slack's errors that mean its servers failed midway: the message may have been stored. */
const SERVER_FAILURES = new Set(['internal_error', 'fatal_error', 'request_timeout', 'service_unavailable']);
/** Errors for which the connection never carried the request: nothing was posted. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

/** A failed Slack call for a digest in `channel` as the digest's DeliveryError, its message one line for the log. */
function digestError(error: unknown, channel: string): DeliveryError {
  const retryAfter = (error as { retryAfter?: unknown }).retryAfter;
  const code = classify(error);
  const line =
    code === 'rate-limited'
      ? `Slack rate-limited the digest for channel ${channel} (Retry-After ` +
        `${typeof retryAfter === 'number' ? retryAfter : '?'} s).`
      : describeSlackFailure(error, channel);
  return new DeliveryError(code, line, {
    cause: error,
    ...(code === 'rate-limited' && typeof retryAfter === 'number' ? { retryAfterMs: retryAfter * 1000 } : {}),
  });
}

function classify(error: unknown): DeliveryErrorCode {
  if (error instanceof webApi.WebAPIRateLimitedError) return 'rate-limited';
  if (error instanceof webApi.WebAPIPlatformError) {
    const slackCode = String((error.data as { error?: unknown }).error);
    switch (slackCode) {
      case 'channel_not_found':
      case 'is_archived':
      case 'not_in_channel':
        return 'channel-gone';
      case 'restricted_action':
      case 'cant_post':
        return 'forbidden';
      case 'missing_scope':
        return 'cannot-check';
      case 'ratelimited':
        return 'rate-limited';
      default:
        return SERVER_FAILURES.has(slackCode) ? 'server-error' : 'rejected';
    }
  }
  if (error instanceof webApi.WebAPIHTTPError) return error.statusCode >= 500 ? 'server-error' : 'rejected';
  if (error instanceof webApi.WebAPIRequestError) {
    const original = error.original as Error & { cause?: { code?: string } };
    if (original.name === 'TimeoutError' || original.name === 'AbortError') return 'timeout';
    if (NOT_CONNECTED.has(original.cause?.code ?? '')) return 'unavailable';
  }
  return 'interrupted';
}
