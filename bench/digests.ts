// `npm run bench:digests` (and the end of `npm run bench`): ten thousand digests due in the same
// minute. Starts the bot as it runs in production (adapters/main.ts in Slack HTTP mode, over
// ./corpus) with its Web API pointing at a Slack stand-in here and a database holding BENCH_DIGESTS
// subscriptions (default 10,000) whose slot came a minute ago. Two runs: one to the end (digests per
// second), one stopped with SIGTERM a quarter of the way and started again (time to exit, and
// every channel's digest exactly once). Throughout, /healthz is asked every 100 ms and a signed
// `/brief help` sent every second. Prints a Markdown table and writes bench/digest-results.json.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SqliteDigestStore } from '../src/digest/sqlite-store.js';
import { SlackStub } from '../tests/adapters/slack/slack-stub.js';
import {
  command,
  healthzSummary,
  probe,
  sleep,
  startBot as startBotOn,
  type Bot,
  type CommandTally,
  type HealthzSummary,
  type Probe,
} from './bot.js';
import { benchDir, machine, machineNow, outDir, projectDir } from './setup.js';

const N = Number(process.env.BENCH_DIGESTS ?? 10_000);
const SECRET = 'bench-digests-signing-secret';
/** Topics a team might follow over ./corpus; each subscription takes two. */
const TOPICS = [
  'Mérida funding',
  'fentanyl',
  'extraditions',
  'overdose deaths',
  'National Guard',
  'homicides',
  'asylum seekers',
  'gun smuggling',
  'cartel leaders',
  'prison reform',
  'border seizures',
  'public trust',
];
/** Give up on a run after this long. */
const RUN_LIMIT_MS = 15 * 60_000;

interface RunResult {
  posts: number;
  channels: number;
  /** Channels that got more than one digest. */
  duplicates: number;
  startS: number;
  firstToLastS: number;
  digestsPerS: number;
  healthz: HealthzSummary;
  commands: CommandTally;
  sigtermExitS?: number;
}

const stub = await new SlackStub().start();
const posts = new Map<string, number>();
const answered = new Set<string>();
let firstPost = 0;
let lastPost = 0;
stub.onRequest = (call) => {
  // Counted here: the stand-in's record of ten thousand request bodies is not needed.
  stub.calls.length = 0;
  if (call.path.startsWith('/response/')) answered.add(call.path.slice('/response/'.length));
  if (call.path !== '/api/chat.postMessage') return;
  const channel = String(call.body.channel);
  posts.set(channel, (posts.get(channel) ?? 0) + 1);
  firstPost ||= performance.now();
  lastPost = performance.now();
};

await mkdir(outDir, { recursive: true });
log(`${N} subscriptions`);
const whole = await run('to the end');
const stopped = await run('SIGTERM a quarter of the way, then restarted');
await stub.stop();
console.log(markdown());
await writeFile(
  join(benchDir, 'digest-results.json'),
  `${JSON.stringify({ machine, loadavg: loadavg(), digests: N, runs: { whole, stopped } }, null, 2)}\n`,
);

async function run(kind: 'to the end' | 'SIGTERM a quarter of the way, then restarted'): Promise<RunResult> {
  posts.clear();
  stub.messages.length = 0;
  firstPost = lastPost = 0;
  const db = join(outDir, `digests-${kind === 'to the end' ? 'whole' : 'stopped'}.db`);
  for (const suffix of ['', '-wal', '-shm']) await rm(`${db}${suffix}`, { force: true });
  const slot = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 60_000);
  const store = new SqliteDigestStore(db);
  for (let i = 0; i < N; i++)
    store.subscribe(
      {
        platform: 'slack',
        channelId: `C${i}`,
        subscriberId: `U${i % 200}`,
        topics: [TOPICS[i % TOPICS.length]!, TOPICS[(i * 7 + 3) % TOPICS.length]!],
        time: slot.toISOString().slice(11, 16),
        days: [0, 1, 2, 3, 4, 5, 6],
        timeZone: 'UTC',
      },
      new Date(slot.getTime() - 10 * 60_000),
    );
  store.close();
  log(`${kind}: starting the bot`);

  const started = performance.now();
  let bot = await startBot(db);
  const probes: Probe[] = [];
  const commands: CommandTally = { sent: 0, answered: 0, ackMax: 0, answerMax: 0 };
  let probing = true;
  // While no bot runs (between SIGTERM and the restart), /healthz and commands have nobody to answer;
  // once SIGTERM is sent, a refused connection is the bot closing, as it should.
  let down = false;
  let closing = false;
  const port = () => (down ? undefined : bot.port);
  const probing$ = probe(
    port,
    probes,
    () => probing,
    started,
    () => !closing,
  );
  const commanding$ = command(port, commands, () => probing, {
    text: 'help',
    slackUrl: stub.url,
    signingSecret: SECRET,
    answered,
  });
  let sigtermExitS: number | undefined;

  const deadline = Date.now() + RUN_LIMIT_MS;
  const until = async (done: () => boolean) => {
    while (!done() && Date.now() < deadline) await sleep(50);
  };
  if (kind === 'to the end') {
    await until(() => posts.size >= N);
  } else {
    await until(() => posts.size >= N / 4);
    const signalled = performance.now();
    closing = true;
    bot.process.kill('SIGTERM');
    await bot.exited;
    sigtermExitS = (performance.now() - signalled) / 1000;
    log(`${kind}: exited ${sigtermExitS.toFixed(1)} s after SIGTERM with ${posts.size} channels served; restarting`);
    down = true;
    bot = await startBot(db);
    down = closing = false;
    await until(() => posts.size >= N);
  }
  const allPostedAt = performance.now();
  // A little longer, for any second post to show.
  await sleep(3000);
  probing = false;
  await Promise.all([probing$, commanding$]);
  bot.process.kill('SIGTERM');
  await bot.exited;

  const total = [...posts.values()].reduce((a, b) => a + b, 0);
  const result: RunResult = {
    posts: total,
    channels: posts.size,
    duplicates: [...posts.values()].filter((n) => n > 1).length,
    startS: (firstPost - started) / 1000,
    firstToLastS: (lastPost - firstPost) / 1000,
    digestsPerS: posts.size / ((lastPost - firstPost) / 1000),
    healthz: healthzSummary(probes),
    commands,
    ...(sigtermExitS === undefined ? {} : { sigtermExitS }),
  };
  log(
    `${kind}: ${result.channels}/${N} channels, ${result.posts} posts in ` +
      `${((allPostedAt - started) / 1000).toFixed(0)} s`,
  );
  return result;
}

function startBot(db: string): Promise<Bot> {
  return startBotOn({
    corpusDir: join(projectDir, 'corpus'),
    cacheDir: join(outDir, 'digests-cache'),
    databasePath: db,
    slackUrl: stub.url,
    signingSecret: SECRET,
  });
}

function log(message: string): void {
  console.error(`[bench:digests] ${message}`);
}

function markdown(): string {
  const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : '–');
  const row = (name: string, r: RunResult) =>
    `| ${name} | ${r.channels} / ${N} | ${r.duplicates} | ${r.digestsPerS.toFixed(0)} | ${r.startS.toFixed(1)} | ` +
    `${ms(r.healthz.p50)} / ${ms(r.healthz.p99)} / ${ms(r.healthz.max)} | ` +
    `${r.healthz.over1s} of ${r.healthz.probes} | ${r.commands.answered} / ` +
    `${r.commands.sent} (ack ≤ ${ms(r.commands.ackMax)}, answer ≤ ` +
    `${ms(r.commands.answerMax)}) | ` +
    `${r.sigtermExitS === undefined ? '–' : r.sigtermExitS.toFixed(1)} |`;
  return [
    `${machineNow()} ${N} subscriptions due in the same minute. Latencies in ms.`,
    '',
    '| run | channels served | channels served twice | digests/s | first digest after (s) | /healthz p50 / p99 / max ' +
      '| /healthz over 1 s or failed | `/brief help` answered | SIGTERM to ' +
      'exit (s) |',
    '|---|---|---|---|---|---|---|---|---|',
    row('to the end', whole),
    row('SIGTERM at ¼, restarted', stopped),
  ].join('\n');
}
