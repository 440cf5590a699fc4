import { writeFile } from 'node:fs/promises';
import { constants } from 'node:os';
import { parseArgs } from 'node:util';
import type { Attachment, Reply } from '../../src/answer/reply.js';
import { DIGEST_ACTIONS, splitTopics } from '../../src/commands/digest.js';
import {
  argumentsProblem,
  commandsAsAsked,
  commands,
  findCommand,
  isUnknownAction,
  MAX_RESULTS,
  EXIT,
  MORE,
  notACommand,
  parseText,
  runCommand,
  subcommandOf,
  unknownCommandLine,
  VERSION,
  wordsBeyond,
  type Command,
  type CommandContext,
} from '../../src/commands/index.js';
import { inPlace, worded } from '../../src/commands/asking.js';
import type { Place } from '../../src/commands/command.js';
import { ConfigError, loadEnvFile, loadSettings } from '../../src/config.js';
import { answerFigures, Dossier, PAGE_SIZE, WORDNET_DIR } from '../../src/engine/index.js';
import { asWritten, DossierError, fileError } from '../../src/errors.js';
import type { Ingest, SafeFetcher } from '../../src/ingest/index.js';
import { DOSSIER_VERSION } from '../../src/version.js';
import { botContext, commandContext } from '../bot.js';
import { indexingNotice, terminalLogger } from './log.js';
import { OPTION_SPEC } from './options.js';
import { renderTerminal, styleFor, widthOf } from './render.js';

/** A line of help: how to type something, and what it does. */
interface Row {
  usage: string;
  summary: string;
}

/**
 * Commands are typed after `dossier` here, so that is how refusals and answers write the ones they suggest; help's
 * texts are the terminal's.
 */
const ASKING = { platform: 'terminal', slashCommand: 'dossier' } as const;

/** What of a table command runs only in the bot, and why: for the one line that refuses it here, and for help. */
interface BotOnly {
  /** Whether the arguments typed (the table's `fromText` of the words) ask for what only the bot does. */
  asks(raw: Record<string, unknown>): boolean;
  /** Its usage under "In the bot only" in help; the table's own when absent. */
  usage?: string;
  why: string;
}

/**
 * How this one-shot command line takes the commands of the shared table. A command not named here runs as in chat,
 * with its usage and summary from the table, so one added to the table is offered and runs here with no change to this
 * file. Named here is what makes no sense in a process that answers once and ends; each is refused in one line saying
 * where to use it, with exit status 2 as for any command this command line does not take:
 * - `feeds`, all of it: the running bot polls each feed every FEED_POLL_MINUTES and keeps what it took and its failures
 *   in its database. A feed followed from a process that ends at once would be polled by nothing, and the list is
 *   that poll state, which only the bot writes (in a database it may share with other instances).
 * - every `digest` action but `preview` (`subscribe`, `unsubscribe`, `pause` and `list`, and `digest` alone, which
 *   lists): a digest belongs to a chat channel and the bot's scheduler posts it; here there is no channel, and nothing
 *   runs on a schedule. Read off the table's actions, so one added there is refused here too (`pause` was read as a
 *   preview of no topics, and its help given as if it ran here).
 * - `digest preview <topics>` needs neither, so it runs here: the digest of those topics with nothing yet seen (as
 *   `digest --topics "a, b"` has always printed, and `--since` leads it with the documents dated from that day).
 */
/** The digest's actions on a channel's subscription, which only the bot has: all but `preview`. */
const CHANNEL_ACTIONS = DIGEST_ACTIONS.filter((action) => action !== 'preview');

const ONE_SHOT: Record<string, { here?: Row & { note: string }; botOnly: BotOnly }> = {
  feeds: {
    botOnly: {
      asks: () => true,
      why: 'the running bot polls each feed and keeps what it took from it in its database',
    },
  },
  digest: {
    // The table's own help for it, as every surface shows it; then what only this command line adds.
    here: {
      ...findCommand('digest')!.subcommands!.preview!,
      summary: worded(ASKING, findCommand('digest')!.subcommands!.preview!.summary),
      note:
        'Nothing is yet seen here, where there is no channel. Also `dossier digest --topics "a, b"`; ' +
        '`--since YYYY-MM-DD` leads it with the documents dated from that day.',
    },
    botOnly: {
      asks: (raw) => CHANNEL_ACTIONS.includes(String(raw.action)),
      usage: `digest ${CHANNEL_ACTIONS.join('|')} …`,
      why: "a digest belongs to a chat channel, and the bot's scheduler posts it",
    },
  },
};

/** The commands that run here, for `help`: the table's, each as this command line takes it. */
const HERE: Row[] = commands.flatMap((c) => {
  const oneShot = ONE_SHOT[c.name];
  if (!oneShot) return [{ usage: c.usage, summary: worded(ASKING, c.summary) }];
  return oneShot.here ? [{ usage: oneShot.here.usage, summary: oneShot.here.summary }] : [];
});

/**
 * Where the commands only the running bot takes show their replies and post their digests, as this command line's
 * help names it: not here, where nothing is posted and no session goes on, but the chat channel or the terminal bot
 * they are typed in. "posted to this terminal" was said of a digest no call of this command line could ever get.
 */
const IN_THE_BOT_PLACE: Place = { name: 'the channel or terminal bot', shared: true };

/** The table's commands, or parts of them, that only the running bot takes. */
const BOT_ONLY: Row[] = commands.flatMap((c) => {
  const botOnly = ONE_SHOT[c.name]?.botOnly;
  return botOnly ? [{ usage: botOnly.usage ?? c.usage, summary: inPlace(IN_THE_BOT_PLACE, c.summary) }] : [];
});

/** Where the commands this command line does not take are typed. */
const IN_THE_BOT = 'in the terminal bot (`npm start`), or after /brief in Slack or Discord';

const OPTIONS: Row[] = [
  { usage: '--corpus DIR', summary: 'The corpus folder (default CORPUS_DIR, then ./corpus)' },
  { usage: '--cache DIR', summary: 'Where the saved index is kept (default CACHE_DIR, then ./.cache)' },
  {
    usage: '--lexicon FILE',
    summary: "The synonyms and acronyms to use, or none (default LEXICON, then the corpus's synonyms.yaml)",
  },
  { usage: '--json', summary: 'Machine-readable output, for ask, cite, figures, sources and help' },
  {
    usage: '--limit N',
    summary:
      `With ask or cite: up to N results, 1 to ${MAX_RESULTS} (default ${PAGE_SIZE}), ` +
      'so a scorer sees the ranking',
  },
  { usage: '--chart FILE', summary: 'With figures: write the chart of a series over time to FILE, a .png file' },
  { usage: '--topics "a, b"', summary: 'With digest: the topics to preview, as `digest preview a, b` takes them' },
  { usage: '--since YYYY-MM-DD', summary: 'With digest: lead with the documents dated from that day, as new ones' },
  { usage: '--version', summary: "Dossier's version" },
];

/** Characters of the usage column in help; a usage as long or longer has its summary on the next line, under it. */
const USAGE_COLUMN = 19;

/** Two columns, the summary wrapped under its own column when the usage is too long to leave room. */
const columns = (rows: Row[]) =>
  rows
    .map(({ usage, summary }) =>
      usage.length < USAGE_COLUMN
        ? `  ${usage.padEnd(USAGE_COLUMN)}${summary}`
        : `  ${usage}\n  ${' '.repeat(USAGE_COLUMN)}${summary}`,
    )
    .join('\n');

/** What this command takes: printed for `help`, `--help` or no command. */
const USAGE = `Usage: dossier <command> [text] [options]

Commands (text that starts with none of these is a question for ask):
${columns(HERE)}

In the bot only: type these ${IN_THE_BOT}
${columns(BOT_ONLY)}

Options:
${columns(OPTIONS)}`;

/** `more` pages the terminal bot's answer; here, `dossier more` and `dossier help more` say what stands for it. */
const NO_MORE =
  'There is no `more` here, where each run prints one page: ' + `\`--limit N\` gives up to ${MAX_RESULTS} results.`;
/** `exit` alone ends the terminal bot's session; here each run ends by itself, and a search for it helps nobody. */
const NO_EXIT = 'There is no session to end here: each run answers once and exits. `exit` ends the terminal bot.';

/**
 * `--json` output per command: the contract the evaluation script reads. `reply`: the JSON the command table's reply
 * carries (`Reply.json`), so the table decides whether it answers (a link alone is no question anywhere) and the
 * answer is searched once.
 */
const JSON_OUTPUT: Record<string, 'reply' | ((dossier: Dossier, args: Record<string, unknown>) => unknown)> = {
  ask: 'reply',
  cite: 'reply',
  // The topic as the table reads it, as the command's reply has it (without chat's markup: `withoutMarkup`).
  figures: (d, { topic }) => answerFigures(d, String(topic)),
  // Every field is present, null when the document does not state it, as in `ask`'s results.
  sources: (d) => ({
    sources: d.documents.map((doc) => ({
      source: doc.source,
      title: doc.meta.title,
      author: doc.meta.author ?? null,
      publisher: doc.meta.publisher ?? null,
      date: doc.meta.date ?? null,
      url: doc.meta.url ?? null,
      fetched: doc.meta.fetched ?? null,
      tags: doc.meta.tags,
      passages: doc.passages.length,
    })),
  }),
};

/** The options that name a folder or a file. */
const PATH_OPTIONS = ['corpus', 'cache', 'lexicon'] as const;

/** The options and words typed; `parseArgs` throws on a malformed option. */
const parseOptions = (argv: string[]) => parseArgs({ args: argv, allowPositionals: true, options: OPTION_SPEC });
type Values = ReturnType<typeof parseOptions>['values'];

/**
 * A refusal: the one line printed after "dossier: ", and the exit status (2 for usage, 1 for what was asked, 128 and
 * the signal's number for an add stopped by SIGINT or SIGTERM, as a shell counts a process the signal ended).
 */
interface Refusal {
  line: string;
  status: number;
}

/**
 * After SIGINT or SIGTERM, longest an add may take to end before this command line exits anyway. Reading stops and a
 * fetch is cut at once, and storing takes milliseconds; only indexing a large document already stored takes longer,
 * and that index ends with the process.
 */
const ADD_STOPS_WITHIN_MS = 3000;

/** A command that passed every check this command line makes before the corpus loads. */
interface Request {
  command: string;
  /** The table's arguments as it reads them (the text trimmed, without chat's markup). */
  read: Record<string, unknown>;
  /** The table's raw arguments, `--limit` among them when given. */
  args: Record<string, unknown>;
  /** For a digest preview: the topics. */
  topics: string[];
}

/** A refusal's line on stderr; a backtick it quotes from what was typed is shown as typed (see `typed`). */
const refuse = ({ line, status }: Refusal): number => {
  console.error(`dossier: ${asWritten(line)}`);
  return status;
};

/** `dossier <command> …`: one command over a corpus, printed for a person or, with `--json`, for a program. */
export async function main(argv: string[]): Promise<number> {
  let options: ReturnType<typeof parseOptions>;
  try {
    options = parseOptions(argv);
  } catch (error) {
    return refuse({ line: optionProblem(error), status: 2 });
  }
  const { values, positionals } = options;
  const [typed = 'help', ...words] = values.help ? ['help'] : positionals;
  // The same reading as every chat surface: a command, a mistyped one, or a question for `ask`.
  const { name: command, text } = parseText([typed, ...words].join(' '));
  // `dossier version` and `dossier help` take none of the options a command's answer takes, refused as after any
  // other command; `--version` and `--help` answer whatever else is typed, as a command line's flags do.
  const bare = VERSION.test(typed) && words.length === 0 ? 'version' : command === 'help' ? 'help' : undefined;
  const unused = bare && !values.version && !values.help ? optionNotTaken(bare, values) : undefined;
  if (unused) return refuse({ line: unused, status: 2 });
  // `dossier version` too, the table's `version` command, answered as `--version` is: without loading the corpus.
  if (values.version || bare === 'version') {
    process.stdout.write(`dossier ${DOSSIER_VERSION}\n`);
    return 0;
  }
  if (EXIT.test(typed) && words.length === 0) return refuse({ line: NO_EXIT, status: 2 });
  if (command === 'help') return help(text, values.json);
  const request = await checked(command, text, values);
  if ('status' in request) return refuse(request);
  const { dossier, config, log } = await openCorpus(values);
  // Built as every surface builds one, so a part the context gains reaches this command line too.
  const surface = { slashCommand: ASKING.slashCommand };
  const ctx = commandContext(botContext({ dossier }), ASKING.platform, { id: 'cli' }, { id: 'cli' }, surface);
  if (values.json) return printJson(request, ctx);
  const reply = await answer(request, ctx, { dossier, config, log, since: values.since });
  if ('line' in reply) return refuse(reply);
  // A refusal (a link that cannot be fetched, a bad date) is the error line, where a script looks for it.
  if (reply.status === 'error') return refuse({ line: renderTerminal(reply), status: 1 });
  // One command, one answer: there is no `more` to type here.
  const shown = renderTerminal(reply, styleFor(process.stdout, process.env), {
    moreHint: false,
    width: widthOf(process.stdout),
  });
  process.stdout.write(`${shown}\n`);
  return values.chart === undefined ? 0 : printChart(reply, values.chart);
}

/** The options that only some commands take, and which. */
const TAKEN_BY = { limit: 'ask and cite', chart: 'figures', since: 'digest', topics: 'digest' } as const;

/** One line refusing an option given to a command that does not take it. */
const isFor = (option: keyof typeof TAKEN_BY, command: string) =>
  `--${option} is for ${TAKEN_BY[option]} (not "${command}").`;

const noJson = (command: string) => `${command} has no --json output; run it without --json to read it.`;

/** The first option given that `help` or `version` does not take (`help` has --json output; both ignore paths). */
function optionNotTaken(command: 'help' | 'version', values: Values): string | undefined {
  const option = (Object.keys(TAKEN_BY) as (keyof typeof TAKEN_BY)[]).find((name) => values[name] !== undefined);
  if (option) return isFor(option, command);
  return command === 'version' && values.json ? noJson(command) : undefined;
}

/** Everything that can be refused without the corpus, refused before it is loaded (`help` never needs it). */
async function checked(command: string, text: string, values: Values): Promise<Request | Refusal> {
  if (MORE.test(command)) return { line: NO_MORE, status: 2 };
  const spec = findCommand(command);
  if (!spec) return { line: unknownCommandLine(command, ASKING), status: 2 };
  const raw = argumentsTyped(spec, text, values.topics);
  if (typeof raw === 'string') return { line: raw, status: 2 };
  // Validated now, as in chat, but refused only after the options are checked, except a subcommand the command does
  // not have ("digest prevue", "feeds lsit"): that is refused as a command is, before anything else, with exit 2.
  const args = spec.args.safeParse(raw);
  if (!args.success && isUnknownAction(args.error))
    return { line: argumentsProblem(spec, args.error, ASKING), status: 2 };
  const botOnly = ONE_SHOT[command]?.botOnly;
  if (botOnly?.asks(raw)) {
    const asked = [command, typeof raw.action === 'string' ? raw.action : ''].join(' ').trim();
    const here = ONE_SHOT[command]?.here;
    return {
      line:
        `${asked} runs in the bot, not here: ${botOnly.why}. Type it ${IN_THE_BOT}` +
        `${here ? `; what runs here is \`dossier ${here.usage}\`` : ''}.`,
      status: 2,
    };
  }
  if (values.json && !JSON_OUTPUT[command]) return { line: noJson(command), status: 2 };
  // Given empty ("--corpus $DIR" with DIR unset), a path would quietly mean the working folder, as an empty
  // CORPUS_DIR would: that one stops the bot, and so does this, as a value left out.
  const blank = PATH_OPTIONS.find((name) => values[name] !== undefined && !values[name].trim());
  if (blank) return { line: needsValue(`--${blank}`), status: 2 };
  if (values.since !== undefined && command !== 'digest') return { line: isFor('since', command), status: 2 };
  // The digest's module is loaded for a digest anyway.
  if (values.since !== undefined) {
    const wrong = (await import('../../src/digest/index.js')).sinceProblem(values.since);
    if (wrong) return { line: wrong, status: 2 };
  }
  if (values.chart !== undefined && command !== 'figures') return { line: isFor('chart', command), status: 2 };
  if (values.chart !== undefined && !/\.png$/i.test(values.chart))
    return {
      line: `--chart writes a PNG image: give a file name ending in .png (not "${values.chart}").`,
      status: 2,
    };
  // Digits only: Number() also reads "1e1", "0x3" and " 3", which no one means as a count of results.
  const limit = values.limit === undefined ? undefined : /^\d+$/.test(values.limit) ? Number(values.limit) : NaN;
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1 && limit <= MAX_RESULTS))
    return { line: `--limit takes a whole number from 1 to ${MAX_RESULTS} (not "${values.limit}").`, status: 2 };
  if (limit !== undefined && !['ask', 'cite'].includes(command)) return { line: isFor('limit', command), status: 2 };
  // A question missing or too long is refused as on every surface, without waiting for the corpus to load; words
  // after a command that takes none (`dossier sources guard`) are a slip of usage, exit 2 as after `dossier help ask`.
  if (!args.success)
    return { line: argumentsProblem(spec, args.error, ASKING), status: wordsAfterNothing(args.error) ? 2 : 1 };
  // A preview in chat falls back on the channel's own digest; here there is none, so the topics must be given.
  const topics = command === 'digest' ? splitTopics((args.data as { topics?: string }).topics) : [];
  if (command === 'digest' && !topics.length)
    return { line: 'Name the topics to preview: `dossier digest preview ferry fares, harbour dredging`.', status: 1 };
  // `--limit` is the table's own argument, so a limited ask is refused or answered as on every surface.
  return { command, read: args.data, args: limit === undefined ? raw : { ...raw, limit }, topics };
}

/** Whether the table refused words after a command that takes none (its arguments are a strict empty object). */
const wordsAfterNothing = (error: { issues: readonly { code: string }[] }): boolean =>
  error.issues.some((i) => i.code === 'unrecognized_keys');

/**
 * The settings this command line reads, and checks: the corpus's, the log's, and `add`'s fetching. The bot's others
 * (its tokens, ports, database) are not read, so one that is wrong stops the bot but not an answer here.
 */
const SETTINGS = [
  'CORPUS_DIR',
  'CACHE_DIR',
  'LEXICON',
  'LOG_LEVEL',
  'FETCH_ALLOW_PRIVATE',
  'FETCH_MAX_MB',
  'FETCH_TIMEOUT_SECONDS',
] as const;

/** The corpus the options or the environment name, with the configuration and log it was opened with. */
async function openCorpus(values: Values) {
  const envProblem = loadEnvFile();
  const config = loadSettings(SETTINGS);
  const log = terminalLogger(values.json ? 'error' : config.LOG_LEVEL);
  if (envProblem) log.warn(envProblem);
  const corpusDir = values.corpus ?? config.CORPUS_DIR;
  const dossier = await Dossier.open({
    corpusDir,
    cacheDir: values.cache ?? config.CACHE_DIR,
    lexicon: values.lexicon ?? config.LEXICON,
    wordnet: WORDNET_DIR,
    log,
    // On stderr, as warnings are: stdout is the answer, which `--json` callers read.
    onIndexing: indexingNotice(values.json ? 'error' : config.LOG_LEVEL, corpusDir),
  });
  return { dossier, config, log };
}

/** `--json`: the command's JSON, or the JSON its reply from the table carries, unless the table refused it. */
async function printJson(request: Request, ctx: CommandContext): Promise<number> {
  const { command, read, args } = request;
  const output = JSON_OUTPUT[command]!;
  let json: unknown;
  if (output === 'reply') {
    const reply = await runCommand(command, args, ctx);
    if (reply.status === 'error') return refuse({ line: renderTerminal(reply), status: 1 });
    json = reply.json!();
  } else json = output(ctx.dossier, read);
  process.stdout.write(`${JSON.stringify(json)}\n`);
  return 0;
}

/**
 * The command's reply. The digest's and add's modules (a database, a fetcher and their packages) are loaded only for
 * those commands: every other call would pay for them in start-up time.
 */
async function answer(
  { command, args, topics }: Request,
  ctx: CommandContext,
  { dossier, config, log, since }: Awaited<ReturnType<typeof openCorpus>> & { since?: string },
): Promise<Reply | Refusal> {
  if (command === 'digest') {
    // A digest needs the bot's database to know what a channel has seen; here it is printed one-off.
    const { oneOffDigest } = await import('../../src/digest/index.js');
    return commandsAsAsked(oneOffDigest(dossier, topics, since), ASKING);
  }
  if (command === 'add') {
    // A running bot's corpus watcher indexes what `add` stores here, and leads its next digest with it.
    const { fetchSettings, Ingest, SafeFetcher } = await import('../../src/ingest/index.js');
    const fetcher = new SafeFetcher(fetchSettings(config));
    ctx.ingest = new Ingest({ dossier, fetcher, log });
    return stoppable(ctx.ingest, fetcher, () => runCommand(command, args, ctx));
  }
  return runCommand(command, args, ctx);
}

/**
 * Runs an add so that SIGINT or SIGTERM (Ctrl-C, a `timeout`, a supervisor) ends it cleanly, where the signal killed
 * the process wherever it was: the Ingest closes (a document being read in a worker thread is left, the worker ended,
 * and nothing stored) and the fetch in progress is cut, while a document already being stored is stored whole (its
 * sidecar never without it). An add the signal stopped is refused in one line, with 128 and the signal's number; one
 * that ended anyway is answered as it ended. Every way out closes the Ingest and the fetcher's connections.
 */
async function stoppable(ingest: Ingest, fetcher: SafeFetcher, add: () => Promise<Reply>): Promise<Reply | Refusal> {
  let stopped: NodeJS.Signals | undefined;
  const stop = (signal: NodeJS.Signals) => {
    if (stopped) return;
    stopped = signal;
    ingest.close();
    fetcher.close().catch(() => undefined);
    // Only indexing a large document already stored outlasts this: the process ends, and its index with it.
    setTimeout(() => {
      console.error(`dossier: stopped by ${signal} before the add ended.`);
      process.exit(128 + constants.signals[signal]);
    }, ADD_STOPS_WITHIN_MS).unref();
  };
  process.on('SIGINT', stop).on('SIGTERM', stop);
  try {
    const reply = await add();
    return stopped && reply.status === 'error'
      ? { line: `stopped by ${stopped}: nothing was added.`, status: 128 + constants.signals[stopped] }
      : reply;
  } finally {
    process.off('SIGINT', stop).off('SIGTERM', stop);
    ingest.close();
    await fetcher.close().catch(() => undefined);
  }
}

/** `--chart FILE`: the reply's chart written there, or one line saying why there is none. */
async function printChart(reply: Reply, path: string): Promise<number> {
  const chart = reply.attachments[0];
  if (chart) return (await writeChart(path, chart)) ? 0 : 1;
  console.error(
    reply.status === 'empty'
      ? 'dossier: No chart: no figures answer this topic.'
      : 'dossier: No chart for this answer: its figures do not form a series over time.',
  );
  return 0;
}

/**
 * The raw arguments of a command as the table's `fromText` reads the words after it; with `--topics`, a digest
 * preview of those topics (split at commas only, as typed in quotes). A string says what is wrong instead.
 */
function argumentsTyped(spec: Command, text: string, topics: string | undefined): Record<string, unknown> | string {
  if (topics === undefined) return spec.fromText(text);
  if (spec.name !== 'digest') return isFor('topics', spec.name);
  // `digest --topics …` and `digest preview --topics …` are the same preview; another action takes no topics here, and
  // other words would be a second list.
  const [first = '', ...more] = text.toLowerCase().split(/\s+/);
  if (first && first !== 'preview' && !more.length && DIGEST_ACTIONS.includes(first))
    return `--topics is for digest preview (not "digest ${first}").`;
  if (text && text.toLowerCase() !== 'preview')
    return 'Give the topics once: `dossier digest preview a, b` or `dossier digest --topics "a, b"`.';
  return { action: 'preview', topics };
}

/**
 * `help`: the usage of every command and option; `help <command>`: that command's usage here, and what of it runs only
 * in the bot. A word that names no command is refused as on every surface, and words after the command (see
 * `wordsBeyond`) as after a command that takes none, exit 2 as for an unknown command.
 */
function help(text: string, json: boolean): number {
  const spec = findCommand('help')!;
  const args = spec.args.safeParse(spec.fromText(text));
  if (!args.success) {
    return refuse({ line: argumentsProblem(spec, args.error, ASKING), status: 2 });
  }
  // The table's reading: `help /brief` is the list, and `help /cite` is `help cite`.
  const [first, ...words] = ((args.data as { command?: string }).command ?? '').split(/\s+/).filter(Boolean);
  const named = first?.toLowerCase();
  // The schema also takes the terminal bot's other words (`help more` there explains them), which are none here: asked
  // about, each says why, as typed alone it does.
  if (named && !findCommand(named)) {
    const line = MORE.test(named) ? NO_MORE : EXIT.test(named) ? NO_EXIT : notACommand(named, ASKING);
    return refuse({ line, status: 2 });
  }
  const beyond = named ? wordsBeyond(named, words, ASKING) : undefined;
  if (beyond) {
    return refuse({ line: beyond, status: 2 });
  }
  // A subcommand with help of its own (`help digest preview`): its row alone, as the table and the bots give it, here
  // or in the bot only as the command's own rows are (`help digest subscribe`), in --json as in text.
  const command = named ? findCommand(named)! : undefined;
  const sub = command ? subcommandOf(command, words[0]) : undefined;
  if (command && sub) {
    const oneShot = ONE_SHOT[command.name];
    const botOnly = oneShot?.botOnly.asks(command.fromText(words[0]!)) ?? false;
    const row = {
      usage: sub.usage,
      summary: botOnly ? inPlace(IN_THE_BOT_PLACE, sub.summary) : worded(ASKING, sub.summary),
    };
    const note = oneShot?.here?.note;
    if (json) {
      const [here, bot] = botOnly ? [[], [row]] : [[row], []];
      process.stdout.write(`${JSON.stringify({ commands: here, bot, options: OPTIONS })}\n`);
    } else if (botOnly) {
      process.stdout.write(`In the bot only: ${row.usage}\n  ${row.summary}\n  Type it ${IN_THE_BOT}.\n`);
    } else {
      process.stdout.write(`Usage: dossier ${row.usage}\n  ${row.summary}\n${note ? `  ${note}\n` : ''}`);
    }
    return 0;
  }
  // A command of the table: its rows here, in the bot, or both.
  const of = (rows: Row[]) => (named ? rows.filter((r) => r.usage.split(' ')[0] === named) : rows);
  const [here, bot] = [of(HERE), of(BOT_ONLY)];
  if (json) process.stdout.write(`${JSON.stringify({ commands: here, bot, options: OPTIONS })}\n`);
  else if (!named) process.stdout.write(`${USAGE}\n`);
  else {
    const shown = [
      ...here.map((r) => `Usage: dossier ${r.usage}\n  ${r.summary}`),
      ...bot.map((r) => `In the bot only: ${r.usage}\n  ${r.summary}\n  Type it ${IN_THE_BOT}.`),
    ];
    process.stdout.write(`${shown.join('\n')}\n`);
  }
  return 0;
}

/**
 * A malformed option in one line, like every other refusal. parseArgs's own message runs to three lines and speaks
 * of positionals and `--limit <value>`; the usage of the option, when it has one, says what it takes instead.
 */
function optionProblem(error: unknown): string {
  const message = (error as Error).message;
  const option = /'(--?[\w-]+)/.exec(message)?.[1];
  if (!option) return message.split('\n')[0]!;
  if ((error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
    return `Unknown option ${option}: \`dossier help\` lists the options (a text starting with - goes after --).`;
  if (message.includes('does not take an argument')) return `${option} takes no value.`;
  return needsValue(option);
}

/** An option given no value, with its usage when it has one ("--limit needs a value: --limit N."). */
function needsValue(option: string): string {
  const usage = OPTIONS.find((o) => o.usage.split(' ')[0] === option)?.usage;
  return `${option} needs a value${usage ? `: ${usage}` : ''}.`;
}

/** Draws the chart into `path`; false, with one line saying why, when it cannot be written. */
async function writeChart(path: string, chart: Attachment): Promise<boolean> {
  try {
    await writeFile(path, await chart.draw());
  } catch (error) {
    console.error(`dossier: could not write the chart to ${path}: ${fileError(error)}`);
    return false;
  }
  console.error(`dossier: chart written to ${path}`);
  return true;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof DossierError || error instanceof ConfigError;
    console.error(`dossier: ${known ? asWritten((error as Error).message) : `unexpected error: ${String(error)}`}`);
    process.exit(1);
  },
);
