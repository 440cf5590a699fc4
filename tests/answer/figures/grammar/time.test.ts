import { describe, expect, it } from 'vitest';
import { isBaseline, isTimeAt } from '../../../../src/answer/figures/grammar/time.js';
import { Reading } from '../../../../src/answer/figures/grammar/view.js';
import { tokenSentences } from '../../../../src/answer/figures/tokens.js';

/** The sentence read, and the index of the first token that is `word`. */
const at = (text: string, word: string): [Reading, number] => {
  const r = new Reading(text, tokenSentences(text)[0]!);
  return [r, r.t.findIndex((t) => t.text === word)];
};

describe('isTimeAt', () => {
  it('finds a year, a month or a date after any determiners, and not a count', () => {
    expect(isTimeAt(...at('Sales rose in the 2019 season.', 'the'))).toBe(true);
    expect(isTimeAt(...at('Sales rose in October.', 'October'))).toBe(true);
    expect(isTimeAt(...at('Sales rose to 400 crates.', '400'))).toBe(false);
    expect(isTimeAt(...at('Sales rose to 2000 crates.', '2000'))).toBe(false);
    expect(isTimeAt(...at('In May 15 people died.', '15'))).toBe(false);
    expect(isTimeAt(...at('Sales rose in 2000.', '2000'))).toBe(true);
  });
});

describe('isBaseline', () => {
  it('tells a figure compared with from one stated: "up from", "compared with", "than"', () => {
    expect(isBaseline(...at('Sales reached 900, up from 700.', '700'))).toBe(true);
    expect(isBaseline(...at('Sales reached 900 compared with 700.', '700'))).toBe(true);
    expect(isBaseline(...at('Sales were higher than 700.', '700'))).toBe(true);
    expect(isBaseline(...at('The crates were trucked from 700 farms.', '700'))).toBe(false);
  });
});
