import type { Reply } from '../answer/reply.js';
import type { Adapter } from '../adapter.js';
import type { Platform } from '../commands/command.js';
import type { Config } from '../config.js';
import type { Dossier } from '../dossier.js';
import type { Logger } from '../log.js';
import type { FigureSource } from './compose.js';
import { corpusFigures } from './figures.js';
import { DigestScheduler } from './scheduler.js';
import { DigestService } from './service.js';
import { SqliteDigestStore } from './sqlite-store.js';
import type { DigestStore, Subscription } from './store.js';
import { CorpusWatcher } from './watch.js';

export { DeliveryError, type DeliveryErrorCode } from './delivery.js';
export type { FigureSource } from './compose.js';
export type { DigestService } from './service.js';

export interface DigestRuntimeOptions {
  config: Pick<
    Config,
    'DATABASE_PATH' | 'TZ_DEFAULT' | 'DIGEST_MANAGE_SLACK' | 'DIGEST_MANAGE_DISCORD' | 'DIGEST_GRACE_MINUTES'
  >;
  dossier: Dossier;
  /** The adapters this process runs; digests for other platforms are left alone. */
  adapters: Partial<Record<Platform, Pick<Adapter, 'post'>>>;
  log: Logger;
  /** Where key figures come from (default: the figures module). */
  figures?: FigureSource;
  /** How to tell a subscriber their digest was paused (default: a log line). */
  notifySubscriber?: (sub: Subscription, note: Reply) => Promise<void>;
  /** Watch the corpus folder for changes (default true). */
  watchCorpus?: boolean;
  /** The clock (tests). */
  now?: () => Date;
}

/**
 * Everything the digest needs at run time, wired together: the store (opened and migrated on
 * construction), the scheduler, the corpus watcher and the service the `digest` command uses.
 * The composition root creates one, passes `service` in each CommandContext, and calls
 * `start()` after the adapters have started; at shutdown `stopScheduling()` while answers drain
 * and `close()` once the platforms have stopped (`stop()` does both at once).
 */
export class DigestRuntime {
  readonly store: DigestStore;
  readonly scheduler: DigestScheduler;
  readonly watcher?: CorpusWatcher;
  readonly service: DigestService;
  private readonly now: () => Date;

  constructor(options: DigestRuntimeOptions) {
    const { config, dossier, log, figures = corpusFigures } = options;
    this.now = options.now ?? (() => new Date());
    this.store = new SqliteDigestStore(config.DATABASE_PATH);
    this.scheduler = new DigestScheduler({
      store: this.store,
      dossier,
      adapters: options.adapters,
      log,
      figures,
      graceMs: config.DIGEST_GRACE_MINUTES * 60_000,
      notifySubscriber: options.notifySubscriber,
    });
    if (options.watchCorpus ?? true)
      this.watcher = new CorpusWatcher({ dossier, store: this.store, log, now: this.now });
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

  /** Catches up with the corpus folder, then with any digest due or missed within the grace window, then schedules. */
  async start(): Promise<void> {
    await this.watcher?.start();
    await this.scheduler.start(this.now);
  }

  /** Stops the watcher and the scheduler, letting a post in flight finish; the store stays open for `close()`. */
  async stopScheduling(): Promise<void> {
    this.watcher?.stop();
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
