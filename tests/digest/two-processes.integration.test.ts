import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgDigestStore } from '../../src/digest/pg-store.js';
import type { DigestStore } from '../../src/digest/store.js';
import { HAS_POSTGRES, startCluster, type TestCluster } from '../support/postgres.js';
import { at, eachDigestWorld, newsroom } from './fixtures.js';

const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL('./tick-process.ts', import.meta.url));

const world = eachDigestWorld();

/** Twelve channels due at one instant, two processes ticking at once on `database`: each channel gets one post. */
async function sendEachSlotOnce(database: string, openStore: () => DigestStore): Promise<void> {
  const store = openStore();
  const channels = Array.from({ length: 12 }, (_, i) => `C-${i}`);
  for (const channelId of channels) store.subscribe({ ...newsroom, channelId }, at('2026-03-03T10:00Z'));
  store.close();

  const tick = () =>
    run(process.execPath, ['--import', 'tsx', SCRIPT, world().corpusDir, database, '2026-03-03T13:00:00Z']);
  const outputs = await Promise.all([tick(), tick()]);
  const posted = outputs.flatMap(({ stdout }) => stdout.split('\n').filter(Boolean));
  expect(posted.sort()).toEqual(channels.map((c) => `posted ${c}`).sort());

  const after = openStore();
  expect(after.subscriptions().map((s) => after.run(s.id, at('2026-03-03T13:00Z'))?.state)).toEqual(
    channels.map(() => 'sent'),
  );
  after.close();
}

describe('two bot processes on one database file', () => {
  it('send each slot once between them', () => sendEachSlotOnce(world().dbPath, () => world().openStore()), 60_000);
});

describe.runIf(HAS_POSTGRES)('two bot processes on one PostgreSQL database', () => {
  let cluster: TestCluster;
  beforeAll(async () => {
    cluster = await startCluster();
  }, 120_000);
  afterAll(() => cluster?.stop());

  it('send each slot once between them', async () => {
    const url = await cluster.createDatabase('two_processes');
    await sendEachSlotOnce(url, () => new PgDigestStore(url));
  }, 60_000);
});
