import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ask, askJson } from '../../src/answer/ask.js';
import { cite } from '../../src/answer/cite.js';
import { answerFigures } from '../../src/answer/figures/index.js';
import { splitTopics } from '../../src/commands/digest.js';
import { findCommand, runText, type CommandContext } from '../../src/commands/index.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { oneOffDigest } from '../../src/digest/one-off.js';
import { Dossier } from '../../src/dossier.js';
import { DossierError } from '../../src/errors.js';
import { createLogger } from '../../src/log.js';
import { ansi, noStyle, renderTerminal } from './render.js';

const USAGE = `Usage: dossier <command> [text] [--corpus DIR] [--json] [--chart FILE]
Commands: ask <question> · cite <quote> · figures <topic> · sources · digest --topics "a, b" [--since YYYY-MM-DD] · help`;

/** `--json` output per command: the contract the evaluation script reads. */
const JSON_OUTPUT: Record<string, (dossier: Dossier, text: string) => unknown> = {
  ask: (d, q) => askJson(ask(d, q)),
  cite: (d, q) => askJson(cite(d, q)),
  figures: (d, q) => answerFigures(d, q),
  sources: (d) => ({ sources: d.documents.map((doc) => ({ source: doc.source, ...doc.meta, passages: doc.passages.length })) }),
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
  const config = loadConfig();
  const log = createLogger(values.json ? 'error' : config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const dossier = await Dossier.open({ corpusDir: values.corpus ?? config.CORPUS_DIR, cacheDir: values.cache ?? config.CACHE_DIR, log });

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
      console.error(`dossier: ${spec.usage}: ${args.error.issues[0]?.message ?? 'invalid arguments'}.`);
      return 1;
    }
    process.stdout.write(`${JSON.stringify(json(dossier, text))}\n`);
    return 0;
  }
  const ctx: CommandContext = { dossier, platform: 'terminal', user: { id: 'cli' }, channel: { id: 'cli' }, now: () => new Date() };
  // A digest needs the bot's database to know what a channel has seen; here it is printed one-off.
  const reply = command === 'digest' && values.topics !== undefined ? oneOffDigest(dossier, splitTopics(values.topics), values.since) : await runText(`${command} ${text}`, ctx);
  process.stdout.write(`${renderTerminal(reply, process.stdout.isTTY ? ansi : noStyle)}\n`);
  if (values.chart) {
    const chart = reply.attachments[0];
    if (!chart) console.error('dossier: no chart for this answer (its figures do not form a series over time)');
    else {
      await writeFile(values.chart, await chart.draw());
      console.error(`dossier: chart written to ${values.chart}`);
    }
  }
  return reply.status === 'error' ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof DossierError || error instanceof ConfigError;
    console.error(`dossier: ${known ? (error as Error).message : `unexpected error: ${String(error)}`}`);
    process.exit(1);
  },
);
