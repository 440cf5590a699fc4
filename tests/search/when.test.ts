import { describe, expect, it } from 'vitest';
import { looksPlural, timeOrCount, type NumberContext } from '../../src/search/when.js';

/** The context of the number in `text`, written "before [N] after": the words either side, plurals by shape. */
const read = (text: string) => {
  const [head, number, tail] = text.split(/\s*\[|\]\s*/) as [string, string, string];
  const after = tail.split(/\s+/)[0]!.toLowerCase();
  const context: NumberContext = {
    before: head.toLowerCase().split(/\s+/).filter(Boolean).slice(-3),
    after,
    pluralAfter: looksPlural(after),
  };
  return timeOrCount(number, context);
};

describe('timeOrCount', () => {
  it.each([
    'Ferries stopped in [2000] after a storm',
    'The line will close by [1999]',
    'Bakeries have closed since [2015]',
    'The [2020] budget for schools',
    'Fares rose in [2019] and fell',
    'Water use is back at [2019] levels',
    'Schools reopened in May [2000]',
    'Since about [2000] the bakeries',
    'The [2000] elections drew crowds',
  ])('reads a year: %s', (text) => {
    expect(read(text)).toBe('year');
  });

  it.each([
    '[2000] officers were hired',
    'The port saw [1800] trucks cross',
    'The school has about [1500] pupils',
    'Some [1900] bakeries closed',
    'Ferries carried more than [2100] cars',
    'Nearly [1600] enrolled',
    'Water reached in some [2000] homes',
  ])('reads a count shaped like a year: %s', (text) => {
    expect(read(text)).toBe('count');
  });

  it('reads a count after a verb and before a plural noun, by a tagger, unless the noun is one a year dates', () => {
    const context = (before: string, after: string, verbBefore: boolean): NumberContext => ({
      before: [before],
      after,
      pluralAfter: true,
      verbBefore,
    });
    expect(timeOrCount('1850', context('has', 'pupils', true))).toBe('count');
    expect(timeOrCount('2190', context('enrolled', 'bakers', true))).toBe('count');
    // Without a tagger's word, or with a noun a year dates, the shape of a year wins.
    expect(timeOrCount('1850', context('has', 'pupils', false))).toBe('year');
    expect(timeOrCount('2019', context('exceeded', 'levels', true))).toBe('year');
    expect(timeOrCount('2019', context('in', 'ferries', true))).toBe('year');
  });

  it('reads a count of any shape that a hedge and a plural noun both say', () => {
    expect(read('The school has about [1850] pupils')).toBe('count');
    expect(read('Some [1745] bakeries closed')).toBe('count');
    expect(read('Since about [1850] the bakeries')).toBe('year');
  });

  it('reads a day beside its month, and a count between a month and a plural noun unless "on" dates it', () => {
    expect(read('The ferry sank on May [15] in fog')).toBe('day');
    expect(read('The ferry sank on [15] May')).toBe('day');
    expect(read('In May [15] people died')).toBe('count');
    expect(read('On May [15] ferries sailed')).toBe('day');
    expect(read('In May [15] the ferry sank')).toBe('day');
  });

  it('says nothing of a number that cannot be a year or a day', () => {
    expect(read('In May [45] people died')).toBeUndefined();
    expect(read('The bakery sold [400] loaves')).toBeUndefined();
    expect(read('The mill ground [12,000] sacks')).toBeUndefined();
  });
});

describe('looksPlural', () => {
  it('takes plural nouns by their shape or as irregular, and no stop word or word in "ss" or "us"', () => {
    expect(['officers', 'ferries', 'buses', 'people', 'children', 'staff'].map(looksPlural)).toEqual(
      Array(6).fill(true),
    );
    expect(['was', 'this', 'its', 'class', 'bus', 'the', 'school'].map(looksPlural)).toEqual(Array(7).fill(false));
  });
});
