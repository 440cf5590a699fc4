import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aboutWhat, timeOrChange, unsaidUnit } from '../../../src/answer/figures/topic.js';
import type { Dossier } from '../../../src/engine/dossier.js';
import { TIME_NOUNS } from '../../../src/search/english.js';
import { analyseQuery } from '../../../src/search/query.js';
import { openCorpus } from '../../support/corpus.js';
import { ORCHARD } from './fixtures.js';

let dossier: Dossier;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dossier, cleanup } = await openCorpus(ORCHARD));
});
afterAll(() => cleanup());

const about = (topic: string, aside = 0.25) => {
  const query = analyseQuery(topic, dossier.index, dossier.ranking.query);
  const weights = new Map(query.words.map((w) => [w.word, w.weight]));
  return aboutWhat(query, aside).words.map((w) => [w.word, w.weight / weights.get(w.word)!]);
};

describe('aboutWhat', () => {
  it('drops the words that only ask for figures, which every figure answers', () => {
    expect(about('pear harvest statistics')).toEqual([
      ['pear', 1],
      ['harvest', 1],
    ]);
  });

  it('weighs words of change and numbers the corpus lacks by `aside`, and keeps the rest, its own years too', () => {
    expect(about('pear harvest growth')).toEqual([
      ['pear', 1],
      ['harvest', 1],
      ['growth', 0.25],
    ]);
    expect(about('pear harvest 2019', 0.5)).toEqual([
      ['pear', 1],
      ['harvest', 1],
      ['2019', 0.5],
    ]);
    expect(about('pear harvest 2024', 0.5)).toEqual([
      ['pear', 1],
      ['harvest', 1],
      ['2024', 1],
    ]);
  });

  it('weighs the words saying whom the figures are from by `aside`: the clause of a figure seldom names it', () => {
    expect(about('pear harvest per the growers survey')).toEqual([
      ['pear', 1],
      ['harvest', 1],
      ['per', 0.25],
      ['growers', 0.25],
      ['survey', 0.25],
    ]);
    expect(about("according to smith's letter, pear harvest")).toEqual([
      ['according', 0.25],
      ['smith', 0.25],
      ['letter', 0.25],
      ['pear', 1],
      ['harvest', 1],
    ]);
    // Every source named, not only the first.
    expect(about("pear harvest per the growers survey, according to smith's letter")).toEqual([
      ['pear', 1],
      ['harvest', 1],
      ['per', 0.25],
      ['growers', 0.25],
      ['survey', 0.25],
      ['according', 0.25],
      ['smith', 0.25],
      ['letter', 0.25],
    ]);
    // A possessive determiner opens a source as an article does ("per his report"), and chat's "acc to" is
    // "according to".
    expect(about('pear harvest, per her report to the growers')).toEqual([
      ['pear', 1],
      ['harvest', 1],
      ['per', 0.25],
      ['report', 0.25],
      ['growers', 0.25],
    ]);
    expect(about('pear harvest acc to the growers survey')).toEqual([
      ['pear', 1],
      ['harvest', 1],
      ['acc', 0.25],
      ['growers', 0.25],
      ['survey', 0.25],
    ]);
    // "per" before what is not a source is a rate.
    expect(about('pear pickers per orchard')).toEqual([
      ['pear', 1],
      ['pickers', 1],
      ['per', 0.25],
      ['orchard', 1],
    ]);
  });

  it('drops the kind of time a topic asking when names, any a question asks for but a time of day', () => {
    for (const noun of TIME_NOUNS.filter((n) => !n.startsWith('time')))
      expect(about(`which ${noun} pear harvest`), noun).toEqual([
        ['pear', 1],
        ['harvest', 1],
      ]);
    // A figure's date is a day, a month or a year, never a time of day.
    expect(about('what time pear harvest').map(([word]) => word)).toEqual(['time', 'pear', 'harvest']);
  });

  it('keeps the query as it is when nothing else would be left', () => {
    expect(about('statistics')).toEqual([['statistics', 1]]);
    expect(about('growth', 0)).toEqual([['growth', 1]]);
  });
});

describe('timeOrChange', () => {
  it('tells the words of a time or a change, a common abbreviation of one among them, from the subject', () => {
    const query = analyseQuery('pear harvest pct change 2024', dossier.index, dossier.ranking.query);
    expect(query.words.map((w) => [w.word, timeOrChange(w)])).toEqual([
      ['pear', false],
      ['harvest', false],
      ['pct', true],
      ['change', true],
      ['2024', true],
    ]);
    // A word naming now says when a figure stands, whichever of `NOW_WORDS` it is.
    const now = analyseQuery('pear harvest recently vs at present', dossier.index, dossier.ranking.query);
    expect(now.words.map((w) => [w.word, timeOrChange(w)])).toEqual([
      ['pear', false],
      ['harvest', false],
      ['recently', true],
      ['present', true],
    ]);
  });
});

describe('unsaidUnit', () => {
  const unsaid = (topic: string) =>
    unsaidUnit(analyseQuery(topic, dossier.index, dossier.ranking.query), (term) => dossier.index.knows(term));

  it('tells a topic asking for its figures in a unit the corpus never writes', () => {
    expect(unsaid('litres of pears picked')).toBe(true);
    expect(unsaid('pear harvest in pesos')).toBe(true);
    expect(unsaid('pear prices per gallon')).toBe(true);
    // A currency's word in the singular too, as a rate's unit says it.
    expect(unsaid('pear prices per pound')).toBe(true);
  });

  it('leaves a unit the corpus writes, and a unit word not naming the unit of a figure', () => {
    expect(unsaid('tonnes of pears picked')).toBe(false);
    expect(unsaid('kilos pear harvest')).toBe(false);
  });

  it('reads a unit by what it measures: one the corpus writes measuring the same is the unit written', () => {
    // The orchard's notes weigh their harvests in tonnes.
    expect(unsaid('tons of pears picked')).toBe(false);
    expect(unsaid('kilos of pears picked')).toBe(false);
    expect(unsaid('pear harvest in kg')).toBe(false);
  });

  it("keeps a food's calories apart from a building's energy: a corpus in kilowatt-hours gives no calories", () => {
    const metered = (topic: string) =>
      unsaidUnit(
        analyseQuery(topic, dossier.index, dossier.ranking.query),
        (term) => term === 'kwh' || dossier.index.knows(term),
      );
    expect(metered('calories of a ripe pear')).toBe(true);
    expect(metered('pear energy in calories')).toBe(true);
    expect(metered('cold store energy in mwh')).toBe(false);
  });
});
