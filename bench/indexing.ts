// `npm run bench:indexing` (and the end of `npm run bench`): a 19 MB document dropped into the
// corpus folder of the running bot (adapters/main.ts in Slack HTTP mode over a copy of ./corpus,
// as bench/digests.ts runs it). While the bot parses and indexes it, /healthz is asked every 100 ms
// and a signed `/brief <question>` sent every second. Then a second such document, and SIGTERM
// halfway through its indexing: how long the bot takes to exit. Prints a Markdown table and writes
// bench/indexing-results.json. The document is the sample notes' paragraphs over and over, every
// digit after a number's first changed at random (bench/generate.ts's PRNG), so no two repeat.
import { copyFile, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SlackStub } from '../tests/adapters/slack/slack-stub.js';
import {
  command,
  healthzSummary,
  probe,
  sleep,
  startBot,
  type CommandTally,
  type HealthzSummary,
  type Probe,
} from './bot.js';
import { prng } from './generate.js';
import { benchDir, machine, machineNow, outDir, projectDir } from './setup.js';

const corpusDir = join(outDir, 'indexing-corpus');
const SIZE = Number(process.env.BENCH_INDEXING_MB ?? 19) * 1024 * 1024;
const SECRET = 'bench-indexing-signing-secret';
const QUESTION = 'how much has Mérida cost?';
/** Give up waiting for the document to be indexed after this long. */
const LIMIT_MS = 20 * 60_000;

interface Result {
  megabytes: number;
  passages: number;
  /** From the file's arrival in the folder to the bot's "corpus re-indexed". */
  indexedS: number;
  healthz: HealthzSummary;
  commands: CommandTally;
  /** SIGTERM sent halfway through the second document's indexing, to the process's exit. */
  sigtermExitS: number;
}

const stub = await new SlackStub().start();
const answered = new Set<string>();
stub.onRequest = (call) => {
  stub.calls.length = 0;
  if (call.path.startsWith('/response/')) answered.add(call.path.slice('/response/'.length));
};

await rm(corpusDir, { recursive: true, force: true });
await mkdir(corpusDir, { recursive: true });
const notes = (await readdir(join(projectDir, 'corpus'))).filter((f) => f.endsWith('.md') || f.endsWith('.yaml'));
for (const file of notes) await copyFile(join(projectDir, 'corpus', file), join(corpusDir, file));
const paragraphs = (
  await Promise.all(notes.filter((f) => f.endsWith('.md')).map((f) => readFile(join(projectDir, 'corpus', f), 'utf8')))
).flatMap((text) => text.split(/\n\s*\n/).filter((p) => p.length > 120 && !/^(---|#)/.test(p.trim())));

const db = join(outDir, 'indexing.db');
for (const suffix of ['', '-wal', '-shm']) await rm(`${db}${suffix}`, { force: true });
let indexed: string | undefined;
let passages = 0;
const settings = {
  corpusDir,
  cacheDir: join(outDir, 'indexing-cache'),
  databasePath: db,
  slackUrl: stub.url,
  signingSecret: SECRET,
  onLog: (line: string) => {
    // Anything else on stderr (a crash's stack trace) is not a log line.
    if (!line.startsWith('{')) return;
    const entry = JSON.parse(line) as { msg?: string; added?: string[]; changed?: string[] };
    if (entry.msg === 'corpus re-indexed') indexed = [...(entry.added ?? []), ...(entry.changed ?? [])].join(',');
  },
};
log('starting the bot');
let bot = await startBot(settings);
const started = performance.now();
const probes: Probe[] = [];
const commands: CommandTally = { sent: 0, answered: 0, ackMax: 0, answerMax: 0 };
let going = true;
const port = () => bot.port;
const probing = probe(port, probes, () => going, started);
const asking = command(port, commands, () => going, {
  text: QUESTION,
  slackUrl: stub.url,
  signingSecret: SECRET,
  answered,
});

const first = await drop('report-1.txt', 1);
log(`${(SIZE / 1024 / 1024).toFixed(0)} MB document dropped in; waiting for it to be indexed`);
await until(() => indexed === 'report-1.txt');
const indexedS = (performance.now() - first) / 1000;
log(`indexed in ${indexedS.toFixed(1)} s`);
await sleep(2000);
going = false;
await Promise.all([probing, asking]);
bot.process.kill('SIGTERM');
await bot.exited;

// The second run: SIGTERM halfway through indexing another such document.
bot = await startBot(settings);
const second = await drop('report-2.txt', 2);
await sleep((indexedS * 1000) / 2 - (performance.now() - second));
const signalled = performance.now();
bot.process.kill('SIGTERM');
await bot.exited;
const sigtermExitS = (performance.now() - signalled) / 1000;
log(`SIGTERM ${(indexedS / 2).toFixed(1)} s into indexing: exited ${sigtermExitS.toFixed(1)} s later`);
await stub.stop();

const result: Result = {
  megabytes: SIZE / 1024 / 1024,
  passages,
  indexedS,
  healthz: healthzSummary(probes),
  commands,
  sigtermExitS,
};
console.log(markdown(result));
await writeFile(
  join(benchDir, 'indexing-results.json'),
  `${JSON.stringify({ machine, loadavg: loadavg(), result }, null, 2)}\n`,
);

/** Writes the document beside the folder and moves it in whole; resolves with when it arrived. */
async function drop(name: string, seed: number): Promise<number> {
  const random = prng(seed);
  const parts: string[] = [`A long report, part ${seed}`];
  let size = parts[0]!.length;
  passages = 0;
  for (let i = 0; size < SIZE; i++) {
    const paragraph = paragraphs[i % paragraphs.length]!.replace(/(?<=\d)\d/g, () => String(Math.floor(random() * 10)));
    parts.push(paragraph);
    size += Buffer.byteLength(paragraph) + 2;
    passages++;
  }
  const staged = join(outDir, name);
  await writeFile(staged, `${parts.join('\n\n')}\n`);
  const arrived = performance.now();
  await rename(staged, join(corpusDir, name));
  return arrived;
}

async function until(done: () => boolean): Promise<void> {
  const deadline = Date.now() + LIMIT_MS;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('the document was not indexed in time');
    await sleep(50);
  }
}

function log(message: string): void {
  console.error(`[bench:indexing] ${message}`);
}

function markdown(r: Result): string {
  const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : '–');
  return [
    `${machineNow()} Latencies in ms.`,
    '',
    '| document | indexed in (s) | /healthz p50 / p99 / max | /healthz over 1 s or failed | `/brief` answered | ' +
      'SIGTERM mid-indexing to exit (s) |',
    '|---|---|---|---|---|---|',
    `| ${r.megabytes} MB, ${r.passages} paragraphs | ${r.indexedS.toFixed(1)} | ${ms(r.healthz.p50)} / ` +
      `${ms(r.healthz.p99)} / ${ms(r.healthz.max)} | ${r.healthz.over1s} of ` +
      `${r.healthz.probes} | ${r.commands.answered} / ${r.commands.sent} (ack ` +
      `≤ ${ms(r.commands.ackMax)}, answer ≤ ${ms(r.commands.answerMax)}) | ` +
      `${r.sigtermExitS.toFixed(1)} |`,
  ].join('\n');
}
