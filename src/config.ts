import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import ipaddr from 'ipaddr.js';
import * as z from 'zod';
import { isValidTimeZone } from './schedule.js';

/** Optional string variable: an empty value counts as unset, as in most `.env` files. */
const optional = () =>
  z
    .string()
    .trim()
    .transform((v) => (v === '' ? undefined : v))
    .optional();

/**
 * A whole number from `min` to `max`, written in digits, with the one message a person needs whatever is wrong with
 * it. Digits only: coercing with Number() read an empty value (`RATE_LIMIT_USER_PER_MINUTE=` in `.env`) as 0, which
 * quietly turned a limit off, and took "1e3" and "0x10" as numbers.
 */
const wholeNumber = (min: number, max: number) => {
  const error = `must be a whole number from ${min} to ${max}`;
  return z
    .string({ error })
    .regex(/^\s*\d+\s*$/, { error })
    .transform(Number)
    .pipe(z.number().min(min, { error }).max(max, { error }));
};

const port = (fallback: number) => wholeNumber(1, 65535).default(fallback);

/**
 * A platform's API base: an http or https URL. zod's own check says only "Invalid URL" and takes any scheme
 * (`ftp://…`, `slack.com:443`), which would fail only later, at the first call, with a network error.
 */
const apiBase = (example: string) => {
  const error = `must be an http or https URL such as ${example}`;
  return optional().pipe(z.url({ protocol: /^https?$/, error }).optional());
};

/**
 * Whether a URL's user name and password read as percent-encoded, as the database client and `secretsOf` read them:
 * a "%" before no two hex digits throws there, and the start stops on "URI malformed", naming no variable.
 */
function decodable({ username, password }: URL): boolean {
  try {
    for (const part of [username, password]) decodeURIComponent(part);
    return true;
  } catch {
    return false;
  }
}

/**
 * A folder's or file's path. Set to nothing (`DATABASE_PATH=` in `.env`) it would quietly mean the working folder, or
 * for the database a temporary one SQLite deletes at exit, taking every subscription with it: refused instead.
 */
const path = (what: string, fallback: string) =>
  z.string().trim().min(1, `must name a ${what}: leave it out for the default, ${fallback}`).default(fallback);

/** One of a few words, with a message that lists them as a person would ("anyone or managers"). */
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be ${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}` });

/**
 * A Discord id, a snowflake: 17 to 20 digits (a 64-bit number; ids from 2015 on have at least 17).
 * The message says which of the two is wrong and where to copy the id from.
 */
const snowflake = (whereToCopy: string) =>
  optional().pipe(
    z
      .string()
      .superRefine((id, ctx) => {
        const problem = !/^\d+$/.test(id)
          ? 'must be digits only'
          : id.length < 17 || id.length > 20
            ? `has ${id.length} digit${id.length === 1 ? '' : 's'}, but a Discord id has 17 to 20`
            : undefined;
        if (problem) ctx.addIssue({ code: 'custom', message: `${problem}: copy it again from ${whereToCopy}` });
      })
      .optional(),
  );

/**
 * A token or secret, which Slack and Discord write in visible ASCII alone, starting with `prefix` where its kind has
 * one. One copied with a character it cannot hold (a space inside it, a curly quote, an invisible zero-width space
 * from a web page or a chat) would fail far from here and name nothing: Discord's "invalid Authorization header",
 * Slack's retries ending in "check the network". The message says where to copy it again, never the value.
 */
const credential = (whereToCopy: string, prefix?: string) => {
  const checked = z.string().regex(/^[\x21-\x7e]+$/, {
    error:
      'holds a space or a character no token has (a curly quote, or an invisible one copied with it): ' +
      `copy it again from ${whereToCopy}`,
  });
  return optional().pipe(
    (prefix ? z.string().startsWith(prefix, `must start with ${prefix}`).pipe(checked) : checked).optional(),
  );
};

/**
 * Parses FETCH_ALLOW_PRIVATE: empty or `0` → nothing beyond public addresses; `1` or `true` → every
 * non-public range but metadata services; otherwise a comma-separated list of addresses and CIDRs.
 * Throws one line naming the entry that is neither.
 */
export function parseAllowPrivate(value: string | undefined): boolean | string[] {
  const v = (value ?? '').trim();
  if (v === '' || v === '0' || v.toLowerCase() === 'false') return false;
  if (v === '1' || v.toLowerCase() === 'true') return true;
  const entries = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of entries)
    if (!(ipaddr.isValid(entry) || isCidr(entry)))
      throw new Error(`"${entry}" is neither an IP address nor a CIDR range such as 10.0.0.0/8`);
  return entries;
}

function isCidr(entry: string): boolean {
  try {
    ipaddr.parseCIDR(entry);
    return true;
  } catch {
    return false;
  }
}

/**
 * The defaults of the settings that tune one part of the bot, which that part also takes when it is built without
 * the configuration (a test, a program using the engine): each number once, here.
 */
export const CONFIG_DEFAULTS = {
  SLACK_COMMAND: '/brief',
  DIGEST_MANAGE_SLACK: 'anyone',
  DIGEST_MANAGE_DISCORD: 'managers',
  DIGEST_GRACE_MINUTES: 120,
  ADD_POLICY: 'anyone',
  RATE_LIMIT_USER_PER_MINUTE: 10,
  RATE_LIMIT_CHANNEL_PER_MINUTE: 30,
  ANSWER_TIMEOUT_MS: 5000,
  FEED_POLL_MINUTES: 60,
  FEED_MAX_FAILURES: 5,
  FETCH_MAX_MB: 20,
  FETCH_TIMEOUT_SECONDS: 30,
} as const;

/**
 * Every environment variable Dossier reads, validated once at start-up. `.env.example` lists the
 * same names; a missing or malformed value stops the bot with one line naming the variable.
 */
export const ConfigSchema = z
  .object({
    CORPUS_DIR: path('folder', './corpus'),
    CACHE_DIR: path('folder', './.cache'),
    /** The lexicon (synonyms and acronyms): a file, or `none`; unset, the corpus's own synonyms.yaml if it has one. */
    LEXICON: optional(),
    DATABASE_PATH: path('file', './data/dossier.db'),
    /**
     * A PostgreSQL database (`postgres://user:password@host:5432/dossier`) in place of the SQLite file at
     * DATABASE_PATH: what several instances of the bot share.
     */
    DATABASE_URL: optional().pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\/./, 'must be a PostgreSQL URL: postgres://user:password@host:5432/dossier')
        .refine(
          (url) => !URL.canParse(url) || decodable(new URL(url)),
          'has a % in its user name or password that starts no %XX escape: write it as %25',
        )
        .optional(),
    ),
    LOG_LEVEL: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    TZ_DEFAULT: z
      .string()
      .default('UTC')
      // UTC, the default, is valid everywhere: checking it would load the platform's time-zone data (tens of
      // milliseconds) on every start of the command line, which reads no schedule.
      .refine(
        (zone) => zone === 'UTC' || isValidTimeZone(zone),
        'must be an IANA time zone name such as Europe/London',
      ),
    /** Who may subscribe or unsubscribe a channel's digest: `anyone` in it, or `managers` (Manage Channels). */
    DIGEST_MANAGE_SLACK: oneOf(['anyone', 'managers']).default(CONFIG_DEFAULTS.DIGEST_MANAGE_SLACK),
    DIGEST_MANAGE_DISCORD: oneOf(['anyone', 'managers']).default(CONFIG_DEFAULTS.DIGEST_MANAGE_DISCORD),
    /** A digest missed while the bot was down is still sent this many minutes late, then skipped. */
    DIGEST_GRACE_MINUTES: wholeNumber(0, 1440).default(CONFIG_DEFAULTS.DIGEST_GRACE_MINUTES),
    /** Commands one user, and one channel, may run a minute (a burst, then spread out); 0 turns the limit off. */
    RATE_LIMIT_USER_PER_MINUTE: wholeNumber(0, 10_000).default(CONFIG_DEFAULTS.RATE_LIMIT_USER_PER_MINUTE),
    RATE_LIMIT_CHANNEL_PER_MINUTE: wholeNumber(0, 10_000).default(CONFIG_DEFAULTS.RATE_LIMIT_CHANNEL_PER_MINUTE),
    /** Longest an asker waits for one answer before "That took too long"; 0 waits as long as it takes. */
    ANSWER_TIMEOUT_MS: wholeNumber(0, 600_000).default(CONFIG_DEFAULTS.ANSWER_TIMEOUT_MS),
    /** A port for GET /healthz of its own; in Slack HTTP mode /healthz is also served on SLACK_PORT. */
    HEALTH_PORT: optional().pipe(wholeNumber(1, 65535).optional()),

    /** Private, loopback and link-local addresses Dossier may fetch from: `1` for all, or addresses and CIDRs. */
    FETCH_ALLOW_PRIVATE: z
      .string()
      .optional()
      .transform((value, ctx) => {
        try {
          return parseAllowPrivate(value);
        } catch (error) {
          ctx.addIssue({
            code: 'custom',
            message: `must be 1, or addresses and CIDR ranges: ${(error as Error).message}`,
          });
          return z.NEVER;
        }
      }),
    /** Who may add documents and follow feeds: `anyone`, or `managers` (as for the digest on each platform). */
    ADD_POLICY: oneOf(['anyone', 'managers']).default(CONFIG_DEFAULTS.ADD_POLICY),
    /** Minutes between two polls of a feed. */
    FEED_POLL_MINUTES: wholeNumber(1, 10_080).default(CONFIG_DEFAULTS.FEED_POLL_MINUTES),
    /** Failed polls in a row after which a feed is paused. */
    FEED_MAX_FAILURES: wholeNumber(1, 1000).default(CONFIG_DEFAULTS.FEED_MAX_FAILURES),
    /** Largest page, PDF or feed fetched, in MB. */
    FETCH_MAX_MB: wholeNumber(1, 1024).default(CONFIG_DEFAULTS.FETCH_MAX_MB),
    /** Longest one fetch may take, redirects and robots.txt included. */
    FETCH_TIMEOUT_SECONDS: wholeNumber(1, 600).default(CONFIG_DEFAULTS.FETCH_TIMEOUT_SECONDS),

    SLACK_BOT_TOKEN: credential('the app’s Install App page (Bot User OAuth Token)', 'xoxb-'),
    SLACK_SIGNING_SECRET: credential('the app’s Basic Information → App Credentials'),
    SLACK_APP_TOKEN: credential('the app’s Basic Information → App-Level Tokens', 'xapp-'),
    SLACK_PORT: port(3000),
    SLACK_COMMAND: z
      .string()
      .regex(/^\/[a-z0-9_-]{1,31}$/, 'must look like /brief')
      .default(CONFIG_DEFAULTS.SLACK_COMMAND),
    SLACK_API_URL: apiBase('https://slack.com/api/'),

    DISCORD_TOKEN: credential('the Developer Portal, Bot → Reset Token'),
    DISCORD_APPLICATION_ID: snowflake('the Developer Portal, General Information → Application ID'),
    DISCORD_GUILD_ID: snowflake('Discord with Developer Mode on: right-click the server → Copy Server ID'),
    DISCORD_API_URL: apiBase('http://127.0.0.1:8080/api'),
  })
  .superRefine((c, ctx) => {
    if (c.SLACK_BOT_TOKEN && !c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message: 'is required with SLACK_BOT_TOKEN unless SLACK_APP_TOKEN (Socket Mode) is set',
      });
    }
    if (c.HEALTH_PORT !== undefined && c.HEALTH_PORT === c.SLACK_PORT && c.SLACK_BOT_TOKEN && !c.SLACK_APP_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['HEALTH_PORT'],
        message: 'must differ from SLACK_PORT (in Slack HTTP mode /healthz is already served there)',
      });
    }
    if ((c.SLACK_APP_TOKEN || c.SLACK_SIGNING_SECRET) && !c.SLACK_BOT_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_BOT_TOKEN'],
        message: 'is required when SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is set',
      });
    }
  });

export type Config = z.output<typeof ConfigSchema>;

/** The variables whose values are secrets: never shown in a message, and censored in every log line. */
const SECRET_NAME = /TOKEN|SECRET|DATABASE_URL/;

/**
 * The secrets `config` holds (each token and signing secret, the password in DATABASE_URL), for the log to censor
 * wherever one turns up: a platform's error text is logged as it comes, and one that echoes a token would print it.
 */
export function secretsOf(config: Partial<Config>): string[] {
  return Object.entries(config).flatMap(([name, value]) => {
    if (typeof value !== 'string' || !value || !SECRET_NAME.test(name)) return [];
    if (name !== 'DATABASE_URL') return [value];
    // One the URL parser refuses (a port that is no number) is left for the database's own error, censored whole.
    if (!URL.canParse(value)) return [value];
    const { password } = new URL(value);
    return password ? [password, decodeURIComponent(password)] : [];
  });
}

/** Reads the environment into a `Config`, or throws one line naming the first bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  return parsedOrThrown(ConfigSchema, env);
}

/**
 * Reads only the variables `names` from the environment, for a program that uses no others: the one-shot command line
 * answers from a corpus, so a Slack token set for the bot, right or wrong, is none of its business (and with a bad one
 * it stopped where nothing needed Slack). Each is checked as `loadConfig` checks it.
 */
export function loadSettings<K extends keyof Config>(
  names: readonly K[],
  env: Record<string, string | undefined> = process.env,
): Pick<Config, K> {
  const picked: Record<string, z.ZodType> = Object.fromEntries(names.map((name) => [name, ConfigSchema.shape[name]]));
  // Zod's types follow a pick by names written out, not by a generic list of them: these are `names`' outputs.
  return parsedOrThrown(z.object(picked), env) as Pick<Config, K>;
}

function parsedOrThrown<S extends z.ZodType>(schema: S, env: Record<string, string | undefined>): z.output<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const name = String(issue.path[0] ?? 'environment');
  // The value given helps find the typo; a secret's value never appears in a message.
  const given = env[name];
  const shown = given === undefined || SECRET_NAME.test(name) ? '' : ` (it is "${given}")`;
  throw new ConfigError(`${name} ${issue.message.replace(/^Invalid input: /, '')}${shown}`);
}

/** A line that sets a variable: `NAME=value`, `NAME = value` or `export NAME=value`. */
const SETTING = /^\s*(?:export\s+)?[\w.-]+\s*=\s*(.*)$/;

/**
 * The lines of a `.env` text that Node's parser would misread, each with why: one that is not `NAME=value` was taken
 * as the start of the next line's name (losing that setting), and a quote never closed took every line up to the next
 * quote of its kind as its value. A quoted value that runs over lines to its closing quote is fine (a key's PEM).
 */
function malformedEnvLines(text: string): { line: number; problem: string }[] {
  const lines = text.split(/\r?\n/);
  const found: { line: number; problem: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*(#|$)/.test(line)) continue;
    const value = SETTING.exec(line)?.[1];
    if (value === undefined) {
      found.push({ line: i + 1, problem: 'not NAME=value' });
      continue;
    }
    const quote = value[0];
    if (!quote || !'"\'`'.includes(quote) || value.includes(quote, 1)) continue;
    const close = lines.findIndex((l, j) => j > i && l.includes(quote));
    // Settings between the quote and the next one were a stray quote's victims, not a value's lines.
    if (close < 0 || lines.slice(i + 1, close + 1).some((l) => SETTING.test(l.split(quote)[0]!)))
      found.push({ line: i + 1, problem: 'a quote never closed' });
    else i = close;
  }
  return found;
}

/**
 * Reads `.env` in the working directory into the environment, as `.env.example` invites; a variable already set in
 * the environment wins over the file. Lines Node's parser would misread are left out, and said so in the line
 * returned, by number: never their text, which may hold a secret.
 */
export function loadEnvFile(file = '.env'): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigError(`Could not read ${file}: ${(error as Error).message}`);
  }
  // A byte-order mark (Notepad writes one) would be read into the first setting's name, which nothing then reads.
  text = text.replace(/^\uFEFF/, '');
  const malformed = malformedEnvLines(text);
  const lines = text.split(/\r?\n/);
  for (const { line } of malformed) lines[line - 1] = '';
  for (const [name, value] of Object.entries(parseEnv(lines.join('\n')))) process.env[name] ??= value;
  if (!malformed.length) return undefined;
  return `Left out of ${file}: ${malformed.map((m) => `line ${m.line} (${m.problem})`).join(', ')}; the rest is read.`;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}
