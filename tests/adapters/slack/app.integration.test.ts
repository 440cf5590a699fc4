import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botContext } from '../../../adapters/bot.js';
import { SlackAdapter } from '../../../adapters/slack/app.js';
import { NO_TEXT_TO_FIND } from '../../../src/commands/index.js';
import { ACTIONS } from '../../../adapters/slack/buttons.js';
import { LIMITS } from '../../../adapters/slack/render.js';
import { FEEDBACK_THANKS, textReply, type Reply } from '../../../src/answer/reply.js';
import { Dossier } from '../../../src/engine/dossier.js';
import { DeliveryError } from '../../../src/digest/delivery.js';
import { DossierError } from '../../../src/errors.js';
import { createLogger } from '../../../src/log.js';
import {
  buttonPayload,
  eventCallbackBody,
  interactionBody,
  messageShortcut,
  SlackStub,
  slackHeaders,
  slashCommandBody,
  type Recorded,
} from './slack-stub.js';
import { FORM, startSlackAdapter, type StartedSlack } from './start-adapter.js';
import { testCommand, withCommands } from '../../support/commands.js';

const SECRET = 'test-signing-secret';
const BOT_TOKEN = 'xoxb-test-token-never-logged';

const HARBOUR = `# Harbour dredging report

The dredging of the outer harbour began in March and cost the port four million euros.

Dredging crews worked through the night to finish the channel before the ferry season.

The council approved a second phase of dredging after the first phase ran over budget.

The dredging contractor reported that silt levels in the harbour had fallen by a third.

Fishermen said the dredging had stirred up the harbour mud for weeks.
`;

/** Four years of one measure: a series, so `figures` draws a chart. */
const CARGO = `# Port cargo

The port handled 2.1 million tonnes of cargo in 2020, its first year after the refit.

The port handled 2.6 million tonnes of cargo in 2021 as trade recovered.

The port handled 3.0 million tonnes of cargo in 2022, a record at the time.

The port handled 3.4 million tonnes of cargo in 2023, the board reported.
`;

/** A document that tries to ping everyone and spoof a user and a link. */
const HOSTILE = [
  '# Lighthouse notice',
  'Tell @here that the lighthouse budget was cut by <@U999> without notice, ' +
    'see <https://evil.example|the memo> and <!channel>.\n',
].join('\n\n');

/** A quote with a possessive and an abbreviation inside: highlighting must mark whole words only (issue 13.7). */
const SURVEY = `# Graft survey

The survey placed the republic among the world’s most corrupt countries, a finding the U.S. envoy did not dispute.
`;

type Block = {
  type: string;
  text?: { text: string };
  elements?: { action_id?: string; value?: string; text?: string | { text: string } }[];
};

const stub = new SlackStub();
const logs: Record<string, unknown>[] = [];
let corpusDir: string;
let adapter: SlackAdapter;
let slack: StartedSlack;

beforeAll(async () => {
  await stub.start();
  corpusDir = await mkdtemp(join(tmpdir(), 'dossier-slack-'));
  await writeFile(join(corpusDir, 'harbour.md'), HARBOUR);
  await writeFile(join(corpusDir, 'lighthouse.md'), HOSTILE);
  await writeFile(join(corpusDir, 'cargo.md'), CARGO);
  await writeFile(join(corpusDir, 'survey.md'), SURVEY);
  const log = createLogger('info', {
    write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>),
  });
  const dossier = await Dossier.open({ corpusDir, log });
  slack = await startSlackAdapter(stub, botContext({ dossier, log, now: () => new Date('2026-01-05T09:00:00Z') }), {
    botToken: BOT_TOKEN,
    signingSecret: SECRET,
  });
  adapter = slack.adapter;
});

afterAll(async () => {
  await adapter?.stop();
  await stub.stop();
  await rm(corpusDir, { recursive: true, force: true });
});

const nextResponseUrl = () => slack.responseUrl();
const signedPost: StartedSlack['post'] = (...args) => slack.post(...args);
const commandBody = (text: string, responseUrl: string) => slashCommandBody({ text, responseUrl });

async function slashCommand(text: string) {
  const { ack, answer } = await slack.command(text);
  return { ack, answer, blocks: answer.body.blocks as Block[] };
}

const blockTexts = (blocks: Block[]) => JSON.stringify(blocks);
/** The texts Slack shows (button values are not shown). */
const shownTexts = (blocks: Block[]) =>
  JSON.stringify(blocks, (key, value: unknown) => (key === 'value' ? undefined : value));
/** An @mention of the bot by U1 in channel C9, as Slack's Events API sends it. */
const mention = (text: string, ts: string) => ({
  type: 'app_mention',
  user: 'U1',
  text,
  ts,
  channel: 'C9',
  event_ts: ts,
});
const buttons = (blocks: Block[]) => blocks.find((b) => b.type === 'actions')?.elements ?? [];

describe('SlackAdapter over HTTP, against a Slack stand-in', () => {
  it('answers the url_verification challenge', async () => {
    const body = JSON.stringify({ type: 'url_verification', token: 'legacy', challenge: 'c-123' });
    const res = await signedPost(body, 'application/json');
    expect(res.status).toBe(200);
    expect(res.text).toContain('c-123');
  });

  it('acknowledges a slash command at once, then answers ephemerally through response_url', async () => {
    const { ack, answer, blocks } = await slashCommand('harbour dredging');
    expect(ack.status).toBe(200);
    expect(ack.elapsed).toBeLessThan(3000);
    expect(answer.body.response_type).toBe('ephemeral');
    expect(blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
    expect(JSON.stringify(blocks).length).toBeLessThanOrEqual(LIMITS.blocksChars);
    for (const b of blocks) if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
    expect(blockTexts(blocks)).toMatch(/> [^"]*\*[Dd]redging\*/);
    expect(blockTexts(blocks)).toMatch(/¶\d/);
    expect(typeof answer.body.text).toBe('string');
    expect(buttons(blocks).map((b) => b.action_id)).toEqual([
      ACTIONS.share,
      ACTIONS.more,
      ACTIONS.feedbackUp,
      ACTIONS.feedbackDown,
    ]);
  });

  it('acks a slow command at once and answers through response_url once the answer is ready', async () => {
    // The answer waits for the test, not for the clock: were the ack held until the answer, it would never come.
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const slow = testCommand('slow', async () => {
      await finished;
      return textReply('Tide tables', 'High water at the outer harbour is at 14:20.');
    });
    // Released in the end whatever happens, so a failure here cannot hold up the adapter's stop() after the tests.
    try {
      await withCommands([slow], async () => {
        const responseUrl = nextResponseUrl();
        const ack = await signedPost(commandBody('slow', responseUrl), FORM);
        // Acked while the command still runs (unacked, Bolt would have answered 404 at its 3 s limit).
        expect(ack.status).toBe(200);
        // Another request is answered meanwhile: the slow one holds up nobody.
        const meanwhile = await slashCommand('sources');
        expect(blockTexts(meanwhile.blocks)).toContain('Sources in the corpus');
        expect(stub.callsTo(new URL(responseUrl).pathname)).toEqual([]);

        finish();
        const answer = await stub.waitFor((c) => c.path === new URL(responseUrl).pathname);
        expect(answer.body.response_type).toBe('ephemeral');
        expect(blockTexts(answer.body.blocks as Block[])).toContain('High water at the outer harbour is at 14:20.');
        expect(stub.callsTo(new URL(responseUrl).pathname)).toHaveLength(1);
      });
    } finally {
      finish();
    }
  });

  it('runs subcommands from the command table', async () => {
    const { blocks } = await slashCommand('sources');
    expect(blockTexts(blocks)).toContain('Sources in the corpus');
    expect(blockTexts(blocks)).toContain('harbour.md');
  });

  it('answers a mistyped subcommand with the one it was meant to be, instead of asking it as a question', async () => {
    const { blocks } = await slashCommand('figurs harbour dredging');
    expect(shownTexts(blocks)).toContain('Unknown command figurs — did you mean `/brief figures`?');
    expect(shownTexts(blocks)).not.toContain('¶');
  });

  it('offers subcommands added to the table later, such as digest', async () => {
    // No DigestService is passed here, so the digest command itself answers that digests are unavailable.
    const { blocks } = await slashCommand('digest list');
    expect(blockTexts(blocks)).toContain('Digests are not available here');
  });

  it('answers /brief figures with bold cited figures, and Share posts them with the chart uploaded', async () => {
    const { blocks } = await slashCommand('figures cargo tonnes');
    const shown = blockTexts(blocks);
    expect(shown).toContain('*3.4 million tonnes*');
    expect(shown).toMatch(/“Port cargo” · ¶\d/);
    expect(shown).toContain('Slack shows no chart in a message only you can see');
    const share = buttons(blocks).find((b) => b.action_id === ACTIONS.share)!;
    const from = stub.calls.length;
    const responseUrl = nextResponseUrl();
    await signedPost(interactionBody(buttonPayload(ACTIONS.share, share.value!, responseUrl)), FORM);
    const complete = await stub.waitFor((c) => c.path === '/api/files.completeUploadExternal', { from });
    expect(complete.body).toMatchObject({ channel_id: 'C1' });
    const upload = stub.calls.slice(from).find((c) => c.path.startsWith('/upload/'))!;
    expect(upload.raw.includes(Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBe(true);
    const shared = stub.calls.slice(from).find((c) => c.path === new URL(responseUrl).pathname)!;
    expect(shared.body.response_type).toBe('in_channel');
    expect(blockTexts(shared.body.blocks as Block[])).not.toContain(
      'Slack shows no chart in a message only you can see',
    );
  });

  it('answers in the app’s own direct message for the asker there, with the chart and no Share', async () => {
    const own = { status: 200, body: { ok: true, channel: { id: 'D0OWN', is_im: true, user: 'U1' } } };
    stub.failNext('/api/conversations.info', own);
    const from = stub.calls.length;
    const { answer } = await slack.command('figures cargo tonnes', { channel: 'D0OWN' });
    expect(answer.body.response_type).toBe('in_channel');
    const pressable = (blocks: unknown) => buttons(blocks as Block[]).map((b) => b.action_id);
    expect(pressable(answer.body.blocks)).not.toContain(ACTIONS.share);
    const complete = await stub.waitFor((c) => c.path === '/api/files.completeUploadExternal', { from });
    expect(complete.body).toMatchObject({ channel_id: 'D0OWN' });
    // One between two people, which the bot cannot see: there Share shows the answer to the other, so it stays.
    stub.failNext('/api/conversations.info', { status: 200, body: { ok: false, error: 'channel_not_found' } });
    const between = (await slack.command('figures cargo tonnes', { channel: 'D0THEIRS' })).answer;
    expect(between.body.response_type).toBe('ephemeral');
    expect(pressable(between.body.blocks)).toContain(ACTIONS.share);
  });

  it('escapes a document that pings @channel and @here and spoofs a user and a link', async () => {
    const { answer, blocks } = await slashCommand('lighthouse budget');
    const sent = `${blockTexts(blocks)}\n${String(answer.body.text)}`;
    expect(sent).toContain(
      'the *lighthouse budget* was cut by &lt;@U999&gt; without notice, see ' +
        '&lt;https://evil.example|the memo&gt; and &lt;!',
    );
    expect(sent).toContain('@\u2060here');
    expect(sent).not.toMatch(/<!channel>|<!here>|<@U999>|<https:\/\/evil/);
    expect(sent).not.toMatch(/(^|[^@])@here/);
  });

  it('escapes the query too, shown without its broadcasts, a person unnamed as someone, its link short', async () => {
    const link = `<https://www.light.example/keepers/log?page=${'7'.repeat(300)}>`;
    const { answer, blocks } = await slashCommand(`<!here> lighthouse &lt;b&gt; &amp; <@U999> co ${link}`);
    expect(blocks[0]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: '*lighthouse &lt;b&gt; &amp; @someone co light.example/…*', verbatim: true },
    });
    const shown = `${shownTexts(blocks)}${String(answer.body.text)}`;
    expect(shown).not.toMatch(/<!here>|(^|\W)@here|<b>|<@U999>|light\.example\/keepers/);
  });

  it('refuses a bad signature with 401 and runs no handler', async () => {
    const responseUrl = nextResponseUrl();
    const body = commandBody('dredging', responseUrl);
    const res = await signedPost(body, FORM, slackHeaders('wrong-secret', body, FORM));
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 300));
    expect(stub.callsTo(new URL(responseUrl).pathname)).toHaveLength(0);
  });

  it('refuses a request signed more than five minutes ago with 401 and runs no handler', async () => {
    const responseUrl = nextResponseUrl();
    const body = commandBody('dredging', responseUrl);
    const res = await signedPost(body, FORM, slackHeaders(SECRET, body, FORM, Math.floor(Date.now() / 1000) - 6 * 60));
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 300));
    expect(stub.callsTo(new URL(responseUrl).pathname)).toHaveLength(0);
  });

  it(
    'Share in channel posts the same answer for everyone, naming who shared ' +
      'it, and the private one says it was shared',
    async () => {
      const { blocks: ephemeral } = await slashCommand('dredging');
      const share = buttons(ephemeral).find((b) => b.action_id === ACTIONS.share)!;
      const responseUrl = nextResponseUrl();
      const res = await signedPost(interactionBody(buttonPayload(ACTIONS.share, share.value!, responseUrl)), FORM);
      expect(res.status).toBe(200);
      const path = new URL(responseUrl).pathname;
      const shared = await stub.waitFor((c) => c.path === path);
      expect(shared.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
      const sharedBlocks = shared.body.blocks as Block[];
      const answer = (blocks: Block[]) => blocks.filter((b) => b.type !== 'actions' && b.type !== 'context');
      expect(answer(sharedBlocks)).toEqual(answer(ephemeral));
      expect(shownTexts(sharedBlocks)).toContain('Shared by bo');
      expect(buttons(sharedBlocks).map((b) => b.action_id)).not.toContain(ACTIONS.share);

      // The private answer whose Share was pressed is replaced by one that cannot be shared again.
      const original = await stub.waitFor((c) => c.path === path && c.body.replace_original === true);
      expect(original.body.response_type).toBe('ephemeral');
      expect(answer(original.body.blocks as Block[])).toEqual(answer(ephemeral));
      expect(shownTexts(original.body.blocks as Block[])).toContain('Shared in the channel.');
      expect(buttons(original.body.blocks as Block[]).map((b) => b.action_id)).not.toContain(ACTIONS.share);
    },
  );

  it('names who shared an answer as Slack shows them, their handle only when Slack will not say', async () => {
    const { blocks } = await slashCommand('dredging');
    const share = buttons(blocks).find((b) => b.action_id === ACTIONS.share)!;
    const profile = { id: 'U2', name: 'bo', real_name: 'Bo Lindqvist', profile: { display_name: 'Bo L' } };
    stub.failNext('/api/users.info', { status: 200, body: { ok: true, user: profile } });
    const responseUrl = nextResponseUrl();
    await signedPost(interactionBody(buttonPayload(ACTIONS.share, share.value!, responseUrl)), FORM);
    const shared = await stub.waitFor((c) => c.path === new URL(responseUrl).pathname);
    expect(shownTexts(shared.body.blocks as Block[])).toContain('Shared by Bo L');
  });

  it('More results runs reply.next and answers with the following page', async () => {
    const { blocks } = await slashCommand('dredging');
    const more = buttons(blocks).find((b) => b.action_id === ACTIONS.more)!;
    expect(JSON.parse(more.value!)).toMatchObject({ c: 'ask', a: { offset: 3 } });
    const responseUrl = nextResponseUrl();
    await signedPost(interactionBody(buttonPayload(ACTIONS.more, more.value!, responseUrl)), FORM);
    const page = await stub.waitFor((c) => c.path === new URL(responseUrl).pathname);
    // The next page takes the place of the one whose button was pressed (issue 13.6).
    expect(page.body).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    const quotes = (page.body.blocks as Block[]).filter((b) => b.text?.text.startsWith('> ')).map((b) => b.text!.text);
    const first = blocks.filter((b) => b.text?.text.startsWith('> ')).map((b) => b.text!.text);
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) expect(first).not.toContain(q);
  });

  it('More results on an answer the channel sees pages for the presser alone, the channel’s left as is', async () => {
    const { blocks } = await slashCommand('dredging');
    const more = buttons(blocks).find((b) => b.action_id === ACTIONS.more)!;
    const responseUrl = nextResponseUrl();
    const pressed = buttonPayload(ACTIONS.more, more.value!, responseUrl, 'U2', false);
    await signedPost(interactionBody(pressed), FORM);
    const page = await stub.waitFor((c) => c.path === new URL(responseUrl).pathname);
    expect(page.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
  });

  it('logs 👍/👎 clicks, without the question at the default level', async () => {
    const responseUrl = nextResponseUrl();
    await signedPost(
      interactionBody(buttonPayload(ACTIONS.feedbackDown, JSON.stringify({ t: 'dredging cost' }), responseUrl)),
      FORM,
    );
    const thanks = await stub.waitFor((c) => c.path === new URL(responseUrl).pathname);
    expect(thanks.body).toEqual({
      response_type: 'ephemeral',
      replace_original: false,
      text: FEEDBACK_THANKS,
    });
    expect(logs).toContainEqual(expect.objectContaining({ msg: 'answer feedback', feedback: 'down', user: 'U2' }));
    expect(JSON.stringify(logs.filter((l) => String(l.msg).includes('feedback')))).not.toContain('dredging cost');
  });

  it(
    'cite bolds whole words and phrases only: never the "s" of "world’s" nor ' + 'a letter of "U.S." (issue 13.7)',
    async () => {
      const { blocks } = await slashCommand('cite … one of the world’s most corrupt countries');
      const quote = blocks.map((b) => b.text?.text ?? '').find((t) => t.includes('envoy'));
      expect(quote).toContain('*the world’s most corrupt countries*,');
      expect(quote).not.toMatch(/\*s\*|\*world\*|U\.\*S\*|\*U\*/);
      expect(quote).toContain('U.S. envoy');
    },
  );

  it('Find source runs cite on the message and answers ephemerally', async () => {
    const responseUrl = nextResponseUrl();
    const payload = messageShortcut('find_source', {
      message: {
        ts: '100.000003',
        text: 'didn&apos;t someone say crews worked through the night to finish the channel?',
      },
      responseUrl,
    });
    const res = await signedPost(interactionBody(payload), FORM);
    expect(res.status).toBe(200);
    const answer = await stub.waitFor((c) => c.path === new URL(responseUrl).pathname);
    expect(answer.body.response_type).toBe('ephemeral');
    expect(blockTexts(answer.body.blocks as Block[])).toContain('night');
  });

  it('Find source on a message with no words (a file, a mention alone) says so in one line', async () => {
    const responseUrl = nextResponseUrl();
    const payload = messageShortcut('find_source', { message: { ts: '100.000007', text: '<@U3>' }, responseUrl });
    await signedPost(interactionBody(payload), FORM);
    const answer = await stub.waitFor((c) => c.path === new URL(responseUrl).pathname);
    expect(answer.body).toMatchObject({ response_type: 'ephemeral', text: NO_TEXT_TO_FIND });
  });

  it('Find source answers in a later turn than its ack, so acks that arrived meanwhile go out first', async () => {
    const responseUrl = nextResponseUrl();
    const payload = messageShortcut('find_source', {
      message: { ts: '100.000004', text: 'crews worked through the night to finish the channel' },
      responseUrl,
    });
    const cites = () => logs.filter((l) => l.msg === 'command' && l.command === 'cite').length;
    const before = cites();
    expect(await startedBeforeNextTurn(cites, before, () => signedPost(interactionBody(payload), FORM))).toBe(false);
    await stub.waitFor((c) => c.path === new URL(responseUrl).pathname);
    expect(cites()).toBe(before + 1);
  });

  it('Add to Dossier answers in a later turn than its ack, as Find source and the slash command do', async () => {
    const responseUrl = nextResponseUrl();
    // This bot has no corpus folder to add to: the reply is a one-line refusal, logged like any add.
    const payload = messageShortcut('add_to_dossier', {
      message: { ts: '100.000006', text: 'no file here' },
      responseUrl,
    });
    const adds = () => logs.filter((l) => l.msg === 'command' && l.command === 'add').length;
    const before = adds();
    expect(await startedBeforeNextTurn(adds, before, () => signedPost(interactionBody(payload), FORM))).toBe(false);
    const answer = await stub.waitFor((c) => c.path === new URL(responseUrl).pathname);
    expect(blockTexts(answer.body.blocks as Block[])).toContain('Adding documents is not available here');
    expect(adds()).toBe(before + 1);
  });

  it('Find source answers with chat.postEphemeral when the shortcut brings no response_url', async () => {
    const from = stub.calls.length;
    const payload = messageShortcut('find_source', {
      message: { ts: '100.000005', text: 'the dredging contractor reported that silt levels had fallen' },
      user: { id: 'U4', name: 'cy' },
      channel: { id: 'C2', name: 'port' },
    });
    await signedPost(interactionBody(payload), FORM);
    const sent = await stub.waitFor((c) => c.path === '/api/chat.postEphemeral', { from });
    expect(sent.body).toMatchObject({ channel: 'C2', user: 'U4' });
    expect(blockTexts(sent.body.blocks as Block[])).toContain('silt');
  });

  it('speaks Slack’s way of asking in help, and shows the bot’s own code as code (issues 13.4, 13.5)', async () => {
    const { blocks } = await slashCommand('help');
    const shown = shownTexts(blocks);
    expect(shown).toContain('`/brief cite &lt;quote&gt;` — Find where a half-remembered quote comes from');
    expect(shown).toContain('Text with no command is a question: `/brief what does the report say about costs?`');
    expect(shown).not.toMatch(/\u02cb|ˋ/);
    const { blocks: nothing } = await slashCommand('what about the zeppelin tariffs');
    expect(shownTexts(nothing)).toContain('or `/brief sources` to see what the corpus holds');
  });

  it('reads the slash command typed again after the one Slack took as one, in a command or a mention', async () => {
    const { blocks } = await slashCommand('/brief /BRIEF help');
    expect(shownTexts(blocks)).toContain('`/brief cite &lt;quote&gt;` — Find where a half-remembered quote comes from');
    expect(shownTexts(blocks)).toContain('Dossier: cited answers from your documents');
    const { blocks: alone } = await slashCommand('/brief');
    expect(shownTexts(alone)).toContain('Dossier: cited answers from your documents');
    const from = stub.calls.length;
    const event = mention('<@UBOT> /brief sources', '300.000003');
    await signedPost(eventCallbackBody(event, 'Ev3', 300), 'application/json');
    const posted = await stub.waitFor((c) => c.path === '/api/chat.postMessage', { from });
    expect(logs.filter((l) => l.msg === 'command').at(-1)).toMatchObject({ command: 'sources' });
    expect(blockTexts(posted.body.blocks as Block[])).not.toContain('brief');
  });

  it('names the problem first in an error, without the whole usage line (issue 13.5)', async () => {
    const { blocks } = await slashCommand('digest subscribe fentanyl at 25:00');
    expect(shownTexts(blocks)).toContain(':warning: \\"25:00\\" is not a time: use e.g. 07:30 or 7:30am.');
    expect(shownTexts(blocks)).not.toContain('subscribe|unsubscribe');
    const { blocks: missing } = await slashCommand('cite');
    expect(shownTexts(missing)).toContain(':warning: The quote is missing: `/brief cite &lt;quote&gt;`.');
  });

  it(
    'puts buttons only where they mean something: none on help, sources, ' +
      'digest replies or “nothing answers” (issue 13.6)',
    async () => {
      for (const text of ['help', 'sources', 'digest list', 'what about the zeppelin tariffs'])
        expect(buttons((await slashCommand(text)).blocks), text).toEqual([]);
      expect(buttons((await slashCommand('dredging')).blocks).length).toBeGreaterThan(0);
    },
  );

  it('tells whoever pressed Share, in one line, when the chart could not be posted (issue 13.3)', async () => {
    const { blocks } = await slashCommand('figures cargo tonnes');
    const share = buttons(blocks).find((b) => b.action_id === ACTIONS.share)!;
    stub.failNext('/api/files.completeUploadExternal', { status: 200, body: { ok: false, error: 'not_in_channel' } });
    const responseUrl = nextResponseUrl();
    const path = new URL(responseUrl).pathname;
    await signedPost(interactionBody(buttonPayload(ACTIONS.share, share.value!, responseUrl)), FORM);
    const told = await stub.waitFor((c) => c.path === path && typeof c.body.text === 'string' && !c.body.blocks);
    expect(told.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(told.body.text).toBe(
      ':warning: Shared without its chart: Dossier is not a member of this channel (not_in_channel). ' +
        'Invite it with `/invite @Dossier` and share again.',
    );
    expect(logs).toContainEqual(
      expect.objectContaining({ msg: expect.stringContaining('not a member of channel C1 (not_in_channel)') }),
    );
  });

  it('answers an @mention in the thread, with the mention stripped', async () => {
    const from = stub.calls.length;
    const event = mention('<@UBOT> dredging contractor', '300.000001');
    const res = await signedPost(eventCallbackBody(event, 'Ev1', 300), 'application/json');
    expect(res.status).toBe(200);
    const posted = await stub.waitFor((c) => c.path === '/api/chat.postMessage', { from });
    expect(posted.body).toMatchObject({ channel: 'C9', thread_ts: '300.000001' });
    expect(blockTexts(posted.body.blocks as Block[])).toContain('contractor');
    expect(blockTexts(posted.body.blocks as Block[])).not.toContain('UBOT');
    expect(posted.headers.authorization).toBe(`Bearer ${BOT_TOKEN}`);
  });

  it('shows a person an @mention asks about by the name Slack shows, inert, where it showed nothing', async () => {
    const from = stub.calls.length;
    stub.failNext('/api/users.info', {
      status: 200,
      body: { ok: true, user: { id: 'U42', name: 'ann', profile: { display_name: 'Ann <!here>' } } },
    });
    const event = mention('<@UBOT> what did <@U42> say about the dredging contractor', '300.000004');
    expect((await signedPost(eventCallbackBody(event, 'Ev4', 300), 'application/json')).status).toBe(200);
    const posted = await stub.waitFor((c) => c.path === '/api/chat.postMessage', { from });
    expect((posted.body.blocks as Block[])[0]).toMatchObject({
      text: { text: '*what did @Ann !here say about the dredging contractor*' },
    });
    expect(
      stub.calls
        .slice(from)
        .filter((c) => c.path === '/api/users.info')
        .map((c) => c.body.user),
    ).toEqual(['U42']);
  });

  it('answers an @mention in a later turn than the ack Bolt sends for it, as it does a slash command', async () => {
    const from = stub.calls.length;
    const event = mention('<@UBOT> dredging crews at night', '300.000002');
    const asks = () => logs.filter((l) => l.msg === 'command' && l.command === 'ask').length;
    const before = asks();
    expect(
      await startedBeforeNextTurn(asks, before, () =>
        signedPost(eventCallbackBody(event, 'Ev2', 300), 'application/json'),
      ),
    ).toBe(false);
    await stub.waitFor((c) => c.path === '/api/chat.postMessage', { from });
    expect(asks()).toBe(before + 1);
  });
});

/**
 * Whether the work `count` counts had started by the turn after this server first ended a response (the ack): a
 * turn queued then runs before the work only if the handler yields to the event loop after acking.
 */
async function startedBeforeNextTurn(count: () => number, before: number, send: () => Promise<unknown>) {
  const end = ServerResponse.prototype.end;
  const atNextTurn = new Promise<boolean>((resolve) => {
    ServerResponse.prototype.end = function (this: ServerResponse, ...args: Parameters<typeof end>) {
      ServerResponse.prototype.end = end;
      setImmediate(() => resolve(count() > before));
      return end.apply(this, args);
    } as typeof end;
  });
  try {
    await send();
    return await atNextTurn;
  } finally {
    ServerResponse.prototype.end = end;
  }
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const chartReply: Reply = {
  title: 'Dredging cost by year',
  status: 'ok',
  isAnswer: true,
  blocks: [{ type: 'text', text: [{ text: 'Cost rose each year.' }] }],
  attachments: [
    {
      name: 'dredging-cost.png',
      contentType: 'image/png',
      draw: async () => PNG,
      title: 'Dredging cost',
      alt: 'Dredging cost by year, 2021–2024 (Harbour report ¶1)',
    },
  ],
  more: 0,
};
const plainReply = textReply('Digest', 'Nothing new.');

describe('SlackAdapter delivery', () => {
  it('uploads the chart with files.uploadV2 when the answer is shared', async () => {
    const from = stub.calls.length;
    const responseUrl = nextResponseUrl();
    await adapter.deliver({ kind: 'response', responseUrl, channel: 'C1', visibility: 'in_channel' }, chartReply);
    const since = (path: string): Recorded[] => stub.calls.slice(from).filter((c) => c.path.startsWith(path));
    expect(since(new URL(responseUrl).pathname)).toHaveLength(1);
    const [getUrl] = since('/api/files.getUploadURLExternal');
    expect(getUrl?.body).toMatchObject({ filename: 'dredging-cost.png', length: String(PNG.length) });
    const [upload] = since('/upload/F1');
    expect(upload?.raw.includes(Buffer.from(PNG))).toBe(true);
    const [complete] = since('/api/files.completeUploadExternal');
    // The file's title is the chart's few words; the long description is its alt text (issue 13.6).
    expect(complete?.body).toMatchObject({ channel_id: 'C1', files: [{ id: 'F1', title: 'Dredging cost' }] });
  });

  it('shares the answer without its chart, and one line saying so, when the chart workers are too busy', async () => {
    const from = stub.calls.length;
    const responseUrl = nextResponseUrl();
    const busy: Reply = {
      ...chartReply,
      attachments: chartReply.attachments.map((a) => ({
        ...a,
        draw: () => Promise.reject(new DossierError('busy', 'Dossier is busy — try again in a moment.')),
      })),
    };
    await adapter.deliver({ kind: 'response', responseUrl, channel: 'C1', visibility: 'in_channel' }, busy);
    const shared = await stub.waitFor((c) => c.path === new URL(responseUrl).pathname, { from });
    expect(shownTexts(shared.body.blocks as Block[])).toContain(
      'Chart left out: Dossier is busy — try again in a moment.',
    );
    expect(shownTexts(shared.body.blocks as Block[])).toContain('Cost rose each year.');
    expect(stub.calls.slice(from).filter((c) => c.path.startsWith('/api/files'))).toHaveLength(0);
  });

  it('keeps an ephemeral answer’s chart back, without drawing it, and says Share posts it', async () => {
    const from = stub.calls.length;
    const responseUrl = nextResponseUrl();
    let drawn = 0;
    const counted: Reply = {
      ...chartReply,
      attachments: chartReply.attachments.map((a) => ({ ...a, draw: () => (drawn++, a.draw()) })),
    };
    await adapter.deliver(
      { kind: 'response', responseUrl, channel: 'C1', visibility: 'ephemeral', request: { t: 'dredging cost' } },
      counted,
    );
    const answer = await stub.waitFor((c) => c.path === new URL(responseUrl).pathname, { from });
    expect(blockTexts(answer.body.blocks as Block[])).toContain('Slack shows no chart in a message only you can see');
    expect(stub.calls.slice(from).filter((c) => c.path.startsWith('/api/files'))).toHaveLength(0);
    expect(drawn).toBe(0);
  });

  it('sends a reply meant only for the asker (a digest preview) ephemerally, even when asked by @mention', async () => {
    const from = stub.calls.length;
    await adapter.deliver(
      { kind: 'message', channel: 'C1', threadTs: '5.5', user: 'U7', request: { t: 'digest preview harbour' } },
      { ...plainReply, onlyAsker: true },
    );
    const sent = await stub.waitFor((c) => c.path === '/api/chat.postEphemeral', { from });
    expect(sent.body).toMatchObject({ channel: 'C1', user: 'U7', thread_ts: '5.5' });
    expect(JSON.stringify(sent.body.blocks)).not.toContain(ACTIONS.share);
    expect(stub.calls.slice(from).filter((c) => c.path === '/api/chat.postMessage')).toHaveLength(0);
  });

  it('retries a 429 after its Retry-After and the answer still arrives', async () => {
    const from = stub.calls.length;
    stub.rateLimitNext('/api/chat.postMessage', 1);
    const started = Date.now();
    await adapter.deliver({ kind: 'message', channel: 'C1', threadTs: '1.1' }, plainReply);
    const posts = stub.calls.slice(from).filter((c) => c.path === '/api/chat.postMessage');
    expect(posts).toHaveLength(2);
    expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(900);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it(
    'drops an answer whose Retry-After exceeds what an answer may wait, with ' + 'a clear log line and no long wait',
    async () => {
      const from = stub.calls.length;
      stub.rateLimitNext('/api/chat.postMessage', 1800);
      const started = Date.now();
      await adapter.deliver({ kind: 'message', channel: 'CBUSY' }, plainReply);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(stub.calls.slice(from).filter((c) => c.path === '/api/chat.postMessage')).toHaveLength(1);
      expect(logs).toContainEqual(
        expect.objectContaining({
          level: 50,
          channel: 'CBUSY',
          msg: expect.stringContaining(
            'rate-limited the bot for channel CBUSY beyond what an answer can wait (Retry-After 1800 s)',
          ),
        }),
      );
    },
  );

  it('honours Retry-After from a response_url too', async () => {
    const responseUrl = nextResponseUrl();
    stub.failNext(new URL(responseUrl).pathname, { status: 429, headers: { 'retry-after': '1' }, body: 'slow down' });
    await adapter.deliver({ kind: 'response', responseUrl, channel: 'C1', visibility: 'ephemeral' }, plainReply);
    expect(stub.callsTo(new URL(responseUrl).pathname)).toHaveLength(2);
  });

  it(
    'logs a clear line for channel_not_found and rejects post() with a ' + 'permanent DeliveryError, without crashing',
    async () => {
      stub.failNext('/api/chat.postMessage', { status: 200, body: { ok: false, error: 'channel_not_found' } });
      const error = await adapter.post('CGONE', plainReply).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DeliveryError);
      expect(error).toMatchObject({ code: 'channel-gone', permanent: true });
      expect(logs).toContainEqual(
        expect.objectContaining({
          level: 50,
          channel: 'CGONE',
          msg: expect.stringContaining('was not found (channel_not_found)'),
        }),
      );
    },
  );

  it('logs a clear line for not_in_channel during delivery and carries on', async () => {
    stub.failNext('/api/files.completeUploadExternal', { status: 200, body: { ok: false, error: 'not_in_channel' } });
    await expect(adapter.deliver({ kind: 'message', channel: 'CPRIV' }, chartReply)).resolves.toBeUndefined();
    expect(logs).toContainEqual(
      expect.objectContaining({
        level: 50,
        channel: 'CPRIV',
        msg: expect.stringContaining('not a member of channel CPRIV (not_in_channel)'),
      }),
    );
    const { ack } = await slashCommand('dredging');
    expect(ack.status).toBe(200);
  });

  it('never logs the bot token or the signing secret', () => {
    const all = JSON.stringify(logs);
    expect(all).not.toContain(BOT_TOKEN);
    expect(all).not.toContain(SECRET);
  });
});
