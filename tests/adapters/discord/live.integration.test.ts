import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordAdapter } from '../../../adapters/discord/adapter.js';
import { send } from '../../ingest/web-fixture.js';
import { LiveWorld } from '../live-world.js';
import { CHANNEL_ID, DiscordStandIn, GUILD_ID, type RecordedRequest } from './stand-in.js';

const world = new LiveWorld();
const { web } = world;
let standIn: DiscordStandIn;
let adapter: DiscordAdapter;

beforeAll(async () => {
  await world.start();
  standIn = await DiscordStandIn.start();
  adapter = new DiscordAdapter(
    world.bot,
    { DISCORD_TOKEN: 'stand-in-bot-token', DISCORD_API_URL: standIn.apiUrl },
    { client: { rest: { timeout: 5_000 } } },
  );
  world.adapters.discord = adapter;
  await adapter.start();
  await world.startDigests();
});

afterAll(async () => {
  await adapter?.stop();
  await standIn?.close();
  await world.stop();
});

const to =
  (method: string, ending: string, token: string) =>
  (r: RecordedRequest): boolean =>
    r.method === method && r.path.includes(`/${token}`) && r.path.endsWith(ending);

describe('links added in Discord', () => {
  it('a channel subscribes to a morning digest', async () => {
    const options = { action: 'subscribe', topics: 'harbour lamps', at: '08:00', days: 'daily', tz: 'UTC' };
    const { token } = standIn.interact(standIn.command('digest', options));
    const answer = await standIn.waitFor(to('PATCH', '/messages/@original', token));
    expect(JSON.stringify(answer.body)).toMatch(/subscribed/i);
    world.now = new Date('2026-11-23T07:10:00Z');
  });

  it('/brief add posts the new document’s citation, with its link, in the channel for everyone', async () => {
    const url = web.url('/news/harbour-lights');
    const { token } = standIn.interact(standIn.command('add', { url }));
    const followUp = await standIn.waitFor(to('POST', token, token));
    expect(followUp.body.flags ?? 0).toBe(0);
    const embed = JSON.stringify(followUp.body.embeds);
    expect(embed).toContain('Added: Harbour lights return to the old quay');
    expect(embed).toContain('Indexed 4 passages');
    expect(embed).toContain(url);
    // The private "thinking…" placeholder goes away.
    await standIn.waitFor(to('DELETE', '/messages/@original', token));
  });

  it('answers a refusal privately, in one line naming why', async () => {
    const { token } = standIn.interact(standIn.command('add', { url: web.url('/private/memo') }));
    const answer = await standIn.waitFor(to('PATCH', '/messages/@original', token));
    expect(JSON.stringify(answer.body)).toContain('robots.txt at');
    expect(JSON.stringify(answer.body)).toContain('disallows /private/memo.');
  });
});

describe('files added in Discord', () => {
  it(
    'Add to Dossier on a message adds its attachment and posts the citation, ' +
      'with the message’s link, for everyone',
    async () => {
      web.route('/attachments/4/5/lamp-survey.md', (_req, res) =>
        send(res, 200, 'text/markdown', '# Lamp survey\n\nNine of the twelve quay lamps were working in October.\n'),
      );
      const url = web.url('/attachments/4/5/lamp-survey.md');
      const interaction = standIn.messageCommand('Add to Dossier', [{ filename: 'lamp-survey.md', url }]);
      const { token } = standIn.interact(interaction);
      const followUp = await standIn.waitFor(to('POST', token, token));
      expect(followUp.body.flags ?? 0).toBe(0);
      const embed = JSON.stringify(followUp.body.embeds);
      expect(embed).toContain('Added: Lamp survey');
      const target = (interaction.data as { target_id: string }).target_id;
      expect(embed).toContain(`https://discord.com/channels/${GUILD_ID}/${CHANNEL_ID}/${target}`);
      await standIn.waitFor(to('DELETE', '/messages/@original', token));
    },
  );

  it('refuses an attachment Dossier does not read privately, in one line, without downloading it', async () => {
    const url = web.url('/attachments/4/6/photo.png');
    const { token } = standIn.interact(standIn.messageCommand('Add to Dossier', [{ filename: 'photo.png', url }]));
    const answer = await standIn.waitFor(to('PATCH', '/messages/@original', token));
    expect(JSON.stringify(answer.body)).toContain('photo.png is not a file Dossier reads');
    expect(web.requestsTo('/attachments/4/6/photo.png')).toBe(0);
  });
});

describe('the next digest in Discord', () => {
  it('leads with the documents added since, each with its link', async () => {
    const from = standIn.requests.length;
    world.now = new Date('2026-11-23T08:00:30Z');
    await world.runtime.scheduler.tick(world.now);
    const post = await standIn.waitFor(
      (r) =>
        r.method === 'POST' && r.path === `/channels/${CHANNEL_ID}/messages` && standIn.requests.indexOf(r) >= from,
    );
    const shown = JSON.stringify(post.body);
    const first = shown.search(/\d+ new documents? in the corpus/);
    expect(first).toBeGreaterThanOrEqual(0);
    // The new documents come first, before the topic's own section.
    const topic = shown.indexOf('**harbour lamps**', first);
    expect(topic).toBeGreaterThan(first);
    const news = shown.slice(first, topic);
    expect(news).toContain(web.url('/news/harbour-lights'));
    expect(news).toContain('Lamp survey');
  });
});
