import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { plain, type Reply } from '../../src/answer/reply.js';
import { runText } from '../../src/commands/index.js';
import { recordSightings } from '../../src/digest/sightings.js';
import { SqliteDigestStore } from '../../src/digest/sqlite-store.js';
import { Dossier } from '../../src/engine/index.js';
import { Feeds, type FeedSettings } from '../../src/ingest/feeds.js';
import { Ingest, SafeFetcher } from '../../src/ingest/index.js';
import { createLogger } from '../../src/log.js';
import { note, openCorpus } from '../support/corpus.js';
import { send, WebFixture } from './web-fixture.js';
import { commandContext } from '../support/commands.js';

const web = new WebFixture();
let corpus: Awaited<ReturnType<typeof openCorpus>>;
let dataDir: string;
let store: SqliteDigestStore;
let dossier: Dossier;
let fetcher: SafeFetcher;
let feeds: Feeds;
/** Feeds over this test's store, corpus and clock, with settings of its own over the tests' usual ones. */
let feedsWith: (settings: Partial<FeedSettings>) => Feeds;
let now: Date;
const logs: Record<string, unknown>[] = [];

/** Items each feed lists now: tests add one between polls. */
let rssItems: { title: string; path: string; date: string }[];
let atomItems: { title: string; path: string; date: string }[];
/** Conditional requests the RSS feed received, and whether it answered 304. */
const rssRequests: { etag?: string; answered: number }[] = [];

const rss = () => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Coastal Gazette: Harbour</title><link>${web.origin}/</link>
<description>Harbour news</description>
${rssItems
  .map(
    (i) =>
      `<item><title>${i.title}</title><link>${web.url(i.path)}</link><guid>${web.url(i.path)}</guid>` +
      `<pubDate>${new Date(i.date).toUTCString()}</pubDate></item>`,
  )
  .join('\n')}
</channel></rss>`;

const atom = () => `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Board notices</title><id>urn:board</id>
<updated>2026-11-22T00:00:00Z</updated>
${atomItems
  .map(
    (i) =>
      `<entry><title>${i.title}</title><link ` +
      `href="${web.url(i.path)}"/><id>urn:board:${i.path}</id><updated>${i.date}</updated></entry>`,
  )
  .join('\n')}
</feed>`;

/** A page per path, each with text of its own (the same text under two links is one document). */
const page = (title: string) =>
  `<html><head><title>${title}</title></head><body><article><h1>${title}</h1><p>${title} ` +
  `was reported by the harbour office this week, with details to follow ` +
  `from the board.</p></article></body></html>`;

beforeAll(async () => {
  await web.start();
  web.route('/feeds/harbour.rss', (req, res) => {
    const body = rss();
    const etag = `"${Buffer.from(body).length}"`;
    const asked = req.headers['if-none-match'];
    rssRequests.push({ etag: typeof asked === 'string' ? asked : undefined, answered: asked === etag ? 304 : 200 });
    if (asked === etag) {
      res.writeHead(304, { etag });
      res.end();
    } else send(res, 200, 'application/rss+xml', body, { etag });
  });
  web.route('/feeds/board.atom', (_req, res) => send(res, 200, 'application/atom+xml', atom()));
  web.route('/feeds/broken.rss', (_req, res) => send(res, 500, 'text/plain', 'oops'));
  web.route('/feeds/not-a-feed', (_req, res) => send(res, 200, 'application/xml', '<html><p>hello</p></html>'));
  for (const path of ['/news/ferry', '/news/dredging', '/news/lamps', '/board/notice-1', '/board/notice-2'])
    web.route(path, (_req, res) => send(res, 200, 'text/html', page(`Story ${path.split('/').pop()}`)));
});
afterAll(() => web.stop());

beforeEach(async () => {
  corpus = await openCorpus({ 'tides.md': note('Tide tables', 'High water at the quay was at 06:12 on Monday.') });
  dataDir = await mkdtemp(join(tmpdir(), 'dossier-feeds-'));
  store = new SqliteDigestStore(join(dataDir, 'dossier.db'));
  const log = createLogger('info', { write: (line: string) => void logs.push(JSON.parse(line)) });
  dossier = corpus.dossier;
  fetcher = new SafeFetcher({ allowPrivate: ['127.0.0.1'] });
  now = new Date('2026-11-23T06:00:00Z');
  const clock = () => now;
  await recordSightings(dossier, store, clock);
  const ingest = new Ingest({ dossier, fetcher, log, now: clock });
  feedsWith = (settings) =>
    new Feeds({ store, ingest, fetcher, log, now: clock, pollMinutes: 60, maxFailures: 2, ...settings });
  feeds = feedsWith({});
  rssItems = [
    { title: 'Ferry returns', path: '/news/ferry', date: '2026-11-20T08:00:00Z' },
    { title: 'Dredging ends', path: '/news/dredging', date: '2026-11-21T08:00:00Z' },
  ];
  atomItems = [{ title: 'Notice one', path: '/board/notice-1', date: '2026-11-21T09:00:00Z' }];
  rssRequests.length = 0;
  logs.length = 0;
});
afterEach(async () => {
  await feeds.stop();
  store.close();
  await fetcher.close();
  await corpus.cleanup();
  await rm(dataDir, { recursive: true, force: true });
});

/** The terminal's own asker and channel, as the CLI names them. */
const ctx = () => commandContext(dossier, { user: { id: 'cli' }, channel: { id: 'cli' }, now: () => now, feeds });
const textOf = (reply: Reply) =>
  reply.blocks
    .map((b) => (b.type === 'text' ? plain(b.text) : b.type === 'list' ? b.items.map(plain).join('\n') : ''))
    .join('\n');
const addedSources = () => dossier.documents.map((d) => d.source).filter((s) => s.startsWith('added/'));

describe('feeds', () => {
  it(
    'follows an RSS feed, takes its items, then only the item that is new, ' + 'and a 304 when nothing changed',
    async () => {
      const followed = await feeds.follow(web.url('/feeds/harbour.rss'), {
        platform: 'terminal',
        userId: 'cli',
        channelId: 'cli',
      });
      expect(followed.feed.title).toBe('Coastal Gazette: Harbour');
      expect(await followed.firstPoll).toEqual({ added: 2, known: 0, failed: 0 });
      expect(addedSources()).toHaveLength(2);
      expect(dossier.document(addedSources()[0]!)!.meta.url).toMatch(/\/news\/(ferry|dredging)$/);

      rssItems.push({ title: 'Lamps lit', path: '/news/lamps', date: '2026-11-22T08:00:00Z' });
      now = new Date('2026-11-23T07:01:00Z');
      await feeds.pollDue();
      expect(addedSources()).toHaveLength(3);
      expect(store.feed(web.url('/feeds/harbour.rss'))!.items).toBe(3);

      now = new Date('2026-11-23T08:02:00Z');
      await feeds.pollDue();
      expect(rssRequests.at(-1)).toEqual({ etag: expect.any(String), answered: 304 });
      expect(addedSources()).toHaveLength(3);
      // Each new item was marked seen, so the next digest leads with it.
      expect(store.seenSince(new Date('2026-11-23T00:00:00Z'))).toEqual(expect.arrayContaining(addedSources()));
    },
  );

  it('follows an Atom feed and takes the entry it gains between two polls', async () => {
    const followed = await feeds.follow(web.url('/feeds/board.atom'), {
      platform: 'terminal',
      userId: 'cli',
      channelId: 'cli',
    });
    await followed.firstPoll;
    expect(addedSources()).toHaveLength(1);
    atomItems.push({ title: 'Notice two', path: '/board/notice-2', date: '2026-11-22T09:00:00Z' });
    now = new Date('2026-11-23T07:01:00Z');
    await feeds.pollDue();
    expect(addedSources()).toHaveLength(2);
    expect(dossier.documents.find((d) => d.meta.url === web.url('/board/notice-2'))?.meta.title).toBe('Story notice-2');
  });

  it('polls a feed that falls due after a check that found no feed due', async () => {
    const followed = await feeds.follow(web.url('/feeds/board.atom'), {
      platform: 'terminal',
      userId: 'cli',
      channelId: 'cli',
    });
    await followed.firstPoll;
    // Polled a moment ago: this check finds nothing to do, as most of the bot's checks, one a minute, do.
    await feeds.pollDue();
    atomItems.push({ title: 'Notice two', path: '/board/notice-2', date: '2026-11-22T09:00:00Z' });
    now = new Date('2026-11-23T07:01:00Z');
    await feeds.pollDue();
    expect(addedSources()).toHaveLength(2);
  });

  it('once started, polls a feed within checkEveryMs of its falling due, taking its new entry', async () => {
    await feeds.stop();
    feeds = feedsWith({ checkEveryMs: 20 });
    const followed = await feeds.follow(web.url('/feeds/board.atom'), {
      platform: 'terminal',
      userId: 'cli',
      channelId: 'cli',
    });
    await followed.firstPoll;
    // Polled a moment ago, so the poll start() makes at once finds nothing due.
    feeds.start();
    atomItems.push({ title: 'Notice two', path: '/board/notice-2', date: '2026-11-22T09:00:00Z' });
    now = new Date('2026-11-23T07:01:00Z');
    await vi.waitFor(() => expect(addedSources()).toHaveLength(2), { timeout: 5000, interval: 20 });
  });

  it(
    'leaves an item whose page cannot be added untaken, with no file and no ' + 'feed item, and tries it again',
    async () => {
      rssItems.push({ title: 'Memo', path: '/private/memo', date: '2026-11-22T10:00:00Z' });
      const { firstPoll } = await feeds.follow(web.url('/feeds/harbour.rss'), {
        platform: 'terminal',
        userId: 'cli',
        channelId: 'cli',
      });
      expect(await firstPoll).toEqual({ added: 2, known: 0, failed: 1 });
      expect(store.feed(web.url('/feeds/harbour.rss'))!.items).toBe(2);
      const files = await readdir(corpus.dir, { recursive: true });
      expect(files.filter((f) => f.includes('memo'))).toEqual([]);
      const notAdded = logs.find((l) => l.event === 'feed' && l.item === web.url('/private/memo'));
      // Its message alone names the item and why, as the terminal shows it (plain lines, without the fields).
      expect(notAdded?.msg).toBe(
        `feed item ${web.url('/private/memo')} not added, tried again at the next poll: ${String(notAdded?.error)}`,
      );
      expect(String(notAdded?.error)).toMatch(/robots\.txt/);
    },
  );

  it('reads the whole feed again after an item failed, where a 304 left it untried till the feed changed', async () => {
    let up = false;
    web.route('/news/late', (_req, res) =>
      up ? send(res, 200, 'text/html', page('Story late')) : send(res, 503, 'text/plain', 'busy'),
    );
    rssItems.push({ title: 'Late', path: '/news/late', date: '2026-11-22T10:00:00Z' });
    const who = { platform: 'terminal', userId: 'cli', channelId: 'cli' };
    expect(await (await feeds.follow(web.url('/feeds/harbour.rss'), who)).firstPoll).toMatchObject({ failed: 1 });
    up = true;
    now = new Date('2026-11-23T07:01:00Z');
    await feeds.pollDue();
    expect(rssRequests.at(-1)).toEqual({ etag: undefined, answered: 200 });
    expect(addedSources()).toHaveLength(3);
    // Taken, the feed is asked conditionally again.
    now = new Date('2026-11-23T08:02:00Z');
    await feeds.pollDue();
    expect(rssRequests.at(-1)).toEqual({ etag: expect.any(String), answered: 304 });
  });

  it('leaves a feed whose items a shutdown cut short due at the next start', async () => {
    const { firstPoll } = await feeds.follow(web.url('/feeds/harbour.rss'), {
      platform: 'terminal',
      userId: 'cli',
      channelId: 'cli',
    });
    await feeds.stop();
    expect((await firstPoll).added).toBeLessThan(2);
    expect(store.feed(web.url('/feeds/harbour.rss'))!.lastPolledAt).toBeNull();
    const next = feedsWith({});
    await next.pollDue();
    await next.stop();
    expect(addedSources()).toHaveLength(2);
  });

  it('refuses a link that is not a feed, in one line, and follows nothing', async () => {
    const reply = await runText(`feeds add ${web.url('/feeds/not-a-feed')}`, ctx());
    expect(reply.status).toBe('error');
    expect(reply.error!.message).toMatch(/did not send an RSS or Atom feed/);
    expect(store.feeds()).toEqual([]);
  });

  it(
    'pauses a feed that keeps failing, with a log line, and shows its state ' + 'and last error in feeds list',
    async () => {
      // Followed while it worked; then it breaks.
      web.route('/feeds/flaky.rss', (_req, res) => send(res, 200, 'application/rss+xml', rss()));
      const { firstPoll } = await feeds.follow(web.url('/feeds/flaky.rss'), {
        platform: 'terminal',
        userId: 'cli',
        channelId: 'cli',
      });
      await firstPoll;
      web.route('/feeds/flaky.rss', (_req, res) => send(res, 500, 'text/plain', 'down'));
      for (const at of ['2026-11-23T07:01:00Z', '2026-11-23T08:02:00Z']) {
        now = new Date(at);
        await feeds.pollDue();
      }
      const feed = store.feed(web.url('/feeds/flaky.rss'))!;
      expect(feed).toMatchObject({
        state: 'paused',
        failures: 2,
        lastError: `${new URL(web.origin).host} answered 500.`,
      });
      expect(logs.find((l) => String(l.msg).includes('paused after 2 failed polls'))).toBeDefined();
      expect(logs.map((l) => l.msg)).toContain(
        `feed ${web.url('/feeds/flaky.rss')} poll failed (1 in a row): ${new URL(web.origin).host} answered 500.`,
      );
      // Paused feeds are not polled.
      now = new Date('2026-11-23T09:03:00Z');
      const before = web.requestsTo('/feeds/flaky.rss');
      await feeds.pollDue();
      expect(web.requestsTo('/feeds/flaky.rss')).toBe(before);
      const list = textOf(await runText('feeds list', ctx()));
      expect(list).toContain('paused after 2 failed polls');
      expect(list).toContain(`last error: ${new URL(web.origin).host} answered 500.`);
    },
  );

  it('feeds add, list and remove through the command table', async () => {
    const added = await runText(`feeds add ${web.url('/feeds/board.atom')}`, ctx());
    expect(added.title).toBe('Following: Harbour Board notices');
    expect(textOf(added)).toContain('1 item in the feed now');
    expect(textOf(await runText(`feeds add ${web.url('/feeds/board.atom')}`, ctx()))).toContain('Already following it');
    expect(textOf(await runText('feeds list', ctx()))).toContain(web.url('/feeds/board.atom'));
    const removed = await runText(`feeds remove ${web.url('/feeds/board.atom')}`, ctx());
    expect(removed.title).toBe('No longer following: Harbour Board notices');
    expect(store.feeds()).toEqual([]);
    expect((await runText(`feeds remove ${web.url('/feeds/board.atom')}`, ctx())).error?.code).toBe('feed-unknown');
  });
});
