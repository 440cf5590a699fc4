import { randomUUID } from 'node:crypto';
import {
  ChannelType,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  MessageFlags,
  PermissionFlagsBits,
  RateLimitError,
  RESTEvents,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type Channel,
  type ChatInputCommandInteraction,
  type ClientOptions,
  type Interaction,
  type MessageContextMenuCommandInteraction,
  type PermissionsString,
  type RateLimitData,
  type RepliableInteraction,
  type SendableChannels,
} from 'discord.js';
import * as z from 'zod';
import type { Adapter, PlatformStatus, PostOptions } from '../../src/commands/adapter.js';
import { drawCharts, errorReply, FEEDBACK_THANKS, type Reply } from '../../src/answer/reply.js';
import type { CommandContext } from '../../src/commands/command.js';
import {
  findSourceRequest,
  memoryButtons,
  NO_TEXT_TO_FIND,
  runAddFiles,
  runCommand,
  type ButtonStore,
} from '../../src/commands/index.js';
import { ConfigError, type Config } from '../../src/config.js';
import { DeliveryError } from '../../src/digest/index.js';
import { DossierError } from '../../src/errors.js';
import type { Logger } from '../../src/log.js';
import { commandContext, type BotContext } from '../bot.js';
import { ADD_TO_DOSSIER, COMMAND_NAME, FIND_SOURCE, TOPIC_ARGS } from './commands.js';
import { digestError, findDigest, rejectDigestRateLimits, THREAD_LOCKED, withNonce } from './digest.js';
import { parseButtonId, renderDiscord, replyButtons, type ButtonAction } from './render.js';
import { TopicSuggester } from './topics.js';

export type DiscordConfig = Pick<Config, 'DISCORD_TOKEN' | 'DISCORD_API_URL'>;

export interface DiscordAdapterOptions {
  /**
   * How long Share, More results and 👍/👎 keep working (default 15 minutes: the life of an
   * interaction token, after which Discord refuses the reply anyway).
   */
  buttonLifetimeMs?: number;
  /**
   * Most answers kept for their buttons when the bot has no button store (BotContext.buttons); the
   * oldest are forgotten first (default `memoryButtons`' own, 1,000).
   */
  maxFlows?: number;
  /** discord.js client options merged over the adapter's own (tests shorten REST timeouts). */
  client?: Partial<ClientOptions>;
}

/** Where a reply goes: the interaction that asked, and the answer whose buttons it carries. */
export interface DiscordTarget {
  interaction: RepliableInteraction;
  flow?: string;
  /** Send as a new public message after the interaction's own (Share), naming who shared it. */
  sharedBy?: string;
}

const NextSchema = z.object({ command: z.string(), args: z.record(z.string(), z.unknown()) });

/**
 * One answer with live buttons: who asked, for what, whether others may press them and which
 * buttons it offers. Plain JSON, kept in the button store under the id the buttons carry, so any
 * instance of the bot can answer them, after a restart too.
 */
const FlowSchema = z.object({
  owner: z.string(),
  ephemeral: z.boolean(),
  command: z.string(),
  args: z.record(z.string(), z.unknown()),
  /** An answer found in the corpus: it offers 👍/👎, and Share while private. */
  answer: z.boolean(),
  /** Shown only to its asker (a digest preview, an answer in a direct message with the bot): never shared. */
  onlyAsker: z.boolean(),
  /** What More results fetches, as the renderer left it. */
  next: NextSchema.optional(),
});
type Flow = z.infer<typeof FlowSchema>;

const PRIVATE = { flags: MessageFlags.Ephemeral } as const;

/** An answer's buttons: Share (offered, or done) on a private answer, More results, 👍/👎 on an answer. */
function buttonsOf(id: string, flow: Flow, share: 'offer' | 'done' | undefined) {
  return replyButtons(id, {
    share: flow.answer && flow.ephemeral && !flow.onlyAsker ? share : undefined,
    more: Boolean(flow.next),
    feedback: flow.answer,
  });
}
const NO_MENTIONS = { parse: [] as [] };

/** The routes an interaction is answered on: its callback (the deferral) and its webhook (the answer, follow-ups). */
const ANSWER_ROUTES = /^\/(?:interactions|webhooks)\//;
/**
 * Longest one answer waits on a 429, as in Slack (RATE_LIMIT_BUDGET_MS). discord.js would wait out any Retry-After,
 * and every answer shares one webhook route and so one queue: a 30-minute Retry-After held all of them for 30 minutes,
 * past the 15 minutes an interaction token lives, and held a shutdown past its deadline.
 */
const ANSWER_RATE_LIMIT_BUDGET_MS = 10_000;

/**
 * For discord.js's `rest.rejectOnRateLimit`: a digest's 429 is handed to the digest to wait out itself (see
 * ./digest.ts); an answer's is waited out by discord.js only when it is short enough to be worth waiting for.
 */
const rejectRateLimits = (data: RateLimitData) =>
  rejectDigestRateLimits(data) ||
  (ANSWER_ROUTES.test(data.route) &&
    Math.max(data.timeToReset, data.retryAfter, data.sublimitTimeout) > ANSWER_RATE_LIMIT_BUDGET_MS);

/**
 * Dossier on Discord: one `/brief` command whose subcommands are the command table, and the
 * **Find source** and **Add to Dossier** message commands, which cite a message's words and add its attachments. Every
 * interaction is deferred at once (Discord allows 3 seconds), answered privately with Share,
 * More results and 👍/👎 buttons, and rendered by `renderDiscord`. Gateway reconnects and rate
 * limits are discord.js's job; this class logs them, and logs, never throws, when a reply fails.
 */
export class DiscordAdapter implements Adapter<DiscordTarget> {
  readonly platform = 'discord' as const;
  readonly slashCommand = `/${COMMAND_NAME}`;
  readonly client: Client;
  private readonly flows: ButtonStore;
  private readonly topics: TopicSuggester;
  private readonly log: Logger;
  private readonly buttonLifetimeMs: number;
  /** Interactions being answered, which `stop()` lets finish. */
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly bot: BotContext,
    private readonly config: DiscordConfig,
    options: DiscordAdapterOptions = {},
  ) {
    const log = bot.log;
    this.log = log;
    this.buttonLifetimeMs = options.buttonLifetimeMs ?? 15 * 60_000;
    this.flows = bot.buttons ?? memoryButtons(options.maxFlows);
    this.topics = new TopicSuggester(bot.dossier, {
      onError: (err) =>
        log.warn({ err }, 'Could not read the corpus’s measures for autocomplete; offering headings and words'),
    });
    this.client = new Client({
      intents: [GatewayIntentBits.Guilds],
      allowedMentions: NO_MENTIONS,
      ...options.client,
      // Discord's own API unless DISCORD_API_URL points elsewhere; discord.js appends `/v10/…`.
      rest: {
        ...(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL.replace(/\/+$/, '') } : {}),
        rejectOnRateLimit: rejectRateLimits,
        ...options.client?.rest,
      },
    });
    this.watchConnection();
    this.client.on(Events.InteractionCreate, (interaction) => {
      const handling = this.onInteraction(interaction).finally(() => this.inFlight.delete(handling));
      this.inFlight.add(handling);
    });
  }

  /** Logs in and resolves once the gateway says the bot is ready. */
  async start(): Promise<void> {
    const token = this.config.DISCORD_TOKEN;
    if (!token) throw new ConfigError('DISCORD_TOKEN is not set: the Discord bot needs its bot token to connect.');
    const ready = new Promise<void>((resolve) => this.client.once(Events.ClientReady, () => resolve()));
    try {
      await this.client.login(token);
    } catch (error) {
      // discord.js has already closed the client; say which setting to fix.
      if ((error as { code?: unknown }).code === 'TokenInvalid')
        throw new ConfigError(
          'DISCORD_TOKEN was refused by Discord: copy the bot token again (Developer Portal → Bot → Reset Token).',
        );
      throw new DossierError(
        'discord-connect',
        `Could not connect to Discord${this.config.DISCORD_API_URL ? ` at ${this.config.DISCORD_API_URL}` : ''}: ` +
          `${error instanceof Error ? error.message : String(error)}`,
      );
    }
    await ready;
    // Autocomplete has 3 seconds and no deferral: build the topic list now, not on the first keystroke.
    void this.topics.prepare();
    this.log.info({ user: this.client.user?.username, guilds: this.client.guilds.cache.size }, 'Discord bot connected');
  }

  status(): PlatformStatus {
    if (this.client.isReady()) return { state: 'connected', mode: 'gateway' };
    return this.client.token
      ? { state: 'connecting', mode: 'gateway', detail: 'the gateway connection is (re)opening' }
      : { state: 'stopped', mode: 'gateway' };
  }

  /** Lets the interactions being answered finish, then closes the gateway connection. */
  async stop(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled(this.inFlight);
    await this.client.destroy();
  }

  /** Answers an interaction (deferred or not) with a rendered reply; a refused reply is logged, never thrown. */
  async deliver(target: DiscordTarget, reply: Reply): Promise<void> {
    const { interaction } = target;
    const flow = target.flow ? this.flow(target.flow) : undefined;
    // Discord shows the charts in every answer, private or not.
    const drawn = await drawCharts(reply, this.log);
    const rendered = renderDiscord(drawn.reply, drawn.images, { sharedBy: target.sharedBy });
    const kept = flow && this.keep(target.flow!, { ...flow, next: rendered.next });
    const components = kept ? buttonsOf(target.flow!, kept, kept.ephemeral ? 'offer' : undefined) : [];
    const message = { ...rendered.message, components };
    try {
      if (target.sharedBy) await interaction.followUp(message);
      else if (reply.toChannel && interaction.deferred && interaction.ephemeral !== false) {
        // A private deferral cannot be made public: the reply goes to the channel as a follow-up instead.
        await interaction.followUp(rendered.message);
        await interaction.deleteReply();
      } else if (interaction.deferred || interaction.replied) await interaction.editReply(message);
      else await interaction.reply({ ...message, ...(flow?.ephemeral === false ? {} : PRIVATE) });
    } catch (error) {
      this.logFailure(error, 'reply', interaction);
    }
    await this.noteToChannel(interaction, reply);
  }

  /**
   * The channel's note of a private reply (`Reply.channelNote`), as a public follow-up of the same interaction: Discord
   * shows it under "<member> used /brief", and it needs none of the bot's permissions in the channel. After the
   * asker's own reply, and whether or not that went: the change it tells of was made.
   */
  private async noteToChannel(interaction: RepliableInteraction, reply: Reply): Promise<void> {
    if (!reply.channelNote || interaction.ephemeral === false) return;
    try {
      await interaction.followUp(renderDiscord(reply.channelNote).message);
    } catch (error) {
      this.logFailure(error, 'reply', interaction);
    }
  }

  /**
   * Posts a reply in a channel (the digest), with a nonce from the slot's id that Discord enforces
   * (see ./digest.ts). When Discord refuses or does not answer, logs one line and throws a
   * DeliveryError saying whether the post may have gone out (see src/digest/delivery.ts).
   */
  async post(channelId: string, reply: Reply, options?: PostOptions): Promise<void> {
    const channel = await this.sendable(channelId);
    const drawn = await drawCharts(reply, this.log);
    try {
      await channel.send(withNonce(renderDiscord(drawn.reply, drawn.images).message, options?.key));
    } catch (error) {
      throw digestError(error, this.logFailure(error, 'post', undefined, channelId), 'post');
    }
  }

  /**
   * Sends `reply` to a user in the bot's direct message with them (a paused digest's notice): a user's id names no
   * channel on Discord, so `post` cannot reach them. A refusal is thrown as discord.js gives it, for the caller to
   * log (50007 Cannot send messages to this user: they take no direct messages from the server's members).
   */
  async notify(userId: string, reply: Reply): Promise<void> {
    const drawn = await drawCharts(reply, this.log);
    await this.client.users.send(userId, renderDiscord(drawn.reply, drawn.images).message);
  }

  /** Whether `reply` posted as a digest shows whole within Discord's limits on one message's embeds. */
  fits(reply: Reply): boolean {
    return renderDiscord(reply).whole;
  }

  /** Whether the bot's digest is among the channel's messages since `since` (see ./digest.ts). */
  async findPost(channelId: string, _key: string, since: Date): Promise<boolean> {
    const channel = await this.sendable(channelId);
    try {
      return await findDigest(this.client, channel, since);
    } catch (error) {
      throw digestError(error, this.logFailure(error, 'post', undefined, channelId), 'look');
    }
  }

  /** The channel a digest goes to; nothing has been posted if this fails. */
  private async sendable(channelId: string): Promise<SendableChannels> {
    try {
      const channel = await this.client.channels.fetch(channelId);
      if (!channel?.isSendable())
        throw new DeliveryError('channel-gone', `Discord channel ${channelId} is not a channel Dossier can post in.`);
      return channel;
    } catch (error) {
      throw digestError(error, this.logFailure(error, 'post', undefined, channelId), 'before');
    }
  }

  private async onInteraction(interaction: Interaction): Promise<void> {
    try {
      if (interaction.isAutocomplete()) await this.onAutocomplete(interaction);
      else if (interaction.isChatInputCommand() && interaction.commandName === COMMAND_NAME)
        await this.onCommand(interaction);
      else if (interaction.isMessageContextMenuCommand() && interaction.commandName === ADD_TO_DOSSIER)
        await this.onAddToDossier(interaction);
      else if (interaction.isMessageContextMenuCommand() && interaction.commandName === FIND_SOURCE)
        await this.onFindSource(interaction);
      else if (interaction.isButton()) {
        const button = parseButtonId(interaction.customId);
        if (button) await this.onButton(interaction, button.action, button.flow);
      }
    } catch (error) {
      this.logFailure(
        error,
        'answer',
        interaction.isRepliable() || interaction.isAutocomplete() ? interaction : undefined,
      );
    }
  }

  /** Autocomplete cannot be deferred, so it answers straight from the prepared topic list. */
  private async onAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const focused = interaction.options.getFocused(true);
    const kind = TOPIC_ARGS.get(focused.name);
    const typed = String(focused.value);
    await interaction.respond(
      kind === 'one' ? this.topics.suggest(typed) : kind === 'list' ? this.topics.suggestInList(typed) : [],
    );
  }

  private async onCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    await this.defer(interaction);
    const subcommand = interaction.options.data[0];
    const args = Object.fromEntries((subcommand?.options ?? []).map((o) => [o.name, o.value]));
    await this.answer(interaction, subcommand?.name ?? 'help', args);
  }

  /**
   * Add to Dossier on a message: its attachments are added as `add` adds a link, cited by the
   * message's link (an attachment's own link is signed and expires). Downloaded from Discord's
   * CDN, which needs no token.
   */
  private async onAddToDossier(interaction: MessageContextMenuCommandInteraction): Promise<void> {
    await this.defer(interaction);
    const message = interaction.targetMessage;
    const files = [...message.attachments.values()].map((attachment) => ({
      name: attachment.name,
      download: { url: attachment.url },
      url: message.url,
    }));
    await this.deliver({ interaction }, await runAddFiles(files, this.context(interaction)));
  }

  /**
   * Find source on a message: `cite` on its words, as Slack's message shortcut runs it (`findSourceRequest`), answered
   * privately with the buttons of any answer. Discord sends the message's content with a message command whatever the
   * bot's Message Content intent (which it does not ask for), as its documentation lists among the intent's exceptions.
   */
  private async onFindSource(interaction: MessageContextMenuCommandInteraction): Promise<void> {
    await this.defer(interaction);
    const found = findSourceRequest(interaction.targetMessage.content);
    if (found) await this.answer(interaction, found.command, found.args);
    else await this.deliver({ interaction }, errorReply('no-text', NO_TEXT_TO_FIND));
  }

  private async onButton(interaction: ButtonInteraction, action: ButtonAction, id: string): Promise<void> {
    const flow = this.flow(id);
    if (!flow) {
      await interaction.reply({
        content: `These buttons have expired. Run \`/${COMMAND_NAME}\` again.`,
        allowedMentions: NO_MENTIONS,
        ...PRIVATE,
      });
      return;
    }
    if (flow.ephemeral && interaction.user.id !== flow.owner) {
      await interaction.reply({
        content: 'Sorry, only the person who asked can use these buttons.',
        allowedMentions: NO_MENTIONS,
        ...PRIVATE,
      });
      return;
    }
    switch (action) {
      case 'share': {
        // The private answer stays where it is, its Share turned into a disabled "Shared"; the
        // channel gets a copy of its own, with buttons anyone there may use.
        // The answer is asked again: the stored buttons keep its question, not its text and charts.
        await this.defer(interaction, 'update');
        const sharedBy = interaction.user.globalName ?? interaction.user.username;
        const reply = await runCommand(flow.command, flow.args, this.context(interaction));
        const shared = this.remember({ ...flow, ephemeral: false }, reply);
        await this.deliver({ interaction, flow: shared, sharedBy }, reply);
        try {
          await interaction.editReply({ components: buttonsOf(id, flow, 'done') });
        } catch (error) {
          this.logFailure(error, 'reply', interaction);
        }
        break;
      }
      case 'more':
        await this.defer(interaction);
        if (flow.next) await this.answer(interaction, flow.next.command, flow.next.args);
        else await interaction.editReply({ content: 'There are no more results.', allowedMentions: NO_MENTIONS });
        break;
      case 'up':
      case 'down':
        await this.defer(interaction);
        // The arguments hold the user's question: only at debug, like every other log line.
        this.log.info({ feedback: action, command: flow.command, user: interaction.user.id }, 'feedback on an answer');
        this.log.debug({ feedback: action, args: flow.args }, 'feedback question');
        await interaction.editReply({ content: FEEDBACK_THANKS, allowedMentions: NO_MENTIONS });
        break;
    }
  }

  /**
   * Defers an interaction: privately (`deferReply`), or for a button whose message stays as it is (`deferUpdate`).
   * discord.js gives up on a request Discord has not answered within its REST timeout (15 s) and sends it again; if
   * Discord had in fact taken the first, it refuses the second with 40060 (already acknowledged), and discord.js,
   * which marks the interaction deferred only on success, would leave the command unanswered. That 40060 means the
   * deferral stands, as it was asked: the interaction is marked so, and the answer goes on to replace it.
   */
  private async defer(interaction: RepliableInteraction, how: 'reply' | 'update' = 'reply'): Promise<void> {
    try {
      if (how === 'update' && interaction.isMessageComponent()) await interaction.deferUpdate();
      else await interaction.deferReply(PRIVATE);
    } catch (error) {
      if (!(error instanceof DiscordAPIError && error.code === 40060)) throw error;
      interaction.deferred = true;
      if (how === 'reply') interaction.ephemeral = true;
      this.log.info(
        { interaction: interaction.id, channel: interaction.channelId ?? undefined, code: error.code },
        'Discord had already taken the deferral (40060 on its retry); answering it',
      );
    }
  }

  /** Runs a command for a deferred interaction and delivers the reply privately to whoever asked. */
  private async answer(
    interaction: RepliableInteraction,
    command: string,
    args: Record<string, unknown>,
  ): Promise<void> {
    const reply = await runCommand(command, args, this.context(interaction));
    // In a direct message with the bot, the private answer and a shared copy would be seen by the same one person: no
    // Share there, as on a digest preview (`onlyAsker`).
    const dm = !interaction.inGuild();
    const flow = this.remember({ owner: interaction.user.id, ephemeral: true, command, args }, reply, dm);
    await this.deliver({ interaction, flow }, reply);
  }

  /**
   * Why the bot could not post a digest where `interaction` was typed, if it could not. A slash command works wherever
   * members may use it and is answered through its interaction, while a digest is a message the bot posts itself: it
   * needs View Channel, Send Messages (Send Messages in Threads in a thread) and Embed Links, since Discord refuses a
   * message of embeds alone without it (50013). Discord sends the bot's own permissions in the channel, overwrites
   * included, with every interaction (`appPermissions`). A direct message is refused, as on Slack: a digest belongs
   * to a server's channel. Whether the channel is a thread is asked of Discord when it is not cached; a check
   * Discord does not answer lets the subscription through, as a post refused later pauses it and says why.
   *
   * Threads, as Discord documents them: once one is locked, only members with Manage Threads may post in it; a
   * private one is open only to those added to it and to members with Manage Threads, and hidden from anyone else,
   * the bot included, whatever its View Channel (50001 when asked for). An archived thread that is not locked takes
   * the post, which reopens it, as any member's message does.
   */
  private async cannotPost(interaction: RepliableInteraction): Promise<string | undefined> {
    const elsewhere = 'subscribe from a server channel where Dossier can post';
    if (!interaction.inGuild()) return `Dossier cannot post a digest in a direct message: ${elsewhere}.`;
    const cannotSee =
      'Dossier cannot see this channel, so it could not post a digest here: give it View Channel here, or ' +
      `${elsewhere}.`;
    const notAdded =
      'Dossier is not in this private thread, so it could not post a digest here: add it by @mentioning Dossier ' +
      'here, then subscribe again.';
    const granted = interaction.appPermissions;
    if (!granted.has(PermissionFlagsBits.ViewChannel)) return cannotSee;
    const moderator = granted.has(PermissionFlagsBits.ManageThreads);
    const { channelId } = interaction;
    let channel: Channel | null;
    try {
      channel = interaction.channel;
      if (!channel && channelId) channel = await this.client.channels.fetch(channelId);
      // The cache may not have heard that the bot was added: Discord's own answer names the bot as a member if it is.
      else if (channel?.type === ChannelType.PrivateThread && !channel.joined && !moderator)
        channel = await this.client.channels.fetch(channel.id, { force: true });
    } catch (error) {
      if (error instanceof DiscordAPIError && error.code === 50001) return notAdded;
      if (error instanceof DiscordAPIError && error.code === 10003) return cannotSee;
      const code = error instanceof DiscordAPIError ? error.code : undefined;
      this.log.warn(
        { code, channel: channelId, err: loggable(error).message },
        `Could not tell whether the bot can post in ${channelId} (${code ?? 'no answer'}): subscribing anyway.`,
      );
      return undefined;
    }
    const thread = channel?.isThread() ? channel : undefined;
    if (thread?.locked && !moderator)
      return `This thread is locked, so Dossier could not post a digest here: unlock it, or ${elsewhere}.`;
    if (thread?.type === ChannelType.PrivateThread && !thread.joined && !moderator) return notAdded;
    const send = thread ? PermissionFlagsBits.SendMessagesInThreads : PermissionFlagsBits.SendMessages;
    const missing = granted
      .missing([send, PermissionFlagsBits.EmbedLinks])
      .map((name) => PERMISSION_NAMES[name] ?? name);
    if (missing.length === 0) return undefined;
    const where = thread ? 'thread' : 'channel';
    const them = missing.length === 1 ? 'it' : 'them';
    return (
      `Dossier lacks ${missing.join(' and ')} in this ${where}, so it could not post a digest here: ` +
      `give ${them} to Dossier here, or ${elsewhere}.`
    );
  }

  private context(interaction: RepliableInteraction): CommandContext {
    const user = {
      id: interaction.user.id,
      name: interaction.user.username,
      // The member's permissions in this channel, overwrites included; unknown in a DM.
      canManageChannel: async () => interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false,
    };
    return commandContext(
      this.bot,
      'discord',
      user,
      { id: interaction.channelId ?? interaction.user.id, cannotPost: () => this.cannotPost(interaction) },
      { slashCommand: this.slashCommand, nameOf: (id) => this.nameOf(id), postFits: (reply) => this.fits(reply) },
    );
  }

  /** The name Discord shows for a user: from the cache when they have been seen, else asked of the API. */
  private async nameOf(userId: string): Promise<string | undefined> {
    try {
      const user = await this.client.users.fetch(userId);
      return user.globalName ?? user.username;
    } catch (error) {
      this.logFailure(error, 'answer');
      return undefined;
    }
  }

  /** A new id for the buttons of `reply`, asked by `flow`; the flow is kept once the reply is rendered. */
  private remember(
    flow: Pick<Flow, 'owner' | 'ephemeral' | 'command' | 'args'>,
    reply: Reply,
    onlyAsker = false,
  ): string | undefined {
    const id = randomUUID();
    const answer = reply.isAnswer === true && reply.status === 'ok';
    return this.keep(id, { ...flow, answer, onlyAsker: onlyAsker || reply.onlyAsker === true }) ? id : undefined;
  }

  /**
   * Keeps a flow for the button lifetime; undefined when the store cannot (its database is down):
   * the answer then goes out without buttons rather than not at all.
   */
  private keep(id: string, flow: Flow): Flow | undefined {
    const now = this.bot.now();
    try {
      this.flows.keepButtons(id, flow, new Date(now.getTime() + this.buttonLifetimeMs), now);
      return flow;
    } catch (error) {
      this.log.warn({ err: error instanceof Error ? error.message : String(error) }, 'answer buttons not kept');
      return undefined;
    }
  }

  /** The flow behind a button, unless it expired or is not one this bot kept. */
  private flow(id: string): Flow | undefined {
    const parsed = FlowSchema.safeParse(this.flows.buttons(id, this.bot.now()));
    return parsed.success ? parsed.data : undefined;
  }

  /** Reconnects and rate limits are discord.js's to handle; the log says when they happen. */
  private watchConnection(): void {
    const { client, log } = this;
    client.on(Events.Error, (err) => log.error({ err: loggable(err) }, `Discord client error: ${err.message}`));
    client.on(Events.Warn, (message) => log.warn(`Discord warning: ${message}`));
    client.on(Events.ShardDisconnect, (event, shard) =>
      log.warn(
        { shard, code: event.code },
        `Discord gateway closed (code ${event.code}); discord.js will not reconnect this shard`,
      ),
    );
    client.on(Events.ShardReconnecting, (shard) => log.warn({ shard }, 'Discord gateway reconnecting'));
    client.on(Events.ShardResume, (shard, replayed) => log.info({ shard, replayed }, 'Discord gateway resumed'));
    client.on(Events.ShardError, (err, shard) =>
      log.warn({ shard, err: err.message }, `Discord gateway error: ${err.message}`),
    );
    // Routes, not URLs or paths: a webhook URL holds the interaction token.
    client.rest.on(RESTEvents.RateLimited, (info) =>
      log.info(
        { route: info.route, method: info.method, retryAfter: info.retryAfter, global: info.global, scope: info.scope },
        `Discord rate limit on ${info.method.toUpperCase()} ${info.route}: discord.js waits ${info.retryAfter} ms`,
      ),
    );
    // discord.js retries a 429 itself but only says so in debug output; this makes it a log line.
    client.rest.on(RESTEvents.Response, (request, response) => {
      if (response.status !== 429) return;
      const retryAfter = Number(response.headers.get('retry-after') ?? 0) * 1000;
      log.warn(
        {
          route: request.route,
          method: request.method.toUpperCase(),
          retryAfter,
          global: response.headers.has('x-ratelimit-global'),
        },
        `Discord rate limit (429) on ${request.method.toUpperCase()} ${request.route}: discord.js retries in ` +
          `${retryAfter} ms`,
      );
    });
    client.rest.on(RESTEvents.InvalidRequestWarning, (info) =>
      log.warn(
        { count: info.count },
        `Discord: ${info.count} invalid requests in 10 minutes; at 10,000 Discord bans the bot for an hour`,
      ),
    );
  }

  /**
   * What the cache knows of a channel, so that a refusal's advice fits it. A private thread is opened to the bot by
   * adding it (an @mention there), not by a permission: the cache still holds one the bot was removed from, its
   * member gone (discord.js drops it on the gateway's THREAD_MEMBERS_UPDATE, sent to the bot when it is removed).
   * `unseen`: not in the cache, as after a restart a private thread the bot was removed from, which Discord no longer
   * shows it.
   */
  private kindOf(channelId: string | undefined): ChannelKind {
    const channel = channelId ? this.client.channels.cache.get(channelId) : undefined;
    if (!channel) return 'unseen';
    return channel.type === ChannelType.PrivateThread && !channel.joined ? 'private thread, bot not in it' : 'seen';
  }

  /** Logs one line saying what Discord refused and what to do about it; returns that line. */
  private logFailure(
    error: unknown,
    what: 'answer' | 'reply' | 'post',
    interaction?: { id: string; channelId: string | null },
    channelId?: string,
  ): string {
    const channel = channelId ?? interaction?.channelId ?? undefined;
    const fields = { interaction: interaction?.id, channel };
    if (error instanceof DiscordAPIError) {
      const line = failureLine(error.code, error.status, error.message, channel, this.kindOf(channel));
      this.log.warn({ ...fields, code: error.code, status: error.status, event: `discord.${what}-failed` }, line);
      return line;
    }
    if (error instanceof DossierError || error instanceof DeliveryError) {
      this.log.warn({ ...fields, code: error.code, event: `discord.${what}-failed` }, error.message);
      return error.message;
    }
    if (error instanceof RateLimitError) {
      // Its route, never its URL, which holds an interaction's token.
      const { route, method, retryAfter, global } = error;
      const wait = `Retry-After ${Math.round(retryAfter / 1000)} s on ${method.toUpperCase()} ${route}`;
      const line =
        what === 'post'
          ? `Discord rate-limited the digest post (${wait}).`
          : `Discord rate-limited the ${what} beyond what an answer can wait (${wait}); it was dropped.`;
      this.log.warn(
        { ...fields, route, method: method.toUpperCase(), retryAfter, global, event: `discord.${what}-failed` },
        line,
      );
      return line;
    }
    const line = `Discord ${what} failed: ${error instanceof Error ? error.message : String(error)}`;
    this.log.error({ ...fields, err: loggable(error), event: `discord.${what}-failed` }, line);
    return line;
  }
}

/** The permissions a digest needs as Discord's settings name them, for a refusal to say which to give. */
const PERMISSION_NAMES: Partial<Record<PermissionsString, string>> = {
  SendMessages: 'Send Messages',
  SendMessagesInThreads: 'Send Messages in Threads',
  EmbedLinks: 'Embed Links',
};

/** Name, message and stack only: discord.js errors carry the request URL, which holds the interaction token. */
function loggable(error: unknown): { type?: string; message: string; stack?: string } {
  return error instanceof Error
    ? { type: error.name, message: error.message, stack: error.stack }
    : { message: String(error) };
}

/** What the cache says of the channel a request was refused in (see `kindOf`). */
type ChannelKind = 'seen' | 'unseen' | 'private thread, bot not in it';

/**
 * What a Discord error code means for whoever reads the log, and, for a digest, the subscriber its pause notice goes
 * to: the advice fits the kind of channel.
 *
 * A private thread the bot is not in: Discord's Threads topic (discord/discord-api-docs, docs/topics/Threads.md,
 * "Permissions") says one must be added to a private thread to view or take part in it, unless a moderator (Manage
 * Threads), and that a client is not told of a thread it may not view. Which code a post there is refused with is
 * not stated there, nor in the error-code table or the issues searched (discord-api-docs and library issues, December
 * 2026). 50001 Missing Access, Discord's refusal of a channel the bot may not view (discord-api-docs issue #1716) and
 * the code `cannotPost` takes for such a thread, is the likely one, but it could not be confirmed, so a 50013 Missing
 * Permissions there gets the same advice. A 50001 in a channel the cache has not seen may be either kind, so its
 * advice names both.
 */
function failureLine(
  code: number | string,
  status: number,
  message: string,
  channel: string | undefined,
  kind: ChannelKind,
): string {
  const where = channel ? `channel ${channel}` : 'the channel';
  const addBack = 'add it back by @mentioning Dossier in the thread';
  if (kind === 'private thread, bot not in it' && (code === 50001 || code === 50013))
    return `Dossier is not in private thread ${channel} (${code} ${message}): ${addBack}.`;
  switch (code) {
    case 10062:
      return (
        'Discord interaction expired before Dossier answered (10062 Unknown interaction); the user saw "The ' +
        'application did not respond".'
      );
    case 40060:
      return 'Discord interaction was already answered (40060); this reply was dropped.';
    case 10003:
      return `Discord says ${where} does not exist (10003 Unknown Channel).`;
    case 50001:
      return kind === 'unseen'
        ? `Dossier cannot see ${where} (50001 Missing Access): give it View Channel there, or, if it is a private ` +
            `thread, ${addBack}.`
        : `Dossier cannot see ${where} (50001 Missing Access): give it View Channel there.`;
    case 50013:
      return (
        `Dossier lacks permissions in ${where} (50013 Missing Permissions): give it Send Messages, Embed Links, ` +
        `Attach Files and Read Message History there.`
      );
    default:
      if (THREAD_LOCKED.has(code)) {
        const thread = channel ? `thread ${channel}` : 'the thread';
        return (
          `Discord says ${thread} is locked, so only members with Manage Threads may post there ` +
          `(${code} ${message}): unlock it there.`
        );
      }
      return `Discord refused the request (${status}, code ${code}): ${message}`;
  }
}
