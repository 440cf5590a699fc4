import type { ButtonStore, CommandContext, CommandGate } from '../src/commands/index.js';
import type { Platform } from '../src/commands/adapter.js';
import type { DigestService } from '../src/digest/index.js';
import type { ChartDrawer, Dossier } from '../src/engine/index.js';
import type { Feeds, Ingest } from '../src/ingest/index.js';
import type { Logger } from '../src/log.js';

/**
 * What every adapter is built from, first argument of each (`new SlackAdapter(bot, settings,
 * options)`, and the same for Discord and the terminal): the engine, the digest service over its
 * store, the log and the clock, so that tests hand every surface the same parts in the same shape.
 */
export interface BotContext {
  /** The engine: corpus, index and answers. */
  dossier: Dossier;
  log: Logger;
  /** The clock handed to commands. */
  now: () => Date;
  /** Digest subscriptions and their store; without it the `digest` command says digests are unavailable. */
  digest?: DigestService;
  /** Rate limits, answer time limit and shutdown drain for every command; without it commands run unchecked. */
  gate?: CommandGate;
  /** Adds documents from links and chat to the corpus folder; without it `add` says adding is unavailable. */
  ingest?: Ingest;
  /** The feeds followed; without it `feeds` says feeds are unavailable. */
  feeds?: Feeds;
  /** Draws charts off the main thread (`chartWorkers`); without it charts are drawn on it. */
  drawChart?: ChartDrawer;
  /**
   * Where the state behind answers' buttons is kept (the digest's store), so that they work after a
   * restart and on another instance; without it, in the adapter's memory.
   */
  buttons?: ButtonStore;
}

/** A bot context with the usual defaults: the engine's log and the system clock. */
export function botContext(parts: Partial<BotContext> & Pick<BotContext, 'dossier'>): BotContext {
  return { ...parts, log: parts.log ?? parts.dossier.log, now: parts.now ?? (() => new Date()) };
}

/**
 * The context one command runs in, for a user in a channel of `platform`; `surface` is what the
 * platform adds: its slash command, and how it looks up a user's name.
 */
export function commandContext(
  bot: BotContext,
  platform: Platform,
  user: CommandContext['user'],
  channel: CommandContext['channel'],
  surface: Pick<CommandContext, 'slashCommand' | 'nameOf' | 'postFits'> = {},
): CommandContext {
  return {
    dossier: bot.dossier,
    platform,
    user,
    channel,
    ...surface,
    now: bot.now,
    ...(bot.digest ? { digest: bot.digest } : {}),
    ...(bot.gate ? { gate: bot.gate } : {}),
    ...(bot.ingest ? { ingest: bot.ingest } : {}),
    ...(bot.feeds ? { feeds: bot.feeds } : {}),
    ...(bot.drawChart ? { drawChart: bot.drawChart } : {}),
  };
}
