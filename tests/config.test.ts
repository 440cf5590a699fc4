import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, ConfigSchema, loadConfig, loadEnvFile, loadSettings, secretsOf } from '../src/config.js';

const names = Object.keys(ConfigSchema.shape);

describe('loadConfig', () => {
  it('runs with nothing set: the terminal over ./corpus', () => {
    expect(loadConfig({})).toMatchObject({
      CORPUS_DIR: './corpus',
      SLACK_COMMAND: '/brief',
      TZ_DEFAULT: 'UTC',
      FETCH_ALLOW_PRIVATE: false,
      FETCH_MAX_MB: 20,
      FETCH_TIMEOUT_SECONDS: 30,
      ADD_POLICY: 'anyone',
      FEED_POLL_MINUTES: 60,
      FEED_MAX_FAILURES: 5,
    });
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
    expect(fails({ SLACK_PORT: 'eighty' })).toBe('SLACK_PORT must be a whole number from 1 to 65535 (it is "eighty")');
    expect(fails({ RATE_LIMIT_USER_PER_MINUTE: '1.5' })).toBe(
      'RATE_LIMIT_USER_PER_MINUTE must be a whole number from 0 to 10000 (it is "1.5")',
    );
    // Empty, a number would have been 0 (RATE_LIMIT_…= turned the limit off); "1e3" and "0x10" are not digits.
    for (const given of ['', ' ', '1e3', '0x10'])
      expect(fails({ RATE_LIMIT_USER_PER_MINUTE: given })).toBe(
        `RATE_LIMIT_USER_PER_MINUTE must be a whole number from 0 to 10000 (it is "${given}")`,
      );
    expect(fails({ ANSWER_TIMEOUT_MS: '' })).toMatch(/^ANSWER_TIMEOUT_MS must be a whole number/);
    expect(loadConfig({ RATE_LIMIT_USER_PER_MINUTE: ' 12 ', HEALTH_PORT: '' })).toMatchObject({
      RATE_LIMIT_USER_PER_MINUTE: 12,
      HEALTH_PORT: undefined,
    });
    expect(fails({ HEALTH_PORT: '70000' })).toBe('HEALTH_PORT must be a whole number from 1 to 65535 (it is "70000")');
    expect(fails({ TZ_DEFAULT: 'Mars/Olympus' })).toMatch(/^TZ_DEFAULT must be an IANA time zone/);
    expect(fails({ DATABASE_PATH: '' })).toBe(
      'DATABASE_PATH must name a file: leave it out for the default, ./data/dossier.db (it is "")',
    );
    expect(fails({ CORPUS_DIR: ' ' })).toBe(
      'CORPUS_DIR must name a folder: leave it out for the default, ./corpus (it is " ")',
    );
    expect(fails({ CACHE_DIR: '' })).toMatch(/^CACHE_DIR must name a folder/);
    expect(fails({ DISCORD_APPLICATION_ID: '123' })).toBe(
      'DISCORD_APPLICATION_ID has 3 digits, but a Discord id has 17 to 20: copy it again from the Developer Portal, ' +
        'General Information → Application ID (it is "123")',
    );
    expect(fails({ DISCORD_GUILD_ID: '12a4' })).toMatch(/^DISCORD_GUILD_ID must be digits only: copy it again from /);
    expect(loadConfig({ DISCORD_APPLICATION_ID: '900000000000000002' }).DISCORD_APPLICATION_ID).toBe(
      '900000000000000002',
    );
    expect(fails({ FETCH_ALLOW_PRIVATE: '10.0.0.0/8,intranet' })).toBe(
      'FETCH_ALLOW_PRIVATE must be 1, or addresses and CIDR ranges: "intranet" ' +
        'is neither an IP address nor a CIDR range such as 10.0.0.0/8 (it is ' +
        '"10.0.0.0/8,intranet")',
    );
    expect(fails({ LOG_LEVEL: 'verbose' })).toBe(
      'LOG_LEVEL must be fatal, error, warn, info, debug, trace or silent (it is "verbose")',
    );
    expect(fails({ ADD_POLICY: 'admins' })).toBe('ADD_POLICY must be anyone or managers (it is "admins")');
    expect(fails({ FETCH_MAX_MB: '0' })).toBe('FETCH_MAX_MB must be a whole number from 1 to 1024 (it is "0")');
    // An API base of another scheme, or none, said only "Invalid URL", or was taken and failed at the first call.
    expect(fails({ SLACK_API_URL: 'slack.example' })).toBe(
      'SLACK_API_URL must be an http or https URL such as https://slack.com/api/ (it is "slack.example")',
    );
    expect(fails({ DISCORD_API_URL: 'ftp://127.0.0.1/api' })).toMatch(/^DISCORD_API_URL must be an http or https URL/);
    expect(loadConfig({ SLACK_API_URL: 'http://127.0.0.1:9/api/' }).SLACK_API_URL).toBe('http://127.0.0.1:9/api/');
    for (const message of [fails({ SLACK_PORT: '0' }), fails({ DISCORD_GUILD_ID: 'x' })])
      expect(message).not.toContain('\n');
  });

  it('names a token or secret copied with a character none has, where it failed far away naming nothing', () => {
    const fails = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('expected a ConfigError');
    };
    // A curly quote, a zero-width space and a space inside, as a copy from a web page or a chat brings them.
    expect(fails({ DISCORD_TOKEN: 'MTk4.Gx1.s3cr3t’' })).toBe(
      'DISCORD_TOKEN holds a space or a character no token has (a curly quote, or an invisible one copied with ' +
        'it): copy it again from the Developer Portal, Bot → Reset Token',
    );
    expect(fails({ SLACK_BOT_TOKEN: 'xoxb-1-2-s3cr3t\u200b', SLACK_APP_TOKEN: 'xapp-1' })).toMatch(
      /^SLACK_BOT_TOKEN holds a space or a character no token has .*: copy it again from the app’s Install App page/,
    );
    expect(fails({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1 s3cr3t' })).toMatch(/^SLACK_APP_TOKEN holds /);
    expect(fails({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'ab\u00a0cd' })).toMatch(
      /^SLACK_SIGNING_SECRET holds /,
    );
    const copied: Record<string, string>[] = [
      { DISCORD_TOKEN: 'x’s3cr3t' },
      { SLACK_BOT_TOKEN: 'xoxb-s3cr3t’', SLACK_APP_TOKEN: 'xapp-1' },
    ];
    for (const env of copied) expect(fails(env)).not.toContain('s3cr3t');
    // Spaces around a value are no part of it, as for every setting.
    expect(loadConfig({ DISCORD_TOKEN: ' MTk4.Gx1.abc ' }).DISCORD_TOKEN).toBe('MTk4.Gx1.abc');
  });

  it('never puts a secret in its message', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'not-a-token-s3cr3t', SLACK_APP_TOKEN: 'xapp-1' })).toThrow(
      /^(?!.*s3cr3t)/,
    );
    expect(() => loadConfig({ DATABASE_URL: 'mysql://dossier:s3cr3t@db/dossier' })).toThrow(
      /^DATABASE_URL must be a PostgreSQL URL: postgres:\/\/user:password@host:5432\/dossier$/,
    );
  });

  it('takes DATABASE_URL for PostgreSQL, and leaves SQLite the default', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://dossier@db:5432/dossier' }).DATABASE_URL).toBe(
      'postgresql://dossier@db:5432/dossier',
    );
    expect(loadConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('refuses a DATABASE_URL whose password has a % the database client cannot read, without showing it', () => {
    const fails = () => loadConfig({ DATABASE_URL: 'postgres://kiln:p%zz@db:5432/dossier' });
    expect(fails).toThrow(/^DATABASE_URL has a % in its user name or password that starts no %XX escape/);
    expect(fails).toThrow(/^(?!.*p%zz)/);
    expect(loadConfig({ DATABASE_URL: 'postgres://kiln:p%25zz@db:5432/dossier' }).DATABASE_URL).toBeDefined();
  });
});

describe('secretsOf', () => {
  it("gives each token's and secret's value, and DATABASE_URL's password, for the log to censor", () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1-kiln',
      SLACK_SIGNING_SECRET: 'f00dfeed',
      DISCORD_TOKEN: 'MTIz.kiln.Zm9y',
      DATABASE_URL: 'postgres://kiln:p%40ss@db:5432/dossier',
      CORPUS_DIR: './kiln-notes',
    });
    expect(secretsOf(config).sort()).toEqual(['MTIz.kiln.Zm9y', 'f00dfeed', 'p%40ss', 'p@ss', 'xoxb-1-kiln']);
    expect(secretsOf(loadConfig({ DATABASE_URL: 'postgres://db/dossier' }))).toEqual([]);
    // One the URL parser refuses is not thrown at start, where it stopped the bot with "Invalid URL".
    const unparsed = 'postgres://kiln:p@ss@db:port/dossier';
    expect(secretsOf(loadConfig({ DATABASE_URL: unparsed }))).toEqual([unparsed]);
  });
});

describe('loadSettings', () => {
  it('reads and checks only the variables named, so a bad Slack token does not stop a program that reads none', () => {
    const env = { SLACK_BOT_TOKEN: 'not-a-token', CORPUS_DIR: './ferries', FETCH_MAX_MB: '5' };
    expect(loadSettings(['CORPUS_DIR', 'CACHE_DIR', 'FETCH_MAX_MB'], env)).toEqual({
      CORPUS_DIR: './ferries',
      CACHE_DIR: './.cache',
      FETCH_MAX_MB: 5,
    });
    expect(() => loadSettings(['CORPUS_DIR', 'FETCH_MAX_MB'], { ...env, FETCH_MAX_MB: 'lots' })).toThrow(
      new ConfigError('FETCH_MAX_MB must be a whole number from 1 to 1024 (it is "lots")'),
    );
  });
});

describe('loadEnvFile', () => {
  it('reads .env into the environment, a byte-order mark and all, where a variable already set wins', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-env-'));
    const file = join(dir, '.env');
    writeFileSync(file, '\uFEFFDOSSIER_TEST_FROM_FILE=file\nDOSSIER_TEST_SET=file\n');
    process.env.DOSSIER_TEST_SET = 'environment';
    try {
      expect(loadEnvFile(file)).toBeUndefined();
      expect(process.env.DOSSIER_TEST_FROM_FILE).toBe('file');
      expect(process.env.DOSSIER_TEST_SET).toBe('environment');
      expect(() => loadEnvFile(join(dir, 'missing.env'))).not.toThrow();
    } finally {
      delete process.env.DOSSIER_TEST_FROM_FILE;
      delete process.env.DOSSIER_TEST_SET;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves out a line not NAME=value or with a quote never closed, says which by number, reads the rest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-env-'));
    const file = join(dir, '.env');
    const names = ['A', 'B', 'C', 'D', 'E', 'KEY'].map((n) => `DOSSIER_TEST_${n}`);
    writeFileSync(
      file,
      [
        'DOSSIER_TEST_A=1',
        'xoxb-a-token-pasted-alone',
        'DOSSIER_TEST_B=2',
        'DOSSIER_TEST_C="opened',
        'DOSSIER_TEST_D=4',
        '# a comment',
        'DOSSIER_TEST_E="quoted"',
        'DOSSIER_TEST_KEY="-----BEGIN KEY-----',
        'bWFkZSB1cA',
        '-----END KEY-----"',
        '',
      ].join('\r\n'),
    );
    try {
      expect(loadEnvFile(file)).toBe(
        `Left out of ${file}: line 2 (not NAME=value), line 4 (a quote never closed); the rest is read.`,
      );
      expect(names.map((n) => process.env[n])).toEqual([
        '1',
        '2',
        undefined,
        '4',
        'quoted',
        '-----BEGIN KEY-----\nbWFkZSB1cA\n-----END KEY-----',
      ]);
    } finally {
      for (const name of names) delete process.env[name];
      rmSync(dir, { recursive: true, force: true });
    }
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

  it(
    'gives each variable the default the code has, in .env.example (a value copied as it is, or empty) and in ' +
      'the README’s table (none where the code has none), so a copied .env.example changes nothing',
    () => {
      const example = parseEnv(readFileSync(new URL('../.env.example', import.meta.url), 'utf8'));
      const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
      const defaults = loadConfig({});
      for (const name of names as (keyof typeof defaults)[]) {
        const value = example[name];
        expect(value, name).toBeDefined();
        expect(loadConfig({ [name]: value })[name], name).toEqual(defaults[name]);
        const row = new RegExp(`^\\| \`${name}\` \\| (?:\`([^\`]*)\`)? *\\|`, 'm').exec(readme);
        expect(row, `${name} in the README’s table`).not.toBeNull();
        const shown = defaults[name];
        expect(row![1], name).toBe(shown === undefined || shown === false ? undefined : String(shown));
      }
    },
  );
});
