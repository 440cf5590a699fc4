import type { Config } from '../../src/config.js';
import { createLogger, type Logger } from '../../src/log.js';

/**
 * The logger for someone at the terminal: plain lines between answers, and at `info` (the default)
 * only warnings, since a line per command would bury the answers. `debug` and `trace` still show everything.
 * `out` (default stderr) lets the interactive terminal print them above its prompt.
 */
export function terminalLogger(level: Config['LOG_LEVEL'], out?: { write(text: string): unknown }): Logger {
  return createLogger(level === 'info' ? 'warn' : level, plainLogDestination(out));
}

/**
 * Log lines for a person at a terminal: `dossier: <message>` on stderr instead of pino's JSON,
 * which buried answers in the interactive session. Fields stay out; the message names what matters.
 */
export function plainLogDestination(out: { write(text: string): unknown } = process.stderr): {
  write(line: string): void;
} {
  return {
    write(line: string) {
      let message = line.trim();
      try {
        message = String((JSON.parse(line) as { msg?: unknown }).msg ?? message);
      } catch {
        // Not one of pino's lines: shown as it came.
      }
      out.write(`dossier: ${message}\n`);
    },
  };
}
