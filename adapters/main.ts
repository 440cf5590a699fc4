import type { Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Adapter, Platform } from '../src/commands/adapter.js';
import { CommandGate } from '../src/commands/index.js';
import { ConfigError, loadConfig, loadEnvFile, secretsOf } from '../src/config.js';
import { DigestRuntime } from '../src/digest/index.js';
import { chartWorkers, Dossier, WORDNET_DIR, type ChartWorkers } from '../src/engine/index.js';
import { Feeds, fetchSettings, Ingest, SafeFetcher } from '../src/ingest/index.js';
import { DossierError } from '../src/errors.js';
import { healthReport, newestDate, type HealthReport } from '../src/health.js';
import { censorer, createLogger, type Logger } from '../src/log.js';
import { botContext } from './bot.js';
import { holdBuild } from './build-hold.js';
import { DiscordAdapter } from './discord/adapter.js';
import { HEALTH_PATH, healthHandler, startHealthServer, stopHealthServer } from './health-server.js';
import { SlackAdapter } from './slack/app.js';
import { slackSettings } from './slack/settings.js';
import { indexingNotice, terminalLogger } from './terminal/log.js';
import { styleFor } from './terminal/render.js';
import { TerminalAdapter } from './terminal/repl.js';

/**
 * Shutdown budget. Orchestrators send SIGKILL 10 s after SIGTERM (Kubernetes, systemd's default
 * is longer, Docker's is 10 s): answers and digests in flight get 6 s, the platforms 2 s more to
 * close, then the chart workers and the health server at most half a second each, and whatever still
 * hangs at 9.5 s is cut off with exit code 1.
 */
const DRAIN_MS = 6000;
const CLOSE_BY_MS = 8000;
const LAST_CLOSE_MS = 500;
const HARD_DEADLINE_MS = 9500;
/** The same signal again within this long is one signal delivered twice (see `stop` in `main`). */
const REPEATED_SIGNAL_MS = 1000;

/** What has been started so far; shutdown stops whatever is there, so a signal during start-up is safe. */
interface Running {
  dossier?: Dossier;
  gate?: CommandGate;
  digest?: DigestRuntime;
  adapters: Partial<Record<Platform, Adapter>>;
  charts?: ChartWorkers;
  health?: Server;
  feeds?: Feeds;
  ingest?: Ingest;
}

/** Takes the config's secrets out of the line a failed start prints (a platform's refusal may echo a token). */
let censor = (text: string) => text;

/**
 * The composition root: reads the configuration, opens the corpus and the digest store, and
 * starts each platform that has its tokens set, or the terminal when none has. SIGTERM or SIGINT
 * (or `exit` in the terminal) shuts down in order: see `shutdown`.
 */
async function main(): Promise<void> {
  holdBuild(import.meta.url);
  const envProblem = loadEnvFile();
  const config = loadConfig();
  const secrets = secretsOf(config);
  censor = censorer(secrets);
  const slack = slackSettings(config);
  const inTerminal = !slack && !config.DISCORD_TOKEN;
  // In the terminal, warnings go above the prompt, which is then drawn again, once the session has one.
  const screen: { terminal?: TerminalAdapter } = {};
  const toTerminal = {
    write: (text: string) =>
      screen.terminal ? screen.terminal.interject(text, process.stderr) : process.stderr.write(text),
  };
  const log = inTerminal
    ? terminalLogger(config.LOG_LEVEL, toTerminal)
    : createLogger(config.LOG_LEVEL, undefined, secrets);
  if (envProblem) log.warn(envProblem);
  // A promise some library let fall is logged; it must not take every channel's answers down with it.
  process.on('unhandledRejection', (reason) =>
    log.error({ err: reason instanceof Error ? reason.message : String(reason) }, 'unexpected error; still running'),
  );
  const running: Running = { adapters: {} };
  let stopping = false;
  let first = { signal: '', at: 0 };
  const stop = (signal: string) => {
    if (stopping) {
      // Ctrl-C reaches the whole process group, so under `npm start` it comes twice at once: the
      // terminal's and the one npm passes on. Only a later signal is someone asking again.
      if (signal !== first.signal || Date.now() - first.at > REPEATED_SIGNAL_MS)
        log.warn({ signal }, 'already stopping; a second signal is ignored until the shutdown deadline');
      return;
    }
    stopping = true;
    first = { signal, at: Date.now() };
    void shutdown(running, log, signal).then((code) => process.exit(code));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  const dossier = await Dossier.open({
    corpusDir: config.CORPUS_DIR,
    cacheDir: config.CACHE_DIR,
    lexicon: config.LEXICON,
    wordnet: WORDNET_DIR,
    log,
    // Before the terminal's prompt, where its warnings go; in a chat platform's log, as its other start-up lines.
    onIndexing: inTerminal
      ? indexingNotice(config.LOG_LEVEL, config.CORPUS_DIR, toTerminal)
      : () => log.info({ dir: config.CORPUS_DIR }, 'indexing the corpus: nothing of it is saved yet'),
  });
  running.dossier = dossier;
  dossier.warm();
  const loadedAt = new Date();
  log.info({ documents: dossier.documents.length, passages: dossier.passageCount }, 'corpus loaded');

  // The digest posts through the adapters and the adapters hand the digest service to commands:
  // the record is filled in once the adapters exist.
  const adapters = running.adapters;
  const digest = new DigestRuntime({
    config,
    dossier,
    log,
    adapters,
    // In a direct message (Adapter.notify, else a post to the user's id); the scheduler logs why when it could not.
    notifySubscriber: async (sub, note) => {
      const adapter = adapters[sub.platform];
      if (adapter?.notify) await adapter.notify(sub.subscriberId, note);
      else if (adapter) await adapter.post(sub.subscriberId, note);
    },
  });
  running.digest = digest;
  // Every command on every surface passes this gate: rate limits, answer time limit, and close()/drain() at shutdown.
  const gate = CommandGate.fromConfig(config);
  running.gate = gate;

  const report = (): HealthReport =>
    healthReport({
      now: new Date(),
      stopping,
      index: { documents: dossier.documents.length, passages: dossier.passageCount },
      corpus: { loadedAt, newestDocumentDate: newestDate(dossier.documents.map((d) => d.meta.date)) },
      database: {
        path: digest.database,
        open: digest.store.isOpen,
        unfinishedSlots: unfinishedSlots(running),
        problem: digest.problem(),
      },
      feeds: digest.store.isOpen ? digest.store.feeds() : [],
      platforms: Object.fromEntries(
        Object.values(adapters).flatMap((a) => (a.status ? [[a.platform, a.status()]] : [])),
      ),
    });
  const health = healthHandler(report);

  const slackServesHealth = Boolean(slack && !slack.appToken);
  // Documents added from links and chat are stored in the corpus folder, indexed at once and lead the next digest.
  const fetcher = new SafeFetcher(fetchSettings(config));
  const ingest = new Ingest({
    dossier,
    fetcher,
    log,
    policy: config.ADD_POLICY,
  });
  running.ingest = ingest;
  const feeds = new Feeds({
    store: digest.store,
    ingest,
    fetcher,
    log,
    pollMinutes: config.FEED_POLL_MINUTES,
    maxFailures: config.FEED_MAX_FAILURES,
  });
  running.feeds = feeds;
  // Charts are drawn on a worker thread, so that drawing one never holds up another request's ack.
  const charts = chartWorkers();
  running.charts = charts;
  const bot = botContext({
    dossier,
    log,
    digest: digest.service,
    gate,
    ingest,
    feeds,
    drawChart: charts.draw,
    buttons: digest.store,
  });
  if (slack) adapters.slack = new SlackAdapter(bot, slack, { httpRoutes: [{ path: HEALTH_PATH, handler: health }] });
  if (config.DISCORD_TOKEN) adapters.discord = new DiscordAdapter(bot, config);
  const terminal = inTerminal
    ? new TerminalAdapter(bot, { slashCommand: config.SLACK_COMMAND }, { style: styleFor(process.stdout, process.env) })
    : undefined;
  if (terminal) adapters.terminal = screen.terminal = terminal;

  if (config.HEALTH_PORT) {
    running.health = await startHealthServer(config.HEALTH_PORT, health);
    log.info({ port: config.HEALTH_PORT, path: HEALTH_PATH }, 'health report listening');
  } else if (slackServesHealth) {
    log.info({ port: config.SLACK_PORT, path: HEALTH_PATH }, 'health report served beside the Slack receiver');
  }
  for (const adapter of Object.values(adapters)) if (!stopping) await adapter.start();
  // The engine re-indexes the folder as it changes; the digest then notes every document it holds as seen.
  if (!stopping) await dossier.watch();
  if (!stopping) await digest.start();
  if (!stopping) feeds.start();
  if (!stopping) log.info({ platforms: Object.keys(adapters), pid: process.pid }, 'dossier is running');
  if (terminal) {
    await terminal.finished;
    if (!stopping) stop('exit');
  }
}

/**
 * Stops in order, and resolves with the exit code: (1) new commands are refused politely,
 * /healthz says `stopping`, the corpus folder is no longer watched and an add reading a document stops;
 * (2) answers in flight finish and the digest scheduler stops, letting a
 * post in progress finish (a post refused meanwhile is left for the next start; see
 * DigestScheduler.stop), both within DRAIN_MS; (3) the platforms close, once their last answers
 * are delivered, by CLOSE_BY_MS; (4) the database, the chart workers and the health server close. Work still
 * unfinished at a step's limit is logged and left; at HARD_DEADLINE_MS the process exits with 1.
 */
async function shutdown(running: Running, log: Logger, reason: string): Promise<number> {
  const started = Date.now();
  const left = (by: number) => Math.max(0, by - (Date.now() - started));
  const hard = setTimeout(() => {
    log.error({ afterMs: HARD_DEADLINE_MS }, 'shutdown did not finish in time; exiting with work unfinished');
    process.exit(1);
  }, HARD_DEADLINE_MS);
  hard.unref();
  log.info(
    { signal: reason, inFlight: running.gate?.inFlight ?? 0 },
    'stopping: finishing the answers and digests in flight',
  );

  running.gate?.close();
  running.dossier?.close();
  running.ingest?.close();
  const drained = await within(
    Promise.all([running.gate?.drain(), running.digest?.stopScheduling(), running.feeds?.stop()]),
    left(DRAIN_MS),
  );
  if (!drained)
    log.warn(
      { inFlight: running.gate?.inFlight ?? 0, unfinishedSlots: unfinishedSlots(running) },
      'answers or digests still in flight at the drain limit; stopping without them',
    );

  const adapters = Object.values(running.adapters);
  const closed = await within(
    Promise.all(
      adapters.map((adapter) =>
        adapter
          .stop()
          .catch((err: unknown) =>
            log.warn({ err: String(err), platform: adapter.platform }, 'adapter did not stop cleanly'),
          ),
      ),
    ),
    left(CLOSE_BY_MS),
  );
  if (!closed) log.warn('a platform connection did not close in time');

  running.digest?.close();
  if (running.charts) await within(running.charts.close(), LAST_CLOSE_MS);
  if (running.health) await within(stopHealthServer(running.health), LAST_CLOSE_MS);
  log.info({ ms: Date.now() - started }, 'stopped');
  clearTimeout(hard);
  return 0;
}

/** True if `work` settles within `ms`; the work is not cancelled either way. */
async function within(work: Promise<unknown>, ms: number): Promise<boolean> {
  const timer = sleep(ms, false, { ref: false });
  return Promise.race([
    work.then(
      () => true,
      () => true,
    ),
    timer,
  ]);
}

const unfinishedSlots = (running: Running): number =>
  running.digest?.store.isOpen ? running.digest.store.countUnfinishedRuns() : 0;

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof DossierError;
  const reason = error instanceof Error ? error.message : String(error);
  console.error(censor(`dossier: ${known ? reason : `could not start: ${reason}`}`));
  process.exit(1);
});
