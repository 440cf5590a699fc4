import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryError } from '../../src/digest/delivery.js';
import { DigestScheduler } from '../../src/digest/scheduler.js';
import type { DigestStore } from '../../src/digest/store.js';
import { silentLogger } from '../../src/log.js';
import { RecordingAdapter } from '../support/recording-adapter.js';
import { at, digestWorld, newsroom, noWait } from './fixtures.js';

let world: Awaited<ReturnType<typeof digestWorld>>;
beforeEach(async () => {
  world = await digestWorld();
});
afterEach(() => world.cleanup());

const SUBSCRIBED = at('2026-03-02T10:00Z');
/** 08:00 in New York on 2 and 3 March 2026: two slots due at once after a long outage. */
const MONDAY = at('2026-03-02T13:00Z');
const TUESDAY = at('2026-03-03T13:00Z');
const NOW = at('2026-03-03T13:05Z');
const DAY = 24 * 60;

const scheduler = (store: DigestStore, adapter: RecordingAdapter) =>
  new DigestScheduler({
    store,
    dossier: world.dossier,
    adapters: { slack: adapter },
    log: silentLogger(),
    graceMs: 2 * DAY * 60_000,
    retry: { sleep: noWait, timeoutMs: 2000 },
  });

/** An adapter whose first post waits until the test lets it go, with the given outcome. */
function heldAdapter() {
  const adapter = new RecordingAdapter();
  const post = adapter.post.bind(adapter);
  let release!: (outcome?: Error) => void;
  let arrived!: () => void;
  const posting = new Promise<void>((resolve) => (arrived = resolve));
  const held = new Promise<Error | undefined>((resolve) => (release = resolve));
  let first = true;
  adapter.post = async (channelId, reply) => {
    if (!first) return post(channelId, reply);
    first = false;
    adapter.attempts.push(channelId);
    arrived();
    const failure = await held;
    if (failure) throw failure;
    adapter.posts.push({ channelId, reply });
  };
  return { adapter, posting, release };
}

describe('DigestScheduler.stop', () => {
  it('lets the post in flight finish, claims no further slot, and the next start sends the rest once', async () => {
    const store = world.openStore();
    const sub = store.subscribe(newsroom, SUBSCRIBED);
    const { adapter, posting, release } = heldAdapter();
    const first = scheduler(store, adapter);
    const ticking = first.tick(NOW);
    await posting;
    let stopped = false;
    const stopping = first.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(await ticking).toEqual({ sent: 1, skipped: 0, failed: 0 });
    expect(store.run(sub.id, MONDAY)?.state).toBe('sent');
    expect(store.run(sub.id, TUESDAY)).toBeUndefined();
    expect(await first.tick(NOW)).toEqual({ sent: 0, skipped: 0, failed: 0 });

    const restarted = scheduler(world.openStore(), adapter);
    await restarted.tick(NOW);
    await restarted.tick(NOW);
    expect(adapter.postsTo('C-NEWS')).toHaveLength(2);
    expect(store.runs(sub.id).map((r) => r.state)).toEqual(['sent', 'sent']);
  });

  it('gives a post the platform refused during shutdown back unsent, and the next start sends it once', async () => {
    const store = world.openStore();
    const sub = store.subscribe({ ...newsroom, days: [2] }, SUBSCRIBED);
    const { adapter, posting, release } = heldAdapter();
    const first = scheduler(store, adapter);
    const ticking = first.tick(NOW);
    await posting;
    const stopping = first.stop();
    release(new DeliveryError('unavailable', 'Slack answered internal_error'));
    await stopping;
    expect(await ticking).toEqual({ sent: 0, skipped: 0, failed: 0 });
    // Not retried while stopping, not marked failed: claimable again at once.
    expect(adapter.attempts).toEqual(['C-NEWS']);
    expect(store.run(sub.id, TUESDAY)).toMatchObject({ state: 'claimed' });
    expect(store.unfinishedRuns()).toHaveLength(1);

    const restarted = scheduler(world.openStore(), adapter);
    expect(await restarted.tick(NOW)).toMatchObject({ sent: 1 });
    expect(await restarted.tick(NOW)).toMatchObject({ sent: 0 });
    expect(adapter.postsTo('C-NEWS')).toHaveLength(1);
    expect(store.run(sub.id, TUESDAY)).toMatchObject({ state: 'sent', attempts: 2 });
    expect(store.unfinishedRuns()).toEqual([]);
  });

  it('leaves a post still in flight at exit as posting, never re-sent after a restart', async () => {
    const store = world.openStore();
    const sub = store.subscribe({ ...newsroom, days: [2] }, SUBSCRIBED);
    const { adapter, posting } = heldAdapter();
    void scheduler(store, adapter).tick(NOW);
    await posting;
    expect(store.run(sub.id, TUESDAY)?.state).toBe('posting');
    // The process exits here. A restart after the claim's lease ran out finds the outcome unknown.
    const restarted = scheduler(world.openStore(), adapter);
    await restarted.tick(new Date(NOW.getTime() + 11 * 60_000));
    expect(store.run(sub.id, TUESDAY)?.state).toBe('failed');
    expect(adapter.attempts).toEqual(['C-NEWS']);
  });
});
