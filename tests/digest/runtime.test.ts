import { existsSync } from 'node:fs';
import cron from 'node-cron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runText } from '../../src/commands/index.js';
import { loadConfig } from '../../src/config.js';
import { DigestRuntime } from '../../src/digest/index.js';
import { nextSlot } from '../../src/digest/slots.js';
import { silentLogger } from '../../src/log.js';
import { RecordingAdapter } from '../support/recording-adapter.js';
import { digestWorld } from './fixtures.js';

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
const digestTasks = () =>
  [...cron.getTasks().values()].filter((t) => t.name?.startsWith('digest-') && t.name !== 'digest-sweep');

describe('DigestRuntime', () => {
  it('wires store, scheduler, watcher and service: one node-cron job per subscription, at the instants the slot functions give', async () => {
    const slack = new RecordingAdapter('slack');
    runtime = new DigestRuntime({
      config: config(world.dbPath),
      dossier: world.dossier,
      adapters: { slack },
      log: silentLogger(),
    });
    await runtime.start();
    expect(existsSync(world.dbPath)).toBe(true);
    const ctx = (channel: string) => ({
      dossier: world.dossier,
      platform: 'slack' as const,
      user: { id: 'U1' },
      channel: { id: channel },
      now: () => new Date(),
      digest: runtime!.service,
    });
    await runText('digest subscribe fentanyl at 06:45 daily America/New_York', ctx('C-NY'));
    await runText('digest subscribe Mérida funding at 07:15 daily', ctx('C-LDN'));
    const tasks = digestTasks();
    expect(tasks).toHaveLength(2);
    for (const sub of runtime.store.subscriptions()) {
      const task = tasks.find((t) => t.name === `digest-${sub.id}`)!;
      expect(task.getNextRun()?.toISOString()).toBe(nextSlot(sub, new Date())?.toISOString());
    }
    await runText('digest unsubscribe', ctx('C-NY'));
    expect(digestTasks()).toHaveLength(1);
    await runtime.stop();
    runtime = undefined;
    expect(digestTasks()).toHaveLength(0);
  });

  it('keeps subscriptions across a restart of the bot', async () => {
    const make = () =>
      new DigestRuntime({
        config: config(world.dbPath),
        dossier: world.dossier,
        adapters: { slack: new RecordingAdapter() },
        log: silentLogger(),
        watchCorpus: false,
      });
    const first = make();
    await first.start();
    first.service.subscribe({ platform: 'slack', channelId: 'C1', userId: 'U1' }, { topics: ['fentanyl'] });
    await first.stop();
    runtime = make();
    await runtime.start();
    expect(runtime.service.subscription('slack', 'C1')).toMatchObject({
      topics: ['fentanyl'],
      timeZone: 'Europe/London',
      time: '08:00',
    });
    expect(digestTasks()).toHaveLength(1);
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
