import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import * as z from 'zod';
import { ask, askReply, type AskAnswer } from '../answer/ask.js';
import { cite, citeReply } from '../answer/cite.js';
import { CODE_MARK, errorReply, listed, mapRichText, replyOf, said, type Reply } from '../answer/reply.js';
import { sourcesReply } from '../answer/sources.js';
import { fitText } from '../answer/cut.js';
import { capitalise, escapeRegExp, PERSON_MENTION, withoutMarkup, withoutMentions } from '../corpus/text.js';
import { isEnglishWord } from '../corpus/wink.js';
import { DossierError, typed } from '../errors.js';
import type { SharedFile } from '../ingest/add.js';
import type { Logger } from '../log.js';
import { howToAsk, placeOf, slashCommandOf, usageOf, worded, type Asking } from './asking.js';
import { addCommand, addFilesReply, onlyALinkReply } from './add.js';
import {
  defineCommand,
  isUnknownAction,
  nearestName,
  NO_ARGUMENTS,
  type Command,
  type CommandContext,
  type IssueParams,
  type Subcommand,
} from './command.js';
import { feedsCommand } from './feeds.js';
import { digestCommand } from './digest.js';
import { figuresCommand } from './figures.js';
import { REFUSALS } from './gate.js';
import { MAX_PEOPLE_NAMED, MAX_RESULTS, textArg } from './limits.js';
import { DOSSIER_VERSION } from '../version.js';

export type { Command, CommandContext };
export { CommandGate, type CommandGateOptions, type GateClock } from './gate.js';
export { MAX_RESULTS } from './limits.js';
export { isUnknownAction } from './command.js';
export { memoryButtons, type ButtonStore } from './buttons.js';

/** Longest question or quote accepted: enough for a paragraph, not for a pasted novel. */
export const MAX_QUERY_LENGTH = 500;

const query = (what: string) => textArg(what, MAX_QUERY_LENGTH);

/** Results on one page, where the page is not the chat's own (the command line's `--limit`). */
const pageLimit = z.number().int().min(1).max(MAX_RESULTS).optional().describe('Results on the page');

const askCommand = defineCommand({
  name: 'ask',
  summary: 'The best passages on a question, quoted and cited',
  usage: 'ask <question>',
  args: z.object({
    question: query('question'),
    offset: z.number().int().min(0).max(MAX_RESULTS).optional().describe('Results to skip'),
    limit: pageLimit,
  }),
  fromText: (rest) => ({ question: rest }),
  run: async ({ question, offset = 0, limit }, ctx) => {
    const linkAlone = await onlyALinkReply(question, ctx);
    if (linkAlone) return linkAlone;
    return askReply(withinMaxResults(ask(ctx.dossier, question, { offset, limit }), offset), offset, question);
  },
});

/** An ask page cut so that all pages together show at most MAX_RESULTS passages. */
function withinMaxResults(answer: AskAnswer, offset: number): AskAnswer {
  const room = Math.max(0, MAX_RESULTS - offset);
  const results = answer.results.slice(0, room);
  return {
    ...answer,
    results,
    more: Math.min(answer.more + answer.results.length - results.length, room - results.length),
  };
}

const citeCommand = defineCommand({
  name: 'cite',
  summary: 'Find where a half-remembered quote comes from',
  usage: 'cite <quote>',
  args: z.object({ quote: query('quote'), limit: pageLimit }),
  fromText: (rest) => ({ quote: rest }),
  run: async ({ quote, limit }, { dossier }) => citeReply(cite(dossier, quote, { limit })),
});

const sourcesCommand = defineCommand({
  name: 'sources',
  summary: 'The documents in the corpus',
  usage: 'sources',
  // Nothing typed: `offset` is the page More results asks for, where a platform had no room for every document.
  args: z.strictObject({ offset: z.number().int().min(0).optional().describe('Documents to skip') }),
  fromText: NO_ARGUMENTS.fromText,
  run: async ({ offset = 0 }, { dossier }) => sourcesReply(dossier, offset),
});

/**
 * A row of the table so that every surface answers it alike: `/brief version` in Slack or Discord was searched as a
 * question, where the terminal and the command line printed the version.
 */
const versionCommand = defineCommand({
  name: 'version',
  summary: 'The version of Dossier running',
  usage: 'version',
  ...NO_ARGUMENTS,
  run: async () => replyOf(`Dossier ${DOSSIER_VERSION}`, []),
});

const helpCommand = defineCommand({
  name: 'help',
  summary: 'What Dossier can do',
  usage: 'help [command]',
  args: z.object({
    command: z.string().trim().overwrite(withoutSlashes).optional().describe('A command to explain, e.g. digest'),
  }),
  // The words after help: a command's name, and perhaps one of its subcommands (`help digest subscribe`).
  fromText: (rest) => (rest ? { command: rest } : {}),
  run: async ({ command }, ctx) => {
    const [name, ...words] = command ? command.split(/\s+/) : [];
    // Refused here rather than by the schema, as the line says how to ask a question on this platform.
    if (name && !findCommand(name) && !sessionWord(name)) return errorReply('bad-arguments', notACommand(name, ctx));
    const beyond = name ? wordsBeyond(name, words, ctx) : undefined;
    if (beyond) return errorReply('bad-arguments', beyond);
    const named = name ? findCommand(name) : undefined;
    const sub = named && subcommandOf(named, words[0]);
    if (named && sub) return subcommandHelpReply(named, sub, ctx);
    if (named) return commandHelpReply(named, ctx);
    const session = name ? sessionWord(name) : undefined;
    if (!session) return helpReply(ctx);
    if (ctx.platform === 'terminal')
      return replyOf(`Dossier: ${session.word}`, [
        { type: 'text', text: [{ text: session.word, code: true }, { text: ` — ${session.summary}` }] },
      ]);
    return errorReply(
      'bad-arguments',
      MORE.test(session.word) ? unknownCommandLine(session.word, ctx) : notACommand(session.word, ctx),
    );
  },
});

/** Find source on a message with no words in it. */
export const NO_TEXT_TO_FIND =
  'That message has no text to look for: Find source finds where the words of a message come from.';

/**
 * Find source on a message, as every platform offers it in a message's menu (Slack's message shortcut, Discord's
 * message command): `cite` on the message's words as plain text, cut to the longest quote taken, as the command and
 * arguments to run (a Share re-runs them); undefined for a message with no words (files, an image or a mention alone),
 * which is answered with NO_TEXT_TO_FIND, where cite would give the usage of a command nobody typed.
 */
export function findSourceRequest(plainText: string): { command: string; args: { quote: string } } | undefined {
  const quote = fitText(plainText, MAX_QUERY_LENGTH, undefined, { mark: false });
  return withoutMentions(quote).trim() ? { command: citeCommand.name, args: { quote } } : undefined;
}

/** The command table: every surface offers exactly these. */
export const commands: Command[] = [
  askCommand,
  citeCommand,
  figuresCommand,
  sourcesCommand,
  addCommand,
  feedsCommand,
  digestCommand,
  versionCommand,
  helpCommand,
];

/**
 * The command a word names, in any case and said as a sentence ("figures?", "Sources.", "help!"), as `MORE` and
 * `VERSION` are: a command word with a question mark was answered "Unknown command figures? — did you mean figures?".
 */
export function findCommand(name: string): Command | undefined {
  const word = name.toLowerCase().replace(/[.!?]+$/, '');
  return commands.find((c) => c.name === word);
}

/**
 * The command a first word that names none was meant to be, if it is a slip of one or two letters ("figurs", "sorces",
 * "hlep", "ctie"), counted as a question's typos are (`withinEdits`): one for names of four letters or fewer, two for
 * longer ones. A word English has ("city", "source", "figure") starts a question instead, so only words outside the
 * language model's lexicon count.
 */
function meantCommand(word: string): Command | undefined {
  const meant = nearestName(
    word,
    commands.map((c) => c.name),
  );
  return meant && !isEnglishWord(word.toLowerCase()) ? findCommand(meant) : undefined;
}

/**
 * `more` alone pages the terminal bot's last answer, and the terminal reads it before any command. Typed anywhere else
 * (`/brief more` in Slack) it is no question: a search for the word would answer nothing, or passages saying "more".
 * Said as a sentence ("More.", "more!") it is the same word.
 */
export const MORE = /^more[.!?]*$/i;

/** `exit` or `quit` alone ends a terminal session; its help explains them (`SESSION_WORDS`). */
export const EXIT = /^(?:exit|quit)[.!]*$/i;

/**
 * `version` alone, as the command line reads it before anything else (as `--version`), so that printing the version
 * never loads the corpus; everywhere else it is the table's `version` command.
 */
export const VERSION = /^version[.!?]*$/i;

/**
 * The terminal's own words, which its closing line of help names: `help more` there explains them, as `help ask` does
 * a command; anywhere else they are no command (`help more` in Slack says to press More results).
 */
const SESSION_WORDS: { word: string; summary: string }[] = [
  { word: 'more', summary: 'The next results of the last answer' },
  { word: 'exit', summary: 'Ends the session (so does quit, or Ctrl-D)' },
  { word: 'quit', summary: 'Ends the session (so does exit, or Ctrl-D)' },
];

function sessionWord(name: string): { word: string; summary: string } | undefined {
  return SESSION_WORDS.find((w) => w.word === name.toLowerCase());
}

/**
 * A command as typed here, between the bot's backticks (`/brief figures` in Slack and Discord, `dossier figures` on
 * the command line), as every other reply names one: "figures" alone, typed in a channel, is a message to it.
 */
const asCode = (asking: Asking, command: Command): string => `\`${howToAsk(asking, command.name)}\``;

/** The line for a command name that is not one: with the command it was probably meant to be, as typed here. */
export function unknownCommandLine(name: string, asking: Asking): string {
  if (MORE.test(name))
    return 'There is no `more` command here: press More results under an answer to see its next results.';
  const meant = meantCommand(name);
  return meant
    ? `Unknown command ${typed(name)} — did you mean ${asCode(asking, meant)}?`
    : `There is no \`${typed(name)}\` command. Try ${asCode(asking, helpCommand)}.`;
}

/**
 * `help <word>` for a word that names no command: the word, the command it was probably meant to be, and the list.
 * With no command meant, also how to ask a question here: "help me understand the timetable" is most likely one,
 * which is typed without `help` (in Discord, in ask's question option). Its usage rather than the words typed, which
 * would quote them twice.
 */
export function notACommand(name: string, asking: Asking): string {
  const meant = meantCommand(name);
  const names = commands.map((c) => asCode(asking, c));
  const line =
    `"${typed(name)}" is not a command${meant ? ` (did you mean ${asCode(asking, meant)}?)` : ''}: the commands are ` +
    `${listed(names, 'and')}.`;
  if (meant) return line;
  // Discord's help option takes a command's name alone, and a question goes in ask's own option: there is no line to
  // type again without help.
  return asking.platform === 'discord'
    ? `${line} To ask a question, pick \`${howToAsk(asking, askCommand.name)}\` and type it in its question option.`
    : `${line} To ask a question, type it without ${helpCommand.name}: \`${usageOf(asking, askCommand)}\`.`;
}

/**
 * The words `help` names a command by without the slash of the slash command: help about the slash command itself
 * (`help /brief`, whatever it is called here) is the list of commands, so it is left out, and a command written as a
 * slash command (`help /cite`) is that command. A word in slash form names no command but the slash command, which
 * this schema, shared by every surface, cannot tell by name.
 */
function withoutSlashes(words: string): string {
  const [first = '', ...rest] = words.split(/\s+/);
  if (!first.startsWith('/')) return words;
  return findCommand(first.slice(1)) ? words.slice(1) : rest.join(' ');
}

/**
 * The words after the command `help` names, refused in one line as words after a command that takes none are
 * (`NO_ARGUMENTS`), rather than ignored: "help ask what is dredging" most likely wanted the answer. One subcommand of
 * it is let through (`help digest preview`), its help being the command's; a word that is no subcommand of a command
 * that has them is refused as that command refuses it ("digest prevue").
 */
export function wordsBeyond(name: string, words: string[], asking: Asking): string | undefined {
  const command = findCommand(name);
  const [first = '', ...rest] = words;
  // The table's own reading of the word: a subcommand is an `action` the command has.
  const raw = command && first ? command.fromText(first) : {};
  const subcommand = Boolean(first) && raw.action === first.toLowerCase();
  const parsed = command && subcommand ? command.args.safeParse(raw) : undefined;
  if (command && parsed && !parsed.success && isUnknownAction(parsed.error))
    return argumentsProblem(command, parsed.error, asking);
  const more = subcommand ? rest : words;
  if (!more.length) return undefined;
  const about = [name.toLowerCase(), ...(subcommand ? [first.toLowerCase()] : [])].join(' ');
  return (
    `${asCode(asking, helpCommand)} explains one command: type ` +
    `\`${howToAsk(asking, helpCommand.name, [['command', about]])}\` without "${typed(more.join(' '))}".`
  );
}

/** `help <command>`: that command as this platform asks for it, and what it does. */
function commandHelpReply(command: Command, asking: Asking): Reply {
  const details = command.details?.(asking);
  return replyOf(`Dossier: ${command.name}`, [
    {
      type: 'text',
      text: [{ text: usageOf(asking, command), code: true }, { text: ` — ${worded(asking, command.summary)}` }],
    },
    ...(details ? [{ type: 'text' as const, text: said(details) }] : []),
  ]);
}

/** The subcommand `word` names when it has help of its own (`help digest preview`). */
export const subcommandOf = (command: Command, word: string | undefined): Subcommand | undefined =>
  word === undefined
    ? undefined
    : Object.entries(command.subcommands ?? {}).find(([n]) => n === word.toLowerCase())?.[1];

/** A subcommand as this platform asks for it: typed (`/brief digest preview <topics, …>`), or Discord's options. */
function subcommandUsage(asking: Asking, command: Command, sub: Subcommand): string {
  if (asking.platform !== 'discord') return howToAsk(asking, sub.usage);
  const action = sub.usage.split(/\s+/)[1] ?? '';
  return [howToAsk(asking, command.name, [['action', action]]), ...sub.options].join(' ');
}

/**
 * `help <command> <subcommand>`: the subcommand as this platform asks for it, and what it does; then what it does in a
 * channel, as every chat has one.
 */
function subcommandHelpReply(command: Command, sub: Subcommand, asking: Asking): Reply {
  return replyOf(`Dossier: ${sub.usage.split(/\s+/).slice(0, 2).join(' ')}`, [
    {
      type: 'text',
      text: [
        { text: subcommandUsage(asking, command, sub), code: true },
        { text: ` — ${worded(asking, sub.summary)}` },
      ],
    },
    ...(sub.inChannel ? [{ type: 'text' as const, text: said(worded(asking, sub.inChannel)) }] : []),
  ]);
}

/**
 * What follows the list of commands in help: how else this platform takes a question or a document, every way in it
 * offers, as it is picked there (Slack's message shortcuts in a message's ⋮ menu, Discord's message commands under
 * Apps): a way in that help leaves out is found by chance or not at all.
 */
const HELP_CLOSING: Record<CommandContext['platform'], (asking: Asking) => string> = {
  slack: (asking) =>
    `Text with no command is a question: \`${howToAsk(asking, 'what does the report say about costs?')}\`. ` +
    'Mention the app in a channel to be answered in a thread, or to add the files attached. In a message’s ⋮ menu, ' +
    'Find source finds where its words come from, and Add to Dossier adds its files.',
  discord: (asking) =>
    `Pick a subcommand of \`${slashCommandOf(asking)}\` and fill in its options; topics are suggested as you type. ` +
    'On a message, Apps → Find source finds where its words come from, and Apps → Add to Dossier adds its ' +
    'attachments.',
  terminal: () => 'A line with no command is a question. `more` shows the next results; `exit` ends the session.',
};

/** The commands as this platform asks for them (see `usageOf`), and how else it takes a question. */
function helpReply(asking: Asking): Reply {
  return replyOf('Dossier: cited answers from your documents', [
    { type: 'text', text: [{ text: 'Every quote is the source’s own words, cited to its paragraph. Commands:' }] },
    {
      type: 'list',
      items: commands.map((c) => [
        { text: usageOf(asking, c), code: true },
        { text: ` — ${worded(asking, c.summary)}` },
      ]),
    },
    { type: 'text', text: said(HELP_CLOSING[asking.platform](asking)) },
  ]);
}

/**
 * What text typed after the slash command asks for: the command its first word names, a
 * mistyped command or `more` alone (its first word, which `runCommand` refuses with a suggestion), or else a
 * question for `ask`. `text` is what the command is given: the words after its name, or for `ask`
 * the whole question.
 */
export function parseText(line: string): { name: string; text: string; raw: Record<string, unknown> } {
  const trimmed = line.trim();
  const typedFirst = trimmed.split(/\s+/, 1)[0]!;
  const rest = trimmed.slice(typedFirst.length).trim();
  // A name may end in a colon, as a label does ("cite: …"), or be marked up as chat marks a keyword ("**figures**",
  // "`cite`"): that command, where it was refused as a slip of itself or asked as a question.
  const first = withoutMarkup(typedFirst);
  const named = findCommand(first.replace(/:$/, ''));
  if (named) return { name: named.name, text: rest, raw: named.fromText(rest) };
  if (meantCommand(first) || (MORE.test(first) && !rest)) return { name: first, text: rest, raw: {} };
  return { name: askCommand.name, text: trimmed, raw: askCommand.fromText(trimmed) };
}

/** The bot's name, as a person addresses it in writing (`@Dossier help`). */
const BOT_NAME = 'Dossier';

/**
 * The text without what addresses the bot at its start, however many times and in any order: the slash command
 * (`/brief /brief help`, the command pasted after the one Slack took, or typed twice from habit) and the bot's name
 * as a mention typed as text (`@Dossier help`, with or without a colon or comma after it, as the terminal and a Slack
 * command's text carry it, where chat's mention markup is read by each adapter). Each was searched for as words
 * ("brief help", "dossier help"). In any case, as command names are read; only whole words (`/briefing` and
 * `@Dossiers` are no prefix).
 */
export function withoutAddress(text: string, slashCommand?: string): string {
  const words = [`@${BOT_NAME}`, ...(slashCommand ? [slashCommand] : [])].map(escapeRegExp);
  // People mentioned before anything else are addressed too (`@Dossier @Ann figures fares`, Slack's `<@U1>` kept for
  // the command layer to name): the command follows them. The same mention `withPeopleNamed` names (`PERSON_MENTION`).
  const people = PERSON_MENTION.source;
  return text.trim().replace(new RegExp(`^(?:(?:${words.join('|')}|${people})[:,]?(?:\\s+|$))+`, 'iu'), '');
}

/**
 * Runs a command typed as text (`cite …`, or a bare question for `ask`). Never throws: a bad
 * command or a failing handler becomes a one-line error reply. The slash command typed again after the one the
 * platform took (Slack's `/brief /brief help`, or after a mention), or the bot's name (`@Dossier help`), is left out
 * (see `withoutAddress`).
 */
export async function runText(text: string, ctx: CommandContext): Promise<Reply> {
  const typed = withoutAddress(text, ctx.slashCommand?.startsWith('/') ? ctx.slashCommand : undefined);
  if (!typed.trim()) return helpReply(ctx);
  const { name, raw } = parseText(typed);
  return runCommand(name, raw, ctx);
}

/**
 * Runs a command with structured arguments (Discord options, a "More results" button), through
 * the context's gate when it has one, and logs one line for it: request id, command, platform,
 * status, latency and the query's length. The query itself is logged at debug level only.
 */
export function runCommand(name: string, raw: Record<string, unknown>, ctx: CommandContext): Promise<Reply> {
  return runLogged(name, raw, ctx, (request) => dispatch(name, raw, request));
}

/**
 * Adds the files of a message shared with the bot (see `addFilesReply`): through the gate and
 * logged as the `add` command is, and like it never throws.
 */
export function runAddFiles(files: SharedFile[], ctx: CommandContext): Promise<Reply> {
  const raw = { files: files.map((f) => f.name).join(', ') };
  return runLogged(addCommand.name, raw, ctx, (request) =>
    guarded(addCommand.name, request, () => addFilesReply(files, request)),
  );
}

async function runLogged(
  name: string,
  raw: Record<string, unknown>,
  ctx: CommandContext,
  run: (request: CommandContext & { log: Logger }) => Promise<Reply>,
): Promise<Reply> {
  const started = performance.now();
  const log = (ctx.log ?? ctx.dossier.log).child({ requestId: randomBytes(4).toString('hex') });
  // A reply is measured as it will be shown: with its commands as asked here, as every reply is (below).
  const postFits = ctx.postFits;
  const request = { ...ctx, log, ...(postFits ? { postFits: (r: Reply) => postFits(commandsAsAsked(r, ctx)) } : {}) };
  const reply = commandsAsAsked(ctx.gate ? await ctx.gate.run(ctx, () => run(request)) : await run(request), ctx);
  log.info(
    {
      command: findCommand(name)?.name ?? 'unknown',
      platform: ctx.platform,
      status: logStatus(reply),
      ...(reply.error ? { code: reply.error.code } : {}),
      latencyMs: Math.round(performance.now() - started),
      queryLength: Object.values(raw).reduce<number>((n, v) => n + (typeof v === 'string' ? v.length : 0), 0),
    },
    'command',
  );
  log.debug({ command: name, args: raw }, 'command arguments');
  return reply;
}

/** A command, alone or with words after it, between the bot's own backticks in an error's line (`CODE_MARK`). */
const CODE_SPAN = new RegExp(`${CODE_MARK.source}([a-z][^\`]*)${CODE_MARK.source}`, 'g');

/**
 * A command in the bot's own words, alone or with what follows it as typed ("Try other words, or `sources` to see what
 * the corpus holds", "subscribe again with `digest subscribe`"), written as it is asked for here: `/brief sources` in
 * Slack and Discord, where `sources` typed alone is a message to the channel and no command, and in Discord with its
 * options (`/brief digest action:subscribe`); `dossier sources` on the command line; as it is in the terminal bot.
 * Every reply a person is shown passes here: a command's (runLogged) and a digest's post and pause notice.
 */
export function commandsAsAsked(reply: Reply, asking: Asking): Reply {
  const asAsked = (code: string): string => {
    const [name = '', ...words] = code.split(' ');
    const command = commands.find((c) => c.name === name);
    if (!command) return code;
    if (asking.platform !== 'discord' || !words.length) return howToAsk(asking, code);
    // Discord takes no typed words after a command: they are read as the command reads them, into its options.
    const options = Object.entries(command.fromText(words.join(' '))).flatMap(([option, value]) =>
      typeof value === 'string' ? [[option, value] as [string, string]] : [],
    );
    return howToAsk(asking, name, options);
  };
  const blocks = mapRichText(reply, (rich) => rich.map((s) => (s.code ? { ...s, text: asAsked(s.text) } : s)));
  // An error is one line, its code spans between the bot's backticks (`CODE_MARK`: not one the asker typed).
  const error = reply.error && {
    ...reply.error,
    message: reply.error.message.replace(CODE_SPAN, (_span, code: string) => `\`${asAsked(code)}\``),
  };
  return { ...reply, blocks, ...(error ? { error } : {}) };
}

/** ok, empty or error, or for the gate's refusals limited, timeout or closed. */
function logStatus(reply: Reply): string {
  const code = reply.error?.code;
  return code !== undefined && code in REFUSALS ? REFUSALS[code as keyof typeof REFUSALS] : reply.status;
}

/**
 * The one line that says what is wrong with a command's arguments, the problem first; when
 * something is missing, how this command is asked for here (not the whole usage of every command), or the subcommand
 * named in `raw` when it has help of its own (`digest subscribe` with no topic).
 */
export function argumentsProblem(
  command: Command,
  error: z.ZodError,
  asking: Asking,
  raw: Record<string, unknown> = {},
): string {
  const issue = error.issues[0];
  const inWords = issue?.code === 'custom' ? (issue.params as IssueParams | undefined)?.worded : undefined;
  const problem = issue ? capitalise(inWords ? inWords(placeOf(asking)) : issue.message) : 'Those are not valid';
  // Words after a command that takes none (see NO_ARGUMENTS): what to type to search for them instead.
  if (issue?.code === 'unrecognized_keys')
    return (
      `\`${usageOf(asking, command)}\` takes nothing after it. To search the documents for those words, ask: ` +
      `\`${howToAsk(asking, askCommand.name, [['question', '…']])}\`.`
    );
  const missing =
    issue?.code === 'too_small' ||
    issue?.code === 'invalid_type' ||
    (issue?.code === 'custom' && (issue.params as IssueParams | undefined)?.missing === true);
  if (!missing) return `${problem}.`;
  const sub = typeof raw.action === 'string' ? subcommandOf(command, raw.action) : undefined;
  return `${problem}: \`${sub ? subcommandUsage(asking, command, sub) : usageOf(asking, command)}\`.`;
}

async function dispatch(
  name: string,
  raw: Record<string, unknown>,
  ctx: CommandContext & { log: Logger },
): Promise<Reply> {
  const command = findCommand(name);
  if (!command) return errorReply('unknown-command', unknownCommandLine(name, ctx));
  const parsed = command.args.safeParse(raw);
  if (!parsed.success) return errorReply('bad-arguments', argumentsProblem(command, parsed.error, ctx, raw));
  const args = await withPeopleNamed(parsed.data, ctx);
  return guarded(name, ctx, () => command.run(args, ctx));
}

/**
 * The arguments with each person mentioned by id alone in their texts named (`<@123>` → `<@123|Ann Lee>`) as the
 * platform shows them (`CommandContext.nameOf`), so that a reply shows who a question is about (`asEchoed`), where
 * it read "what did say". The first MAX_PEOPLE_NAMED people are asked for, each once; one the platform does not name
 * stays as typed. Search reads the text without them either way (`withoutMentions`).
 */
async function withPeopleNamed<T extends Record<string, unknown>>(args: T, ctx: CommandContext): Promise<T> {
  const { nameOf } = ctx;
  const texts = Object.values(args).filter((value): value is string => typeof value === 'string');
  const unnamed = texts.flatMap((text) => [...text.matchAll(PERSON_MENTION)].filter((m) => m[2] === undefined));
  const ids = [...new Set(unnamed.map((m) => m[1]!))].slice(0, MAX_PEOPLE_NAMED);
  if (!nameOf || ids.length === 0) return args;
  const names = new Map<string, string>();
  await Promise.all(
    ids.map(async (id) => {
      // Kept out of the markup it is written into: a name with `>` or `|` in it would end it.
      const name = (await nameOf(id).catch(() => undefined))?.replace(/[<>|]/g, '').trim();
      if (name) names.set(id, name);
    }),
  );
  const named = (text: string) =>
    text.replace(PERSON_MENTION, (mention, id: string, label?: string) =>
      label === undefined && names.has(id) ? `<@${id}|${names.get(id)!}>` : mention,
    );
  return Object.fromEntries(
    Object.entries(args).map(([key, value]) => [key, typeof value === 'string' ? named(value) : value]),
  ) as T;
}

/** What the asker is told when answering failed unexpectedly: a line that gives nothing away. */
export const INTERNAL_ERROR = 'Something went wrong answering that. It has been logged; please try again.';

/** A handler's refusal as its one line; anything else logged and answered with INTERNAL_ERROR. */
async function guarded(name: string, ctx: { log: Logger }, run: () => Promise<Reply>): Promise<Reply> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DossierError) return errorReply(error.code, error.message);
    ctx.log.error({ err: error, command: name }, 'command failed');
    return errorReply('internal', INTERNAL_ERROR);
  }
}
