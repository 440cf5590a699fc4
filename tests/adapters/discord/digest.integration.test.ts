import type { ThreadChannel } from 'discord.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { botContext } from '../../../adapters/bot.js';
import { DiscordAdapter } from '../../../adapters/discord/adapter.js';
import { digestNonce } from '../../../adapters/discord/digest.js';
import type { DeliveryError } from '../../../src/digest/delivery.js';
import { DigestScheduler } from '../../../src/digest/scheduler.js';
import { SqliteDigestStore } from '../../../src/digest/sqlite-store.js';
import type { Dossier } from '../../../src/engine/dossier.js';
import { silentLogger } from '../../../src/log.js';
import { openCorpus } from '../../support/corpus.js';
import { BOT_ID, CHANNEL_ID, DiscordStandIn, GUILD_ID, discordError, type RecordedRequest } from './stand-in.js';
import { startDiscordAdapter } from './start-adapter.js';
import { textReply } from '../../../src/answer/reply.js';
import {
  CHANGED_WHILE_DOWN,
  at,
  changedWhileDown,
  digestWorld,
  longTopicsCorpus,
  twoLongMornings,
} from '../../digest/fixtures.js';
import { DigestRuntime } from '../../../src/digest/index.js';
import type { DigestPoster } from '../../../src/digest/scheduler.js';

/** Digest posts through the real adapter and discord.js client, against a Discord stand-in that misbehaves. */

let standIn: DiscordStandIn;
let adapter: DiscordAdapter;
let cleanup: () => Promise<void>;
let dossier: Dossier;

const digest = textReply('Digest: tram funding', 'The tram was funded.');
const OTHER_CHANNEL = '900000000000000099';
const GONE_CHANNEL = '900000000000000098';
const isPost = (r: RecordedRequest) => r.method === 'POST' && r.path === `/channels/${CHANNEL_ID}/messages`;
const SINCE = () => new Date(Date.now() - 5000);

beforeAll(async () => {
  const corpus = await openCorpus({ 'tram.md': '# Tram\n\nThe tram was funded.\n' });
  cleanup = corpus.cleanup;
  standIn = await DiscordStandIn.start();
  dossier = corpus.dossier;
  adapter = await startDiscordAdapter(standIn, botContext({ dossier, log: silentLogger() }), 2_000);
});
afterAll(async () => {
  await adapter?.stop();
  await standIn?.close();
  await cleanup();
});
beforeEach(() => {
  standIn.requests.length = 0;
  standIn.channelMessages.length = 0;
});

describe('DiscordAdapter digest posts', () => {
  it(
    'carry a nonce from the slot’s id that Discord enforces, and findPost ' + 'finds the bot’s post since then',
    async () => {
      const since = SINCE();
      await adapter.post(CHANNEL_ID, digest, { key: '7:2026-03-03T13:00:00.000Z' });
      const posted = standIn.requests.find(isPost)!;
      expect(posted.body).toMatchObject({ nonce: digestNonce('7:2026-03-03T13:00:00.000Z'), enforce_nonce: true });
      expect(posted.body.nonce.length).toBeLessThanOrEqual(25);
      expect(await adapter.findPost(CHANNEL_ID, '7:2026-03-03T13:00:00.000Z', since)).toBe(true);
      expect(await adapter.findPost(OTHER_CHANNEL, '7:2026-03-03T13:00:00.000Z', since)).toBe(false);
      expect(await adapter.findPost(CHANNEL_ID, '7:2026-03-03T13:00:00.000Z', new Date(Date.now() + 120_000))).toBe(
        false,
      );
    },
  );

  it('taken by Discord whose answer was lost cannot become two messages under the same nonce', async () => {
    // A 500 after Discord kept it: discord.js retries by itself, and Discord returns the message it has.
    standIn.respond(isPost, { status: 500, body: { message: 'oops', code: 0 }, keep: true });
    await adapter.post(CHANNEL_ID, digest, { key: 'k-500' });
    // A broken connection after Discord kept it: possibly posted; posting again finds the same message.
    standIn.respond(isPost, { status: 200, reset: true, keep: true });
    await expect(adapter.post(CHANNEL_ID, digest, { key: 'k-reset' })).rejects.toMatchObject({
      code: 'interrupted',
      mayHavePosted: true,
    });
    expect(await adapter.findPost(CHANNEL_ID, 'k-reset', SINCE())).toBe(true);
    await adapter.post(CHANNEL_ID, digest, { key: 'k-reset' });
    expect(standIn.requests.filter(isPost)).toHaveLength(4);
    expect(standIn.channelMessages.map((m) => m.nonce)).toEqual([digestNonce('k-500'), digestNonce('k-reset')]);
  });

  it('of more than a message holds post what fits, record only that, and bring the rest the next morning', async () => {
    const long = await openCorpus(longTopicsCorpus(1));
    try {
      const { whole, first, second } = await twoLongMornings('discord', CHANNEL_ID, adapter, long.dossier);
      const embeds = standIn.requests.find(isPost)!.body.embeds as { description: string; footer?: unknown }[];
      expect(embeds[0]!.description.match(/\*\*\d+\.\*\*/g)).toHaveLength(first.length);
      expect(embeds[0]!.description).toMatch(/\d+ more results? on these topics will come in a later digest\.$/);
      expect(embeds.map((e) => e.footer)).toEqual(embeds.map(() => undefined));
      expect(first.length).toBeLessThan(whole.length);
      // What was left out comes the next morning: each topic's best passage not yet sent is one of them.
      expect(whole.filter((key) => !second.includes(key))).toEqual([]);
    } finally {
      await long.cleanup();
    }
  });

  it('name a document changed and one removed while the bot was down, saying what changed', async () => {
    await changedWhileDown('discord', CHANNEL_ID, adapter);
    const [first, second] = standIn.requests.filter(isPost).map((r) => JSON.stringify(r.body.embeds));
    expect(first).not.toContain('in the corpus:');
    for (const line of CHANGED_WHILE_DOWN) expect(second).toContain(JSON.stringify(line).slice(1, -1));
  });

  it('are subscribed, listed and unsubscribed by /brief interactions through discord.js, as a channel is', async () => {
    // A stand-in and discord.js client of its own, whose commands reach a running digest (the shared one has none).
    const world = await digestWorld();
    const own = await DiscordStandIn.start();
    const posters: Partial<Record<'discord', DigestPoster>> = {};
    let now = at('2026-03-02T12:00Z');
    const runtime = new DigestRuntime({
      config: {
        DATABASE_PATH: world.dbPath,
        TZ_DEFAULT: 'UTC',
        DIGEST_MANAGE_SLACK: 'anyone',
        DIGEST_MANAGE_DISCORD: 'managers',
        DIGEST_GRACE_MINUTES: 120,
      },
      dossier: world.dossier,
      adapters: posters,
      log: silentLogger(),
      now: () => now,
    });
    const bot = await startDiscordAdapter(
      own,
      botContext({ dossier: world.dossier, log: silentLogger(), digest: runtime.service, now: () => now }),
    );
    posters.discord = bot;
    let token = '';
    const said = async (options: Record<string, string>) => {
      ({ token } = own.interact(own.command('digest', options)));
      const answer = await own.waitFor((r) => r.method === 'PATCH' && r.path.endsWith(`/${token}/messages/@original`));
      return answer.body.embeds[0] as { title?: string; description: string };
    };
    /** The last command's follow-up: a message for the whole channel, beside the private answer. */
    const isNote = (r: RecordedRequest) =>
      r.method === 'POST' && r.path.startsWith('/webhooks/') && r.path.endsWith(token);
    const noted = async () => (await own.waitFor(isNote)).body as Record<string, unknown> & { embeds: object[] };
    try {
      await runtime.start();
      const subscribed = await said({
        action: 'subscribe',
        topics: 'beehives, café grants',
        at: '08:00',
        days: 'daily',
      });
      expect(subscribed.title).toBe('Digest subscribed');
      expect(subscribed.description).toBe(
        'This channel will get a digest on “beehives”, “café grants”, daily at 08:00 (UTC). Next: Tue 3 Mar, 08:00.',
      );
      expect(runtime.store.subscriptions().map((s) => [s.platform, s.channelId, s.topics])).toEqual([
        ['discord', CHANNEL_ID, ['beehives', 'café grants']],
      ]);
      // The channel is told, in a public follow-up naming who set it up (never mentioning them), with no buttons.
      const note = await noted();
      expect(note.flags ?? 0).toBe(0);
      expect(note.allowed_mentions).toEqual({ parse: [] });
      expect(note.components ?? []).toEqual([]);
      expect(note.embeds).toMatchObject([
        {
          title: 'Digest set up by Asker',
          description:
            'This channel will get a digest on “beehives”, “café grants”, daily at 08:00 (UTC). ' +
            'Next: Tue 3 Mar, 08:00.',
        },
      ]);
      const listed = await said({ action: 'list' });
      expect(listed.description).toBe(
        '“beehives”, “café grants”, daily at 08:00 (UTC), set up by Asker. Next: Tue 3 Mar, 08:00.',
      );
      now = at('2026-03-03T08:00Z');
      expect(await runtime.scheduler.tick(now)).toMatchObject({ sent: 1 });
      expect(own.channelMessages.map((m) => m.channelId)).toEqual([CHANNEL_ID]);
      const unsubscribed = await said({ action: 'unsubscribe' });
      expect(unsubscribed).toMatchObject({
        title: 'Digest unsubscribed',
        description: 'This channel will get no more digests.',
      });
      expect(runtime.store.subscriptions()).toEqual([]);
      expect((await noted()).embeds).toMatchObject([
        {
          title: 'Digest stopped by Asker',
          description: 'This channel will get no more digests on “beehives”, “café grants”.',
        },
      ]);
      expect(await said({ action: 'list' })).toMatchObject({ title: 'No digest' });
      // A list changes nothing: the channel is told nothing of it.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(own.requests.filter(isNote)).toEqual([]);
      now = at('2026-03-04T08:00Z');
      expect(await runtime.scheduler.tick(now)).toMatchObject({ sent: 0 });
      expect(own.channelMessages).toHaveLength(1);
    } finally {
      await runtime.stopScheduling();
      await bot.stop();
      runtime.close();
      await own.close();
      await world.cleanup();
    }
  });

  it('report a 429 at once with its Retry-After, for the digest to wait out', async () => {
    standIn.respond(isPost, discordError(429, 0, 'You are being rate limited.', { 'retry-after': '40' }));
    const started = Date.now();
    const error = await adapter.post(CHANNEL_ID, digest, { key: 'k-429' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'rate-limited', mayHavePosted: false });
    // discord.js adds its small safety margin to Retry-After.
    expect((error as DeliveryError).retryAfterMs).toBeGreaterThanOrEqual(40_000);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(standIn.requests.filter(isPost)).toHaveLength(1);
  });

  it('report a missing Read Message History as a look that can never tell', async () => {
    standIn.respond(
      (r) => r.method === 'GET' && r.path === `/channels/${CHANNEL_ID}/messages`,
      discordError(403, 50013, 'Missing Permissions'),
    );
    await expect(adapter.findPost(CHANNEL_ID, 'k', SINCE())).rejects.toMatchObject({ code: 'cannot-check' });
  });

  it('that never reach the post (the channel cannot be found) report nothing posted', async () => {
    standIn.respond(
      (r) => r.method === 'GET' && r.path === `/channels/${GONE_CHANNEL}`,
      discordError(404, 10003, 'Unknown Channel'),
    );
    await expect(adapter.post(GONE_CHANNEL, digest, { key: 'k' })).rejects.toMatchObject({
      code: 'channel-gone',
      permanent: true,
      mayHavePosted: false,
    });
  });

  it.each([
    [403, 50083, 'Thread is archived'],
    [400, 160005, 'Thread is locked'],
  ])(
    'refused because the thread was locked since (%i, %i) pause the subscription and tell its subscriber why',
    async (status, code, message) => {
      // Discord answers a post in a locked thread with 50083 (archived) or 160005 (locked), even while it is active.
      standIn.respond(isPost, discordError(status, code, message));
      const notes = await pauseNotices(CHANNEL_ID);
      expect(standIn.requests.filter(isPost)).toHaveLength(1);
      expect(notes).toEqual([
        expect.stringContaining(
          `is paused: Discord says thread ${CHANNEL_ID} is locked, so only members with Manage Threads may post ` +
            `there (${code} ${message}): unlock it there.`,
        ),
      ]);
    },
  );

  it('refused in a private thread the bot was removed from advise adding it back, not View Channel', async () => {
    const thread = '900000000000000060';
    const member = { id: thread, user_id: BOT_ID, join_timestamp: '2026-01-01T00:00:00Z', flags: 0 };
    standIn.dispatch('THREAD_CREATE', { ...privateThread(thread), member });
    await until(() => (adapter.client.channels.cache.get(thread) as ThreadChannel | undefined)?.joined === true);
    standIn.dispatch('THREAD_MEMBERS_UPDATE', {
      id: thread,
      guild_id: GUILD_ID,
      member_count: 1,
      removed_member_ids: [BOT_ID],
    });
    await until(() => (adapter.client.channels.cache.get(thread) as ThreadChannel).joined === false);
    const isPostThere = (r: RecordedRequest) => r.method === 'POST' && r.path === `/channels/${thread}/messages`;
    standIn.respond(isPostThere, discordError(403, 50001, 'Missing Access'));
    const notes = await pauseNotices(thread);
    expect(notes).toEqual([
      expect.stringContaining(
        `is paused: Dossier is not in private thread ${thread} (50001 Missing Access): add it back by @mentioning ` +
          'Dossier in the thread. Once the bot can post there again',
      ),
    ]);
    expect(notes[0]).not.toContain('View Channel');
  });

  it('refused in a channel it cannot see and has not seen advise both View Channel and adding it back', async () => {
    // After a restart, a private thread the bot was removed from is hidden from it, as is a channel it may not view.
    standIn.respond(
      (r) => r.method === 'GET' && r.path === `/channels/${GONE_CHANNEL}`,
      discordError(403, 50001, 'Missing Access'),
    );
    expect(await pauseNotices(GONE_CHANNEL)).toEqual([
      expect.stringContaining(
        `is paused: Dossier cannot see channel ${GONE_CHANNEL} (50001 Missing Access): give it View Channel there, ` +
          'or, if it is a private thread, add it back by @mentioning Dossier in the thread.',
      ),
    ]);
  });

  it('refused in a channel the bot has seen and may not view advise View Channel alone', async () => {
    standIn.respond(isPost, discordError(403, 50001, 'Missing Access'));
    expect(await pauseNotices(CHANNEL_ID)).toEqual([
      expect.stringContaining(
        `is paused: Dossier cannot see channel ${CHANNEL_ID} (50001 Missing Access): give it View Channel there. Once`,
      ),
    ]);
  });

  it('name a command, in a pause’s notice, as Discord asks for it: the subcommand with its options', async () => {
    standIn.respond(isPost, discordError(404, 10003, 'Unknown Channel'));
    // `digest subscribe` typed alone is a message to the channel.
    expect(await pauseNotices(CHANNEL_ID)).toEqual([
      expect.stringMatching(/subscribe again with `\/brief digest action:subscribe`\.$/),
    ]);
  });
});

/** A private thread (type 12) in the stand-in's guild, under its channel, as Discord describes one. */
const privateThread = (id: string) => ({
  id,
  type: 12,
  guild_id: GUILD_ID,
  parent_id: CHANNEL_ID,
  name: 'ferry timetables',
  owner_id: '900000000000000010',
  thread_metadata: {
    archived: false,
    locked: false,
    invitable: true,
    auto_archive_duration: 1440,
    archive_timestamp: '2026-01-01T00:00:00Z',
  },
});

/** Resolves once `done` holds: the gateway's dispatches reach the client a moment after they are sent. */
async function until(done: () => boolean): Promise<void> {
  for (let waited = 0; !done(); waited += 10) {
    if (waited > 5000) throw new Error('the client never saw the dispatch');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * Subscribes `channelId` to a daily digest, runs its 08:00 slot through the scheduler with the real adapter, and
 * returns the pause notices its subscriber was sent, once the subscription is checked to be paused.
 */
async function pauseNotices(channelId: string): Promise<string[]> {
  const store = new SqliteDigestStore(':memory:');
  const sub = store.subscribe(
    {
      platform: 'discord',
      channelId,
      subscriberId: 'U-FERRY',
      topics: ['tram'],
      time: '08:00',
      days: [0, 1, 2, 3, 4, 5, 6],
      timeZone: 'UTC',
    },
    new Date('2026-03-03T07:00Z'),
  );
  const notes: string[] = [];
  const scheduler = new DigestScheduler({
    store,
    dossier,
    adapters: { discord: adapter },
    log: silentLogger(),
    sleep: async () => {},
    notifySubscriber: async (_sub, note) => void notes.push(note.error?.message ?? ''),
  });
  try {
    expect(await scheduler.tick(new Date('2026-03-03T08:00Z'))).toMatchObject({ sent: 0, failed: 1 });
    expect(store.subscriptionById(sub.id)?.state).toBe('paused');
    return notes;
  } finally {
    store.close();
  }
}
