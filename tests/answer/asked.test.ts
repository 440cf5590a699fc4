import { describe, expect, it } from 'vitest';
import { asAsked, givesAsked } from '../../src/answer/asked.js';
import { amountsIn, analyseQuery } from '../../src/search/query.js';
import { ask } from '../../src/answer/ask.js';
import { WORDNET_DIR } from '../../src/search/wordnet.js';
import { corpusForSuite, note } from '../support/corpus.js';

describe('asAsked on a question asking who does something as a rule', () => {
  const harbour = corpusForSuite({
    'ferry.md': note('Ferry', 'The ferry service sails four times a day between the harbour and the island.'),
  });

  it('reads the verb from the terms the search found in each passage, not from its text again', () => {
    const dossier = harbour();
    const query = analyseQuery('who runs the ferry service', dossier.index, dossier.ranking.query);
    const passage = dossier.search(query, { limit: 1 })[0]!.passage;
    const read = (terms: string[]) => ({
      passage,
      amounts: amountsIn(passage.text, dossier.ranking.query.numberContext),
      terms,
    });
    // The passage's text never says "runs": only the terms the search found in it tell.
    expect(asAsked(dossier, query, 'confident', [read(dossier.index.analyzer.terms('ferry service'))]).match).toBe(
      'partial',
    );
    expect(asAsked(dossier, query, 'confident', [read(query.doer!.terms)]).match).toBe('confident');
  });
});

describe('a rare name of the question held only apart from its other words', () => {
  const rail = corpusForSuite(
    {
      'stations.md': note('Stations', 'The rail company runs stations in Leeds, York and Durham.'),
      'delays.md': note('Delays', 'Train delays rose to 12 percent last winter, when the signals failed twice.'),
      'pond.md': note('Pond', 'The pond beside the depot is fed by a spring.'),
      'fares.md': note('Fares', 'Fares rose by 4 percent in January, the first rise in three years.'),
      'leave.md': note('Leave', 'Drivers get 30 days of paid time off (PTO) a year.'),
      'carry.md': note('Carrying leave over', 'Up to five unused days may be carried into the next year.'),
      'plums.md': note('Orchard', 'Victoria plums grow beside the depot.'),
    },
    { wordnet: WORDNET_DIR },
  );
  const match = (question: string) => ask(rail(), question).match;

  it('is answered one step less surely: the corpus names the place in passing, never what is asked of it', () => {
    expect(match('train delays last winter')).toBe('confident');
    // Durham is named only in a list of stations, which says nothing of delays.
    expect(match('train delays at durham last winter')).toBe('partial');
    // Its passage holding another of the question's words speaks of it.
    expect(match('how many stations does the rail company run in durham')).toBe('partial');
    expect(match('stations the rail company runs in durham')).toBe('confident');
  });

  it('is not one the corpus writes in lower case, as another word, nor an acronym it writes in capitals', () => {
    // The dictionary's "Fed" (a federal agent) is the pond's "fed", a verb: the corpus names no one so.
    expect(
      analyseQuery('train delays the feds saw last winter', rail().index, rail().ranking.query).apartNames,
    ).toEqual(['fed']);
    // Answered as surely as with no such name.
    expect(match('train delays the feds saw last winter')).toBe('confident');
    // Nor is an acronym the corpus writes in capitals: "PTO" is the paid time off carried over in other words.
    expect(analyseQuery('can unused pto be carried over', rail().index, rail().ranking.query).apartNames).toEqual([
      'pto',
    ]);
    expect(match('can unused pto be carried over')).toBe('confident');
  });

  it('is not one the corpus capitalises only as the first word of a sentence, which any word may be', () => {
    // "Victoria" (the station, the city) opens a sentence on the depot's plums: no sign the corpus names a place.
    expect(analyseQuery('train delays at victoria last winter', rail().index, rail().ranking.query).apartNames).toEqual(
      ['victoria'],
    );
    expect(match('train delays at victoria last winter')).toBe('confident');
  });
});

describe('a question pinning its answer to a month', () => {
  const clinic = corpusForSuite({
    'report.md': [
      '---',
      'title: Clinic report',
      'date: 2026-11-20',
      '---',
      '',
      'The eye clinic saw 812 patients within six weeks in August, September and October, its best autumn.',
      '',
      'The hospital shop sells flowers, newspapers and snacks.',
    ].join('\n'),
    'parking.md': note('Parking', 'Parking at the eye clinic costs £3 for up to two hours, from April to June.'),
  });
  const match = (question: string) => ask(clinic(), question).match;

  it('is answered with nothing where it would be partly, when no closest passage names the month', () => {
    // Every other word is the report's, but a report on August to October says nothing of July.
    expect(match('how many eye clinic patients were seen within six weeks in july')).toBe('none');
    expect(match('how many eye clinic patients were seen within six weeks in september')).toBe('confident');
    // A range of months holding it, or the document's date, names it.
    expect(match('how much is parking at the eye clinic in may')).toBe('partial');
    expect(match('how many eye clinic patients were seen within six weeks in november')).toBe('partial');
  });
});

describe('a question pinning its answer to a quarter', () => {
  const ferry = corpusForSuite({
    'ferry.md': note(
      'Ferry results',
      [
        '| quarter | passengers | sailings |',
        '|---|---|---|',
        '| Q4 2025 | 61,000 | 410 |',
        '| Q1 2026 | 48,500 | 380 |',
        '| Q2 2026 | 57,200 | 402 |',
      ].join('\n'),
    ),
  });
  const match = (question: string) => ask(ferry(), question).match;

  it('is answered one step less surely when no closest passage names that quarter of that year', () => {
    // Rows for the second quarter of 2026 and the last of 2025 say nothing of the second quarter of 2025.
    expect(match('ferry passengers in q2 2025')).toBe('partial');
    expect(match('ferry passengers in q2 2026')).toBe('confident');
    expect(match('ferry passengers in the first quarter')).toBe('confident');
  });
});

describe('a passage giving the cause a question asks for', () => {
  const pump = corpusForSuite({
    'pump.md': note(
      'Pump failure',
      [
        '## What happened',
        '',
        'The pump at the river station stopped on Monday morning.',
        '',
        '## Why',
        '',
        'Its bearing had worn out after ten years without a service.',
      ].join('\n'),
    ),
  });

  it('gives it under a section headed "why", whatever words its text uses', () => {
    const dossier = pump();
    const query = analyseQuery('what stopped the pump', dossier.index, dossier.ranking.query);
    const gives = (heading: string) => {
      const passage = dossier.passages.find((p) => p.heading === heading)!;
      const amounts = amountsIn(passage.text, dossier.ranking.query.numberContext);
      return givesAsked(dossier, query, { passage, amounts, terms: [] }, 'cause');
    };
    expect(gives('Why')).toBe(true);
    expect(gives('What happened')).toBe(false);
  });
});

describe('a time or an amount a question asks for, read near what it asks about', () => {
  const harbour = corpusForSuite({
    'harbour.md': note(
      'Harbour news',
      [
        'The harbour was dredged in March 2019 to take larger boats, at a cost of £40,000.',
        'Fishing crews moored at the old quay while the slipway was shut.',
        'The council later bought a second boat.',
        'A night ferry now sails to the island on weekdays.',
        'Tickets are sold on board.',
      ].join(' '),
    ),
  });
  const match = (question: string) => ask(harbour(), question).match;

  it('is answered one step less surely when the only date or sum is in a sentence on something else', () => {
    // The paragraph dates the dredging, not the night ferry, and prices the dredging, not its tickets.
    expect(match('when does the night ferry sail to the island')).toBe('partial');
    expect(match('how much is a night ferry ticket to the island')).toBe('partial');
    expect(match('when was the harbour dredged for larger boats')).toBe('confident');
    expect(match('how much did dredging the harbour cost')).toBe('confident');
  });
});
