import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryError } from '../../src/digest/delivery.js';
import { DigestScheduler, type SchedulerOptions } from '../../src/digest/scheduler.js';
import type { DigestStore } from '../../src/digest/store.js';
import { silentLogger } from '../../src/log.js';
import { RecordingAdapter } from '../support/recording-adapter.js';
import { at, capturingLogger, digestWorld, newsroom, noWait } from './fixtures.js';

let world: Awaited<ReturnType<typeof digestWorld>>;
beforeEach(async () => {
  world = await digestWorld();
});
afterEach(() => world.cleanup());

const SUBSCRIBED = at('2026-03-03T10:00Z');
/** 08:00 in New York on Tuesday 3 March 2026 (EST). */
const SLOT = at('2026-03-03T13:00Z');
const plus = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000);

function scheduler(store: DigestStore, adapter: RecordingAdapter, extra: Partial<SchedulerOptions> = {}) {
  return new DigestScheduler({
    store,
    dossier: world.dossier,
    adapters: { slack: adapter },
    log: silentLogger(),
    retry: { sleep: noWait, timeoutMs: 200 },
    ...extra,
  });
}

describe('DigestScheduler', () => {
  it('sends a slot when it comes, and only once however often it ticks', async () => {
    const store = world.openStore();
    store.subscribe(newsroom, SUBSCRIBED);
    const adapter = new RecordingAdapter();
    const s = scheduler(store, adapter);
    expect(await s.tick(plus(SLOT, -1))).toEqual({ sent: 0, skipped: 0, failed: 0 });
    expect(await s.tick(SLOT)).toEqual({ sent: 1, skipped: 0, failed: 0 });
    await s.tick(plus(SLOT, 1));
    await s.tick(plus(SLOT, 30));
    expect(adapter.postsTo('C-NEWS')).toHaveLength(1);
    expect(store.run(1, SLOT)).toMatchObject({ state: 'sent' });
  });

  describe('restarts', () => {
    it('before the slot: the new process sends it', async () => {
      const first = world.openStore();
      const { id } = first.subscribe(newsroom, SUBSCRIBED);
      await scheduler(first, new RecordingAdapter()).tick(plus(SLOT, -5));
      first.close();

      const adapter = new RecordingAdapter();
      await scheduler(world.openStore(), adapter).tick(SLOT);
      expect(adapter.posts).toHaveLength(1);
      expect(world.openStore().run(id, SLOT)?.state).toBe('sent');
    });

    it('during a run, before posting: the slot waits for the dead claim to lapse, then is sent once', async () => {
      const first = world.openStore();
      const { id } = first.subscribe(newsroom, SUBSCRIBED);
      expect(first.claimRun(id, SLOT, 'dead-process', SLOT, plus(SLOT, 10))).toBe(true);
      first.close();

      const adapter = new RecordingAdapter();
      const s = scheduler(world.openStore(), adapter);
      await s.tick(plus(SLOT, 2));
      expect(adapter.posts).toHaveLength(0);
      await s.tick(plus(SLOT, 10));
      await s.tick(plus(SLOT, 20));
      expect(adapter.posts).toHaveLength(1);
    });

    it('during a run, after the post went out: not sent again, and logged', async () => {
      const first = world.openStore();
      const { id } = first.subscribe(newsroom, SUBSCRIBED);
      first.claimRun(id, SLOT, 'dead-process', SLOT, plus(SLOT, 10));
      first.markPosting(id, SLOT, 'dead-process');
      first.close();

      const adapter = new RecordingAdapter();
      const { log, lines } = capturingLogger();
      const store = world.openStore();
      await scheduler(store, adapter, { log }).tick(plus(SLOT, 15));
      expect(adapter.posts).toHaveLength(0);
      expect(store.run(id, SLOT)?.state).toBe('failed');
      expect(lines.some((l) => /interrupted while posting/.test(l.msg))).toBe(true);
    });

    it('after sending: a restart never sends the slot again', async () => {
      const first = world.openStore();
      first.subscribe(newsroom, SUBSCRIBED);
      const before = new RecordingAdapter();
      await scheduler(first, before).tick(SLOT);
      first.close();

      const after = new RecordingAdapter();
      const s = scheduler(world.openStore(), after);
      await s.tick(plus(SLOT, 1));
      await s.tick(plus(SLOT, 60));
      expect(before.posts).toHaveLength(1);
      expect(after.posts).toHaveLength(0);
    });

    it('down at the slot, back within the grace window: the slot is sent late', async () => {
      const store = world.openStore();
      store.subscribe(newsroom, SUBSCRIBED);
      const adapter = new RecordingAdapter();
      await scheduler(store, adapter).tick(plus(SLOT, 119));
      expect(adapter.posts).toHaveLength(1);
    });

    it('down at the slot, back after the grace window: the slot is skipped with a log line, once', async () => {
      const store = world.openStore();
      const { id } = store.subscribe(newsroom, SUBSCRIBED);
      const adapter = new RecordingAdapter();
      const { log, lines } = capturingLogger();
      const s = scheduler(store, adapter, { log });
      expect(await s.tick(plus(SLOT, 121))).toMatchObject({ sent: 0, skipped: 1 });
      await s.tick(plus(SLOT, 130));
      expect(adapter.posts).toHaveLength(0);
      expect(store.run(id, SLOT)?.state).toBe('skipped');
      expect(lines.filter((l) => /beyond the grace window/.test(l.msg))).toHaveLength(1);
      // The next morning is sent as usual.
      await s.tick(at('2026-03-04T13:00Z'));
      expect(adapter.posts).toHaveLength(1);
    });
  });

  it('two schedulers on one database file, driven to the same slot, send it once', async () => {
    const a = world.openStore();
    a.subscribe(newsroom, SUBSCRIBED);
    a.subscribe({ ...newsroom, channelId: 'C-DESK' }, SUBSCRIBED);
    const adapterA = new RecordingAdapter();
    const adapterB = new RecordingAdapter();
    const one = scheduler(a, adapterA);
    const two = scheduler(world.openStore(), adapterB);
    await Promise.all([one.tick(SLOT), two.tick(SLOT), one.tick(plus(SLOT, 1)), two.tick(plus(SLOT, 1))]);
    const all = [...adapterA.posts, ...adapterB.posts].map((p) => p.channelId).sort();
    expect(all).toEqual(['C-DESK', 'C-NEWS']);
  });

  describe('a failing channel', () => {
    it('that is gone pauses only its own subscription, and the subscriber is told', async () => {
      const store = world.openStore();
      const gone = store.subscribe({ ...newsroom, channelId: 'C-GONE', subscriberId: 'U-OWNER' }, SUBSCRIBED);
      const ok = store.subscribe(newsroom, SUBSCRIBED);
      const adapter = new RecordingAdapter();
      adapter.failWith('C-GONE', new DeliveryError('channel-gone', 'channel_not_found'));
      const notes: string[] = [];
      const s = scheduler(store, adapter, { notifySubscriber: async (sub) => void notes.push(sub.subscriberId) });
      expect(await s.tick(SLOT)).toMatchObject({ sent: 1, failed: 1 });
      expect(store.subscriptionById(gone.id)).toMatchObject({ state: 'paused', pausedReason: 'channel_not_found' });
      expect(store.subscriptionById(ok.id)?.state).toBe('active');
      expect(adapter.attempts.filter((c) => c === 'C-GONE')).toHaveLength(1);
      expect(notes).toEqual(['U-OWNER']);
      // Paused: the next morning only the healthy channel gets a digest.
      await s.tick(at('2026-03-04T13:00Z'));
      expect(adapter.postsTo('C-NEWS')).toHaveLength(2);
      expect(adapter.attempts.filter((c) => c === 'C-GONE')).toHaveLength(1);
    });

    it('that times out is retried with backoff, fails its slot and delays nobody', async () => {
      const store = world.openStore();
      const slow = store.subscribe({ ...newsroom, channelId: 'C-SLOW' }, SUBSCRIBED);
      store.subscribe(newsroom, SUBSCRIBED);
      const adapter = new RecordingAdapter();
      adapter.hang('C-SLOW');
      const waits: number[] = [];
      const s = scheduler(store, adapter, {
        retry: { attempts: 3, backoffMs: 1000, timeoutMs: 50, sleep: async (ms) => void waits.push(ms) },
      });
      const order: string[] = [];
      const post = adapter.post.bind(adapter);
      adapter.post = async (channelId, reply) => {
        await post(channelId, reply);
        order.push(channelId);
      };
      expect(await s.tick(SLOT)).toMatchObject({ sent: 1, failed: 1 });
      expect(order).toEqual(['C-NEWS']);
      expect(adapter.attempts.filter((c) => c === 'C-SLOW')).toHaveLength(3);
      expect(waits).toEqual([1000, 2000]);
      expect(store.run(slow.id, SLOT)).toMatchObject({ state: 'failed' });
      expect(store.subscriptionById(slow.id)?.state).toBe('active');
    });

    it('that fails once and then recovers is delivered on retry', async () => {
      const store = world.openStore();
      store.subscribe(newsroom, SUBSCRIBED);
      const adapter = new RecordingAdapter();
      let calls = 0;
      const post = adapter.post.bind(adapter);
      adapter.post = async (channelId, reply) => {
        if (++calls === 1) throw new DeliveryError('unavailable', 'service_unavailable');
        await post(channelId, reply);
      };
      expect(await scheduler(store, adapter).tick(SLOT)).toMatchObject({ sent: 1 });
      expect(adapter.posts).toHaveLength(1);
    });
  });

  it('driven every 15 minutes across daylight-saving changes, posts at 08:00 local in two time zones', async () => {
    const store = world.openStore();
    let now = at('2026-03-05T00:00Z');
    store.subscribe({ ...newsroom, channelId: 'C-NY', days: [0, 1, 2, 3, 4, 5, 6] }, now);
    store.subscribe(
      { ...newsroom, channelId: 'C-LDN', timeZone: 'Europe/London', days: [0, 1, 2, 3, 4, 5, 6] },
      at('2026-03-26T00:00Z'),
    );
    const adapter = new RecordingAdapter();
    const sentAt: string[] = [];
    const post = adapter.post.bind(adapter);
    adapter.post = async (channelId, reply) => {
      await post(channelId, reply);
      sentAt.push(`${channelId} ${now.toISOString().slice(0, 16)}`);
    };
    const s = scheduler(store, adapter);
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

  it('never overlaps runs of one subscription in a process', async () => {
    const store = world.openStore();
    store.subscribe(newsroom, SUBSCRIBED);
    const adapter = new RecordingAdapter();
    adapter.hang('C-NEWS');
    const s = scheduler(store, adapter, { retry: { attempts: 1, timeoutMs: 100, sleep: noWait } });
    const first = s.tick(SLOT);
    const second = await s.tick(at('2026-03-04T13:00Z'));
    expect(second).toEqual({ sent: 0, skipped: 0, failed: 0 });
    await first;
    expect(adapter.attempts).toEqual(['C-NEWS']);
    adapter.heal('C-NEWS');
    expect(await s.tick(at('2026-03-04T13:00Z'))).toMatchObject({ sent: 1 });
  });

  it('leaves subscriptions on platforms it has no adapter for to other processes', async () => {
    const store = world.openStore();
    const discord = store.subscribe({ ...newsroom, platform: 'discord', channelId: '123' }, SUBSCRIBED);
    await scheduler(store, new RecordingAdapter()).tick(SLOT);
    expect(store.run(discord.id, SLOT)).toBeUndefined();
  });

  it('start catches up at once and stop leaves no job behind', async () => {
    const store = world.openStore();
    store.subscribe(newsroom, SUBSCRIBED);
    const adapter = new RecordingAdapter();
    const s = scheduler(store, adapter);
    await s.start(() => plus(SLOT, 5));
    expect(adapter.posts).toHaveLength(1);
    await s.stop();
  });
});
