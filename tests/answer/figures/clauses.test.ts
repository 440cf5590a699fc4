import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figureClauses, heldBy, scoreClauses } from '../../../src/answer/figures/clauses.js';
import { matchFor } from '../../../src/answer/figures/decide.js';
import { aboutWhat } from '../../../src/answer/figures/topic.js';
import type { Dossier } from '../../../src/engine/dossier.js';
import { analyseQuery } from '../../../src/search/query.js';
import { note, openCorpus } from '../../support/corpus.js';

let dossier: Dossier;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dossier, cleanup } = await openCorpus({
    'apiary.md': note(
      'Apiary Log',
      [
        '## Spring',
        'Winter hive losses worried the keepers across the county. By March, 140 colonies had died. ' +
          'The village fete drew 800 visitors.',
        'The keepers counted 60 hive losses on the hill farms, and the cooperative sold 900 jars of honey.',
      ].join('\n\n'),
    ),
  }));
});
afterAll(() => cleanup());

const topic = (text: string) =>
  aboutWhat(analyseQuery(text, dossier.index, dossier.ranking.query), dossier.ranking.figures.changeWeight);
const clausesOf = (text: string) => {
  const query = topic(text);
  return { query, clauses: figureClauses(dossier, query, matchFor(dossier, query)!).clauses };
};

describe('figureClauses', () => {
  it('keeps a figure whose sentence, or the sentence before, names the topic, the latter counting `following`', () => {
    const { clauses } = clausesOf('hive losses');
    expect(clauses.map((c) => [c.figure.text, c.factor])).toEqual([
      ['60 hive losses', 1],
      ['900 jars', 1],
      ['140 colonies', dossier.ranking.figures.following],
    ]);
  });

  it("leaves other figures' measures out of a figure's clause", () => {
    const jars = clausesOf('hive losses').clauses.find((c) => c.figure.text === '900 jars')!;
    expect(jars.terms).toContain('honey');
    expect(jars.terms).not.toContain('hive');
  });
});

describe('scoreClauses and heldBy', () => {
  it('scores a figure whose measure names the topic above one on something else in the same sentence', () => {
    const { query, clauses } = clausesOf('hive losses');
    const scored = new Map(scoreClauses(dossier, query, clauses).map((s) => [s.figure.text, s]));
    const losses = scored.get('60 hive losses')!;
    const jars = scored.get('900 jars')!;
    expect(losses.figure.score).toBeGreaterThan(jars.figure.score);
    expect([losses.named, [...losses.held].map((w) => w.word), losses.subject]).toEqual([1, ['hive', 'losses'], 1]);
    expect([jars.named, jars.held.size, jars.subject]).toEqual([0, 0, 0]);
    expect(losses.figure.citation).toMatchObject({ source: 'apiary.md', paragraph: 2 });
  });

  it("gives the topic's words a measure names", () => {
    const query = topic('hive losses');
    const words = (terms: string[]) => [...heldBy(query, terms)].map((w) => w.word);
    const [hive, loss] = query.words.map((w) => w.term);
    expect(words([hive!, 'farm'])).toEqual(['hive']);
    expect(words([hive!, loss!])).toEqual(['hive', 'losses']);
    expect(words(['honey'])).toEqual([]);
  });
});

describe('scoreClauses on a figure described apart', () => {
  let orchard: Dossier;
  let done: () => Promise<void>;
  beforeAll(async () => {
    ({ dossier: orchard, cleanup: done } = await openCorpus({
      'orchard.md': note(
        'Orchard Notes',
        [
          '## Autumn',
          'After a strong apple harvest, the cider press fee was £40 a day. The apple harvest filled 300 crates.',
          '## Apple harvest by year',
          [
            '| Year | Apple harvest (tonnes) | Target (tonnes) | Trees planted (trees) |',
            '| --- | --- | --- | --- |',
            '| 2024 | 52 | 50 | 40 |',
          ].join('\n'),
        ].join('\n\n'),
      ),
    }));
  });
  afterAll(() => done());

  const scores = (text: string) => {
    const { changeWeight } = orchard.ranking.figures;
    const query = aboutWhat(analyseQuery(text, orchard.index, orchard.ranking.query), changeWeight);
    const { clauses } = figureClauses(orchard, query, matchFor(orchard, query)!);
    return new Map(scoreClauses(orchard, query, clauses).map((s) => [s.figure.text, s.figure]));
  };

  it('counts the sentence less for a figure whose own measure, apart from it, names something else', () => {
    const scored = scores('apple harvest');
    const [fee, crates, target, trees] = ['£40 a day', '300 crates', '50', '40'].map((t) => scored.get(t)!.score);
    // "the cider press fee was £40" is a fee, in a sentence on the harvest; "300 crates" counts what it filled.
    expect(fee).toBeLessThan(crates!);
    // A cell in the unit of the harvest's column is another view of it; one in another unit is of something else.
    expect(target).toBeCloseTo(crates!);
    expect(trees).toBeLessThan(target!);
  });
});
