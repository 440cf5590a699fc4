import { describe, expect, it } from 'vitest';
import { besideTopic } from '../../../src/answer/figures/adjust.js';
import { answerFigures } from '../../../src/answer/figures/answer.js';
import type { PassageFigure } from '../../../src/answer/figures/passage.js';
import { Analyzer } from '../../../src/search/analyzer.js';
import type { QueryWord } from '../../../src/search/query.js';
import { note, withCorpus } from '../../support/corpus.js';

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

describe('adjustScores', () => {
  const files = {
    'ferries.md': note('Ferries', 'The oldest ferry has run for 40 years.\n\nThe ferry company runs 12 ferries.'),
  };
  /**
   * The score of the figure `text` on `topic`, with the ranking's otherKind as given; every figure listed, so that a
   * halved one with no measure ("40 years") is still there to read.
   */
  const scoreOf = (topic: string, text: string, otherKind: number) =>
    withCorpus(files, (dossier) => answerFigures(dossier, topic).figures.find((f) => f.text === text)?.score, {
      ranking: { figures: { otherKind, unmeasuredRelative: 0 } },
    });

  it('weighs a length of time as another kind of figure unless the topic names a unit of time', async () => {
    const [weighed, whole] = [await scoreOf('ferry', '40 years', 0.5), await scoreOf('ferry', '40 years', 1)];
    expect(weighed).toBeCloseTo(whole! / 2);
    for (const topic of ['ferry years', 'ferry yrs'])
      expect(await scoreOf(topic, '40 years', 0.5)).toBeCloseTo((await scoreOf(topic, '40 years', 1))!);
    // A count of something else is not a length.
    expect(await scoreOf('ferry', '12 ferries', 0.5)).toBeCloseTo((await scoreOf('ferry', '12 ferries', 1))!);
  });
});
