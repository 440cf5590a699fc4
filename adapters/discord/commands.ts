import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import type * as z from 'zod';
import { fitText } from '../../src/render/cut.js';
import { INTERNAL_ARGS, worded } from '../../src/commands/asking.js';
import { commands as commandTable, type Command } from '../../src/commands/index.js';
import { MAX_CHOICES } from './topics.js';

/** The one chat-input command; each row of the command table is one of its subcommands. */
export const COMMAND_NAME = 'brief';

/** The message context-menu command (Apps → Add to Dossier) that adds a message's attachments. */
export const ADD_TO_DOSSIER = 'Add to Dossier';

/** The message context-menu command (Apps → Find source) that finds where a message's words come from. */
export const FIND_SOURCE = 'Find source';

/** A message command has a name and no description or options; Discord shows it under a message's Apps menu. */
const messageCommand = (name: string): RESTPostAPIContextMenuApplicationCommandsJSONBody => ({
  name,
  type: ApplicationCommandType.Message,
});

/**
 * String arguments that get autocomplete from the corpus's topics: one topic (`figures`), or a
 * comma-separated list whose last item is completed (`digest … topics`).
 */
export const TOPIC_ARGS: ReadonlyMap<string, 'one' | 'list'> = new Map([
  ['topic', 'one'],
  ['topics', 'list'],
]);

/** Discord's longest string option. */
const MAX_STRING_LENGTH = 6000;

/** Discord's longest description of a command or an option. */
const MAX_DESCRIPTION = 100;

/**
 * Every command `npm run discord:register` sends, in one bulk overwrite: `/brief` and the Find source and Add to
 * Dossier message commands, as Slack has them as message shortcuts (reviewed as
 * tests/adapters/discord/registered-commands.json).
 */
export function registeredCommands(
  table: Command[] = commandTable,
): (RESTPostAPIChatInputApplicationCommandsJSONBody | RESTPostAPIContextMenuApplicationCommandsJSONBody)[] {
  return [briefCommand(table), messageCommand(FIND_SOURCE), messageCommand(ADD_TO_DOSSIER)];
}

/** `/brief` with one subcommand per command of the table, options read from each `args` schema. */
export function briefCommand(table: Command[] = commandTable): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return {
    name: COMMAND_NAME,
    type: ApplicationCommandType.ChatInput,
    description: 'Cited answers from the team’s documents',
    options: table.map(subcommand),
  };
}

function subcommand(command: Command): APIApplicationCommandSubcommandOption {
  const options = Object.entries(command.args.shape)
    .filter(([name]) => !INTERNAL_ARGS.has(name))
    .map(([name, schema]) => option(name, schema as z.ZodType))
    // Discord refuses a command whose required options come after optional ones.
    .sort((a, b) => Number(b.required ?? false) - Number(a.required ?? false));
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name: command.name,
    description: fitText(worded({ platform: 'discord' }, command.summary), MAX_DESCRIPTION),
    options,
  };
}

function option(name: string, schema: z.ZodType): APIApplicationCommandBasicOption {
  const required = !schema.isOptional();
  const inner = unwrap(schema);
  const description = fitText(schema.description ?? inner.description ?? name, MAX_DESCRIPTION);
  const base = { name, description, required };
  switch (inner.def.type) {
    case 'number': {
      const n = inner as z.ZodNumber;
      const bounds = {
        ...(Number.isFinite(n.minValue) ? { min_value: n.minValue! } : {}),
        ...(Number.isFinite(n.maxValue) ? { max_value: n.maxValue! } : {}),
      };
      return n.isInt
        ? { ...base, type: ApplicationCommandOptionType.Integer, ...bounds }
        : { ...base, type: ApplicationCommandOptionType.Number, ...bounds };
    }
    case 'boolean':
      return { ...base, type: ApplicationCommandOptionType.Boolean };
    case 'enum': {
      const values = (inner as z.ZodEnum).options.map(String).slice(0, MAX_CHOICES);
      return {
        ...base,
        type: ApplicationCommandOptionType.String,
        choices: values.map((v) => ({ name: v, value: v })),
      };
    }
    default: {
      const s = inner as z.ZodString;
      return {
        ...base,
        type: ApplicationCommandOptionType.String,
        ...(s.minLength !== null && s.minLength !== undefined ? { min_length: s.minLength } : {}),
        ...(s.maxLength !== null && s.maxLength !== undefined
          ? { max_length: Math.min(s.maxLength, MAX_STRING_LENGTH) }
          : {}),
        ...(TOPIC_ARGS.has(name) ? { autocomplete: true } : {}),
      };
    }
  }
}

/** The schema under `.optional()`, `.default()` and `.nullable()`. */
function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  while ('innerType' in s.def && s.def.innerType) s = s.def.innerType as z.ZodType;
  return s;
}
