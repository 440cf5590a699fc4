import type * as z from 'zod';
import { CONFIG_DEFAULTS } from '../config.js';
import { capitalise } from '../corpus/text.js';
import type { Command, CommandContext, Place, Worded } from './command.js';

/**
 * Arguments a surface fills in itself, never typed by a person in chat: the More results page, and the command line's
 * `--limit`.
 */
export const INTERNAL_ARGS: ReadonlySet<string> = new Set(['offset', 'limit']);

/** The slash command where the context names none: Slack's default (SLACK_COMMAND), and Discord's only. */
const DEFAULT_SLASH_COMMAND = CONFIG_DEFAULTS.SLACK_COMMAND;

/** What help and errors need to know to write a command the way it is asked for here. */
export type Asking = Pick<CommandContext, 'platform' | 'slashCommand'>;

/** A chat's channel, which others read too. */
export const CHANNEL: Place = { name: 'this channel', shared: true };
/** The terminal, one person's own. */
const TERMINAL: Place = { name: 'this terminal', shared: false };

/** Where replies are shown here (see `Place`): the terminal is one person's own, a chat's channel is shared. */
export const placeOf = (asking: Asking): Place => (asking.platform === 'terminal' ? TERMINAL : CHANNEL);

/** A text of the table in the words of `place`. */
export const inPlace = (place: Place, text: Worded): string => (typeof text === 'string' ? text : text(place));

/** A text of the table in the words of the place it is shown in here. */
export const worded = (asking: Asking, text: Worded): string => inPlace(placeOf(asking), text);

/** A place's name opening a sentence: "This channel". */
export const opening = (place: Place): string => capitalise(place.name);

/** The slash command people type here. */
export const slashCommandOf = (asking: Asking): string => asking.slashCommand ?? DEFAULT_SLASH_COMMAND;

/**
 * A typed command after what precedes it here: Slack's slash command; in a terminal, the program when the context
 * names one (`dossier` on the command line), else nothing (the terminal bot takes the command alone).
 */
function typedHere(asking: Asking, typed: string): string {
  const before = asking.platform === 'slack' ? slashCommandOf(asking) : asking.slashCommand;
  return before ? `${before} ${typed}` : typed;
}

/**
 * A command as a person asks for it here, with `args` filled in (in the order given): typed text
 * after the slash command in Slack (`/brief digest subscribe ferry fares`), Discord's subcommand with
 * its options (`/brief digest action:subscribe topics:ferry fares`), a typed line in the terminal (after `dossier`
 * on the command line).
 */
export function howToAsk(asking: Asking, name: string, args: [name: string, value: string][] = []): string {
  if (asking.platform === 'discord')
    return [`${slashCommandOf(asking)} ${name}`, ...args.map(([k, v]) => `${k}:${v}`)].join(' ');
  return typedHere(asking, [name, ...args.map(([, v]) => v)].join(' '));
}

/**
 * A command's usage as a person asks for it here: its typed usage (`cite <quote>`) after the slash
 * command in Slack or after `dossier` on the command line, alone in the terminal bot; in Discord, the
 * subcommand and the names of its options, optional ones in brackets
 * (`/brief digest action [topics] [at] [days] [tz]`).
 */
export function usageOf(asking: Asking, command: Command): string {
  if (asking.platform !== 'discord') return typedHere(asking, command.usage);
  const options = Object.entries(command.args.shape as Record<string, z.ZodType>)
    .filter(([name]) => !INTERNAL_ARGS.has(name))
    .sort(([, a], [, b]) => Number(a.isOptional()) - Number(b.isOptional()))
    .map(([name, schema]) => (schema.isOptional() ? `[${name}]` : name));
  return [`${slashCommandOf(asking)} ${command.name}`, ...options].join(' ');
}
