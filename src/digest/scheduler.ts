import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import cron, { type RunCoordinator, type ScheduledTask } from 'node-cron';
import type { Reply } from '../answer/reply.js';
import type { Adapter } from '../adapter.js';
import type { Platform } from '../commands/command.js';
import type { SourceDocument } from '../corpus/types.js';
import type { Dossier } from '../dossier.js';
import type { Logger } from '../log.js';
import { composeDigest, type FigureSource } from './compose.js';
import { isPermanent, isTimeout, postWithRetry, type RetryOptions } from './delivery.js';
import { cronExpression, describeDays, slotsBetween } from './slots.js';
import type { DigestStore, Subscription } from './store.js';

export interface SchedulerOptions {
  store: DigestStore;
  dossier: Dossier;
  /** The platforms this process posts to; subscriptions on other platforms are left to other processes. */
  adapters: Partial<Record<Platform, Pick<Adapter, 'post'>>>;
  log: Logger;
  /** A slot missed while the bot was down is still sent this long after its time (default 2 hours). */
  graceMs?: number;
  /** How long a claimed slot is reserved for this process while it composes (default 10 minutes). */
  leaseMs?: number;
  retry?: RetryOptions;
  figures?: FigureSource;
  /**
   * Tells the subscriber their channel's digest was paused. Default: a warning log line naming
   * the subscriber, since adapters offer no direct messages yet.
   */
  notifySubscriber?: (sub: Subscription, note: Reply) => Promise<void>;
  /** Names this process in slot claims; unique per scheduler by default. */
  owner?: string;
}

export interface TickResult {
  sent: number;
  skipped: number;
  failed: number;
}

const HOUR = 3_600_000;
/** How far back a tick looks for missed slots; older ones are beyond any sensible grace window. */
const LOOKBACK_MS = 8 * 24 * HOUR;
/** Catches slots no job fired for: a time skipped by a daylight-saving change, a suspended host. */
const SWEEP = '*/10 * * * *';

/**
 * Sends each subscription's digest exactly once per slot. `tick(now)` does all the work and is
 * what tests drive; in production node-cron calls it, one job per subscription in its own time
 * zone, and once at start-up to catch up. Exactly-once does not rest on node-cron (which keeps
 * nothing across restarts) but on claims in the store, so restarts and several processes sharing
 * one database are safe.
 */
export class DigestScheduler {
  readonly owner: string;
  private readonly graceMs: number;
  private readonly leaseMs: number;
  private readonly running = new Map<number, Promise<void>>();
  private readonly jobs = new Map<number, { key: string; task: ScheduledTask }>();
  private sweep?: ScheduledTask;
  /** Set for good by `stop()`: no new slot is claimed and a failed post is given back instead of retried. */
  private stopping = false;
  private clock: () => Date = () => new Date();

  constructor(private readonly options: SchedulerOptions) {
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.graceMs = options.graceMs ?? 2 * HOUR;
    this.leaseMs = options.leaseMs ?? 10 * 60_000;
  }

  /**
   * Sends every due slot of every active subscription this process serves. Subscriptions run
   * concurrently and independently; one already running here is left alone, so runs never overlap.
   */
  async tick(now: Date): Promise<TickResult> {
    const result: TickResult = { sent: 0, skipped: 0, failed: 0 };
    if (this.stopping) return result;
    const subs = this.options.store
      .subscriptions('active')
      .filter((s) => this.options.adapters[s.platform] && !this.running.has(s.id));
    await Promise.all(
      subs.map((sub) => {
        const run = this.runDue(sub, now, result)
          .catch((err: unknown) => this.options.log.error({ err, subscription: sub.id }, 'digest run failed'))
          .finally(() => this.running.delete(sub.id));
        this.running.set(sub.id, run);
        return run;
      }),
    );
    return result;
  }

  /** Catches up, then schedules one node-cron job per active subscription and a sweep. */
  async start(clock: () => Date = () => new Date()): Promise<void> {
    this.clock = clock;
    await this.tick(clock());
    if (this.stopping) return;
    this.sweep ??= cron.schedule(SWEEP, () => this.fire(), { name: 'digest-sweep', noOverlap: true });
    this.sync();
  }

  /** Brings the node-cron jobs in line with the store after a subscription changes. */
  sync(): void {
    if (!this.sweep) return;
    const active = new Map(
      this.options.store
        .subscriptions('active')
        .filter((s) => this.options.adapters[s.platform])
        .map((s) => [s.id, s]),
    );
    for (const [id, job] of this.jobs) {
      const sub = active.get(id);
      if (!sub || jobKey(sub) !== job.key) {
        void job.task.destroy();
        this.jobs.delete(id);
      }
    }
    for (const sub of active.values()) {
      if (this.jobs.has(sub.id)) continue;
      const task = cron.schedule(cronExpression(sub), () => this.fire(), {
        name: `digest-${sub.id}`,
        timezone: sub.timeZone,
        noOverlap: true,
        distributed: true,
        runCoordinator: this.coordinator,
        distributedLease: this.leaseMs,
      });
      this.jobs.set(sub.id, { key: jobKey(sub), task });
    }
  }

  /**
   * Stops scheduling and resolves when the digests being sent have finished: no slot is claimed
   * from now on, and a post that fails meanwhile is released unsent for the next start rather than
   * retried (see `releaseRun`). The caller bounds the wait; a post still in flight when the process
   * exits stays `posting` and is never re-sent, since the channel may have it.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const { task } of this.jobs.values()) await task.destroy();
    this.jobs.clear();
    await this.sweep?.destroy();
    this.sweep = undefined;
    await Promise.allSettled(this.running.values());
  }

  /** Several processes on one database: only one runs each firing (the slot claims would cope anyway). */
  private readonly coordinator: RunCoordinator = {
    shouldRun: (key, ttlMs) => {
      const now = this.clock();
      return this.options.store.acquireLease(key, this.owner, now, new Date(now.getTime() + ttlMs));
    },
  };

  private async fire(): Promise<void> {
    await this.tick(this.clock());
  }

  private async runDue(sub: Subscription, now: Date, result: TickResult): Promise<void> {
    const { store, log } = this.options;
    const from = new Date(Math.max(Date.parse(sub.createdAt), now.getTime() - LOOKBACK_MS));
    for (const slot of slotsBetween(sub, from, now)) {
      const existing = store.run(sub.id, slot);
      if (existing && existing.state !== 'claimed') {
        if (
          existing.state === 'posting' &&
          Date.parse(existing.leaseUntil) <= now.getTime() &&
          existing.owner !== this.owner
        ) {
          // The process that posted died before recording the outcome: the channel may have it.
          store.markFailed(sub.id, slot, 'outcome unknown after a restart; not sent again to avoid a duplicate');
          log.warn(
            { subscription: sub.id, slot: slot.toISOString() },
            'digest slot interrupted while posting; not re-sent',
          );
        }
        continue;
      }
      if (now.getTime() - slot.getTime() > this.graceMs) {
        if (store.skipRun(sub.id, slot, now, 'missed beyond the grace window')) {
          result.skipped++;
          log.warn(
            { subscription: sub.id, platform: sub.platform, channel: sub.channelId, slot: slot.toISOString() },
            'digest slot missed beyond the grace window; skipped',
          );
        }
        continue;
      }
      if (this.stopping) return;
      if (!store.claimRun(sub.id, slot, this.owner, now, new Date(now.getTime() + this.leaseMs))) continue;
      await this.send(sub, slot, now, result);
    }
  }

  private async send(sub: Subscription, slot: Date, now: Date, result: TickResult): Promise<void> {
    const { store, dossier, log } = this.options;
    const digest = composeDigest({
      dossier,
      topics: sub.topics,
      newDocuments: newDocuments(store, dossier, sub),
      seen: store.sentPassages(sub.platform, sub.channelId),
      figures: this.options.figures,
    });
    store.markPosting(sub.id, slot, this.owner);
    try {
      await postWithRetry((reply) => this.options.adapters[sub.platform]!.post(sub.channelId, reply), digest.reply, {
        ...this.options.retry,
        giveUp: () => this.stopping,
      });
      store.markSent(sub.id, slot, now, digest.passageIds);
      result.sent++;
      log.info(
        {
          subscription: sub.id,
          platform: sub.platform,
          channel: sub.channelId,
          slot: slot.toISOString(),
          passages: digest.passageIds.length,
        },
        'digest sent',
      );
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      if (this.stopping && !isPermanent(err) && !isTimeout(err)) {
        // The platform refused this post, so the channel does not have it: the next start sends it.
        store.releaseRun(sub.id, slot, this.owner, now);
        log.warn(
          { subscription: sub.id, slot: slot.toISOString(), reason },
          'digest not sent before shutdown; left for the next start',
        );
        return;
      }
      result.failed++;
      store.markFailed(sub.id, slot, reason);
      if (!isPermanent(err)) {
        log.error(
          { err, subscription: sub.id, slot: slot.toISOString() },
          'digest could not be delivered after retries',
        );
        return;
      }
      store.pause(sub.id, reason);
      log.warn(
        { subscription: sub.id, platform: sub.platform, channel: sub.channelId, subscriber: sub.subscriberId, reason },
        'digest subscription paused: the channel cannot be posted to',
      );
      await this.notify(sub, reason);
    }
  }

  private async notify(sub: Subscription, reason: string): Promise<void> {
    const note: Reply = {
      title: 'Your Dossier digest is paused',
      status: 'error',
      blocks: [
        {
          type: 'text',
          text: [
            {
              text: `The digest you set up for channel ${sub.channelId} (${sub.topics.join(', ')}, ${describeDays(sub.days)} at ${sub.time} ${sub.timeZone}) is paused: ${reason}. Once the bot can post there again, subscribe again with \`digest subscribe\`.`,
            },
          ],
        },
      ],
      attachments: [],
      more: 0,
      error: { code: 'digest-paused', message: reason },
    };
    if (!this.options.notifySubscriber) {
      this.options.log.warn(
        { subscriber: sub.subscriberId, platform: sub.platform, subscription: sub.id },
        'subscriber not notified of the pause: no direct-message channel is configured',
      );
      return;
    }
    await this.options
      .notifySubscriber(sub, note)
      .catch((err: unknown) =>
        this.options.log.warn({ err, subscriber: sub.subscriberId }, 'could not notify the subscriber of the pause'),
      );
  }
}

const jobKey = (sub: Subscription) => `${cronExpression(sub)}|${sub.timeZone}`;

/** Documents first seen since the channel's last digest (or since it subscribed) that are still in the corpus. */
export function newDocuments(store: DigestStore, dossier: Dossier, sub: Subscription): SourceDocument[] {
  const since = store.lastSentAt(sub.id) ?? new Date(sub.createdAt);
  return store.seenSince(since).flatMap((source) => dossier.document(source) ?? []);
}
