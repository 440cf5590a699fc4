import { describe, expect, it } from 'vitest';
import { nounPhrases } from '../../src/answer/phrases.js';

describe('nounPhrases', () => {
  it('finds runs of nouns with the adjectives before them, each ending on a noun', () => {
    expect(nounPhrases('The county grain board sold old wheat to a new mill near the river.')).toEqual([
      'county grain board',
      'old wheat',
      'new mill',
      'river',
    ]);
  });

  it('keeps a hyphenated compound whole and starts afresh at each sentence', () => {
    expect(nounPhrases('Mill owners bought flood-risk insurance. Prices rose.')).toEqual([
      'Mill owners',
      'flood-risk insurance',
      'Prices',
    ]);
  });

  it('finds none in a text without nouns', () => {
    expect(nounPhrases('It was quickly and quietly done.')).toEqual([]);
  });
});
