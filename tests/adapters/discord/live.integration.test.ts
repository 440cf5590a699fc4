import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botContext } from '../../../adapters/bot.js';
import { DiscordAdapter } from '../../../adapters/discord/adapter.js';
import { DigestRuntime } from '../../../src/digest/index.js';
import { Ingest, SafeFetcher } from '../../../src/ingest/index.js';
import { silentLogger } from '../../../src/log.js';
import { send, WebFixture } from '../../ingest/web-fixture.js';
import { note, openCorpus } from '../../support/corpus.js';
import { CHANNEL_ID, DiscordStandIn, GUILD_ID, type RecordedRequest } from './stand-in.js';

const web = new WebFixture();
let corpus: Awaited<ReturnType<typeof openCorpus>>;
let standIn: DiscordStandIn;
let adapter: DiscordAdapter;
let fetcher: SafeFetcher;
let runtime: DigestRuntime;
let dataDir: string;
/** The bot's clock: set by each step of the story. */
let now = new Date('2026-11-23T07:00:00Z');

beforeAll(async () => {
  await web.start();
  const log = silentLogger();
  corpus = await openCorpus(
    { 'tides.md': note('Tide tables', 'High water at the quay was at 06:12 on Monday.') },
    { log },
  );
  dataDir = await mkdtemp(join(tmpdir(), 'dossier-live-discord-db-'));
  const clock = () => now;
  const { dossier } = corpus;
  fetcher = new SafeFetcher({ allowPrivate: ['127.0.0.1'] });
  standIn = await DiscordStandIn.start();
  const adapters: { discord?: DiscordAdapter } = {};
  runtime = new DigestRuntime({
    config: {
      DATABASE_PATH: join(dataDir, 'dossier.db'),
      TZ_DEFAULT: 'UTC',
      DIGEST_MANAGE_SLACK: 'anyone',
      DIGEST_MANAGE_DISCORD: 'anyone',
      DIGEST_GRACE_MINUTES: 120,
    },
    dossier,
    adapters,
    log,
    now: clock,
  });
  adapter = new DiscordAdapter(
    botContext({ dossier, log, now: clock, digest: runtime.service, ingest: new Ingest({ dossier, fetcher, log }) }),
    { DISCORD_TOKEN: 'stand-in-bot-token', DISCORD_API_URL: standIn.apiUrl },
    { client: { rest: { timeout: 5_000 } } },
  );
  adapters.discord = adapter;
  await adapter.start();
  // As in production: the digest records each document the engine adds, whoever added it.
  await runtime.start();
});

afterAll(async () => {
  await adapter?.stop();
  await runtime?.stop();
  await rm(dataDir, { recursive: true, force: true });
  await standIn?.close();
  await fetcher?.close();
  await web.stop();
  await corpus.cleanup();
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
    now = new Date('2026-11-23T07:10:00Z');
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
    now = new Date('2026-11-23T08:00:30Z');
    await runtime.scheduler.tick(now);
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
