import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figureClauses, heldBy, scoreClauses } from '../../../src/answer/figures/clauses.js';
import { matchFor } from '../../../src/answer/figures/decide.js';
import { answerFigures } from '../../../src/answer/figures/index.js';
import { aboutWhat } from '../../../src/answer/figures/topic.js';
import type { Dossier } from '../../../src/engine/dossier.js';
import { analyseQuery } from '../../../src/search/query.js';
import { WORDNET_DIR } from '../../../src/search/wordnet.js';
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
    'shed.md': note(
      'Shed Notes',
      'The keepers opened a new hive shed in April 2020. During 2021, however, the county set a new record for swarms.',
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

  it("counts a date in a sentence naming none of the topic `following`, as its own event's date", () => {
    const { clauses } = clausesOf('when did the keepers open the hive shed');
    expect(clauses.map((c) => [c.figure.text, c.factor])).toEqual([
      ['April 2020', 1],
      ['2021', dossier.ranking.figures.following],
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

describe('a total over a year', () => {
  let ferry: Dossier;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ dossier: ferry, cleanup: close } = await openCorpus({
      'ferry.md': note(
        'Ferry Report',
        'In the 12 months to June the island ferry carried 41,000 passengers. ' +
          'On the morning of the fair the island ferry carried 300 passengers.',
      ),
      'pier.md': note(
        'Pier Notes',
        'In the 52 weeks to June the pier saw 9,000 anglers, and 40 anglers came on the open day.',
      ),
      'wine.md': note(
        'Wine Notes',
        'Exports of wine totalled €2.3 million in fiscal year 2022. ' +
          'Exports of wine on the day of the fair were €4,000.',
      ),
    }));
  });
  afterAll(() => close());

  it.each([
    ['annual ferry passengers', '41,000 passengers', '300 passengers'],
    ['yearly ferry passengers', '41,000 passengers', '300 passengers'],
    ['anglers per year', '9,000 anglers', '40 anglers'],
    ['annual wine exports', '€2.3 million', '€4,000'],
  ])('%s: a total over twelve months, 52 weeks or a fiscal year holds the year the topic asks', (text, year, day) => {
    const query = aboutWhat(analyseQuery(text, ferry.index, ferry.ranking.query), ferry.ranking.figures.changeWeight);
    const { clauses } = figureClauses(ferry, query, matchFor(ferry, query)!);
    const score = (figure: string) =>
      scoreClauses(ferry, query, clauses).find((s) => s.figure.text === figure)!.figure.score;
    expect(score(year)).toBeGreaterThan(score(day));
  });
});

describe('a price of what the topic names', () => {
  let plots: Dossier;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ dossier: plots, cleanup: close } = await openCorpus(
      {
        'fees.md': note(
          'Allotment Charges',
          ['| Plot | Allotment fee |', '| --- | --- |', '| Half plot | £40 |', '| Full plot | £75 |'].join('\n'),
        ),
        'report.md': note('Allotment Report', 'The council let 312 allotments this year, up from 290.'),
      },
      // The dictionary says which words are mostly of money ("fee").
      { wordnet: WORDNET_DIR },
    ));
  });
  afterAll(() => close());

  const scored = (text: string) => {
    const query = aboutWhat(analyseQuery(text, plots.index, plots.ranking.query), plots.ranking.figures.changeWeight);
    const found = scoreClauses(plots, query, figureClauses(plots, query, matchFor(plots, query)!).clauses);
    return new Map(found.map((s) => [s.figure.text, s]));
  };

  it("reads a fee of the topic's thing as no figure of it, unless the topic asks a sum", () => {
    const allotments = scored('allotments');
    // Without: "Allotment fee" named the topic as much as the count did, and the fee table's cells scored as high.
    expect(allotments.get('£40')!.named).toBe(0);
    expect(allotments.get('312 allotments')!.figure.score).toBeGreaterThan(allotments.get('£40')!.figure.score);
    expect(scored('allotment fees').get('£40')!.named).toBe(1);
    expect(scored('how much is an allotment').get('£75')!.named).toBeGreaterThan(0);
  });
});

describe('a verb of saying used of a source', () => {
  let town: Dossier;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ dossier: town, cleanup: close } = await openCorpus({
      'noise.md': note('Noise Notes', 'Only one in five noise complaints are reported to the council in the old town.'),
      'bells.md': note('Bell Notes', 'Church bells add to the noise of the old town at dawn.'),
      'walks.md': note('Walk Notes', 'Evening walks through the old town are quiet, and noise is rare.'),
      'market.md': note('Market Notes', 'The old town market brings noise on Saturdays.'),
      'port.md': note(
        'Port Notes',
        'The port authority reported a 40 percent increase in container traffic through the old town quay.',
      ),
    }));
  });
  afterAll(() => close());

  it('ties no figure to the topic: the complaints being reported does, the port authority reporting does not', () => {
    const topic = 'old town noise reporting rate';
    const query = aboutWhat(analyseQuery(topic, town.index, town.ranking.query), town.ranking.figures.changeWeight);
    const { clauses } = figureClauses(town, query, matchFor(town, query)!);
    const [report] = town.index.analyzer.terms('reported');
    expect(clauses.find((c) => c.figure.text === 'Only one in five noise complaints')!.terms).toContain(report);
    expect(clauses.find((c) => c.figure.text === '40 percent')!.terms).not.toContain(report);
    // Without: the port's 40 percent, its sentence holding "old town" and "reported", listed beside the complaints
    // ("noise" and "old town" being common here, the rarer "reported" weighs most of the topic).
    expect(answerFigures(town, topic).figures.map((f) => f.text)).toEqual(['Only one in five noise complaints']);
  });
});
