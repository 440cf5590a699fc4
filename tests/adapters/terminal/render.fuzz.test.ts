import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorReply } from '../../../src/answer/reply.js';
import { ansi, noStyle, renderTerminal } from '../../../adapters/terminal/render.js';
import { anyReply, fuzz } from '../../support/arbitraries.js';
import { expectInertTerminal } from '../../support/inert.js';

describe('renderTerminal, fuzzed', () => {
  it('never throws and writes no control character from input, with or without ANSI styles', () => {
    fc.assert(
      fc.property(anyReply, fc.boolean(), (reply, styled) => {
        expectInertTerminal(renderTerminal(reply, styled ? ansi : noStyle));
      }),
      fuzz(300),
    );
  });

  it('strips control characters from an error message too, which quotes user input (found by fuzzing)', () => {
    expect(renderTerminal(errorReply('bad-time', '"\u001b[2J25:99" is not a time'))).toBe('"[2J25:99" is not a time');
  });
});
