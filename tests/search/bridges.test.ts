import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/search/analyzer.js';
import { Bridges, withinEdits } from '../../src/search/bridges.js';
import { DEFAULT_RANKING } from '../../src/search/ranking.js';

const analyzer = new Analyzer();
const { typos } = DEFAULT_RANKING.query;

describe('Bridges', () => {
  const bridges = new Bridges(
    Bridges.between([{ phrases: ['JTB', 'Joint Transport Board'], via: 'alias' }], analyzer),
    [
      ['guard', 12],
      ['guarded', 1],
      ['initiative', 5],
      ['library', 3],
    ],
  );

  it('finds both ways of saying a thing among a question’s terms, a phrase at its place', () => {
    const terms = analyzer.terms('when did the joint transport board meet');
    expect(bridges.find(terms)).toEqual([{ from: 0, to: 3, terms: analyzer.terms('JTB'), via: 'alias' }]);
    expect(bridges.find(analyzer.terms('jtb minutes'))[0]!.terms).toEqual(analyzer.terms('joint transport board'));
  });

  it('reads a typo as the commonest corpus word within an edit, two swapped letters being one', () => {
    expect(bridges.correct('gaurd', typos)).toBe('guard');
    expect(bridges.correct('iniciative', typos)).toBe('initiative');
    expect(bridges.correct('libary', typos)).toBe('library');
    expect(bridges.correct('gard', typos)).toBe('guard');
    expect(bridges.correct('cat', typos)).toBeUndefined();
    expect(bridges.correct('garden', typos)).toBeUndefined();
  });

  it('reads the corpus words for typos once, when warmed ahead of the first question or else on the first typo', () => {
    let reads = 0;
    const words = {
      *[Symbol.iterator](): Generator<[string, number]> {
        reads++;
        yield* [['guard', 7] as [string, number], ['library', 3] as [string, number]];
      },
    };
    const warmed = new Bridges([], words);
    warmed.warm();
    expect(reads).toBe(1);
    expect(warmed.correct('gaurd', typos)).toBe('guard');
    expect(warmed.correct('libary', typos)).toBe('library');
    expect(reads).toBe(1);
  });

  it('counts a swap of neighbouring letters as one edit', () => {
    expect(withinEdits('gaurd', 'guard', 1)).toBe(true);
    expect(withinEdits('abcd', 'badc', 1)).toBe(false);
    expect(withinEdits('abcd', 'badc', 2)).toBe(true);
  });

  it('answers as the full table does, its count of characters first turning no pair within reach away', () => {
    // Restricted edit distance (adjacent swaps), the table withinEdits reads, written plainly.
    const distance = (a: string, b: string) => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => i + j));
      for (let i = 1; i <= a.length; i++)
        for (let j = 1; j <= b.length; j++) {
          d[i]![j] = Math.min(
            d[i - 1]![j]! + 1,
            d[i]![j - 1]! + 1,
            d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
          );
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
            d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
        }
      return d[a.length]![b.length]!;
    };
    // "á" (225) shares the slot of "a" (97), "é" that of "e": a shared slot must never turn a pair away.
    const letters = ['a', 'b', 'e', 'r', 'á', 'é', '1'];
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const word = () =>
      Array.from({ length: 1 + Math.floor(random() * 7) }, () => letters[Math.floor(random() * letters.length)]).join(
        '',
      );
    for (let n = 0; n < 1000; n++) {
      const [a, b] = [word(), word()];
      for (const max of [1, 2]) expect(withinEdits(a, b, max), `${a} ${b} ${max}`).toBe(distance(a, b) <= max);
    }
    expect(withinEdits('reform', 'former', 2)).toBe(false);
    expect(withinEdits('reforms', 'reform', 1)).toBe(true);
  });
});

describe('Bridges.oneWay', () => {
  it('leaves out a phrase shortened to another word or opening with a preposition, not with an article', () => {
    const bridges = Bridges.oneWay(
      [
        ['big H', 'heroin'],
        ['vitamin A', 'retinol'],
        ['x ray', 'radiograph'],
        ['the harbour', 'port'],
        ['half a dozen', 'six'],
        ['under the weather', 'poorly'],
        ['on time', 'punctual'],
      ],
      'wordnet',
      analyzer,
    );
    const terms = (phrase: string) => analyzer.terms(phrase).join(' ');
    expect(bridges.map((b) => [b.from.join(' '), b.to.join(' ')])).toEqual([
      [terms('harbour'), terms('port')],
      [terms('half dozen'), terms('six')],
    ]);
  });
});
