import { METHODS, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  App,
  HTTPReceiver,
  SocketModeReceiver,
  webApi,
  type BlockAction,
  type ButtonAction,
  type MessageShortcut,
} from '@slack/bolt';
import type { Adapter, PlatformStatus, PostOptions } from '../../src/commands/adapter.js';
import { errorReply, FEEDBACK_THANKS, type Reply } from '../../src/answer/reply.js';
import { findSourceRequest, NO_TEXT_TO_FIND, runAddFiles, runCommand, runText } from '../../src/commands/index.js';
import { DossierError } from '../../src/errors.js';
import type { SharedFile } from '../../src/ingest/index.js';
import type { Logger } from '../../src/log.js';
import { commandContext, type BotContext } from '../bot.js';
import { boltLogger } from './bolt-logger.js';
import { ACTIONS, parseRequest, type SlackRequest } from './buttons.js';
import { describeSlackFailure, describeTokenCheckFailure, slackErrorCode } from './errors.js';
import { slackToPlain } from './markup.js';
import { SlackDelivery, type SlackTarget } from './delivery.js';
import { SlackDigestPoster } from './digest.js';
import {
  ADD_TO_DOSSIER_CALLBACK_ID,
  CALL_TIMEOUT_MS,
  EVENTS_PATH,
  FIND_SOURCE_CALLBACK_ID,
  INTERACTIVE_RETRIES,
  RATE_LIMIT_BUDGET_MS,
  type SlackSettings,
} from './settings.js';

export interface SlackAdapterOptions {
  /** The interface the HTTP receiver listens on (default: all; tests use 127.0.0.1). */
  host?: string;
  /** Retry policy of the Web API client (default INTERACTIVE_RETRIES). */
  retryConfig?: webApi.RetryOptions;
  /** How long one answer may wait on 429s (default RATE_LIMIT_BUDGET_MS). */
  rateLimitBudgetMs?: number;
  /**
   * Extra routes on the HTTP receiver beside /slack/events (HTTP mode only), e.g. /healthz. Every method reaches the
   * handler, which answers those it does not take (405), where Bolt would say 404.
   */
  httpRoutes?: { path: string; handler: (req: IncomingMessage, res: ServerResponse) => void }[];
}

interface Requester {
  user: { id: string; name?: string };
  channel: { id: string; name?: string };
}

/** The fields of a Slack file object Dossier reads (events and shortcut payloads carry the same). */
interface SlackFile {
  name?: string | null;
  title?: string;
  url_private?: string;
  url_private_download?: string;
  permalink?: string;
}

/**
 * The Slack surface: a Bolt app with one slash command (its subcommands are the core's command
 * table), answer buttons, an @mention handler (a mention carrying files adds them), and the **Find
 * source** and **Add to Dossier** message shortcuts. Socket Mode when an app token is set,
 * otherwise HTTP on `settings.port`.
 */
export class SlackAdapter implements Adapter<SlackTarget> {
  readonly platform = 'slack' as const;
  readonly app: App;
  private readonly log: Logger;
  private readonly host: string | undefined;
  private readonly delivery: SlackDelivery;
  private readonly digests: SlackDigestPoster;
  private server: Server | undefined;
  private socketMode: SocketModeReceiver | undefined;
  private started = false;
  /** Requests being handled (command run and answer delivered), which `stop()` lets finish. */
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly bot: BotContext,
    private readonly settings: SlackSettings,
    options: SlackAdapterOptions = {},
  ) {
    this.log = bot.log.child({ adapter: 'slack' });
    this.host = options.host;
    const logger = boltLogger(this.log);
    const clientOptions: webApi.WebClientOptions = {
      retryConfig: options.retryConfig ?? INTERACTIVE_RETRIES,
      // 429s come back to us (see withinRateBudget) rather than being slept through in the client.
      rejectRateLimitedCalls: true,
      timeout: CALL_TIMEOUT_MS,
      ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
    };
    if (settings.appToken) {
      // The Socket Mode connection (apps.connections.open) honours
      // SLACK_API_URL too, through the installer's client options.
      const receiver = new SocketModeReceiver({
        appToken: settings.appToken,
        logger,
        installerOptions: { clientOptions: settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {} },
      });
      this.socketMode = receiver;
      this.app = new App({ token: settings.botToken, receiver, logger, clientOptions, deferInitialization: true });
    } else if (settings.signingSecret) {
      const customRoutes = (options.httpRoutes ?? []).map((route) => ({ ...route, method: METHODS }));
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
    this.delivery = new SlackDelivery(this.app.client, this.log, options.rateLimitBudgetMs ?? RATE_LIMIT_BUDGET_MS);
    this.digests = new SlackDigestPoster(settings.botToken, settings.apiUrl, logger, this.log);
    this.listen();
  }

  /** What a command is typed after here: the app's slash command (SLACK_COMMAND). */
  get slashCommand(): string {
    return this.settings.command;
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
  deliver(target: SlackTarget, reply: Reply): Promise<void> {
    return this.delivery.deliver(target, reply);
  }

  /**
   * Posts to a channel (the digest), with the slot's id in the message's metadata, through a client
   * that never retries by itself (see ./digest.ts); throws a DeliveryError saying whether the post
   * may have gone out.
   */
  post(channelId: string, reply: Reply, options?: PostOptions): Promise<void> {
    return this.digests.post(channelId, reply, options);
  }

  /** Whether `reply` posted as a digest shows whole within Slack's limits on one message. */
  fits(reply: Reply): boolean {
    return this.digests.fits(reply);
  }

  /** Whether the channel's recent history holds the bot's digest carrying `key` (see ./digest.ts). */
  findPost(channelId: string, key: string, since: Date): Promise<boolean> {
    return this.digests.findPost(channelId, key, since);
  }

  /** The name Slack shows for a user (users.info, scope users:read); undefined when Slack will not say. */
  private async nameOf(userId: string): Promise<string | undefined> {
    try {
      const { user } = await this.app.client.users.info({ user: userId });
      return user?.profile?.display_name || user?.real_name || user?.name || undefined;
    } catch (error) {
      this.log.warn(
        { code: slackErrorCode(error) },
        `Could not look up the name of ${userId}: ${describeSlackFailure(error, '-')}`,
      );
      return undefined;
    }
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
        `Could not tell whether ${userId} manages channel ${channelId} (${slackErrorCode(error) ?? 'no answer'}): ` +
          `treated as not; the app needs the users:read and channels:read scopes.`,
      );
      return false;
    }
  }

  private run(request: SlackRequest, who: Requester): Promise<Reply> {
    const ctx = this.context(who);
    return 't' in request ? runText(request.t, ctx) : runCommand(request.c, request.a, ctx);
  }

  /**
   * Why the bot could not post a digest in this conversation, if it could not. A slash command works anywhere and is
   * answered through its response_url, but chat.postMessage reaches only conversations the bot is a member of (without
   * chat:write.public, which the app does not ask for): never a direct message between people (an id starting D) or
   * a group DM (is_mpim), and no channel it was not invited to. A check Slack does not answer lets the subscription
   * through: a post refused later pauses it and tells the subscriber why.
   */
  private async cannotPost(channelId: string): Promise<string | undefined> {
    const invite = 'invite it with /invite @Dossier';
    const elsewhere = `subscribe from a channel Dossier is in (${invite})`;
    const dm = `Dossier cannot post a digest in a direct message: ${elsewhere}.`;
    const groupDm = `Dossier cannot post a digest in a group direct message: ${elsewhere}.`;
    if (channelId.startsWith('D')) return dm;
    try {
      const { channel } = await this.app.client.conversations.info({ channel: channelId });
      if (channel?.is_im) return dm;
      if (channel?.is_mpim) return groupDm;
      if (channel?.is_member === false)
        return `Dossier is not in this channel, so it could not post a digest here: ${invite} first.`;
      return undefined;
    } catch (error) {
      const code = slackErrorCode(error);
      // The bot cannot see a private conversation it is not in; a G… id it may not read is a group DM (mpim:read).
      if (code === 'channel_not_found')
        return `Dossier cannot see this conversation, so it could not post a digest here: ${elsewhere}.`;
      if (code === 'missing_scope' && channelId.startsWith('G')) return groupDm;
      this.log.warn(
        { code, channel: channelId },
        `Could not tell whether the bot can post in ${channelId} (${code ?? 'no answer'}): subscribing anyway.`,
      );
      return undefined;
    }
  }

  private context(who: Requester) {
    const user = { ...who.user, canManageChannel: () => this.managesChannel(who.user.id, who.channel.id) };
    const channel = { ...who.channel, cannotPost: () => this.cannotPost(who.channel.id) };
    return commandContext(this.bot, 'slack', user, channel, {
      slashCommand: this.slashCommand,
      nameOf: (id) => this.nameOf(id),
      postFits: (reply) => this.fits(reply),
    });
  }

  /**
   * Files of a message, as the core downloads them: from Slack's file store with the bot token
   * (scope files:read), cited by their permalink. Files Slack gives no download link for (an
   * external file, one beyond a free workspace's history) are left out.
   */
  private sharedFiles(files: SlackFile[] | undefined): SharedFile[] {
    const authorization = { authorization: `Bearer ${this.settings.botToken}` };
    return (files ?? []).flatMap((file) => {
      const url = file.url_private_download ?? file.url_private;
      if (!url) return [];
      return [
        {
          name: file.name ?? file.title ?? 'file',
          download: { url, headers: authorization },
          ...(file.permalink ? { url: file.permalink } : {}),
        },
      ];
    });
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
      await laterTurn();
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
        await laterTurn();
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

    // Named as Slack shows the sharer (as a digest's list names who set it up), not by the handle the press carries.
    onButton(ACTIONS.share, async (request, body, who) => {
      await this.delivery.share(
        { responseUrl: body.response_url, channel: who.channel.id, request },
        await this.run(request, who),
        (await this.nameOf(who.user.id)) ?? who.user.name ?? who.user.id,
      );
    });
    // The next page takes the place of a private page whose button was pressed. Pressed on a message the channel sees
    // (an answer shared, or to a mention), it comes to the presser alone, as Discord's does: replacing it would page
    // everyone's copy for one reader and drop who shared it.
    onButton(ACTIONS.more, async (request, body, who) => {
      await this.deliver(
        {
          kind: 'response',
          responseUrl: body.response_url,
          channel: who.channel.id,
          visibility: 'ephemeral',
          request,
          replaceOriginal: body.container?.is_ephemeral === true,
        },
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
          await this.delivery.respond(body.response_url, {
            response_type: 'ephemeral',
            replace_original: false,
            text: FEEDBACK_THANKS,
          });
        } catch (error) {
          this.log.warn({ code: slackErrorCode(error) }, describeSlackFailure(error, who.channel.id));
        }
      });
    }

    app.shortcut<MessageShortcut>(FIND_SOURCE_CALLBACK_ID, async ({ ack, shortcut }) => {
      await ack();
      await laterTurn();
      const found = findSourceRequest(slackToPlain(shortcut.message.text ?? ''));
      const request: SlackRequest | undefined = found && { c: found.command, a: found.args };
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
      const reply = request ? await this.run(request, who) : errorReply('no-text', NO_TEXT_TO_FIND);
      await this.deliver(target, reply);
    });

    app.shortcut<MessageShortcut>(ADD_TO_DOSSIER_CALLBACK_ID, async ({ ack, shortcut }) => {
      await ack();
      await laterTurn();
      const who = {
        user: { id: shortcut.user.id, name: shortcut.user.name },
        channel: { id: shortcut.channel.id, name: shortcut.channel.name },
      };
      const files = this.sharedFiles(shortcut.message.files as SlackFile[] | undefined);
      const target: SlackTarget = shortcut.response_url
        ? { kind: 'response', responseUrl: shortcut.response_url, channel: who.channel.id, visibility: 'ephemeral' }
        : { kind: 'ephemeral', channel: who.channel.id, user: who.user.id };
      await this.deliver(target, await runAddFiles(files, this.context(who)));
    });

    // A mention carrying files adds them (answered in its thread); any other mention is a command or a question.
    app.event('app_mention', async ({ event, context }) => {
      // Bolt acked the event before calling this listener.
      await laterTurn();
      const mention = context.botUserId ? new RegExp(`<@${context.botUserId}(\\|[^>]*)?>`, 'g') : /^\s*<@[^>]+>/;
      const who = { user: { id: event.user ?? '' }, channel: { id: event.channel } };
      const thread = {
        kind: 'message',
        channel: event.channel,
        threadTs: event.thread_ts ?? event.ts,
        user: event.user,
      } as const;
      if (event.files?.length) {
        await this.deliver(thread, await runAddFiles(this.sharedFiles(event.files), this.context(who)));
        return;
      }
      const request: SlackRequest = { t: slackToPlain(event.text.replace(mention, ' ')) };
      await this.deliver({ ...thread, request }, await this.run(request, who));
    });

    app.error(async (error) => {
      this.log.error({ code: error.code }, `Slack request failed: ${error.message}`);
    });
  }
}

/**
 * Answering is CPU work on this one thread (a Share or More results press answers the question again): it runs in
 * a later turn of the event loop, so the acks of requests that arrived meanwhile go out first instead of waiting
 * behind every answer (Slack gives up after 3 s; see README Benchmarks → Load).
 */
const laterTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
