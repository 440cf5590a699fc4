// The bot as the benches run it: adapters/main.ts in Slack HTTP mode with its Web API pointing at
// a Slack stand-in, and the probes that time /healthz and signed slash commands meanwhile.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import { slackHeaders, slashCommandBody } from '../tests/adapters/slack/slack-stub.js';
import { freePort } from '../tests/support/ports.js';
import { projectDir } from './setup.js';
import { percentile } from './stats.js';

export interface Bot {
  process: ChildProcess;
  port: number;
  exited: Promise<void>;
}

export interface BotSettings {
  corpusDir: string;
  cacheDir: string;
  databasePath: string;
  /** The Slack stand-in's address. */
  slackUrl: string;
  signingSecret: string;
  /** Each line the bot logs (JSON), besides errors, which are printed. */
  onLog?: (line: string) => void;
}

/** Starts the bot and resolves once it says it is running. */
export async function startBot(settings: BotSettings): Promise<Bot> {
  const port = await freePort();
  const proc = spawn(process.execPath, ['--import', 'tsx', 'adapters/main.ts'], {
    cwd: projectDir,
    env: {
      PATH: process.env.PATH,
      CORPUS_DIR: settings.corpusDir,
      CACHE_DIR: settings.cacheDir,
      DATABASE_PATH: settings.databasePath,
      LOG_LEVEL: 'info',
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: settings.signingSecret,
      SLACK_PORT: String(port),
      SLACK_API_URL: `${settings.slackUrl}/api/`,
      RATE_LIMIT_USER_PER_MINUTE: '0',
      RATE_LIMIT_CHANNEL_PER_MINUTE: '0',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<void>((done) => proc.once('exit', () => done()));
  let running = false;
  createInterface({ input: proc.stderr!, crlfDelay: Infinity }).on('line', (line) => {
    if (line.includes('"dossier is running"')) running = true;
    else if (/"level":(50|60)/.test(line)) console.error(`[bot] ${line.slice(0, 400)}`);
    settings.onLog?.(line);
  });
  while (!running) {
    if (proc.exitCode !== null) throw new Error('the bot exited while starting');
    await sleep(50);
  }
  return { process: proc, port, exited };
}

export interface Probe {
  /** ms after `started`. */
  at: number;
  ms: number;
  ok: boolean;
}

/** Asks /healthz every 100 ms, one request at a time, noting how long each answer took. */
export async function probe(
  port: () => number | undefined,
  probes: Probe[],
  going: () => boolean,
  started: number,
  expectAnswer: () => boolean = () => true,
): Promise<void> {
  while (going()) {
    await sleep(100);
    if (port() === undefined) continue;
    const t = performance.now();
    try {
      const res = await fetch(`http://127.0.0.1:${port()}/healthz`, { signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      probes.push({ at: t - started, ms: performance.now() - t, ok: res.status === 200 || res.status === 503 });
    } catch {
      if (expectAnswer()) probes.push({ at: t - started, ms: performance.now() - t, ok: false });
    }
  }
}

/** What the /healthz probes of a run come to: the answers' latencies, and how many were slow or unanswered. */
export interface HealthzSummary {
  probes: number;
  p50: number;
  p99: number;
  max: number;
  over1s: number;
  failed: number;
}

export function healthzSummary(probes: Probe[]): HealthzSummary {
  const times = probes.filter((p) => p.ok).map((p) => p.ms);
  times.sort((a, b) => a - b);
  return {
    probes: probes.length,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    max: times.at(-1) ?? NaN,
    over1s: probes.filter((p) => !p.ok || p.ms > 1000).length,
    failed: probes.filter((p) => !p.ok).length,
  };
}

export interface CommandTally {
  sent: number;
  answered: number;
  ackMax: number;
  answerMax: number;
}

/**
 * Sends a signed `/brief <text>` every second; the ack is the HTTP answer, the answer arrives at its
 * response_url on the stand-in, which the caller notes in `answered` (by the id ending the path).
 */
export async function command(
  port: () => number | undefined,
  tally: CommandTally,
  going: () => boolean,
  {
    text,
    slackUrl,
    signingSecret,
    answered,
  }: { text: string; slackUrl: string; signingSecret: string; answered: Set<string> },
): Promise<void> {
  while (going()) {
    await sleep(1000);
    if (port() === undefined) continue;
    const id = `bench-${tally.sent++}`;
    const body = slashCommandBody({ text, responseUrl: `${slackUrl}/response/${id}` });
    const t = performance.now();
    try {
      const res = await fetch(`http://127.0.0.1:${port()}/slack/events`, {
        method: 'POST',
        headers: slackHeaders(signingSecret, body, 'application/x-www-form-urlencoded'),
        body,
        signal: AbortSignal.timeout(5000),
      });
      await res.arrayBuffer();
      tally.ackMax = Math.max(tally.ackMax, performance.now() - t);
      while (!answered.has(id) && performance.now() - t < 5000) await sleep(10);
      if (answered.has(id)) {
        tally.answered++;
        tally.answerMax = Math.max(tally.answerMax, performance.now() - t);
      }
    } catch {
      // Counted as not answered.
    }
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
