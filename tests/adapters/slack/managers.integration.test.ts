import { afterAll, describe, expect, it } from 'vitest';
import { botContext } from '../../../adapters/bot.js';
import { DigestService } from '../../../src/digest/service.js';
import { SqliteDigestStore } from '../../../src/digest/sqlite-store.js';
import { Dossier } from '../../../src/engine/dossier.js';
import { silentLogger } from '../../../src/log.js';
import { SlackStub } from './slack-stub.js';
import { slackOverSilt } from './start-adapter.js';

const SECRET = 'managers-test-signing-secret';
const stub = new SlackStub();
const store = new SqliteDigestStore(':memory:');
// Registered before the adapter's hooks, so that it runs after them: the store closes once the adapter has stopped.
afterAll(() => store.close());
const slack = slackOverSilt(
  stub,
  async (corpusDir) => {
    const dossier = await Dossier.open({ corpusDir });
    const digest = new DigestService({ store, dossier, defaultTimeZone: 'UTC', policy: { slack: 'managers' } });
    return botContext({ dossier, log: silentLogger(), digest });
  },
  { botToken: 'xoxb-managers-test', signingSecret: SECRET },
);

const slashCommand = async (user: string, channel: string, text: string) =>
  JSON.stringify((await slack().command(text, { user, channel })).answer.body);

describe('DIGEST_MANAGE_SLACK=managers', () => {
  it('lets a workspace admin and the channel’s creator change the digest, and refuses anyone else', async () => {
    stub.route('/api/users.info', {
      status: 200,
      body: { ok: true, user: { id: 'U-ANY', is_admin: false, is_owner: false } },
    });
    stub.route('/api/conversations.info', {
      status: 200,
      body: { ok: true, channel: { id: 'C1', creator: 'U-CREATOR' } },
    });
    expect(await slashCommand('U-ANY', 'C1', 'digest subscribe dredging')).toContain(
      'Only members who can manage this channel',
    );
    expect(store.subscriptions()).toEqual([]);

    expect(await slashCommand('U-CREATOR', 'C1', 'digest subscribe dredging')).toContain('Digest subscribed');

    stub.route('/api/users.info', { status: 200, body: { ok: true, user: { id: 'U-ADMIN', is_admin: true } } });
    expect(await slashCommand('U-ADMIN', 'C2', 'digest subscribe silt')).toContain('Digest subscribed');
    expect(
      store
        .subscriptions()
        .map((s) => s.channelId)
        .sort(),
    ).toEqual(['C1', 'C2']);
  });

  it('does not ask Slack who manages the channel for a command that changes nothing', async () => {
    const from = stub.calls.length;
    expect(await slashCommand('U-ANY', 'C1', 'digest list')).toContain('dredging');
    // users.info is asked only for the name of whoever set the digest up, never about the asker.
    const asked = stub.calls
      .slice(from)
      .filter((c) => c.path === '/api/users.info' || c.path.includes('conversations'));
    expect(asked.map((c) => c.path)).toEqual(['/api/users.info']);
    expect(asked[0]!.body.user).not.toBe('U-ANY');
  });

  it('names who set the digest up as Slack shows them, rather than a raw id (issue 13.6)', async () => {
    stub.route('/api/users.info', {
      status: 200,
      body: { ok: true, user: { id: 'U-CREATOR', name: 'cy', real_name: 'Cy Creator', profile: { display_name: '' } } },
    });
    const listed = await slashCommand('U-ANY', 'C1', 'digest list');
    expect(listed).toContain('set up by Cy Creator.');
    expect(listed).not.toContain('U-CREATOR');
  });

  it('treats a failed check as not a manager, with a reply rather than a crash', async () => {
    stub.route('/api/users.info', { status: 200, body: { ok: false, error: 'missing_scope' } });
    expect(await slashCommand('U-ADMIN', 'C3', 'digest subscribe silt')).toContain(
      'Only members who can manage this channel',
    );
  });
});
