import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replyOf, type Excerpt } from '../../../src/answer/reply.js';
import { escapeMrkdwn, LIMITS, renderSlack, type RenderOptions } from '../../../adapters/slack/render.js';
import { anyInput, anyReply, fuzz, hostileText } from '../../support/arbitraries.js';
import { expectInertSlack } from '../../support/inert.js';

const options: fc.Arbitrary<RenderOptions> = fc.record(
  {
    request: fc.oneof(
      anyInput(3000).map((t) => ({ t })),
      fc.record({ c: hostileText(2), a: fc.dictionary(hostileText(2), anyInput(500), { maxKeys: 3 }) }),
    ),
    shareable: fc.boolean(),
    chartUploaded: fc.boolean(),
  },
  { requiredKeys: [] },
);

describe('renderSlack, fuzzed', () => {
  it('never throws, stays within Block Kit limits and lets no mention or link from input through', () => {
    fc.assert(
      fc.property(anyReply, options, (reply, opts) => {
        expectInertSlack(renderSlack(reply, opts));
      }),
      fuzz(300),
    );
  });

  it(
    'measures a shortened excerpt as serialised JSON, where quote marks and ' +
      'control characters take more room (found by fuzzing)',
    () => {
      const excerpt = (text: string): Excerpt => ({
        text: [{ text }],
        citation: { source: 'a.txt', title: 'A', paragraph: 1 },
        figures: [],
        score: 1,
      });
      const heavy = '"\u0007\u0007" x. '.repeat(400);
      const message = renderSlack(
        replyOf(
          'q',
          [heavy, heavy, heavy].map((t) => ({ type: 'excerpt', excerpt: excerpt(t) })),
        ),
      );
      expect(JSON.stringify(message.blocks).length).toBeLessThanOrEqual(LIMITS.blocksChars);
      expect(
        message.blocks.filter((b) => b.type === 'section' && b.text?.text.startsWith('> ')).length,
      ).toBeGreaterThan(1);
    },
  );

  it('escapeMrkdwn leaves no <, > or unescaped & and no line break', () => {
    fc.assert(
      fc.property(anyInput(), (s) => {
        const out = escapeMrkdwn(s);
        expect(out).not.toMatch(/[<>\r\n]/);
        expect(out.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
      }),
      fuzz(500),
    );
  });
});
