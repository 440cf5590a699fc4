import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchFor } from '../../../src/answer/figures/decide.js';
import { aboutWhat } from '../../../src/answer/figures/topic.js';
import type { Dossier } from '../../../src/engine/dossier.js';
import { analyseQuery } from '../../../src/search/query.js';
import { WORDNET_DIR } from '../../../src/search/wordnet.js';
import { note, openCorpus, withCorpus } from '../../support/corpus.js';
import { ORCHARD } from './fixtures.js';

let dossier: Dossier;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dossier, cleanup } = await openCorpus(ORCHARD));
});
afterAll(() => cleanup());

const matched = (topic: string) => {
  const query = analyseQuery(topic, dossier.index, dossier.ranking.query);
  return matchFor(dossier, aboutWhat(query, dossier.ranking.figures.changeWeight));
};

describe('matchFor', () => {
  it('answers a topic from the passages with figures that cover it', () => {
    const found = matched('pear harvest');
    expect(found?.match).toBe('confident');
    expect(found?.passages.map((p) => p.hit.passage.id).sort()).toEqual(['orchard.md#1', 'orchard.md#2']);
    expect(found?.threshold).toBeLessThanOrEqual(found!.closest.cover);
  });

  it('reads the figures of the paragraph after one that names the topic without a figure, with it as the lead', () => {
    const found = matched('seasonal pickers');
    expect(found?.passages.map((p) => [p.hit.passage.id, p.lead?.id])).toEqual([['orchard.md#4', 'orchard.md#3']]);
    expect(found?.closest.hit.passage.text).toBe('In August the orchards hired 420 of them.');
  });

  it('answers nothing for a topic the corpus does not speak of, or speaks of without figures', () => {
    expect(matched('submarine cables')).toBeUndefined();
    expect(matched('mosses and ferns')).toBeUndefined();
  });

  // Fails without namesCode: the passage naming X12 covers too little of the topic for either threshold.
  it('answers partly a topic naming a code a passage with figures holds, as ask does', async () => {
    const buses = {
      'routes.md': note('Bus routes', 'Route X12 carried 4,000 riders a day in 2023.'),
      'depot.md': note('Depot', 'The bus depot moved to the industrial estate; 120 drivers start shifts there.'),
    };
    await withCorpus(buses, (own) => {
      const topic = (code: string) => {
        const query = analyseQuery(
          `${code} punctuality complaints from furious commuters`,
          own.index,
          own.ranking.query,
        );
        return matchFor(own, aboutWhat(query, own.ranking.figures.changeWeight));
      };
      expect(topic('X12')?.match).toBe('partial');
      expect(topic('X12')?.closest.hit.passage.source).toBe('routes.md');
      expect(topic('Q47')).toBeUndefined();
    });
  });

  // Fails without namesRarely: the herd's passage covers too little of the topic for either threshold.
  it('answers partly a topic whose rare name a passage with figures holds beside another of its words', async () => {
    const stables = {
      'herd.md': note('Herd', 'The riding school keeps 12 Icelandic horses, bred for their calm temper.'),
      'trips.md': note('Trips', 'Older riders may join the yearly trek; 3 Welsh hill farms host the riders overnight.'),
      'tack.md': note('Tack', 'Volunteers clean 40 saddles on Sundays.'),
    };
    await withCorpus(
      stables,
      (own) => {
        const topic = (people: string) => {
          const query = analyseQuery(
            `laminitis in ${people} breeds among horses on lush meadows`,
            own.index,
            own.ranking.query,
          );
          return matchFor(own, aboutWhat(query, own.ranking.figures.changeWeight));
        };
        expect(topic('icelandic')?.match).toBe('partial');
        expect(topic('icelandic')?.closest.hit.passage.source).toBe('herd.md');
        // The Welsh passage holds no other word of the topic; the corpus holds no Norwegian one.
        expect(topic('welsh')).toBeUndefined();
        expect(topic('norwegian')).toBeUndefined();
      },
      { wordnet: WORDNET_DIR },
    );
  });

  // Fails without namesAnotherSubject: "costs" covers enough of "diesel costs" for a partial answer.
  it('answers nothing for a topic whose first noun, which the corpus lacks, says which costs are meant', async () => {
    const farms = {
      'grants.md': note('Grants', 'The grant pays 40 percent of eligible costs, up to £25,000 a farm.'),
      'fencing.md': note('Fencing', 'Stock fencing costs £7.40 a metre to put up.'),
      'yards.md': note('Yards', 'Yard resurfacing costs £48 a square metre.'),
      'advice.md': note('Advice', 'Advisers charge fees of £300 a visit.'),
      'birds.md': note('Birds', 'Skylarks nested on 60 farms in the spring survey.'),
      'ponds.md': note('Ponds', 'Ponds were dug on 12 farms last winter.'),
      // Enough passages for a word of one of them to weigh more than one of none, as in a corpus of any size.
      'diary.md': note(
        'Diary',
        Array.from({ length: 24 }, (_, i) => `Week ${i + 1}: rain, and the lambs grew.`).join('\n\n'),
      ),
    };
    await withCorpus(
      farms,
      (own) => {
        const topic = (words: string) =>
          matchFor(own, aboutWhat(analyseQuery(words, own.index, own.ranking.query), own.ranking.figures.changeWeight));
        expect(topic('diesel costs')).toBeUndefined();
        expect(topic('yard resurfacing costs')?.closest.hit.passage.source).toBe('yards.md');
        // The corpus names fees in one passage: a word rarer than the one it lacks, which may be said otherwise there.
        expect(topic('tractor fees')?.match).toBe('partial');
      },
      { wordnet: WORDNET_DIR },
    );
  });
});
