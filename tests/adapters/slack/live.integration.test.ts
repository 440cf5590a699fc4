import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, send } from '../../ingest/web-fixture.js';
import { LiveWorld } from '../live-world.js';
import { eventCallbackBody, interactionBody, messageShortcut, SlackStub } from './slack-stub.js';
import { FORM, startSlackAdapter, type StartedSlack } from './start-adapter.js';

const SECRET = 'live-signing-secret';
const BOT_TOKEN = 'xoxb-live';
const stub = new SlackStub();
const world = new LiveWorld();
const { web } = world;
let slack: StartedSlack;

beforeAll(async () => {
  await stub.start();
  await world.start({ DIGEST_MANAGE_DISCORD: 'managers' });
  slack = await startSlackAdapter(stub, world.bot, { botToken: BOT_TOKEN, signingSecret: SECRET });
  world.adapters.slack = slack.adapter;
  await world.startDigests();
});

afterAll(async () => {
  await slack?.adapter.stop();
  await stub.stop();
  await world.stop();
});

const slashCommand = async (text: string) => (await slack.command(text)).answer.body;

const url = () => web.url('/news/harbour-lights');

describe('links added in Slack', () => {
  it('/brief add answers in the channel with the new document’s citation, its link and passage count', async () => {
    expect((await slashCommand('digest subscribe harbour lamps at 08:00 daily UTC')).text).toMatch(/subscribed/);
    world.now = new Date('2026-11-23T07:10:00Z');
    const answer = await slashCommand(`add ${url()}`);
    expect(answer.response_type).toBe('in_channel');
    const shown = JSON.stringify(answer.blocks);
    expect(shown).toContain('Added: Harbour lights return to the old quay');
    expect(shown).toContain('Indexed 4 passages');
    expect(shown).toContain(`<${url()}|“Harbour lights return to the old quay”>`);
  });

  it('the same link again answers only the asker that it is already there', async () => {
    const answer = await slashCommand(`add ${url()}`);
    expect(answer.response_type).toBe('ephemeral');
    expect(JSON.stringify(answer.blocks)).toContain('That link is already in the corpus');
  });

  it('a refusal answers only the asker, in one line naming why', async () => {
    const answer = await slashCommand(`add ${web.url('/gone')}`);
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toContain(`${new URL(web.origin).host} answered 404.`);
  });

  it('the next digest leads with the new document, linked', async () => {
    const from = stub.calls.length;
    world.now = new Date('2026-11-23T08:00:30Z');
    await world.runtime.scheduler.tick(world.now);
    const post = await stub.waitFor((c) => c.path === '/api/chat.postMessage', { from });
    const blocks = post.body.blocks as { type: string; text?: { text: string } }[];
    const texts = blocks.flatMap((b) => (b.text ? [b.text.text] : []));
    const first = texts.findIndex((t) => t.includes('New in the corpus'));
    expect(first).toBeGreaterThanOrEqual(0);
    const topic = texts.findIndex((t) => t === '*harbour lamps*');
    expect(topic === -1 || topic > first).toBe(true);
    expect(texts.slice(first, topic === -1 ? undefined : topic).join('\n')).toContain(
      `<${url()}|“Harbour lights return to the old quay”>`,
    );
  });
});

/** Slack's file store stand-in: the file for the bot token, its sign-in page for anyone else (as Slack does). */
function slackFile(path: string, serve: (res: Parameters<typeof send>[0]) => void) {
  web.route(path, (req, res) => {
    if (req.headers.authorization === `Bearer ${BOT_TOKEN}`) serve(res);
    else send(res, 200, 'text/html', '<html><body><h1>Sign in to your workspace</h1></body></html>');
  });
  return web.url(path);
}

async function signedPost(body: string, contentType: string) {
  expect((await slack.post(body, contentType)).status).toBe(200);
}

/** The Add to Dossier shortcut on a message carrying `files`; resolves with the answer to its response_url. */
async function addToDossier(files: object[]) {
  const responseUrl = slack.responseUrl();
  const payload = messageShortcut('add_to_dossier', {
    message: { ts: '400.000001', text: 'the report', files },
    responseUrl,
  });
  await signedPost(interactionBody(payload), FORM);
  return (await stub.waitFor((c) => c.path === new URL(responseUrl).pathname, { ms: 10_000 })).body;
}

const addedFiles = async () => readdir(join(world.corpus.dir, 'added', 'slack')).catch(() => [] as string[]);

describe('files shared in Slack', () => {
  it(
    'a file in a message that mentions the bot is downloaded with the bot ' + 'token and added, in the thread',
    async () => {
      const from = stub.calls.length;
      const pdf = slackFile('/files-pri/T1-F1/quay-lighting.pdf', (res) =>
        FIXTURES['/reports/quay-lighting.pdf']!({} as never, res),
      );
      const permalink = 'https://port.slack.com/files/U3/F1/quay-lighting.pdf';
      const event = {
        type: 'app_mention',
        user: 'U3',
        text: '<@UBOT> the lighting review',
        ts: '500.000001',
        channel: 'C1',
        event_ts: '500.000001',
        files: [{ id: 'F1', name: 'quay-lighting.pdf', size: 900, url_private_download: pdf, permalink }],
      };
      await signedPost(eventCallbackBody(event, 'Ev5', 500), 'application/json');
      const posted = await stub.waitFor((c) => c.path === '/api/chat.postMessage', { from, ms: 10_000 });
      expect(posted.body).toMatchObject({ channel: 'C1', thread_ts: '500.000001' });
      const shown = JSON.stringify(posted.body.blocks);
      expect(shown).toContain('Added: Quay Lighting Review');
      expect(shown).toContain(`<${permalink}|`);
      expect(await addedFiles()).toEqual(['quay-lighting.pdf', 'quay-lighting.pdf.meta.yaml']);
    },
  );

  it('Add to Dossier on a message with a Markdown file answers in the channel', async () => {
    const md = slackFile('/files-pri/T1-F2/ferry.md', (res) =>
      send(
        res,
        200,
        'application/octet-stream',
        '# Ferry timetable\n\nThe winter ferry leaves the quay at 07:40 daily.\n',
      ),
    );
    const answer = await addToDossier([{ id: 'F2', name: 'ferry.md', url_private_download: md }]);
    expect(answer.response_type).toBe('in_channel');
    expect(JSON.stringify(answer.blocks)).toContain('Added: Ferry timetable');
  });

  it('refuses a file Dossier does not read in one line, to the asker, without downloading it', async () => {
    const before = web.requestsTo('/files-pri/T1-F3/photo.png');
    const answer = await addToDossier([
      { id: 'F3', name: 'photo.png', url_private_download: web.url('/files-pri/T1-F3/photo.png') },
    ]);
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toContain(
      'photo.png is not a file Dossier reads: share a .pdf, .html, .md, .txt or .csv file.',
    );
    expect(web.requestsTo('/files-pri/T1-F3/photo.png')).toBe(before);
  });

  it('a message with no file gets one line saying so', async () => {
    const answer = await addToDossier([]);
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toContain('That message has no file to add');
  });

  it('says in one line when Slack sends its sign-in page instead of the file, and stores nothing', async () => {
    const before = await addedFiles();
    // A link the stand-in's file store answers with the sign-in page: the token is not one it takes.
    web.route('/files-pri/T1-F4/minutes.txt', (_req, res) =>
      send(res, 200, 'text/html', '<html><body>Sign in</body></html>'),
    );
    const answer = await addToDossier([
      { id: 'F4', name: 'minutes.txt', url_private_download: web.url('/files-pri/T1-F4/minutes.txt') },
    ]);
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toContain('sent a web page instead of minutes.txt');
    expect(await addedFiles()).toEqual(before);
  });
});
