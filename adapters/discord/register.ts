import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { ApplicationCommandType, REST, Routes, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import { commands, type Command } from '../../src/commands/index.js';
import { loadEnvFile, loadSettings, type Config } from '../../src/config.js';
import { registeredCommands } from './commands.js';

export interface RegisterSettings {
  token: string;
  applicationId: string;
  /** Register in this guild only: instant, for development. Global commands otherwise. */
  guildId?: string;
  /** Discord's API unless set (DISCORD_API_URL); discord.js appends `/v10/…`. */
  apiUrl?: string;
}

export interface Registered {
  scope: 'guild' | 'global';
  names: string[];
}

/**
 * Replaces the application's commands with `/brief` and the **Add to Dossier** message command
 * (one bulk overwrite, so a command removed from the table disappears from Discord too).
 */
export async function registerCommands(settings: RegisterSettings, table: Command[] = commands): Promise<Registered> {
  const rest = new REST({
    ...(settings.apiUrl ? { api: settings.apiUrl.replace(/\/+$/, '') } : {}),
    retries: 1,
  }).setToken(settings.token);
  const route = settings.guildId
    ? Routes.applicationGuildCommands(settings.applicationId, settings.guildId)
    : Routes.applicationCommands(settings.applicationId);
  const result = (await rest.put(route, { body: registeredCommands(table) })) as RESTPutAPIApplicationCommandsResult;
  // A message command is shown as it is named; a chat-input command as it is typed.
  const names = result.map((c) => (c.type === ApplicationCommandType.Message ? c.name : `/${c.name}`));
  return { scope: settings.guildId ? 'guild' : 'global', names };
}

/**
 * The variables registering reads, and so checks: a Slack variable half set up in the same `.env` (a token without
 * its signing secret) would stop the registration with a line about Slack, which it never talks to.
 */
const REGISTER_VARIABLES = ['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID', 'DISCORD_GUILD_ID', 'DISCORD_API_URL'] as const;

/** The settings `npm run discord:register` needs from the environment, or one line naming what is missing. */
export function registerSettings(config: Pick<Config, (typeof REGISTER_VARIABLES)[number]>): RegisterSettings | string {
  if (!config.DISCORD_TOKEN)
    return 'DISCORD_TOKEN is not set: copy the bot token from the Discord developer portal (Bot → Reset Token).';
  if (!config.DISCORD_APPLICATION_ID)
    return (
      'DISCORD_APPLICATION_ID is not set: copy the application id from the Discord developer portal (General ' +
      'Information).'
    );
  return {
    token: config.DISCORD_TOKEN,
    applicationId: config.DISCORD_APPLICATION_ID,
    guildId: config.DISCORD_GUILD_ID,
    apiUrl: config.DISCORD_API_URL,
  };
}

async function main(): Promise<void> {
  try {
    const envProblem = loadEnvFile();
    if (envProblem) console.error(`discord:register: ${envProblem}`);
    const settings = registerSettings(loadSettings(REGISTER_VARIABLES));
    if (typeof settings === 'string') throw new Error(settings);
    const { scope, names } = await registerCommands(settings);
    process.stdout.write(
      scope === 'guild'
        ? `Registered ${names.join(', ')} in guild ${settings.guildId} (available now).\n`
        : `Registered ${names.join(', ')} globally (Discord may take up to an hour to show them everywhere).\n`,
    );
  } catch (error) {
    console.error(`discord:register failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}

const runDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
if (runDirectly) await main();
