import type { Reply } from '../answer/reply.js';
import type { Platform } from '../commands/adapter.js';
import type { Config } from '../config.js';
import type { Dossier } from '../engine/dossier.js';
import type { Logger } from '../log.js';
import type { FigureSource } from './compose.js';
import { corpusFigures } from './figures.js';
import { DigestScheduler, type DeliveryTuning, type DigestPoster } from './scheduler.js';
import { DigestService } from './service.js';
import { recordSightings } from './sightings.js';
import { PgDigestStore } from './pg-store.js';
import { SqliteDigestStore } from './sqlite-store.js';
import type { ButtonStore } from '../commands/buttons.js';
import type { FeedStore } from '../ingest/feeds.js';
import { DossierError } from '../errors.js';
import type { DigestStore, Subscription } from './store.js';

export { DeliveryError, type DeliveryErrorCode } from './delivery.js';
export { oneOffDigest, sinceProblem } from './one-off.js';
export type { FigureSource } from './compose.js';
export type { DigestService } from './service.js';

export interface DigestRuntimeOptions {
  config: Pick<
    Config,
    | 'DATABASE_PATH'
    | 'DATABASE_URL'
    | 'TZ_DEFAULT'
    | 'DIGEST_MANAGE_SLACK'
    | 'DIGEST_MANAGE_DISCORD'
    | 'DIGEST_GRACE_MINUTES'
  >;
  dossier: Dossier;
  /** The adapters this process runs; digests for other platforms are left alone. */
  adapters: Partial<Record<Platform, DigestPoster>>;
  log: Logger;
  /** Where key figures come from (default: the figures module). */
  figures?: FigureSource;
  /** How to tell a subscriber their digest was paused (default: a log line). */
  notifySubscriber?: (sub: Subscription, note: Reply) => Promise<void>;
  /** The delivery protocol's numbers, over DELIVERY_DEFAULTS (the grace window comes from config). */
  delivery?: Partial<DeliveryTuning>;
  /** How often the database file is checked for being deleted or replaced (default 15 s). */
  storeCheckMs?: number;
  /** The clock (tests). */
  now?: () => Date;
}

/**
 * Everything the digest needs at run time, wired together: the store (opened and migrated on
 * construction), the scheduler, the record of when each document was first seen (from the engine's
 * changes: the engine watches the folder) and the service the `digest` command uses.
 * The composition root creates one, passes `service` in each CommandContext, and calls
 * `start()` after the adapters have started; at shutdown `stopScheduling()` while answers drain
 * and `close()` once the platforms have stopped (`stop()` does both at once).
 */
export class DigestRuntime {
  /**
   * The digest's store, which keeps the feeds followed (src/ingest/feeds.ts) and the state behind
   * answers' buttons too: PostgreSQL when DATABASE_URL is set, else the SQLite file at DATABASE_PATH.
   */
  readonly store: DigestStore & FeedStore & ButtonStore;
  /** The database as /healthz names it: the SQLite file, or DATABASE_URL without its password. */
  readonly database: string;
  readonly scheduler: DigestScheduler;
  readonly service: DigestService;
  private readonly now: () => Date;
  private readonly log: Logger;
  private readonly dossier: Dossier;
  private stopSightings?: () => void;
  /** Ends the start's pass over the documents (`recordSightings`) when a shutdown comes first. */
  private sightingsPass?: AbortController;
  private readonly storeCheckMs: number;
  private storeTimer?: ReturnType<typeof setInterval>;
  private reported?: string;
  /** A runtime starts once: its scheduler, once stopped, claims nothing again, and its pass's listener is spent. */
  private state: 'new' | 'started' | 'stopped' = 'new';

  constructor(options: DigestRuntimeOptions) {
    const { config, dossier, log, figures = corpusFigures } = options;
    this.now = options.now ?? (() => new Date());
    this.log = log;
    this.dossier = dossier;
    this.storeCheckMs = options.storeCheckMs ?? 15_000;
    if (config.DATABASE_URL) {
      const store = new PgDigestStore(config.DATABASE_URL);
      this.store = store;
      this.database = store.shownUrl;
    } else {
      this.store = new SqliteDigestStore(config.DATABASE_PATH);
      this.database = config.DATABASE_PATH;
    }
    this.scheduler = new DigestScheduler({
      store: this.store,
      dossier,
      adapters: options.adapters,
      log,
      figures,
      delivery: { ...options.delivery, graceMs: config.DIGEST_GRACE_MINUTES * 60_000 },
      notifySubscriber: options.notifySubscriber,
      now: this.now,
    });
    this.service = new DigestService({
      store: this.store,
      dossier,
      defaultTimeZone: config.TZ_DEFAULT,
      policy: { slack: config.DIGEST_MANAGE_SLACK, discord: config.DIGEST_MANAGE_DISCORD },
      scheduler: this.scheduler,
      figures,
      now: this.now,
    });
  }

  /**
   * Notes the documents the engine holds as seen and follows its changes (a pass that yields to commands between
   * slices), then catches up with any digest due or missed within the grace window, then schedules: a digest composed
   * before the pass was done could miss a document changed while the bot was down.
   *
   * Once only: a second call, or one after `stopScheduling()` (even while this pass ran), throws `closed` rather
   * than leave a runtime half live, its scheduler claiming nothing and no change recorded. A restart is a new runtime.
   */
  async start(): Promise<void> {
    if (this.state !== 'new')
      throw new DossierError(
        'closed',
        this.state === 'started'
          ? 'The digest runtime is already started.'
          : 'The digest runtime was stopped; a restart needs a new one.',
      );
    this.state = 'started';
    this.storeTimer = setInterval(() => this.problem(), this.storeCheckMs);
    this.storeTimer.unref();
    const pass = (this.sightingsPass = new AbortController());
    const stopSightings = await recordSightings(this.dossier, this.store, this.now, {
      signal: pass.signal,
      unkept: (source, error) =>
        this.log.warn({ source, err: String(error) }, "a changed document's paragraphs were not kept for the digest"),
    });
    // Stopped meanwhile: the abort has already stopped the recording, and nothing is left to start.
    if (pass.signal.aborted) return;
    this.stopSightings = stopSightings;
    await this.scheduler.start();
  }

  /**
   * What is wrong with the database (deleted or replaced while running), naming its file, for
   * /healthz; logged once when first found. Undefined when all is well.
   */
  problem(): string | undefined {
    const problem = this.store.isOpen ? this.store.check() : undefined;
    if (problem && problem !== this.reported) {
      this.reported = problem;
      this.log.error({ problem }, 'the digest database cannot be used: digests and subscription changes are stopped');
    }
    return problem;
  }

  /** Stops the scheduler, letting a post in flight finish; the store stays open for `close()`. */
  async stopScheduling(): Promise<void> {
    this.state = 'stopped';
    clearInterval(this.storeTimer);
    this.sightingsPass?.abort();
    this.stopSightings?.();
    this.stopSightings = undefined;
    await this.scheduler.stop();
  }

  /** Closes the store: after `stopScheduling()` and after the platforms have stopped. */
  close(): void {
    this.store.close();
  }

  async stop(): Promise<void> {
    await this.stopScheduling();
    this.close();
  }
}
