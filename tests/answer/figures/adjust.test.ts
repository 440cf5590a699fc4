import { describe, expect, it } from 'vitest';
import { besideTopic } from '../../../src/answer/figures/adjust.js';
import type { PassageFigure } from '../../../src/answer/figures/passage.js';
import { Analyzer } from '../../../src/search/analyzer.js';
import type { QueryWord } from '../../../src/search/query.js';

const analyzer = new Analyzer();
/** The topic "valley hives": its two words. */
const valley = { word: 'valley' } as QueryWord;
const hives = { word: 'hives' } as QueryWord;

const sentence = { text: 'Of 1,200 hives, 300 were on the hill farms and 90 on the valley farms.', start: 0 };
const figure = (text: string, measure: string | undefined, at = sentence) =>
  ({ text, measure, sentence: at, value: 0, unit: 'count', start: 0, end: 0 }) as PassageFigure;

describe('besideTopic', () => {
  it('sets beside the topic a part of the whole whose sibling names more of the topic, not the whole itself', () => {
    const whole = { figure: figure('1,200', 'hives'), named: 1, held: new Set([hives]) };
    const hill = { figure: figure('300', 'hill farm hives'), named: 1, held: new Set([hives]) };
    const valleyFarms = { figure: figure('90', 'valley farm hives'), named: 2, held: new Set([valley, hives]) };
    expect([...besideTopic(analyzer, [whole, hill, valleyFarms])]).toEqual([hill.figure]);
  });

  it('compares figures of one sentence only, and leaves a figure without a measure alone', () => {
    const other = { text: 'The valley farms kept 90 hives.', start: 80 };
    const hill = { figure: figure('300', 'hill farm hives'), named: 1, held: new Set([hives]) };
    const elsewhere = { figure: figure('90', 'valley farm hives', other), named: 2, held: new Set([valley, hives]) };
    const bare = { figure: figure('40', undefined), named: 0, held: new Set<QueryWord>() };
    const named = { figure: figure('90', 'valley farm hives'), named: 2, held: new Set([valley, hives]) };
    expect(besideTopic(analyzer, [hill, elsewhere]).size).toBe(0);
    expect([...besideTopic(analyzer, [bare, named])]).toEqual([]);
  });

  it('keeps a part that names a word of the topic its sibling does not: both are asked for', () => {
    const hill = { figure: figure('300', 'hill farm hives'), named: 1, held: new Set([valley]) };
    const valleyFarms = { figure: figure('90', 'valley farm hives'), named: 2, held: new Set([hives]) };
    expect(besideTopic(analyzer, [hill, valleyFarms]).size).toBe(0);
  });
});
