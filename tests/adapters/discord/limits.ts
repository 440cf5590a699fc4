import type { APIEmbed } from 'discord.js';
import { expect } from 'vitest';
import { LIMITS } from '../../../adapters/discord/render.js';

/** Every limit Discord enforces on one message's embeds. */
export function expectWithinLimits(embeds: APIEmbed[]): void {
  expect(embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
  let total = 0;
  for (const e of embeds) {
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.title);
    expect(e.author?.name.length ?? 0).toBeLessThanOrEqual(LIMITS.authorName);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
    expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.footer);
    total +=
      (e.title?.length ?? 0) +
      (e.author?.name.length ?? 0) +
      (e.description?.length ?? 0) +
      (e.footer?.text.length ?? 0);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
      total += f.name.length + f.value.length;
    }
  }
  expect(total).toBeLessThanOrEqual(LIMITS.total);
}
