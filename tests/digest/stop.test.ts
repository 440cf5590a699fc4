import { describe, expect, it } from 'vitest';
import { DeliveryError } from '../../src/digest/delivery.js';
import { DigestScheduler, type SchedulerOptions } from '../../src/digest/scheduler.js';
import type { DigestStore } from '../../src/digest/store.js';
import { silentLogger } from '../../src/log.js';
import { FakePlatform } from './fake-platform.js';
import { at, eachDigestWorld, newsroom, noWait } from './fixtures.js';

const world = eachDigestWorld();

const SUBSCRIBED = at('2026-03-02T10:00Z');
/** 08:00 in New York on Tuesday 3 March 2026. */
const TUESDAY = at('2026-03-03T13:00Z');
const NOW = at('2026-03-03T13:05Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const DAY_MS = 24 * 3_600_000;

const scheduler = (store: DigestStore, platform: FakePlatform, sleep: SchedulerOptions['sleep'] = noWait) =>
  new DigestScheduler({
    store,
    dossier: world().dossier,
    adapters: { slack: platform },
    log: silentLogger(),
    sleep,
    // One post at a time, so that a stop finds the other channels' digests still waiting.
    delivery: { graceMs: 2 * DAY_MS, drainMs: 100, checkDelayMs: 60_000, concurrency: 1 },
  });

describe('DigestScheduler.stop', () => {
  it('lets the post in flight finish, claims no further slot, and the next start sends the rest once', async () => {
    const store = world().openStore();
    const news = store.subscribe({ ...newsroom, days: [2] }, SUBSCRIBED);
    const desk = store.subscribe({ ...newsroom, channelId: 'C-DESK', days: [2] }, SUBSCRIBED);
    const platform = new FakePlatform().plan('C-NEWS', 'hold');
    const first = scheduler(store, platform);
    const posting = platform.arrived();
    const ticking = first.tick(NOW);
    await posting;
    let stopped = false;
    const stopping = first.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped).toBe(false);
    platform.release();
    await stopping;
    expect(await ticking).toMatchObject({ sent: 1 });
    expect(store.run(news.id, TUESDAY)?.state).toBe('sent');
    expect(store.run(desk.id, TUESDAY)).toBeUndefined();
    expect(await first.tick(NOW)).toMatchObject({ sent: 0 });

    const restarted = scheduler(world().openStore(), platform);
    await restarted.tick(NOW);
    await restarted.tick(NOW);
    expect(platform.messagesTo('C-NEWS')).toHaveLength(1);
    expect(platform.messagesTo('C-DESK')).toHaveLength(1);
    expect(store.run(desk.id, TUESDAY)?.state).toBe('sent');
  });

  it('ends a wait for the platform at once and gives the slot back unsent; the next start sends it once', async () => {
    const store = world().openStore();
    const sub = store.subscribe({ ...newsroom, days: [2] }, SUBSCRIBED);
    const platform = new FakePlatform().plan(
      'C-NEWS',
      new DeliveryError('rate-limited', 'ratelimited', { retryAfterMs: 60_000 }),
    );
    let waiting!: () => void;
    const waitStarted = new Promise<void>((resolve) => (waiting = resolve));
    const first = scheduler(store, platform, (_ms, signal) => {
      waiting();
      return new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
    });
    const ticking = first.tick(NOW);
    await waitStarted;
    await first.stop();
    await ticking;
    expect(platform.attempts).toHaveLength(1);
    expect(store.run(sub.id, TUESDAY)).toMatchObject({ state: 'claimed' });

    const restarted = scheduler(world().openStore(), platform);
    expect(await restarted.tick(NOW)).toMatchObject({ sent: 1 });
    expect(await restarted.tick(NOW)).toMatchObject({ sent: 0 });
    expect(platform.messagesTo('C-NEWS')).toHaveLength(1);
    expect(store.unfinishedRuns()).toEqual([]);
  });

  it(
    'records a post still in flight at the drain limit as unknown; after a ' +
      'restart it is looked for, never sent twice',
    async () => {
      for (const outcome of ['ok', 'lost-reset'] as const) {
        const store = world().openStore();
        const sub = store.subscribe({ ...newsroom, channelId: outcome, days: [2] }, SUBSCRIBED);
        const platform = new FakePlatform().plan(outcome, 'hold');
        const first = scheduler(store, platform);
        const posting = platform.arrived();
        const ticking = first.tick(NOW);
        await posting;
        await first.stop();
        expect(await ticking).toMatchObject({ unknown: 1 });
        expect(store.run(sub.id, TUESDAY)).toMatchObject({ state: 'unknown' });
        // The platform answers once the process has gone: it kept the post, or it did not.
        platform.release(outcome);

        const restarted = scheduler(world().openStore(), platform);
        await restarted.tick(later(0.5));
        expect(platform.looks).toEqual([]);
        await restarted.tick(later(2));
        expect(platform.messagesTo(outcome)).toHaveLength(1);
        expect(store.run(sub.id, TUESDAY)?.state).toBe('sent');
        expect(platform.attempts).toHaveLength(outcome === 'ok' ? 1 : 2);
      }
    },
  );
});
