import type { Adapter } from '../src/adapter.js';
import type { Platform } from '../src/commands/command.js';
import { CommandGate } from '../src/commands/index.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { DigestRuntime } from '../src/digest/index.js';
import { Dossier } from '../src/dossier.js';
import { DossierError } from '../src/errors.js';
import { createLogger } from '../src/log.js';
import { DiscordAdapter } from './discord/adapter.js';
import { SlackAdapter, slackSettings } from './slack/app.js';
import { TerminalAdapter } from './terminal/repl.js';

/**
 * The composition root: reads the configuration, opens the corpus and the digest store, and
 * starts each platform that has its tokens set, or the terminal when none has.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL);
  const dossier = await Dossier.open({ corpusDir: config.CORPUS_DIR, cacheDir: config.CACHE_DIR, log });
  log.info({ documents: dossier.documents.length, passages: dossier.passages.length }, 'corpus loaded');

  // The digest posts through the adapters and the adapters hand the digest service to commands:
  // the record is filled in once the adapters exist.
  const adapters: Partial<Record<Platform, Adapter>> = {};
  const digest = new DigestRuntime({
    config,
    dossier,
    log,
    adapters,
    // Slack opens the app's direct message with a user given as the channel; elsewhere the scheduler logs why it could not.
    notifySubscriber: async (sub, note) => {
      const adapter = adapters[sub.platform];
      if (adapter) await adapter.post(sub.subscriberId, note);
    },
  });
  // Every command on every surface passes this gate: rate limits, answer time limit, and close()/drain() at shutdown.
  const gate = CommandGate.fromConfig(config);
  const slack = slackSettings(config);
  if (slack) adapters.slack = new SlackAdapter(slack, dossier, log, { digest: digest.service, gate });
  if (config.DISCORD_TOKEN) adapters.discord = new DiscordAdapter(config, dossier, log, { digest: digest.service, gate });
  const terminal = adapters.slack || adapters.discord ? undefined : new TerminalAdapter(dossier, { slashCommand: config.SLACK_COMMAND, context: { digest: digest.service, gate } });
  if (terminal) adapters.terminal = terminal;

  for (const adapter of Object.values(adapters)) await adapter.start();
  await digest.start();
  log.info({ platforms: Object.keys(adapters) }, 'dossier is running');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    await digest.stop();
    for (const adapter of Object.values(adapters)) await adapter.stop().catch((err: unknown) => log.warn({ err: String(err), platform: adapter.platform }, 'adapter did not stop cleanly'));
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  if (terminal) {
    await terminal.finished;
    await stop('exit');
  }
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof DossierError;
  console.error(`dossier: ${known ? (error as Error).message : `could not start: ${error instanceof Error ? error.message : String(error)}`}`);
  process.exit(1);
});
