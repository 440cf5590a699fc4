import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { botContext } from '../../../adapters/bot.js';
import { SlackAdapter } from '../../../adapters/slack/app.js';
import { DIGEST_EVENT } from '../../../adapters/slack/digest.js';
import type { Dossier } from '../../../src/engine/dossier.js';
import { createLogger, silentLogger } from '../../../src/log.js';
import { openCorpus } from '../../support/corpus.js';
import { SlackStub } from './slack-stub.js';
import { textReply } from '../../../src/answer/reply.js';
import { DigestScheduler } from '../../../src/digest/scheduler.js';
import { SqliteDigestStore } from '../../../src/digest/sqlite-store.js';
import { CHANGED_WHILE_DOWN, changedWhileDown, longTopicsCorpus, twoLongMornings } from '../../digest/fixtures.js';
import { startSlackAdapter } from './start-adapter.js';

/** Digest posts through the real adapter and Web API client, against a Slack stand-in that misbehaves. */

const stub = new SlackStub();
let adapter: SlackAdapter;
let logs: Record<string, unknown>[];
let cleanup: () => Promise<void>;
let dossier: Dossier;

const digest = textReply('Digest: harbour', 'The harbour was dredged.');
const SINCE = () => new Date(Date.now() - 5000);

beforeAll(async () => {
  await stub.start();
  const corpus = await openCorpus({ 'harbour.md': '# Harbour\n\nThe harbour was dredged.\n' });
  cleanup = corpus.cleanup;
  dossier = corpus.dossier;
  logs = [];
  const log = createLogger('debug', { write: (line: string) => void logs.push(JSON.parse(line)) });
  adapter = new SlackAdapter(botContext({ dossier: corpus.dossier, log }), {
    botToken: 'xoxb-digest-test',
    signingSecret: 'secret',
    port: 0,
    command: '/brief',
    apiUrl: `${stub.url}/api/`,
  });
});
afterAll(async () => {
  await stub.stop();
  await cleanup();
});
beforeEach(() => {
  stub.calls.length = 0;
  stub.messages.length = 0;
});

const posts = () => stub.callsTo('/api/chat.postMessage');

describe('SlackAdapter digest posts', () => {
  it('carry the slot’s id in message metadata, and findPost finds that digest, and only it', async () => {
    await adapter.post('C-NEWS', digest, { key: '7:2026-03-03T13:00:00.000Z' });
    expect(posts()[0]?.body).toMatchObject({
      channel: 'C-NEWS',
      metadata: { event_type: DIGEST_EVENT, event_payload: { key: '7:2026-03-03T13:00:00.000Z' } },
    });
    expect(await adapter.findPost('C-NEWS', '7:2026-03-03T13:00:00.000Z', SINCE())).toBe(true);
    expect(await adapter.findPost('C-NEWS', '7:2026-03-04T13:00:00.000Z', SINCE())).toBe(false);
    expect(await adapter.findPost('C-OTHER', '7:2026-03-03T13:00:00.000Z', SINCE())).toBe(false);
    expect(stub.callsTo('/api/conversations.history')[0]?.body).toMatchObject({
      channel: 'C-NEWS',
      include_all_metadata: 'true',
    });
  });

  it('of more than a message holds post what fits, record only that, and bring the rest the next morning', async () => {
    const long = await openCorpus(longTopicsCorpus(4));
    try {
      const { whole, first, second } = await twoLongMornings('slack', 'C-NEWS', adapter, long.dossier);
      const posted = stub.messagesIn('C-NEWS')[0]!;
      const texts = (posted.blocks as { text?: { text?: unknown }; elements?: { text?: unknown }[] }[]).flatMap((b) =>
        [b.text?.text, ...(b.elements ?? []).map((e) => e.text)].filter((t): t is string => typeof t === 'string'),
      );
      expect(texts.filter((t) => t.startsWith('> '))).toHaveLength(first.length);
      expect(texts.at(-1)).toMatch(/^\d+ more results? on these topics will come in a later digest\.$/);
      expect(JSON.stringify(posted)).not.toContain('not shown');
      expect(first.length).toBeLessThan(whole.length);
      // What was left out comes the next morning: each topic's best passage not yet sent is one of them.
      expect(whole.filter((key) => !second.includes(key))).toEqual([]);
    } finally {
      await long.cleanup();
    }
  });

  it('name what changed and went while the bot was down, to a channel subscribed by a signed /brief', async () => {
    await changedWhileDown('slack', 'C-DOWN', adapter, async (service) => {
      // The subscription as a channel makes it: /brief to Bolt on 127.0.0.1, signed, over the runtime's service.
      const bolt = await startSlackAdapter(stub, botContext({ dossier, log: silentLogger(), digest: service }), {
        botToken: 'xoxb-digest-test',
        signingSecret: 'secret',
      });
      try {
        const { answer } = await bolt.command('digest subscribe beehives, café grants at 08:00 daily UTC', {
          channel: 'C-DOWN',
        });
        expect(answer.body.text).toMatch(/subscribed/i);
      } finally {
        await bolt.adapter.stop();
      }
    });
    const [first, second] = stub.messagesIn('C-DOWN');
    expect(JSON.stringify(first)).not.toContain('in the corpus:');
    const texts = (second!.blocks as { text?: { text?: string } }[]).flatMap((b) => b.text?.text ?? []);
    expect(texts).toEqual(expect.arrayContaining(CHANGED_WHILE_DOWN));
  });

  it('are never retried by the client: a reset connection is one request, reported as possibly posted', async () => {
    stub.failNext('/api/chat.postMessage', { status: 200, body: { ok: true }, reset: true });
    const error = await adapter.post('C-NEWS', digest, { key: 'k1' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'interrupted', mayHavePosted: true });
    expect(posts()).toHaveLength(1);
    expect(await adapter.findPost('C-NEWS', 'k1', SINCE())).toBe(true);
  });

  it('report a server error as possibly posted, a refusal as not, and a channel gone as permanent', async () => {
    stub.failNext('/api/chat.postMessage', { status: 500, body: 'oops' });
    await expect(adapter.post('C1', digest, { key: 'k2' })).rejects.toMatchObject({
      code: 'server-error',
      mayHavePosted: true,
    });
    stub.failNext('/api/chat.postMessage', { status: 200, body: { ok: false, error: 'internal_error' } });
    await expect(adapter.post('C1', digest, { key: 'k2' })).rejects.toMatchObject({ code: 'server-error' });
    stub.failNext('/api/chat.postMessage', { status: 200, body: { ok: false, error: 'msg_blocks_too_long' } });
    await expect(adapter.post('C1', digest, { key: 'k2' })).rejects.toMatchObject({
      code: 'rejected',
      mayHavePosted: false,
    });
    stub.failNext('/api/chat.postMessage', { status: 200, body: { ok: false, error: 'is_archived' } });
    await expect(adapter.post('C1', digest, { key: 'k2' })).rejects.toMatchObject({
      code: 'channel-gone',
      permanent: true,
    });
    // The bot removed from the channel: the digest pauses, and its subscriber is told to invite it back.
    stub.failNext('/api/chat.postMessage', { status: 200, body: { ok: false, error: 'not_in_channel' } });
    await expect(adapter.post('C1', digest, { key: 'k2' })).rejects.toMatchObject({
      code: 'channel-gone',
      permanent: true,
      message: 'The bot is not a member of channel C1 (not_in_channel): invite it there with /invite @Dossier.',
    });
    expect(posts()).toHaveLength(5);
  });

  it('hand a 429 back with its Retry-After, without waiting or retrying', async () => {
    stub.failNext('/api/chat.postMessage', { status: 429, headers: { 'retry-after': '45' }, body: {} });
    const started = Date.now();
    await expect(adapter.post('C1', digest, { key: 'k3' })).rejects.toMatchObject({
      code: 'rate-limited',
      retryAfterMs: 45_000,
      mayHavePosted: false,
    });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(posts()).toHaveLength(1);
  });

  it('say in one line which scopes to add when Slack will not show the channel’s history', async () => {
    stub.failNext('/api/conversations.history', { status: 200, body: { ok: false, error: 'missing_scope' } });
    await expect(adapter.findPost('C1', 'k4', SINCE())).rejects.toMatchObject({ code: 'cannot-check' });
    expect(logs).toContainEqual(
      expect.objectContaining({
        channel: 'C1',
        msg: expect.stringContaining('add the channels:history and groups:history'),
      }),
    );
  });

  it('name a command, in a pause’s notice, after the slash command this app is given', async () => {
    const news = new SlackAdapter(botContext({ dossier, log: silentLogger() }), {
      botToken: 'xoxb-digest-test',
      signingSecret: 'secret',
      port: 0,
      command: '/news',
      apiUrl: `${stub.url}/api/`,
    });
    const store = new SqliteDigestStore(':memory:');
    const subscribed = new Date('2026-03-03T07:00Z');
    const daily = { topics: ['harbour'], time: '08:00', days: [0, 1, 2, 3, 4, 5, 6], timeZone: 'UTC' };
    store.subscribe({ platform: 'slack', channelId: 'C-GONE', subscriberId: 'U-EDITOR', ...daily }, subscribed);
    stub.failNext('/api/chat.postMessage', { status: 200, body: { ok: false, error: 'channel_not_found' } });
    const notes: string[] = [];
    try {
      await new DigestScheduler({
        store,
        dossier,
        adapters: { slack: news },
        log: silentLogger(),
        sleep: async () => {},
        notifySubscriber: async (_sub, note) => void notes.push(note.error?.message ?? ''),
      }).tick(new Date('2026-03-03T08:00Z'));
    } finally {
      store.close();
    }
    // `digest subscribe` alone is a message to the channel.
    expect(notes).toEqual([expect.stringMatching(/subscribe again with `\/news digest subscribe`\.$/)]);
  });
});
