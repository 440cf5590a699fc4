import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botContext } from '../../../adapters/bot.js';
import type { DiscordAdapter } from '../../../adapters/discord/adapter.js';
import { DigestService } from '../../../src/digest/service.js';
import { SqliteDigestStore } from '../../../src/digest/sqlite-store.js';
import { Dossier } from '../../../src/engine/dossier.js';
import { createLogger } from '../../../src/log.js';
import { CHANNEL_ID, DiscordStandIn, GUILD_ID, discordError, type RecordedRequest } from './stand-in.js';
import { startDiscordAdapter } from './start-adapter.js';

/**
 * Where a Discord digest may be subscribed: `/brief` works wherever members may use it and is answered through its
 * interaction, but a digest is a message the bot posts itself, which needs its own permissions in the channel. Real
 * discord.js client, a Discord stand-in on 127.0.0.1.
 */

const { ViewChannel, SendMessages, SendMessagesInThreads, EmbedLinks, UseApplicationCommands } = PermissionFlagsBits;

let standIn: DiscordStandIn;
let adapter: DiscordAdapter;
let corpusDir: string;
let store: SqliteDigestStore;
const logs: Record<string, unknown>[] = [];

beforeAll(async () => {
  corpusDir = await mkdtemp(join(tmpdir(), 'dossier-discord-where-'));
  await writeFile(join(corpusDir, 'silt.md'), '# Silt\n\nThe harbour was dredged of silt in March.\n');
  const dossier = await Dossier.open({ corpusDir });
  standIn = await DiscordStandIn.start();
  store = new SqliteDigestStore(':memory:');
  const log = createLogger('debug', { write: (line: string) => void logs.push(JSON.parse(line)) });
  const digest = new DigestService({ store, dossier, defaultTimeZone: 'UTC' });
  adapter = await startDiscordAdapter(standIn, botContext({ dossier, log, digest }));
});

afterAll(async () => {
  await adapter?.stop();
  await standIn?.close();
  store?.close();
  await rm(corpusDir, { recursive: true, force: true });
});

const permissions = (...flags: bigint[]) => String(flags.reduce((all, flag) => all | flag, 0n));
/** What a digest needs in a channel, and using /brief. */
const ENOUGH = [ViewChannel, SendMessages, EmbedLinks, UseApplicationCommands];

/** Where a command is typed, as the interaction names it. */
const ChannelIn = {
  text: { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: 'general' },
  /** A thread not yet seen: discord.js caches a channel once fetched, so each test has one of its own. */
  thread: (id: string) => ({ id, type: 11, guild_id: GUILD_ID, parent_id: CHANNEL_ID, name: 'dredging' }),
};

/** `/brief digest <action> silt` typed in a guild channel (or thread) where the bot has `appPermissions`. */
function digest(action: string, appPermissions: bigint[], channel: { id: string; type: number } = ChannelIn.text) {
  const payload = standIn.command('digest', { action, topics: 'silt' });
  return { ...payload, app_permissions: permissions(...appPermissions), channel_id: channel.id, channel };
}
/** The thread as Discord's GET /channels/:id answers it (the stand-in's default is a text channel). */
const threadFetched = (id: string) => ({
  status: 200,
  body: {
    ...ChannelIn.thread(id),
    owner_id: '900000000000000010',
    thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: '2026-01-01T00:00:00Z' },
  },
});
const isFetchOf = (id: string) => (r: RecordedRequest) => r.method === 'GET' && r.path === `/channels/${id}`;

/** Sends an interaction and returns the text of the answer that replaced its deferral. */
async function answerTo(payload: Record<string, unknown>): Promise<string> {
  const { token } = standIn.interact(payload);
  const answer = await standIn.waitFor((r) => r.method === 'PATCH' && r.path.endsWith(`/${token}/messages/@original`));
  return JSON.stringify(answer.body.embeds);
}
const subscribed = () => store.subscriptions().map((s) => s.channelId);
const unsubscribeAll = () => {
  for (const s of store.subscriptions()) store.unsubscribe(s.platform, s.channelId);
};

describe('digest subscribe in Discord, where the bot cannot post', () => {
  it.each([
    [
      'a channel the bot cannot see',
      [SendMessages, EmbedLinks],
      'Dossier cannot see this channel, so it could not post a digest here: give it View Channel here, or subscribe ' +
        'from a server channel where Dossier can post.',
    ],
    [
      'a channel where it may not send',
      [ViewChannel, EmbedLinks, SendMessagesInThreads],
      'Dossier lacks Send Messages in this channel, so it could not post a digest here: give it to Dossier here',
    ],
    [
      'a channel where it may neither send nor embed',
      [ViewChannel],
      'Dossier lacks Send Messages and Embed Links in this channel, so it could not post a digest here: give them',
    ],
  ])('is refused in %s, in one line naming what it lacks', async (_what, granted, says) => {
    const reply = await answerTo(digest('subscribe', granted));
    expect(reply).toContain(says);
    expect(subscribed()).toEqual([]);
  });

  it('is refused in a direct message, without asking Discord', async () => {
    const from = standIn.requests.length;
    const reply = await answerTo(
      standIn.inDirectMessage(standIn.command('digest', { action: 'subscribe', topics: 'x' })),
    );
    expect(reply).toContain(
      'Dossier cannot post a digest in a direct message: subscribe from a server channel where Dossier can post.',
    );
    expect(subscribed()).toEqual([]);
    expect(standIn.requests.slice(from).filter((r) => r.method === 'GET')).toEqual([]);
  });

  it('still previews in a direct message: a preview is shown to the asker only', async () => {
    const reply = await answerTo(
      standIn.inDirectMessage(standIn.command('digest', { action: 'preview', topics: 'silt' })),
    );
    expect(reply).toContain('Digest preview: silt');
    expect(reply).not.toContain('cannot post');
  });

  it('is taken in a channel where the bot may see, send and embed', async () => {
    expect(await answerTo(digest('subscribe', ENOUGH))).toContain('Digest subscribed');
    expect(subscribed()).toEqual([CHANNEL_ID]);
    unsubscribeAll();
  });

  it('asks of a thread Send Messages in Threads, not Send Messages, asking Discord what the channel is', async () => {
    const [refusing, taking] = ['900000000000000030', '900000000000000031'];
    standIn.respond(isFetchOf(refusing), threadFetched(refusing));
    const refused = await answerTo(digest('subscribe', ENOUGH, ChannelIn.thread(refusing)));
    expect(refused).toContain('Dossier lacks Send Messages in Threads in this thread, so it could not post a digest');
    expect(subscribed()).toEqual([]);
    expect(standIn.requests.filter(isFetchOf(refusing))).toHaveLength(1);

    standIn.respond(isFetchOf(taking), threadFetched(taking));
    const inThreads = [ViewChannel, SendMessagesInThreads, EmbedLinks, UseApplicationCommands];
    expect(await answerTo(digest('subscribe', inThreads, ChannelIn.thread(taking)))).toContain('Digest subscribed');
    expect(subscribed()).toEqual([taking]);
    unsubscribeAll();
  });

  it('is refused in a thread Discord says the bot cannot see (50001)', async () => {
    const hidden = '900000000000000032';
    standIn.respond(isFetchOf(hidden), discordError(403, 50001, 'Missing Access'));
    const reply = await answerTo(digest('subscribe', ENOUGH, ChannelIn.thread(hidden)));
    expect(reply).toContain('Dossier cannot see this channel');
    expect(subscribed()).toEqual([]);
  });

  it('is taken, with a log line, when Discord does not say what the channel is', async () => {
    const unknown = '900000000000000033';
    // discord.js tries a 5xx again a few times; every try fails.
    standIn.respond(isFetchOf(unknown), { status: 503, body: { message: 'unavailable', code: 0 } }, 10);
    expect(await answerTo(digest('subscribe', ENOUGH, ChannelIn.thread(unknown)))).toContain('Digest subscribed');
    expect(subscribed()).toEqual([unknown]);
    expect(logs).toContainEqual(
      expect.objectContaining({ level: 40, msg: expect.stringContaining('Could not tell whether the bot can post') }),
    );
    unsubscribeAll();
  });
});
