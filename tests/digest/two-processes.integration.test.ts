import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { at, digestWorld, newsroom } from './fixtures.js';

const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL('./tick-process.ts', import.meta.url));

let world: Awaited<ReturnType<typeof digestWorld>>;
beforeEach(async () => {
  world = await digestWorld();
});
afterEach(() => world.cleanup());

describe('two bot processes on one database file', () => {
  it('send each slot once between them', async () => {
    const store = world.openStore();
    const channels = Array.from({ length: 12 }, (_, i) => `C-${i}`);
    for (const channelId of channels) store.subscribe({ ...newsroom, channelId }, at('2026-03-03T10:00Z'));
    store.close();

    const tick = () =>
      run(process.execPath, ['--import', 'tsx', SCRIPT, world.corpusDir, world.dbPath, '2026-03-03T13:00:00Z']);
    const outputs = await Promise.all([tick(), tick()]);
    const posted = outputs.flatMap(({ stdout }) => stdout.split('\n').filter(Boolean));
    expect(posted.sort()).toEqual(channels.map((c) => `posted ${c}`).sort());

    const after = world.openStore();
    expect(after.subscriptions().map((s) => after.run(s.id, at('2026-03-03T13:00Z'))?.state)).toEqual(
      channels.map(() => 'sent'),
    );
  }, 60_000);
});
