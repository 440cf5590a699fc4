import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import cron, { type Logger as CronLogger, type ScheduledTask } from 'node-cron';
import { count, replyOf, type Reply } from '../answer/reply.js';
import type { Adapter, Platform } from '../commands/adapter.js';
import type { Asking } from '../commands/asking.js';
import { commandsAsAsked } from '../commands/index.js';
import type { SourceDocument } from '../corpus/types.js';
import { CONFIG_DEFAULTS } from '../config.js';
import type { Dossier } from '../engine/dossier.js';
import { typed } from '../errors.js';
import type { Logger } from '../log.js';
import {
  composeDigest,
  owedDocuments,
  TopicRankings,
  turnOf,
  type CorpusChanges,
  type Digest,
  type FigureSource,
} from './compose.js';
import { asDeliveryError, DeliveryError } from './delivery.js';
import { describeDays, nextSlot, slotsBetween } from '../schedule.js';
import { NOTHING_NEW, type DigestRun, type DigestStore, type PostingMark, type Subscription } from './store.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Every number the delivery protocol runs by, in one place; each can be overridden through
 * `SchedulerOptions.delivery`. README's "Morning digests" documents the ones operators meet.
 */
export const DELIVERY_DEFAULTS = {
  /**
   * Digests composed and posted at once, per platform: enough to hide a platform's
   * latency, few enough that each post's time limit counts only that post.
   */
  concurrency: 8,
  /** A slot missed while the bot was down is still sent this long after its time. */
  graceMs: CONFIG_DEFAULTS.DIGEST_GRACE_MINUTES * MINUTE,
  /**
   * How long a slot being composed or posted stays reserved for its process;
   * a crashed process's slots are taken up after it. Every step renews it.
   */
  leaseMs: 2 * MINUTE,
  /** Longest one post (or one look for a post) may take; past it the outcome is unknown. */
  postTimeoutMs: 30_000,
  /** Posts tried per slot, the first included, when the platform refuses or cannot be reached. */
  attempts: 3,
  /** Wait before the second of those attempts; each later wait doubles. */
  backoffMs: 2000,
  /** Longest a slot waits on the platform's Retry-After, in all; a longer wait fails the slot with a log line. */
  retryAfterMaxMs: 5 * MINUTE,
  /**
   * After an unknown outcome, how long to leave the platform before looking
   * for the post (a slow request may still land); later looks back off.
   */
  checkDelayMs: 15_000,
  /**
   * A post is looked for from this long before its first attempt (`Adapter.findPost`'s `since`), since the platform's
   * clock, which stamps the post, may be behind this host's.
   */
  clockSkewMs: 60_000,
  /** At shutdown, how long posts in flight may still take before their outcome is recorded unknown. */
  drainMs: 5000,
};
export type DeliveryTuning = typeof DELIVERY_DEFAULTS;

/**
 * What the digest needs of an adapter: to post, where the platform allows to look for a post, what one post holds, and
 * what a command is typed after there, so that a post names a command as it is asked for there (`commandsAsAsked`).
 */
export type DigestPoster = Pick<Adapter, 'post' | 'findPost' | 'fits' | 'slashCommand'>;

export interface SchedulerOptions {
  store: DigestStore;
  dossier: Dossier;
  /** The platforms this process posts to; subscriptions on other platforms are left to other processes. */
  adapters: Partial<Record<Platform, DigestPoster>>;
  log: Logger;
  delivery?: Partial<DeliveryTuning>;
  figures?: FigureSource;
  /**
   * Tells the subscriber their channel's digest was paused. Default: a warning log line naming
   * the subscriber, since adapters offer no direct messages yet.
   */
  notifySubscriber?: (sub: Subscription, note: Reply) => Promise<void>;
  /** Names this process in slot claims; unique per scheduler by default. */
  owner?: string;
  /** The clock (default: the system's). */
  now?: () => Date;
  /** Waits out backoffs and Retry-After; resolves early when `signal` aborts (tests pass one that does not wait). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** Outcomes counted by `tick`. */
export interface TickResult {
  sent: number;
  skipped: number;
  failed: number;
  /** Left `unknown`, to be looked for in the channel later, or recorded `unconfirmed`. */
  unknown: number;
}

/** How far back the scheduler looks for missed slots; older ones are beyond any sensible grace window. */
const LOOKBACK_MS = 8 * 24 * HOUR;
/** Longest wait between two looks for a post whose outcome is unknown. */
const MAX_CHECK_INTERVAL_MS = 10 * MINUTE;
/** Subscriptions read and looked at between two turns of the event loop during a pass. */
const PASS_PAGE = 200;

/** Where the scheduler stands with one subscription: slots up to `after` are accounted for. */
interface Cursor {
  key: string;
  after: number;
  /** The first slot after `after`, once computed. */
  next?: number;
}

/** One platform's digests: waiting subscriptions (each with its due slots) and those being served. */
interface Lane {
  platform: Platform;
  waiting: Map<number, Set<number>>;
  order: number[];
  active: Set<number>;
  /** The platform asked everyone to wait until then (Retry-After). */
  pausedUntil: number;
}

type Outcome = 'done' | 'unknown' | 'left';

/** Why a slot no run was made for is skipped: the note its run keeps, and how the line of all those missed says it. */
const MISSED = {
  superseded: { note: 'missed, and a later slot is due too', counted: 'a later slot was due too' },
  late: { note: 'missed beyond the grace window', counted: 'beyond the grace window' },
};
/** The note a paused subscription's slot keeps: one nobody expects, so no missed digest (`tallyMissed`). */
const PAUSED_NOTE = 'the subscription is paused';
/**
 * The note of a slot on a day an earlier slot served (`DigestStore.latestServedSlot`): its digest posted, or the
 * morning found nothing new.
 */
const SERVED_NOTE = 'an earlier slot served the channel that day';

/** Slots missed and skipped since the last line saying so (see `sayMissed`), by why. */
interface Missed {
  slots: number;
  channels: Set<string>;
  earliest: number;
  latest: number;
  why: Map<string, number>;
}

interface MarkBatch {
  marks: PostingMark[];
  settle: { resolve: (held: boolean) => void; reject: (error: unknown) => void }[];
  now: Date;
  scheduled: boolean;
}

const interruptedError = () =>
  new DeliveryError('interrupted', 'Dossier stopped before the platform confirmed the post');

const defaultSleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

/**
 * Sends each subscription's digest once per slot, through a delivery protocol recorded step by
 * step in the store (see `DigestRun`): claim the slot, compose the digest, mark it `posting` with
 * the passages it quotes, post, and record `sent`. An outcome the platform did not confirm is
 * recorded `unknown` and, before anything is posted again, looked for in the channel
 * (`Adapter.findPost`); where the platform cannot be asked, it is recorded `unconfirmed` and never
 * posted again. Slots are served a few at a time per platform (`concurrency`), one subscription
 * at a time, and one slot at a time per subscription.
 *
 * Exactly-once does not rest on node-cron (which keeps nothing across restarts) but on the store:
 * restarts and several processes sharing one database are safe. A pass (`tick(now)` in tests; once
 * a minute and at start-up in production) finds due slots and runs left behind, and queues them.
 */
export class DigestScheduler {
  readonly owner: string;
  private readonly tuning: DeliveryTuning;
  private readonly now: () => Date;
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  private readonly rankings: TopicRankings;
  private readonly cursors = new Map<number, Cursor>();
  private readonly lanes = new Map<Platform, Lane>();
  private readonly jobs = new Set<Promise<void>>();
  private readonly counts: TickResult = { sent: 0, skipped: 0, failed: 0, unknown: 0 };
  private missed?: Missed;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  /** The last turn of the event loop taken (see `ownTurn`). */
  private turns = Promise.resolve();
  /** Digests waiting for their turn or being composed. */
  private composing = 0;
  /** Posting marks waiting for this turn of the event loop to end (see `markPosting`). */
  private marks?: MarkBatch;
  private task?: ScheduledTask;
  private passing?: Promise<void>;
  private idle: (() => void)[] = [];
  /** Set for good by `stop()`: nothing new is claimed, and waits end at once. */
  private stopping = false;
  private readonly stopSignal = new AbortController();
  /** Aborted `drainMs` after `stop()`: posts still in flight are then recorded unknown. */
  private readonly interrupt = new AbortController();

  constructor(private readonly options: SchedulerOptions) {
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.tuning = { ...DELIVERY_DEFAULTS, ...options.delivery };
    this.now = options.now ?? (() => new Date());
    this.sleep = options.sleep ?? defaultSleep;
    this.rankings = new TopicRankings(options.dossier, options.figures);
  }

  /**
   * One pass, then waits until every digest it queued has been dealt with, and returns what
   * became of them. What tests drive, with the clock stopped at `now` if given; production passes
   * do not wait.
   */
  async tick(now?: Date): Promise<TickResult> {
    const before = { ...this.counts };
    await this.pass(now ? () => now : this.now);
    await this.settled();
    return {
      sent: this.counts.sent - before.sent,
      skipped: this.counts.skipped - before.skipped,
      failed: this.counts.failed - before.failed,
      unknown: this.counts.unknown - before.unknown,
    };
  }

  /** A pass now (catching up with anything missed or left behind), then one at the start of every minute. */
  async start(): Promise<void> {
    this.task ??= cron.schedule('* * * * *', () => this.pass(this.now), {
      name: 'digest-pass',
      noOverlap: true,
      logger: cronLogger(this.options.log),
    });
    this.takeUpLeftovers();
    await this.pass(this.now);
  }

  /**
   * What an earlier process left: slots a crashed process on this host had claimed but not begun
   * to post are sent now rather than when its lease runs out (only `claimed` ones: whoever holds a
   * claim can post only by first marking it `posting`, which fails once the claim has moved, so
   * taking one over is always safe); posts recorded unknown at its shutdown are looked for as soon
   * as their time comes, not at the next minute.
   */
  private takeUpLeftovers(): void {
    const { store } = this.options;
    const now = this.now();
    for (const run of store.unfinishedRuns()) {
      if (run.state === 'claimed' && run.owner !== this.owner && ownerIsDead(run.owner))
        store.releaseRun(run.subscriptionId, new Date(run.slot), run.owner, now);
      if (run.state === 'unknown') this.passAt(Date.parse(run.leaseUntil) - now.getTime());
    }
  }

  /** A pass in `ms` (once started: passes driven by `tick` set no timers). */
  private passAt(ms: number): void {
    if (!this.task || this.stopping || ms <= 0) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.pass(this.now);
    }, ms);
    timer.unref();
    this.timers.add(timer);
  }

  /** Takes note of a subscription that changed (subscribed, re-scheduled, unsubscribed): a pass soon. */
  sync(): void {
    if (this.task && !this.stopping) void this.pass(this.now);
  }

  /**
   * Stops: no slot is claimed from now on, waits on backoff or Retry-After end and give their slot
   * back unsent, and posts in flight get `drainMs` to finish; after that their outcome is recorded
   * `unknown`, to be looked for in the channel after the next start. Resolves once nothing is in flight.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.task?.destroy();
    this.task = undefined;
    for (const timer of this.timers) clearTimeout(timer);
    this.stopSignal.abort();
    const drain = setTimeout(() => this.interrupt.abort(), this.tuning.drainMs);
    await this.passing;
    await Promise.allSettled(this.jobs);
    clearTimeout(drain);
    this.sayMissed();
    for (const wake of this.idle.splice(0)) wake();
  }

  private pass(now: () => Date): Promise<void> {
    this.passing ??= this.findDue(now).finally(() => (this.passing = undefined));
    return this.passing;
  }

  /** Queues each subscription's due slots and every run left behind whose time has come. */
  private async findDue(clock: () => Date): Promise<void> {
    const { store } = this.options;
    // A database that cannot be written is reported by whoever watches it (DigestRuntime).
    if (this.stopping || store.check()) return;
    // Digests due for over a minute (thousands, or a platform slow to answer) say what they skipped so far.
    this.sayMissed();
    const now = clock().getTime();
    const latest = this.cursors.size === 0 ? store.latestSlots() : undefined;
    // Runs left behind come first, so that a channel's slots are served in order in one job.
    const due = new Map<number, { sub: Subscription; slots: number[] }>();
    for (const run of store.pendingRuns(new Date(now))) {
      const sub = store.subscriptionById(run.subscriptionId);
      if (!sub || !this.options.adapters[sub.platform]) continue;
      const entry = due.get(sub.id) ?? { sub, slots: [] };
      entry.slots.push(Date.parse(run.slot));
      due.set(sub.id, entry);
    }
    const seen = new Set<number>();
    for (let afterId = 0; ;) {
      const page = store.subscriptions('active', { afterId, limit: PASS_PAGE });
      if (!page.length) break;
      afterId = page.at(-1)!.id;
      for (const sub of page) {
        seen.add(sub.id);
        if (!this.options.adapters[sub.platform]) continue;
        const slots = this.dueSlots(sub, this.cursor(sub, now, latest?.get(sub.id)?.getTime()), now);
        const entry = due.get(sub.id);
        if (entry) entry.slots.push(...slots);
        else if (slots.length) this.enqueue(sub, slots, clock);
      }
      await new Promise((resolve) => setImmediate(resolve));
      if (this.stopping) return;
    }
    for (const id of this.cursors.keys()) if (!seen.has(id)) this.cursors.delete(id);
    for (const { sub, slots } of due.values()) this.enqueue(sub, slots, clock);
  }

  /**
   * The slots of `sub` from its cursor to `now`. One whose schedule cannot be worked out (a time zone checked when it
   * was subscribed, which this Node no longer knows after an upgrade, or another instance's Node never knew) is named
   * once in the log and left until it is subscribed again, rather than failing the pass, and with it every other
   * channel's digest, minute after minute.
   */
  private dueSlots(sub: Subscription, cursor: Cursor, now: number): number[] {
    try {
      cursor.next ??= nextSlot(sub, new Date(cursor.after))?.getTime() ?? Number.POSITIVE_INFINITY;
      if (cursor.next > now) return [];
      return slotsBetween(sub, new Date(cursor.after), new Date(now)).map((d) => d.getTime());
    } catch (error) {
      cursor.next = Number.POSITIVE_INFINITY;
      this.options.log.warn(
        { subscription: sub.id, platform: sub.platform, channel: sub.channelId, timeZone: sub.timeZone },
        `The digest of channel ${sub.channelId} cannot be scheduled ` +
          `(${error instanceof Error ? error.message : String(error)}): it is left out until subscribed again.`,
      );
      return [];
    }
  }

  private cursor(sub: Subscription, now: number, latest: number | undefined): Cursor {
    const key = `${sub.time}|${sub.days.join(',')}|${sub.timeZone}|${sub.scheduleFrom}`;
    const existing = this.cursors.get(sub.id);
    if (existing?.key === key) return existing;
    const floor = Math.max(Date.parse(sub.scheduleFrom), now - LOOKBACK_MS);
    const cursor = { key, after: Math.max(floor, latest ?? floor, existing?.after ?? floor) };
    this.cursors.set(sub.id, cursor);
    return cursor;
  }

  /** Slots up to `slot` have a run in the store: the next pass starts after it. */
  private accounted(subscriptionId: number, slot: number): void {
    const cursor = this.cursors.get(subscriptionId);
    if (!cursor || slot <= cursor.after) return;
    cursor.after = slot;
    cursor.next = undefined;
  }

  private lane(platform: Platform): Lane {
    let lane = this.lanes.get(platform);
    if (!lane) {
      lane = { platform, waiting: new Map(), order: [], active: new Set(), pausedUntil: 0 };
      this.lanes.set(platform, lane);
    }
    return lane;
  }

  private enqueue(sub: Subscription, slots: number[], clock: () => Date): void {
    const lane = this.lane(sub.platform);
    const waiting = lane.waiting.get(sub.id);
    if (waiting) for (const slot of slots) waiting.add(slot);
    else {
      lane.waiting.set(sub.id, new Set(slots));
      // A subscription being served is queued again when its job ends (see `pump`).
      if (!lane.active.has(sub.id)) lane.order.push(sub.id);
    }
    this.pump(lane, clock);
  }

  /** Starts jobs while the lane has room: one per subscription, `concurrency` at once. */
  private pump(lane: Lane, clock: () => Date): void {
    while (!this.stopping && lane.active.size < this.tuning.concurrency && lane.order.length) {
      const id = lane.order.shift()!;
      const slots = lane.waiting.get(id);
      lane.waiting.delete(id);
      if (!slots) continue;
      lane.active.add(id);
      const job = this.serve(
        id,
        [...slots].sort((a, b) => a - b),
        clock,
      )
        .catch((err: unknown) => this.options.log.error({ err, subscription: id }, 'digest job failed'))
        .finally(() => {
          lane.active.delete(id);
          this.jobs.delete(job);
          if (lane.waiting.has(id)) lane.order.push(id);
          this.pump(lane, clock);
          if (this.jobs.size > 0) return;
          this.sayMissed();
          for (const wake of this.idle.splice(0)) wake();
        });
      this.jobs.add(job);
    }
  }

  /** Resolves when no job is running (or the scheduler has stopped). */
  private settled(): Promise<void> {
    if (this.jobs.size === 0 || this.stopping) return Promise.all(this.jobs).then(() => undefined);
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /** One subscription's due slots, oldest first; stops at a slot whose outcome is left to a later check. */
  private async serve(subscriptionId: number, slots: number[], clock: () => Date): Promise<void> {
    for (const slot of slots) {
      if (this.stopping || this.options.store.check()) return;
      const sub = this.options.store.subscriptionById(subscriptionId);
      if (!sub) return;
      if ((await this.deliver(sub, new Date(slot), clock)) !== 'done') return;
    }
  }

  private async deliver(sub: Subscription, slot: Date, clock: () => Date): Promise<Outcome> {
    const { store, log } = this.options;
    const now = clock();
    const where = { subscription: sub.id, platform: sub.platform, channel: sub.channelId, slot: slot.toISOString() };
    const late = now.getTime() - slot.getTime() > this.tuning.graceMs;
    const existing = store.run(sub.id, slot);
    if (!existing) {
      // Slots missed while the bot was down are caught up once, with the latest: two within the grace window (a long
      // DIGEST_GRACE_MINUTES over a day that daylight saving shortens) would be posted back to back.
      const later = nextSlot(sub, slot);
      const superseded = !late && later !== undefined && later.getTime() <= now.getTime();
      // A paused subscription's slot is skipped first, late or not: the channel asked for no digest, so none was
      // missed, and the line of missed digests (which an operator reads as an outage's cost) leaves it out.
      if (sub.state !== 'active') {
        if (store.skipRun(sub.id, slot, this.owner, now, PAUSED_NOTE)) {
          this.counts.skipped++;
          log.debug(where, `digest slot skipped: ${PAUSED_NOTE}`);
        }
        this.accounted(sub.id, slot.getTime());
        return 'done';
      }
      if (late || superseded) {
        const why = MISSED[superseded ? 'superseded' : 'late'];
        if (store.skipRun(sub.id, slot, this.owner, now, why.note)) {
          this.counts.skipped++;
          log.debug(where, `digest slot ${why.note}; skipped`);
          this.tallyMissed(sub, slot, why.counted);
        }
        this.accounted(sub.id, slot.getTime());
        return 'done';
      }
      const served = store.latestServedSlot(sub.id);
      if (served && sameLocalDay(served, slot, sub.timeZone)) {
        if (store.skipRun(sub.id, slot, this.owner, now, SERVED_NOTE)) {
          this.counts.skipped++;
          log.info({ ...where, served: served.toISOString() }, `digest slot skipped: ${SERVED_NOTE}`);
        }
        this.accounted(sub.id, slot.getTime());
        return 'done';
      }
    }
    const run = store.claimRun(sub.id, slot, this.owner, now, this.leaseFrom(now));
    if (!run) {
      // Someone else has it, it is finished, or an earlier slot of this channel is not settled yet.
      if (store.run(sub.id, slot)) this.accounted(sub.id, slot.getTime());
      return existing || store.run(sub.id, slot) ? 'done' : 'left';
    }
    this.accounted(sub.id, slot.getTime());
    if (run.state === 'unknown') return this.check(sub, slot, run, clock);
    if (late || sub.state !== 'active') {
      store.skipRun(sub.id, slot, this.owner, now, 'claimed but not sent within the grace window');
      this.counts.skipped++;
      log.warn(where, 'digest slot claimed but not sent within the grace window; skipped');
      return 'done';
    }
    return this.post(sub, slot, run.attempts, clock);
  }

  private tallyMissed(sub: Subscription, slot: Date, why: string): void {
    const time = slot.getTime();
    const missed = (this.missed ??= { slots: 0, channels: new Set(), earliest: time, latest: time, why: new Map() });
    missed.slots++;
    missed.channels.add(`${sub.platform}:${sub.channelId}`);
    missed.earliest = Math.min(missed.earliest, time);
    missed.latest = Math.max(missed.latest, time);
    missed.why.set(why, (missed.why.get(why) ?? 0) + 1);
  }

  /**
   * One line for the slots missed and skipped since the last (each slot's own line is at debug level): once the
   * digests due are dealt with, and at stop. A line per slot would be one per channel per day of an outage: thousands
   * for a week down with a thousand channels.
   */
  private sayMissed(): void {
    const missed = this.missed;
    if (!missed) return;
    this.missed = undefined;
    const [from, to] = [missed.earliest, missed.latest].map((t) => new Date(t).toISOString());
    const why = [...missed.why].map(([reason, n]) => `${reason}: ${n}`).join('; ');
    this.options.log.warn(
      { skipped: missed.slots, channels: missed.channels.size, from, to },
      `${count(missed.slots, 'digest slot')} of ${count(missed.channels.size, 'channel')} missed, due from ${from} ` +
        `to ${to}, skipped (${why})`,
    );
  }

  /** Composes the digest and posts it, until it is sent, refused for good, or its outcome is unknown. */
  private async post(sub: Subscription, slot: Date, attemptsSoFar: number, clock: () => Date): Promise<Outcome> {
    const { store, dossier, log } = this.options;
    const adapter = this.options.adapters[sub.platform]!;
    const lane = this.lane(sub.platform);
    const where = { subscription: sub.id, platform: sub.platform, channel: sub.channelId, slot: slot.toISOString() };
    let attempts = attemptsSoFar;
    let refusals = 0;
    let waitedMs = 0;
    for (;;) {
      const pause = lane.pausedUntil - clock().getTime();
      if (pause > 0 && !this.stopping) await this.sleep(pause, this.stopSignal.signal);
      let digest: Digest;
      this.composing++;
      try {
        await this.ownTurn();
        if (this.stopping) return this.leave(sub, slot, clock());
        const asking = this.askingOf(sub);
        const fits = adapter.fits?.bind(adapter);
        const seen = store.sentItems(sub.platform, sub.channelId);
        digest = composeDigest({
          dossier,
          topics: sub.topics,
          ...corpusNews(store, dossier, sub, seen),
          seen,
          figures: this.options.figures,
          rankings: this.rankings,
          turn: turnOf(slot),
          // Measured as it is posted: the commands it names as the platform asks for them.
          ...(fits ? { fits: (reply: Reply) => fits(commandsAsAsked(reply, asking)) } : {}),
        });
      } finally {
        this.composing--;
        this.flushMarksWhenComposed();
      }
      if (digest.reply.status === 'empty') {
        // Nothing the channel has not been told: a post saying so every quiet morning would teach it to skim the bot
        // (and mute it), so none is posted; `digest list` gives the next slot and `digest preview` shows why.
        store.skipRun(sub.id, slot, this.owner, clock(), NOTHING_NEW);
        this.counts.skipped++;
        log.info(where, `${NOTHING_NEW}; no digest posted`);
        return 'done';
      }
      const startedAt = clock();
      const mark = { subscriptionId: sub.id, slot, owner: this.owner, shownIds: digest.shownIds };
      if (!(await this.markPosting({ ...mark, leaseUntil: this.leaseFrom(startedAt) }, startedAt)))
        return this.lost(sub, slot);
      if (this.stopping) return this.leave(sub, slot, clock());
      attempts++;
      let error: DeliveryError | undefined;
      try {
        const reply = commandsAsAsked(digest.reply, this.askingOf(sub));
        await this.bounded(adapter.post(sub.channelId, reply, { key: slotKey(sub, slot) }));
      } catch (err) {
        error = asDeliveryError(err);
      }
      const now = clock();
      if (!error) {
        if (!store.markSent(sub.id, slot, this.owner, now)) return this.lost(sub, slot);
        this.counts.sent++;
        log.info({ ...where, passages: digest.shownIds.length, attempts }, 'digest sent');
        return 'done';
      }
      if (error.mayHavePosted) return this.unknown(sub, slot, error, now);
      if (error.permanent) return this.pauseSubscription(sub, slot, error);
      if (error.code === 'rate-limited') {
        const wait = error.retryAfterMs ?? this.tuning.backoffMs;
        waitedMs += wait;
        if (waitedMs > this.tuning.retryAfterMaxMs) {
          return this.fail(
            sub,
            slot,
            `the platform asked to wait ${Math.ceil(wait / 1000)} s more (Retry-After), beyond the ` +
              `${this.tuning.retryAfterMaxMs / 1000} s a digest waits`,
          );
        }
        lane.pausedUntil = Math.max(lane.pausedUntil, now.getTime() + wait);
        store.releaseRun(sub.id, slot, this.owner, this.leaseFrom(now, wait));
        log.warn({ ...where, retryAfterMs: wait }, `digest rate-limited: waiting ${Math.ceil(wait / 1000)} s as asked`);
        continue;
      }
      if (error.code === 'rejected' || ++refusals >= this.tuning.attempts)
        return this.fail(sub, slot, `${error.message} (after ${count(attempts, 'attempt')})`);
      const backoff = this.tuning.backoffMs * 2 ** (refusals - 1);
      store.releaseRun(sub.id, slot, this.owner, this.leaseFrom(now, backoff));
      await this.sleep(backoff, this.stopSignal.signal);
    }
  }

  /**
   * A post whose outcome is unknown: looks for it in the channel. Found, the slot is sent; not
   * found, it is posted again; when the platform cannot tell, it is `unconfirmed` and never re-posted.
   */
  private async check(sub: Subscription, slot: Date, run: DigestRun, clock: () => Date): Promise<Outcome> {
    const { store, log } = this.options;
    const adapter = this.options.adapters[sub.platform]!;
    const where = { subscription: sub.id, platform: sub.platform, channel: sub.channelId, slot: slot.toISOString() };
    const now = clock();
    const late = now.getTime() - slot.getTime() > this.tuning.graceMs;
    if (!adapter.findPost)
      return this.unconfirmed(
        sub,
        slot,
        now,
        `${run.note ?? 'the outcome is unknown'}; ${sub.platform} cannot be asked`,
      );
    let found: boolean;
    try {
      const since = new Date(Date.parse(run.postingAt ?? slot.toISOString()) - this.tuning.clockSkewMs);
      found = await this.bounded(adapter.findPost(sub.channelId, slotKey(sub, slot), since));
    } catch (err) {
      const error = asDeliveryError(err);
      if (error.code === 'cannot-check' || error.permanent || late || this.stopping)
        return this.unconfirmed(sub, slot, clock(), `could not look for it in the channel: ${error.message}`);
      // Looks again after as long as it has been since the post, within bounds: soon after a
      // short outage, every few minutes during a long one.
      const postedAt = run.postingAt ? Date.parse(run.postingAt) : slot.getTime();
      const delay = Math.min(Math.max(this.tuning.checkDelayMs, now.getTime() - postedAt), MAX_CHECK_INTERVAL_MS);
      return this.unknown(sub, slot, error, clock(), delay);
    }
    if (found) {
      if (!store.markSent(sub.id, slot, this.owner, clock())) return this.lost(sub, slot);
      this.counts.sent++;
      log.info({ ...where, passages: run.shownIds.length }, 'digest found in the channel after an unconfirmed post');
      return 'done';
    }
    if (late) {
      store.skipRun(sub.id, slot, this.owner, now, 'not found in the channel, and too late to post again');
      this.counts.skipped++;
      log.warn(where, 'digest not found in the channel and the grace window is over; skipped');
      return 'done';
    }
    if (run.attempts >= this.tuning.attempts)
      return this.fail(sub, slot, `not found in the channel after ${run.attempts} unconfirmed posts`);
    log.info({ ...where, attempts: run.attempts }, 'digest not found in the channel; posting it again');
    return this.post(sub, slot, run.attempts, clock);
  }

  /**
   * Resolves in a turn of the event loop of its own, after those of earlier callers: digests are
   * composed one per turn, so requests (commands, /healthz) are read between any two of them.
   */
  private ownTurn(): Promise<void> {
    this.turns = this.turns.then(() => new Promise<void>((resolve) => setImmediate(resolve)));
    return this.turns;
  }

  /**
   * Marks a run `posting`, together with the other digests composed meanwhile: the marks are written
   * once no digest is being composed, in one transaction, so one wait for the disk serves them all.
   */
  private markPosting(mark: PostingMark, now: Date): Promise<boolean> {
    this.marks ??= { marks: [], settle: [], now, scheduled: false };
    const batch = this.marks;
    batch.marks.push(mark);
    const held = new Promise<boolean>((resolve, reject) => batch.settle.push({ resolve, reject }));
    this.flushMarksWhenComposed();
    return held;
  }

  private flushMarksWhenComposed(): void {
    const batch = this.marks;
    if (!batch || batch.scheduled || this.composing > 0) return;
    batch.scheduled = true;
    setImmediate(() => {
      this.marks = undefined;
      try {
        const held = this.options.store.markPosting(batch.marks, batch.now);
        batch.settle.forEach(({ resolve }, i) => resolve(held[i]!));
      } catch (error) {
        for (const { reject } of batch.settle) reject(error);
      }
    });
  }

  /** Bounds a call to the platform by `postTimeoutMs`, and by the drain at shutdown. */
  private bounded<T>(call: Promise<T>): Promise<T> {
    const { postTimeoutMs } = this.tuning;
    const signal = AbortSignal.any([this.interrupt.signal, AbortSignal.timeout(postTimeoutMs)]);
    return new Promise<T>((resolve, reject) => {
      const onAbort = () =>
        reject(
          this.interrupt.signal.aborted
            ? interruptedError()
            : new DeliveryError('timeout', `the platform did not answer within ${postTimeoutMs / 1000} s`),
        );
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      call.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  private leaseFrom(now: Date, extraMs = 0): Date {
    return new Date(now.getTime() + extraMs + this.tuning.leaseMs);
  }

  private unknown(sub: Subscription, slot: Date, error: DeliveryError, now: Date, delay?: number): Outcome {
    const { store, log } = this.options;
    if (!this.options.adapters[sub.platform]?.findPost)
      return this.unconfirmed(sub, slot, now, `${error.message}; ${sub.platform} cannot be asked whether it arrived`);
    const wait = delay ?? this.tuning.checkDelayMs;
    if (!store.markUnknown(sub.id, slot, this.owner, error.message, new Date(now.getTime() + wait)))
      return this.lost(sub, slot);
    this.counts.unknown++;
    log.warn(
      { subscription: sub.id, channel: sub.channelId, slot: slot.toISOString(), reason: error.message },
      'digest outcome unknown; it will be looked for in the channel before any re-post',
    );
    this.passAt(wait);
    return 'unknown';
  }

  private unconfirmed(sub: Subscription, slot: Date, now: Date, reason: string): Outcome {
    if (!this.options.store.markUnconfirmed(sub.id, slot, this.owner, now, reason)) return this.lost(sub, slot);
    this.counts.unknown++;
    this.options.log.error(
      { subscription: sub.id, channel: sub.channelId, slot: slot.toISOString(), reason },
      'digest may have been posted and cannot be confirmed; not sent again, and its passages count as sent',
    );
    return 'done';
  }

  /** Gives a slot known not to have been posted back, for the next start (or another process). */
  private leave(sub: Subscription, slot: Date, now: Date): Outcome {
    this.options.store.releaseRun(sub.id, slot, this.owner, now);
    this.options.log.warn(
      { subscription: sub.id, slot: slot.toISOString() },
      'digest not sent before shutdown; left for the next start',
    );
    return 'left';
  }

  private lost(sub: Subscription, slot: Date): Outcome {
    this.options.log.warn(
      { subscription: sub.id, slot: slot.toISOString() },
      'digest slot was taken over by another process while this one held it; left to that process',
    );
    return 'left';
  }

  private fail(sub: Subscription, slot: Date, reason: string): Outcome {
    this.options.store.markFailed(sub.id, slot, this.owner, reason);
    this.counts.failed++;
    this.options.log.error(
      { subscription: sub.id, platform: sub.platform, channel: sub.channelId, slot: slot.toISOString(), reason },
      'digest could not be delivered',
    );
    return 'done';
  }

  private async pauseSubscription(sub: Subscription, slot: Date, error: DeliveryError): Promise<Outcome> {
    const { store, log } = this.options;
    store.markFailed(sub.id, slot, this.owner, error.message);
    this.counts.failed++;
    store.pause(sub.id, error.message);
    log.warn(
      {
        subscription: sub.id,
        platform: sub.platform,
        channel: sub.channelId,
        subscriber: sub.subscriberId,
        reason: error.message,
      },
      'digest subscription paused: the channel cannot be posted to',
    );
    await this.notify(sub, error.message);
    return 'done';
  }

  /** How a command is typed where the subscription's digest is posted, which its posts and notices name one as. */
  private askingOf(sub: Subscription): Asking {
    return { platform: sub.platform, slashCommand: this.options.adapters[sub.platform]?.slashCommand };
  }

  private async notify(sub: Subscription, reason: string): Promise<void> {
    // Every surface shows an error reply as its message alone, so the message is the whole notice: which digest, why
    // it stopped (the reason is one or more sentences) and how to start it again.
    const message =
      `The digest you set up for channel ${sub.channelId} (${sub.topics.map(typed).join(', ')}, ` +
      `${describeDays(sub.days)} at ${sub.time} ${sub.timeZone}) is paused: ${reason.replace(/[.\s]+$/, '')}. ` +
      'Once the bot can post there again, subscribe again with `digest subscribe`.';
    const note = replyOf('Your Dossier digest is paused', [], {
      status: 'error',
      error: { code: 'digest-paused', message },
    });
    if (!this.options.notifySubscriber) {
      this.options.log.warn(
        { subscriber: sub.subscriberId, platform: sub.platform, subscription: sub.id },
        'subscriber not notified of the pause: no direct-message channel is configured',
      );
      return;
    }
    await this.options
      .notifySubscriber(sub, commandsAsAsked(note, this.askingOf(sub)))
      .catch((err: unknown) =>
        this.options.log.warn({ err, subscriber: sub.subscriberId }, 'could not notify the subscriber of the pause'),
      );
  }
}

/**
 * Whether a claim's owner (`host:pid:id`, see the constructor) is a process on this host that no
 * longer runs. A pid now ours (a container restarted as pid 1) is dead too, since its id differs.
 */
function ownerIsDead(owner: string): boolean {
  const [host, pid] = owner.split(':');
  if (host !== hostname() || !pid || !/^\d+$/.test(pid)) return false;
  if (Number(pid) === process.pid) return true;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** The slot's id, as the platform is told it (Slack metadata, Discord nonce). */
const slotKey = (sub: Subscription, slot: Date) => `${sub.id}:${slot.toISOString()}`;

const dayFormats = new Map<string, Intl.DateTimeFormat>();
/** Whether two instants fall on the same calendar day in `timeZone`. */
function sameLocalDay(a: Date, b: Date, timeZone: string): boolean {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(a) === format.format(b);
}

/** node-cron's own lines through our logger: its missed-execution warnings are ours to catch up, so debug. */
function cronLogger(log: Logger): CronLogger {
  const child = log.child({ component: 'node-cron' });
  const text = (m: string | Error) => (m instanceof Error ? m.message : m);
  return {
    info: (m) => child.debug(m),
    warn: (m) => child.debug(m),
    error: (m, err) => child.error({ err }, text(m)),
    debug: (m) => child.debug(text(m)),
  };
}

/**
 * What is news in the corpus to the channel since its last digest (or since it subscribed), read from the store once:
 * the new documents still in the corpus, those a digest left out for room first (`owedDocuments` of what it was sent,
 * `seen`), then those first seen since; and the documents seen before and changed or removed since.
 */
export function corpusNews(
  store: DigestStore,
  dossier: Dossier,
  sub: Subscription,
  seen: ReadonlySet<string>,
): { newDocuments: SourceDocument[]; changes: CorpusChanges } {
  const since = store.lastSentAt(sub.id) ?? new Date(sub.createdAt);
  const sources = new Set([...owedDocuments(seen), ...store.seenSince(since)]);
  const { changed, removed } = store.changedSince(since);
  return {
    newDocuments: [...sources].flatMap((source) => dossier.document(source) ?? []),
    changes: {
      changed: changed.flatMap((source) => dossier.document(source) ?? []),
      before: new Map(
        changed.flatMap((source) => {
          const version = store.versionAt(source, since);
          return version ? [[source, version] as const] : [];
        }),
      ),
      removed: removed.map((d) => d.title ?? d.source),
    },
  };
}
