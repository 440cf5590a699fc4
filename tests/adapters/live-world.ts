import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { botContext, type BotContext } from '../../adapters/bot.js';
import { DigestRuntime, type DigestRuntimeOptions } from '../../src/digest/index.js';
import { Ingest, SafeFetcher } from '../../src/ingest/index.js';
import { silentLogger } from '../../src/log.js';
import { WebFixture } from '../ingest/web-fixture.js';
import { note, openCorpus } from '../support/corpus.js';

/**
 * What the Slack and Discord live stories run in: a web server of pages and files to add, a one-note corpus, a
 * digest runtime over its own database, and the bot the adapter under test is given. Each story's steps set `now`.
 * `start` builds all but the adapter; the story registers its adapter in `adapters`, starts it, then `startDigests`.
 */
export class LiveWorld {
  readonly web = new WebFixture();
  /** The bot's clock: set by each step of the story. */
  now = new Date('2026-11-23T07:00:00Z');
  /** The adapters the digest runtime posts through: the story adds its own. */
  readonly adapters: DigestRuntimeOptions['adapters'] = {};
  corpus!: Awaited<ReturnType<typeof openCorpus>>;
  runtime!: DigestRuntime;
  bot!: BotContext;
  private fetcher?: SafeFetcher;
  private dataDir?: string;

  async start(config: Partial<DigestRuntimeOptions['config']> = {}): Promise<void> {
    await this.web.start();
    const log = silentLogger();
    const clock = () => this.now;
    this.corpus = await openCorpus(
      { 'tides.md': note('Tide tables', 'High water at the quay was at 06:12 on Monday.') },
      { log },
    );
    this.dataDir = await mkdtemp(join(tmpdir(), 'dossier-live-db-'));
    const { dossier } = this.corpus;
    this.runtime = new DigestRuntime({
      config: {
        DATABASE_PATH: join(this.dataDir, 'dossier.db'),
        TZ_DEFAULT: 'UTC',
        DIGEST_MANAGE_SLACK: 'anyone',
        DIGEST_MANAGE_DISCORD: 'anyone',
        DIGEST_GRACE_MINUTES: 120,
        ...config,
      },
      dossier,
      adapters: this.adapters,
      log,
      now: clock,
    });
    this.fetcher = new SafeFetcher({ allowPrivate: ['127.0.0.1'] });
    const ingest = new Ingest({ dossier, fetcher: this.fetcher, log, now: clock });
    this.bot = botContext({ dossier, log, now: clock, digest: this.runtime.service, ingest });
  }

  /** As in production: the digest records each document the engine adds, whoever added it. */
  startDigests(): Promise<void> {
    return this.runtime.start();
  }

  /** Stops all `start` built (after the story stopped its adapter), whatever part of it was built. */
  async stop(): Promise<void> {
    await this.runtime?.stop();
    await this.fetcher?.close();
    await this.web.stop();
    await this.corpus?.cleanup();
    if (this.dataDir) await rm(this.dataDir, { recursive: true, force: true });
  }
}
