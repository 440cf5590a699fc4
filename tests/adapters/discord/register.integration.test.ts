import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { registerCommands, registerSettings } from '../../../adapters/discord/register.js';
import { loadConfig } from '../../../src/config.js';
import { APPLICATION_ID, GUILD_ID, standInForSuite } from './stand-in.js';

const reviewed = JSON.parse(readFileSync(new URL('./registered-commands.json', import.meta.url), 'utf8'));

const standIn = standInForSuite();

describe('registerCommands', () => {
  it('replaces one guild’s commands with /brief, Find source and Add to Dossier with DISCORD_GUILD_ID', async () => {
    const result = await registerCommands({
      token: 'register-token',
      applicationId: APPLICATION_ID,
      guildId: GUILD_ID,
      apiUrl: `${standIn().apiUrl}/`,
    });
    expect(result).toEqual({ scope: 'guild', names: ['/brief', 'Find source', 'Add to Dossier'] });
    const put = await standIn().waitFor(
      (r) => r.method === 'PUT' && r.path === `/applications/${APPLICATION_ID}/guilds/${GUILD_ID}/commands`,
    );
    expect(put.body).toEqual(reviewed);
    expect(put.headers.authorization).toBe('Bot register-token');
  });

  it('registers globally otherwise', async () => {
    const result = await registerCommands({
      token: 'register-token',
      applicationId: APPLICATION_ID,
      apiUrl: standIn().apiUrl,
    });
    expect(result.scope).toBe('global');
    const put = await standIn().waitFor(
      (r) => r.method === 'PUT' && r.path === `/applications/${APPLICATION_ID}/commands`,
    );
    expect(put.body).toEqual(reviewed);
  });
});

describe('registerSettings', () => {
  it('names the missing variable in one line', () => {
    expect(registerSettings(loadConfig({}))).toMatch(/^DISCORD_TOKEN is not set: .+$/);
    expect(registerSettings(loadConfig({ DISCORD_TOKEN: 't' }))).toMatch(/^DISCORD_APPLICATION_ID is not set: .+$/);
    expect(
      registerSettings(
        loadConfig({ DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: standIn().apiUrl }),
      ),
    ).toEqual({
      token: 't',
      applicationId: APPLICATION_ID,
      guildId: undefined,
      apiUrl: standIn().apiUrl,
    });
  });

  it('makes the script print one clear line and fail when the token is missing', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'adapters/discord/register.ts'], {
      // A Slack token half set up beside it is no business of registering's: it was the line shown instead.
      env: { PATH: process.env.PATH, SLACK_BOT_TOKEN: 'not-a-slack-token' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^discord:register failed: DISCORD_TOKEN is not set: /),
    ]);
  });
});
