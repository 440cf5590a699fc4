import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { botContext } from '../../../adapters/bot.js';
import { ACTIONS } from '../../../adapters/slack/buttons.js';
import { oneOffDigest } from '../../../src/digest/index.js';
import { Dossier } from '../../../src/engine/dossier.js';
import { createLogger } from '../../../src/log.js';
import { LONGEST, longestCorpus } from '../../support/longest.js';
import { buttonPayload, interactionBody, refusedBlocks, SlackStub } from './slack-stub.js';
import { FORM, startSlackAdapter, type StartedSlack } from './start-adapter.js';

/**
 * The longest answers Dossier gives, through the real adapter over HTTP, to a stand-in that refuses what Slack
 * refuses (`refusedBlocks`): each is taken, and holds as much as a reader needs.
 */

type Block = { type: string; text?: { text: string }; elements?: { action_id?: string; value?: string }[] };

const stub = new SlackStub();
const logs: Record<string, unknown>[] = [];
let corpus: Awaited<ReturnType<typeof longestCorpus>>;
let dossier: Dossier;
let slack: StartedSlack;

beforeAll(async () => {
  await stub.start();
  corpus = await longestCorpus();
  const log = createLogger('info', { write: (line: string) => void logs.push(JSON.parse(line)) });
  dossier = await Dossier.open({ corpusDir: corpus.dir, log });
  slack = await startSlackAdapter(stub, botContext({ dossier, log }), { botToken: 'xoxb-long', signingSecret: 'long' });
});

afterAll(async () => {
  await slack?.adapter.stop();
  await stub.stop();
  await corpus?.cleanup();
});

const quotes = (blocks: Block[]) => blocks.filter((b) => b.text?.text.startsWith('> '));
const refusals = () => logs.filter((l) => (l.level as number) >= 40);

// Each test's own warnings and errors, none of an earlier test's.
beforeEach(() => {
  logs.length = 0;
});

describe('the longest answers, as Slack takes them', () => {
  it('figures: as many long figure lines as fit, and the chart, privately and shared in the channel', async () => {
    const { answer } = await slack.command(`figures ${LONGEST.topic}`);
    const blocks = answer.body.blocks as Block[];
    expect(refusedBlocks(blocks)).toBeUndefined();
    const shown = JSON.stringify(blocks);
    const years = LONGEST.years.filter((y) => shown.includes(`${y}`));
    expect(years.length).toBeGreaterThanOrEqual(8);

    const share = blocks.find((b) => b.type === 'actions')!.elements!.find((e) => e.action_id === ACTIONS.share)!;
    const responseUrl = slack.responseUrl();
    await slack.post(interactionBody(buttonPayload(ACTIONS.share, share.value!, responseUrl)), FORM);
    await stub.waitFor((c) => c.path === '/api/files.completeUploadExternal', { ms: 15_000 });
    const posted = await stub.waitFor(
      (c) => c.path === new URL(responseUrl).pathname && c.body.response_type === 'in_channel',
    );
    expect(refusedBlocks(posted.body.blocks)).toBeUndefined();
    expect(refusals()).toEqual([]);
  });

  it('ask: three long passages quoted', async () => {
    const { answer } = await slack.command(`ask ${LONGEST.question}`);
    const blocks = answer.body.blocks as Block[];
    expect(refusedBlocks(blocks)).toBeUndefined();
    expect(quotes(blocks)).toHaveLength(3);
    expect(refusals()).toEqual([]);
  });

  it('a digest of five topics, posted to a channel', async () => {
    const reply = oneOffDigest(dossier, LONGEST.digestTopics, '2000-01-01');
    await slack.adapter.post('C-LONG', reply);
    const [message] = stub.messagesIn('C-LONG');
    expect(message).toBeDefined();
    expect(quotes(message!.blocks as Block[]).length).toBeGreaterThanOrEqual(3);
    expect(refusals()).toEqual([]);
  });
});
