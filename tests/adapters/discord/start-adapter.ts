import type { BotContext } from '../../../adapters/bot.js';
import { DiscordAdapter } from '../../../adapters/discord/adapter.js';
import type { DiscordStandIn } from './stand-in.js';

/**
 * A Discord adapter logged in to the stand-in, started: what the tests that send it interactions share.
 * `restTimeoutMs` is how long discord.js waits for an answer to one API call.
 */
export async function startDiscordAdapter(standIn: DiscordStandIn, bot: BotContext, restTimeoutMs = 5_000) {
  const adapter = new DiscordAdapter(
    bot,
    { DISCORD_TOKEN: 'stand-in-bot-token', DISCORD_API_URL: standIn.apiUrl },
    { client: { rest: { timeout: restTimeoutMs } } },
  );
  await adapter.start();
  return adapter;
}
