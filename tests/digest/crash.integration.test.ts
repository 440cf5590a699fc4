import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SlackStub, type StoredMessage } from '../adapters/slack/slack-stub.js';
import { digestWorld, newsroom } from './fixtures.js';

/**
 * The bot killed with SIGKILL at each step of the delivery protocol, then started again: every
 * slot reaches its channel exactly once, and no passage reaches a channel twice. Real processes,
 * a real SQLite file, the real Slack adapter against a stand-in that keeps what it is sent.
 */

const SCRIPT = fileURLToPath(new URL('./slack-digest-process.ts', import.meta.url));
const CHANNELS = ['C-1', 'C-2', 'C-3', 'C-4', 'C-5', 'C-6'];
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const stub = new SlackStub();
let world: Awaited<ReturnType<typeof digestWorld>>;
let child: ChildProcess | undefined;
/** Today's slot, a minute ago, so that the stand-in's own clock agrees with the bot's. */
let slot: Date;

beforeAll(async () => {
  await stub.start();
});
afterAll(async () => {
  await stub.stop();
});
beforeEach(async () => {
  world = await digestWorld();
  stub.messages.length = 0;
  stub.calls.length = 0;
  slot = new Date(Math.floor(Date.now() / MINUTE) * MINUTE - MINUTE);
  const store = world.openStore();
  for (const channelId of CHANNELS)
    store.subscribe(
      { ...newsroom, channelId, time: slot.toISOString().slice(11, 16), timeZone: 'UTC' },
      new Date(slot.getTime() - 10 * MINUTE),
    );
  store.close();
});
afterEach(async () => {
  stub.onRequest = undefined;
  if (child?.exitCode === null) child.kill('SIGKILL');
  await world.cleanup();
});

/** Runs the bot once, ticking at `instant`; resolves with how it ended. */
function runBot(
  instant: Date,
  crashAt?: string,
): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', SCRIPT, world.corpusDir, world.dbPath, `${stub.url}/api/`, instant.toISOString()],
    { env: { ...process.env, CRASH_AT: crashAt ?? '' }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  child = proc;
  let stderr = '';
  proc.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve) => proc.once('exit', (code, signal) => resolve({ code, signal, stderr })));
}

/** The excerpts a Slack message quotes, as `title ¶n`, read from its citation lines. */
const quoted = (message: StoredMessage) =>
  (message.blocks ?? []).flatMap((b) =>
    b.type === 'context'
      ? (b.elements ?? []).flatMap((e) => {
          const m = /^“([^”]+)”.*¶(\d+)/.exec(e.text ?? '');
          return m ? [`${m[1]} ¶${m[2]}`] : [];
        })
      : [],
  );

const keyOf = (m: StoredMessage) => m.metadata?.event_payload.key;

async function expectEachChannelOnce(instant: Date, perChannel: number) {
  for (const channel of CHANNELS) {
    const messages = stub.messagesIn(channel);
    expect(messages, channel).toHaveLength(perChannel);
    expect(new Set(messages.map(keyOf)).size).toBe(perChannel);
    const passages = messages.flatMap(quoted);
    expect(passages.length).toBeGreaterThanOrEqual(perChannel);
    expect(new Set(passages).size, `${channel}: ${passages.join(', ')}`).toBe(passages.length);
  }
  const store = world.openStore();
  for (const sub of store.subscriptions()) expect(store.run(sub.id, instant)?.state).toBe('sent');
  expect(store.countUnfinishedRuns()).toBe(0);
  store.close();
}

describe('a bot killed mid-digest (kill -9) and started again', () => {
  const steps: [string, string | undefined][] = [
    ['after claiming a slot', 'claimRun#3'],
    ['after composing a digest, before marking it posting', 'before:markPosting#3'],
    ['after marking a digest posting, before it left', 'markPosting#3'],
    ['after Slack took a post, before it answered', undefined],
    ['after recording a digest sent', 'markSent#3'],
  ];
  for (const [step, crashAt] of steps) {
    it(`${step}: every slot reaches its channel once, and no passage twice`, async () => {
      if (!crashAt) {
        let posts = 0;
        stub.onRequest = (call) => {
          if (call.path === '/api/chat.postMessage' && ++posts === 3) child?.kill('SIGKILL');
        };
      }
      const crashed = await runBot(new Date(slot.getTime() + MINUTE), crashAt);
      expect(crashed.signal, crashed.stderr).toBe('SIGKILL');
      stub.onRequest = undefined;
      // Past the dead process's 2-minute lease, and the 15 s before an unconfirmed post is looked for.
      const again = await runBot(new Date(slot.getTime() + 5 * MINUTE));
      expect(again.code, again.stderr).toBe(0);
      await expectEachChannelOnce(slot, 1);
      expect(await runBot(new Date(slot.getTime() + DAY))).toMatchObject({ code: 0 });
      await expectEachChannelOnce(new Date(slot.getTime() + DAY), 2);
      // Three bot processes, each starting from the sources: a minute is not enough on a loaded machine.
    }, 180_000);
  }
});
