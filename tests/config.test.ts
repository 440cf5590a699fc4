import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, ConfigSchema, loadConfig } from '../src/config.js';

const names = Object.keys(ConfigSchema.shape);

describe('loadConfig', () => {
  it('runs with nothing set: the terminal over ./corpus', () => {
    expect(loadConfig({})).toMatchObject({ CORPUS_DIR: './corpus', SLACK_COMMAND: '/brief', TZ_DEFAULT: 'UTC' });
  });

  it('stops with one line naming the bad variable', () => {
    const fails = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message;
      }
      throw new Error('expected a ConfigError');
    };
    expect(fails({ SLACK_BOT_TOKEN: 'abc', SLACK_APP_TOKEN: 'xapp-1' })).toBe('SLACK_BOT_TOKEN must start with xoxb-');
    expect(fails({ SLACK_BOT_TOKEN: 'xoxb-1' })).toMatch(/^SLACK_SIGNING_SECRET is required/);
    expect(fails({ SLACK_PORT: 'eighty' })).toMatch(/^SLACK_PORT /);
    expect(fails({ TZ_DEFAULT: 'Mars/Olympus' })).toMatch(/^TZ_DEFAULT must be an IANA time zone/);
    for (const message of [fails({ SLACK_PORT: '0' }), fails({ DISCORD_GUILD_ID: 'x' })]) expect(message).not.toContain('\n');
  });

  it('never puts a secret in its message', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'not-a-token-s3cr3t', SLACK_APP_TOKEN: 'xapp-1' })).toThrow(/^(?!.*s3cr3t)/);
  });
});

describe('documentation', () => {
  it('lists every environment variable in .env.example and the README', () => {
    const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const name of names) {
      expect(example, name).toMatch(new RegExp(`^${name}=`, 'm'));
      expect(readme, name).toContain(`\`${name}\``);
    }
  });
});
