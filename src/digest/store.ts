import { z } from 'zod';

/**
 * What the digest keeps across restarts, behind an interface so a PostgreSQL store can replace
 * the SQLite one. Every method is one atomic step: a crash between two calls loses nothing
 * already returned. Times are ISO 8601 UTC strings.
 */

export const PlatformSchema = z.enum(['slack', 'discord', 'terminal']);

export const SubscriptionSchema = z.object({
  id: z.number().int().positive(),
  platform: PlatformSchema,
  channelId: z.string().min(1),
  /** Who subscribed the channel: told when it is paused. */
  subscriberId: z.string().min(1),
  topics: z.array(z.string().min(1)).min(1),
  /** `HH:MM` local time. */
  time: z.string().regex(/^\d{2}:\d{2}$/),
  /** 0 = Sunday … 6 = Saturday. */
  days: z.array(z.number().int().min(0).max(6)).min(1),
  timeZone: z.string().min(1),
  state: z.enum(['active', 'paused']),
  pausedReason: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type Subscription = z.infer<typeof SubscriptionSchema>;

export type NewSubscription = Pick<
  Subscription,
  'platform' | 'channelId' | 'subscriberId' | 'topics' | 'time' | 'days' | 'timeZone'
>;

/**
 * One (subscription, slot). `claimed`: a process is composing it, until `leaseUntil`;
 * `posting`: the post went out to the platform and its outcome is unknown until it is marked;
 * `sent`, `failed` (all retries failed), `skipped` (missed beyond the grace window): final.
 */
export const RunStateSchema = z.enum(['claimed', 'posting', 'sent', 'failed', 'skipped']);
export type RunState = z.infer<typeof RunStateSchema>;

export const DigestRunSchema = z.object({
  subscriptionId: z.number().int().positive(),
  slot: z.iso.datetime(),
  state: RunStateSchema,
  owner: z.string(),
  leaseUntil: z.iso.datetime(),
  attempts: z.number().int().min(0),
  sentAt: z.iso.datetime().nullable(),
  note: z.string().nullable(),
});
export type DigestRun = z.infer<typeof DigestRunSchema>;

export interface DigestStore {
  /** Adds the channel's subscription, or replaces its topics and schedule (one per channel). */
  subscribe(sub: NewSubscription, now: Date): Subscription;
  /** Removes the channel's subscription; false when there was none. */
  unsubscribe(platform: Subscription['platform'], channelId: string): boolean;
  subscription(platform: Subscription['platform'], channelId: string): Subscription | undefined;
  subscriptionById(id: number): Subscription | undefined;
  /** Every subscription, or only those in one state. */
  subscriptions(state?: Subscription['state']): Subscription[];
  pause(id: number, reason: string): void;

  /**
   * Claims a slot for `owner` until `leaseUntil`: true for exactly one caller across processes.
   * A `claimed` run whose lease has expired (its process died before posting) may be claimed again.
   */
  claimRun(subscriptionId: number, slot: Date, owner: string, now: Date, leaseUntil: Date): boolean;
  /** Records a slot that will never be sent (missed beyond the grace window); false if it already had a run. */
  skipRun(subscriptionId: number, slot: Date, now: Date, note: string): boolean;
  /** Moves a claimed run to `posting` just before the post goes out. */
  markPosting(subscriptionId: number, slot: Date, owner: string): void;
  /** Marks the run sent and remembers the passages the channel has now seen, in one transaction. */
  markSent(subscriptionId: number, slot: Date, sentAt: Date, passageIds: string[]): void;
  markFailed(subscriptionId: number, slot: Date, note: string): void;
  /**
   * Gives a run `owner` holds back, unsent, as `claimed` with an expired lease, so the next tick
   * (in this process or after a restart) claims it again: a post known not to have gone out when
   * the process is stopping.
   */
  releaseRun(subscriptionId: number, slot: Date, owner: string, now: Date): void;
  /**
   * Takes the lease on `key` until `leaseUntil` if nobody holds it: true for one caller across
   * processes. node-cron's run coordinator uses it so one process runs each firing of a job.
   */
  acquireLease(key: string, owner: string, now: Date, leaseUntil: Date): boolean;
  run(subscriptionId: number, slot: Date): DigestRun | undefined;
  runs(subscriptionId: number): DigestRun[];
  /** Runs still `claimed` or `posting`, across subscriptions: slots whose outcome is not yet recorded. */
  unfinishedRuns(): DigestRun[];
  /** When the channel's last digest was sent. */
  lastSentAt(subscriptionId: number): Date | undefined;

  /** Passage ids this channel has already been sent. */
  sentPassages(platform: Subscription['platform'], channelId: string): Set<string>;

  /** Notes a corpus document the first time it is seen; later calls keep the first time. */
  markSeen(source: string, now: Date): void;
  /** Sources first seen after `since`, oldest first. */
  seenSince(since: Date): string[];
  forgetSeen(source: string): void;

  /** False once `close()` has been called (or the database could not be kept open). */
  readonly isOpen: boolean;
  close(): void;
}
