import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ButtonStore } from '../../src/commands/buttons.js';
import { NOTHING_NEW, type DigestStore, type NewSubscription } from '../../src/digest/store.js';
import type { FeedStore } from '../../src/ingest/feeds.js';
import { newsroom as digestNewsroom } from './fixtures.js';

/** Everything the bot keeps in its database, as the digest runtime opens it. */
export type BotStore = DigestStore & FeedStore & ButtonStore;

/** How the contract reaches one kind of store. */
export interface StoreHarness {
  /** A new, empty database for the next test. */
  fresh(): Promise<void> | void;
  /** A store on that database; each call is another connection, as another bot process would open. */
  open(): BotStore;
  /** Closes every store opened and removes the database. */
  cleanup(): Promise<void> | void;
}

/**
 * A harness from one kind of store's parts: a fresh database, a store opened on it, and the database removed once
 * every store opened on it is closed. `open` returns that kind of store, for the tests of its own (which may open
 * one on another file: it is closed with the rest).
 */
export function harnessOf<S extends BotStore, A extends unknown[]>(parts: {
  fresh(): Promise<void> | void;
  open(...args: A): S;
  remove(): Promise<void> | void;
}): Omit<StoreHarness, 'open'> & { open(...args: A): S } {
  const opened: S[] = [];
  return {
    fresh: () => parts.fresh(),
    open: (...args) => {
      const store = parts.open(...args);
      opened.push(store);
      return store;
    },
    cleanup: async () => {
      for (const store of opened.splice(0)) store.close();
      await parts.remove();
    },
  };
}

/** The digest tests' newsroom, on weekdays only and with short ids, as the contract's expectations name them. */
export const newsroom: NewSubscription = {
  ...digestNewsroom,
  channelId: 'C1',
  subscriberId: 'U1',
  days: [1, 2, 3, 4, 5],
};
export const t = (s: string) => new Date(s);

/**
 * What every digest store promises (src/digest/store.ts, src/ingest/feeds.ts, src/commands/buttons.ts), run
 * against each: SQLite in the unit tier, PostgreSQL where a test cluster can be started.
 */
export function storeContract(name: string, harness: StoreHarness): void {
  describe(`${name}: the digest store contract`, () => {
    beforeEach(() => harness.fresh());
    afterEach(() => harness.cleanup());

    it('keeps subscriptions, runs, sent passages and first-seen times across close and reopen', () => {
      const a = harness.open();
      const sub = a.subscribe(newsroom, t('2026-03-02T10:00Z'));
      const slot = t('2026-03-03T13:00Z');
      expect(a.claimRun(sub.id, slot, 'p1', slot, t('2026-03-03T13:05Z'))).toMatchObject({ state: 'claimed' });
      const mark = { subscriptionId: sub.id, slot, owner: 'p1', shownIds: ['a.md#1', 'b.md#2'] };
      expect(a.markPosting([{ ...mark, leaseUntil: t('2026-03-03T13:05Z') }], slot)).toEqual([true]);
      expect(a.markSent(sub.id, slot, 'p1', t('2026-03-03T13:00:02Z'))).toBe(true);
      a.markSeen('a.md', t('2026-03-03T09:00Z'));
      a.close();

      const b = harness.open();
      expect(b.subscription('slack', 'C1')).toMatchObject({
        id: sub.id,
        topics: ['beehives', 'café grants'],
        days: [1, 2, 3, 4, 5],
        state: 'active',
        subscriberId: 'U1',
      });
      expect(b.run(sub.id, slot)).toMatchObject({
        state: 'sent',
        sentAt: '2026-03-03T13:00:02.000Z',
        postingAt: '2026-03-03T13:00:00.000Z',
        attempts: 1,
      });
      expect(b.lastSentAt(sub.id)?.toISOString()).toBe('2026-03-03T13:00:02.000Z');
      expect([...b.sentItems('slack', 'C1')].sort()).toEqual(['a.md#1', 'b.md#2']);
      expect(b.seenSince(t('2026-03-03T08:00Z'))).toEqual(['a.md']);
    });

    it('subscribing a channel again replaces its schedule and keeps its id; a new schedule starts then', () => {
      const s = harness.open();
      const first = s.subscribe(newsroom, t('2026-03-02T10:00Z'));
      expect(s.subscribe({ ...newsroom, topics: ['swarms'] }, t('2026-03-03T10:00Z'))).toMatchObject({
        scheduleFrom: '2026-03-02T10:00:00.000Z',
      });
      s.pause(first.id, 'channel-gone');
      const second = s.subscribe({ ...newsroom, topics: ['swarms'], time: '07:00' }, t('2026-03-04T10:00Z'));
      expect(second).toMatchObject({
        id: first.id,
        topics: ['swarms'],
        time: '07:00',
        state: 'active',
        createdAt: '2026-03-02T10:00:00.000Z',
        scheduleFrom: '2026-03-04T10:00:00.000Z',
      });
      expect(s.subscriptions()).toHaveLength(1);
      expect(s.unsubscribe('slack', 'C1')).toBe(true);
      expect(s.unsubscribe('slack', 'C1')).toBe(false);
    });

    it('gives a slot to one claimant; an expired claim can be taken over, a posting one only to be looked for', () => {
      const a = harness.open();
      const b = harness.open();
      const { id } = a.subscribe(newsroom, t('2026-03-02T10:00Z'));
      const slot = t('2026-03-03T13:00Z');
      expect(a.claimRun(id, slot, 'p1', slot, t('2026-03-03T13:05Z'))).toBeDefined();
      expect(b.claimRun(id, slot, 'p2', t('2026-03-03T13:01Z'), t('2026-03-03T13:06Z'))).toBeUndefined();
      expect(b.claimRun(id, slot, 'p2', t('2026-03-03T13:05Z'), t('2026-03-03T13:10Z'))).toMatchObject({
        owner: 'p2',
        state: 'claimed',
      });
      // p1 stalled past its lease: it can no longer move the run.
      const mark = (owner: string, shownIds: string[]) => [
        { subscriptionId: id, slot, owner, shownIds, leaseUntil: t('2026-03-03T13:10Z') },
      ];
      expect(a.markPosting(mark('p1', []), t('2026-03-03T13:05Z'))).toEqual([false]);
      expect(b.markPosting(mark('p2', ['x#1']), t('2026-03-03T13:05Z'))).toEqual([true]);
      expect(a.claimRun(id, slot, 'p1', t('2026-03-03T13:06Z'), t('2026-03-03T13:11Z'))).toBeUndefined();
      expect(a.skipRun(id, slot, 'p1', t('2026-03-03T14:00Z'), 'late')).toBe(false);
      // p2 died mid-post: once its lease is over, the run is taken as unknown, to be looked for.
      expect(a.claimRun(id, slot, 'p1', t('2026-03-03T13:10Z'), t('2026-03-03T13:15Z'))).toMatchObject({
        state: 'unknown',
        shownIds: ['x#1'],
        postingAt: '2026-03-03T13:05:00.000Z',
      });
      expect(a.markSent(id, slot, 'p1', t('2026-03-03T13:11Z'))).toBe(true);
      expect([...a.sentItems('slack', 'C1')]).toEqual(['x#1']);
      expect(a.claimRun(id, slot, 'p1', t('2026-03-03T14:00Z'), t('2026-03-03T14:05Z'))).toBeUndefined();
    });

    it('claims a channel’s next slot only once the one before it is settled', () => {
      const s = harness.open();
      const { id } = s.subscribe(newsroom, t('2026-03-02T10:00Z'));
      const monday = t('2026-03-02T13:00Z');
      const tuesday = t('2026-03-03T13:00Z');
      s.claimRun(id, monday, 'p1', monday, t('2026-03-02T13:05Z'));
      s.markPosting(
        [{ subscriptionId: id, slot: monday, owner: 'p1', shownIds: ['a#1'], leaseUntil: t('2026-03-02T13:05Z') }],
        monday,
      );
      s.markUnknown(id, monday, 'p1', 'timeout', t('2026-03-02T13:01Z'));
      expect(s.claimRun(id, tuesday, 'p1', tuesday, t('2026-03-03T13:05Z'))).toBeUndefined();
      expect(s.run(id, tuesday)).toBeUndefined();
      expect(s.countUnfinishedRuns()).toBe(1);
      expect(s.pendingRuns(t('2026-03-02T13:00:30Z'))).toEqual([]);
      expect(s.pendingRuns(t('2026-03-02T13:01Z'))).toMatchObject([{ state: 'unknown' }]);
      expect(s.claimRun(id, monday, 'p1', tuesday, t('2026-03-03T13:05Z'))).toMatchObject({ state: 'unknown' });
      expect(s.markUnconfirmed(id, monday, 'p1', tuesday, 'cannot be asked')).toBe(true);
      expect([...s.sentItems('slack', 'C1')]).toEqual(['a#1']);
      expect(s.lastSentAt(id)?.toISOString()).toBe(tuesday.toISOString());
      expect(s.claimRun(id, tuesday, 'p1', tuesday, t('2026-03-03T13:05Z'))).toMatchObject({ state: 'claimed' });
      expect(s.latestServedSlot(id)?.toISOString()).toBe(tuesday.toISOString());
      expect(s.latestSlots().get(id)?.toISOString()).toBe(tuesday.toISOString());
    });

    it('keeps the first time a document was seen', () => {
      const s = harness.open();
      s.markSeen('a.md', t('2026-03-01T00:00Z'));
      s.markSeen('a.md', t('2026-03-05T00:00Z'));
      expect(s.seenSince(t('2026-03-02T00:00Z'))).toEqual([]);
      s.markRemoved('a.md', t('2026-03-04T00:00Z'));
      expect(s.seenSince(t('2026-02-01T00:00Z'))).toEqual([]);
      s.markSeen('a.md', t('2026-03-05T00:00Z'));
      expect(s.seenSince(t('2026-03-02T00:00Z'))).toEqual(['a.md']);
    });

    it('tells what was changed or removed since a time, of documents seen before it, by the title last noted', () => {
      const s = harness.open();
      for (const source of ['a.md', 'b.md', 'c.md', 'd.md'])
        s.markSeen(source, t('2026-03-01T00:00Z'), `Title ${source}`);
      s.markChanged('a.md', t('2026-03-02T00:00Z'), 'A renamed');
      s.markChanged('b.md', t('2026-03-04T00:00Z'), 'Title b.md');
      s.markRemoved('c.md', t('2026-03-05T00:00Z'));
      s.markSeen('e.md', t('2026-03-04T00:00Z'), 'New, then gone');
      s.markRemoved('e.md', t('2026-03-05T00:00Z'));
      s.markSeen('z.md', t('2026-03-01T00:00Z'));
      s.markRemoved('z.md', t('2026-03-06T00:00Z'));
      expect(s.changedSince(t('2026-03-03T00:00Z'))).toEqual({
        changed: ['b.md'],
        removed: [{ source: 'c.md', title: 'Title c.md' }, { source: 'z.md' }],
      });
      expect(s.changedSince(t('2026-03-01T12:00Z')).changed).toEqual(['a.md', 'b.md']);
      // A changed document removed is said removed; one back again is new, not changed.
      s.markChanged('d.md', t('2026-03-04T00:00Z'), 'Title d.md');
      s.markRemoved('d.md', t('2026-03-04T12:00Z'));
      s.markSeen('c.md', t('2026-03-06T00:00Z'), 'Title c.md');
      expect(s.changedSince(t('2026-03-03T00:00Z'))).toEqual({
        changed: ['b.md'],
        removed: [{ source: 'd.md', title: 'Title d.md' }, { source: 'z.md' }],
      });
      expect(s.seenSince(t('2026-03-03T00:00Z'))).toEqual(['c.md']);
    });

    it('knows each document still in the corpus by the hash last noted, to compare with what a start finds', () => {
      const s = harness.open();
      s.markSeen('a.md', t('2026-03-01T00:00Z'), 'A', 'hash-a1');
      s.markSeen('b.md', t('2026-03-01T00:00Z'), 'B');
      s.markSeen('c.md', t('2026-03-01T00:00Z'), 'C', 'hash-c');
      s.markChanged('a.md', t('2026-03-02T00:00Z'), 'A', 'hash-a2');
      s.markRemoved('c.md', t('2026-03-02T00:00Z'));
      expect(s.knownDocuments()).toEqual(
        new Map([
          ['a.md', 'hash-a2'],
          ['b.md', undefined],
        ]),
      );
      // Seen again without a hash, the last one noted stays.
      s.markSeen('a.md', t('2026-03-03T00:00Z'), 'A');
      expect(s.knownDocuments().get('a.md')).toBe('hash-a2');
    });

    it('keeps a few versions of a document’s paragraphs and title and gives the one it had at a time', () => {
      const s = harness.open();
      s.keepVersion('a.md', t('2026-03-01T00:00Z'), { paragraphs: ['p1', 'p2'], title: 'A' }, 2);
      s.keepVersion('a.md', t('2026-03-03T00:00Z'), { paragraphs: ['p1', 'p3'], title: 'A, revised' }, 2);
      expect(s.versionAt('a.md', t('2026-02-28T00:00Z'))).toBeUndefined();
      expect(s.versionAt('a.md', t('2026-03-02T00:00Z'))).toEqual({ paragraphs: ['p1', 'p2'], title: 'A' });
      expect(s.versionAt('a.md', t('2026-03-03T00:00Z'))).toEqual({ paragraphs: ['p1', 'p3'], title: 'A, revised' });
      // A third version keeps the newest two: the first is gone. One kept without a title gives none.
      s.keepVersion('a.md', t('2026-03-05T00:00Z'), { paragraphs: ['p4'] }, 2);
      expect(s.versionAt('a.md', t('2026-03-02T00:00Z'))).toBeUndefined();
      expect(s.versionAt('a.md', t('2026-03-04T00:00Z'))).toEqual({ paragraphs: ['p1', 'p3'], title: 'A, revised' });
      expect(s.versionAt('a.md', t('2026-03-05T00:00Z'))).toEqual({ paragraphs: ['p4'] });
      expect(s.versionAt('b.md', t('2026-03-04T00:00Z'))).toBeUndefined();
      expect(s.versionedDocuments()).toEqual(new Set(['a.md']));
    });

    it('pages through subscriptions by id, in one state or all', () => {
      const s = harness.open();
      const ids = ['C1', 'C2', 'C3'].map(
        (channelId) => s.subscribe({ ...newsroom, channelId }, t('2026-03-02T10:00Z')).id,
      );
      s.pause(ids[1]!, 'channel-gone');
      expect(s.subscriptions().map((sub) => sub.id)).toEqual(ids);
      expect(s.subscriptions('active').map((sub) => sub.id)).toEqual([ids[0], ids[2]]);
      expect(s.subscriptions(undefined, { afterId: ids[0]!, limit: 1 }).map((sub) => sub.id)).toEqual([ids[1]]);
      expect(s.subscriptionById(ids[1]!)).toMatchObject({ state: 'paused', pausedReason: 'channel-gone' });
    });

    it('skips a slot, fails one, and releases one for anyone to take', () => {
      const s = harness.open();
      const { id } = s.subscribe(newsroom, t('2026-03-02T10:00Z'));
      const [monday, tuesday, wednesday] = ['2026-03-02T13:00Z', '2026-03-03T13:00Z', '2026-03-04T13:00Z'].map(t);
      expect(s.skipRun(id, monday!, 'p1', monday!, 'missed')).toBe(true);
      expect(s.run(id, monday!)).toMatchObject({ state: 'skipped', note: 'missed' });
      s.claimRun(id, tuesday!, 'p1', tuesday!, t('2026-03-03T13:05Z'));
      expect(s.markFailed(id, tuesday!, 'p2', 'not mine')).toBe(false);
      expect(s.markFailed(id, tuesday!, 'p1', 'refused')).toBe(true);
      expect(s.claimRun(id, wednesday!, 'p1', wednesday!, t('2026-03-04T13:05Z'))).toBeDefined();
      expect(s.releaseRun(id, wednesday!, 'p1', wednesday!)).toBe(true);
      expect(s.unfinishedRuns()).toMatchObject([{ state: 'claimed', owner: 'p1' }]);
      expect(s.claimRun(id, wednesday!, 'p2', wednesday!, t('2026-03-04T13:05Z'))).toMatchObject({ owner: 'p2' });
      expect(s.runs(id).map((r) => r.state)).toEqual(['skipped', 'failed', 'claimed']);
      expect(s.latestServedSlot(id)?.toISOString()).toBe(wednesday!.toISOString());
      // A slot skipped for nothing new served its day; one skipped for another reason did not.
      const thursday = t('2026-03-05T13:00Z');
      s.skipRun(id, thursday, 'p1', thursday, NOTHING_NEW);
      expect(s.latestServedSlot(id)?.toISOString()).toBe(thursday.toISOString());
      s.skipRun(id, t('2026-03-06T13:00Z'), 'p1', thursday, 'missed');
      expect(s.latestServedSlot(id)?.toISOString()).toBe(thursday.toISOString());
    });

    it('follows feeds, remembers the items taken, and pauses a feed that keeps failing', () => {
      const s = harness.open();
      const { feed } = s.followFeed('https://example.org/feed.xml', null, 'slack:U1', t('2026-03-02T10:00Z'));
      expect(feed).toMatchObject({ url: 'https://example.org/feed.xml', state: 'active', items: 0 });
      s.feedPolled(feed.id, { etag: '"v1"' }, 'Harbour news', t('2026-03-02T11:00Z'));
      s.addFeedItem(
        feed.id,
        { key: 'item-1', link: 'https://example.org/1', source: 'one.html' },
        t('2026-03-02T11:00Z'),
      );
      expect(s.hasFeedItem(feed.id, 'item-1')).toBe(true);
      expect(s.hasFeedItem(feed.id, 'item-2')).toBe(false);
      expect(s.feedFailed(feed.id, 'timeout', 2, t('2026-03-02T12:00Z'))).toMatchObject({
        state: 'active',
        failures: 1,
      });
      expect(s.feedFailed(feed.id, 'timeout', 2, t('2026-03-02T13:00Z'))).toMatchObject({ state: 'paused' });
      expect(s.followFeed('https://example.org/feed.xml', null, 'slack:U2', t('2026-03-03T10:00Z'))).toMatchObject({
        feed: { state: 'active', failures: 0, title: 'Harbour news', etag: '"v1"', items: 1 },
        was: 'paused',
      });
      expect(s.feeds()).toHaveLength(1);
      expect(s.unfollowFeed('https://example.org/feed.xml')).toMatchObject({ title: 'Harbour news' });
      expect(s.feed('https://example.org/feed.xml')).toBeUndefined();
    });

    it('keeps the state behind buttons for every connection until it expires', () => {
      const a = harness.open();
      const b = harness.open();
      const state = { owner: 'U1', command: 'ask', args: { query: 'café "grants"', offset: 3 } };
      a.keepButtons('flow-1', state, t('2026-03-02T10:15Z'), t('2026-03-02T10:00Z'));
      expect(b.buttons('flow-1', t('2026-03-02T10:14Z'))).toEqual(state);
      expect(b.buttons('flow-1', t('2026-03-02T10:16Z'))).toBeUndefined();
      expect(b.buttons('flow-2', t('2026-03-02T10:00Z'))).toBeUndefined();
      b.keepButtons('flow-1', { ...state, args: { offset: 6 } }, t('2026-03-02T10:30Z'), t('2026-03-02T10:15Z'));
      expect(a.buttons('flow-1', t('2026-03-02T10:16Z'))).toMatchObject({ args: { offset: 6 } });
    });
  });
}
