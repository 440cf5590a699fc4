import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutralise } from '../../../adapters/discord/escape.js';
import { renderDiscord } from '../../../adapters/discord/render.js';
import { fitText } from '../../../src/render/cut.js';
import { anyInput, anyReply, fuzz } from '../../support/arbitraries.js';
import { expectInertDiscord } from '../../support/inert.js';

describe('renderDiscord, fuzzed', () => {
  it(
    'never throws, stays within the embed limits, mentions nobody and leaves ' + 'no mention or link from input live',
    () => {
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
    },
  );

  it('text cut anywhere and then neutralised keeps every escape whole, within the room given', () => {
    fc.assert(
      fc.property(anyInput(), fc.integer({ min: 3, max: 6000 }), (s, max) => {
        const cut = fitText(s, max, neutralise);
        expect(cut.length).toBeLessThanOrEqual(max);
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
