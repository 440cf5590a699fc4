import { describe, expect, it, vi } from 'vitest';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { plain, type Reply } from '../../src/answer/reply.js';
import { recordSightings } from '../../src/digest/sightings.js';
import { DeliveryError } from '../../src/digest/delivery.js';
import { DigestScheduler, type SchedulerOptions } from '../../src/digest/scheduler.js';
import { NOTHING_NEW, type DigestStore } from '../../src/digest/store.js';
import { silentLogger } from '../../src/log.js';
import { FakePlatform } from './fake-platform.js';
import { at, eachDigestWorld, newsroom, noWait, quotedIds, quotedKeys } from './fixtures.js';
import { capturingLogger } from '../support/log.js';
import { note } from '../support/corpus.js';

const world = eachDigestWorld();

const SUBSCRIBED = at('2026-03-03T10:00Z');
/** 08:00 in New York on Tuesday 3 March 2026 (EST). */
const SLOT = at('2026-03-03T13:00Z');
const NEXT_DAY = at('2026-03-04T13:00Z');
const plus = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000);
/** This test's store, with the newsroom subscribed before the slot. */
const subscribed = () => {
  const store = world().openStore();
  return { store, id: store.subscribe(newsroom, SUBSCRIBED).id };
};

function scheduler(store: DigestStore, platform: Partial<FakePlatform>, extra: Partial<SchedulerOptions> = {}) {
  return new DigestScheduler({
    store,
    dossier: world().dossier,
    adapters: { slack: platform as FakePlatform },
    log: silentLogger(),
    sleep: noWait,
    ...extra,
    delivery: { postTimeoutMs: 2000, ...extra.delivery },
  });
}

/** What a process that died mid-post leaves behind: the slot claimed and marked posting, its lease still running. */
function leftPosting(store: DigestStore, id: number) {
  store.claimRun(id, SLOT, 'elsewhere:1:dead', SLOT, plus(SLOT, 2));
  store.markPosting(
    [
      {
        subscriptionId: id,
        slot: SLOT,
        owner: 'elsewhere:1:dead',
        shownIds: ['beehives.md#1'],
        leaseUntil: plus(SLOT, 2),
      },
    ],
    SLOT,
  );
}

/** No passage reaches a channel twice, across every message it holds. */
function expectNoPassageTwice(platform: FakePlatform, channelId: string) {
  const all = platform.messagesTo(channelId).flatMap((m) => quotedIds(m.reply));
  expect(all.length).toBeGreaterThan(0);
  expect(new Set(all).size).toBe(all.length);
}

describe('DigestScheduler', () => {
  it('sends a slot when it comes, and only once however often it ticks', async () => {
    const store = world().openStore();
    store.subscribe(newsroom, SUBSCRIBED);
    const platform = new FakePlatform();
    const s = scheduler(store, platform);
    expect(await s.tick(plus(SLOT, -1))).toEqual({ sent: 0, skipped: 0, failed: 0, unknown: 0 });
    expect(await s.tick(SLOT)).toEqual({ sent: 1, skipped: 0, failed: 0, unknown: 0 });
    await s.tick(plus(SLOT, 1));
    await s.tick(plus(SLOT, 30));
    expect(platform.messagesTo('C-NEWS')).toHaveLength(1);
    expect(platform.messages[0]!.key).toBe(`1:${SLOT.toISOString()}`);
    expect(store.run(1, SLOT)).toMatchObject({ state: 'sent', attempts: 1 });
  });

  it('posts nothing on a morning with nothing new, skipping its slot with a note, then posts news', async () => {
    const { store, id } = subscribed();
    const platform = new FakePlatform();
    const s = scheduler(store, platform);
    const day = (n: number) => plus(SLOT, n * 24 * 60);
    // Two topics of eight passages each, two a morning: four mornings of news.
    for (let n = 0; n < 4; n++) expect(await s.tick(day(n))).toMatchObject({ sent: 1 });
    expect(await s.tick(day(4))).toEqual({ sent: 0, skipped: 1, failed: 0, unknown: 0 });
    expect(await s.tick(day(5))).toMatchObject({ sent: 0, skipped: 1 });
    expect(platform.attempts).toHaveLength(4);
    expect(store.run(id, day(4))).toMatchObject({ state: 'skipped', note: NOTHING_NEW });
    // A document added is news: it leads the next morning's digest.
    await writeFile(join(world().corpusDir, 'hives-2.md'), note('Beehives, a second year', 'Beehives swarmed early.'));
    await world().dossier.rescan();
    store.markSeen('hives-2.md', plus(day(5), 60));
    expect(await s.tick(day(6))).toMatchObject({ sent: 1 });
    expect(platform.attempts).toHaveLength(5);
  });

  it('announces the next morning a new document a post had no room for, and every topic in its turn', async () => {
    const { store } = subscribed();
    for (const source of ['beehives.md', 'cafes.md']) store.markSeen(source, plus(SUBSCRIBED, 1));
    // A platform whose post holds one excerpt.
    const platform = Object.assign(new FakePlatform(), { fits: (r: Reply) => quotedIds(r).length <= 1 });
    const s = scheduler(store, platform);
    const morning = async (slot: Date) => {
      expect(await s.tick(slot)).toMatchObject({ sent: 1 });
      return quotedIds(platform.messages.at(-1)!.reply);
    };
    expect(await morning(SLOT)).toEqual(['beehives.md#1']);
    expect(await morning(NEXT_DAY)).toEqual(['cafes.md#1']);
    // Then one topic a morning, each in its turn.
    const topics = [await morning(plus(NEXT_DAY, 24 * 60)), await morning(plus(NEXT_DAY, 48 * 60))];
    expect(
      topics
        .flat()
        .map((id) => id.split('#')[0])
        .sort(),
    ).toEqual(['beehives.md', 'cafes.md']);
  });

  it('says which documents were changed and which removed since the last digest, by title, once', async () => {
    const { store } = subscribed();
    let now = SUBSCRIBED;
    const stop = await recordSightings(world().dossier, store, () => now);
    const platform = new FakePlatform();
    const s = scheduler(store, platform);
    await s.tick(SLOT);
    now = plus(SLOT, 60);
    await writeFile(join(world().corpusDir, 'cafes.md'), note('Café grants, revised', 'Café grants were cut.'));
    await rm(join(world().corpusDir, 'beehives.md'));
    await world().dossier.rescan();
    const lines = async (slot: Date) => {
      await s.tick(slot);
      const reply = platform.messages.at(-1)!.reply;
      return reply.blocks.flatMap((b) => (b.type === 'text' ? [plain(b.text)] : []));
    };
    expect(await lines(NEXT_DAY)).toEqual(
      expect.arrayContaining([
        'Changed in the corpus: “Café grants, revised” ' +
          '(retitled from “The café grant scheme”; 1 paragraph changed, 7 removed).',
        'Removed from the corpus: “Beehives in the valley”.',
      ]),
    );
    // Said once: the morning after has nothing new, so nothing is posted.
    expect(await s.tick(plus(NEXT_DAY, 24 * 60))).toMatchObject({ sent: 0, skipped: 1 });
    expect(platform.messages).toHaveLength(2);
    stop();
  });

  it('with 2,000 due at once, posts each exactly once, a few at a time, and a second pass posts none', async () => {
    const store = world().openStore();
    const channels = Array.from({ length: 2000 }, (_, i) => `C-${i}`);
    for (const channelId of channels) store.subscribe({ ...newsroom, channelId }, SUBSCRIBED);
    const platform = new FakePlatform();
    const s = scheduler(store, platform, { delivery: { concurrency: 8 } });
    expect(await s.tick(SLOT)).toMatchObject({ sent: 2000, failed: 0, unknown: 0 });
    expect(await s.tick(plus(SLOT, 1))).toMatchObject({ sent: 0 });
    expect(platform.maxInFlight).toBe(8);
    expect(new Set(platform.attempts.map((a) => a.channelId)).size).toBe(2000);
    expect(platform.attempts).toHaveLength(2000);
    expect(store.countUnfinishedRuns()).toBe(0);
  }, 20_000);

  it('with many due at once, posts a few at a time and each exactly once', async () => {
    const store = world().openStore();
    const channels = Array.from({ length: 60 }, (_, i) => `C-${i}`);
    for (const channelId of channels) store.subscribe({ ...newsroom, channelId }, SUBSCRIBED);
    const platform = new FakePlatform();
    const result = await scheduler(store, platform, { delivery: { concurrency: 4 } }).tick(SLOT);
    expect(result).toMatchObject({ sent: 60, failed: 0, unknown: 0 });
    expect(platform.maxInFlight).toBe(4);
    expect(platform.messages.map((m) => m.channelId).sort()).toEqual([...channels].sort());
    expect(store.countUnfinishedRuns()).toBe(0);
  });

  describe('an outcome the platform did not confirm', () => {
    /** A post to the newsroom that arrived but timed out, on a platform that cannot look for it yet (a 503). */
    const cannotLookYet = () => {
      const platform = new FakePlatform().plan('C-NEWS', 'accepted-timeout');
      platform.lookFailure = new DeliveryError('server-error', 'Slack answered 503');
      return platform;
    };

    it('that did reach the channel (a slow answer) is found there, recorded sent, and never posted again', async () => {
      const { store, id } = subscribed();
      const platform = new FakePlatform().plan('C-NEWS', 'accepted-timeout');
      const { log, lines } = capturingLogger();
      const s = scheduler(store, platform, { log });
      expect(await s.tick(SLOT)).toMatchObject({ sent: 0, unknown: 1 });
      expect(store.run(id, SLOT)).toMatchObject({ state: 'unknown', note: 'no answer within 10 s' });
      expect(lines.map((l) => l.msg)).toContain(
        'digest outcome unknown; it will be looked for in the channel before any re-post',
      );
      // Not looked for before the check delay.
      expect(await s.tick(plus(SLOT, 0.1))).toMatchObject({ sent: 0 });
      expect(await s.tick(plus(SLOT, 1))).toMatchObject({ sent: 1 });
      expect(platform.attempts).toHaveLength(1);
      expect(store.run(id, SLOT)?.state).toBe('sent');
      expect([...store.sentItems('slack', 'C-NEWS')].sort()).toEqual(
        quotedKeys(world().dossier, platform.messages[0]!.reply).sort(),
      );
      await s.tick(NEXT_DAY);
      expect(platform.messagesTo('C-NEWS')).toHaveLength(2);
      expectNoPassageTwice(platform, 'C-NEWS');
    });

    it('is looked for from a margin for the platform’s clock before its first attempt, clockSkewMs', async () => {
      for (const clockSkewMs of [undefined, 5000]) {
        const { store } = subscribed();
        const platform = new FakePlatform().plan('C-NEWS', 'accepted-timeout');
        const s = scheduler(store, platform, { delivery: clockSkewMs ? { clockSkewMs } : {} });
        await s.tick(SLOT);
        await s.tick(plus(SLOT, 1));
        expect(platform.lookedSince).toEqual([new Date(SLOT.getTime() - (clockSkewMs ?? 60_000))]);
        store.unsubscribe('slack', 'C-NEWS');
      }
    });

    it('that did not reach the channel (timeout, connection reset) is posted again, once', async () => {
      for (const failure of ['lost-timeout', 'lost-reset'] as const) {
        const store = world().openStore();
        const { id } = store.subscribe({ ...newsroom, channelId: failure }, SUBSCRIBED);
        const platform = new FakePlatform().plan(failure, failure);
        const s = scheduler(store, platform);
        await s.tick(SLOT);
        expect(await s.tick(plus(SLOT, 1))).toMatchObject({ sent: 1 });
        expect(platform.attempts).toHaveLength(2);
        expect(platform.messagesTo(failure)).toHaveLength(1);
        expect(store.run(id, SLOT)).toMatchObject({ state: 'sent', attempts: 2 });
        store.unsubscribe('slack', failure);
      }
    });

    it(
      'where the platform cannot be asked, is recorded unconfirmed, never ' + 'posted again, its passages kept',
      async () => {
        const { store, id } = subscribed();
        const platform = new FakePlatform().plan('C-NEWS', 'accepted-reset');
        const { log, lines } = capturingLogger();
        const s = scheduler(store, platform.blind(), { log });
        expect(await s.tick(SLOT)).toMatchObject({ sent: 0, unknown: 1 });
        await s.tick(plus(SLOT, 30));
        expect(platform.attempts).toHaveLength(1);
        expect(store.run(id, SLOT)).toMatchObject({ state: 'unconfirmed' });
        expect(lines.find((l) => l.level === 50)?.msg).toMatch(/cannot be confirmed; not sent again/);
        expect(store.countUnfinishedRuns()).toBe(0);
        await s.tick(NEXT_DAY);
        expectNoPassageTwice(platform, 'C-NEWS');
      },
    );

    it('when looking is refused for good (a missing scope), is recorded unconfirmed with a log line', async () => {
      const { store, id } = subscribed();
      const platform = new FakePlatform().plan('C-NEWS', 'lost-timeout');
      platform.lookFailure = new DeliveryError('cannot-check', 'missing_scope: add channels:history');
      const s = scheduler(store, platform);
      await s.tick(SLOT);
      await s.tick(plus(SLOT, 1));
      expect(store.run(id, SLOT)).toMatchObject({ state: 'unconfirmed' });
      expect(store.run(id, SLOT)?.note).toContain('missing_scope');
      expect(platform.attempts).toHaveLength(1);
    });

    it('when looking fails for now, looks again later, backing off, until it can tell', async () => {
      const { store, id } = subscribed();
      const platform = cannotLookYet();
      const s = scheduler(store, platform);
      await s.tick(SLOT);
      await s.tick(plus(SLOT, 1));
      expect(store.run(id, SLOT)?.state).toBe('unknown');
      // Looked for a minute after the post: looks again a minute later.
      expect(store.run(id, SLOT)?.leaseUntil).toBe(plus(SLOT, 2).toISOString());
      platform.lookFailure = undefined;
      await s.tick(plus(SLOT, 3));
      expect(store.run(id, SLOT)?.state).toBe('sent');
      expect(platform.attempts).toHaveLength(1);
    });

    it('holds back the channel’s next slot until it is settled', async () => {
      const { store, id } = subscribed();
      const platform = cannotLookYet();
      const s = scheduler(store, platform, { delivery: { graceMs: 48 * 3_600_000 } });
      await s.tick(SLOT);
      await s.tick(NEXT_DAY);
      expect(platform.attempts).toHaveLength(1);
      expect(store.run(id, NEXT_DAY)).toBeUndefined();
      platform.lookFailure = undefined;
      await s.tick(plus(NEXT_DAY, 10));
      expect(store.runs(id).map((r) => r.state)).toEqual(['sent', 'sent']);
      expect(platform.messagesTo('C-NEWS')).toHaveLength(2);
      expectNoPassageTwice(platform, 'C-NEWS');
    });
  });

  describe('restarts', () => {
    it('before the slot: the new process sends it', async () => {
      const first = world().openStore();
      const { id } = first.subscribe(newsroom, SUBSCRIBED);
      await scheduler(first, new FakePlatform()).tick(plus(SLOT, -5));
      first.close();

      const platform = new FakePlatform();
      await scheduler(world().openStore(), platform).tick(SLOT);
      expect(platform.messages).toHaveLength(1);
      expect(world().openStore().run(id, SLOT)?.state).toBe('sent');
    });

    it('after a claim, before posting: the slot waits for the dead claim to lapse, then is sent once', async () => {
      const first = world().openStore();
      const { id } = first.subscribe(newsroom, SUBSCRIBED);
      expect(first.claimRun(id, SLOT, 'elsewhere:1:dead', SLOT, plus(SLOT, 2))).toBeDefined();
      first.close();

      const platform = new FakePlatform();
      const s = scheduler(world().openStore(), platform);
      await s.tick(plus(SLOT, 1));
      expect(platform.attempts).toHaveLength(0);
      await s.tick(plus(SLOT, 2));
      await s.tick(plus(SLOT, 20));
      expect(platform.messages).toHaveLength(1);
    });

    it('after marking it posting, before the post left: looked for, not found, posted once', async () => {
      const first = world().openStore();
      const { id } = first.subscribe(newsroom, SUBSCRIBED);
      leftPosting(first, id);
      first.close();

      const platform = new FakePlatform();
      const store = world().openStore();
      const s = scheduler(store, platform);
      await s.tick(plus(SLOT, 1));
      expect(platform.attempts).toHaveLength(0);
      await s.tick(plus(SLOT, 3));
      expect(platform.looks).toEqual(['C-NEWS']);
      expect(platform.messages).toHaveLength(1);
      expect(store.run(id, SLOT)).toMatchObject({ state: 'sent', attempts: 2 });
    });

    it(
      'after the platform took the post, before it was recorded: found there, ' + 'recorded sent, not posted again',
      async () => {
        const first = world().openStore();
        const { id } = first.subscribe(newsroom, SUBSCRIBED);
        const platform = new FakePlatform();
        leftPosting(first, id);
        await platform.post(
          'C-NEWS',
          { title: 'Digest', status: 'ok', blocks: [], attachments: [], more: 0 },
          {
            key: `${id}:${SLOT.toISOString()}`,
          },
        );
        first.close();

        const store = world().openStore();
        await scheduler(store, platform).tick(plus(SLOT, 3));
        expect(platform.messages).toHaveLength(1);
        expect(store.run(id, SLOT)?.state).toBe('sent');
        expect([...store.sentItems('slack', 'C-NEWS')]).toEqual(['beehives.md#1']);
      },
    );

    it('after sending: a restart never sends the slot again', async () => {
      const first = world().openStore();
      first.subscribe(newsroom, SUBSCRIBED);
      const before = new FakePlatform();
      await scheduler(first, before).tick(SLOT);
      first.close();

      const after = new FakePlatform();
      const s = scheduler(world().openStore(), after);
      await s.tick(plus(SLOT, 1));
      await s.tick(plus(SLOT, 60));
      expect(before.messages).toHaveLength(1);
      expect(after.attempts).toHaveLength(0);
    });

    it('a claim left by a process of this host that no longer runs is taken up at start, without waiting', async () => {
      const first = world().openStore();
      const { id } = first.subscribe(newsroom, SUBSCRIBED);
      const { hostname } = await import('node:os');
      first.claimRun(id, SLOT, `${hostname()}:999999999:dead`, SLOT, plus(SLOT, 2));
      const platform = new FakePlatform();
      const s = scheduler(first, platform, { now: () => plus(SLOT, 1) });
      await s.start();
      await vi.waitFor(() => expect(platform.messages).toHaveLength(1));
      await s.stop();
    });
  });

  describe('the grace window and re-subscriptions', () => {
    it('down at the slot, back within the grace window: the slot is sent late', async () => {
      const store = world().openStore();
      store.subscribe(newsroom, SUBSCRIBED);
      const platform = new FakePlatform();
      await scheduler(store, platform).tick(plus(SLOT, 119));
      expect(platform.messages).toHaveLength(1);
    });

    it('down three days, back within the grace window of the last slot: one digest, not three', async () => {
      const { store, id } = subscribed();
      const platform = new FakePlatform();
      const s = scheduler(store, platform);
      const third = plus(SLOT, 2 * 24 * 60);
      expect(await s.tick(plus(third, 30))).toMatchObject({ sent: 1, skipped: 2 });
      await s.tick(plus(third, 45));
      expect(platform.attempts).toHaveLength(1);
      expect(platform.messages[0]!.key).toBe(`${id}:${third.toISOString()}`);
      expect(store.runs(id).map((r) => r.state)).toEqual(['skipped', 'skipped', 'sent']);
    });

    it('down over two slots both within a long grace window (a DST day): one digest, the latest', async () => {
      const store = world().openStore();
      const { id } = store.subscribe(newsroom, at('2026-03-06T10:00Z'));
      const platform = new FakePlatform();
      const { log, lines } = capturingLogger();
      const s = scheduler(store, platform, { log, delivery: { graceMs: 24 * 60 * 60_000 } });
      // Saturday 7 March, 08:00 EST, is 13:00Z; Sunday 8 March, 08:00 EDT, 12:00Z: 23 hours apart.
      expect(await s.tick(at('2026-03-08T12:30Z'))).toMatchObject({ sent: 1 });
      expect(platform.attempts.map((a) => a.key)).toEqual([`${id}:2026-03-08T12:00:00.000Z`]);
      expect(store.run(id, at('2026-03-07T13:00Z'))?.state).toBe('skipped');
      expect(lines.map((l) => l.msg)).toContain('digest slot missed, and a later slot is due too; skipped');
    });

    it('down at the slot, back after the grace window: the slot is skipped with a log line, once', async () => {
      const { store, id } = subscribed();
      const platform = new FakePlatform();
      const { log, lines } = capturingLogger();
      const s = scheduler(store, platform, { log });
      expect(await s.tick(plus(SLOT, 121))).toMatchObject({ sent: 0, skipped: 1 });
      await s.tick(plus(SLOT, 130));
      expect(platform.attempts).toHaveLength(0);
      expect(store.run(id, SLOT)?.state).toBe('skipped');
      expect(lines.filter((l) => /beyond the grace window/.test(l.msg) && l.level === 40)).toHaveLength(1);
      await s.tick(NEXT_DAY);
      expect(platform.messages).toHaveLength(1);
    });

    it('down a week: one line says how many slots of how many channels were skipped, due since when', async () => {
      const store = world().openStore();
      for (const channelId of ['C-NEWS', 'C-DESK', 'C-NIGHT']) store.subscribe({ ...newsroom, channelId }, SUBSCRIBED);
      const platform = new FakePlatform();
      const { log, lines } = capturingLogger();
      const s = scheduler(store, platform, { log });
      // Back a week after SLOT (Tuesday), within the grace window of Monday's slot: that one is sent, six skipped.
      const back = plus(SLOT, 6 * 24 * 60 + 30);
      expect(await s.tick(back)).toMatchObject({ sent: 3, skipped: 18 });
      // Sunday 8 March is the first day of daylight saving time in New York: 08:00 is 12:00Z.
      const last = at('2026-03-08T12:00Z').toISOString();
      expect(lines.filter((l) => l.level >= 40)).toEqual([
        expect.objectContaining({
          skipped: 18,
          channels: 3,
          from: SLOT.toISOString(),
          to: last,
          msg:
            `18 digest slots of 3 channels missed, due from ${SLOT.toISOString()} to ${last}, ` +
            'skipped (beyond the grace window: 18)',
        }),
      ]);
      // Each slot still has a line of its own for whoever asks for them.
      expect(lines.filter((l) => l.level === 20 && /; skipped$/.test(l.msg))).toHaveLength(18);
      // Nothing more is said of them at the next pass.
      await s.tick(plus(back, 1));
      expect(lines.filter((l) => l.level >= 40)).toHaveLength(1);
    });

    it('a subscription paused while the week is caught up: its slots are skipped, not counted as missed', async () => {
      const store = world().openStore();
      store.subscribe(newsroom, SUBSCRIBED);
      const desk = store.subscribe({ ...newsroom, channelId: 'C-DESK' }, SUBSCRIBED);
      const platform = new FakePlatform().plan('C-NEWS', 'hold');
      const { log, lines } = capturingLogger();
      const s = scheduler(store, platform, { log, delivery: { concurrency: 1 } });
      const back = plus(SLOT, 6 * 24 * 60 + 30);
      const pass = s.tick(back);
      // The newsroom's digest is being posted, the desk's slots wait their turn: the desk pauses meanwhile.
      await platform.arrived();
      store.pause(desk.id, 'paused from the channel');
      // The post holds after a turn of the event loop (as a network call takes): released once it does.
      await new Promise((resolve) => setImmediate(resolve));
      platform.release();
      expect(await pass).toMatchObject({ sent: 1, skipped: 13 });
      expect(store.run(desk.id, SLOT)).toMatchObject({ state: 'skipped', note: 'the subscription is paused' });
      const last = at('2026-03-08T12:00Z').toISOString();
      expect(lines.filter((l) => l.level >= 40).map((l) => l.msg)).toEqual([
        `6 digest slots of 1 channel missed, due from ${SLOT.toISOString()} to ${last}, ` +
          'skipped (beyond the grace window: 6)',
      ]);
    });

    it('a claimed slot found after the grace window is skipped with a log line, and counts as finished', async () => {
      const { store, id } = subscribed();
      store.claimRun(id, SLOT, 'elsewhere:1:dead', SLOT, plus(SLOT, 2));
      const { log, lines } = capturingLogger();
      const platform = new FakePlatform();
      expect(await scheduler(store, platform, { log }).tick(plus(SLOT, 180))).toMatchObject({ skipped: 1 });
      expect(store.run(id, SLOT)?.state).toBe('skipped');
      expect(store.countUnfinishedRuns()).toBe(0);
      expect(lines.map((l) => l.msg)).toContain('digest slot claimed but not sent within the grace window; skipped');
      expect(platform.attempts).toHaveLength(0);
    });

    it('re-subscribing never sends a second digest on a day already served', async () => {
      const { store, id } = subscribed();
      const platform = new FakePlatform();
      const s = scheduler(store, platform);
      await s.tick(SLOT);
      // At 09:00 New York: to 07:00 (already past today), then to 10:00 (still to come today).
      store.subscribe({ ...newsroom, time: '07:00' }, plus(SLOT, 60));
      await s.tick(plus(SLOT, 61));
      store.subscribe({ ...newsroom, time: '10:00' }, plus(SLOT, 62));
      expect(await s.tick(plus(SLOT, 120))).toMatchObject({ sent: 0, skipped: 1 });
      expect(platform.messages).toHaveLength(1);
      expect(store.run(id, plus(SLOT, 120))).toMatchObject({ state: 'skipped' });
      // The next morning at the new time.
      expect(await s.tick(plus(NEXT_DAY, 120))).toMatchObject({ sent: 1 });
    });

    it('a morning found empty serves the day: subscribing again to a later time that day posts nothing', async () => {
      const { store, id } = subscribed();
      const platform = new FakePlatform();
      const s = scheduler(store, platform);
      const day = (n: number) => plus(SLOT, n * 24 * 60);
      // Two topics of eight passages each, two a morning: the fifth morning has nothing new.
      for (let n = 0; n < 4; n++) await s.tick(day(n));
      expect(await s.tick(day(4))).toMatchObject({ sent: 0, skipped: 1 });
      expect(store.run(id, day(4))).toMatchObject({ state: 'skipped', note: NOTHING_NEW });
      // At 09:00 New York a document comes, and the channel subscribes again for 10:00.
      await writeFile(
        join(world().corpusDir, 'hives-2.md'),
        note('Beehives, a second year', 'Beehives swarmed early.'),
      );
      await world().dossier.rescan();
      store.markSeen('hives-2.md', plus(day(4), 60));
      store.subscribe({ ...newsroom, time: '10:00' }, plus(day(4), 61));
      expect(await s.tick(plus(day(4), 120))).toMatchObject({ sent: 0, skipped: 1 });
      expect(store.run(id, plus(day(4), 120))).toMatchObject({ state: 'skipped' });
      expect(platform.attempts).toHaveLength(4);
      // The next day at the new time, the document leads.
      expect(await s.tick(plus(day(5), 120))).toMatchObject({ sent: 1 });
      expect(quotedIds(platform.messages.at(-1)!.reply)[0]).toBe('hives-2.md#1');
    });

    it('a new subscription starts with the next slot, not one earlier that day', async () => {
      const store = world().openStore();
      store.subscribe(newsroom, plus(SLOT, 30));
      const platform = new FakePlatform();
      const s = scheduler(store, platform);
      await s.tick(plus(SLOT, 31));
      expect(platform.attempts).toHaveLength(0);
      await s.tick(NEXT_DAY);
      expect(platform.messages).toHaveLength(1);
    });
  });

  it('two schedulers on one database file, driven to the same slot, send it once', async () => {
    const a = world().openStore();
    a.subscribe(newsroom, SUBSCRIBED);
    a.subscribe({ ...newsroom, channelId: 'C-DESK' }, SUBSCRIBED);
    const platform = new FakePlatform();
    const one = scheduler(a, platform);
    const two = scheduler(world().openStore(), platform);
    await Promise.all([one.tick(SLOT), two.tick(SLOT), one.tick(plus(SLOT, 1)), two.tick(plus(SLOT, 1))]);
    expect(platform.messages.map((m) => m.channelId).sort()).toEqual(['C-DESK', 'C-NEWS']);
  });

  describe('a refusing platform', () => {
    it('that says the channel is gone pauses only its own subscription, and the subscriber is told', async () => {
      const store = world().openStore();
      const gone = store.subscribe({ ...newsroom, channelId: 'C-GONE', subscriberId: 'U-OWNER' }, SUBSCRIBED);
      const ok = store.subscribe(newsroom, SUBSCRIBED);
      const platform = new FakePlatform().plan('C-GONE', new DeliveryError('channel-gone', 'channel_not_found'));
      const notes: string[] = [];
      const s = scheduler(store, platform, { notifySubscriber: async (sub) => void notes.push(sub.subscriberId) });
      expect(await s.tick(SLOT)).toMatchObject({ sent: 1, failed: 1 });
      expect(store.subscriptionById(gone.id)).toMatchObject({ state: 'paused', pausedReason: 'channel_not_found' });
      expect(store.subscriptionById(ok.id)?.state).toBe('active');
      expect(notes).toEqual(['U-OWNER']);
      await s.tick(NEXT_DAY);
      expect(platform.messagesTo('C-NEWS')).toHaveLength(2);
      expect(platform.attempts.filter((a) => a.channelId === 'C-GONE')).toHaveLength(1);
    });

    it('tells the subscriber, in the message each surface shows, which digest, why, and how to resume', async () => {
      const store = world().openStore();
      store.subscribe({ ...newsroom, channelId: 'C-GONE', subscriberId: 'U-OWNER' }, SUBSCRIBED);
      const why = 'The bot is not a member of channel C-GONE (not_in_channel): invite it there with /invite @Dossier.';
      const platform = new FakePlatform().plan('C-GONE', new DeliveryError('channel-gone', why));
      const notes: Reply[] = [];
      await scheduler(store, platform, { notifySubscriber: async (_sub, note) => void notes.push(note) }).tick(SLOT);
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatchObject({ status: 'error', title: 'Your Dossier digest is paused' });
      expect(notes[0]!.error).toEqual({
        code: 'digest-paused',
        message:
          'The digest you set up for channel C-GONE (beehives, café grants, daily at 08:00 America/New_York) ' +
          `is paused: ${why} Once the bot can post there again, subscribe again with \`/brief digest subscribe\`.`,
      });
    });

    it(
      'that cannot be reached is retried with backoff, then the slot fails ' + 'with a log line, delaying nobody',
      async () => {
        const store = world().openStore();
        const down = store.subscribe({ ...newsroom, channelId: 'C-DOWN' }, SUBSCRIBED);
        store.subscribe(newsroom, SUBSCRIBED);
        const refusal = new DeliveryError('unavailable', 'connect ECONNREFUSED');
        const platform = new FakePlatform().plan('C-DOWN', refusal, refusal, refusal);
        const waits: number[] = [];
        const { log, lines } = capturingLogger();
        const s = scheduler(store, platform, {
          log,
          delivery: { attempts: 3, backoffMs: 1000 },
          sleep: async (ms) => void waits.push(ms),
        });
        expect(await s.tick(SLOT)).toMatchObject({ sent: 1, failed: 1 });
        expect(platform.attempts.filter((a) => a.channelId === 'C-DOWN')).toHaveLength(3);
        expect(waits).toEqual([1000, 2000]);
        expect(store.run(down.id, SLOT)).toMatchObject({ state: 'failed', attempts: 3 });
        expect(store.subscriptionById(down.id)?.state).toBe('active');
        expect(lines.find((l) => l.msg === 'digest could not be delivered')?.reason).toBe(
          'connect ECONNREFUSED (after 3 attempts)',
        );
      },
    );

    it('that rejects the message fails the slot at once, its log line counting one attempt', async () => {
      const { store, id } = subscribed();
      const platform = new FakePlatform().plan('C-NEWS', new DeliveryError('rejected', 'invalid_blocks'));
      const { log, lines } = capturingLogger();
      expect(await scheduler(store, platform, { log }).tick(SLOT)).toMatchObject({ failed: 1 });
      expect(store.run(id, SLOT)?.state).toBe('failed');
      expect(lines.find((l) => l.msg === 'digest could not be delivered')?.reason).toBe(
        'invalid_blocks (after 1 attempt)',
      );
    });

    it('that refuses once and then recovers is delivered on retry', async () => {
      const store = world().openStore();
      store.subscribe(newsroom, SUBSCRIBED);
      const platform = new FakePlatform().plan('C-NEWS', new DeliveryError('unavailable', 'ECONNREFUSED'));
      expect(await scheduler(store, platform).tick(SLOT)).toMatchObject({ sent: 1 });
      expect(platform.messages).toHaveLength(1);
    });

    it('that rate-limits is waited out as Retry-After asks, and the platform’s other digests wait too', async () => {
      const store = world().openStore();
      store.subscribe(newsroom, SUBSCRIBED);
      store.subscribe({ ...newsroom, channelId: 'C-DESK' }, SUBSCRIBED);
      const limited = new DeliveryError('rate-limited', 'ratelimited', { retryAfterMs: 30_000 });
      const platform = new FakePlatform().plan('C-NEWS', limited);
      const waits: number[] = [];
      let now = SLOT;
      const s = scheduler(store, platform, {
        now: () => now,
        delivery: { concurrency: 1 },
        sleep: async (ms) => {
          waits.push(ms);
          now = new Date(now.getTime() + ms);
        },
      });
      expect(await s.tick()).toMatchObject({ sent: 2 });
      expect(waits).toEqual([30_000]);
      expect(platform.attempts.map((a) => a.channelId)).toEqual(['C-NEWS', 'C-NEWS', 'C-DESK']);
    });

    it(
      'that keeps rate-limiting past the bound fails the slot with a log line, ' + 'having asked a few times only',
      async () => {
        const { store, id } = subscribed();
        const limited = new DeliveryError('rate-limited', 'ratelimited', { retryAfterMs: 40_000 });
        const platform = new FakePlatform().plan('C-NEWS', ...Array<DeliveryError>(50).fill(limited));
        const { log, lines } = capturingLogger();
        const waits: number[] = [];
        const s = scheduler(store, platform, {
          log,
          delivery: { retryAfterMaxMs: 120_000 },
          sleep: async (ms) => void waits.push(ms),
        });
        expect(await s.tick(SLOT)).toMatchObject({ failed: 1 });
        expect(platform.attempts).toHaveLength(4);
        expect(waits).toEqual([40_000, 40_000, 40_000]);
        expect(store.run(id, SLOT)?.state).toBe('failed');
        expect(lines.find((l) => l.msg === 'digest could not be delivered')?.reason).toMatch(
          /asked to wait 40 s more \(Retry-After\), beyond the 120 s a digest waits/,
        );
      },
    );
  });

  it('driven every 15 minutes across daylight-saving changes, posts at 08:00 local in two time zones', async () => {
    const store = world().openStore();
    let now = at('2026-03-05T00:00Z');
    store.subscribe({ ...newsroom, channelId: 'C-NY', days: [0, 1, 2, 3, 4, 5, 6] }, now);
    store.subscribe(
      { ...newsroom, channelId: 'C-LDN', timeZone: 'Europe/London', days: [0, 1, 2, 3, 4, 5, 6] },
      at('2026-03-26T00:00Z'),
    );
    const platform = new FakePlatform();
    const sentAt: string[] = [];
    const post = platform.post.bind(platform);
    platform.post = async (channelId, reply, options) => {
      await post(channelId, reply, options);
      sentAt.push(`${channelId} ${now.toISOString().slice(0, 16)}`);
    };
    const s = scheduler(store, platform);
    for (const [from, to] of [
      ['2026-03-06T00:00Z', '2026-03-10T00:00Z'],
      ['2026-03-27T00:00Z', '2026-03-31T00:00Z'],
    ]) {
      for (now = at(from!); now < at(to!); now = plus(now, 15)) await s.tick(now);
    }
    expect(sentAt.filter((x) => x.startsWith('C-NY')).slice(0, 4)).toEqual([
      'C-NY 2026-03-06T13:00',
      'C-NY 2026-03-07T13:00',
      'C-NY 2026-03-08T12:00',
      'C-NY 2026-03-09T12:00',
    ]);
    expect(sentAt.filter((x) => x.startsWith('C-LDN'))).toEqual([
      'C-LDN 2026-03-27T08:00',
      'C-LDN 2026-03-28T08:00',
      'C-LDN 2026-03-29T07:00',
      'C-LDN 2026-03-30T07:00',
    ]);
  });

  it('serves every other channel when one subscription’s time zone is unknown here, naming it once', async () => {
    const { store, id } = subscribed();
    // Checked when subscribed; but a zone a later Node drops, or one another instance's Node knew, reaches the store.
    const lost = store.subscribe({ ...newsroom, channelId: 'C-LOST', timeZone: 'Mars/Olympus' }, SUBSCRIBED);
    const { log, lines } = capturingLogger();
    const platform = new FakePlatform();
    const s = scheduler(store, platform, { log });
    expect(await s.tick(SLOT)).toMatchObject({ sent: 1, failed: 0 });
    await s.tick(plus(SLOT, 1));
    expect(platform.messages.map((m) => m.channelId)).toEqual(['C-NEWS']);
    expect(store.run(id, SLOT)?.state).toBe('sent');
    const named = lines.filter((l) => l.subscription === lost.id);
    expect(named).toHaveLength(1);
    expect(named[0]).toMatchObject({
      level: 40,
      msg: expect.stringMatching(/^The digest of channel C-LOST .*Mars\/Olympus/),
    });
  });

  it('leaves subscriptions on platforms it has no adapter for to other processes', async () => {
    const store = world().openStore();
    const discord = store.subscribe({ ...newsroom, platform: 'discord', channelId: '123' }, SUBSCRIBED);
    await scheduler(store, new FakePlatform()).tick(SLOT);
    expect(store.run(discord.id, SLOT)).toBeUndefined();
  });

  it('start catches up at once, schedules one node-cron job, and stop leaves none behind', async () => {
    const cron = (await import('node-cron')).default;
    const digestTasks = () => [...cron.getTasks().values()].filter((t) => t.name === 'digest-pass');
    const store = world().openStore();
    store.subscribe(newsroom, SUBSCRIBED);
    const platform = new FakePlatform();
    const s = scheduler(store, platform, { now: () => plus(SLOT, 5) });
    await s.start();
    expect(digestTasks()).toHaveLength(1);
    await vi.waitFor(() => expect(platform.messages).toHaveLength(1));
    await s.stop();
    expect(digestTasks()).toHaveLength(0);
  });
});

describe('a command a digest names', () => {
  // More new documents than a digest announces, so that it names `sources` for the rest.
  const seven = Object.fromEntries(
    ['ferry', 'harbour', 'bakery', 'library', 'market', 'orchard', 'tram'].map((word, i) => [
      `${word}.md`,
      note(`The ${word} report`, `The ${word} opened its doors to visitors in the spring.`, `2026-02-0${i + 1}`),
    ]),
  );
  const many = eachDigestWorld(seven);
  const code = (reply: Reply) =>
    reply.blocks.flatMap((b) => (b.type === 'text' ? b.text.filter((s) => s.code).map((s) => s.text) : []));

  it('is written as it is typed on the platform the digest is posted to', async () => {
    const store = many().openStore();
    const posters = {
      slack: Object.assign(new FakePlatform(), { slashCommand: '/news' }),
      discord: Object.assign(new FakePlatform(), { slashCommand: '/brief' }),
      terminal: new FakePlatform(),
    };
    for (const platform of ['slack', 'discord', 'terminal'] as const)
      store.subscribe({ ...newsroom, platform }, SUBSCRIBED);
    for (const source of Object.keys(seven)) store.markSeen(source, plus(SUBSCRIBED, 1));
    const s = new DigestScheduler({
      store,
      dossier: many().dossier,
      adapters: posters,
      log: silentLogger(),
      sleep: noWait,
    });
    expect(await s.tick(SLOT)).toMatchObject({ sent: 3 });
    // `sources` alone, in Slack or Discord, is a message to the channel.
    expect(code(posters.slack.messages[0]!.reply)).toEqual(['/news sources']);
    expect(code(posters.discord.messages[0]!.reply)).toEqual(['/brief sources']);
    expect(code(posters.terminal.messages[0]!.reply)).toEqual(['sources']);
  });

  it("in a pause's notice, with Discord's options", async () => {
    const store = many().openStore();
    store.subscribe({ ...newsroom, platform: 'discord' }, SUBSCRIBED);
    const gone = new DeliveryError('channel-gone', 'Unknown Channel.');
    const discord = Object.assign(new FakePlatform().plan('C-NEWS', gone), { slashCommand: '/brief' });
    const notes: Reply[] = [];
    await new DigestScheduler({
      store,
      dossier: many().dossier,
      adapters: { discord },
      log: silentLogger(),
      sleep: noWait,
      notifySubscriber: async (_sub, reply) => void notes.push(reply),
    }).tick(SLOT);
    expect(notes[0]!.error?.message).toMatch(/subscribe again with `\/brief digest action:subscribe`\.$/);
  });
});
