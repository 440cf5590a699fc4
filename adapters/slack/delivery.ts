import { setTimeout as sleep } from 'node:timers/promises';
import { webApi } from '@slack/bolt';
import { drawCharts, withoutMembers, type Reply } from '../../src/answer/reply.js';
import type { Logger } from '../../src/log.js';
import type { SlackRequest } from './buttons.js';
import { fitText } from '../../src/render/cut.js';
import { describeForUser, describeSlackFailure, slackErrorCode } from './errors.js';
import { renderSlack, type RenderOptions, type SlackMessage } from './render.js';
import { CALL_TIMEOUT_MS } from './settings.js';

/**
 * Where an answer goes: back through a request's response_url, into a channel or thread, or ephemerally to one user.
 */
export type SlackTarget =
  | {
      kind: 'response';
      responseUrl: string;
      channel: string;
      visibility: 'ephemeral' | 'in_channel';
      request?: SlackRequest;
      /** Replace the message whose button was pressed (More results pages in place) instead of adding one. */
      replaceOriginal?: boolean;
    }
  | {
      kind: 'message';
      channel: string;
      threadTs?: string;
      request?: SlackRequest;
      /** Who asked, for replies meant only for them. */ user?: string;
    }
  | { kind: 'ephemeral'; channel: string; user: string; threadTs?: string; request?: SlackRequest };

/** A file title Slack shows under the chart: a few words. */
const MAX_FILE_TITLE = 80;
/** Slack's limit on a file's alt text. */
const MAX_ALT_TEXT = 1000;

const isPublic = (target: SlackTarget) =>
  target.kind === 'message' || (target.kind === 'response' && target.visibility === 'in_channel');

/** Where a reply for the whole channel (`Reply.toChannel`, e.g. a document added) goes instead of `target`. */
function publicly(target: SlackTarget): SlackTarget {
  if (target.kind === 'response') return { ...target, visibility: 'in_channel' };
  if (target.kind === 'ephemeral')
    return { kind: 'message', channel: target.channel, threadTs: target.threadTs, request: target.request };
  return target;
}

/**
 * Where a reply goes: to the asker alone (`onlyAsker`), to the whole channel (`toChannel`), else where it was asked.
 */
const addressed = (requested: SlackTarget, reply: Reply): SlackTarget =>
  reply.onlyAsker ? privately(requested) : reply.toChannel ? publicly(requested) : requested;

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

  /**
   * Answers one request, then shows the channel its note (`Reply.channelNote`) where the answer was private; a refusal
   * from Slack is logged, never thrown, since no one is left to tell.
   */
  async deliver(target: SlackTarget, reply: Reply, options?: RenderOptions): Promise<void> {
    try {
      await this.send(target, reply, options);
    } catch (error) {
      this.log.error(
        { channel: target.channel, target: target.kind, code: slackErrorCode(error) },
        describeSlackFailure(error, target.channel),
      );
    }
    // After the asker's own reply, and whether or not it went: the change it tells of was made. A slash command's
    // goes through its response_url, which posts for the channel wherever the command could be typed.
    const note = reply.channelNote;
    if (note && !isPublic(addressed(target, reply)))
      await this.deliver({ ...publicly(target), request: undefined }, note);
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

  /**
   * Share in channel: posts the answer for everyone, naming who shared it, with its chart; then
   * the private answer whose Share was pressed says it was shared, so it is not shared twice. A
   * refusal is logged and told, in one line, to the person who pressed Share, who alone can see it.
   */
  async share(
    pressed: { responseUrl: string; channel: string; request: SlackRequest },
    reply: Reply,
    sharedBy: string,
  ): Promise<void> {
    const { responseUrl, channel, request } = pressed;
    const shared: SlackTarget = { kind: 'response', responseUrl, channel, visibility: 'in_channel', request };
    const drawn = await this.drawFor(shared, reply);
    try {
      await this.sendMessage(shared, drawn.reply, { sharedBy });
    } catch (error) {
      return this.tellPresser(responseUrl, channel, error, 'Could not share the answer');
    }
    try {
      await this.uploadCharts(shared, drawn);
    } catch (error) {
      await this.tellPresser(responseUrl, channel, error, 'Shared without its chart');
    }
    await this.deliver({ ...shared, visibility: 'ephemeral', replaceOriginal: true }, reply, { share: 'done' });
  }

  private async tellPresser(responseUrl: string, channel: string, error: unknown, what: string): Promise<void> {
    this.log.error({ channel, code: slackErrorCode(error) }, describeSlackFailure(error, channel));
    try {
      await this.withinRateBudget(() =>
        this.respond(responseUrl, {
          response_type: 'ephemeral',
          replace_original: false,
          text: `:warning: ${what}: ${describeForUser(error)}`,
        }),
      );
    } catch (failed) {
      this.log.warn({ channel, code: slackErrorCode(failed) }, describeSlackFailure(failed, channel));
    }
  }

  private async send(requested: SlackTarget, reply: Reply, options: RenderOptions = {}): Promise<void> {
    // In the app's own direct message the asker is the only person who sees either way: answered there for all, the
    // answer shows its chart and offers no Share, which would post it to the same person again. Only an answer has
    // either, so nothing else costs a call to Slack.
    const ownDm = !reply.onlyAsker && reply.isAnswer === true && (await this.isOwnDm(requested.channel));
    const target = ownDm ? publicly(requested) : requested;
    const drawn = await this.drawFor(target, reply);
    await this.sendMessage(target, drawn.reply, options);
    await this.uploadCharts(target, drawn);
  }

  /**
   * Whether `channel` is the app's own direct message with a person. A slash command names any direct message alike
   * (an id starting D); conversations.info answers `is_im` for the app's own (it needs `im:read`) and
   * channel_not_found for one between two people, where an answer shared is shown to the other. Slack not saying
   * (missing_scope, for an app installed before `im:read` was asked for) leaves the answer private, with Share.
   */
  private async isOwnDm(channel: string): Promise<boolean> {
    if (!channel.startsWith('D')) return false;
    try {
      return (await this.client.conversations.info({ channel })).channel?.is_im === true;
    } catch (error) {
      this.log.debug(
        { channel, code: slackErrorCode(error) },
        'not the app’s own direct message, as far as Slack says',
      );
      return false;
    }
  }

  /**
   * Charts are drawn only for a public answer: a private one shows none (Share posts it). A chart
   * that cannot be drawn now leaves the reply with a line saying so (see `drawCharts`).
   */
  private async drawFor(requested: SlackTarget, reply: Reply): Promise<{ reply: Reply; images: Uint8Array[] }> {
    if (!isPublic(addressed(requested, reply)) || reply.attachments.length === 0) return { reply, images: [] };
    return drawCharts(reply, this.log);
  }

  private async sendMessage(requested: SlackTarget, reply: Reply, options: RenderOptions): Promise<void> {
    const target = addressed(requested, reply);
    // A mention in a message the channel sees would tell the member they were named; only the asker's own shows one.
    const message = renderSlack(isPublic(target) ? withoutMembers(reply) : reply, {
      request: target.request,
      // A private answer offers Share; a public one has no one left to share it with.
      ...(isPublic(target) ? {} : { share: 'offer' }),
      chartUploaded: isPublic(target) && reply.attachments.length > 0,
      ...options,
    });
    const threadTs = target.kind === 'response' ? undefined : target.threadTs;
    const client = this.client;
    if (target.kind === 'response')
      await this.withinRateBudget(() =>
        this.respond(target.responseUrl, {
          response_type: target.visibility,
          replace_original: target.replaceOriginal ?? false,
          ...message,
        }),
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
  }

  /** Uploads the charts `drawFor` drew (none for a private answer) into the channel or thread of the answer. */
  private async uploadCharts(
    requested: SlackTarget,
    { reply, images }: { reply: Reply; images: Uint8Array[] },
  ): Promise<void> {
    const target = addressed(requested, reply);
    const threadTs = target.kind === 'response' ? undefined : target.threadTs;
    for (const [i, image] of images.entries()) {
      const chart = reply.attachments[i]!;
      await this.withinRateBudget(() =>
        this.client.files.uploadV2({
          channel_id: target.channel,
          ...(threadTs ? { thread_ts: threadTs } : {}),
          file: Buffer.from(image),
          filename: chart.name,
          // Slack shows the title under the file; the long description is its alt text.
          title: fitText(chart.title, MAX_FILE_TITLE),
          alt_text: fitText(chart.alt, MAX_ALT_TEXT),
        } as webApi.FilesUploadV2Arguments),
      );
    }
  }

  /** Posts to a response_url (valid 30 minutes, up to five times), as Bolt's `respond` does. */
  async respond(responseUrl: string, body: Partial<SlackMessage> & Record<string, unknown>): Promise<void> {
    const response = await fetch(responseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
    });
    if (response.status === 429)
      throw new webApi.WebAPIRateLimitedError(Number.parseInt(response.headers.get('retry-after') ?? '', 10) || 1);
    if (!response.ok)
      throw Object.assign(new Error(`response_url answered ${response.status}`), {
        data: { error: `http_${response.status}` },
      });
  }
}
