import { describe, expect, it } from 'vitest';
import { tokenOffsets } from '../../src/corpus/wink.js';

describe('tokenOffsets', () => {
  it('places each token where it stands in the text', () => {
    const text = 'Mérida  cost $3.1 billion.';
    const tokens = ['Mérida', 'cost', '$', '3.1', 'billion', '.'];
    const { starts, ends } = tokenOffsets(text, tokens);
    expect(tokens.map((_, i) => text.slice(starts[i], ends[i]))).toEqual(tokens);
  });

  it('gives a token spelled differently from the text no room, so later offsets stay right', () => {
    const text = 'They can not agree.';
    const { starts, ends } = tokenOffsets(text, ['They', 'cannot', 'can', 'not', 'agree']);
    expect(starts[1]).toBe(ends[1]);
    expect(text.slice(starts[4], ends[4])).toBe('agree');
  });
});
