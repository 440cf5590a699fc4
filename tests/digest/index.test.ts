import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import cron from 'node-cron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plain } from '../../src/answer/reply.js';
import { runText } from '../../src/commands/index.js';
import { loadConfig } from '../../src/config.js';
import { DigestRuntime } from '../../src/digest/index.js';
import { Dossier } from '../../src/engine/dossier.js';
import { silentLogger } from '../../src/log.js';
import { note } from '../support/corpus.js';
import { RecordingAdapter } from '../support/recording-adapter.js';
import { digestWorld } from './fixtures.js';
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
    const make = () =>
      new DigestRuntime({
        config: config(world.dbPath),
        dossier: world.dossier,
        adapters: { slack: new RecordingAdapter() },
        log: silentLogger(),
      });
    const first = make();
    await first.start();
    first.service.subscribe({ platform: 'slack', channelId: 'C1', userId: 'U1' }, { topics: ['beehives'] });
    await first.stop();
    runtime = make();
    await runtime.start();
    expect(runtime.service.subscription('slack', 'C1')).toMatchObject({
      topics: ['beehives'],
      timeZone: 'Europe/London',
      time: '08:00',
    });
    expect(digestTasks()).toHaveLength(1);
  });

  it('names in the next digest a document changed, and one removed, while the bot was down', async () => {
    let now = new Date('2026-03-02T12:00Z');
    const make = (dossier: Dossier, slack: RecordingAdapter) =>
      new DigestRuntime({
        config: config(world.dbPath),
        dossier,
        adapters: { slack },
        log: silentLogger(),
        now: () => now,
      });
    const before = new RecordingAdapter();
    const first = make(world.dossier, before);
    await first.start();
    first.service.subscribe(
      { platform: 'slack', channelId: 'C1', userId: 'U1' },
      { topics: ['beehives', 'café grants'], days: [0, 1, 2, 3, 4, 5, 6] },
    );
    // The pass the subscription started, at the clock's time, is over before the clock moves on.
    await first.scheduler.tick(now);
    now = new Date('2026-03-03T08:00Z');
    expect(await first.scheduler.tick(now)).toMatchObject({ sent: 1 });
    await first.stop();
    // While the bot is down, a document is rewritten and another deleted; the bot starts on what the folder holds.
    now = new Date('2026-03-03T20:00Z');
    writeFileSync(join(world.corpusDir, 'cafes.md'), note('Café grants, revised', 'Café grants were cut.'));
    rmSync(join(world.corpusDir, 'beehives.md'));
    const reopened = await Dossier.open({ corpusDir: world.corpusDir });
    const after = new RecordingAdapter();
    runtime = make(reopened, after);
    await runtime.start();
    now = new Date('2026-03-04T08:00Z');
    expect(await runtime.scheduler.tick(now)).toMatchObject({ sent: 1 });
    const lines = after.postsTo('C1')[0]!.blocks.flatMap((b) => (b.type === 'text' ? [plain(b.text)] : []));
    expect(lines).toEqual(
      expect.arrayContaining([
        'Changed in the corpus: “Café grants, revised” ' +
          '(retitled from “The café grant scheme”; 1 paragraph changed, 7 removed).',
        'Removed from the corpus: “Beehives in the valley”.',
      ]),
    );
    reopened.close();
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
