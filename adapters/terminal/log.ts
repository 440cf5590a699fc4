import type { Config } from '../../src/config.js';
import { messageLogger, type Logger } from '../../src/log.js';

/**
 * The logger for someone at the terminal: `dossier: <message>` lines (on stderr by default) instead of pino's
 * JSON, which buried answers in the interactive session; fields stay out, the message names what matters. At
 * `info` (the default) only warnings, since a line per command would bury the answers; `debug` and `trace` still
 * show everything. `out` lets the interactive terminal print them above its prompt.
 */
export function terminalLogger(
  level: Config['LOG_LEVEL'],
  out: { write(text: string): unknown } = process.stderr,
): Logger {
  return messageLogger(level === 'info' ? 'warn' : level, (_, message) => out.write(`dossier: ${message}\n`));
}
