import { afterAll, describe, expect, it } from 'vitest';
import { botContext } from '../../../adapters/bot.js';
import { DigestService } from '../../../src/digest/service.js';
import { SqliteDigestStore } from '../../../src/digest/sqlite-store.js';
import { Dossier } from '../../../src/engine/dossier.js';
import { createLogger } from '../../../src/log.js';
import { eventCallbackBody, SlackStub } from './slack-stub.js';
import { slackOverSilt } from './start-adapter.js';

/**
 * Where a Slack digest may be subscribed: a slash command works in any conversation, but the bot posts only where it
 * is a member, so a digest subscribed anywhere else would be refused at its first slot. Real Bolt app, signed
 * requests, a Slack stand-in on 127.0.0.1.
 */

const stub = new SlackStub();
const store = new SqliteDigestStore(':memory:');
const logs: Record<string, unknown>[] = [];
// Registered before the adapter's hooks, so that it runs after them: the store closes once the adapter has stopped.
afterAll(() => store.close());
const slack = slackOverSilt(
  stub,
  async (corpusDir) => {
    const dossier = await Dossier.open({ corpusDir });
    const digest = new DigestService({ store, dossier, defaultTimeZone: 'UTC' });
    const log = createLogger('debug', { write: (line: string) => void logs.push(JSON.parse(line)) });
    return botContext({ dossier, log, digest });
  },
  { botToken: 'xoxb-where-test', signingSecret: 'where-test-signing-secret' },
);

const slashCommand = async (channel: string, text: string) =>
  JSON.stringify((await slack().command(text, { user: 'U-ANY', channel })).answer.body);
const info = (channel: Record<string, unknown>) => ({ status: 200, body: { ok: true, channel } });
const refusal = (error: string) => ({ status: 200, body: { ok: false, error } });
/** Slack's answer to users.info for an app installed without `users:read`. */
const noUsersRead = () => stub.failNext('/api/users.info', refusal('missing_scope'));
const subscribed = () => store.subscriptions().map((s) => s.channelId);

describe('digest subscribe in Slack, where the bot cannot post', () => {
  it.each([
    ['a direct message', 'D0PEOPLE', undefined, 'Dossier cannot post a digest in a direct message: subscribe from'],
    ['a group DM', 'G0MPIM', info({ id: 'G0MPIM', is_mpim: true }), 'cannot post a digest in a group direct message'],
    ['a group DM the app may not read', 'G0MPIM', refusal('missing_scope'), 'in a group direct message'],
    ['a private channel the bot is not in', 'C0PRIV', refusal('channel_not_found'), 'cannot see this conversation'],
    [
      'a channel the bot was not invited to',
      'C0OPEN',
      info({ id: 'C0OPEN', is_member: false }),
      'Dossier is not in this channel, so it could not post a digest here: invite it with /invite @Dossier first.',
    ],
  ])('is refused in %s, in one line saying where to subscribe', async (_what, channel, answer, says) => {
    const from = stub.calls.length;
    if (answer) stub.failNext('/api/conversations.info', answer);
    const reply = await slashCommand(channel, 'digest subscribe dredging at 7am');
    expect(reply).toContain(says);
    expect(reply).toContain(':warning:');
    expect(subscribed()).toEqual([]);
    // A direct message is told by its id alone, without asking Slack.
    const asked = stub.calls.slice(from).filter((c) => c.path === '/api/conversations.info');
    expect(asked.map((c) => c.body.channel)).toEqual(answer ? [channel] : []);
  });

  it('is taken in a channel the bot is in', async () => {
    stub.failNext('/api/conversations.info', info({ id: 'C0DESK', is_member: true }));
    expect(await slashCommand('C0DESK', 'digest subscribe dredging at 7am')).toContain('Digest subscribed');
    expect(subscribed()).toEqual(['C0DESK']);
  });

  it('is taken, with a log line, when Slack does not say: a refused post would pause it and say why', async () => {
    stub.failNext('/api/conversations.info', refusal('internal_error'));
    expect(await slashCommand('C0QUIET', 'digest subscribe silt')).toContain('Digest subscribed');
    expect(subscribed()).toContain('C0QUIET');
    expect(logs).toContainEqual(
      expect.objectContaining({
        level: 40,
        msg: expect.stringContaining('Could not tell whether the bot can post'),
      }),
    );
  });

  it('still previews in a direct message: a preview is shown to the asker only', async () => {
    const reply = await slashCommand('D0PEOPLE', 'digest preview dredging');
    expect(reply).toContain('Digest preview: dredging');
  });
});

describe('a change to a Slack channel’s digest', () => {
  it('is answered to the member alone, then told to the channel in one note naming them, mentions inert', async () => {
    stub.failNext('/api/conversations.info', info({ id: 'C0NOTE', is_member: true }));
    stub.failNext('/api/users.info', {
      status: 200,
      body: { ok: true, user: { id: 'U-ANY', profile: { display_name: 'Ana @here <!channel>' } } },
    });
    const { answer } = await slack().command('digest subscribe dredging, silt at 7am daily', {
      user: 'U-ANY',
      channel: 'C0NOTE',
    });
    const note = await stub.waitFor((c) => c.path === answer.path && c !== answer);
    expect(answer.body).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(answer.body)).toContain('Digest subscribed');
    expect(note.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
    const shown = JSON.stringify(note.body.blocks);
    expect(shown).toContain('Digest set up by Ana @\u2060here &lt;!channel&gt;');
    expect(shown).toContain('“dredging”, “silt”, daily at 07:00 (UTC)');
    expect(shown).not.toMatch(/<!|<@|(^|[^@])@here/);
    // Nothing the channel is shown needs a press: no buttons.
    expect(shown).not.toContain('"actions"');

    const stopped = await slack().command('digest unsubscribe', { user: 'U-ANY', channel: 'C0NOTE' });
    const told = await stub.waitFor((c) => c.path === stopped.answer.path && c !== stopped.answer);
    expect(told.body).toMatchObject({ response_type: 'in_channel' });
    expect(JSON.stringify(told.body.blocks)).toContain('will get no more digests on “dredging”, “silt”.');
  });

  it('tells the channel nothing of what changed nothing, nor of a preview or a list', async () => {
    for (const text of ['digest list', 'digest preview dredging', 'digest unsubscribe']) {
      const { answer } = await slack().command(text, { user: 'U-ANY', channel: 'C0NONE' });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(stub.callsTo(answer.path), text).toHaveLength(1);
    }
  });
});

describe('digest list in Slack, for an app without users:read', () => {
  it('names who set the digest up by a mention in the asker’s own reply, which Slack shows as their name', async () => {
    stub.failNext('/api/conversations.info', info({ id: 'C0LIST', is_member: true }));
    noUsersRead();
    await slack().command('digest subscribe dredging at 7am', { user: 'U0ANA', channel: 'C0LIST' });

    noUsersRead();
    const { answer } = await slack().command('digest list', { user: 'U0BEN', channel: 'C0LIST' });
    expect(answer.body).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(answer.body.blocks)).toContain('(UTC), set up by <@U0ANA>. Next: ');

    // Asked by the member who set it up: the same mention.
    noUsersRead();
    const own = await slack().command('digest list', { user: 'U0ANA', channel: 'C0LIST' });
    expect(JSON.stringify(own.answer.body.blocks)).toContain('set up by <@U0ANA>.');
  });

  it('leaves the mention out of a list the channel sees (asked by @mention): it would notify the member', async () => {
    const from = stub.calls.length;
    noUsersRead();
    const event = { type: 'app_mention', user: 'U0BEN', text: '<@UBOT> digest list', ts: '400.1', channel: 'C0LIST' };
    expect((await slack().post(eventCallbackBody(event, 'EvList', 400), 'application/json')).status).toBe(200);
    const posted = await stub.waitFor((c) => c.path === '/api/chat.postMessage', { from });
    expect(posted.body).toMatchObject({ channel: 'C0LIST', thread_ts: '400.1' });
    const shown = JSON.stringify(posted.body.blocks);
    expect(shown).toContain('set up by U0ANA.');
    expect(shown).not.toContain('<@');
  });
});
