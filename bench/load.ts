// `npm run bench:load`: Dossier's Slack HTTP endpoint under load. Forks bench/load-server.ts (the
// SlackAdapter over ./corpus on 127.0.0.1), whose Web API and response_urls point at a stand-in
// here, then sends signed /brief slash commands, 50 in flight at a time, in three rounds; then,
// with the same load running, presses Share on 15 figures answers at once, so that 15 charts are
// drawn and uploaded, first on the bot's chart workers and then, in a second bot, on its main
// thread. Prints Markdown tables and writes bench/load-results.json. See README "Benchmarks → Load".
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ACTIONS } from '../adapters/slack/buttons.js';
import { buttonPayload, interactionBody, slackHeaders, slashCommandBody } from '../tests/adapters/slack/slack-stub.js';
import { localServer, type LocalServer } from '../tests/support/local-server.js';
import type { DriverMessage, ServerMessage } from './load-server.js';
import { benchDir, machine, projectDir } from './setup.js';
import { markdownTable, percentile, type Column } from './stats.js';

/**
 * Requests per round (LOAD_REQUESTS), rounds (LOAD_ROUNDS), and how
 * many requests are in flight at once (each waits for its answer).
 */
const REQUESTS = Number(process.env.LOAD_REQUESTS ?? 2000);
const CONCURRENCY = 50;
const ROUNDS = Number(process.env.LOAD_ROUNDS ?? 3);
/** Distinct askers and channels the requests cycle through. */
const USERS = 200;
const CHANNELS = 20;
/** Slack shows "dispatch_failed" when the HTTP answer takes longer. */
const ACK_LIMIT_MS = 3000;
/** A client moves on after this long without an answer; the round still collects it until its end + GRACE_MS. */
const ANSWER_WAIT_MS = 15_000;
const GRACE_MS = 10_000;
/**
 * Share presses in the charts runs (LOAD_CHARTS), all at once:
 * each posts a figures answer and draws and uploads its chart.
 */
const CHARTS = Number(process.env.LOAD_CHARTS ?? 15);
/** A figures answer over corpus/ whose figures form a series, so that Share draws its chart. */
const CHART_QUERY = 'figures overdose deaths';
/** How long the slash-command load runs before the Share presses, and the longest wait for the charts. */
const CHARTS_LEAD_MS = 1000;
const CHARTS_WAIT_MS = 60_000;
/**
 * Per-user and per-channel rate limits off (0): the test measures
 * throughput, and counts any rate-limit replies (there should be none).
 */
const NO_RATE_LIMIT = '0';

/**
 * Questions a team might type, over the sample corpus in ./corpus
 * (our own writing): half ask, a fifth each cite and figures.
 */
const ASK = [
  'how much has Mérida cost?',
  'how many overdose deaths were there in 2016',
  'what did Wayne say about a border wall and heroin',
  'how many major crime groups are there now',
  'when was the National Guard created',
  'what does hugs not bullets mean',
  'how much money do cartels make from drugs',
  'how many guns are smuggled south from the US',
  'what is the Bicentennial Framework',
  'how long do asylum seekers wait in Mexico',
  'homicide rate in Mexico 2022',
  'do Mexicans trust the United States',
  'prison reform and addiction treatment',
  'where do most drugs cross the border',
  'extraditions to the United States',
];
const CITE = [
  'cite overdose deaths involving opioids have quadrupled',
  'cite the aproach broke up the big organizations but did not bring peace',
  'cite most hard drugs cross at official ports of entry',
  'cite Congress appropriated some 2.9 billion for Merida',
  'cite about $1 million of trade every minute',
  'cite "hugs, not bullets"',
  'cite many turned to extortion and stealing gasoline',
  'cite Mexico spent at least ten times that amount',
];
const FIGURES = [
  'figures overdose deaths',
  'figures Mérida funding',
  'figures homicides',
  'figures fentanyl seizures',
  'figures apprehensions at the border',
  'figures crime groups',
  'figures National Guard',
];
/** The i-th request's text: in every 20, ten ask, four cite, four figures, one help, one sources. */
function queryText(i: number): string {
  const slot = i % 20;
  const turn = Math.floor(i / 20);
  if (slot < 10) return ASK[(turn * 10 + slot) % ASK.length]!;
  if (slot < 14) return CITE[(turn * 4 + slot) % CITE.length]!;
  if (slot < 18) return FIGURES[(turn * 4 + slot) % FIGURES.length]!;
  return slot === 18 ? 'help' : 'sources';
}

interface Answer {
  at: number;
  error: boolean;
  rateLimited: boolean;
  /** "That took too long to answer" (ANSWER_TIMEOUT_MS, left at its default). */
  timedOut: boolean;
  /** A shared figures answer posted without its chart ("Chart left out: …", the chart workers busy). */
  chartLeftOut: boolean;
}

/**
 * Slack's side on 127.0.0.1: the Web API (auth.test and the like answer ok, file uploads are taken
 * and their completion timed) and the response_urls `/response/<id>`, whose answers it records
 * with their arrival time and kind.
 */
class SlackStandIn {
  readonly answers = new Map<string, Answer>();
  /** When each file upload was completed (files.completeUploadExternal). */
  readonly uploads: number[] = [];
  duplicates = 0;
  private readonly waiting = new Map<string, () => void>();
  private server?: LocalServer;
  url = '';

  async start(): Promise<void> {
    this.server = await localServer((req, body, res) => {
      const at = performance.now();
      const path = new URL(req.url ?? '/', 'http://stand-in').pathname;
      if (path.startsWith('/response/')) {
        this.record(path.slice('/response/'.length), at, body.toString('utf8'));
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      } else if (path.startsWith('/upload/')) {
        res.writeHead(200, { 'content-type': 'text/plain' }).end('OK - 1');
      } else {
        if (path === '/api/files.completeUploadExternal') this.uploads.push(at);
        const extra =
          path === '/api/auth.test'
            ? { user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'dossier' }
            : path === '/api/files.getUploadURLExternal'
              ? { upload_url: `${this.url}/upload/F1`, file_id: 'F1' }
              : path === '/api/files.completeUploadExternal'
                ? { files: [{ id: 'F1', title: 'chart' }] }
                : {};
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, ...extra }));
      }
    });
    this.url = this.server.url;
  }

  /** Resolves when request `id` has its answer, or after `ms`. */
  answered(id: string, ms: number): Promise<void> {
    if (this.answers.has(id)) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        resolve();
      }, ms);
      this.waiting.set(id, () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  async stop(): Promise<void> {
    await this.server?.stop();
  }

  private record(id: string, at: number, body: string): void {
    if (this.answers.has(id)) {
      this.duplicates++;
      return;
    }
    // The Slack renderer leads an error reply (bad input, refusal, limit) with :warning:.
    const lead = (JSON.parse(body) as { blocks?: { text?: { text?: string } }[] }).blocks?.[0]?.text?.text ?? '';
    const error = lead.startsWith(':warning:');
    this.answers.set(id, {
      at,
      error,
      rateLimited: error && /going a bit fast|rate limit|too many/i.test(lead),
      timedOut: error && /took too long/i.test(lead),
      chartLeftOut: body.includes('Chart left out'),
    });
    this.waiting.get(id)?.();
    this.waiting.delete(id);
  }
}

/** The forked bot process and its IPC. */
class BotProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
    readonly passages: number,
  ) {}

  static async start(env: Record<string, string>): Promise<BotProcess> {
    const child = fork(join(benchDir, 'load-server.ts'), [], { env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const exited = once(child, 'exit').then(([code]) => {
      throw new Error(`bench/load-server.ts exited (${String(code)}) before it was ready`);
    });
    const ready = BotProcess.next(child, 'ready');
    const message = (await Promise.race([ready, exited])) as Extract<ServerMessage, { type: 'ready' }>;
    return new BotProcess(child, message.port, message.passages);
  }

  private static next<T extends ServerMessage['type']>(
    child: ChildProcess,
    type: T,
  ): Promise<Extract<ServerMessage, { type: T }>> {
    return new Promise((resolve) => {
      const onMessage = (message: ServerMessage) => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        resolve(message as Extract<ServerMessage, { type: T }>);
      };
      child.on('message', onMessage);
    });
  }

  /** Heap and RSS after a full GC in the bot process. */
  memory(): Promise<Extract<ServerMessage, { type: 'memory' }>> {
    const reply = BotProcess.next(this.child, 'memory');
    this.child.send({ type: 'memory' } satisfies DriverMessage);
    return reply;
  }

  async stop(): Promise<void> {
    const exited = once(this.child, 'exit');
    this.child.send({ type: 'stop' } satisfies DriverMessage);
    await exited;
  }
}

interface Memory {
  heapMB: number;
  rssMB: number;
}

/** Milliseconds at the median, the 99th percentile and the slowest. */
interface Latency {
  p50: number;
  p99: number;
  max: number;
}

interface RoundResult {
  round: number;
  requests: number;
  wallS: number;
  perSecond: number;
  ackedWithin3s: number;
  ackFailures: number;
  lost: number;
  duplicates: number;
  errorReplies: number;
  rateLimited: number;
  timedOut: number;
  ackMs: Latency;
  answerMs: Latency;
  memoryBefore: Memory;
  memoryAfter: Memory;
  errorsLogged: number;
  /** The machine's 1-minute load average at the round's end: other work on the same cores slows the bot. */
  loadAverage: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const summary = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    p50: round2(percentile(sorted, 50)),
    p99: round2(percentile(sorted, 99)),
    max: round2(sorted.at(-1) ?? NaN),
  };
};

const secret = randomBytes(16).toString('hex');
const standIn = new SlackStandIn();
await standIn.start();
const botEnv = {
  PATH: process.env.PATH ?? '',
  CORPUS_DIR: join(projectDir, 'corpus'),
  LOG_LEVEL: 'warn',
  SLACK_BOT_TOKEN: 'xoxb-load-test',
  SLACK_SIGNING_SECRET: secret,
  SLACK_API_URL: `${standIn.url}/api/`,
  RATE_LIMIT_USER_PER_MINUTE: NO_RATE_LIMIT,
  RATE_LIMIT_CHANNEL_PER_MINUTE: NO_RATE_LIMIT,
};
let bot = await BotProcess.start(botEnv);
let eventsUrl = `http://127.0.0.1:${bot.port}/slack/events`;

function commandBody(id: string, i: number): string {
  return slashCommandBody({
    text: queryText(i),
    responseUrl: `${standIn.url}/response/${id}`,
    user: `U${String(i % USERS).padStart(5, '0')}`,
    channel: `C${String(i % CHANNELS).padStart(4, '0')}`,
  });
}

/** Sends one signed slash command; resolves with its ack time in ms, or undefined when it was not acked. */
async function sendCommand(id: string, i: number, sentAt: number): Promise<number | undefined> {
  const body = commandBody(id, i);
  try {
    const res = await fetch(eventsUrl, {
      method: 'POST',
      headers: slackHeaders(secret, body, 'application/x-www-form-urlencoded'),
      body,
      signal: AbortSignal.timeout(ANSWER_WAIT_MS),
    });
    await res.arrayBuffer();
    return res.status === 200 ? performance.now() - sentAt : undefined;
  } catch {
    return undefined;
  }
}

async function runRound(round: number): Promise<RoundResult> {
  const memoryBefore = await bot.memory();
  const duplicatesBefore = standIn.duplicates;
  const sentAt = new Map<string, number>();
  const ackTimes: number[] = [];
  let ackFailures = 0;
  let next = 0;
  const started = performance.now();
  const client = async () => {
    for (let i = next++; i < REQUESTS; i = next++) {
      const id = `${round}-${i}`;
      const t0 = performance.now();
      sentAt.set(id, t0);
      const ackMs = await sendCommand(id, i, t0);
      if (ackMs === undefined) ackFailures++;
      else ackTimes.push(ackMs);
      await standIn.answered(id, ANSWER_WAIT_MS);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, client));
  const ids = [...sentAt.keys()];
  const graceEnd = performance.now() + GRACE_MS;
  for (const id of ids) await standIn.answered(id, Math.max(0, graceEnd - performance.now()));
  const wallS = (performance.now() - started) / 1000;

  const answerTimes: number[] = [];
  let errorReplies = 0;
  let rateLimited = 0;
  let timedOut = 0;
  for (const id of ids) {
    const answer = standIn.answers.get(id);
    if (!answer || answer.at > graceEnd) continue;
    answerTimes.push(answer.at - sentAt.get(id)!);
    if (answer.error) errorReplies++;
    if (answer.rateLimited) rateLimited++;
    if (answer.timedOut) timedOut++;
  }
  const memoryAfter = await bot.memory();
  return {
    round,
    requests: ids.length,
    wallS: round2(wallS),
    perSecond: round2(ids.length / wallS),
    ackedWithin3s: ackTimes.filter((t) => t <= ACK_LIMIT_MS).length,
    ackFailures,
    lost: ids.length - answerTimes.length,
    duplicates: standIn.duplicates - duplicatesBefore,
    errorReplies,
    rateLimited,
    timedOut,
    ackMs: summary(ackTimes),
    answerMs: summary(answerTimes),
    memoryBefore: { heapMB: round2(memoryBefore.heapUsedMB), rssMB: round2(memoryBefore.rssMB) },
    memoryAfter: { heapMB: round2(memoryAfter.heapUsedMB), rssMB: round2(memoryAfter.rssMB) },
    errorsLogged: memoryAfter.errorsLogged - memoryBefore.errorsLogged,
    loadAverage: round2(loadavg()[0]!),
  };
}

/**
 * Growth when the heap after each round is above the one before and the last is more than 2 MB or
 * 5% over the first: round 1 absorbs one-time start-up (lazy modules, caches), so the trend is
 * judged from there on.
 */
function memoryVerdict(rounds: RoundResult[]): { growing: boolean; text: string } {
  if (!rounds.length) return { growing: false, text: 'no rounds run' };
  const heaps = rounds.map((r) => r.memoryAfter.heapMB);
  const first = heaps[0]!;
  const last = heaps.at(-1)!;
  const rising = heaps.every((h, i) => i === 0 || h > heaps[i - 1]!);
  const growing = rising && last - first > Math.max(2, first * 0.05);
  const change = `${last - first >= 0 ? '+' : ''}${(last - first).toFixed(1)} MB`;
  return {
    growing,
    text:
      `${growing ? 'growing' : 'no growth trend'}: heap after rounds ` +
      `${heaps.map((h) => h.toFixed(1)).join(' → ')} MB (${change} from round ` +
      `1 to ${rounds.length})`,
  };
}

interface ChartsResult {
  /** Where the bot draws its charts: its chart workers, or its main thread (LOAD_CHARTS_IN_THREAD=1). */
  drawnOn: string;
  shares: number;
  uploaded: number;
  /** Shared answers posted without their chart because the chart workers were busy. */
  leftOut: number;
  /** From the Share presses to the last chart uploaded (or left out). */
  lastChartS: number;
  /** Slash commands sent from the presses until the last chart, and their acks. */
  requests: number;
  ackedWithin3s: number;
  ackMs: Latency;
  /** The acks of the Share presses themselves. */
  shareAckMs: Latency;
  loadAverage: number;
}

/** Sends a signed Share press for `CHART_QUERY` as user `user`; resolves with its ack time in ms. */
async function pressShare(id: string, user: string): Promise<number> {
  const body = interactionBody(
    buttonPayload(ACTIONS.share, JSON.stringify({ t: CHART_QUERY }), `${standIn.url}/response/${id}`, user),
  );
  const t0 = performance.now();
  const res = await fetch(eventsUrl, {
    method: 'POST',
    headers: slackHeaders(secret, body, 'application/x-www-form-urlencoded'),
    body,
  });
  await res.arrayBuffer();
  return performance.now() - t0;
}

/**
 * What a bot that has run a while has done: answered each kind of command and drawn a chart, so
 * that loading models and Vega (over a second for the first chart) is not counted as the charts' cost.
 */
async function warmUp(run: string): Promise<void> {
  const uploads = standIn.uploads.length;
  await pressShare(`warm-share-${run}`, 'U0');
  await Promise.all(
    Array.from({ length: 20 }, async (_, i) => {
      const id = `warm-${run}-${i}`;
      const body = commandBody(id, i);
      await fetch(eventsUrl, {
        method: 'POST',
        headers: slackHeaders(secret, body, 'application/x-www-form-urlencoded'),
        body,
      });
      await standIn.answered(id, ANSWER_WAIT_MS);
    }),
  );
  const deadline = performance.now() + CHARTS_WAIT_MS;
  while (standIn.uploads.length === uploads && performance.now() < deadline)
    await new Promise((r) => setTimeout(r, 20));
}

/**
 * With 50 slash-command clients running as in a round, presses Share on CHARTS figures answers at
 * once; each Share answers in the channel and draws and uploads the answer's chart. Measures the
 * acks of every slash command sent while the charts are drawn.
 */
async function runCharts(drawnOn: string): Promise<ChartsResult> {
  // Ids go into response_url paths.
  const run = drawnOn.replace(/\W+/g, '-');
  await warmUp(run);
  const uploadsBefore = standIn.uploads.length;
  const sends: { at: number; ackMs?: number }[] = [];
  let drawing = true;
  let next = 0;
  const client = async () => {
    while (drawing) {
      const i = next++;
      const id = `charts-${run}-${i}`;
      const send: { at: number; ackMs?: number } = { at: performance.now() };
      sends.push(send);
      send.ackMs = await sendCommand(id, i, send.at);
      await standIn.answered(id, ANSWER_WAIT_MS);
    }
  };
  const clients = Promise.all(Array.from({ length: CONCURRENCY }, client));
  await new Promise((r) => setTimeout(r, CHARTS_LEAD_MS));

  const pressed = performance.now();
  const shareIds = Array.from({ length: CHARTS }, (_, n) => `share-${run}-${n}`);
  const shareAcks = await Promise.all(shareIds.map((id, n) => pressShare(id, `U${n}`)));
  const leftOut = () => shareIds.filter((id) => standIn.answers.get(id)?.chartLeftOut).length;
  const deadline = pressed + CHARTS_WAIT_MS;
  while (standIn.uploads.length - uploadsBefore + leftOut() < CHARTS && performance.now() < deadline)
    await new Promise((r) => setTimeout(r, 20));
  const done = Math.max(
    pressed,
    ...standIn.uploads.slice(uploadsBefore),
    ...shareIds.map((id) => standIn.answers.get(id)?.at ?? 0),
  );
  drawing = false;
  await clients;

  const during = sends.filter((s) => s.at >= pressed && s.at <= done);
  const acks = during.flatMap((s) => (s.ackMs === undefined ? [] : [s.ackMs]));
  return {
    drawnOn,
    shares: CHARTS,
    uploaded: standIn.uploads.length - uploadsBefore,
    leftOut: leftOut(),
    lastChartS: round2((done - pressed) / 1000),
    requests: during.length,
    ackedWithin3s: acks.filter((t) => t <= ACK_LIMIT_MS).length,
    ackMs: summary(acks),
    shareAckMs: summary(shareAcks),
    loadAverage: round2(loadavg()[0]!),
  };
}

const rounds: RoundResult[] = [];
for (let round = 1; round <= ROUNDS; round++) {
  const result = await runRound(round);
  rounds.push(result);
  console.error(
    `round ${round}: ${result.requests} requests in ${result.wallS} s, ${result.lost} lost, ack p99 ` +
      `${result.ackMs.p99} ms, answer p99 ${result.answerMs.p99} ms`,
  );
}
const charts: ChartsResult[] = [];
const reportCharts = (r: ChartsResult) =>
  console.error(
    `charts on ${r.drawnOn}: ${r.uploaded}/${r.shares} uploaded in ${r.lastChartS} s, ack p99 ${r.ackMs.p99} ms over ` +
      `${r.requests} requests`,
  );
charts.push(await runCharts('worker threads'));
reportCharts(charts[0]!);
await bot.stop();
// The same presses to a bot that draws its charts on its main thread, as before the chart workers.
bot = await BotProcess.start({ ...botEnv, LOAD_CHARTS_IN_THREAD: '1' });
eventsUrl = `http://127.0.0.1:${bot.port}/slack/events`;
charts.push(await runCharts('main thread'));
reportCharts(charts[1]!);
await bot.stop();
await standIn.stop();

const verdict = memoryVerdict(rounds);
console.log(
  `${machine.cpu}, ${machine.cores} cores, Node ${machine.node}. ${REQUESTS} signed /brief requests per round, ` +
    `${CONCURRENCY} in flight, ${USERS} users, ${CHANNELS} channels, corpus/ ` +
    `(${bot.passages} passages). Latencies in ms.\n`,
);
/** A latency's p50 / p99 / max. */
const spread = (l: Latency) => `${l.p50} / ${l.p99} / ${l.max}`;
/** Columns both tables show: how many slash commands were acked in time, and how fast. */
type Acks = { ackedWithin3s: number; requests: number; ackMs: Latency };
const ACKED: Column<Acks> = ['acked ≤ 3 s', (r) => `${r.ackedWithin3s}/${r.requests}`];
const ACK_SPREAD: Column<Acks> = ['ack p50 / p99 / max', (r) => spread(r.ackMs)];
const memoryChange = (r: RoundResult, of: keyof Memory, digits: number) =>
  `${r.memoryBefore[of].toFixed(digits)} → ${r.memoryAfter[of].toFixed(digits)}`;
console.log(
  markdownTable<RoundResult>(
    [
      ['round', (r) => r.round],
      ACKED,
      ['lost', (r) => r.lost],
      ['rate-limited', (r) => r.rateLimited],
      ['timed out', (r) => r.timedOut],
      ['error replies', (r) => r.errorReplies],
      ACK_SPREAD,
      ['answer p50 / p99 / max', (r) => spread(r.answerMs)],
      ['req/s', (r) => r.perSecond],
      ['heap before → after (MB)', (r) => memoryChange(r, 'heapMB', 1)],
      ['RSS before → after (MB)', (r) => memoryChange(r, 'rssMB', 0)],
    ],
    rounds,
  ),
);
console.log(
  `\nMemory: ${verdict.text}. Load average at each round's end: ${rounds.map((r) => r.loadAverage).join(', ')}.`,
);
console.log(
  `\n${CHARTS} Share presses at once on \`${CHART_QUERY}\` while the slash commands go on; acks of the slash ` +
    `commands sent until the last chart was uploaded. Latencies in ms.\n`,
);
console.log(
  markdownTable<ChartsResult>(
    [
      ['charts drawn on', (c) => c.drawnOn],
      ['charts uploaded', (c) => `${c.uploaded}/${c.shares}`],
      ['left out (busy)', (c) => c.leftOut],
      ['last chart after (s)', (c) => c.lastChartS],
      ['slash commands meanwhile', (c) => c.requests],
      ACKED,
      ACK_SPREAD,
      ['Share ack p50 / p99 / max', (c) => spread(c.shareAckMs)],
    ],
    charts,
  ),
);
const errorsLogged = rounds.reduce((n, r) => n + r.errorsLogged, 0);
if (errorsLogged) console.log(`The bot logged ${errorsLogged} error lines (above).`);

await writeFile(
  join(benchDir, 'load-results.json'),
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      machine,
      setup: {
        requestsPerRound: REQUESTS,
        concurrency: CONCURRENCY,
        rounds: ROUNDS,
        users: USERS,
        channels: CHANNELS,
        passages: bot.passages,
        ackLimitMs: ACK_LIMIT_MS,
        answerWaitMs: ANSWER_WAIT_MS,
        graceMs: GRACE_MS,
        chartShares: CHARTS,
        chartQuery: CHART_QUERY,
      },
      rounds,
      memory: verdict,
      charts,
    },
    null,
    2,
  )}\n`,
);
