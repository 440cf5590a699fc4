import { describe, expect, it } from 'vitest';
import { botContext, commandContext } from '../../adapters/bot.js';
import type { Dossier } from '../../src/engine/dossier.js';
import type { Feeds } from '../../src/ingest/index.js';
import { silentLogger } from '../../src/log.js';

const log = silentLogger();
const dossier = { log } as unknown as Dossier;

describe('botContext', () => {
  it("takes the engine's log and the real clock unless given others", () => {
    const bot = botContext({ dossier });
    expect(bot.log).toBe(log);
    expect(Math.abs(bot.now().getTime() - Date.now())).toBeLessThan(5_000);
    const clock = () => new Date('2026-03-01T06:00:00Z');
    const other = silentLogger();
    expect(botContext({ dossier, log: other, now: clock })).toMatchObject({ log: other, now: clock });
  });
});

describe('commandContext', () => {
  it("gives a request the bot's engine, clock and services, leaving out those it has not", () => {
    const now = () => new Date('2026-03-01T06:00:00Z');
    const feeds = {} as Feeds;
    const ctx = commandContext(
      botContext({ dossier, now, feeds }),
      'discord',
      { id: 'U1', name: 'ines' },
      { id: 'C1' },
      { slashCommand: '/brief' },
    );
    expect(ctx).toEqual({
      dossier,
      platform: 'discord',
      user: { id: 'U1', name: 'ines' },
      channel: { id: 'C1' },
      slashCommand: '/brief',
      now,
      feeds,
    });
    expect(Object.keys(ctx)).not.toContain('digest');
  });
});
