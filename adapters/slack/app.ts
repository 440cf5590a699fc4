import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  App,
  HTTPReceiver,
  LogLevel,
  SocketModeReceiver,
  webApi,
  type BlockAction,
  type ButtonAction,
  type Logger as BoltLogger,
  type MessageShortcut,
} from '@slack/bolt';
import { z } from 'zod';
import type { Adapter, PlatformStatus } from '../../src/adapter.js';
import type { Reply } from '../../src/answer/reply.js';
import {
  MAX_QUERY_LENGTH,
  runCommand,
  runText,
  type CommandContext,
  type CommandGate,
} from '../../src/commands/index.js';
import type { Config } from '../../src/config.js';
import { DeliveryError, type DeliveryErrorCode } from '../../src/digest/delivery.js';
import type { DigestService } from '../../src/digest/service.js';
import type { Dossier } from '../../src/dossier.js';
import { DossierError } from '../../src/errors.js';
import type { Logger } from '../../src/log.js';
import { ACTIONS, renderSlack, type SlackMessage, type SlackRequest } from './render.js';

/** The message shortcut's callback id; manifest.yaml declares the same. */
export const FIND_SOURCE_CALLBACK_ID = 'find_source';
/** The events the app subscribes to; manifest.yaml declares the same. */
export const BOT_EVENTS = ['app_mention'] as const;
/** The path of every HTTP-mode request: slash command, interactivity and events. */
export const EVENTS_PATH = '/slack/events';

/** The Slack part of the configuration (see src/config.ts for the variables). */
export interface SlackSettings {
  /** `xoxb-…` (SLACK_BOT_TOKEN). */
  botToken: string;
  /** HTTP mode (SLACK_SIGNING_SECRET); needed unless `appToken` is set. */
  signingSecret?: string;
  /** `xapp-…` (SLACK_APP_TOKEN): Socket Mode, no public URL needed. Wins over `signingSecret`. */
  appToken?: string;
  /** Port of the HTTP receiver (SLACK_PORT); 0 picks a free one. */
  port: number;
  /** The slash command, e.g. `/brief` (SLACK_COMMAND). */
  command: string;
  /** Another Web API base URL (SLACK_API_URL), e.g. a stand-in for tests. */
  apiUrl?: string;
}

/** The Slack settings from the configuration, or undefined when Slack is not configured. */
export function slackSettings(config: Config): SlackSettings | undefined {
  if (!config.SLACK_BOT_TOKEN) return undefined;
  return {
    botToken: config.SLACK_BOT_TOKEN,
    signingSecret: config.SLACK_SIGNING_SECRET,
    appToken: config.SLACK_APP_TOKEN,
    port: config.SLACK_PORT,
    command: config.SLACK_COMMAND,
    apiUrl: config.SLACK_API_URL,
  };
}

/**
 * Interactive answers cannot wait out Bolt's default (ten retries over about 30 minutes): a few
 * quick retries of failed requests within about 10 s.
 */
export const INTERACTIVE_RETRIES: webApi.RetryOptions = {
  retries: 3,
  factor: 2,
  minTimeout: 300,
  maxTimeout: 3000,
  maxRetryTime: 10_000,
};
/**
 * How long one answer may wait on 429s in all. Within it each Retry-After is honoured; a longer
 * one drops the answer with a log line instead of holding it (and, in the Web API client, every
 * other call) for minutes.
 */
export const RATE_LIMIT_BUDGET_MS = 10_000;

export interface SlackAdapterOptions {
  /** The clock handed to commands (default: the system clock). */
  now?: () => Date;
  /** The interface the HTTP receiver listens on (default: all; tests use 127.0.0.1). */
  host?: string;
  /** Retry policy of the Web API client (default INTERACTIVE_RETRIES). */
  retryConfig?: webApi.RetryOptions;
  /** How long one answer may wait on 429s (default RATE_LIMIT_BUDGET_MS). */
  rateLimitBudgetMs?: number;
  /** Digest subscriptions for the `digest` command; without it that command says digests are unavailable. */
  digest?: DigestService;
  /** Rate limits, answer time limit and shutdown drain for every command (default: none). */
  gate?: CommandGate;
  /** Extra GET routes on the HTTP receiver beside /slack/events (HTTP mode only), e.g. /healthz. */
  httpRoutes?: { path: string; handler: (req: IncomingMessage, res: ServerResponse) => void }[];
}

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

interface Requester {
  user: { id: string; name?: string };
  channel: { id: string; name?: string };
}

const RequestSchema: z.ZodType<SlackRequest> = z.union([
  z.object({ t: z.string().max(2000) }),
  z.object({ c: z.string().min(1).max(50), a: z.record(z.string(), z.unknown()) }),
]);

/** A button's value back into the request it holds, or undefined if it is not one of ours. */
export function parseRequest(value: string | undefined): SlackRequest | undefined {
  try {
    const parsed = RequestSchema.safeParse(JSON.parse(value ?? ''));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Slack sends message text with its own markup (`<@U1|ann>`, `<https://x|label>`, `&amp;`); the
 * core wants what the person saw.
 */
export function slackToPlain(text: string): string {
  return text
    .replace(/<([^<>]*)>/g, (_m, inner: string) => {
      const [target = '', label] = inner.split('|', 2);
      if (label !== undefined)
        return target.startsWith('@') || target.startsWith('!subteam')
          ? label.startsWith('@')
            ? label
            : `@${label}`
          : target.startsWith('#')
            ? `#${label}`
            : label;
      if (target.startsWith('@')) return '';
      if (target.startsWith('!')) return `@${target.slice(1).split('^')[0]}`;
      return target;
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** At most `max` characters, cut after a word. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return space > max / 2 ? cut.slice(0, space) : cut;
}

const TOKEN_REFUSALS = new Set(['invalid_auth', 'not_authed', 'token_revoked', 'account_inactive']);
const tokenRefused = (code: string) => `Slack refused the bot token (${code}): check SLACK_BOT_TOKEN.`;

/** The one line an operator needs when Slack's check of the bot token at start-up fails. */
export function describeTokenCheckFailure(error: unknown): string {
  const code = slackErrorCode(error);
  if (code && TOKEN_REFUSALS.has(code)) return tokenRefused(code);
  const cause =
    code ??
    (error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error));
  return `Could not check the bot token with Slack (${cause}): check the network and SLACK_API_URL.`;
}

/** The one line an operator needs when Slack refuses a call. */
export function describeSlackFailure(error: unknown, channel: string): string {
  const code = slackErrorCode(error);
  if (code && TOKEN_REFUSALS.has(code)) return tokenRefused(code);
  switch (code) {
    case 'channel_not_found':
      return `Slack channel ${channel} was not found (channel_not_found): check the channel id, and that the app is installed in its workspace.`;
    case 'not_in_channel':
      return `The bot is not a member of channel ${channel} (not_in_channel): invite it there with /invite @Dossier.`;
    case 'is_archived':
      return `Slack channel ${channel} is archived (is_archived).`;
    case 'ratelimited':
      return `Slack rate-limited the bot for channel ${channel} beyond what an answer can wait (Retry-After ${(error as { retryAfter?: number }).retryAfter ?? '?'} s); the answer was dropped.`;
    case 'http_404':
    case 'http_410':
      return `Slack no longer accepts answers to that request (${code}): a response_url lasts 30 minutes and takes five answers.`;
    case 'msg_blocks_too_long':
    case 'invalid_blocks':
      return `Slack refused the answer's blocks (${code}).`;
    default:
      return `Slack call for channel ${channel} failed: ${code ?? (error instanceof Error ? error.message : String(error))}`;
  }
}

/** Bolt's logger interface over ours, so Bolt and its Web API client log as one app. */
function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: 'bolt' });
  // Bolt's lines are free text, out of reach of pino's field redaction: tokens are masked here.
  const line = (msg: unknown[]) =>
    msg
      .map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : JSON.stringify(m)))
      .join(' ')
      .replace(/\b(xox[a-z]|xapp)-[\w-]+/g, '[secret]');
  const levels: Record<string, LogLevel> = {
    trace: LogLevel.DEBUG,
    debug: LogLevel.DEBUG,
    info: LogLevel.INFO,
    warn: LogLevel.WARN,
  };
  return {
    debug: (...msg) => child.debug(line(msg)),
    info: (...msg) => child.info(line(msg)),
    warn: (...msg) => child.warn(line(msg)),
    error: (...msg) => child.error(line(msg)),
    // Our logger's level governs; Bolt's requests to change it are ignored.
    setLevel: () => {},
    getLevel: () => levels[log.level] ?? LogLevel.ERROR,
    setName: () => {},
  };
}

/**
 * The Slack surface: a Bolt app with one slash command (its subcommands are the core's command
 * table), answer buttons, an @mention handler and the **Find source** message shortcut. Socket Mode
 * when an app token is set, otherwise HTTP on `settings.port`.
 */
export class SlackAdapter implements Adapter<SlackTarget> {
  readonly platform = 'slack' as const;
  readonly app: App;
  private readonly log: Logger;
  private readonly now: () => Date;
  private readonly host: string | undefined;
  private readonly rateLimitBudgetMs: number;
  private readonly digest: DigestService | undefined;
  private readonly gate: CommandGate | undefined;
  private server: Server | undefined;
  private socketMode: SocketModeReceiver | undefined;
  private started = false;
  /** Requests being handled (command run and answer delivered), which `stop()` lets finish. */
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly settings: SlackSettings,
    private readonly dossier: Dossier,
    log: Logger,
    options: SlackAdapterOptions = {},
  ) {
    this.log = log.child({ adapter: 'slack' });
    this.now = options.now ?? (() => new Date());
    this.host = options.host;
    this.rateLimitBudgetMs = options.rateLimitBudgetMs ?? RATE_LIMIT_BUDGET_MS;
    this.digest = options.digest;
    this.gate = options.gate;
    const logger = boltLogger(this.log);
    const clientOptions: webApi.WebClientOptions = {
      retryConfig: options.retryConfig ?? INTERACTIVE_RETRIES,
      // 429s come back to us (see withinRateBudget) rather than being slept through in the client.
      rejectRateLimitedCalls: true,
      timeout: 10_000,
      ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
    };
    if (settings.appToken) {
      // The Socket Mode connection (apps.connections.open) honours SLACK_API_URL too, through the installer's client options.
      const receiver = new SocketModeReceiver({
        appToken: settings.appToken,
        logger,
        installerOptions: { clientOptions: settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {} },
      });
      this.socketMode = receiver;
      this.app = new App({ token: settings.botToken, receiver, logger, clientOptions, deferInitialization: true });
    } else if (settings.signingSecret) {
      const customRoutes = (options.httpRoutes ?? []).map((route) => ({ ...route, method: 'GET' }));
      const receiver = new HTTPReceiver({
        signingSecret: settings.signingSecret,
        endpoints: EVENTS_PATH,
        logger,
        port: settings.port,
        customRoutes,
      });
      this.app = new App({ token: settings.botToken, receiver, logger, clientOptions, deferInitialization: true });
    } else {
      throw new DossierError(
        'slack-config',
        'Slack needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode).',
      );
    }
    this.listen();
  }

  /** The HTTP receiver's port once started (HTTP mode only). */
  get port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  async start(): Promise<void> {
    // Bolt checks the token (auth.test) in init(); left to its constructor, a refusal became an
    // unhandled rejection that took the process down with a stack trace.
    try {
      await this.app.init();
    } catch (error) {
      throw new DossierError('slack-auth', describeTokenCheckFailure(error));
    }
    if (this.settings.appToken) {
      await this.app.start();
      this.started = true;
      this.log.info('Slack app connected (Socket Mode)');
    } else {
      this.server = await this.app.start({ port: this.settings.port, host: this.host });
      this.started = true;
      this.log.info({ port: this.port, path: EVENTS_PATH }, 'Slack app listening (HTTP mode)');
    }
  }

  /**
   * Lets the requests being handled finish (their answers delivered), then closes the receiver.
   * Safe to call when not started (a shutdown after a failed start-up).
   */
  async stop(): Promise<void> {
    if (!this.started) return;
    while (this.inFlight.size > 0) await Promise.allSettled(this.inFlight);
    this.started = false;
    this.server = undefined;
    await this.app.stop();
  }

  status(): PlatformStatus {
    const mode = this.socketMode ? 'socket-mode' : 'http';
    if (!this.started) return { state: 'stopped', mode };
    if (this.socketMode)
      return this.socketMode.client.websocket?.isActive()
        ? { state: 'connected', mode }
        : { state: 'connecting', mode, detail: 'the Socket Mode connection is (re)opening' };
    return this.server?.listening
      ? { state: 'connected', mode }
      : { state: 'disconnected', mode, detail: 'the HTTP receiver is not listening' };
  }

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

  /**
   * Posts to a channel (the digest). When Slack refuses, logs one line and throws a DeliveryError
   * telling the digest whether trying again can help (see src/digest/delivery.ts).
   */
  async post(channelId: string, reply: Reply): Promise<void> {
    try {
      await this.send({ kind: 'message', channel: channelId }, reply);
    } catch (error) {
      const message = describeSlackFailure(error, channelId);
      const code = slackErrorCode(error);
      this.log.error({ channel: channelId, code }, message);
      throw new DeliveryError(deliveryErrorCode(code), message, { cause: error });
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
    const client = this.app.client;
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
  private async respond(responseUrl: string, body: SlackMessage & Record<string, unknown>): Promise<void> {
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

  /**
   * Slack tells a bot no channel roles, so its workspace's owners and admins, and whoever created
   * the channel, count as the channel's managers (DIGEST_MANAGE_SLACK=managers).
   */
  private async managesChannel(userId: string, channelId: string): Promise<boolean> {
    try {
      const { user } = await this.app.client.users.info({ user: userId });
      if (user?.is_admin || user?.is_owner) return true;
      const { channel } = await this.app.client.conversations.info({ channel: channelId });
      return channel?.creator === userId;
    } catch (error) {
      this.log.warn(
        { code: slackErrorCode(error), channel: channelId },
        `Could not tell whether ${userId} manages channel ${channelId} (${slackErrorCode(error) ?? 'no answer'}): treated as not; the app needs the users:read and channels:read scopes.`,
      );
      return false;
    }
  }

  private run(request: SlackRequest, who: Requester): Promise<Reply> {
    const user = { ...who.user, canManageChannel: () => this.managesChannel(who.user.id, who.channel.id) };
    const ctx: CommandContext = {
      dossier: this.dossier,
      platform: 'slack',
      user,
      channel: who.channel,
      now: this.now,
      ...(this.digest ? { digest: this.digest } : {}),
      ...(this.gate ? { gate: this.gate } : {}),
    };
    return 't' in request ? runText(request.t, ctx) : runCommand(request.c, request.a, ctx);
  }

  private listen(): void {
    const app = this.app;

    // Every listener runs inside next(), so this sees each request from receipt to its answer delivered.
    app.use(async ({ next }) => {
      const handling = next();
      this.inFlight.add(handling);
      try {
        await handling;
      } finally {
        this.inFlight.delete(handling);
      }
    });

    app.command(this.settings.command, async ({ command, ack }) => {
      await ack();
      // Answering is CPU work on this one thread: run it in a later turn of the event loop, so the
      // acks of requests that arrived meanwhile go out first instead of waiting behind every answer
      // (Slack gives up after 3 s; see README Benchmarks → Load).
      await new Promise((resolve) => setImmediate(resolve));
      const request: SlackRequest = { t: slackToPlain(command.text) };
      const who = {
        user: { id: command.user_id, name: command.user_name },
        channel: { id: command.channel_id, name: command.channel_name },
      };
      this.log.debug({ user: command.user_id, channel: command.channel_id }, 'slash command');
      await this.deliver(
        {
          kind: 'response',
          responseUrl: command.response_url,
          channel: command.channel_id,
          visibility: 'ephemeral',
          request,
        },
        await this.run(request, who),
      );
    });

    const onButton = (
      actionId: string,
      handle: (request: SlackRequest, body: BlockAction<ButtonAction>, who: Requester) => Promise<void>,
    ) =>
      app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action }) => {
        await ack();
        const request = parseRequest(action.value);
        if (!request) {
          this.log.warn({ action: actionId }, 'ignored a button whose value is not a Dossier request');
          return;
        }
        const who = {
          user: { id: body.user.id, name: body.user.username },
          channel: { id: body.channel?.id ?? '', name: body.channel?.name },
        };
        await handle(request, body, who);
      });

    onButton(ACTIONS.share, async (request, body, who) => {
      await this.deliver(
        {
          kind: 'response',
          responseUrl: body.response_url,
          channel: who.channel.id,
          visibility: 'in_channel',
          request,
        },
        await this.run(request, who),
      );
    });
    onButton(ACTIONS.more, async (request, body, who) => {
      await this.deliver(
        { kind: 'response', responseUrl: body.response_url, channel: who.channel.id, visibility: 'ephemeral', request },
        await this.run(request, who),
      );
    });
    for (const [actionId, feedback] of [
      [ACTIONS.feedbackUp, 'up'],
      [ACTIONS.feedbackDown, 'down'],
    ] as const) {
      onButton(actionId, async (request, body, who) => {
        // The question itself is a user's message: only at debug, like every other log line.
        this.log.info(
          { feedback, command: 't' in request ? undefined : request.c, user: who.user.id, channel: who.channel.id },
          'answer feedback',
        );
        this.log.debug({ feedback, query: 't' in request ? request.t : request.a }, 'answer feedback question');
        try {
          await this.respond(body.response_url, {
            response_type: 'ephemeral',
            replace_original: false,
            text: 'Thanks for the feedback.',
            blocks: [],
          });
        } catch (error) {
          this.log.warn({ code: slackErrorCode(error) }, describeSlackFailure(error, who.channel.id));
        }
      });
    }

    app.shortcut<MessageShortcut>(FIND_SOURCE_CALLBACK_ID, async ({ ack, shortcut }) => {
      await ack();
      const request: SlackRequest = {
        c: 'cite',
        a: { quote: clip(slackToPlain(shortcut.message.text ?? ''), MAX_QUERY_LENGTH) },
      };
      const who = {
        user: { id: shortcut.user.id, name: shortcut.user.name },
        channel: { id: shortcut.channel.id, name: shortcut.channel.name },
      };
      const target: SlackTarget = shortcut.response_url
        ? {
            kind: 'response',
            responseUrl: shortcut.response_url,
            channel: who.channel.id,
            visibility: 'ephemeral',
            request,
          }
        : { kind: 'ephemeral', channel: who.channel.id, user: who.user.id, request };
      await this.deliver(target, await this.run(request, who));
    });

    app.event('app_mention', async ({ event, context }) => {
      const mention = context.botUserId ? new RegExp(`<@${context.botUserId}(\\|[^>]*)?>`, 'g') : /^\s*<@[^>]+>/;
      const request: SlackRequest = { t: slackToPlain(event.text.replace(mention, ' ')) };
      const who = { user: { id: event.user ?? '' }, channel: { id: event.channel } };
      await this.deliver(
        { kind: 'message', channel: event.channel, threadTs: event.thread_ts ?? event.ts, user: event.user, request },
        await this.run(request, who),
      );
    });

    app.error(async (error) => {
      this.log.error({ code: error.code }, `Slack request failed: ${error.message}`);
    });
  }
}

/** Slack's refusals as the digest's delivery errors: permanent when the channel is gone or closed to the bot. */
function deliveryErrorCode(slackCode: string | undefined): DeliveryErrorCode {
  switch (slackCode) {
    case 'channel_not_found':
    case 'is_archived':
    case 'not_in_channel':
      return 'channel-gone';
    case 'restricted_action':
    case 'cant_post':
      return 'forbidden';
    case 'ratelimited':
      return 'rate-limited';
    default:
      return 'unavailable';
  }
}

/** Slack's own error name (`channel_not_found`, `ratelimited`, …) when the failure carries one. */
function slackErrorCode(error: unknown): string | undefined {
  if ((error as { code?: unknown }).code === webApi.ErrorCode.RateLimitedError) return 'ratelimited';
  return (error as { data?: { error?: string } }).data?.error;
}
