import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import cron from 'node-cron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plain } from '../../src/answer/reply.js';
import { runText } from '../../src/commands/index.js';
import { loadConfig } from '../../src/config.js';
import { DigestRuntime } from '../../src/digest/index.js';
import { silentLogger } from '../../src/log.js';
import { note } from '../support/corpus.js';
import { RecordingAdapter } from '../support/recording-adapter.js';
import { CHANGED_WHILE_DOWN, changedWhileDown, digestWorld } from './fixtures.js';
import { capturingLogger } from '../support/log.js';

let world: Awaited<ReturnType<typeof digestWorld>>;
let runtime: DigestRuntime | undefined;
beforeEach(async () => {
  world = await digestWorld();
});
afterEach(async () => {
  await runtime?.stop();
  await world.cleanup();
});

const config = (dbPath: string) => ({
  DATABASE_PATH: dbPath,
  TZ_DEFAULT: 'Europe/London',
  DIGEST_MANAGE_SLACK: 'anyone' as const,
  DIGEST_MANAGE_DISCORD: 'managers' as const,
  DIGEST_GRACE_MINUTES: 120,
});
/** A runtime over the world's corpus and database, posting to a Slack stand-in nobody reads. */
const slackRuntime = () =>
  new DigestRuntime({
    config: config(world.dbPath),
    dossier: world.dossier,
    adapters: { slack: new RecordingAdapter() },
    log: silentLogger(),
  });
const digestTasks = () => [...cron.getTasks().values()].filter((t) => t.name?.startsWith('digest-'));

describe('DigestRuntime', () => {
  it(
    'wires store, scheduler, sightings and service: subscriptions made by ' + 'command are served by one node-cron job',
    async () => {
      const slack = new RecordingAdapter('slack');
      runtime = new DigestRuntime({
        config: config(world.dbPath),
        dossier: world.dossier,
        adapters: { slack },
        log: silentLogger(),
      });
      const started = new Date(Date.now() - 1000);
      await runtime.start();
      expect(existsSync(world.dbPath)).toBe(true);
      // A document the engine adds while the digest runs is first seen then, so it leads the next digest.
      writeFileSync(join(world.corpusDir, 'new.md'), note('Swarms', 'Keepers reported three swarms.'));
      await world.dossier.rescan();
      expect(runtime.store.seenSince(started)).toContain('new.md');
      const ctx = (channel: string) => ({
        dossier: world.dossier,
        platform: 'slack' as const,
        user: { id: 'U1' },
        channel: { id: channel },
        now: () => new Date(),
        digest: runtime!.service,
      });
      await runText('digest subscribe beehives at 06:45 daily America/New_York', ctx('C-NY'));
      await runText('digest subscribe café grants at 07:15 daily', ctx('C-LDN'));
      expect(runtime.store.subscriptions().map((s) => [s.channelId, s.time, s.timeZone])).toEqual([
        ['C-NY', '06:45', 'America/New_York'],
        ['C-LDN', '07:15', 'Europe/London'],
      ]);
      expect(digestTasks().map((t) => t.name)).toEqual(['digest-pass']);
      await runText('digest unsubscribe', ctx('C-NY'));
      expect(runtime.store.subscriptions()).toHaveLength(1);
      await runtime.stop();
      runtime = undefined;
      expect(digestTasks()).toHaveLength(0);
    },
  );

  it('says once, naming the file, when its database file is deleted, and refuses new subscriptions', async () => {
    const { log, lines } = capturingLogger();
    runtime = new DigestRuntime({
      config: config(world.dbPath),
      dossier: world.dossier,
      adapters: { slack: new RecordingAdapter() },
      log,
    });
    await runtime.start();
    expect(runtime.problem()).toBeUndefined();
    rmSync(world.dbPath);
    expect(runtime.problem()).toContain(`the digest database ${world.dbPath} was deleted`);
    runtime.problem();
    expect(lines.filter((l) => l.msg.startsWith('the digest database cannot be used'))).toHaveLength(1);
    const reply = await runText('digest subscribe beehives', {
      dossier: world.dossier,
      platform: 'slack' as const,
      user: { id: 'U1' },
      channel: { id: 'C1' },
      now: () => new Date(),
      digest: runtime.service,
    });
    expect(reply.status).toBe('error');
    expect(reply.error?.message).toMatch(/database file is missing/);
  });

  it('keeps subscriptions across a restart of the bot', async () => {
    const first = slackRuntime();
    await first.start();
    first.service.subscribe({ platform: 'slack', channelId: 'C1', userId: 'U1' }, { topics: ['beehives'] });
    await first.stop();
    runtime = slackRuntime();
    await runtime.start();
    expect(runtime.service.subscription('slack', 'C1')).toMatchObject({
      topics: ['beehives'],
      timeZone: 'Europe/London',
      time: '08:00',
    });
    expect(digestTasks()).toHaveLength(1);
  });

  it('refuses to start again once stopped, even when the stop came during the start, never half live', async () => {
    runtime = slackRuntime();
    // A shutdown while the start's pass over the documents runs (a signal during start-up).
    const starting = runtime.start();
    const stopping = runtime.stopScheduling();
    await Promise.all([starting, stopping]);
    expect(digestTasks()).toHaveLength(0);
    await expect(runtime.start()).rejects.toMatchObject({ code: 'closed', message: /stopped/ });
    expect(digestTasks()).toHaveLength(0);
    // Nor is a document added later recorded by a listener the stop had spent.
    writeFileSync(join(world.corpusDir, 'new.md'), note('Swarms', 'Keepers reported three swarms.'));
    await world.dossier.rescan();
    expect(runtime.store.seenSince(new Date(0))).not.toContain('new.md');
  });

  it('refuses a second start while running', async () => {
    runtime = slackRuntime();
    await runtime.start();
    await expect(runtime.start()).rejects.toMatchObject({ code: 'closed', message: /already started/ });
    expect(digestTasks()).toHaveLength(1);
  });

  it('names in the next digest a document changed, and one removed, while the bot was down', async () => {
    const slack = new RecordingAdapter();
    await changedWhileDown('slack', 'C1', slack);
    const lines = slack.postsTo('C1')[1]!.blocks.flatMap((b) => (b.type === 'text' ? [plain(b.text)] : []));
    expect(lines).toEqual(expect.arrayContaining(CHANGED_WHILE_DOWN));
  });

  it('reads its settings from the environment, with a bad default time zone stopping start-up in one line', () => {
    expect(loadConfig({})).toMatchObject({
      TZ_DEFAULT: 'UTC',
      DIGEST_MANAGE_SLACK: 'anyone',
      DIGEST_MANAGE_DISCORD: 'managers',
      DIGEST_GRACE_MINUTES: 120,
    });
    expect(() => loadConfig({ TZ_DEFAULT: 'Europe/Londn' })).toThrow(
      'TZ_DEFAULT must be an IANA time zone name such as Europe/London',
    );
  });
});
