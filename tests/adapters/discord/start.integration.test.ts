import { describe, expect, it } from 'vitest';
import { botContext } from '../../../adapters/bot.js';
import { DiscordAdapter } from '../../../adapters/discord/adapter.js';
import { ConfigError } from '../../../src/config.js';
import { Dossier } from '../../../src/engine/dossier.js';
import { silentLogger } from '../../../src/log.js';
import { discordError, standInForSuite } from './stand-in.js';

const bot = botContext({
  dossier: Dossier.fromCorpus({ dir: '/corpus', documents: [], warnings: [] }),
  log: silentLogger(),
});

const standIn = standInForSuite();

describe('DiscordAdapter.start', () => {
  it('names DISCORD_TOKEN when it is missing, without touching the network', async () => {
    const adapter = new DiscordAdapter(bot, { DISCORD_API_URL: standIn().apiUrl });
    await expect(adapter.start()).rejects.toThrow(
      new ConfigError('DISCORD_TOKEN is not set: the Discord bot needs its bot token to connect.'),
    );
    expect(standIn().requests).toEqual([]);
  });

  it('can be stopped without having started', async () => {
    await expect(
      new DiscordAdapter(bot, { DISCORD_TOKEN: 'unused', DISCORD_API_URL: standIn().apiUrl }).stop(),
    ).resolves.toBeUndefined();
  });

  it('names DISCORD_TOKEN when Discord refuses it (401)', async () => {
    standIn().respond((r) => r.path === '/gateway/bot', discordError(401, 0, '401: Unauthorized'));
    const adapter = new DiscordAdapter(bot, { DISCORD_TOKEN: 'revoked', DISCORD_API_URL: standIn().apiUrl });
    const started = adapter.start();
    await expect(started).rejects.toBeInstanceOf(ConfigError);
    await expect(started).rejects.toThrow(/^DISCORD_TOKEN was refused by Discord/);
    expect(standIn().identifies).toEqual([]);
  });
});
