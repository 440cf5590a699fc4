import type { FeedEntry } from '@extractus/feed-extractor';
import * as z from 'zod';
import { CONFIG_DEFAULTS } from '../config.js';
import { DossierError, typed } from '../errors.js';
import type { Logger } from '../log.js';
import type { Contributor, Ingest } from './add.js';
import { FetchError, parseWebUrl, type Accept, type SafeFetcher } from './fetch.js';

/** What a feed may be served as: RSS and Atom under their own types, or as XML. */
export const FEED_ACCEPT: Accept = {
  types: ['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/xml', 'text/xml'],
  described: 'an RSS or Atom feed',
};

export const FeedSchema = z.object({
  id: z.number().int().positive(),
  url: z.string(),
  title: z.string().nullable(),
  /** `paused` after FEED_MAX_FAILURES failed polls in a row, until `feeds add` follows it again. */
  state: z.enum(['active', 'paused']),
  etag: z.string().nullable(),
  lastModified: z.string().nullable(),
  /** Failed polls in a row. */
  failures: z.number().int().min(0),
  lastError: z.string().nullable(),
  lastPolledAt: z.iso.datetime().nullable(),
  /** Items added to the corpus from it. */
  items: z.number().int().min(0),
  /** `platform:user` who followed it. */
  addedBy: z.string(),
  createdAt: z.iso.datetime(),
});
export type Feed = z.infer<typeof FeedSchema>;

/** Feeds and the items already taken from them, kept in the digest's SQLite store (see SqliteDigestStore). */
export interface FeedStore {
  /**
   * Follows `url`, or a paused one again with its failures forgotten; `was` is its state before, if it was followed.
   */
  followFeed(url: string, title: string | null, addedBy: string, now: Date): { feed: Feed; was?: Feed['state'] };
  unfollowFeed(url: string): Feed | undefined;
  feed(url: string): Feed | undefined;
  feeds(): Feed[];
  /** A poll that worked: validators kept for the next, failures reset. */
  feedPolled(id: number, validators: { etag?: string; lastModified?: string }, title: string | null, now: Date): void;
  /** A poll that failed; the feed is paused once `maxFailures` have failed in a row. Returns it as it now is. */
  feedFailed(id: number, error: string, maxFailures: number, now: Date): Feed | undefined;
  hasFeedItem(feedId: number, key: string): boolean;
  addFeedItem(feedId: number, item: { key: string; link: string; source: string }, now: Date): void;
}

export interface FeedSettings {
  /** Minutes between polls of each feed (FEED_POLL_MINUTES). */
  pollMinutes: number;
  /** Failed polls in a row after which a feed is paused (FEED_MAX_FAILURES). */
  maxFailures: number;
  /** Newest items taken from one poll: a feed followed late brings its recent items, not its archive. */
  itemsPerPoll: number;
  /** How often, once started, to look for feeds due a poll: a feed is polled at most this long after it is due. */
  checkEveryMs: number;
}

export const FEED_DEFAULTS: FeedSettings = {
  pollMinutes: CONFIG_DEFAULTS.FEED_POLL_MINUTES,
  maxFailures: CONFIG_DEFAULTS.FEED_MAX_FAILURES,
  itemsPerPoll: 20,
  checkEveryMs: 60_000,
};

export interface FeedsOptions extends Partial<FeedSettings> {
  store: FeedStore;
  ingest: Pick<Ingest, 'addUrl' | 'authorize'>;
  fetcher: Pick<SafeFetcher, 'fetch'>;
  log: Logger;
  now?: () => Date;
}

export interface PollResult {
  added: number;
  /** Items already taken, or the same text as a document the corpus has. */
  known: number;
  /** Items whose page could not be added; tried again at the next poll. */
  failed: number;
  notModified?: boolean;
}

/**
 * RSS and Atom feeds whose new items are added to the corpus as `add` adds a link: each feed is
 * polled every `pollMinutes` with its ETag and Last-Modified, so an unchanged feed costs one 304;
 * every item not taken before has its page fetched and ingested, and is then remembered, so it is
 * never taken twice. A feed that fails `maxFailures` polls in a row is paused with a log line.
 */
export class Feeds {
  readonly settings: FeedSettings;
  private readonly now: () => Date;
  private timer?: ReturnType<typeof setInterval>;
  private polling?: Promise<void>;
  /** Items being taken in the background (a feed just followed), which `stop()` waits for. */
  private readonly background = new Set<Promise<unknown>>();
  private stopped = false;

  constructor(private readonly options: FeedsOptions) {
    this.settings = {
      pollMinutes: options.pollMinutes ?? FEED_DEFAULTS.pollMinutes,
      maxFailures: options.maxFailures ?? FEED_DEFAULTS.maxFailures,
      itemsPerPoll: options.itemsPerPoll ?? FEED_DEFAULTS.itemsPerPoll,
      checkEveryMs: options.checkEveryMs ?? FEED_DEFAULTS.checkEveryMs,
    };
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Follows a feed after reading it once (so a link that is no feed is refused at once), and takes
   * its items in the background: `firstPoll` settles when they are in.
   */
  async follow(
    link: string,
    who: Contributor,
  ): Promise<{ feed: Feed; was?: Feed['state']; entries: number; firstPoll: Promise<PollResult> }> {
    await this.options.ingest.authorize(who);
    const url = parseWebUrl(link).href;
    const known = this.options.store.feed(url);
    if (known?.state === 'active')
      return { feed: known, was: 'active', entries: 0, firstPoll: Promise.resolve(empty()) };
    const read = await this.read(url, {});
    if (read.notModified) throw new FetchError('fetch-failed', `${new URL(url).host} answered 304 to a plain request.`);
    const { feed, was } = this.options.store.followFeed(url, read.title, `${who.platform}:${who.userId}`, this.now());
    this.options.log.info(
      { event: 'feed', action: 'follow', platform: who.platform, user: who.userId, url, entries: read.entries.length },
      'feed followed',
    );
    const firstPoll = this.track(this.take(feed, read));
    return { feed, was, entries: read.entries.length, firstPoll };
  }

  async unfollow(link: string, who: Contributor): Promise<Feed> {
    await this.options.ingest.authorize(who);
    const url = parseWebUrl(link).href;
    const removed = this.options.store.unfollowFeed(url);
    if (!removed)
      throw new DossierError(
        'feed-unknown',
        `Dossier does not follow ${typed(url)}: \`feeds list\` shows the feeds it follows.`,
      );
    this.options.log.info(
      { event: 'feed', action: 'unfollow', platform: who.platform, user: who.userId, url },
      'feed no longer followed',
    );
    return removed;
  }

  list(): Feed[] {
    return this.options.store.feeds();
  }

  /** Polls every active feed due now, one after another; feeds polled less than `pollMinutes` ago wait. */
  pollDue(): Promise<void> {
    // Cleared in a callback, which runs after the assignment even when no feed is due and the polling awaited
    // nothing; cleared inside it, it would run first, and the settled promise would answer every later check.
    this.polling ??= this.pollEachDue().finally(() => (this.polling = undefined));
    return this.polling;
  }

  private async pollEachDue(): Promise<void> {
    const due = this.now().getTime() - this.settings.pollMinutes * 60_000;
    for (const feed of this.options.store.feeds()) {
      if (this.stopped) break;
      if (feed.state !== 'active' || (feed.lastPolledAt && Date.parse(feed.lastPolledAt) > due)) continue;
      await this.poll(feed);
    }
  }

  /** Polls one feed now: a failure is counted (and may pause it), never thrown. */
  async poll(feed: Feed): Promise<PollResult> {
    let read: Awaited<ReturnType<Feeds['read']>>;
    try {
      read = await this.read(feed.url, { etag: feed.etag ?? undefined, lastModified: feed.lastModified ?? undefined });
    } catch (error) {
      const message = error instanceof DossierError ? error.message : String(error);
      const now = this.options.store.feedFailed(feed.id, message, this.settings.maxFailures, this.now());
      if (now?.state === 'paused')
        this.options.log.warn(
          { event: 'feed', url: feed.url, failures: now.failures, error: message },
          `feed ${feed.url} paused after ${now.failures} failed polls in a row: ${message} (feeds add follows it ` +
            `again)`,
        );
      else
        this.options.log.warn(
          { event: 'feed', url: feed.url, failures: now?.failures, error: message },
          // Named and explained in the message too, as the paused line is: the terminal shows messages alone.
          `feed ${feed.url} poll failed (${now?.failures ?? 1} in a row): ${message}`,
        );
      return empty();
    }
    if (read.notModified) {
      this.options.store.feedPolled(
        feed.id,
        { etag: feed.etag ?? undefined, lastModified: feed.lastModified ?? undefined },
        feed.title,
        this.now(),
      );
      return { ...empty(), notModified: true };
    }
    return this.take(feed, read);
  }

  /**
   * Polls the feeds due now, then looks for due ones every `checkEveryMs` (a minute): each is polled `pollMinutes`
   * after its last poll, across restarts too, since the time of the last poll is kept in the store.
   */
  start(): void {
    const run = () =>
      void this.pollDue().catch((error: unknown) =>
        this.options.log.error({ err: String(error) }, 'feed polling failed'),
      );
    run();
    this.timer = setInterval(run, this.settings.checkEveryMs);
  }

  /** Stops polling; a poll under way finishes the item it is on. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await Promise.allSettled([this.polling, ...this.background]);
  }

  private track(work: Promise<PollResult>): Promise<PollResult> {
    const settled = work.catch((error: unknown) => {
      this.options.log.error({ err: String(error) }, 'feed items could not be taken');
      return empty();
    });
    this.background.add(settled);
    void settled.finally(() => this.background.delete(settled));
    return settled;
  }

  private async read(
    url: string,
    validators: { etag?: string; lastModified?: string },
  ): Promise<
    | { notModified: true }
    | { notModified: false; title: string | null; entries: FeedEntry[]; etag?: string; lastModified?: string }
  > {
    const fetched = await this.options.fetcher.fetch(url, { accept: FEED_ACCEPT, ...validators });
    if (fetched.notModified) return { notModified: true };
    // Loaded on the first poll: the parser and its XML stack are some forty modules that every command-line call
    // would load with the command table, and most never read a feed.
    const { extractFromXml } = await import('@extractus/feed-extractor');
    let data;
    try {
      data = extractFromXml(new TextDecoder().decode(fetched.bytes), { baseUrl: fetched.url, descriptionMaxLen: 0 });
    } catch (error) {
      throw new DossierError(
        'not-a-feed',
        `${new URL(url).host} did not send an RSS or Atom feed ` +
          `(${error instanceof Error ? error.message : String(error)}).`,
      );
    }
    return {
      notModified: false,
      title: data.title?.trim() || null,
      entries: data.entries ?? [],
      etag: fetched.etag,
      lastModified: fetched.lastModified,
    };
  }

  /** Takes the items of a feed as read, newest `itemsPerPoll` only, oldest first, each once. */
  private async take(
    feed: Feed,
    read: { title: string | null; entries: FeedEntry[]; etag?: string; lastModified?: string },
  ): Promise<PollResult> {
    const { store, ingest, log } = this.options;
    const result = empty();
    // Items are added on behalf of whoever followed the feed, who was allowed to then.
    const who = { platform: 'feed', userId: feed.addedBy, channelId: feed.url };
    for (const entry of newestFirst(read.entries).slice(0, this.settings.itemsPerPoll).reverse()) {
      if (this.stopped) break;
      const key = entry.id || entry.link;
      if (!key || !entry.link) continue;
      if (store.hasFeedItem(feed.id, key)) {
        result.known++;
        continue;
      }
      try {
        const added = await ingest.addUrl(entry.link, who, {
          ...(entry.title ? { title: entry.title } : {}),
          ...(entry.published ? { date: entry.published.slice(0, 10) } : {}),
        });
        store.addFeedItem(feed.id, { key, link: entry.link, source: added.document.source }, this.now());
        if (added.outcome === 'added') result.added++;
        else result.known++;
      } catch (error) {
        result.failed++;
        const message = error instanceof Error ? error.message : String(error);
        // The item and why in the message itself: the terminal shows messages without their fields, and said only
        // "feed item not added; tried again at the next poll".
        log.warn(
          { event: 'feed', url: feed.url, item: entry.link, error: message },
          `feed item ${entry.link} not added, tried again at the next poll: ${message}`,
        );
      }
    }
    // Cut short by a shutdown, the poll is not recorded, so the feed is due at the next start and its items are taken
    // then; recorded, they would wait a whole FEED_POLL_MINUTES. An item that failed is read again at the next poll:
    // with this answer's ETag and Last-Modified kept, an unchanged feed would answer 304 and the item never be tried.
    if (this.stopped) return result;
    store.feedPolled(feed.id, result.failed ? {} : read, read.title ?? feed.title, this.now());
    if (result.added || result.failed) log.info({ event: 'feed', url: feed.url, ...result }, 'feed polled');
    return result;
  }
}

const empty = (): PollResult => ({ added: 0, known: 0, failed: 0 });

/** Entries newest first: by date where they have one, else in the feed's own order (which is newest first). */
function newestFirst(entries: FeedEntry[]): FeedEntry[] {
  return entries
    .map((entry, order) => ({ entry, order, time: entry.published ? Date.parse(entry.published) : Number.NaN }))
    .sort((a, b) =>
      Number.isNaN(a.time) || Number.isNaN(b.time) ? a.order - b.order : b.time - a.time || a.order - b.order,
    )
    .map((e) => e.entry);
}
