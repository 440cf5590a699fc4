import * as z from 'zod';
import { typed } from '../errors.js';
import { withinEdits } from '../search/bridges.js';
import type { ChartDrawer } from '../answer/figures/chart.js';
import { listed, type Reply } from '../answer/reply.js';
import type { Platform } from './adapter.js';
import type { DigestDesk } from './digest-desk.js';
import type { Dossier } from '../engine/dossier.js';
import type { Ingest } from '../ingest/add.js';
import type { Feeds } from '../ingest/feeds.js';
import type { Logger } from '../log.js';
import type { CommandGate } from './gate.js';

/** Everything a handler may touch. Side effects (clock, services) come in here so tests control them. */
export interface CommandContext {
  dossier: Dossier;
  platform: Platform;
  /**
   * `canManageChannel`: the adapter's answer to "may this user manage this channel?" (Discord's
   * Manage Channels; Slack's admins and the channel's creator), asked only when a command needs it,
   * since Slack answers it with API calls.
   */
  user: { id: string; name?: string; canManageChannel?: () => Promise<boolean> };
  /**
   * `cannotPost`: the adapter's answer to "why could the bot not post here on its own?" (a digest), in one line, or
   * undefined when it can or cannot tell; asked only when a digest is subscribed. Slack answers a slash command typed
   * anywhere, but posts only where the bot is a member: never in a direct message between people or a group DM;
   * Discord, only where the bot's own permissions let it see, send and embed.
   */
  channel: { id: string; name?: string; cannotPost?: () => Promise<string | undefined> };
  /**
   * The slash command people type here (`/brief`, or Slack's SLACK_COMMAND), or in a terminal the program typed
   * before a command (`dossier`), so help and errors show commands the way they are asked for here (see `howToAsk`).
   */
  slashCommand?: string;
  /** A user's name as the platform shows it, for replies that name someone (who set up a digest). */
  nameOf?: (userId: string) => Promise<string | undefined>;
  /**
   * Whether a reply posted here on its own, as a digest is, shows whole in one post (the adapter's `fits`), measured
   * with its commands as asked here: a digest preview is fitted as the digest would be. Absent where any reply does.
   */
  postFits?: (reply: Reply) => boolean;
  now: () => Date;
  /** Subscriptions and previews; absent where no digest database is configured (the one-shot CLI). */
  digest?: DigestDesk;
  /** Adds documents from links and chat into the corpus folder; absent where there is none to write to. */
  ingest?: Ingest;
  /** The feeds followed; absent where no database is configured (the one-shot CLI). */
  feeds?: Feeds;
  /**
   * Rate limits, answer time limit and shutdown drain (see CommandGate);
   * without it commands run unchecked (tests, the one-shot CLI).
   */
  gate?: CommandGate;
  /** Draws charts, on worker threads in the bot (see `chartWorkers`); without it they are drawn in this thread. */
  drawChart?: ChartDrawer;
  /** This request's logger, carrying its `requestId`; `runCommand` sets it for handlers. */
  log?: Logger;
}

/**
 * The place where a surface shows its replies, for the table's texts that speak of it: a chat's channel, which others
 * read too, or the terminal, one person's own, where help said "posted to this channel" and "shown to you alone" with
 * no channel and nobody else there. Which it is, `placeOf` reads from the platform asking.
 */
export interface Place {
  /** The place as a text names it: "this channel", "this terminal". */
  name: string;
  /** Whether others see what is posted there, so that a reply shown to the asker only says so. */
  shared: boolean;
}

/** A text of the table written once for every surface: as it is, or in the words of the place it is shown in. */
export type Worded = string | ((place: Place) => string);

/**
 * One row of the command table. Every surface reads the same table: Slack and the terminal parse
 * free text with `fromText`, Discord builds its options from the `args` schema (each field's
 * `.describe()` becomes the option's description), and all of them validate with `args`.
 */
export interface Command<S extends z.ZodObject = z.ZodObject> {
  name: string;
  /** One line for help and for Discord's command list (at most 100 characters). */
  summary: Worded;
  /** How to type it after `/brief`, e.g. `cite <quote>`. */
  usage: string;
  /**
   * What `help <command>` adds after the usage, as this platform asks for it: what the arguments accept, with an
   * example, where the usage alone leaves the asker to learn by trying (a digest's times, days and zones).
   */
  details?(asking: Pick<CommandContext, 'platform' | 'slashCommand'>): string;
  /**
   * Help of its own for a subcommand (an `action`) that does something else than the command as a whole: what
   * `help digest preview` shows on every surface, the one-shot command line (`npx dossier`) included.
   */
  subcommands?: Record<string, Subcommand>;
  args: S;
  /** Turns the text after the command name into raw arguments for `args` to validate. */
  fromText(rest: string): Record<string, unknown>;
  run(args: z.output<S>, ctx: CommandContext): Promise<Reply>;
}

/** A subcommand's help: how to type it (after `/brief`), the options it takes in Discord, and what it does. */
export interface Subcommand {
  usage: string;
  /** Discord's options after the action, optional ones in brackets as `usageOf` writes them (`[at]`). */
  options: string[];
  summary: Worded;
  /**
   * What it does where a digest is kept, in chat or the terminal bot: help there says it, the command line (with none)
   * does not.
   */
  inChannel?: Worded;
}

/**
 * What a command's own check (a zod refinement) says of a problem beyond its message: `missing`, that something
 * needed was not given (no topic to subscribe to), which is answered with the usage, as zod's own "required" is;
 * `worded`, the message in the words of the place it is shown in (the schema cannot know it: its message is chat's).
 */
export interface IssueParams {
  missing?: boolean;
  worded?: (place: Place) => string;
}

/**
 * A subcommand not among `actions` is named, so a typo ("digest prevue") is told from a missing one, with the one it
 * was probably meant to be, as a command's name is.
 */
export const actionProblem = (input: unknown, actions: readonly string[]): string => {
  const list = listed(actions, 'or');
  if (typeof input !== 'string' || !input) return `say ${list}`;
  const meant = nearestName(input, actions);
  return `"${typed(input)}" is not one of ${list}${meant ? ` (did you mean ${meant}?)` : ''}`;
};

/**
 * Whether what is wrong is the subcommand itself (`action`, as digest and feeds name it): one the command does not
 * have, as "figurs" is no command, rather than something wrong with the words it was given.
 */
export const isUnknownAction = (error: z.ZodError): boolean =>
  error.issues.some((issue) => issue.code === 'invalid_value' && issue.path[0] === 'action');

/**
 * The name among `names` a word that is none of them was probably meant to be, if it is a slip ("figurs", "prevue"):
 * one letter off for names of four letters or fewer, two for longer ones; one letter off wins over two, and among
 * equals the first in `names`.
 */
export function nearestName(word: string, names: readonly string[]): string | undefined {
  const typed = word.toLowerCase();
  if (names.includes(typed)) return undefined;
  return [1, 2]
    .map((edits) => names.find((name) => edits <= (name.length <= 4 ? 1 : 2) && withinEdits(typed, name, edits)))
    .find(Boolean);
}

/**
 * The arguments of a command that takes none (`sources`): spread into its definition. Words typed after its name are
 * kept, so that they are refused in one line (see `argumentsProblem`) rather than ignored: "sources on ferry fares"
 * most likely wanted a search, which a silent list of every document would hide. Command lines refuse such words as
 * well ("accepts no arguments"); a person in chat can see what was not done and ask again.
 */
export const NO_ARGUMENTS = {
  args: z.strictObject({}),
  fromText: (rest: string): Record<string, unknown> => (rest ? { words: rest } : {}),
};

/** Keeps each command's argument type tied to its handler while the table holds them all. */
export const defineCommand = <S extends z.ZodObject>(command: Command<S>): Command => command as unknown as Command;
