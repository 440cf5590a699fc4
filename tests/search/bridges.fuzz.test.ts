import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Bridges, withinEdits } from '../../src/search/bridges.js';
import { DEFAULT_RANKING } from '../../src/search/ranking.js';
import { fuzz } from '../support/arbitraries.js';

/** The textbook table of edits (insert, delete, substitute, swap two neighbours), filled in whole. */
function edits(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}

/** Short words over four letters: close pairs, swaps and repeats are common. */
const word = (minLength = 0) => fc.stringMatching(new RegExp(`^[abcd]{${minLength},9}$`));

describe('typos, fuzzed', () => {
  it('withinEdits agrees with the whole table of edits, however long the words and in any order', () => {
    fc.assert(
      fc.property(word(), word(), fc.integer({ min: 1, max: 2 }), (a, b, max) => {
        expect(withinEdits(a, b, max)).toBe(edits(a, b) <= max);
      }),
      fuzz(3000),
    );
  });

  it('corrects a word to the commonest corpus word close enough, the shorter and then the earlier on a tie', () => {
    // Corpus words made from the typo by an edit or two (or none), so that several are close and tie on how common.
    const edit = fc.tuple(
      fc.constantFrom('drop', 'add', 'change', 'swap', 'other'),
      fc.nat(9),
      fc.constantFrom(...'abcdzжы'),
    );
    const variant = fc.tuple(fc.array(edit, { minLength: 1, maxLength: 2 }), fc.integer({ min: 1, max: 2 }));
    const apply = (w: string, [kind, at, letter]: [string, number, string]) => {
      const i = at % (w.length + 1);
      if (kind === 'drop') return w.slice(0, i) + w.slice(i + 1);
      if (kind === 'add') return w.slice(0, i) + letter + w.slice(i);
      if (kind === 'change') return w.slice(0, i) + letter + w.slice(i + 1);
      if (kind === 'swap' && i + 1 < w.length) return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
      return letter.repeat(1 + (at % 8));
    };
    fc.assert(
      fc.property(word(4), fc.array(variant, { maxLength: 30 }), (typo, variants) => {
        const words = new Map<string, number>();
        for (const [steps, n] of variants) {
          const w = steps.reduce(apply, typo);
          if (w && !words.has(w)) words.set(w, n);
        }
        const max = typo.length >= 8 ? 2 : 1;
        let expected: [string, number] | undefined;
        for (let length = typo.length - max; length <= typo.length + max; length++)
          for (const entry of words)
            if (entry[0].length === length && (!expected || entry[1] > expected[1]) && edits(typo, entry[0]) <= max)
              expected = entry;
        expect(new Bridges([], words).correct(typo, DEFAULT_RANKING.query.typos)).toBe(expected?.[0]);
      }),
      fuzz(1000),
    );
  });
});
