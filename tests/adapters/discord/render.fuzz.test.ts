import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutralise } from '../../../adapters/discord/escape.js';
import { cutMarkdown, renderDiscord } from '../../../adapters/discord/render.js';
import { anyInput, anyReply, fuzz } from '../../support/arbitraries.js';
import { expectInertDiscord } from '../../support/inert.js';

describe('renderDiscord, fuzzed', () => {
  it('never throws, stays within the embed limits, mentions nobody and leaves no mention or link from input live', () => {
    fc.assert(
      fc.property(anyReply, (reply) => {
        const { message, next } = renderDiscord(reply);
        expectInertDiscord(message);
        // More results never points past where this message stopped.
        const offset = (n: typeof next) => (typeof n?.args.offset === 'number' ? n.args.offset : undefined);
        if (offset(reply.next) !== undefined && next) expect(offset(next)).toBeLessThanOrEqual(offset(reply.next)!);
      }),
      fuzz(300),
    );
  });

  it('neutralised text cut anywhere keeps every escape whole', () => {
    fc.assert(
      fc.property(anyInput(), fc.integer({ min: 3, max: 6000 }), (s, max) => {
        const cut = cutMarkdown(neutralise(s), max);
        expect(cut.length).toBeLessThanOrEqual(Math.max(max, 2));
        expectInertDiscord({
          embeds: [{ description: cut.slice(0, 4096) }],
          files: [],
          allowedMentions: { parse: [] },
        });
      }),
      fuzz(500),
    );
  });
});
