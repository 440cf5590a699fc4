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

/**
 * What a terminal shows when the engine indexes a corpus it has nothing saved of (`DossierOptions.onIndexing`): a
 * first start over a large corpus took half a minute with nothing on screen, which looks like a hang. One line, at
 * LOG_LEVEL info and chattier; `warn` and quieter, as a script may set, keep it off. It promises a quicker next start
 * only when `saving`: with no cache folder in use, every start indexes again.
 */
export function indexingNotice(
  level: Config['LOG_LEVEL'],
  corpusDir: string,
  out: { write(text: string): unknown } = process.stderr,
): ((saving: boolean) => void) | undefined {
  if (!['info', 'debug', 'trace'].includes(level)) return undefined;
  return (saving) => {
    const later = saving ? ' Later starts read the saved index.' : '';
    out.write(`dossier: Indexing the corpus in ${corpusDir}; a large one takes a while.${later}\n`);
  };
}
