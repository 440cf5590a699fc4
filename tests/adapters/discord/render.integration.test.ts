import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DiscordAdapter } from '../../../adapters/discord/adapter.js';
import { botContext } from '../../../adapters/bot.js';
import { oneOffDigest } from '../../../src/digest/index.js';
import { Dossier } from '../../../src/engine/dossier.js';
import { createLogger } from '../../../src/log.js';
import { LONGEST, longestCorpus } from '../../support/longest.js';
import { startDiscordAdapter } from './start-adapter.js';
import { APPLICATION_ID, CHANNEL_ID, DiscordStandIn, refusedMessage, type RecordedRequest } from './stand-in.js';

/**
 * The longest answers Dossier gives, through the real adapter and discord.js, to a stand-in that refuses what
 * Discord refuses (`refusedMessage`): each is taken, and holds as much as a reader needs.
 */

const lines: Record<string, unknown>[] = [];
const logSink = new Writable({
  write(chunk, _encoding, done) {
    for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
    done();
  },
});

let corpus: Awaited<ReturnType<typeof longestCorpus>>;
let dossier: Dossier;
let standIn: DiscordStandIn;
let adapter: DiscordAdapter;

beforeAll(async () => {
  corpus = await longestCorpus();
  dossier = await Dossier.open({ corpusDir: corpus.dir });
  standIn = await DiscordStandIn.start();
  adapter = await startDiscordAdapter(standIn, botContext({ dossier, log: createLogger('info', logSink) }));
});

afterAll(async () => {
  await adapter?.stop();
  await standIn?.close();
  await corpus?.cleanup();
});

const originalOf =
  ({ token }: { token: string }) =>
  (r: RecordedRequest) =>
    r.method === 'PATCH' && r.path.endsWith(`/${token}/messages/@original`);
const texts = (message: RecordedRequest) => JSON.stringify(message.body.embeds);
const refusals = () => lines.filter((l) => (l.level as number) >= 40);

// Each test's own warnings and errors, none of an earlier test's.
beforeEach(() => {
  lines.length = 0;
});

describe('the longest answers, as Discord takes them', () => {
  it('figures: as many long figure lines as fit, and the chart, privately and shared in the channel', async () => {
    const interaction = standIn.interact(standIn.command('figures', { topic: LONGEST.topic }));
    const answer = await standIn.waitFor(originalOf(interaction));
    expect(refusedMessage(answer.body)).toBeUndefined();
    const years = LONGEST.years.filter((y) => texts(answer).includes(`${y}`));
    expect(years.length).toBeGreaterThanOrEqual(5);
    expect(answer.files).toHaveLength(1);

    const shareId = (answer.body.components as { components: { label?: string; custom_id: string }[] }[])
      .flatMap((row) => row.components)
      .find((b) => b.label === 'Share')!.custom_id;
    const share = standIn.interact(standIn.button(shareId));
    const shared = await standIn.waitFor(
      (r) => r.method === 'POST' && r.path === `/webhooks/${APPLICATION_ID}/${share.token}`,
    );
    expect(refusedMessage(shared.body)).toBeUndefined();
    expect(refusals()).toEqual([]);
  });

  it('ask: three long passages quoted', async () => {
    const interaction = standIn.interact(standIn.command('ask', { question: LONGEST.question }));
    const answer = await standIn.waitFor(originalOf(interaction));
    expect(refusedMessage(answer.body)).toBeUndefined();
    expect(texts(answer).match(/¶\d+/g)?.length).toBeGreaterThanOrEqual(3);
    expect(refusals()).toEqual([]);
  });

  it('a digest of five topics, posted to a channel', async () => {
    const reply = oneOffDigest(dossier, LONGEST.digestTopics, '2000-01-01');
    const from = standIn.requests.length;
    await adapter.post(CHANNEL_ID, reply);
    const posted = standIn.requests
      .slice(from)
      .find((r) => r.method === 'POST' && r.path === `/channels/${CHANNEL_ID}/messages`)!;
    expect(refusedMessage(posted.body)).toBeUndefined();
    expect(texts(posted).match(/¶\d+/g)?.length).toBeGreaterThanOrEqual(3);
    expect(refusals()).toEqual([]);
  });
});
