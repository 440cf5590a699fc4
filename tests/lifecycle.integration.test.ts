import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { SqliteDigestStore } from '../src/digest/sqlite-store.js';
import { SlackStub, slackHeaders, slashCommandBody } from './adapters/slack/slack-stub.js';
import { freePort } from './support/ports.js';

/**
 * The bot as it runs in production: `adapters/main.ts` in a child process, in Slack HTTP mode,
 * talking to a Slack stand-in on 127.0.0.1, stopped with SIGTERM while it is busy.
 */

const SECRET = 'lifecycle-signing-secret';
const ROOT = resolve(import.meta.dirname, '..');
const HARBOUR = `---
title: Harbour dredging report
date: 2026-02-01
---

The dredging of the outer harbour began in March and cost the port four million euros.

Dredging crews worked through the night to finish the channel before the ferry season.
`;

const stub = new SlackStub();
let dir: string;
let corpus: string;
let child: ChildProcess | undefined;

beforeAll(async () => {
  await stub.start();
  dir = await mkdtemp(join(tmpdir(), 'dossier-lifecycle-'));
  corpus = join(dir, 'corpus');
  await mkdir(corpus);
  await writeFile(join(corpus, 'harbour.md'), HARBOUR);
});

afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = undefined;
});

afterAll(async () => {
  await stub.stop();
  await rm(dir, { recursive: true, force: true });
});

interface Bot {
  process: ChildProcess;
  port: number;
  lines: Record<string, unknown>[];
  exited: Promise<{ code: number | null; at: number }>;
  /** Resolves once a log line with this message has been written. */
  logged(msg: string, ms?: number): Promise<void>;
}

/** How the tests start the bot: from the TypeScript sources, so they need no build. */
const FROM_SOURCES = [process.execPath, '--import', 'tsx', 'adapters/main.ts'];

/**
 * Starts the bot over `corpus` with its database at `db`, in Slack HTTP mode against the stand-in,
 * with `command` run in the project's folder.
 */
async function startBot(db: string, command = FROM_SOURCES): Promise<Bot> {
  const port = await freePort();
  const env = {
    PATH: process.env.PATH,
    // npm keeps its cache and settings under HOME.
    HOME: process.env.HOME,
    CORPUS_DIR: corpus,
    CACHE_DIR: join(dir, 'cache'),
    DATABASE_PATH: db,
    LOG_LEVEL: 'info',
    SLACK_BOT_TOKEN: 'xoxb-lifecycle-test',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_PORT: String(port),
    SLACK_API_URL: `${stub.url}/api/`,
  };
  const proc = spawn(command[0]!, command.slice(1), {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child = proc;
  const lines: Record<string, unknown>[] = [];
  createInterface({ input: proc.stderr!, crlfDelay: Infinity }).on('line', (line) => {
    try {
      lines.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      lines.push({ msg: line });
    }
  });
  // On 'close', not 'exit': a process can exit before its last lines are read from the pipe, and tests read them.
  const exited = new Promise<{ code: number | null; at: number }>((done) =>
    proc.once('close', (code) => done({ code, at: Date.now() })),
  );
  // Start-up builds the index, WordNet's bridges included: seconds on a loaded machine.
  const logged = async (msg: string, ms = 60_000) => {
    const deadline = Date.now() + ms;
    while (!lines.some((l) => l.msg === msg)) {
      if (proc.exitCode !== null || Date.now() > deadline)
        throw new Error(`the bot did not log "${msg}"; it logged:\n${lines.map((l) => JSON.stringify(l)).join('\n')}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  return { process: proc, port, lines, exited, logged };
}

let responses = 0;
/** Sends a signed /brief as Slack would; resolves with the response_url its answer goes to. */
async function slashCommand(bot: Bot, text: string): Promise<string> {
  const responseUrl = `${stub.url}/response/lifecycle-${++responses}`;
  const body = slashCommandBody({ text, responseUrl });
  const res = await fetch(`http://127.0.0.1:${bot.port}/slack/events`, {
    method: 'POST',
    headers: slackHeaders(SECRET, body, 'application/x-www-form-urlencoded'),
    body,
  });
  expect(res.status).toBe(200);
  return responseUrl;
}

const pathOf = (url: string) => new URL(url).pathname;
const textOf = (body: Record<string, unknown>) => JSON.stringify(body.blocks ?? body.text ?? '');

describe('the database file deleted while the bot runs', () => {
  it(
    'is reported at once in /healthz (degraded, naming the file) and once in ' + 'the log, and nothing more is written',
    async () => {
      const db = join(dir, 'deleted.db');
      const bot = await startBot(db);
      await bot.logged('dossier is running');
      await rm(db);
      const health = await fetch(`http://127.0.0.1:${bot.port}/healthz`);
      expect(health.status).toBe(200);
      const report = (await health.json()) as { status: string; problems: string[]; database: { problem: string } };
      expect(report.status).toBe('degraded');
      expect(report.database.problem).toContain(`the digest database ${db} was deleted while Dossier ran`);
      expect(report.problems).toContainEqual(expect.stringContaining(db));
      await bot.logged('the digest database cannot be used: digests and subscription changes are stopped');

      const url = await slashCommand(bot, 'digest subscribe dredging at 07:00');
      const answer = await stub.waitFor((c) => c.path === pathOf(url));
      expect(textOf(answer.body)).toContain('database file is missing');
      bot.process.kill('SIGTERM');
      expect((await bot.exited).code).toBe(0);
      expect(
        bot.lines.filter(
          (l) => l.msg === 'the digest database cannot be used: digests and subscription changes are stopped',
        ),
      ).toHaveLength(1);
      // What the open database held is saved beside it: moved back, every subscription is kept.
      const copy = new SqliteDigestStore(`${db}.recovered`);
      expect(copy.subscriptions()).toEqual([]);
      copy.close();
    },
    45_000,
  );
});

describe('a database the bot cannot open', () => {
  /** Starts the bot on `db`; resolves with its exit code and the lines it wrote (JSON logs as their `msg`). */
  async function refused(db: string): Promise<{ code: number | null; said: string[] }> {
    const bot = await startBot(db);
    // 'close' comes once its stderr is read to the end, so every line it wrote is in.
    const closed = once(bot.process, 'close') as Promise<[number | null]>;
    const timer = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('the bot is still running after 60 s')), 60_000).unref(),
    );
    const [code] = await Promise.race([closed, timer]);
    return { code, said: bot.lines.map((l) => String(l.msg)) };
  }

  // Node's recursive mkdir spun forever on a folder the kernel refuses with ENOENT, deaf even to SIGTERM.
  it.skipIf(!existsSync('/proc/self'))(
    'in a folder the system will not make (under /proc): exits 1 with one line naming DATABASE_PATH',
    async () => {
      const { code, said } = await refused('/proc/dossier-nowhere/x.db');
      expect(code).toBe(1);
      expect(said.filter((line) => line.startsWith('dossier:'))).toEqual([
        expect.stringMatching(
          /^dossier: Could not open the digest database \/proc\/dossier-nowhere\/x\.db \(DATABASE_PATH\): ENOENT/,
        ),
      ]);
    },
    90_000,
  );

  // Root may write any file, so this one is for a run as anyone else.
  it.skipIf(process.getuid?.() === 0)(
    'a read-only file: exits 1 with one line naming it and DATABASE_PATH, before the first write fails',
    async () => {
      const db = join(dir, 'read-only.db');
      new SqliteDigestStore(db).close();
      await chmod(db, 0o444);
      const { code, said } = await refused(db);
      expect(code).toBe(1);
      expect(said.filter((line) => line.startsWith('dossier:'))).toEqual([
        `dossier: Could not open the digest database ${db} (DATABASE_PATH): attempt to write a readonly database.`,
      ]);
    },
    90_000,
  );
});

describe('a platform whose refusal echoes the secrets it was sent', () => {
  it('is named in one line, with neither the token nor the signing secret in anything the bot writes', async () => {
    stub.failNext('/api/auth.test', {
      status: 200,
      body: { ok: false, error: `invalid_request: Bearer xoxb-lifecycle-test, signed with ${SECRET}` },
    });
    const bot = await startBot(join(dir, 'echo.db'));
    const { code } = await bot.exited;
    expect(code).toBe(1);
    const said = bot.lines.map((l) => String(l.msg));
    expect(said).toContain(
      'dossier: Could not check the bot token with Slack (invalid_request: Bearer [secret], signed with [secret]): ' +
        'check the network and SLACK_API_URL.',
    );
    const written = JSON.stringify(bot.lines);
    expect(written).not.toContain('xoxb-lifecycle-test');
    expect(written).not.toContain(SECRET);
  }, 60_000);
});

describe('shutdown on SIGTERM', () => {
  it('finishes an answer in flight, refuses new commands meanwhile, and exits 0 within 10 s', async () => {
    const bot = await startBot(join(dir, 'answers.db'));
    await bot.logged('dossier is running');
    const health = await fetch(`http://127.0.0.1:${bot.port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      status: 'ok',
      index: { documents: 1, passages: 2 },
      database: { state: 'open', unfinishedSlots: 0 },
      platforms: { slack: { state: 'connected', mode: 'http' } },
    });

    // Slack is slow to take the answer: it is in flight when the signal comes.
    const answerUrl = `${stub.url}/response/lifecycle-${responses + 1}`;
    const release = stub.hold(pathOf(answerUrl));
    await slashCommand(bot, 'how much did the harbour dredging cost?');
    await stub.waitFor((c) => c.path === pathOf(answerUrl));
    const signalled = Date.now();
    bot.process.kill('SIGTERM');
    await bot.logged('stopping: finishing the answers and digests in flight');

    const during = await fetch(`http://127.0.0.1:${bot.port}/healthz`);
    expect(during.status).toBe(503);
    expect(await during.json()).toMatchObject({ status: 'stopping' });
    const lateUrl = await slashCommand(bot, 'who dredged the harbour?');
    const late = await stub.waitFor((c) => c.path === pathOf(lateUrl));
    expect(textOf(late.body)).toContain('restarting');
    expect(bot.process.exitCode).toBeNull();

    release();
    const { code, at } = await bot.exited;
    expect(code).toBe(0);
    expect(at - signalled).toBeLessThan(10_000);
    const answer = stub.callsTo(pathOf(answerUrl));
    expect(answer).toHaveLength(1);
    expect(textOf(answer[0]!.body)).toContain('four million euros');
    expect(bot.lines.map((l) => l.msg)).toContain('stopped');
  }, 45_000);

  describe('during a digest', () => {
    /** A database with one daily digest whose slot came five minutes ago: the bot sends it as it starts. */
    function dueDigest(name: string, channelId: string): { db: string; subscription: number; slot: string } {
      const db = join(dir, `${name}.db`);
      const now = Date.now();
      const due = new Date(now - 5 * 60_000);
      const store = new SqliteDigestStore(db);
      const subscription = store.subscribe(
        {
          platform: 'slack',
          channelId,
          subscriberId: 'U1',
          topics: ['dredging'],
          time: due.toISOString().slice(11, 16),
          days: [0, 1, 2, 3, 4, 5, 6],
          timeZone: 'UTC',
        },
        new Date(now - 86_400_000),
      ).id;
      store.close();
      return { db, subscription, slot: `${due.toISOString().slice(0, 16)}:00.000Z` };
    }

    const digestPosts = (channel: string) =>
      stub.callsTo('/api/chat.postMessage').filter((c) => c.body.channel === channel);
    /**
     * A digest due for `channel`, the bot started, and SIGTERM sent while Slack holds its post: the post is let
     * go by `release`.
     */
    const signalledWhilePosting = async (name: string, channel: string) => {
      const due = dueDigest(name, channel);
      const release = stub.hold('/api/chat.postMessage');
      const bot = await startBot(due.db);
      await stub.waitFor((c) => c.path === '/api/chat.postMessage' && c.body.channel === channel, { ms: 20_000 });
      const signalled = Date.now();
      bot.process.kill('SIGTERM');
      return { ...due, release, bot, signalled };
    };

    const runsOf = (db: string, subscription: number) => {
      const store = new SqliteDigestStore(db);
      const runs = store.runs(subscription).map((r) => [r.slot, r.state]);
      store.close();
      return runs;
    };

    it(
      'lets the post in progress finish, exits 0, and after a restart the slot ' + 'is neither lost nor sent again',
      async () => {
        const { db, subscription, slot, release, bot, signalled } = await signalledWhilePosting('finish', 'C-FINISH');
        await bot.logged('stopping: finishing the answers and digests in flight');
        await new Promise((r) => setTimeout(r, 300));
        expect(bot.process.exitCode).toBeNull();
        release();
        const { code, at } = await bot.exited;
        expect(code).toBe(0);
        expect(at - signalled).toBeLessThan(10_000);
        expect(digestPosts('C-FINISH')).toHaveLength(1);
        expect(textOf(digestPosts('C-FINISH')[0]!.body)).toContain('dredging');

        const again = await startBot(db);
        await again.logged('dossier is running');
        again.process.kill('SIGTERM');
        expect((await again.exited).code).toBe(0);
        expect(digestPosts('C-FINISH')).toHaveLength(1);
        expect(runsOf(db, subscription)).toEqual([[slot, 'sent']]);
      },
      150_000,
    );

    it(
      'Slack takes the post at once and answers after 12 s: the client gives ' +
        'up, finds it in the channel, never posts it again',
      async () => {
        const { db, subscription, slot } = dueDigest('slow', 'C-SLOW');
        stub.failNext('/api/chat.postMessage', { status: 200, body: { ok: true, ts: '1.000001' }, delayMs: 12_000 });
        const bot = await startBot(db);
        await bot.logged('digest outcome unknown; it will be looked for in the channel before any re-post', 30_000);
        await bot.logged('digest found in the channel after an unconfirmed post', 40_000);
        expect(digestPosts('C-SLOW')).toHaveLength(1);
        expect(stub.callsTo('/api/conversations.history').at(-1)?.body).toMatchObject({ channel: 'C-SLOW' });
        expect(runsOf(db, subscription)).toEqual([[slot, 'sent']]);
        bot.process.kill('SIGTERM');
        expect((await bot.exited).code).toBe(0);
      },
      90_000,
    );

    it(
      'SIGTERM while Slack holds the post: exits within 10 s, and the next ' +
        'start finds it in the channel, posted once',
      async () => {
        const { db, subscription, slot, release, bot, signalled } = await signalledWhilePosting('held', 'C-HELD');
        const { code, at } = await bot.exited;
        expect(code).toBe(0);
        expect(at - signalled).toBeLessThan(10_000);
        expect(runsOf(db, subscription)).toEqual([[slot, 'unknown']]);
        release();

        const again = await startBot(db);
        await again.logged('digest found in the channel after an unconfirmed post', 40_000);
        again.process.kill('SIGTERM');
        expect((await again.exited).code).toBe(0);
        expect(digestPosts('C-HELD')).toHaveLength(1);
        expect(runsOf(db, subscription)).toEqual([[slot, 'sent']]);
      },
      90_000,
    );
  });
});

describe('the starts the README gives operators', () => {
  // Both run the build in dist/: bring it up to date with the sources first, as `npm install` does.
  beforeAll(() => {
    const build = spawnSync(process.execPath, ['scripts/build.mjs', '--if-changed'], { cwd: ROOT, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
  }, 300_000);

  for (const command of [
    ['npm', 'start'],
    ['node', 'dist/adapters/main.js'],
  ]) {
    it(`${command.join(' ')}: SIGTERM to it reaches the bot, which answers, stops in order and exits 0`, async () => {
      const bot = await startBot(join(dir, `${command[0]}.db`), command);
      await bot.logged('dossier is running');
      const botPid = bot.lines.find((l) => l.msg === 'dossier is running')!.pid as number;
      // Should the signal not reach it, the bot is not left running after the test.
      onTestFinished(() => {
        try {
          process.kill(botPid, 'SIGKILL');
        } catch {
          // Gone, as it should be.
        }
      });
      const answerUrl = await slashCommand(bot, 'how much did the harbour dredging cost?');
      expect(textOf((await stub.waitFor((c) => c.path === pathOf(answerUrl))).body)).toContain('four million euros');

      const signalled = Date.now();
      bot.process.kill('SIGTERM');
      const { code, at } = await bot.exited;
      expect(code).toBe(0);
      // Nothing in flight: stopped in a few seconds, well within the 10 s an orchestrator waits.
      expect(at - signalled).toBeLessThan(5_000);
      const said = bot.lines.map((l) => l.msg);
      const stopping = said.indexOf('stopping: finishing the answers and digests in flight');
      expect(stopping).toBeGreaterThan(-1);
      expect(said.indexOf('stopped'), JSON.stringify(bot.lines)).toBeGreaterThan(stopping);
      // The bot itself is gone, not left running without its parent.
      expect(() => process.kill(botPid, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
    }, 150_000);
  }
});
