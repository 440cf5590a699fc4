import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Secrets never reach a log line: they are only read from the environment
 * into config, and any field that could hold one is censored here as a second line of defence.
 */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'dossier' },
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
        censor: '[secret]',
      },
    },
    destination ?? pino.destination(2),
  );
}

/** A logger that drops everything, for tests that do not assert on logs. */
export const silentLogger = (): Logger => pino({ level: 'silent' });
