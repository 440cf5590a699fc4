import { describe, expect, it } from 'vitest';
import { ask, askJson, askReply } from '../../src/answer/ask.js';
import { cite } from '../../src/answer/cite.js';
import { errorReply, plain, replyOf, said, type Reply, type RichText } from '../../src/answer/reply.js';
import {
  CommandGate,
  commands,
  commandsAsAsked,
  findSourceRequest,
  MAX_QUERY_LENGTH,
  MAX_RESULTS,
  parseText,
  runCommand,
  runText,
  withoutAddress,
  type CommandContext,
} from '../../src/commands/index.js';
import { DossierError, SHOWN_TYPED_CHARS } from '../../src/errors.js';
import type { Ingest } from '../../src/ingest/add.js';
import type { Feeds } from '../../src/ingest/feeds.js';
import { createLogger } from '../../src/log.js';
import { DOSSIER_VERSION } from '../../src/version.js';
import { corpusForSuite, note } from '../support/corpus.js';
import { ManualClock } from '../support/manual-clock.js';
import { commandContext, testCommand, withCommands } from '../support/commands.js';

const guard = corpusForSuite({
  'a.md': note('Guard', 'The National Guard was deployed to the southern border in 2019.'),
});
const ctx = (): CommandContext => commandContext(guard());

/** The table's commands in its order. */
const COMMAND_NAMES = ['ask', 'cite', 'figures', 'sources', 'add', 'feeds', 'digest', 'version', 'help'] as const;
/** Help's list of the commands, each named as typed after `before`, as every other reply names one. */
const listed = (before: string) => {
  const names = COMMAND_NAMES.map((n) => `\`${before}${n}\``);
  return `the commands are ${names.slice(0, -1).join(', ')} and ${names.at(-1)}.`;
};

describe('the command table', () => {
  it('quotes long words typed back cut short, so a refusal stays one short line', async () => {
    const word = 'x'.repeat(3000);
    for (const text of [`help ${word}`, `digest ${word}`, `digest subscribe fentanyl at ${word}`]) {
      const reply = await runText(text, ctx());
      expect(reply.status).toBe('error');
      expect(reply.error!.message).toContain(`"${'x'.repeat(SHOWN_TYPED_CHARS - 1)}…"`);
      expect(reply.error!.message.length).toBeLessThan(SHOWN_TYPED_CHARS + 200);
    }
  });

  it('treats text without a command as a question', async () => {
    const reply = await runText('where was the National Guard deployed?', ctx());
    expect(reply.status).toBe('ok');
    expect(reply.blocks[0]?.type).toBe('excerpt');
  });

  it("carries ask's and cite's answer as `dossier --json` prints it, so the command line searches once", async () => {
    const dossier = guard();
    for (const [line, answer] of [
      ['where was the National Guard deployed?', ask(dossier, 'where was the National Guard deployed?', { limit: 2 })],
      ['what did the zeppelin tariffs cost?', ask(dossier, 'what did the zeppelin tariffs cost?', { limit: 2 })],
      ['cite The National Guard was deployed', cite(dossier, 'The National Guard was deployed', { limit: 2 })],
      ['cite zeppelin tariffs on cheese', cite(dossier, 'zeppelin tariffs on cheese', { limit: 2 })],
    ] as const) {
      const { name, raw } = parseText(line);
      const reply = await runCommand(name, { ...raw, limit: 2 }, ctx());
      expect(reply.json?.(), line).toEqual(askJson(answer));
    }
  });

  it('answers version alike on every surface, as a command of the table rather than a question', async () => {
    for (const platform of ['slack', 'discord', 'terminal'] as const) {
      const at = commandContext(guard(), { platform });
      expect((await runText('version', at)).title, platform).toBe(`Dossier ${DOSSIER_VERSION}`);
      expect((await runCommand('version', {}, at)).title, platform).toBe(`Dossier ${DOSSIER_VERSION}`);
      const help = await runText('help version', at);
      expect(help.status, platform).toBe('ok');
      expect(plain((help.blocks[0] as { text: RichText }).text), platform).toMatch(/version — The version of Dossier/);
    }
    // Words after it are refused, as after `sources`, rather than searched.
    expect((await runText('version of the ferry timetable', ctx())).error?.code).toBe('bad-arguments');
  });

  it('reads a command name marked up as chat marks a keyword, rather than asking it as a question', () => {
    for (const line of ['**figures** fares', '`figures` fares', '_figures_: fares', '*figures* fares']) {
      expect(parseText(line), line).toMatchObject({ name: 'figures', raw: { topic: 'fares' } });
    }
    // A marked word that names no command is a question's, kept as typed for ask to read.
    expect(parseText('*why* did fares rise')).toMatchObject({ name: 'ask', text: '*why* did fares rise' });
  });

  it('dispatches named commands, case-insensitively', async () => {
    expect((await runText('SOURCES', ctx())).title).toBe('Sources in the corpus');
    expect((await runText('cite The National Guard was deployed', ctx())).status).toBe('ok');
  });

  it('counts documents and passages in the singular when there is one', async () => {
    const reply = await runText('sources', ctx());
    const shown = reply.blocks
      .map((b) => (b.type === 'text' ? plain(b.text) : b.type === 'list' ? b.items.map(plain).join('\n') : ''))
      .join('\n');
    expect(shown).toContain('1 document, 1 passage.');
    expect(shown).toContain('· 1 passage · a.md');
    expect(shown).not.toMatch(/\b1 (documents|passages)\b/);
  });

  it('names in help every way in a platform offers besides its commands, as it is picked there', async () => {
    const closing = async (platform: 'slack' | 'discord' | 'terminal') => {
      const help = await runText('help', commandContext(guard(), { platform }));
      const last = help.blocks.at(-1)!;
      return last.type === 'text' ? plain(last.text) : '';
    };
    expect(await closing('slack')).toMatch(
      /Mention the app .* to add the files attached\. In a message’s ⋮ menu, Find source .*, and Add to Dossier/,
    );
    expect(await closing('discord')).toMatch(/Apps → Find source finds .*, and Apps → Add to Dossier adds/);
    expect(await closing('terminal')).not.toMatch(/Find source|Add to Dossier/);
  });

  it('finds a message’s source with cite on its words, cut to a quote’s length, and not on a mention alone', () => {
    expect(findSourceRequest('crews worked through the night')).toEqual({
      command: 'cite',
      args: { quote: 'crews worked through the night' },
    });
    expect(findSourceRequest('Crews worked. '.repeat(60))!.args.quote.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    expect(findSourceRequest(' <@U3> ')).toBeUndefined();
    expect(findSourceRequest('')).toBeUndefined();
  });

  it('pages sources from the offset More results asks for, which nobody types', async () => {
    const later = await runCommand('sources', { offset: 1 }, ctx());
    expect([later.status, plain(later.blocks[0]?.type === 'text' ? later.blocks[0].text : [])]).toEqual([
      'empty',
      'No more documents.',
    ]);
    expect((await runText('sources', ctx())).rest).toEqual({ command: 'sources', args: { offset: 1 } });
  });

  it("takes a command's name followed by a colon as that command ('ask: …'), not as a slip of it", async () => {
    const asked = await runText('Ask: where was the National Guard deployed?', ctx());
    expect([asked.status, asked.title]).toEqual(['ok', 'where was the National Guard deployed?']);
    expect((await runText('cite: The National Guard was deployed', ctx())).blocks[0]?.type).toBe('excerpt');
    expect((await runText('sources:', ctx())).title).toBe('Sources in the corpus');
  });

  it('answers a first word one or two letters off a command with the command it was meant to be', async () => {
    for (const [typed, meant] of [
      ['figurs overdose deaths', 'figures'],
      ['sorces', 'sources'],
      ['hlep', 'help'],
      ['ctie the National Guard was deployed', 'cite'],
      ['DIGETS list', 'digest'],
    ] as const) {
      const reply = await runText(typed, ctx());
      const word = typed.split(' ')[0];
      expect(reply.error).toEqual({
        code: 'unknown-command',
        message: `Unknown command ${word} — did you mean \`${meant}\`?`,
      });
    }
  });

  it('reads a command word said as a sentence ("figures?", "Sources.", "help!") as that command', async () => {
    for (const typed of ['figures?', 'ask?', 'cite.']) {
      const reply = await runText(typed, ctx());
      expect(reply.error?.code, typed).toBe('bad-arguments');
      expect(reply.error?.message, typed).toContain(`\`${typed.slice(0, -1)} <`);
    }
    expect((await runText('Sources.', ctx())).error, 'Sources.').toBeUndefined();
    expect((await runText('help!', ctx())).title).toBe('Dossier: cited answers from your documents');
    expect((await runText('help figures?', ctx())).title).toBe('Dossier: figures');
  });

  it('answers `more` alone, the terminal bot’s next page, with where the next results are in chat', async () => {
    for (const typed of ['more', ' MORE ']) {
      const reply = await runText(typed, commandContext(guard(), { platform: 'slack' }));
      expect(reply.error).toEqual({
        code: 'unknown-command',
        message: 'There is no `more` command here: press More results under an answer to see its next results.',
      });
    }
    // With words after it, it starts a question like any other English word.
    expect((await runText('more National Guard deployments', ctx())).error).toBeUndefined();
  });

  it('reads "More." or "more!" as more, and a leading @Dossier mention as no part of what is asked', async () => {
    const slack = commandContext(guard(), { platform: 'slack', slashCommand: '/brief' });
    for (const typed of ['More.', 'more!'])
      expect((await runText(typed, slack)).error?.message, typed).toMatch(/^There is no `more` command here/);
    for (const typed of ['@Dossier help', '@dossier: /brief help', '/brief @Dossier, help'])
      expect((await runText(typed, slack)).title, typed).toBe('Dossier: cited answers from your documents');
    // Only the whole name: "@Dossiers" is a word of the question.
    expect(withoutAddress('@Dossiers help', '/brief')).toBe('@Dossiers help');
    expect(withoutAddress('@Dossier   @Dossier cite fare rise')).toBe('cite fare rise');
  });

  it('asks a question whose first word is an English word near a command name (city, source, figure)', async () => {
    for (const question of ['city guard deployments', 'source of the National Guard', 'figure for the Guard']) {
      const reply = await runText(question, ctx());
      expect(reply.error).toBeUndefined();
      expect(reply.title).not.toMatch(/^Unknown command/);
    }
    // Too far from every command name to be a slip: a question.
    expect((await runText('deployed where', ctx())).blocks[0]?.type).toBe('excerpt');
  });

  it('answers empty input with help listing every command', async () => {
    const reply = await runText('   ', ctx());
    const listed = reply.blocks.flatMap((b) => (b.type === 'list' ? b.items.map(plain) : []));
    for (const c of commands) expect(listed.some((l) => l.startsWith(c.usage))).toBe(true);
  });

  it('gives a one-line error naming the problem for a missing or over-long argument', async () => {
    const missing = await runText('cite', ctx());
    expect(missing.status).toBe('error');
    expect(missing.error?.message).toBe('The quote is missing: `cite <quote>`.');
    expect((await runText('add', ctx())).error?.message).toBe('The link of a page or PDF is missing: `add <url>`.');
    // Mentions alone leave nothing to search: each answer read the text without them, and was titled with nothing.
    for (const [typed, line] of [
      ['@everyone', 'The question is missing: `ask <question>`.'],
      ['cite <@U123> <!channel>', 'The quote is missing: `cite <quote>`.'],
      ['figures @here', 'The topic is missing: `figures <topic>`.'],
    ] as const)
      expect((await runText(typed, ctx())).error?.message, typed).toBe(line);
    const long = await runText(`ask ${'why '.repeat(MAX_QUERY_LENGTH)}`, ctx());
    expect(long.error?.code).toBe('bad-arguments');
    expect(long.error?.message).toBe(
      `Keep the question to at most ${MAX_QUERY_LENGTH} characters (this one ` +
        `has ${'why '.repeat(MAX_QUERY_LENGTH).trim().length}).`,
    );
    expect((await runCommand('nope', {}, ctx())).error?.code).toBe('unknown-command');
  });

  it('quotes a backtick the user typed as typed in a refusal, never as the bot’s code markup', async () => {
    const refusal = async (reply: Promise<Reply>) => said((await reply).error!.message);
    const code = (rich: RichText) => rich.filter((s) => s.code).map((s) => s.text);
    for (const [text, quoted, bots = []] of [
      ['figur`s ferry timetables', 'Unknown command figur`s — did you mean figures?', ['figures']],
      ['help ci`te', '"ci`te" is not a command', ['cite', ...COMMAND_NAMES]],
      ['feeds l`ist', '"l`ist" is not one of add, list or remove'],
      ['digest subscribe ferry fares at 7`30', '"7`30" is not a time'],
      // The bot's own code span, the command to type, after it.
      ['digest preview ferry fares at 7`30', 'takes topics and no time ("7`30")', ['digest subscribe']],
    ] as const) {
      const rich = await refusal(runText(text, ctx()));
      expect(plain(rich)).toContain(quoted);
      expect(code(rich)).toEqual(bots);
    }
    // Quoted inside the bot's own code span, it stays inside it.
    const unknown = await refusal(runCommand('tide`s', {}, ctx()));
    expect(code(unknown)).toEqual(['tide`s', 'help']);
    expect(plain(unknown)).toBe('There is no tide`s command. Try help.');
  });

  it('names a subcommand it does not know, and lists the ones it does', async () => {
    const message = async (text: string) => (await runText(text, ctx())).error?.message;
    expect(await message('digest lsit')).toBe(
      '"lsit" is not one of subscribe, unsubscribe, pause, list or preview (did you mean list?).',
    );
    expect(await message('digest prevue fentanyl')).toBe(
      '"prevue" is not one of subscribe, unsubscribe, pause, list or preview (did you mean preview?).',
    );
    expect(await message('digest weekly')).toBe(
      '"weekly" is not one of subscribe, unsubscribe, pause, list or preview.',
    );
    expect(await message('feeds follow https://example.org/feed.xml')).toBe(
      '"follow" is not one of add, list or remove.',
    );
    expect(await message('feeds remvoe https://example.org/feed.xml')).toBe(
      '"remvoe" is not one of add, list or remove (did you mean remove?).',
    );
  });

  it('explains one command on help <command>, as this platform asks for it, and names a word naming none', async () => {
    const shown = (reply: Reply) => [reply.title, ...reply.blocks.map((b) => (b.type === 'text' ? plain(b.text) : ''))];
    expect(shown(await runText('help CITE', ctx()))).toEqual([
      'Dossier: cite',
      'cite <quote> — Find where a half-remembered quote comes from',
    ]);
    expect(shown(await runText('help digest', commandContext(guard(), { platform: 'slack' })))[1]).toMatch(
      /^\/brief digest subscribe\|unsubscribe\|pause\|list\|preview .+ — A morning digest/,
    );
    expect(
      shown(await runCommand('help', { command: 'cite' }, commandContext(guard(), { platform: 'discord' })))[1],
    ).toBe('/brief cite quote — Find where a half-remembered quote comes from');
    // A subcommand with help of its own has it on every surface, from the table.
    const preview = 'The digest of those topics as it would be now, shown to you alone';
    // In the terminal, where nobody else is, it is not said to be shown to the asker alone; there as in chat, where a
    // digest is kept, preview says what it gives without topics.
    expect(shown(await runText('help digest Preview', ctx()))).toEqual([
      'Dossier: digest preview',
      'digest preview <topics, …> — The digest of those topics as it would be now',
      'Without topics, it shows this terminal’s own digest as it would be now.',
    ]);
    expect(shown(await runText('help digest preview', commandContext(guard(), { platform: 'slack' })))[2]).toBe(
      'Without topics, it shows this channel’s own digest as it would be now.',
    );
    expect(shown(await runText('help digest preview', commandContext(guard(), { platform: 'slack' })))[1]).toBe(
      `/brief digest preview <topics, …> — ${preview}`,
    );
    expect(
      shown(
        await runCommand('help', { command: 'digest preview' }, commandContext(guard(), { platform: 'discord' })),
      )[1],
    ).toBe(`/brief digest action:preview topics — ${preview}`);
    // Each of the digest's other subcommands has its own usage and summary too, the same on every surface.
    const subscribe = 'Send this channel a digest of those topics (default 08:00 on weekdays), replacing any it has';
    // The terminal's digest is this terminal's, where chat's is the channel's.
    for (const [typed, usage, discord, summary, terminal] of [
      [
        'subscribe',
        'digest subscribe <topics, …> [at time] [on days] [in time zone]',
        'action:subscribe topics [at] [days] [tz]',
        subscribe,
        'Send this terminal a digest of those topics (default 08:00 on weekdays), replacing any it has',
      ],
      [
        'list',
        'digest list',
        'action:list',
        'This channel’s digest: its topics, when it comes and who set it up',
        'This terminal’s digest: its topics, when it comes and who set it up',
      ],
      [
        'unsubscribe',
        'digest unsubscribe',
        'action:unsubscribe',
        'Stop this channel’s digest',
        'Stop this terminal’s digest',
      ],
    ]) {
      expect(shown(await runText(`help digest ${typed}`, ctx()))).toEqual([
        `Dossier: digest ${typed}`,
        `${usage} — ${terminal}`,
      ]);
      expect(shown(await runText(`help digest ${typed}`, commandContext(guard(), { platform: 'slack' })))[1]).toBe(
        `/brief ${usage} — ${summary}`,
      );
      const discordCtx = commandContext(guard(), { platform: 'discord' });
      expect(shown(await runCommand('help', { command: `digest ${typed}` }, discordCtx))[1]).toBe(
        `/brief digest ${discord} — ${summary}`,
      );
    }
    const commandList = listed('');
    expect((await runText('help me', ctx())).error).toEqual({
      code: 'bad-arguments',
      message: `"me" is not a command: ${commandList} To ask a question, type it without help: \`ask <question>\`.`,
    });
    // A question typed after help: how to ask it instead, as each platform asks.
    const question = 'help me understand the ferry timetable';
    for (const [platform, asked, before] of [
      ['terminal', 'ask <question>', ''],
      ['slack', '/brief ask <question>', '/brief '],
    ] as const)
      expect(
        (
          await runText(
            question,
            commandContext(guard(), { platform, ...(platform === 'slack' ? { slashCommand: '/brief' } : {}) }),
          )
        ).error?.message,
      ).toBe(`"me" is not a command: ${listed(before)} To ask a question, type it without help: \`${asked}\`.`);
    expect(
      (await runCommand('help', { command: 'me understand' }, commandContext(guard(), { platform: 'discord' }))).error
        ?.message,
    ).toMatch(/To ask a question, pick `\/brief ask` and type it in its question option\.$/);
    expect((await runText('help figurs', ctx())).error?.message).toBe(
      `"figurs" is not a command (did you mean \`figures\`?): ${commandList}`,
    );
  });

  it('answers help about the slash command itself with the list, and a command with a slash as it', async () => {
    const slack = commandContext(guard(), { platform: 'slack', slashCommand: '/brief' });
    for (const typed of ['help /brief', 'help /BRIEF'])
      expect((await runText(typed, slack)).title, typed).toBe('Dossier: cited answers from your documents');
    expect((await runText('help /cite', slack)).title).toBe('Dossier: cite');
    const discord = commandContext(guard(), { platform: 'discord' });
    expect((await runCommand('help', { command: '/brief' }, discord)).title).toBe(
      'Dossier: cited answers from your documents',
    );
  });

  it('refuses words after the command help explains, as the command line does, but a subcommand of it', async () => {
    const slack = commandContext(guard(), { platform: 'slack', slashCommand: '/brief' });
    // A word where digest takes a subcommand is refused as `digest foo` is, in one line, as the command line does.
    expect((await runText('help digest foo', slack)).error).toEqual({
      code: 'bad-arguments',
      message: '"foo" is not one of subscribe, unsubscribe, pause, list or preview.',
    });
    expect((await runText('help cite foo', slack)).error?.message).toBe(
      '`/brief help` explains one command: type `/brief help cite` without "foo".',
    );
    expect((await runText('help ask what is dredging', ctx())).error?.message).toBe(
      '`help` explains one command: type `help ask` without "what is dredging".',
    );
    expect((await runText('help digest preview ferry fares', ctx())).error?.message).toBe(
      '`help` explains one command: type `help digest preview` without "ferry fares".',
    );
    expect((await runText('help digest prevue', ctx())).error?.message).toMatch(/^"prevue" is not one of /);
    expect((await runText('help digest subscribe', ctx())).title).toBe('Dossier: digest subscribe');
  });

  it('explains the terminal’s own words on help, which elsewhere name no command', async () => {
    const shown = (reply: Reply) => [reply.title, ...reply.blocks.map((b) => (b.type === 'text' ? plain(b.text) : ''))];
    expect(shown(await runText('help more', ctx()))).toEqual([
      'Dossier: more',
      'more — The next results of the last answer',
    ]);
    expect(shown(await runText('help EXIT', ctx()))[1]).toBe('exit — Ends the session (so does quit, or Ctrl-D)');
    const slack = commandContext(guard(), { platform: 'slack' });
    expect((await runText('help more', slack)).error).toEqual({
      code: 'bad-arguments',
      message: 'There is no `more` command here: press More results under an answer to see its next results.',
    });
    expect((await runText('help exit', slack)).error?.message).toMatch(/^"exit" is not a command: the commands are /);
  });

  it('refuses words after a command that takes none, saying how to search for them instead', async () => {
    expect((await runText('sources on the guard', ctx())).error).toEqual({
      code: 'bad-arguments',
      message: '`sources` takes nothing after it. To search the documents for those words, ask: `ask …`.',
    });
    expect((await runText('sources on the guard', commandContext(guard(), { platform: 'slack' }))).error?.message).toBe(
      '`/brief sources` takes nothing after it. To search the documents for those words, ask: `/brief ask …`.',
    );
    expect((await runText('sources', ctx())).status).toBe('ok');
    // A subcommand that takes nothing says so too.
    expect((await runText('feeds list https://example.org/feed.xml', ctx())).error?.message).toBe(
      '"feeds list" takes nothing after it: it lists them all.',
    );
    expect((await runText('digest unsubscribe ferry fares', ctx())).error?.message).toBe(
      '"digest unsubscribe" takes nothing after it: it is about this terminal’s one digest.',
    );
    expect((await runText('digest list at 07:30', ctx())).error?.message).toBe(
      '"digest list" takes nothing after it: it is about this terminal’s one digest.',
    );
  });

  it('answers a question that is only a link with how to add the page, to whoever the add gate lets add', async () => {
    const link = 'https://example.org/reports/harbour-review.pdf';
    // Slack's label is no part of the link offered to add (it was: `add https://…|harbour review`).
    for (const typed of [link, `ask ${link}`, `  <${link}>  `, `<${link}|harbour review>`]) {
      expect((await runText(typed, ctx())).error).toEqual({
        code: 'only-a-link',
        message:
          `That is a link, not a question. To add the page to the corpus: \`add ${link}\`; ` +
          'to search the corpus, ask in words.',
      });
    }
    const slack = (ingest: Partial<Ingest>) =>
      commandContext(guard(), { platform: 'slack', ingest: ingest as Ingest, user: { id: 'U1' } });
    const allowed = await runText(link, slack({ authorize: async () => {} }));
    expect(allowed.error?.message).toContain(`\`/brief add ${link}\``);
    const refused = slack({
      authorize: async () => {
        throw new DossierError('not-allowed', 'Only members who can manage this channel may add documents.');
      },
    });
    expect((await runText(link, refused)).error?.message).toBe(
      'That is a link, not a question: ask in words what you want to know (only members who can manage this ' +
        'channel may add pages here).',
    );
    // A link among words is read without it, as before.
    expect((await runText(`where was the National Guard deployed? ${link}`, ctx())).status).toBe('ok');
  });

  it('answers a figures topic that is only a link as ask does, not with "No figures on https://…"', async () => {
    const link = 'https://example.org/reports/harbour-review.pdf';
    for (const typed of [`figures ${link}`, `figures <${link}|harbour review>`]) {
      expect((await runText(typed, ctx())).error).toEqual({
        code: 'only-a-link',
        message:
          `That is a link, not a topic. To add the page to the corpus: \`add ${link}\`; ` +
          'to search the corpus, name the topic in words.',
      });
    }
    // A topic with a link among its words is read without it, as before.
    expect((await runText(`figures overdose deaths ${link}`, ctx())).error).toBeUndefined();
  });

  it('adds and follows a link in one pair of angle brackets, as Slack wraps it, with or without a label', async () => {
    const link = 'https://example.org/reports/harbour-review.pdf';
    const asked: string[] = [];
    const stop = async (url: string): Promise<never> => {
      asked.push(url);
      throw new DossierError('fetch-failed', 'Not fetched in this test.');
    };
    const context = commandContext(guard(), {
      ingest: { addUrl: stop } as unknown as Ingest,
      feeds: { follow: stop } as unknown as Feeds,
    });
    const typed = [`add <${link}>`, `add <${link}|example.org/reports>`, `feeds add <${link}>`, `add <<${link}>>`];
    for (const text of typed) expect((await runText(text, context)).error?.message).toBe('Not fetched in this test.');
    // One pair only: anything else goes to the fetcher as typed, which refuses what is no address.
    expect(asked).toEqual([link, link, link, `<<${link}>>`]);
  });

  it('reads a question, quote or topic without the chat markup around its words, and shows it back so', async () => {
    const marked = [
      ['*when* was the __National Guard__ deployed?', 'when was the National Guard deployed?'],
      ['> `where` was the **National Guard** deployed?', 'where was the National Guard deployed?'],
      ['figures ~~National~~ _Guard_', 'figures National Guard'],
      ['cite The *National Guard* was deployed', 'cite The National Guard was deployed'],
    ];
    for (const [typed, plainly] of marked) {
      const [reply, plain] = [await runText(typed!, ctx()), await runText(plainly!, ctx())];
      expect(reply.status, typed).not.toBe('error');
      expect({ ...reply, json: reply.json?.() }, typed).toEqual({ ...plain, json: plain.json?.() });
    }
  });

  it('shows the people a question mentions by the names the platform gives, never searching for them', async () => {
    const asked: string[] = [];
    const named = commandContext(guard(), {
      platform: 'discord',
      nameOf: async (id) => {
        asked.push(id);
        return id === '42' ? 'Ann <Lee>' : undefined;
      },
    });
    const plainly = await runText('where did and say saw the National Guard deployed?', ctx());
    const reply = await runText('where did <@42> and <@!42> say <@7> saw the National Guard deployed?', named);
    expect(reply.title).toBe('where did @Ann Lee and @Ann Lee say @someone saw the National Guard deployed?');
    expect(reply.blocks).toEqual(plainly.blocks);
    expect(asked.sort()).toEqual(['42', '7']);
    for (const [command, arg] of [
      ['cite', { quote: 'the National Guard was deployed, said <@42>' }],
      ['figures', { topic: 'National Guard <@42>' }],
    ] as const)
      expect((await runCommand(command, arg, named)).title, command).toContain('@Ann Lee');
    // Where nobody names them (the terminal, the command line): shown as someone, where it read "where did say".
    expect((await runText('where did <@42> see the National Guard deployed?', ctx())).title).toBe(
      'where did @someone see the National Guard deployed?',
    );
    // More results asks the question as given, not as shown: a name is no word to search for.
    const next = askReply({ ...ask(guard(), 'National Guard'), more: 1 }, 0, '<@42|Ann> National Guard').next;
    expect(next?.args.question).toBe('<@42|Ann> National Guard');
  });

  it('reads people mentioned before a command as addressed, as the bot is, and answers the command', async () => {
    for (const typed of ['<@U1> help', '@Dossier <@U1|ann> help', '<@U1>, <@!2> help'])
      expect((await runText(typed, ctx())).title, typed).toBe('Dossier: cited answers from your documents');
  });

  it('keeps in a quote an asterisk or underscore that marks no words', async () => {
    const reply = await runText('cite National Guard* was deployed to the southern_border', ctx());
    expect(JSON.stringify(reply.json?.())).toContain('"query":"National Guard* was deployed to the southern_border"');
  });

  it('accepts a question of exactly MAX_QUERY_LENGTH characters, as its limit message says', async () => {
    const atLimit = `National Guard ${'x'.repeat(MAX_QUERY_LENGTH)}`.slice(0, MAX_QUERY_LENGTH);
    expect((await runCommand('ask', { question: atLimit }, ctx())).status).not.toBe('error');
    expect((await runCommand('ask', { question: `${atLimit}x` }, ctx())).error?.message).toMatch(
      /at most 500 characters \(this one has 501\)/,
    );
  });

  it('isolates a failing handler: the user gets a polite line, not a stack trace', async () => {
    const boom = testCommand('boom', async () => {
      throw new Error('secret internals at line 42');
    });
    const known = testCommand('known', async () => {
      throw new DossierError('corpus-missing', 'The corpus folder ./nope does not exist.');
    });
    await withCommands([boom, known], async () => {
      const reply = await runText('boom', ctx());
      expect(reply.error?.code).toBe('internal');
      expect(reply.error?.message).not.toContain('secret');
      expect((await runText('known', ctx())).error).toEqual({
        code: 'corpus-missing',
        message: 'The corpus folder ./nope does not exist.',
      });
    });
  });
});

/** A logger writing into `lines`, one parsed object per line. */
function capture(level = 'info') {
  const lines: Record<string, unknown>[] = [];
  return {
    lines,
    log: createLogger(level, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) }),
  };
}

describe('the command log', () => {
  const question = 'where was the National Guard deployed? my token is xoxb-123-pasted-by-mistake';

  it(
    'has one info line per command with its request id, command, platform, ' +
      'status, latency and query length, never the query',
    async () => {
      const { lines, log } = capture('info');
      const reply = await runText(question, { ...ctx(), log });
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({
        msg: 'command',
        command: 'ask',
        platform: 'terminal',
        status: reply.status,
        queryLength: question.length,
      });
      expect(lines[0]!.requestId).toMatch(/^[0-9a-f]{8}$/);
      expect(lines[0]!.latencyMs).toBeGreaterThanOrEqual(0);
      const written = JSON.stringify(lines);
      expect(written).not.toContain('National Guard');
      expect(written).not.toContain('xoxb-');
    },
  );

  it('gives the query at debug level only', async () => {
    const { lines, log } = capture('debug');
    await runText(question, { ...ctx(), log });
    expect(lines.find((l) => l.msg === 'command arguments')).toMatchObject({ args: { question } });
  });

  it('gives each request its own id, carried by the handler’s log lines', async () => {
    const { lines, log } = capture('info');
    const noisy = testCommand('noisy', async (_args, c) => (c.log?.info('working'), runText('help', ctx())));
    await withCommands([noisy], async () => {
      await runText('noisy', { ...ctx(), log });
      await runText('noisy', { ...ctx(), log });
    });
    const ids = lines.filter((l) => l.msg === 'command').map((l) => l.requestId);
    expect(new Set(ids).size).toBe(2);
    expect(lines.filter((l) => l.msg === 'working').map((l) => l.requestId)).toEqual(ids);
  });

  it('logs the gate’s refusals as limited and timeout, and unknown commands without their name', async () => {
    const { lines, log } = capture('info');
    const clock = new ManualClock();
    const gate = new CommandGate({ userPerMinute: 2, channelPerMinute: 0, timeoutMs: 100, clock });
    let finish!: () => void;
    const slow = testCommand('slow', () => new Promise((resolve) => (finish = () => resolve(runText('help', ctx())))));
    await withCommands([slow], async () => {
      const waiting = runText('slow', { ...ctx(), platform: 'slack', log, gate });
      await new Promise((resolve) => setImmediate(resolve));
      clock.advance(100);
      expect((await waiting).error?.code).toBe('timeout');
      expect((await runCommand('<@U1> nope', {}, { ...ctx(), platform: 'slack', log, gate })).error?.code).toBe(
        'unknown-command',
      );
      expect((await runText('sources', { ...ctx(), platform: 'slack', log, gate })).error?.code).toBe('rate-limited');
      finish();
      await gate.drain();
    });
    expect(lines.map((l) => [l.command, l.status])).toEqual([
      ['slow', 'timeout'],
      ['unknown', 'error'],
      ['sources', 'limited'],
    ]);
    expect(JSON.stringify(lines)).not.toContain('nope');
  });
});

describe('the results cap', () => {
  const many = corpusForSuite({
    'cargo.md': note(
      'Cargo',
      Array.from(
        { length: 14 },
        (_, i) => `The port handled ${i + 2}.5 million tonnes of cargo in ${2000 + i}, the harbour board said.`,
      ).join('\n\n'),
    ),
  });

  it('pages ask through at most MAX_RESULTS passages in all', async () => {
    const first = await runCommand('ask', { question: 'harbour board cargo tonnes' }, { ...ctx(), dossier: many() });
    expect(first.more).toBe(MAX_RESULTS - 3);
    const last = await runCommand(
      'ask',
      { question: 'harbour board cargo tonnes', offset: MAX_RESULTS - 1 },
      { ...ctx(), dossier: many() },
    );
    expect(last.blocks.filter((b) => b.type === 'excerpt')).toHaveLength(1);
    expect(last.more).toBe(0);
    expect(last.next).toBeUndefined();
    expect(
      (
        await runCommand(
          'ask',
          { question: 'harbour board cargo tonnes', offset: MAX_RESULTS + 1 },
          { ...ctx(), dossier: many() },
        )
      ).error?.code,
    ).toBe('bad-arguments');
  });

  it('lists at most MAX_RESULTS figures', async () => {
    const reply = await runText('figures cargo tonnes', { ...ctx(), dossier: many() });
    const figures = reply.blocks.flatMap((b) => (b.type === 'figures' || b.type === 'disagreement' ? b.items : []));
    expect(new Set(figures.map((f) => f.text)).size).toBe(MAX_RESULTS);
  });
});

describe('a command the bot names alone', () => {
  it('is written as it is asked for on this platform, in an answer and in an error; other words stay', async () => {
    const shown = async (platform: CommandContext['platform'], text: string, slashCommand?: string) => {
      const reply = await runText(text, commandContext(guard(), { platform, slashCommand }));
      const code = reply.blocks.flatMap((b) => (b.type === 'text' ? b.text.filter((s) => s.code) : []));
      return [...code.map((s) => s.text), ...(reply.error?.message.match(/`[^`]*`/g) ?? [])];
    };
    // Nothing found: `sources` typed alone in Slack or Discord is a message to the channel, not the command.
    expect(await shown('slack', 'zebra quantum')).toEqual(['/brief sources']);
    expect(await shown('discord', 'zebra quantum')).toEqual(['/brief sources']);
    expect(await shown('slack', 'zebra quantum', '/dossier')).toEqual(['/dossier sources']);
    expect(await shown('terminal', 'zebra quantum')).toEqual(['sources']);
    expect(await shown('terminal', 'zebra quantum', 'dossier')).toEqual(['dossier sources']);
    // Words too common to search for point to `help`; an error's line, and a word in code that names no command.
    expect(await shown('discord', 'what about it')).toContain('/brief help');
    const unknown = await runCommand('nosuch', {}, commandContext(guard(), { platform: 'discord' }));
    expect(unknown.error?.message).toBe('There is no `nosuch` command. Try `/brief help`.');
    expect(await shown('slack', 'help sources please')).toEqual(['`/brief help`', '`/brief help sources`']);
    expect(await shown('slack', 'more')).toEqual(['`more`']);
  });

  it('with the words after it: in Discord, read into its options, as the command reads them', () => {
    // A digest's post or pause notice names a subcommand; an error names one with what follows it.
    const reply = replyOf('Paused', [{ type: 'text', text: said('Subscribe again with `digest subscribe`.') }]);
    const error = errorReply('no-topics', 'Name a topic, e.g. `digest subscribe ferry fares, tram lines`.');
    const shown = (asking: Parameters<typeof commandsAsAsked>[1]) => {
      const spans = commandsAsAsked(reply, asking).blocks.flatMap((b) => (b.type === 'text' ? b.text : []));
      return [spans.find((s) => s.code)?.text, commandsAsAsked(error, asking).error?.message.match(/`(.*)`/)?.[1]];
    };
    expect(shown({ platform: 'discord', slashCommand: '/brief' })).toEqual([
      '/brief digest action:subscribe',
      '/brief digest action:subscribe topics:ferry fares, tram lines',
    ]);
    expect(shown({ platform: 'slack', slashCommand: '/news' })).toEqual([
      '/news digest subscribe',
      '/news digest subscribe ferry fares, tram lines',
    ]);
    expect(shown({ platform: 'terminal', slashCommand: 'dossier' })[0]).toBe('dossier digest subscribe');
    expect(shown({ platform: 'terminal' })[0]).toBe('digest subscribe');
    // Words in code that open with no command's name stay as they are.
    const other = replyOf('', [{ type: 'text', text: said('Type `exit`, or `helpdesk` or `figure tables`.') }]);
    expect(commandsAsAsked(other, { platform: 'slack' }).blocks).toEqual(other.blocks);
  });
});
