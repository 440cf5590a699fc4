import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botContext } from '../../../adapters/bot.js';
import { DiscordAdapter } from '../../../adapters/discord/adapter.js';
import { CommandGate } from '../../../src/commands/index.js';
import { Dossier } from '../../../src/engine/dossier.js';
import { silentLogger } from '../../../src/log.js';
import { ManualClock } from '../../support/manual-clock.js';
import { ASKER, BYSTANDER, DiscordStandIn, type RecordedRequest } from './stand-in.js';
import { startDiscordAdapter } from './start-adapter.js';

let standIn: DiscordStandIn;
let adapter: DiscordAdapter;
let corpusDir: string;

beforeAll(async () => {
  corpusDir = await mkdtemp(join(tmpdir(), 'dossier-discord-gate-'));
  await writeFile(
    join(corpusDir, 'tram.md'),
    '# Tram funding\n\nThe tram funding plan was approved by the council in March.\n',
  );
  const dossier = await Dossier.open({ corpusDir });
  standIn = await DiscordStandIn.start();
  // One command a minute per user; the clock never moves, so the second is refused.
  const gate = new CommandGate({ userPerMinute: 1, channelPerMinute: 0, clock: new ManualClock() });
  adapter = await startDiscordAdapter(standIn, botContext({ dossier, log: silentLogger(), gate }));
});

afterAll(async () => {
  await adapter?.stop();
  await standIn?.close();
  await rm(corpusDir, { recursive: true, force: true });
});

/** Sends `/brief ask` and returns its deferral and the answer that replaced it. */
async function ask(question: string, user = ASKER): Promise<{ deferral: RecordedRequest; answer: RecordedRequest }> {
  const { id, token } = standIn.interact(standIn.command('ask', { question }, user));
  const deferral = await standIn.waitFor(
    (r) => r.method === 'POST' && r.path === `/interactions/${id}/${token}/callback`,
  );
  const answer = await standIn.waitFor((r) => r.method === 'PATCH' && r.path.endsWith(`/${token}/messages/@original`));
  return { deferral, answer };
}

describe('DiscordAdapter with a command gate', () => {
  it('answers a user past the rate limit privately, without buttons, naming the wait', async () => {
    expect(JSON.stringify((await ask('tram funding')).answer.body)).toContain('council');
    const { deferral, answer } = await ask('tram funding');
    expect(deferral.body).toEqual({ type: 5, data: { flags: 64 } });
    expect(JSON.stringify(answer.body)).toContain("You're going a bit fast — try again in 60 s.");
    expect(answer.body.components ?? []).toEqual([]);
    expect(JSON.stringify((await ask('tram funding', BYSTANDER)).answer.body)).toContain('council');
  });
});
