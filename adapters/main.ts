import { loadConfig, ConfigError } from '../src/config.js';
import { Dossier } from '../src/dossier.js';
import { DossierError } from '../src/errors.js';
import { createLogger } from '../src/log.js';
import { TerminalAdapter } from './terminal/repl.js';

/**
 * The composition root: reads the configuration, opens the corpus, and starts each platform that
 * has its tokens set — or the terminal when none has.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL);
  const dossier = await Dossier.open({ corpusDir: config.CORPUS_DIR, cacheDir: config.CACHE_DIR, log });
  for (const w of dossier.corpus.warnings) log.warn({ source: w.source, code: w.code }, w.message);
  const terminal = new TerminalAdapter(dossier, { slashCommand: config.SLACK_COMMAND });
  await terminal.start();
  await terminal.finished;
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof DossierError;
  console.error(`dossier: ${known ? (error as Error).message : `could not start: ${String(error)}`}`);
  process.exit(1);
});
