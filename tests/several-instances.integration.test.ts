import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgDigestStore } from '../src/digest/pg-store.js';
import { CHANNEL_ID, DiscordStandIn, type RecordedRequest } from './adapters/discord/stand-in.js';
import { CORPUS } from './digest/fixtures.js';
import { tempCorpus } from './support/corpus.js';
import { freePort } from './support/ports.js';
import { HAS_POSTGRES, startCluster, type TestCluster } from './support/postgres.js';

/**
 * Two bot processes (`adapters/main.ts`, as operators run it) on one PostgreSQL database, each with
 * its own Discord connection (a stand-in of its own, so each interaction reaches exactly the
 * process the test means): a digest slot due in both is sent once, a button one made is answered
 * by the other, and buttons still work after both restart.
 */

const ROOT = resolve(import.meta.dirname, '..');
/** The test cluster trusts every local connection, so any password gets in: this one must never be shown. */
const PASSWORD = 'pw-never-shown';

interface Instance {
  name: string;
  process: ChildProcess;
  standIn: DiscordStandIn;
  healthPort: number;
  lines: Record<string, unknown>[];
  exited: Promise<number | null>;
}

let cluster: TestCluster;
let databaseUrl: string;
let corpus: { dir: string; cleanup: () => Promise<void> };
let dir: string;
const standIns: DiscordStandIn[] = [];
const running = new Set<Instance>();

/** Starts the bot over the test corpus and database, on Discord only, and waits until it says it is running. */
async function startInstance(name: string, standIn: DiscordStandIn): Promise<Instance> {
  const healthPort = await freePort();
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    CORPUS_DIR: corpus.dir,
    CACHE_DIR: join(dir, `cache-${name}`),
    DATABASE_URL: databaseUrl.replace('dossier_test@', `dossier_test:${PASSWORD}@`),
    HEALTH_PORT: String(healthPort),
    LOG_LEVEL: 'info',
    TZ_DEFAULT: 'UTC',
    DISCORD_TOKEN: 'stand-in-bot-token',
    DISCORD_API_URL: standIn.apiUrl,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'adapters/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const instance: Instance = {
    name,
    process: child,
    standIn,
    healthPort,
    lines: [],
    exited: new Promise((done) => child.once('exit', (code) => done(code))),
  };
  running.add(instance);
  void instance.exited.then(() => running.delete(instance));
  let partial = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    const parts = (partial + chunk.toString('utf8')).split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) {
      try {
        instance.lines.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        instance.lines.push({ msg: line });
      }
    }
  });
  await waitUntil(
    () => instance.lines.some((l) => l.msg === 'dossier is running'),
    () => `${name} did not start; it logged:\n${instance.lines.map((l) => JSON.stringify(l)).join('\n')}`,
    child,
  );
  return instance;
}

/** Polls `done` until it holds; fails with `why()` when `child` exits first or a minute and a half passes. */
async function waitUntil(done: () => boolean, why: () => string, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (!done()) {
    if (child?.exitCode != null || Date.now() > deadline) throw new Error(why());
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function stopInstance(instance: Instance): Promise<void> {
  instance.process.kill('SIGTERM');
  expect(await instance.exited).toBe(0);
}

const answerTo =
  (token: string) =>
  (r: RecordedRequest): boolean =>
    r.method === 'PATCH' && r.path.includes(`/${token}/`) && r.path.endsWith('/messages/@original');

/** The custom ids of the buttons on an answer the bot sent. */
const buttonIds = (answer: RecordedRequest): string[] =>
  ((answer.body.components ?? []) as { components: { custom_id: string }[] }[]).flatMap((row) =>
    row.components.map((c) => c.custom_id),
  );

/** Presses a button on the instance's own stand-in and resolves with the bot's answer to that press. */
async function press(instance: Instance, customId: string): Promise<RecordedRequest> {
  const { token } = instance.standIn.interact(instance.standIn.button(customId));
  return instance.standIn.waitFor(answerTo(token), 30_000);
}

beforeAll(async () => {
  if (!HAS_POSTGRES) return;
  cluster = await startCluster();
  databaseUrl = await cluster.createDatabase('instances');
  corpus = await tempCorpus(CORPUS);
  dir = await mkdtemp(join(tmpdir(), 'dossier-instances-'));
  standIns.push(await DiscordStandIn.start(), await DiscordStandIn.start());
}, 120_000);

afterAll(async () => {
  for (const instance of running) instance.process.kill('SIGKILL');
  await Promise.all(standIns.map((s) => s.close()));
  await cluster?.stop();
  await corpus?.cleanup();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.runIf(HAS_POSTGRES)('two bot processes on one PostgreSQL database', () => {
  it('send a digest slot due in both once, answer each other’s buttons, and keep them across a restart', async () => {
    // A channel whose digest fell due two minutes ago: each process catches it up as it starts.
    const slot = new Date(Math.floor((Date.now() - 120_000) / 60_000) * 60_000);
    const store = new PgDigestStore(databaseUrl);
    const sub = store.subscribe(
      {
        platform: 'discord',
        channelId: CHANNEL_ID,
        subscriberId: '900000000000000010',
        topics: ['beehives'],
        time: slot.toISOString().slice(11, 16),
        days: [0, 1, 2, 3, 4, 5, 6],
        timeZone: 'UTC',
      },
      new Date(slot.getTime() - 10 * 60_000),
    );

    const [a, b] = await Promise.all([startInstance('a', standIns[0]!), startInstance('b', standIns[1]!)]);
    await waitUntil(
      () => store.run(sub.id, slot)?.state === 'sent',
      () => `the digest slot was not sent: ${JSON.stringify(store.runs(sub.id))}`,
    );
    for (const instance of [a, b]) {
      const health = (await (await fetch(`http://127.0.0.1:${instance.healthPort}/healthz`)).json()) as {
        database: { state: string; path: string };
      };
      expect(health.database).toMatchObject({ state: 'open', path: `${databaseUrl}` });
      expect(JSON.stringify(instance.lines)).not.toContain(PASSWORD);
    }
    const digests = standIns.flatMap((s) => s.channelMessages.filter((m) => m.channelId === CHANNEL_ID));
    expect(digests).toHaveLength(1);
    expect(JSON.stringify(digests[0]!.message)).toMatch(/beehives/i);

    // Asked in process a; its More results pressed in process b, which never saw the question.
    const { token } = a.standIn.interact(a.standIn.command('ask', { question: 'beehives' }));
    const answer = await a.standIn.waitFor(answerTo(token), 30_000);
    const more = buttonIds(answer).find((id) => id.startsWith('brief:more:'));
    const share = buttonIds(answer).find((id) => id.startsWith('brief:share:'));
    expect(more).toBeDefined();
    expect(share).toBeDefined();
    const page = await press(b, more!);
    expect(JSON.stringify(page.body)).not.toMatch(/expired/);
    expect(JSON.stringify(page.body.embeds)).toMatch(/beehives/i);
    expect(JSON.stringify(page.body.embeds)).not.toEqual(JSON.stringify(answer.body.embeds));

    // Both stop and start again: the same buttons still work, in either process.
    await Promise.all([stopInstance(a), stopInstance(b)]);
    const [a2, b2] = await Promise.all([startInstance('a2', standIns[0]!), startInstance('b2', standIns[1]!)]);
    const again = await press(a2, more!);
    expect(JSON.stringify(again.body.embeds)).toEqual(JSON.stringify(page.body.embeds));
    const { token: shareToken } = b2.standIn.interact(b2.standIn.button(share!));
    const shared = await b2.standIn.waitFor(
      (r) => r.method === 'POST' && r.path.endsWith(`/${shareToken}`) && r.body?.flags !== 64,
      30_000,
    );
    expect(JSON.stringify(shared.body)).toMatch(/Shared by/);
    // Still one digest: neither restart sent the slot again.
    expect(standIns.flatMap((s) => s.channelMessages)).toHaveLength(1);
    store.close();
    await Promise.all([stopInstance(a2), stopInstance(b2)]);
  }, 300_000);
});
