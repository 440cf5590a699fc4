import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Attachment, Reply } from '../../src/answer/reply.js';
import { splitTopics } from '../../src/commands/digest.js';
import { argumentsProblem, findCommand, MAX_RESULTS, runText, type CommandContext } from '../../src/commands/index.js';
import { ConfigError, loadConfig, loadEnvFile } from '../../src/config.js';
import { oneOffDigest } from '../../src/digest/index.js';
import { answerFigures, ask, askJson, askReply, cite, citeReply, Dossier } from '../../src/engine/index.js';
import { DossierError, errorLine } from '../../src/errors.js';
import { terminalLogger } from './log.js';
import { ansi, noStyle, renderTerminal } from './render.js';

/** What this command takes: printed for `help`, `--help` or no command, and after a malformed option. */
const USAGE = `Usage: dossier <command> [text] [options]

Commands:
  ask <question>     the best passages on a question, quoted and cited (a question alone works too)
  cite <quote>       where a half-remembered quote comes from
  figures <topic>    the figures on a topic, grouped by what they measure
  sources            the documents in the corpus
  digest --topics "a, b" [--since YYYY-MM-DD]
                     a one-off digest of those topics (with --since, also the documents dated from that day)
  help               this text

Options:
  --corpus DIR       the corpus folder (default CORPUS_DIR, then ./corpus)
  --cache DIR        where the saved index is kept (default CACHE_DIR, then ./.cache)
  --json             machine-readable output, for ask, cite, figures and sources
  --limit N          with ask or cite: up to N results, 1 to 10 (default 3), so a scorer sees the ranking
  --chart FILE       with figures: write the chart of a series over time to FILE, a .png file`;

const DIGEST_NEEDS_TOPICS =
  'dossier: digest here needs --topics: dossier digest --topics "a, b" [--since YYYY-MM-DD] (subscriptions are made in Slack or Discord)';

/** The page size of ask and cite everywhere else, and the one `--limit` replaces here. */
const DEFAULT_LIMIT = 3;

/** `--json` output per command: the contract the evaluation script reads. */
const JSON_OUTPUT: Record<string, (dossier: Dossier, text: string, limit: number) => unknown> = {
  ask: (d, q, limit) => askJson(ask(d, q, { limit })),
  cite: (d, q, limit) => askJson(cite(d, q, { limit })),
  figures: (d, q) => answerFigures(d, q),
  sources: (d) => ({
    sources: d.documents.map((doc) => ({ source: doc.source, ...doc.meta, passages: doc.passages.length })),
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
        topics: { type: 'string' },
        since: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    console.error(`dossier: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command = 'help', ...words] = values.help ? ['help'] : positionals;
  const text = words.join(' ');
  // Everything that can be refused without the corpus is refused before it is loaded.
  if (command.toLowerCase() === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command.toLowerCase() === 'digest' && values.topics === undefined) {
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
  if (limit !== undefined && !['ask', 'cite'].includes(command.toLowerCase())) {
    console.error(`dossier: --limit is for ask and cite (not "${command}").`);
    return 2;
  }
  loadEnvFile();
  const config = loadConfig();
  const log = terminalLogger(values.json ? 'error' : config.LOG_LEVEL);
  const dossier = await Dossier.open({
    corpusDir: values.corpus ?? config.CORPUS_DIR,
    cacheDir: values.cache ?? config.CACHE_DIR,
    log,
  });

  if (values.json) {
    const json = JSON_OUTPUT[command];
    if (!json) {
      console.error(`dossier: --json is not available for "${command}"`);
      return 2;
    }
    // The same checks as every other surface (a query too long or missing), before any searching.
    const spec = findCommand(command)!;
    const args = spec.args.safeParse(spec.fromText(text));
    if (!args.success) {
      console.error(`dossier: ${argumentsProblem(spec, args.error)}`);
      return 1;
    }
    process.stdout.write(`${JSON.stringify(json(dossier, text, limit ?? DEFAULT_LIMIT))}\n`);
    return 0;
  }
  const ctx: CommandContext = {
    dossier,
    platform: 'terminal',
    user: { id: 'cli' },
    channel: { id: 'cli' },
    now: () => new Date(),
  };
  // A digest needs the bot's database to know what a channel has seen; here it is printed one-off.
  const reply =
    command.toLowerCase() === 'digest' && values.topics !== undefined
      ? oneOffDigest(dossier, splitTopics(values.topics), values.since)
      : limit !== undefined
        ? limitedReply(dossier, command.toLowerCase(), text, limit)
        : await runText(`${command} ${text}`, ctx);
  if (!reply) return 1;
  // One command, one answer: there is no `more` to type here.
  process.stdout.write(`${renderTerminal(reply, process.stdout.isTTY ? ansi : noStyle, { moreHint: false })}\n`);
  if (values.chart !== undefined) {
    const chart = reply.attachments[0];
    if (!chart) console.error('dossier: no chart for this answer (its figures do not form a series over time)');
    else if (!(await writeChart(values.chart, chart))) return 1;
  }
  return reply.status === 'error' ? 1 : 0;
}

/** ask or cite with `--limit` results on one page, after the same checks of the query as every surface. */
function limitedReply(dossier: Dossier, command: string, text: string, limit: number): Reply | undefined {
  const spec = findCommand(command)!;
  const args = spec.args.safeParse(spec.fromText(text));
  if (!args.success) {
    console.error(`dossier: ${argumentsProblem(spec, args.error)}`);
    return undefined;
  }
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
