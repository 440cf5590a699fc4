import { describe, expect, it } from 'vitest';
import { Reading } from '../../../../src/answer/figures/grammar/view.js';
import { tokenSentences } from '../../../../src/answer/figures/tokens.js';

const reading = (text: string) => new Reading(text, tokenSentences(text)[0]!);

describe('Reading', () => {
  it('counts the clause each token stands in and says which stand in brackets', () => {
    const r = reading('Kilns fired 40 pots (a record), then cooled.');
    const by = (i: number) => [r.t[i]!.text, r.segmentOf[i], r.bracketed[i]];
    expect(r.t.map((_, i) => by(i))).toEqual([
      ['Kilns', 0, false],
      ['fired', 0, false],
      ['40', 0, false],
      ['pots', 0, false],
      ['(', 1, false],
      ['a', 1, true],
      ['record', 1, true],
      [')', 2, false],
      [',', 3, false],
      ['then', 3, false],
      ['cooled', 3, false],
      ['.', 3, false],
    ]);
  });

  it('takes an unspaced dash as part of a word, not a clause break', () => {
    const r = reading('A kiln–fired pot – the last one.');
    const dashes = r.t.flatMap((t, i) => (t.text === '–' ? [r.segmentOf[i]] : []));
    expect(dashes).toEqual([0, 1]);
  });

  it('reads an index past either end as nothing, and steps over determiners and possessives', () => {
    const r = reading("The potter's 40 pots.");
    expect([r.lower(-1), r.lower(99), r.lower(0)]).toEqual(['', '', 'the']);
    expect(r.t[r.skipDeterminers(0)]!.text).toBe('potter');
    expect(r.t[r.skipDeterminers(2)]!.text).toBe('40');
  });
});
