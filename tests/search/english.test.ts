import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/search/analyzer.js';
import {
  ABBREVIATIONS,
  ambiguousPastForms,
  AMOUNT_NAMED,
  ANSWER_TYPES,
  answerType,
  COUNT_ASKED_OF,
  ANYONE_DID,
  DOER_ASKED,
  EVER_DID,
  IRREGULAR_FORMS,
  MINUTES_IN,
  NUMBER_WORDS,
  SAID_BY_SOURCE,
  TIME_UNITS,
  otherSpellings,
  withoutPrefix,
} from '../../src/search/english.js';
import { baseForms, WORDNET_DIR } from '../../src/search/wordnet.js';
import { corpusForSuite, note } from '../support/corpus.js';

describe('the word tables', () => {
  it('hold no entry for a name every object has: "constructor" is a word like any other', () => {
    expect(NUMBER_WORDS['constructor']).toBeUndefined();
    expect(IRREGULAR_FORMS['constructor']).toBeUndefined();
    expect(ABBREVIATIONS['constructor']).toBeUndefined();
    expect(ambiguousPastForms('constructor')).toEqual([]);
    expect(new Analyzer().terms('who was the constructor of the bridge')).toContain('constructor');
    expect(baseForms('constructors')).toContain('constructor');
  });
});

describe('DOER_ASKED', () => {
  it.each([
    ['who runs the ferry service', 'runs'],
    ["who sets the water company's targets", 'sets'],
    ["who's running the ferry service", 'running'],
    ['whos running the gulf ferries these days', 'running'],
    ['so who is leading the inquiry', 'leading'],
    ['who are funding the new pier', 'funding'],
    ['who is the mayor', undefined],
    ['who was running', undefined],
    ["who's getting quotes for the freezer", undefined],
    ['who is being paid the bonus', undefined],
  ])('%s: asks who does it by %s', (question, verb) => {
    const asked = DOER_ASKED.exec(question);
    expect(asked?.[1] ?? asked?.[2]).toBe(verb);
  });
});

describe('ANYONE_DID', () => {
  it.each([
    ['has anyone been convicted over the ferry sinking', 'convicted'],
    ['did anybody get fined for mooring on the slipway', 'fined'],
    ['so has someone actually claimed the prize', 'claimed'],
    ['ok did anyone ever repair the lamp', 'repair'],
    ['who runs the ferry service', undefined],
    ['was the lamp repaired by anyone', undefined],
    ['the board asked whether anyone was fined', undefined],
  ])('%s: asks whether anyone did it, by %s', (question, verb) => {
    expect(ANYONE_DID.exec(question)?.[1]).toBe(verb);
  });
});

describe('SAID_BY_SOURCE', () => {
  it.each([
    ['The ferry company reported a 12 percent rise in fares.', ['reported']],
    ['Harbour staff say 300 boats moored there, and a survey found most were local.', ['say', 'found']],
    ['The audit shows 40 leaks, officials noted.', ['shows', 'noted']],
    ['Only one in five leaks are reported to the council.', []],
    ['Leaks were widely reported in June, as the report on the mains noted.', ['noted']],
    ['The latest report for 2021 gives 40 leaks, and the reports of the engineers agree.', []],
    ["Reported leaks fell by half; the report's authors found 12.", ['found']],
  ])('%s: the verbs of saying used of a source are %j', (sentence, verbs) => {
    expect(sentence.match(SAID_BY_SOURCE) ?? []).toEqual(verbs);
  });
});

describe('EVER_DID', () => {
  it.each([
    ['did the ferry ever sail at night', 'sail'],
    ['has the pier ever been closed', 'closed'],
    ['was the skipper ever fined for mooring on the slipway', 'fined'],
    ["so did the harbour master's son ever get arrested in the end", 'arrested'],
    ['is the ferry ever late', undefined],
    ['the board asked whether the pier was ever closed', undefined],
  ])('%s: asks whether it ever happened, by %s', (question, verb) => {
    expect(EVER_DID.exec(question)?.[1]).toBe(verb);
  });
});

describe('otherSpellings', () => {
  it.each([
    ['defence', 'defense'],
    ['colour', 'color'],
    ['organisations', 'organizations'],
    ['analyse', 'analyze'],
    ['centre', 'center'],
    ['travelled', 'traveled'],
    ['catalogue', 'catalog'],
    ['programme', 'program'],
  ])('gives %j for %j and the other way round', (british, american) => {
    expect(otherSpellings(british)).toContain(american);
    expect(otherSpellings(american)).toContain(british);
  });

  it('reads the British "ae" and "oe" of medicine and science', () => {
    expect(otherSpellings('haemorrhage')).toContain('hemorrhage');
    expect(otherSpellings('oestrogen')).toContain('estrogen');
  });

  it('makes no other word of a word that only looks like one', () => {
    expect(otherSpellings('fourth')).toEqual([]);
    expect(otherSpellings('mourning')).toEqual([]);
    expect(otherSpellings('filled')).toEqual([]);
  });
});

describe('ambiguousPastForms', () => {
  it('gives the verb of a past form that is also a word of its own, and the form of the verb', () => {
    expect(ambiguousPastForms('fed')).toEqual(['feed']);
    expect(ambiguousPastForms('Feed')).toEqual(['fed']);
    expect(ambiguousPastForms('find')).toEqual(['found']);
    // A past form the analyser reads as its verb already ("bought" as "buy") needs none; nor does a word of no verb.
    expect(ambiguousPastForms('bought')).toEqual([]);
    expect(ambiguousPastForms('parcel')).toEqual([]);
  });
});

describe('withoutPrefix', () => {
  it('gives the word a common prefix was put before', () => {
    expect(withoutPrefix('underpaid')).toBe('paid');
    expect(withoutPrefix('microinvasive')).toBe('invasive');
    expect(withoutPrefix('nonprofit')).toBe('profit');
  });

  it('gives nothing for a word with no prefix, or one whose rest is under four letters', () => {
    expect(withoutPrefix('paid')).toBeUndefined();
    expect(withoutPrefix('repay')).toBeUndefined();
  });
});

describe('a count or a share in a question', () => {
  const asks = (kind: 'count' | 'share', question: string) =>
    ANSWER_TYPES.find(([type, asking]) => type === kind && asking.test(question)) !== undefined;

  it.each([
    ['number of ferries cancelled', 'count', true, true],
    ['storms raise the number of ferries cancelled', 'count', true, false],
    ['how many ferries sailed', 'count', true, true],
    ['count of ferries', 'count', false, true],
    ['what % of pupils walk', 'share', true, true],
    ['the share of pupils who walk', 'share', true, false],
    ['fares rose 5 per cent', 'share', true, false],
    // Chat's label after the topic says the kind of figure it wants, as "%" does: "ferries cancelled, count".
    ['ferries cancelled in march, count', 'count', true, false],
    ['pupils walking to school - tally', 'count', true, false],
    ['ferries cancelled (count)', 'count', true, false],
    ['the count was delayed', 'count', false, false],
    ['votes in the recount, by ward', 'count', false, false],
  ] as const)('%s: names a %s %s, asks for one %s', (question, kind, named, asked) => {
    expect([AMOUNT_NAMED[kind].test(question), asks(kind, question)]).toEqual([named, asked]);
  });
});

describe('a question asking who or where', () => {
  const asked = (question: string) => ANSWER_TYPES.find(([, asking]) => asking.test(question))?.[0];

  it.each([
    ['who opened the new museum wing', 'person'],
    ['so who runs the ferry?', 'person'],
    ['the ferry is run by who?', 'person'],
    ['staff who work late get a taxi home', undefined],
    ['where was the footbridge built', 'place'],
    ['the pier is where?', 'place'],
    ['the town where the ferry docks', undefined],
    ['who counts how many ferries sail', 'count'],
    ['whos the harbour master', 'person'],
    ['wheres the ferry office', 'place'],
  ] as const)('%s: asks for %s', (question, kind) => {
    expect(asked(question)).toBe(kind);
  });
});

describe('a question asking why', () => {
  const asked = (question: string) => ANSWER_TYPES.find(([, asking]) => asking.test(question))?.[0];

  it.each([
    ['why did the pump fail', 'cause'],
    ["why'd the ferry stop running", 'cause'],
    ['ok how come the pier closed', 'cause'],
    ['the ferry stopped - why?', 'cause'],
    ['what caused the pump to fail', 'cause'],
    ['so what led to the ferry stopping', 'cause'],
    ['what was the cause of the pier closing', 'cause'],
    ['the reason why fares rose', undefined],
    ['why did fares rise - how many rose?', 'count'],
  ] as const)('%s: asks for %s', (question, kind) => {
    expect(asked(question)).toBe(kind);
  });
});

describe('a topic asking when', () => {
  // Whether a word is a superlative, WordNet says: the index's dictionary over a corpus of one note.
  const dossier = corpusForSuite({ 'a.md': note('Ferry', 'The ferry sails daily.') }, { wordnet: WORDNET_DIR });
  const asksTime = (topic: string) => answerType(topic, (word) => dossier().index.superlative(word)) === 'time';

  it.each([
    ['when did the ferry service start', true],
    ['whens the next ferry', true],
    ['ferry service launch date', true],
    ['date of the harbour vote', true],
    ['first year of the ferry service', true],
    ['busiest month for the ferry, which one', true],
    ['toll in place till what yr', true],
    ['day the ferry sank', true],
    ['year the council closed the pier', true],
    ['week harbour staff went on strike', true],
    ['yr mayor jones took office', true],
    ['date the harbour board set the new fares', true],
    ['yr the ~1.2k harbour passengers were counted for', true],
    ['year the 40 new ferry cabins were fitted', true],
    ['week the £3,500 harbour grant was paid', true],
    // Two words joined by "and", "+", "&" or chat's "n" are one of the subject's words.
    ["month n yr the two towns' harbour + ferry boards signed off on the fares", true],
    ['day the harbour & ferry crews walked out', true],
    ['day ticket prices, ferries cancelled', false],
    ['earliest yr in the harbour survey', true],
    ['wettest month on record at the pier', true],
    ['the most crowded day at the harbour fair', true],
    ['busiest week for the ferry - which', true],
    ['latest year in the harbour survey', false],
    ['ferry fares beat which fiscal yr', true],
    ['harbour dues overspent in which fy', true],
    ['what earlier year did pier repairs cost more', true],
    ['which fiscal officer signed the harbour budget', false],
    ['best month for sailing to the island', true],
    ['worst day at the harbour fair', true],
    ['driest month on record at the pier', true],
    ['hottest week at the harbour', true],
    ['guest day at the harbour fair', false],
    ['digest day in the ferry week', false],
    ['request month in the harbour survey', false],
    ['forest day at the harbour fair', false],
    ['modest day at the harbour fair', false],
    ['busiest month passenger numbers', false],
    ['harvest month prices at the market', false],
    ['harbour strike - the day the crews were told to stop', true],
    ['harbour fees in 2019, and yr mayor jones took office', true],
    ['harbour pier reopening yr + ferry fares that summer', true],
    ['ferry fares + harbour dues, totals', false],
    ['ferry fares in 2019 and when the new pier opened', true],
    ['harbour dues + when the board last raised them', true],
    ['ferry passengers n the week the new boats were launched', true],
    ['ferry passengers and year round fares', false],
    ['ferry timetable, the week the new boats were launched', true],
    ['ferry fares - the day return price', false],
    ['harbour strike - crews set the dates', false],
    ['years when the ferry ran at a loss', true],
    ['yrs when harbour fees went up after the 2015 vote', true],
    ['the month when storms hit the harbour', true],
    ['days when the ferry ran late, how many', false],
    ['years mayor jones led the harbour board', true],
    ['harbour strike - the days the crews walked out', true],
    ['days the ferry ran late, how many', false],
    ['founding yr of the rowing club', true],
    ['dates of the two harbour board votes', true],
    ['harbour toll stays in place until', true],
    ['pier shut since?', true],
    ['ferry runs till', true],
    ['ferry fares since the 2019 vote', false],
    ['harbour toll in place until 2030, cost', false],
    ['how long will the council keep the ferry running', true],
    ['how long will it take to mend the pier', false],
    ['how long would it take the board to decide', false],
    ["dates of the mayor's first speech at the quay", true],
    ['years of service on the harbour ferry', false],
    ['days of strikes at the port', false],
    ['opening week of the harbour festival', true],
    ['harbour festival at the quay, which wk', true],
    ['one day of strikes at the port', false],
    ['each week of the sailing season', false],
    ["smith's years as harbour master", true],
    ["jones's yrs in office", true],
    ['years as harbour master, how many', false],
    ['ferry fares peaked when before they fell', true],
    ['the pier closed when exactly', true],
    ['ferry fares rise when fuel costs more', false],
    ['harbour ferry - years active', true],
    ['smith as harbour master - start and end yrs', true],
    ['the old ferry service: first and last years', true],
    ['ferry contract - two or three years', false],
    ['harbour regatta - month and yr', true],
    ['ferry strike, day & month', true],
    ['pier reopening: date/time', true],
    ['ferry passengers - month and yr totals', false],
    ['old pier, dates open', true],
    ['old pier - date of opening', true],
    ['harbour water quality - period of decline in bathing grades', true],
    ['harbour ferry - years of service', false],
    ['ferry contract length - ten-year', false],
    ['ferry passengers, year on year', false],
    ['day ticket prices on the ferry', false],
    ['year to date ferry crossings', false],
    ['month pass holders on the ferry', false],
    ['count of ferries sailing to date', false],
    ['ferry passengers this year', false],
    ['how many ferries sail each day', false],
    ['pier launch yr, per the council minutes', true],
    ['harbour strike - worst day and longest week', true],
    ['ferry losses - peak yr then the recovery', true],
    ['ferry museum opening yr and its ticket sales', true],
    ['ferry passengers, last year, by route', false],
    ['ferry fares - two years and counting', false],
    ['harbour traffic - a typical day, by hour', false],
    ['harbour traffic - fourth day, by hour', false],
    ['ferry crossings - twentieth year and the winter', false],
    ['ferry crossings, the whole year and the winter', false],
    ['harbour dues last financial yr, total', false],
  ] as const)('%s: %s', (topic, asked) => {
    expect(asksTime(topic)).toBe(asked);
  });
});

describe('a question asking how many of something', () => {
  it.each([
    ['how many ferries sailed', true],
    ['number of ferries cancelled', true],
    ['tally of ferries', true],
    // A statement about the number, as a claim opens, asks for a count (ANSWER_TYPES) but not of what follows.
    ['The number of ferries rose with the new harbour', false],
    ['storms raise the number of ferries cancelled', false],
  ] as const)('%s: %s', (question, asked) => {
    expect(COUNT_ASKED_OF.test(question)).toBe(asked);
  });
});

describe('MINUTES_IN', () => {
  it('is the one table of the units of time: TIME_UNITS are its words, singular and plural alike', () => {
    expect([...TIME_UNITS]).toEqual([...MINUTES_IN.keys()]);
    expect(MINUTES_IN.get('decades')).toBe(MINUTES_IN.get('decade'));
    expect(MINUTES_IN.get('centuries')).toBe(MINUTES_IN.get('century'));
  });

  it('sizes each unit in minutes, from the smallest to the largest', () => {
    const order = ['minute', 'hour', 'day', 'week', 'month', 'quarter', 'year', 'decade', 'century'];
    expect(order.every((unit) => TIME_UNITS.has(unit))).toBe(true);
    const sizes = order.map((unit) => MINUTES_IN.get(unit)!);
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
    expect(MINUTES_IN.get('day')).toBe(24 * 60);
    expect(MINUTES_IN.get('year')).toBe(365.25 * 24 * 60);
    expect(MINUTES_IN.get('decade')).toBe(10 * MINUTES_IN.get('year')!);
    expect(MINUTES_IN.get('century')).toBe(100 * MINUTES_IN.get('year')!);
  });
});
