import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botContext } from '../../../adapters/bot.js';
import { DiscordAdapter } from '../../../adapters/discord/adapter.js';
import { Dossier } from '../../../src/engine/index.js';
import { Ingest, SafeFetcher } from '../../../src/ingest/index.js';
import { silentLogger } from '../../../src/log.js';
import { send, WebFixture } from '../../ingest/web-fixture.js';
import { note, tempCorpus } from '../../support/corpus.js';
import { CHANNEL_ID, DiscordStandIn, GUILD_ID, type RecordedRequest } from './stand-in.js';

const web = new WebFixture();
let corpus: { dir: string; cleanup: () => Promise<void> };
let standIn: DiscordStandIn;
let adapter: DiscordAdapter;
let fetcher: SafeFetcher;

beforeAll(async () => {
  await web.start();
  corpus = await tempCorpus({ 'tides.md': note('Tide tables', 'High water at the quay was at 06:12 on Monday.') });
  const log = silentLogger();
  const dossier = await Dossier.open({ corpusDir: corpus.dir, log });
  fetcher = new SafeFetcher({ allowPrivate: ['127.0.0.1'] });
  standIn = await DiscordStandIn.start();
  adapter = new DiscordAdapter(
    botContext({ dossier, log, ingest: new Ingest({ dossier, fetcher, log }) }),
    { DISCORD_TOKEN: 'stand-in-bot-token', DISCORD_API_URL: standIn.apiUrl },
    { client: { rest: { timeout: 5_000 } } },
  );
  await adapter.start();
});

afterAll(async () => {
  await adapter?.stop();
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
  it('Add to Dossier on a message adds its attachment and posts the citation, with the message’s link, for everyone', async () => {
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
  });

  it('refuses an attachment Dossier does not read privately, in one line, without downloading it', async () => {
    const url = web.url('/attachments/4/6/photo.png');
    const { token } = standIn.interact(standIn.messageCommand('Add to Dossier', [{ filename: 'photo.png', url }]));
    const answer = await standIn.waitFor(to('PATCH', '/messages/@original', token));
    expect(JSON.stringify(answer.body)).toContain('photo.png is not a file Dossier reads');
    expect(web.requestsTo('/attachments/4/6/photo.png')).toBe(0);
  });
});
