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
import { BOT_ID, CHANNEL_ID, DiscordStandIn, GUILD_ID, discordError, type RecordedRequest } from './stand-in.js';
import { startDiscordAdapter } from './start-adapter.js';

/**
 * Where a Discord digest may be subscribed: `/brief` works wherever members may use it and is answered through its
 * interaction, but a digest is a message the bot posts itself, which needs its own permissions in the channel. Real
 * discord.js client, a Discord stand-in on 127.0.0.1.
 */

const { ViewChannel, SendMessages, SendMessagesInThreads, EmbedLinks, UseApplicationCommands, ManageThreads } =
  PermissionFlagsBits;

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
  /** A private thread (type 12), open only to those added to it and to members with Manage Threads. */
  privateThread: (id: string) => ({ ...ChannelIn.thread(id), type: 12 }),
};

/** `/brief digest <action> silt` typed in a guild channel (or thread) where the bot has `appPermissions`. */
function digest(action: string, appPermissions: bigint[], channel: { id: string; type: number } = ChannelIn.text) {
  const payload = standIn.command('digest', { action, topics: 'silt' });
  return { ...payload, app_permissions: permissions(...appPermissions), channel_id: channel.id, channel };
}
/** A thread as Discord describes it: a public one (type 11) unless `type` says otherwise, open unless told. */
interface ThreadShape {
  type?: number;
  locked?: boolean;
  archived?: boolean;
  /** With the bot's thread member, as Discord's answer carries it for a thread the bot is in. */
  botIsMember?: boolean;
}
function threadData(
  id: string,
  { type = 11, locked = false, archived = false, botIsMember = false }: ThreadShape = {},
) {
  return {
    ...ChannelIn.thread(id),
    type,
    owner_id: '900000000000000010',
    thread_metadata: {
      archived,
      locked,
      auto_archive_duration: 1440,
      archive_timestamp: '2026-01-01T00:00:00Z',
      ...(type === 12 ? { invitable: true } : {}),
    },
    ...(botIsMember ? { member: { id, user_id: BOT_ID, join_timestamp: '2026-01-01T00:00:00Z', flags: 0 } } : {}),
  };
}
/** The thread as Discord's GET /channels/:id answers it (the stand-in's default is a text channel). */
const threadFetched = (id: string, shape: ThreadShape = {}) => ({ status: 200, body: threadData(id, shape) });
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

  it('is refused in a channel Discord says does not exist (10003)', async () => {
    const gone = '900000000000000032';
    standIn.respond(isFetchOf(gone), discordError(404, 10003, 'Unknown Channel'));
    const reply = await answerTo(digest('subscribe', ENOUGH, ChannelIn.thread(gone)));
    expect(reply).toContain('Dossier cannot see this channel');
    expect(subscribed()).toEqual([]);
  });

  const NOT_ADDED =
    'Dossier is not in this private thread, so it could not post a digest here: add it by @mentioning Dossier here, ' +
    'then subscribe again.';

  it('is refused in a private thread Discord hides from the bot though it may view the channel (50001)', async () => {
    const hidden = '900000000000000034';
    standIn.respond(isFetchOf(hidden), discordError(403, 50001, 'Missing Access'));
    expect(await answerTo(digest('subscribe', ENOUGH, ChannelIn.privateThread(hidden)))).toContain(NOT_ADDED);
    expect(subscribed()).toEqual([]);
  });

  it('is refused in a private thread the bot was not added to, and taken once it was', async () => {
    const [notIn, addedTo] = ['900000000000000035', '900000000000000036'];
    const inThreads = [ViewChannel, SendMessagesInThreads, EmbedLinks, UseApplicationCommands];
    standIn.respond(isFetchOf(notIn), threadFetched(notIn, { type: 12 }));
    expect(await answerTo(digest('subscribe', inThreads, ChannelIn.privateThread(notIn)))).toContain(NOT_ADDED);
    expect(subscribed()).toEqual([]);

    standIn.respond(isFetchOf(addedTo), threadFetched(addedTo, { type: 12, botIsMember: true }));
    const reply = await answerTo(digest('subscribe', inThreads, ChannelIn.privateThread(addedTo)));
    expect(reply).toContain('Digest subscribed');
    expect(subscribed()).toEqual([addedTo]);
    unsubscribeAll();
  });

  it('asks Discord again about a private thread the cache does not show the bot in, before refusing', async () => {
    // Seen by the gateway before the bot was added to it (as a moderator then, say): the cache has no member for it.
    const cached = '900000000000000037';
    standIn.dispatch('THREAD_CREATE', threadData(cached, { type: 12 }));
    standIn.respond(isFetchOf(cached), threadFetched(cached, { type: 12, botIsMember: true }));
    const inThreads = [ViewChannel, SendMessagesInThreads, EmbedLinks, UseApplicationCommands];
    expect(await answerTo(digest('subscribe', inThreads, ChannelIn.privateThread(cached)))).toContain(
      'Digest subscribed',
    );
    expect(standIn.requests.filter(isFetchOf(cached))).toHaveLength(1);
    unsubscribeAll();
  });

  it('is refused in a locked thread, unless the bot has Manage Threads', async () => {
    const [locked, moderated, archived] = ['900000000000000038', '900000000000000039', '900000000000000040'];
    const inThreads = [ViewChannel, SendMessagesInThreads, EmbedLinks, UseApplicationCommands];
    standIn.respond(isFetchOf(locked), threadFetched(locked, { locked: true, archived: true }));
    expect(await answerTo(digest('subscribe', inThreads, ChannelIn.thread(locked)))).toContain(
      'This thread is locked, so Dossier could not post a digest here: unlock it, or subscribe from a server channel ' +
        'where Dossier can post.',
    );
    expect(subscribed()).toEqual([]);

    standIn.respond(isFetchOf(moderated), threadFetched(moderated, { locked: true }));
    const asModerator = await answerTo(digest('subscribe', [...inThreads, ManageThreads], ChannelIn.thread(moderated)));
    expect(asModerator).toContain('Digest subscribed');
    unsubscribeAll();

    // Archived but not locked: the digest's post reopens it, as any member's message does.
    standIn.respond(isFetchOf(archived), threadFetched(archived, { archived: true }));
    expect(await answerTo(digest('subscribe', inThreads, ChannelIn.thread(archived)))).toContain('Digest subscribed');
    expect(subscribed()).toEqual([archived]);
    unsubscribeAll();
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
