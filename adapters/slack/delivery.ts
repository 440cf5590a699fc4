import { setTimeout as sleep } from 'node:timers/promises';
import { webApi } from '@slack/bolt';
import type { Reply } from '../../src/answer/reply.js';
import type { Logger } from '../../src/log.js';
import type { SlackRequest } from './buttons.js';
import { describeSlackFailure, slackErrorCode } from './errors.js';
import { renderSlack, type SlackMessage } from './render.js';

/** Where an answer goes: back through a request's response_url, into a channel or thread, or ephemerally to one user. */
export type SlackTarget =
  | {
      kind: 'response';
      responseUrl: string;
      channel: string;
      visibility: 'ephemeral' | 'in_channel';
      request?: SlackRequest;
    }
  | {
      kind: 'message';
      channel: string;
      threadTs?: string;
      request?: SlackRequest;
      /** Who asked, for replies meant only for them. */ user?: string;
    }
  | { kind: 'ephemeral'; channel: string; user: string; threadTs?: string; request?: SlackRequest };

/** Where a reply meant only for the asker (`Reply.onlyAsker`, e.g. a digest preview) goes instead of `target`. */
function privately(target: SlackTarget): SlackTarget {
  if (target.kind === 'response') return { ...target, visibility: 'ephemeral' };
  if (target.kind === 'message' && target.user)
    return {
      kind: 'ephemeral',
      channel: target.channel,
      user: target.user,
      threadTs: target.threadTs,
      request: target.request,
    };
  return target;
}

/**
 * How answers reach Slack: through a request's response_url, into a channel or thread, or
 * ephemerally, with a chart uploaded where the answer is public, each call waiting out Slack's
 * 429s within the answer's budget.
 */
export class SlackDelivery {
  constructor(
    private readonly client: webApi.WebClient,
    private readonly log: Logger,
    private readonly rateLimitBudgetMs: number,
  ) {}

  /** Answers one request; a refusal from Slack is logged, never thrown, since no one is left to tell. */
  async deliver(target: SlackTarget, reply: Reply): Promise<void> {
    try {
      await this.send(target, reply);
    } catch (error) {
      this.log.error(
        { channel: target.channel, target: target.kind, code: slackErrorCode(error) },
        describeSlackFailure(error, target.channel),
      );
    }
  }

  /** Runs one Slack call, waiting out each 429's Retry-After while the answer's budget lasts. */
  private async withinRateBudget<T>(call: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + this.rateLimitBudgetMs;
    for (;;) {
      try {
        return await call();
      } catch (error) {
        const retryAfter = (error as { retryAfter?: unknown }).retryAfter;
        if (typeof retryAfter !== 'number' || Date.now() + retryAfter * 1000 > deadline) throw error;
        this.log.warn({ retryAfter }, `Slack rate limit: retrying in ${retryAfter} s as Retry-After asks`);
        await sleep(retryAfter * 1000);
      }
    }
  }

  private async send(requested: SlackTarget, reply: Reply): Promise<void> {
    const target = reply.onlyAsker ? privately(requested) : requested;
    const isPublic = target.kind === 'message' || (target.kind === 'response' && target.visibility === 'in_channel');
    const upload = isPublic && reply.attachments.length > 0;
    const message = renderSlack(reply, {
      request: target.request,
      shareable: !isPublic && !reply.onlyAsker,
      chartUploaded: upload,
    });
    const threadTs = target.kind === 'response' ? undefined : target.threadTs;
    const client = this.client;
    if (target.kind === 'response')
      await this.withinRateBudget(() =>
        this.respond(target.responseUrl, { response_type: target.visibility, replace_original: false, ...message }),
      );
    else if (target.kind === 'ephemeral')
      await this.withinRateBudget(() =>
        client.chat.postEphemeral({
          channel: target.channel,
          user: target.user,
          ...(threadTs ? { thread_ts: threadTs } : {}),
          ...message,
        }),
      );
    else
      await this.withinRateBudget(() =>
        client.chat.postMessage({
          channel: target.channel,
          ...(threadTs ? { thread_ts: threadTs } : {}),
          unfurl_links: false,
          unfurl_media: false,
          ...message,
        }),
      );
    if (!upload) return;
    // Charts are drawn only here: a private answer shows none (Share posts it).
    for (const chart of reply.attachments) {
      const file = Buffer.from(await chart.draw());
      await this.withinRateBudget(() =>
        client.files.uploadV2({
          channel_id: target.channel,
          ...(threadTs ? { thread_ts: threadTs } : {}),
          file,
          filename: chart.name,
          title: chart.alt.slice(0, 250),
          alt_text: chart.alt.slice(0, 1000),
        } as webApi.FilesUploadV2Arguments),
      );
    }
  }

  /** Posts to a response_url (valid 30 minutes, up to five times), as Bolt's `respond` does. */
  async respond(responseUrl: string, body: SlackMessage & Record<string, unknown>): Promise<void> {
    const response = await fetch(responseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    if (response.status === 429)
      throw new webApi.WebAPIRateLimitedError(Number.parseInt(response.headers.get('retry-after') ?? '', 10) || 1);
    if (!response.ok)
      throw Object.assign(new Error(`response_url answered ${response.status}`), {
        data: { error: `http_${response.status}` },
      });
  }
}
