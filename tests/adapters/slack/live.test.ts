import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botContext } from '../../../adapters/bot.js';
import { SlackAdapter } from '../../../adapters/slack/app.js';
import { DigestRuntime } from '../../../src/digest/index.js';
import { Dossier } from '../../../src/engine/index.js';
import { Ingest, SafeFetcher } from '../../../src/ingest/index.js';
import { silentLogger } from '../../../src/log.js';
import { WebFixture } from '../../ingest/web-fixture.js';
import { note, tempCorpus } from '../../support/corpus.js';
import { SlackStub, slackHeaders, slashCommandBody } from './slack-stub.js';

const SECRET = 'live-signing-secret';
const stub = new SlackStub();
const web = new WebFixture();
let corpus: { dir: string; cleanup: () => Promise<void> };
let dataDir: string;
let adapter: SlackAdapter;
let runtime: DigestRuntime;
let fetcher: SafeFetcher;
/** The bot's clock: set by each step of the story. */
let now = new Date('2026-11-23T07:00:00Z');
let responses = 0;

beforeAll(async () => {
  await Promise.all([stub.start(), web.start()]);
  corpus = await tempCorpus({ 'tides.md': note('Tide tables', 'High water at the quay was at 06:12 on Monday.') });
  dataDir = await mkdtemp(join(tmpdir(), 'dossier-live-db-'));
  const log = silentLogger();
  const clock = () => now;
  const dossier = await Dossier.open({ corpusDir: corpus.dir, log });
  const adapters: { slack?: SlackAdapter } = {};
  runtime = new DigestRuntime({
    config: {
      DATABASE_PATH: join(dataDir, 'dossier.db'),
      TZ_DEFAULT: 'UTC',
      DIGEST_MANAGE_SLACK: 'anyone',
      DIGEST_MANAGE_DISCORD: 'managers',
      DIGEST_GRACE_MINUTES: 120,
    },
    dossier,
    adapters,
    log,
    now: clock,
  });
  fetcher = new SafeFetcher({ allowPrivate: ['127.0.0.1'] });
  const ingest = new Ingest({ dossier, fetcher, log, now: clock });
  adapter = new SlackAdapter(
    botContext({ dossier, log, now: clock, digest: runtime.service, ingest }),
    { botToken: 'xoxb-live', signingSecret: SECRET, port: 0, command: '/brief', apiUrl: `${stub.url}/api/` },
    { host: '127.0.0.1' },
  );
  adapters.slack = adapter;
  await adapter.start();
  // As in production: the digest records each document the engine adds, whoever added it.
  await runtime.start();
});

afterAll(async () => {
  await adapter?.stop();
  await runtime?.stop();
  await fetcher?.close();
  await Promise.all([stub.stop(), web.stop()]);
  await corpus.cleanup();
  await rm(dataDir, { recursive: true, force: true });
});

async function slashCommand(text: string) {
  const responseUrl = `${stub.url}/response/live-${++responses}`;
  const body = slashCommandBody({ text, responseUrl });
  const form = 'application/x-www-form-urlencoded';
  await fetch(`http://127.0.0.1:${adapter.port}/slack/events`, {
    method: 'POST',
    headers: slackHeaders(SECRET, body, form),
    body,
  });
  return (await stub.waitFor((c) => c.path === new URL(responseUrl).pathname, { ms: 10_000 })).body;
}

const url = () => web.url('/news/harbour-lights');

describe('links added in Slack', () => {
  it('/brief add answers in the channel with the new document’s citation, its link and passage count', async () => {
    expect((await slashCommand('digest subscribe harbour lamps at 08:00 daily UTC')).text).toMatch(/subscribed/);
    now = new Date('2026-11-23T07:10:00Z');
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
    now = new Date('2026-11-23T08:00:30Z');
    await runtime.scheduler.tick(now);
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
