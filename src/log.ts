import { createRequire } from 'node:module';
import type { DestinationStream } from 'pino';

/** pino's levels, least to most severe, and `silent`. */
const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A level's method: fields and then the message, or the message alone (pino's calling convention). */
export interface LogFn {
  (fields: object, message: string): void;
  (message: string): void;
}

/**
 * What the code logs through. pino's logger is one; so are the terminal's plain lines and the silent logger,
 * which load no pino: the command line never needs it, and loading it (and the streams and worker threads it
 * brings) cost every `dossier` call about 20 ms.
 */
export interface Logger {
  level: string;
  trace: LogFn;
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
  fatal: LogFn;
  child(bindings: Record<string, unknown>): Logger;
}

const require = createRequire(import.meta.url);

/** What a log line shows in place of a secret. */
const SECRET_MARK = '[secret]';

/**
 * Structured JSON logs. Secrets never reach a log line: they are only read from the environment
 * into config, and any field that could hold one is censored here as a second line of defence.
 * `secrets` (the config's, `secretsOf`) are censored wherever they turn up in a line, its message
 * included: a platform's error text is logged as it comes, and one that echoes a token would print it.
 */
export function createLogger(
  level = process.env.LOG_LEVEL ?? 'info',
  destination?: DestinationStream,
  secrets: readonly string[] = [],
): Logger {
  // Loaded here, on first use, rather than imported: see `Logger`.
  const { pino } = require('pino') as typeof import('pino');
  return pino(
    {
      level,
      base: { app: 'dossier' },
      ...(secrets.length ? { hooks: { streamWrite: censorer(secrets) } } : {}),
      redact: {
        paths: [
          'token',
          'botToken',
          'appToken',
          'signingSecret',
          '*.token',
          '*.botToken',
          '*.appToken',
          '*.signingSecret',
          'headers.authorization',
          '*.headers.authorization',
        ],
        censor: SECRET_MARK,
      },
    },
    // Written synchronously: pino's default destination writes a line on libuv's thread pool and, at process.exit,
    // writes what is still queued at once, so with the pool busy the last line ('stopped') came out before the one
    // still on the pool ('stopping'), and a line could be lost.
    destination ?? pino.destination({ dest: 2, sync: true }),
  );
}

/**
 * `text` with each of `secrets` replaced by the mark, as written and as a JSON string writes it (a log line is JSON:
 * a secret with a quote or a backslash in it is escaped there).
 */
export function censorer(secrets: readonly string[]): (text: string) => string {
  const written = [...new Set(secrets.filter(Boolean).flatMap((s) => [s, JSON.stringify(s).slice(1, -1)]))];
  return (text) => written.reduce((t, secret) => t.replaceAll(secret, SECRET_MARK), text);
}

/**
 * A logger that passes the message of each line at `level` or above to `write`, fields left out (the terminal's
 * plain lines: the message names what matters, and no field, a secret or otherwise, is ever shown).
 */
export function messageLogger(level: LogLevel, write: (level: LogLevel, message: string) => void): Logger {
  const least = LOG_LEVELS.indexOf(level);
  const method = (at: LogLevel): LogFn =>
    LOG_LEVELS.indexOf(at) < least
      ? () => {}
      : (fieldsOrMessage: object | string, message?: string) =>
          write(at, typeof fieldsOrMessage === 'string' ? fieldsOrMessage : (message ?? ''));
  const logger: Logger = {
    level,
    trace: method('trace'),
    debug: method('debug'),
    info: method('info'),
    warn: method('warn'),
    error: method('error'),
    fatal: method('fatal'),
    child: () => logger,
  };
  return logger;
}

/** A logger that drops everything, for tests that do not assert on logs. */
export const silentLogger = (): Logger => messageLogger('silent', () => {});
