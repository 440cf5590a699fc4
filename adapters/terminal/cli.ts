import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Attachment, Reply } from '../../src/answer/reply.js';
import { splitTopics } from '../../src/commands/digest.js';
import {
  argumentsProblem,
  findCommand,
  MAX_RESULTS,
  parseText,
  runText,
  unknownCommandLine,
  type CommandContext,
} from '../../src/commands/index.js';
import { ConfigError, loadConfig, loadEnvFile } from '../../src/config.js';
import {
  answerFigures,
  ask,
  askJson,
  askReply,
  cite,
  citeReply,
  Dossier,
  WORDNET_DIR,
} from '../../src/engine/index.js';
import { DossierError, errorLine } from '../../src/errors.js';
import { DOSSIER_VERSION } from '../../src/version.js';
import { terminalLogger } from './log.js';
import { renderTerminal, styleFor, widthOf } from './render.js';

/** The commands of the command line, for `help` and `help --json`. */
const COMMANDS: { usage: string; summary: string }[] = [
  {
    usage: 'ask <question>',
    summary: 'the best passages on a question, quoted and cited (a question alone works too)',
  },
  { usage: 'cite <quote>', summary: 'where a half-remembered quote comes from' },
  { usage: 'figures <topic>', summary: 'the figures on a topic, grouped by what they measure' },
  { usage: 'sources', summary: 'the documents in the corpus, with their links' },
  { usage: 'add <url>', summary: 'fetch a web page or PDF into the corpus folder and index it' },
  {
    usage: 'digest --topics "a, b" [--since YYYY-MM-DD]',
    summary: 'a one-off digest of those topics (with --since, also the documents dated from that day)',
  },
  { usage: 'help [command]', summary: "this text, or one command's usage" },
];

const OPTIONS: { usage: string; summary: string }[] = [
  { usage: '--corpus DIR', summary: 'the corpus folder (default CORPUS_DIR, then ./corpus)' },
  { usage: '--cache DIR', summary: 'where the saved index is kept (default CACHE_DIR, then ./.cache)' },
  {
    usage: '--lexicon FILE',
    summary: "the synonyms and acronyms to use, or none (default LEXICON, then the corpus's synonyms.yaml)",
  },
  { usage: '--json', summary: 'machine-readable output, for ask, cite, figures, sources and help' },
  {
    usage: '--limit N',
    summary: 'with ask or cite: up to N results, 1 to 10 (default 3), so a scorer sees the ranking',
  },
  { usage: '--chart FILE', summary: 'with figures: write the chart of a series over time to FILE, a .png file' },
  { usage: '--version', summary: "Dossier's version" },
];

/** Two columns, the summary wrapped under its own column when the usage is too long to leave room. */
const columns = (rows: { usage: string; summary: string }[]) =>
  rows
    .map(({ usage, summary }) =>
      usage.length < 19 ? `  ${usage.padEnd(19)}${summary}` : `  ${usage}\n  ${' '.repeat(19)}${summary}`,
    )
    .join('\n');

/** What this command takes: printed for `help`, `--help` or no command. */
const USAGE = `Usage: dossier <command> [text] [options]

Commands:
${columns(COMMANDS)}

Options:
${columns(OPTIONS)}`;

const DIGEST_NEEDS_TOPICS =
  'dossier: digest here needs --topics: dossier digest --topics "a, b" [--since YYYY-MM-DD] (subscriptions are made ' +
  'in Slack or Discord)';

/** The page size of ask and cite everywhere else, and the one `--limit` replaces here. */
const DEFAULT_LIMIT = 3;

/** `--json` output per command: the contract the evaluation script reads. */
const JSON_OUTPUT: Record<string, (dossier: Dossier, text: string, limit: number) => unknown> = {
  ask: (d, q, limit) => askJson(ask(d, q, { limit })),
  cite: (d, q, limit) => askJson(cite(d, q, { limit })),
  figures: (d, q) => answerFigures(d, q),
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

/** `dossier <command> …`: one command over a corpus, printed for a person or, with `--json`, for a program. */
export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        corpus: { type: 'string' },
        cache: { type: 'string' },
        json: { type: 'boolean', default: false },
        chart: { type: 'string' },
        limit: { type: 'string' },
        lexicon: { type: 'string' },
        topics: { type: 'string' },
        since: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    console.error(`dossier: ${optionProblem(error)}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    process.stdout.write(`dossier ${DOSSIER_VERSION}\n`);
    return 0;
  }
  const [typed = 'help', ...words] = values.help ? ['help'] : positionals;
  // The same reading as every chat surface: a command, a mistyped one, or a question for `ask`.
  const { name: command, text } = parseText([typed, ...words].join(' '));
  // Everything that can be refused without the corpus is refused before it is loaded.
  if (!findCommand(command)) {
    console.error(`dossier: ${unknownCommandLine(command)}`);
    return 2;
  }
  if (command === 'help') return help(text, values.json);
  if (values.json && !JSON_OUTPUT[command]) {
    console.error(`dossier: ${command} has no --json output; run it without --json to read it.`);
    return 2;
  }
  if (command === 'digest' && values.topics === undefined) {
    console.error(DIGEST_NEEDS_TOPICS);
    return 2;
  }
  if (values.chart !== undefined && !/\.png$/i.test(values.chart)) {
    console.error(`dossier: --chart writes a PNG image: give a file name ending in .png (not "${values.chart}").`);
    return 2;
  }
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1 && limit <= MAX_RESULTS)) {
    console.error(`dossier: --limit takes a whole number from 1 to ${MAX_RESULTS} (not "${values.limit}").`);
    return 2;
  }
  if (limit !== undefined && !['ask', 'cite'].includes(command)) {
    console.error(`dossier: --limit is for ask and cite (not "${command}").`);
    return 2;
  }
  // A question missing or too long is refused as on every surface, without waiting for the corpus to load.
  const spec = findCommand(command)!;
  const args = command === 'digest' ? undefined : spec.args.safeParse(spec.fromText(text));
  if (args && !args.success) {
    console.error(`dossier: ${argumentsProblem(spec, args.error, { platform: 'terminal' })}`);
    return 1;
  }
  loadEnvFile();
  const config = loadConfig();
  const log = terminalLogger(values.json ? 'error' : config.LOG_LEVEL);
  const dossier = await Dossier.open({
    corpusDir: values.corpus ?? config.CORPUS_DIR,
    cacheDir: values.cache ?? config.CACHE_DIR,
    lexicon: values.lexicon ?? config.LEXICON,
    wordnet: WORDNET_DIR,
    log,
  });

  if (values.json) {
    process.stdout.write(`${JSON.stringify(JSON_OUTPUT[command]!(dossier, text, limit ?? DEFAULT_LIMIT))}\n`);
    return 0;
  }
  const ctx: CommandContext = {
    dossier,
    platform: 'terminal',
    user: { id: 'cli' },
    channel: { id: 'cli' },
    now: () => new Date(),
  };
  // The digest's and add's modules (a database, a fetcher and their packages) are loaded only for those
  // commands: every other call would pay for them in start-up time.
  let reply: Reply;
  if (command === 'digest' && values.topics !== undefined) {
    // A digest needs the bot's database to know what a channel has seen; here it is printed one-off.
    const { oneOffDigest } = await import('../../src/digest/index.js');
    reply = oneOffDigest(dossier, splitTopics(values.topics), values.since);
  } else if (limit !== undefined) reply = limitedReply(dossier, command, text, limit);
  else if (command === 'add') {
    // A running bot's corpus watcher indexes what `add` stores here, and leads its next digest with it.
    const { fetchSettings, Ingest, SafeFetcher } = await import('../../src/ingest/index.js');
    const fetcher = new SafeFetcher(fetchSettings(config));
    ctx.ingest = new Ingest({ dossier, fetcher, log });
    reply = await runText(`${command} ${text}`, ctx).finally(() => fetcher.close());
  } else reply = await runText(`${command} ${text}`, ctx);
  // A refusal (a link that cannot be fetched, a bad date) is the error line, where a script looks for it.
  if (reply.status === 'error') {
    console.error(`dossier: ${renderTerminal(reply)}`);
    return 1;
  }
  // One command, one answer: there is no `more` to type here.
  const shown = renderTerminal(reply, styleFor(process.stdout, process.env), {
    moreHint: false,
    width: widthOf(process.stdout),
  });
  process.stdout.write(`${shown}\n`);
  if (values.chart !== undefined) {
    const chart = reply.attachments[0];
    if (!chart) console.error('dossier: no chart for this answer (its figures do not form a series over time)');
    else if (!(await writeChart(values.chart, chart))) return 1;
  }
  return 0;
}

/**
 * `help`: the usage of every command and option; `help <command>`: that command's line. A word that names no command
 * is refused as on every surface, exit 2 as for an unknown command; one the bot has but this command line lacks
 * (`feeds`) says where it runs.
 */
function help(text: string, json: boolean): number {
  const spec = findCommand('help')!;
  const args = spec.args.safeParse(spec.fromText(text));
  if (!args.success) {
    console.error(`dossier: ${argumentsProblem(spec, args.error, { platform: 'terminal' })}`);
    return 2;
  }
  const named = (args.data as { command?: string }).command?.toLowerCase();
  if (!named) {
    process.stdout.write(json ? `${JSON.stringify({ commands: COMMANDS, options: OPTIONS })}\n` : `${USAGE}\n`);
    return 0;
  }
  const row = COMMANDS.find((c) => c.usage.split(' ')[0] === named);
  if (!row) {
    console.error(`dossier: ${named} runs in the bot (npm start), not here: \`dossier help\` lists the commands here.`);
    return 2;
  }
  const shown = json
    ? JSON.stringify({ commands: [row], options: OPTIONS })
    : `Usage: dossier ${row.usage}\n  ${row.summary}`;
  process.stdout.write(`${shown}\n`);
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
  const usage = OPTIONS.find((o) => o.usage.split(' ')[0] === option)?.usage;
  return `${option} needs a value${usage ? `: ${usage}` : ''}.`;
}

/** ask or cite with `--limit` results on one page (its query already checked as on every surface). */
function limitedReply(dossier: Dossier, command: string, text: string, limit: number): Reply {
  return command === 'ask' ? askReply(ask(dossier, text, { limit })) : citeReply(cite(dossier, text, { limit }));
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

/** "no such folder" rather than "ENOENT: no such file or directory, open '/x/y.png'". */
function fileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    ENOENT: 'its folder does not exist',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'it is a folder',
    ENOTDIR: 'a part of the path is not a folder',
    EROFS: 'the file system is read-only',
    ENOSPC: 'no space left on the device',
  };
  return (code && reasons[code]) ?? errorLine(error);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof DossierError || error instanceof ConfigError;
    console.error(`dossier: ${known ? (error as Error).message : `unexpected error: ${String(error)}`}`);
    process.exit(1);
  },
);
