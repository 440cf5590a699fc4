import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { botContext } from '../../../adapters/bot.js';
import { SlackAdapter } from '../../../adapters/slack/app.js';
import { slackSettings } from '../../../adapters/slack/settings.js';
import { loadConfig } from '../../../src/config.js';
import { Dossier } from '../../../src/engine/dossier.js';
import { DossierError } from '../../../src/errors.js';
import { createLogger, silentLogger } from '../../../src/log.js';

describe('slackSettings', () => {
  it('is undefined when Slack is not configured', () => {
    expect(slackSettings(loadConfig({}))).toBeUndefined();
  });

  it('carries the Slack variables over', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 's',
      SLACK_PORT: '3100',
      SLACK_COMMAND: '/dossier',
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
    });
    expect(slackSettings(config)).toEqual({
      botToken: 'xoxb-1',
      signingSecret: 's',
      appToken: undefined,
      port: 3100,
      command: '/dossier',
      apiUrl: 'http://127.0.0.1:9/api/',
    });
  });

  it('stops cleanly when it was never started', async () => {
    const dossier = Dossier.fromCorpus({ dir: '/nowhere', documents: [], warnings: [] });
    const adapter = new SlackAdapter(botContext({ dossier, log: silentLogger() }), {
      botToken: 'xoxb-1',
      signingSecret: 's',
      port: 0,
      command: '/brief',
    });
    await expect(adapter.stop()).resolves.toBeUndefined();
  });

  it('logs Bolt’s lines through our logger with any token masked', () => {
    const lines: string[] = [];
    const dossier = Dossier.fromCorpus({ dir: '/nowhere', documents: [], warnings: [] });
    const adapter = new SlackAdapter(
      botContext({ dossier, log: createLogger('info', { write: (l: string) => void lines.push(l) }) }),
      { botToken: 'xoxb-1-secret', signingSecret: 's', port: 0, command: '/brief' },
    );
    adapter.app.logger.warn('retrying with token xoxb-1-secret and xapp-1-A1-other');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 40,
      component: 'bolt',
      adapter: 'slack',
      msg: 'retrying with token [secret] and [secret]',
    });
  });

  it('refuses to build an adapter with neither an app token nor a signing secret', () => {
    const dossier = Dossier.fromCorpus({ dir: '/nowhere', documents: [], warnings: [] });
    const bot = botContext({ dossier, log: silentLogger() });
    expect(() => new SlackAdapter(bot, { botToken: 'xoxb-1', port: 0, command: '/brief' })).toThrow(DossierError);
  });
});

describe('SlackAdapter start-up', () => {
  const dossier = Dossier.fromCorpus({ dir: '/nowhere', documents: [], warnings: [] });
  const refusing = async () => {
    const server = createServer((_req, res) =>
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ ok: false, error: 'invalid_auth' })),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return server;
  };

  it('stops with one line naming the problem when Slack refuses the bot token, instead of crashing', async () => {
    const server = await refusing();
    try {
      const { port } = server.address() as AddressInfo;
      const adapter = new SlackAdapter(
        botContext({ dossier, log: silentLogger() }),
        {
          botToken: 'xoxb-wrong',
          signingSecret: 's',
          port: 0,
          command: '/brief',
          apiUrl: `http://127.0.0.1:${port}/api/`,
        },
        { host: '127.0.0.1' },
      );
      await expect(adapter.start()).rejects.toThrow(
        'Slack refused the bot token (invalid_auth): check SLACK_BOT_TOKEN.',
      );
      await adapter.stop();
    } finally {
      server.close();
    }
  });

  it('says so in one line when Slack cannot be reached to check the token', async () => {
    const server = await refusing();
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const adapter = new SlackAdapter(
      botContext({ dossier, log: silentLogger() }),
      { botToken: 'xoxb-1', signingSecret: 's', port: 0, command: '/brief', apiUrl: `http://127.0.0.1:${port}/api/` },
      { host: '127.0.0.1', retryConfig: { retries: 0 } },
    );
    await expect(adapter.start()).rejects.toThrow(
      /^Could not check the bot token with Slack \(.+\): check the network and SLACK_API_URL\.$/,
    );
  });
});
