import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { botContext } from '../../../adapters/bot.js';
import { DiscordAdapter } from '../../../adapters/discord/adapter.js';
import { FIND_SOURCE } from '../../../adapters/discord/commands.js';
import { NO_TEXT_TO_FIND } from '../../../src/commands/index.js';
import { defineCommand } from '../../../src/commands/command.js';
import { DeliveryError } from '../../../src/digest/delivery.js';
import { DigestService } from '../../../src/digest/service.js';
import { SqliteDigestStore } from '../../../src/digest/sqlite-store.js';
import { Dossier } from '../../../src/engine/dossier.js';
import { DossierError } from '../../../src/errors.js';
import { createLogger } from '../../../src/log.js';
import { expectWithinLimits } from './limits.js';
import { startDiscordAdapter } from './start-adapter.js';
import {
  APPLICATION_ID,
  ASKER,
  BYSTANDER,
  CHANNEL_ID,
  DM_CHANNEL_ID,
  MEMBER_PERMISSIONS,
  DiscordStandIn,
  discordError,
  standInForSuite,
  type RecordedRequest,
} from './stand-in.js';
import { testCommand, withCommands } from '../../support/commands.js';
import { FEEDBACK_THANKS, replyOf } from '../../../src/answer/reply.js';

/** Five paragraphs on tram funding, so `ask` has a page of three and more to come. */
const TRAM = [
  '# Tram funding',
  'The tram funding plan was approved by the council in March after a long debate. The first phase costs 4.2 million.',
  'Tram funding for the second line comes from a regional grant. Officials expect the grant to cover half the cost.',
  'Critics said the tram funding left buses short. The council promised a review in autumn.',
  'A survey found most riders supported tram funding if fares stayed flat. Fares rose by 5 percent anyway.',
  'The auditor questioned how tram funding was counted in the budget. The report is due in June.',
].join('\n\n');

/** Four years of one measure: a series, so `figures` draws a chart. */
const RIDERSHIP = [
  '# Tram ridership',
  'Tram ridership reached 1.2 million trips in 2019, the first full year of service.',
  'Tram ridership fell to 0.6 million trips in 2020 as offices closed.',
  'Tram ridership recovered to 1.5 million trips in 2021, according to the operator.',
  'Tram ridership rose to 1.9 million trips in 2022.',
].join('\n\n');

/** A document with a section heading, which citations name. */
const FARES = '# Fares\n\n## Ticket prices\n\nSingle bus fares rose to 3 euros in 2024 after the council vote.';

/** A document written to ping and to break the layout, if it were let through. */
const NOTICE = [
  '# Depot notice',
  'Depot notice for @everyone and <@123>: the *depot* ~~closure~~ is in [the plan](https://evil.example). @here too.',
].join('\n\n');

/** A quote with a possessive and an abbreviation inside: highlighting must mark whole words only (issue 13.7). */
const SURVEY = [
  '# Graft survey',
  'The survey placed the republic among the world’s most corrupt countries, a finding the U.S. envoy did not dispute.',
].join('\n\n');

const lines: Record<string, unknown>[] = [];
const logSink = new Writable({
  write(chunk, _encoding, done) {
    for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
    done();
  },
});

let standIn: DiscordStandIn;
let adapter: DiscordAdapter;
let corpusDir: string;
let store: SqliteDigestStore;
let dossier: Dossier;

beforeAll(async () => {
  corpusDir = await mkdtemp(join(tmpdir(), 'dossier-discord-'));
  await writeFile(join(corpusDir, 'tram.md'), TRAM);
  await writeFile(join(corpusDir, 'notice.md'), NOTICE);
  await writeFile(join(corpusDir, 'ridership.md'), RIDERSHIP);
  await writeFile(join(corpusDir, 'fares.md'), FARES);
  await writeFile(join(corpusDir, 'survey.md'), SURVEY);
  dossier = await Dossier.open({ corpusDir });
  standIn = await DiscordStandIn.start();
  store = new SqliteDigestStore(':memory:');
  adapter = await startDiscordAdapter(
    standIn,
    botContext({
      dossier,
      log: createLogger('debug', logSink),
      digest: new DigestService({ store, dossier, defaultTimeZone: 'UTC' }),
    }),
  );
});

afterAll(async () => {
  await adapter?.stop();
  await standIn?.close();
  store?.close();
  await rm(corpusDir, { recursive: true, force: true });
});

const callbackOf =
  ({ id, token }: { id: string; token: string }) =>
  (r: RecordedRequest) =>
    r.method === 'POST' && r.path === `/interactions/${id}/${token}/callback`;
const originalOf =
  ({ token }: { token: string }) =>
  (r: RecordedRequest) =>
    r.method === 'PATCH' && r.path.endsWith(`/${token}/messages/@original`);

async function logLine(
  match: (line: Record<string, unknown>) => boolean,
  timeoutMs = 5_000,
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = lines.find(match);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no matching log line; got ${lines.map((l) => l.msg).join(' | ')}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Sends `/brief ask` and returns the interaction, its deferral and the answer that replaced it. */
async function ask(question: string, user = ASKER) {
  const sentAt = Date.now();
  const interaction = standIn.interact(standIn.command('ask', { question }, user));
  const deferral = await standIn.waitFor(callbackOf(interaction));
  const answer = await standIn.waitFor(originalOf(interaction));
  return { interaction, deferral, answer, sentAt };
}

const buttonIds = (answer: RecordedRequest): Record<string, string> =>
  Object.fromEntries(
    (answer.body.components ?? [])
      .flatMap((row: { components: unknown[] }) => row.components)
      .map((b: { custom_id: string; label?: string; emoji?: { name: string } }) => [
        b.label ?? b.emoji?.name,
        b.custom_id,
      ]),
  );

/**
 * A command `name <topic>` answering with a chart of the topic that `draw` draws, under a line of `text` if given:
 * how the adapter uploads (or leaves out) an attachment.
 */
const chartCommand = (name: string, draw: () => Promise<Uint8Array>, text?: string) =>
  defineCommand({
    name,
    summary: `A chart (${name})`,
    usage: `${name} <topic>`,
    args: z.object({ topic: z.string().describe('What to chart') }),
    fromText: (rest) => ({ topic: rest }),
    run: async ({ topic }) =>
      replyOf(`Chart: ${topic}`, text ? [{ type: 'text', text: [{ text }] }] : [], {
        attachments: [{ name: 'chart.png', contentType: 'image/png', draw, title: topic, alt: `${topic} by year` }],
      }),
  });

describe('DiscordAdapter against a stand-in for Discord', () => {
  it('logs in through DISCORD_API_URL and asks the gateway for the Guilds intent only', () => {
    expect(standIn.requests.some((r) => r.method === 'GET' && r.path === '/gateway/bot')).toBe(true);
    expect(standIn.identifies).toHaveLength(1);
    expect(standIn.identifies[0].intents).toBe(1);
    expect(standIn.identifies[0].compress).toBe(false);
  });

  it('defers /brief ask privately at once, then answers with cited excerpts, bold matches and buttons', async () => {
    const { deferral, answer, sentAt } = await ask('tram funding');
    expect(deferral.body).toEqual({ type: 5, data: { flags: 64 } });
    expect(deferral.at - sentAt).toBeLessThan(3_000);

    expect(answer.body.allowed_mentions).toEqual({ parse: [] });
    expectWithinLimits(answer.body.embeds);
    const description: string = answer.body.embeds[0].description;
    expect(description).toMatch(/\*\*[Tt]ram\b[^*]*\*\*/);
    expect(description).toMatch(/¶\d/);
    expect(answer.body.embeds.at(-1).footer.text).toMatch(/^\d+ more results?: press More results to see them\.$/);
    expect(Object.keys(buttonIds(answer))).toEqual(['Share', 'More results', '👍', '👎']);
  });

  it('defers before the command has finished, however long it takes', async () => {
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const slow = testCommand('slow', async () => {
      await finished;
      return { title: 'Done at last', status: 'ok', blocks: [], attachments: [], more: 0 };
    });
    await withCommands([slow], async () => {
      const interaction = standIn.interact(standIn.command('slow'));
      expect((await standIn.waitFor(callbackOf(interaction))).body.type).toBe(5);
      expect(standIn.requests.some(originalOf(interaction))).toBe(false);
      finish();
      expect((await standIn.waitFor(originalOf(interaction))).body.embeds[0].title).toBe('Done at last');
    });
  });

  it('neutralises mentions and Markdown from documents', async () => {
    const { answer } = await ask('depot closure plan');
    expect(answer.body.allowed_mentions).toEqual({ parse: [] });
    const description: string = answer.body.embeds[0].description;
    expect(description).toContain('@\u200beveryone');
    expect(description).toContain('@\u200bhere');
    expect(description).toContain('\\<@123>');
    // The corpus loader may keep the Markdown or strip it; either way no masked link may survive.
    expect(description).not.toMatch(/(?<!\\)\[[^\]]*(?<!\\)\]\(/);
    expect(description).not.toMatch(/@everyone|@here|(?<!\\)<@/);
  });

  it(
    'shares an answer with the channel, pages with More results and logs ' +
      'feedback without the question at the default level',
    async () => {
      const { answer } = await ask('tram funding');
      const ids = buttonIds(answer);

      const share = standIn.interact(standIn.button(ids.Share!));
      // The click is acknowledged on the private answer itself; the channel gets a copy of its own.
      expect((await standIn.waitFor(callbackOf(share))).body).toEqual({ type: 6 });
      const shared = await standIn.waitFor(
        (r) => r.method === 'POST' && r.path === `/webhooks/${APPLICATION_ID}/${share.token}`,
      );
      expect(shared.body.flags ?? 0).toBe(0);
      expect(shared.body.embeds[0].description).toMatch(/\*\*[Tt]ram\b[^*]*\*\*/);
      expect(shared.body.embeds[0].author).toEqual({ name: 'Shared by Asker' });
      expect(Object.keys(buttonIds(shared))).toEqual(['More results', '👍', '👎']);
      // The private answer keeps its buttons, Share now a disabled "Shared" (issue 13.6).
      const original = await standIn.waitFor(originalOf(share));
      expect(original.body.components[0].components[0]).toMatchObject({ label: 'Shared', disabled: true });
      expect(Object.keys(buttonIds(original))).toEqual(['Shared', 'More results', '👍', '👎']);

      const more = standIn.interact(standIn.button(ids['More results']!));
      expect((await standIn.waitFor(callbackOf(more))).body).toEqual({ type: 5, data: { flags: 64 } });
      const page = await standIn.waitFor(originalOf(more));
      expect(page.body.embeds[0].description).toMatch(/¶\d/);
      expect(page.body.embeds[0].description).not.toBe(answer.body.embeds[0].description);

      const vote = standIn.interact(standIn.button(ids['👍']!));
      expect((await standIn.waitFor(originalOf(vote))).body.content).toBe(FEEDBACK_THANKS);
      const line = await logLine((l) => l.feedback === 'up');
      expect(line).toMatchObject({ command: 'ask', user: ASKER.id });
      expect(JSON.stringify(line)).not.toContain('tram funding');
    },
  );

  it('politely refuses the buttons of a private answer to anyone but the asker', async () => {
    const { answer } = await ask('tram funding');
    const click = standIn.interact(standIn.button(buttonIds(answer)['More results']!, BYSTANDER));
    const refusal = await standIn.waitFor(callbackOf(click));
    expect(refusal.body.type).toBe(4);
    expect(refusal.body.data.flags).toBe(64);
    expect(refusal.body.data.content).toMatch(/only the person who asked can use these buttons/);
    expect(refusal.body.data.allowed_mentions).toEqual({ parse: [] });
  });

  it('lets only members who can manage the channel change its digest, and previews it only to the asker', async () => {
    const member = standIn.interact(
      standIn.command('digest', { action: 'subscribe', topics: 'tram funding' }, BYSTANDER, MEMBER_PERMISSIONS),
    );
    const refused = await standIn.waitFor(originalOf(member));
    expect(refused.body.embeds[0].description).toMatch(/Only members who can manage this channel/);
    expect(refused.body.components).toEqual([]);

    const manager = standIn.interact(
      standIn.command('digest', { action: 'subscribe', topics: 'tram funding', at: '07:30' }),
    );
    const subscribed = await standIn.waitFor(originalOf(manager));
    expect(subscribed.body.embeds[0].title).toBe('Digest subscribed');
    expect(subscribed.body.embeds[0].description).toMatch(/“tram funding”.*07:30/);

    const preview = standIn.interact(standIn.command('digest', { action: 'preview' }));
    const previewed = await standIn.waitFor(originalOf(preview));
    expect((await standIn.waitFor(callbackOf(preview))).body.data.flags).toBe(64);
    expect(Object.keys(buttonIds(previewed))).not.toContain('Share');
  });

  it('names who set the digest up rather than a raw id (issue 13.6)', async () => {
    const list = standIn.interact(standIn.command('digest', { action: 'list' }));
    const listed = await standIn.waitFor(originalOf(list));
    expect(listed.body.embeds[0].description).toMatch(/set up by Asker\./);
    expect(listed.body.embeds[0].description).not.toContain(ASKER.id);
  });

  it('speaks Discord’s way of asking in help and errors, problem first (issue 13.5)', async () => {
    const help = await standIn.waitFor(originalOf(standIn.interact(standIn.command('help'))));
    const shown: string = help.body.embeds[0].description;
    expect(shown).toContain('`/brief cite quote` — Find where a half-remembered quote comes from');
    expect(shown).toContain('`/brief digest action [topics] [at] [days] [tz]`');
    expect(shown).toContain('Pick a subcommand of `/brief` and fill in its options');
    expect(shown).not.toMatch(/Text with no command|subscribe\|unsubscribe|\\`/);
    const bad = standIn.interact(standIn.command('digest', { action: 'subscribe', topics: 'tram', at: '25:00' }));
    const error = await standIn.waitFor(originalOf(bad));
    expect(error.body.embeds[0].description).toBe('"25:00" is not a time: use e.g. 07:30 or 7:30am.');
    // A word naming no command, and the list of them, name each as it is asked for here: typed alone, a message.
    const mistyped = standIn.interact(standIn.command('help', { command: 'figurs' }));
    const refused: string = (await standIn.waitFor(originalOf(mistyped))).body.embeds[0].description;
    expect(refused).toMatch(/^"figurs" is not a command \(did you mean `\/brief figures`\?\): the commands are /);
    expect(refused).toMatch(/ `\/brief ask`, `\/brief cite`, .* and `\/brief help`\.$/);
    // The terminal's own word, which names nothing here: a question goes in ask's option, not after help or without it.
    const exit = standIn.interact(standIn.command('help', { command: 'exit' }));
    const notHere: string = (await standIn.waitFor(originalOf(exit))).body.embeds[0].description;
    expect(notHere).toMatch(/^"exit" is not a command: the commands are /);
    expect(notHere).toMatch(/ To ask a question, pick `\/brief ask` and type it in its question option\.$/);
    expect(notHere).not.toContain('without help');
    const none = standIn.interact(standIn.command('digest', { action: 'subscribe' }));
    expect((await standIn.waitFor(originalOf(none))).body.embeds[0].description).toBe(
      'Name at least one topic to subscribe to, separated by commas: `/brief digest action:subscribe topics [at] ' +
        '[days] [tz]`.',
    );
  });

  it(
    'puts buttons only on answers, shows its own code as code, and cites the ' + 'section heading (issues 13.4, 13.6)',
    async () => {
      for (const [command, options] of [
        ['help', {}],
        ['sources', {}],
        ['ask', { question: 'zeppelin tariffs' }],
      ] as const) {
        const answer = await standIn.waitFor(originalOf(standIn.interact(standIn.command(command, options))));
        expect(answer.body.components, command).toEqual([]);
        if (command === 'ask') expect(answer.body.embeds[0].description).toContain('or `/brief sources` to see what');
      }
      const { answer } = await ask('bus fares');
      expect(answer.body.embeds[0].description).toMatch(
        /— \*Fares\* · ¶\d+ of the document, in section “Ticket prices”/,
      );
      expect(Object.keys(buttonIds(answer))).toEqual(['Share', '👍', '👎']);
    },
  );

  it('says when buttons have expired', async () => {
    const click = standIn.interact(standIn.button('brief:more:00000000-0000-0000-0000-000000000000'));
    const reply = await standIn.waitFor(callbackOf(click));
    expect(reply.body.data.content).toMatch(/expired/);
  });

  it('suggests at most 25 corpus topics, each within 100 characters, filtered by what was typed', async () => {
    const interaction = standIn.interact(standIn.autocomplete('figures', 'topic', 'fund'));
    const response = await standIn.waitFor(callbackOf(interaction));
    expect(response.body.type).toBe(8);
    const choices: { name: string; value: string }[] = response.body.data.choices;
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeLessThanOrEqual(100);
      expect(c.name.toLowerCase()).toContain('fund');
    }
  });

  it(
    'cite bolds whole words and phrases only: never the "s" of "world’s" nor ' + 'a letter of "U.S." (issue 13.7)',
    async () => {
      const interaction = standIn.interact(
        standIn.command('cite', { quote: '… one of the world’s most corrupt countries' }),
      );
      const description: string = (await standIn.waitFor(originalOf(interaction))).body.embeds[0].description;
      expect(description).toContain('**the world’s most corrupt countries**,');
      expect(description).not.toMatch(/\*s\*|\*world\*\*|U\.\*+S|\*\*U/);
      expect(description).toContain('U.S. envoy');
    },
  );

  it('offers no Share on an answer in a direct message with the bot, which would post to the asker alone', async () => {
    const asked = standIn.interact(standIn.inDirectMessage(standIn.command('ask', { question: 'tram funding' })));
    const answer = await standIn.waitFor(originalOf(asked));
    expect(answer.body.embeds[0].description).toMatch(/¶\d/);
    expect(Object.keys(buttonIds(answer))).toEqual(['More results', '👍', '👎']);
  });

  it('finds where a message’s words come from with Apps → Find source, privately, as cite answers them', async () => {
    const said = 'did someone say the world’s most corrupt countries? <@123>';
    const found = standIn.interact(standIn.messageCommand(FIND_SOURCE, [], ASKER, said));
    expect((await standIn.waitFor(callbackOf(found))).body).toEqual({ type: 5, data: { flags: 64 } });
    const answer = await standIn.waitFor(originalOf(found));
    expect(answer.body.embeds[0].description).toContain('**the world’s most corrupt countries**,');
    expect(Object.keys(buttonIds(answer))).toEqual(['Share', '👍', '👎']);
    // A message of an attachment or a mention alone has no words to look for.
    const bare = standIn.interact(standIn.messageCommand(FIND_SOURCE, [], ASKER, '<@123>'));
    expect((await standIn.waitFor(originalOf(bare))).body.embeds[0].description).toBe(NO_TEXT_TO_FIND);
  });

  it('shows a person a question mentions by the name Discord shows, inert, where it showed nothing', async () => {
    standIn.respond((r) => r.method === 'GET' && r.path === `/users/${BYSTANDER.id}`, { status: 200, body: BYSTANDER });
    const { answer } = await ask(`what did <@${BYSTANDER.id}> say about tram funding`);
    expect(answer.body.embeds[0].title).toBe('what did @Bystander say about tram funding');
    expect(answer.body.allowed_mentions).toEqual({ parse: [] });
  });

  it('answers /brief figures with cited figures in fields and the chart uploaded as a PNG', async () => {
    const interaction = standIn.interact(standIn.command('figures', { topic: 'tram ridership' }));
    const answer = await standIn.waitFor(originalOf(interaction));
    expect(answer.body.allowed_mentions).toEqual({ parse: [] });
    expectWithinLimits(answer.body.embeds);
    const fields: { name: string; value: string }[] = answer.body.embeds.flatMap(
      (e: { fields?: unknown[] }) => e.fields ?? [],
    );
    expect(fields.length).toBeGreaterThan(0);
    expect(fields.some((f) => /\*\*1\.2 million trips\*\*/.test(f.value) && /¶1/.test(f.value))).toBe(true);
    const [file] = answer.files;
    expect(file).toBeDefined();
    expect([...file!.data.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect(answer.body.embeds[0].image).toEqual({ url: `attachment://${file!.name}` });
  });

  it('suggests what the corpus counts (here "trips") for a figures topic', async () => {
    const interaction = standIn.interact(standIn.autocomplete('figures', 'topic', 'trip'));
    const response = await standIn.waitFor(callbackOf(interaction));
    expect(response.body.data.choices).toContainEqual({ name: 'trips', value: 'trips' });
  });

  it('logs an interaction that expired before the deferral (10062) and keeps running', async () => {
    standIn.respond((r) => r.path.endsWith('/callback'), discordError(404, 10062, 'Unknown interaction'));
    const late = standIn.interact(standIn.command('ask', { question: 'tram funding' }));
    await standIn.waitFor(callbackOf(late));
    const line = await logLine((l) => l.code === 10062);
    expect(line.level).toBe(40);
    expect(line.msg).toMatch(/expired before Dossier answered/);
    expect(JSON.stringify(line)).not.toContain(late.token);
    expect((await ask('tram funding')).answer.body.embeds[0].description).toMatch(/¶\d/);
  });

  it('logs a reply Discord keeps failing (5xx) in one line, without the interaction token', async () => {
    standIn.respond((r) => r.method === 'PATCH', discordError(500, 0, 'Internal Server Error'), 4);
    const interaction = standIn.interact(standIn.command('ask', { question: 'tram funding' }));
    const line = await logLine((l) => l.event === 'discord.reply-failed' && l.interaction === interaction.id);
    expect(line.msg).toMatch(/^Discord reply failed: /);
    expect(JSON.stringify(line)).not.toContain(interaction.token);
    expect((await ask('tram funding')).answer.body.embeds[0].description).toMatch(/¶\d/);
  });

  it('waits out a 429 on the answer (discord.js retries) and logs the rate limit', async () => {
    standIn.respond(
      (r) => r.method === 'PATCH',
      discordError(429, 0, 'You are being rate limited.', { 'retry-after': '0.2', 'x-ratelimit-scope': 'user' }),
    );
    const interaction = standIn.interact(standIn.command('ask', { question: 'tram funding' }));
    await standIn.waitFor(
      (r) => originalOf(interaction)(r) && standIn.requests.filter(originalOf(interaction)).length === 2,
    );
    const line = await logLine((l) => typeof l.msg === 'string' && l.msg.startsWith('Discord rate limit (429)'));
    expect(line).toMatchObject({
      route: expect.stringMatching(/^\/webhooks\/:id\/:token\/messages\//),
      method: 'PATCH',
      retryAfter: 200,
    });
    expect(JSON.stringify(line)).not.toContain(interaction.token);
  });

  it('drops an answer whose 429 asks for a longer wait than answers take, in one line; others go on', async () => {
    standIn.respond(
      (r) => r.method === 'PATCH',
      discordError(429, 0, 'You are being rate limited.', { 'retry-after': '1800', 'x-ratelimit-scope': 'user' }),
    );
    const started = Date.now();
    const interaction = standIn.interact(standIn.command('ask', { question: 'tram funding' }));
    const line = await logLine((l) => l.event === 'discord.reply-failed' && l.interaction === interaction.id);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(line).toMatchObject({ level: 40, method: 'PATCH', retryAfter: expect.any(Number) });
    expect(line.msg).toMatch(
      /^Discord rate-limited the reply beyond what an answer can wait \(Retry-After 1800 s on PATCH \/webhooks\//,
    );
    expect(JSON.stringify(line)).not.toContain(interaction.token);
    // Every answer goes through the same webhook route: the next is not held behind the long wait.
    expect((await ask('tram funding')).answer.body.embeds[0].description).toMatch(/¶\d/);
  });

  it('leaves a dropped gateway connection to discord.js, logs the reconnect and keeps answering', async () => {
    standIn.dropConnections(4000);
    await logLine((l) => l.msg === 'Discord gateway reconnecting');
    await logLine((l) => l.msg === 'Discord gateway resumed');
    expect(standIn.resumes).toEqual([expect.objectContaining({ session_id: 'stand-in-session' })]);
    expect(standIn.identifies).toHaveLength(1);
    expect((await ask('tram funding')).answer.body.embeds[0].description).toMatch(/¶\d/);
  });

  it('answers a command added to the table, uploading its chart with the answer', async () => {
    const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
    const chart = chartCommand('chart', async () => png);
    await withCommands([chart], async () => {
      const interaction = standIn.interact(standIn.command('chart', { topic: 'tram funding' }));
      const answer = await standIn.waitFor(originalOf(interaction));
      expect(answer.body.embeds[0]).toMatchObject({
        title: 'Chart: tram funding',
        image: { url: 'attachment://chart.png' },
      });
      expect(answer.body.attachments).toEqual([{ id: '0', description: 'tram funding by year' }]);
      expect(answer.files).toHaveLength(1);
      expect(answer.files[0]).toMatchObject({ name: 'chart.png' });
      expect([...answer.files[0]!.data]).toEqual([...png]);
    });
  });

  it('answers without the chart, and one line saying so, when the chart workers are too busy to draw it', async () => {
    const busy = chartCommand(
      'busychart',
      () => Promise.reject(new DossierError('busy', 'Dossier is busy — try again in a moment.')),
      'Ridership rose.',
    );
    await withCommands([busy], async () => {
      const interaction = standIn.interact(standIn.command('busychart', { topic: 'tram ridership' }));
      const answer = await standIn.waitFor(originalOf(interaction));
      expect(answer.body.embeds[0].description).toContain('Chart left out: Dossier is busy — try again in a moment.');
      expect(answer.body.embeds[0].image).toBeUndefined();
      expect(answer.files).toHaveLength(0);
    });
  });

  it(
    'posts to a channel with the chart uploaded, and reports a channel it ' +
      'may not post in (50013) without crashing',
    async () => {
      const chart = {
        name: 'tram.png',
        contentType: 'image/png' as const,
        draw: async () => new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
        title: 'Tram funding',
        alt: 'Tram funding by year',
      };
      await adapter.post(CHANNEL_ID, {
        title: 'Digest: tram funding',
        status: 'ok',
        blocks: [{ type: 'text', text: [{ text: 'Chart of @everyone' }] }],
        attachments: [chart],
        more: 0,
      });
      const posted = await standIn.waitFor((r) => r.method === 'POST' && r.path === `/channels/${CHANNEL_ID}/messages`);
      expect(posted.body.allowed_mentions).toEqual({ parse: [] });
      expect(posted.body.embeds[0].image).toEqual({ url: 'attachment://tram.png' });
      expect(posted.body.embeds[0].description).toBe('Chart of @\u200beveryone');
      expect(posted.files).toHaveLength(1);
      expect(posted.files[0]).toMatchObject({ name: 'tram.png' });
      expect([...posted.files[0]!.data]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);

      standIn.respond(
        (r) => r.method === 'POST' && r.path.startsWith('/channels/'),
        discordError(403, 50013, 'Missing Permissions'),
      );
      const refused = adapter.post(CHANNEL_ID, { title: 'Digest', status: 'ok', blocks: [], attachments: [], more: 0 });
      await expect(refused).rejects.toBeInstanceOf(DeliveryError);
      await expect(refused).rejects.toMatchObject({ code: 'forbidden', permanent: true });
      const line = await logLine((l) => l.code === 50013);
      expect(line.msg).toMatch(/lacks permissions in channel \d+ \(50013 Missing Permissions\)/);
      expect((await ask('tram funding')).answer.body.embeds[0].description).toMatch(/¶\d/);
    },
  );

  it('tells a user something in its direct message with them (a paused digest’s notice)', async () => {
    const from = standIn.requests.length;
    const message =
      'The digest you set up for channel 42 (ferries, daily at 08:00 UTC) is paused: the thread is locked.';
    await adapter.notify(
      ASKER.id,
      replyOf('Your Dossier digest is paused', [], { status: 'error', error: { code: 'digest-paused', message } }),
    );
    const opened = standIn.requests.slice(from).filter((r) => r.method === 'POST' && r.path === '/users/@me/channels');
    expect(opened.map((r) => r.body)).toEqual([{ recipient_id: ASKER.id }]);
    const sent = await standIn.waitFor((r) => r.method === 'POST' && r.path === `/channels/${DM_CHANNEL_ID}/messages`);
    expect(JSON.stringify(sent.body.embeds)).toContain('is paused: the thread is locked.');
  });
});

describe('DiscordAdapter when Discord takes a deferral but answers it after discord.js has given up', () => {
  // A stand-in and a bot of their own, whose discord.js waits 1 s for an answer rather than Discord's 15 s.
  const late = standInForSuite();
  let lateAdapter: DiscordAdapter;
  beforeAll(async () => {
    lateAdapter = await startDiscordAdapter(
      late(),
      botContext({ dossier, log: createLogger('debug', logSink) }),
      1_000,
    );
  });
  afterAll(() => lateAdapter?.stop());

  /** The next deferral is taken, its 204 sent after discord.js's timeout; the retry is refused, as Discord does. */
  const deferLate = () => {
    const isCallback = (r: RecordedRequest) => r.method === 'POST' && r.path.endsWith('/callback');
    late().respond(isCallback, { status: 204, delayMs: 2_500 });
    late().respond(isCallback, discordError(400, 40060, 'Interaction has already been acknowledged.'));
  };
  const noFailures = (interaction: { id: string }) =>
    expect(lines.filter((l) => l.interaction === interaction.id && /-failed$/.test(String(l.event)))).toEqual([]);

  it('takes the 40060 on the retried deferral as deferred, and answers the command', async () => {
    deferLate();
    const interaction = late().interact(late().command('ask', { question: 'tram funding' }));
    const answer = await late().waitFor(originalOf(interaction));
    expect(
      late()
        .requests.filter(callbackOf(interaction))
        .map((d) => d.body),
    ).toEqual([
      { type: 5, data: { flags: 64 } },
      { type: 5, data: { flags: 64 } },
    ]);
    expect(answer.body.embeds[0].description).toMatch(/¶\d/);
    // Private, as the deferral that stood asked: Share is offered.
    expect(Object.keys(buttonIds(answer))).toEqual(['Share', 'More results', '👍', '👎']);
    const line = await logLine((l) => l.interaction === interaction.id && l.code === 40060);
    expect(line).toMatchObject({ level: 30, msg: expect.stringMatching(/already taken the deferral/) });
    noFailures(interaction);
  });

  it('does the same for a button acknowledged on its own message (Share)', async () => {
    const asked = late().interact(late().command('ask', { question: 'tram funding' }));
    const answer = await late().waitFor(originalOf(asked));
    deferLate();
    const share = late().interact(late().button(buttonIds(answer).Share!));
    const shared = await late().waitFor(
      (r) => r.method === 'POST' && r.path === `/webhooks/${APPLICATION_ID}/${share.token}`,
    );
    expect(
      late()
        .requests.filter(callbackOf(share))
        .map((d) => d.body),
    ).toEqual([{ type: 6 }, { type: 6 }]);
    expect(shared.body.embeds[0].author).toEqual({ name: 'Shared by Asker' });
    const original = await late().waitFor(originalOf(share));
    expect(original.body.components[0].components[0]).toMatchObject({ label: 'Shared', disabled: true });
    noFailures(share);
  });
});
