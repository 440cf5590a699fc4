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
