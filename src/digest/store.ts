import * as z from 'zod';

/**
 * What the digest keeps across restarts, behind an interface so a PostgreSQL store can replace
 * the SQLite one. Every method is one atomic step: a crash between two calls loses nothing
 * already returned. The delivery protocol's steps are methods here (`claimRun`, `markPosting`,
 * `markSent`, …); each is conditional on the caller still owning the run, so a process that lost
 * its claim (it stalled past its lease and another took over) cannot overwrite the other's work.
 * Times are ISO 8601 UTC strings.
 */

const PlatformSchema = z.enum(['slack', 'discord', 'terminal']);

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
  /**
   * When the current schedule began: set on subscribing, and again when the time, days or zone
   * change or a paused subscription is taken up again. Slots before it are never sent.
   */
  scheduleFrom: z.iso.datetime(),
});
export type Subscription = z.infer<typeof SubscriptionSchema>;

export type NewSubscription = Pick<
  Subscription,
  'platform' | 'channelId' | 'subscriberId' | 'topics' | 'time' | 'days' | 'timeZone'
>;

/**
 * One (subscription, slot), moving through the delivery protocol:
 * - `claimed`: `owner` is composing it, until `leaseUntil`; also a post known not to have gone
 *   out (refused, or waiting out a Retry-After). An expired claim may be taken over and sent.
 * - `posting`: the post is on its way; `shownIds` are the passages it quotes and the figures it shows. A `posting` run
 *   whose lease has expired belongs to a process that died mid-post: its outcome is unknown.
 * - `unknown`: the platform did not confirm the post (timeout, broken connection, shutdown). Not
 *   before `leaseUntil`, a process looks for it in the channel (`findPost`): found, it is `sent`;
 *   not found, it is posted again.
 * Final: `sent`; `unconfirmed` (it may have gone out and the platform cannot tell: never posted
 * again, and its passages count as sent); `failed`; `skipped` (missed beyond the grace window,
 * or a day already served).
 */
const RunStateSchema = z.enum(['claimed', 'posting', 'unknown', 'sent', 'unconfirmed', 'failed', 'skipped']);
export type RunState = z.infer<typeof RunStateSchema>;

/**
 * The note of a slot skipped because the channel had nothing new to be told: no post, yet the day's digest (see
 * `DigestStore.latestServedSlot`).
 */
export const NOTHING_NEW = 'nothing new for the channel';

/** States whose outcome is not yet recorded. */
export const UNFINISHED_STATES: readonly RunState[] = ['claimed', 'posting', 'unknown'];

export const DigestRunSchema = z.object({
  subscriptionId: z.number().int().positive(),
  slot: z.iso.datetime(),
  state: RunStateSchema,
  owner: z.string(),
  leaseUntil: z.iso.datetime(),
  /** Posts tried, the first included. */
  attempts: z.number().int().min(0),
  /** When the first post of this slot started: a post found in the channel is no older. */
  postingAt: z.iso.datetime().nullable(),
  /**
   * The passages quoted and the figures shown (`figureId`) by the digest last posted (or being posted) for this slot;
   * stored as `passage_ids`, the column's name from before digests showed figures.
   */
  shownIds: z.array(z.string()),
  sentAt: z.iso.datetime().nullable(),
  note: z.string().nullable(),
});
export type DigestRun = z.infer<typeof DigestRunSchema>;

/** A run about to be posted: see `DigestStore.markPosting`. */
export interface PostingMark {
  subscriptionId: number;
  slot: Date;
  owner: string;
  shownIds: string[];
  leaseUntil: Date;
}

/**
 * Documents changed and removed (`DigestStore.changedSince`), by source; a removed one with the title last noted
 * (undefined if none was, as before titles were kept).
 */
export interface DocumentChanges {
  changed: string[];
  removed: { source: string; title?: string }[];
}

/** A document as a version kept of it (`DigestStore.keepVersion`): its paragraphs, and its title if kept with them. */
export interface DocumentVersion {
  /** `paragraphHash` of each paragraph, in order. */
  paragraphs: string[];
  /** Undefined in a version kept before titles were. */
  title?: string;
}

export interface DigestStore {
  /**
   * Adds the channel's subscription, or replaces its topics and schedule (one per channel). A new
   * schedule, or a paused subscription taken up again, starts at `now` (`scheduleFrom`).
   */
  subscribe(sub: NewSubscription, now: Date): Subscription;
  /** Removes the channel's subscription; false when there was none. */
  unsubscribe(platform: Subscription['platform'], channelId: string): boolean;
  subscription(platform: Subscription['platform'], channelId: string): Subscription | undefined;
  subscriptionById(id: number): Subscription | undefined;
  /**
   * Every subscription, or only those in one state, by id; with `page`, at most `limit` of them
   * after id `afterId` (the scheduler reads ten thousand in pages, letting other work run between).
   */
  subscriptions(state?: Subscription['state'], page?: { afterId: number; limit: number }): Subscription[];
  pause(id: number, reason: string): void;

  /**
   * Takes a slot for `owner` until `leaseUntil`, for exactly one caller across processes, and
   * returns the run as taken (undefined when someone else has it or it is finished):
   * - a slot with no run yet, unless an earlier slot of the subscription is unfinished (a channel
   *   gets one digest at a time, so each is composed knowing what the one before quoted), or a
   *   `claimed` run whose lease has expired: `claimed`, to compose and post;
   * - a `posting` run whose lease has expired (its process died mid-post), or an `unknown` run whose
   *   `leaseUntil` has come: `unknown`, to look for in the channel before anything else.
   */
  claimRun(subscriptionId: number, slot: Date, owner: string, now: Date, leaseUntil: Date): DigestRun | undefined;
  /**
   * Records that a slot will not be sent (missed beyond the grace window, a day already served):
   * a slot with no run yet, or one `owner` holds `claimed` or `unknown`. False if neither.
   */
  skipRun(subscriptionId: number, slot: Date, owner: string, now: Date, note: string): boolean;
  /**
   * Just before posts go out: each run `claimed` or `unknown` → `posting`, remembering the passages
   * its post quotes and when the slot was first posted, and counting the attempt. All in one
   * transaction, on disk before this returns even through a power cut (one disk sync for as many
   * posts as are ready at once); for each mark, whether its owner still held the run.
   */
  markPosting(marks: PostingMark[], now: Date): boolean[];
  /**
   * A post known not to have gone out (refused, rate-limited, or not started before shutdown):
   * back to `claimed`, held for `owner` until `leaseUntil` (now, to let anyone send it).
   */
  releaseRun(subscriptionId: number, slot: Date, owner: string, leaseUntil: Date): boolean;
  /** The platform did not confirm the post: `unknown`, to be looked for from `checkAfter` on. */
  markUnknown(subscriptionId: number, slot: Date, owner: string, note: string, checkAfter: Date): boolean;
  /** The post is in the channel: `sent`, and its passages are remembered as sent, in one transaction. */
  markSent(subscriptionId: number, slot: Date, owner: string, sentAt: Date): boolean;
  /**
   * The post may be in the channel and the platform cannot tell: `unconfirmed` (final), and its
   * passages are remembered as sent, so none of them is ever sent to the channel again.
   */
  markUnconfirmed(subscriptionId: number, slot: Date, owner: string, at: Date, note: string): boolean;
  /** Nothing was posted and nothing will be for this slot. */
  markFailed(subscriptionId: number, slot: Date, owner: string, note: string): boolean;
  run(subscriptionId: number, slot: Date): DigestRun | undefined;
  runs(subscriptionId: number): DigestRun[];
  /**
   * Runs another process left behind or that wait for a check: `claimed` or `posting` with an
   * expired lease, and `unknown` whose time to look has come. Oldest slot first.
   */
  pendingRuns(now: Date): DigestRun[];
  /** Runs still `claimed`, `posting` or `unknown`, across subscriptions, oldest slot first. */
  unfinishedRuns(): DigestRun[];
  /** How many runs are still `claimed`, `posting` or `unknown`, across subscriptions. */
  countUnfinishedRuns(): number;
  /** Each subscription's latest slot with a run, whatever its state: slots up to it are accounted for. */
  latestSlots(): Map<number, Date>;
  /**
   * The latest slot that served the subscription's channel its day's digest: delivered, or that may have been (not
   * failed or skipped), or skipped for having nothing new to tell (`NOTHING_NEW`). A morning found empty is the day's
   * look at the corpus as a posted one is: a digest later that day (the channel subscribing again to a later time)
   * would be a second look the same day, there only because the first found nothing.
   */
  latestServedSlot(subscriptionId: number): Date | undefined;
  /** When the channel's last digest was sent (or may have been). */
  lastSentAt(subscriptionId: number): Date | undefined;

  /**
   * What this channel has already been sent: the ids of the passages its digests quoted and of the figures they showed
   * (`<passage id>:figure:<n>`), which a digest leaves out the next time.
   */
  sentItems(platform: Subscription['platform'], channelId: string): Set<string>;

  /**
   * Notes a corpus document the first time it is seen, with its title and its file's hash (`SourceDocument.hash`);
   * later calls keep the first time (and take the title and hash given). One removed since is seen anew: new again,
   * first seen `now`.
   */
  markSeen(source: string, now: Date, title?: string, hash?: string): void;
  /** Sources first seen after `since` and still in the corpus, oldest first. */
  seenSince(since: Date): string[];
  /** Notes that a document seen before was changed at `now` (its words, or its title, given), and its new hash. */
  markChanged(source: string, now: Date, title: string, hash?: string): void;
  /**
   * The documents seen and not removed, each with its file's hash last noted (undefined if none was, as before hashes
   * were kept): what the corpus held when the store last heard of it, to compare with what a start finds.
   */
  knownDocuments(): Map<string, string | undefined>;
  /**
   * Keeps the paragraphs and title a document has from `at` on, so a digest can say what changed in it since a
   * channel's last; only the `keep` newest of the document's are kept.
   */
  keepVersion(source: string, at: Date, version: DocumentVersion, keep: number): void;
  /** The documents with a version of their paragraphs kept (`keepVersion`), removed or not. */
  versionedDocuments(): Set<string>;
  /** The paragraphs and title a document had at `at` (`keepVersion`), if kept. */
  versionAt(source: string, at: Date): DocumentVersion | undefined;
  /** Notes that a document seen before was removed at `now`, keeping its title to say so. */
  markRemoved(source: string, now: Date): void;
  /**
   * Documents seen before `since` and changed or removed after it, oldest change first: what a digest says changed
   * in the corpus since the last.
   */
  changedSince(since: Date): DocumentChanges;

  /**
   * Checks that the store can still be written to, and returns what is wrong, naming the database
   * (undefined when all is well). For SQLite: the file it opened is still there, not replaced.
   * Once a problem is found, every write throws a DossierError saying so.
   */
  check(): string | undefined;
  /** False once `close()` has been called (or the database could not be kept open). */
  readonly isOpen: boolean;
  close(): void;
}
