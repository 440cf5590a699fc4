import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { figuresInSentence, figuresInSentences, type Figure } from '../../../../src/answer/figures/grammar/index.js';
import { readTable } from '../../../support/table.js';

// Every sentence below is written for these tests; the seeds are read at run time only.
const only = (sentence: string): Figure => {
  const figures = figuresInSentence(sentence);
  expect(figures.map((f) => f.text)).toHaveLength(1);
  return figures[0]!;
};
const texts = (sentence: string): string[] => figuresInSentence(sentence).map((f) => f.text);

const ONE_FIGURE = readTable(
  new URL('./one-figure-sentences.yaml', import.meta.url),
  z.strictObject({
    what: z.string().min(1),
    sentence: z.string().min(1),
    figure: z.strictObject({
      text: z.string().optional(),
      value: z.union([z.number(), z.strictObject({ low: z.number(), high: z.number() })]).optional(),
      unit: z.string().optional(),
      per: z.string().optional(),
      hedge: z.string().optional(),
      // null in the file: the figure has no measure.
      measure: z
        .string()
        .nullable()
        .transform((measure) => measure ?? undefined)
        .optional(),
      when: z.string().optional(),
    }),
  }),
);

describe('figuresInSentence: one figure', () => {
  for (const { what, sentence, figure } of ONE_FIGURE)
    it(what, () => {
      expect(only(sentence)).toMatchObject(figure);
    });
});

describe('figuresInSentence: counts', () => {
  it('a count read through "of those" takes the measure and time of the figure before', () => {
    const [, part, rest] = figuresInSentence(
      'Some 9,000 wildfires burned in 2020, with over 2,000 of those started ' +
        'by lightning and some 700 started by trains.',
    );
    expect(part).toMatchObject({
      text: 'over 2,000',
      value: 2000,
      measure: 'wildfires started by lightning',
      when: 'in 2020',
    });
    expect(rest).toMatchObject({ text: 'some 700', measure: 'wildfires started by trains', when: 'in 2020' });
  });

  it('a part read through "of those" keeps a participle that takes its object directly', () => {
    const [, trucks, buses] = figuresInSentence(
      'The county recorded 9,000 road crashes in 2021, with over 2,000 of those involving trucks and some 900 ' +
        'involving buses.',
    );
    expect(trucks).toMatchObject({ text: 'over 2,000', measure: 'road crashes involving trucks' });
    expect(buses).toMatchObject({ text: 'some 900', measure: 'road crashes involving buses' });
  });

  it('a part read through "of which" or "of whom" is what its predicate says of the whole, never the whole', () => {
    for (const sentence of [
      'The depot holds 38 buses, of which 12 are electric.',
      'The depot holds 38 buses, 12 of which are electric.',
    ])
      expect(figuresInSentence(sentence)).toMatchObject([
        { text: '38 buses', measure: 'buses' },
        { text: '12', value: 12, measure: 'electric buses' },
      ]);
    expect(figuresInSentence('The bakery employs 40 people, of whom 15 were apprentices in 2021.')).toMatchObject([
      { text: '40 people', measure: 'people' },
      { text: '15', measure: 'apprentices', when: 'in 2021' },
    ]);
    expect(figuresInSentence('The town has 9 schools, 3 of which are small and rural.')[1]).toMatchObject({
      text: '3',
      measure: 'small and rural schools',
    });
  });

  it('a count in words pointing back at a count before it, as its digits do: "nine of them", "eleven fewer"', () => {
    // A pottery's notes of our own.
    expect(figuresInSentence('The pottery fired 30 kilns in 2024 and eleven fewer in 2025.')[1]).toMatchObject({
      text: 'eleven',
      value: 11,
      measure: 'kilns',
      when: 'in 2025',
    });
    expect(figuresInSentence('The guild has twelve studios and nine of them need new kilns.')[1]).toMatchObject({
      text: 'nine',
      value: 9,
      measure: expect.stringMatching(/^studios/),
    });
    // Alone, a count in words is elliptic still, and counts nothing a reader would ask by.
    expect(figuresInSentence('Five arrived late.')).toEqual([]);
    expect(figuresInSentence('Eleven fewer came.')).toEqual([]);
  });

  it('a season tied to now after a count is its time, not part of what it counts', () => {
    expect(only('The pottery took on 40 volunteers last spring.')).toMatchObject({
      text: '40 volunteers',
      measure: 'volunteers',
      when: 'last spring',
    });
    expect(only('The pottery will take on 12 volunteers next summer.')).toMatchObject({
      measure: 'volunteers',
      when: 'next summer',
    });
  });

  it('an elliptic count with a participle: "8,200 killed" reads the participle, which labels it', () => {
    const killed = only('During 2018, the region counted 8,200 killed.');
    expect(killed).toMatchObject({ text: '8,200 killed', value: 8200, when: 'During 2018', measure: 'killed' });
    // A past form with its object is a clause's verb; an irregular one is a participle after "with" only.
    expect(figuresInSentence('Some 30 volunteers helped, and 12 painted the hall.').map((f) => f.text)).toEqual([
      'Some 30 volunteers',
      '12',
    ]);
  });

  it('an irregular participle after "with" counts as one in "-ed" does', () => {
    // A river's and a kennel's notes of our own.
    expect(only('The anglers had a fine day, with 40 caught before noon.')).toMatchObject({
      text: '40 caught',
      measure: 'caught',
    });
    expect(only('The kennel reopened in May with 25 dogs held there.')).toMatchObject({ text: '25 dogs' });
    expect(only('About 40 went home early.')).toMatchObject({ text: 'About 40' });
  });

  it('a count whose word of state ends its clause is that state: another beside a state, a part of a plural', () => {
    // A mountain rescue's and a vet's notes of our own.
    expect(figuresInSentence('The avalanche left 30 hurt and 4 dead.')).toMatchObject([
      { text: '30 hurt', measure: 'hurt' },
      { text: '4 dead', measure: 'dead' },
    ]);
    expect(figuresInSentence('Of the 48 dogs treated, 31 recovered, 9 worsened and 8 died.')).toMatchObject([
      { text: '48 dogs', measure: 'dogs' },
      { text: '31 recovered', measure: 'dogs (recovered)' },
      { text: '9 worsened', measure: 'dogs (worsened)' },
      { text: '8 died', measure: 'dogs (died)' },
    ]);
    // A comparative counts the same thing again; an adjective before its noun qualifies it.
    expect(figuresInSentence('The kennel took in 40 dogs in May and 12 more.')[1]).toMatchObject({ measure: 'dogs' });
    expect(figuresInSentence('The shelter housed 40 dogs: 12 young and 20 older dogs.')[1]?.measure).not.toBe(
      'dogs (young)',
    );
  });
});

describe('figuresInSentence: bounds', () => {
  it('a bound on a noun is no figure, and the figures around it keep their measures', () => {
    expect(figuresInSentence('Some 40 percent of drivers under 25 were fined in 2020.')).toMatchObject([
      { text: 'Some 40 percent', measure: 'drivers', when: 'in 2020' },
    ]);
    expect(texts('Drivers under 25 caused 2,400 crashes in 2021.')).toEqual(['2,400 crashes']);
  });

  it('a bound on a class is no count of the word after it, which is its verb', () => {
    expect(texts('Members under 18 swim free at the lido, and pensioners over 65 skate free.')).toEqual([]);
    expect(texts('Members under 18 swim free, but the club has over 400 members.')).toEqual(['over 400 members']);
  });

  it("a bound in a table row's first cell names the row's band; the cells after it are its figures", () => {
    expect(texts('below 90% but at least 80% — pass rate bonus: 5%; fee refund: £40')).toEqual(['5%', '£40']);
    expect(texts('over 65 — riders: 1,200')).toEqual(['1,200']);
    // A range there too: a swimming pool's ticket for children of an age, and a tax band of our own.
    expect(texts('ticket: Junior (8 to 16) — single: £2.40; season: £60')).toEqual(['£2.40', '£60']);
    expect(texts('income: £12,000 to £20,000 — rate: 15%')).toEqual(['15%']);
    // A band's figures outside a row's first cell are figures as before.
    expect(texts('Growth stayed above 5 percent — a record, with 40 firms: the most yet.')).toContain('5 percent');
  });

  it('"made up 12 percent" is a share, not a rise', () => {
    expect(only('Children aged 5 to 11 made up 12 percent of cases.')).toMatchObject({
      text: '12 percent',
      measure: 'cases',
    });
  });

  it('a bare count after a hedge with no noun before it is still a figure', () => {
    expect(texts('In the last year over 2,000 died.')).toEqual(['over 2,000 died']);
  });
});

describe('figuresInSentence: an abbreviation in brackets', () => {
  it('inside a noun phrase, before its head, is part of what a count counts', () => {
    expect(only('The mill employs 85 full-time equivalent (FTE) weavers.')).toMatchObject({
      text: '85 full-time equivalent (FTE) weavers',
      measure: 'full-time equivalent (FTE) weavers',
    });
    // After the head it ends the phrase, as any bracket does.
    expect(texts('The mill trains 12 machine operators (MOs) and 4 dyers.')).toEqual([
      '12 machine operators',
      '4 dyers',
    ]);
  });
});

describe('figuresInSentence: counts that introduce what they count', () => {
  it('a count in words whose things are named right after it, or listed after its colon, is no figure', () => {
    expect(texts('By 1990 two mills, the Weir Mill and the Dye Works, spun most of the wool.')).toEqual([]);
    expect(texts('The club sorts its work under three headings (Annual report, 2021):')).toEqual([]);
  });

  it('a count in words with nothing listed after it, or other than it says, stays a figure', () => {
    expect(texts('The mill had two breakdowns, and the dye works one.')).toEqual(['two breakdowns']);
    expect(texts('By 1990 two mills, the Weir Mill and the Dye Works and Eastfield, spun wool.')).toEqual([
      'two mills',
    ]);
    expect(texts('The town had over 40 mills, the Weir Mill and the Dye Works among them.')).toEqual(['over 40 mills']);
  });
});

describe("figuresInSentence: a report's numbered paragraph", () => {
  it('reads the figures after its number, and a figure opening a sentence before its unit or scale', () => {
    expect(texts('2.3 The quay took 1,240 boats, up from 1,105.')).toEqual(['1,240 boats', '1,105']);
    expect(texts('2.5 Million visitors came, and 4.5 Tonnes of nets were landed.')).toEqual([
      '2.5 Million visitors',
      '4.5 Tonnes',
    ]);
  });
});

describe('figuresInSentence: lengths of time', () => {
  it('a length in two or more units is one figure, valued in its first unit', () => {
    expect(figuresInSentence('The strike lasted 3 days, 4 hours and 12 minutes.')).toMatchObject([
      { text: '3 days, 4 hours and 12 minutes', value: 3 + 4 / 24 + 12 / 1440, unit: 'count' },
    ]);
    // "by 2 hours" is a time's ("by 2025"), and its minutes no length of their own.
    expect(texts('The ferry takes 1 hour 5 minutes and costs $4, and ran late by 2 hours 30 minutes.')).toEqual([
      '1 hour 5 minutes',
      '$4',
    ]);
    expect(texts('It ran for 1 hour.')).toEqual([]);
    // Decades and centuries are units of the one table of time too (`MINUTES_IN`), read as the others are.
    expect(figuresInSentence('The strike lasted 2 decades and 4 years.')).toMatchObject([
      { text: '2 decades and 4 years', value: 2.4, unit: 'count' },
    ]);
  });

  it('a length with its units shortened is one figure, as it is spelt out', () => {
    expect(figuresInSentence('The kiln lasted 2 h 40 min.')).toMatchObject([
      { text: '2 h 40 min', value: 2 + 40 / 60, unit: 'count' },
    ]);
    expect(texts('The strike lasted 3 hrs; the second 1 h 5 mins.')).toEqual(['3 hrs', '1 h 5 mins']);
  });

  it('a length after "of" and a noun is how long that noun lasted', () => {
    expect(figuresInSentence('The kiln reopened at noon, after a closure of 2 hours 40 minutes.')).toMatchObject([
      { text: '2 hours 40 minutes', value: 2 + 40 / 60, unit: 'count', measure: 'closure' },
    ]);
    expect(texts('The lift was shut for repairs, a closure of 3 hours.')).toEqual(['3 hours']);
  });

  it('a word saying which days or hours stands inside a length, and is no noun it counts', () => {
    expect(figuresInSentence('Kiln repairs — first visit: 3 business days')).toMatchObject([
      { text: '3 business days', unit: 'count', value: 3, measure: 'first visit' },
    ]);
    expect(texts('Glazes take 4 working days to set; the 40 new kilns sold out last year.')).toEqual([
      '4 working days',
      '40 new kilns',
    ]);
    // "within" frames a time, as "within 14 days" does.
    expect(texts('Orders ship within 5 working days.')).toEqual([]);
  });

  it('a length before the date it happened on, or before what it took to do, says how long', () => {
    expect(texts('The kiln was down for 9 hours on 3 May 2024.')).toEqual(['9 hours']);
    expect(texts('Repairs took 2 days to finish.')).toEqual(['2 days']);
    expect(texts('Two years on, the mill reopened; in the 12 months to May, 40 kilns closed.')).toEqual(['40 kilns']);
  });

  it('a length before "on" and what the time went on is an amount of time given, not a time counted on', () => {
    expect(texts('Potters gave 1,200 hours on the new kiln.')).toEqual(['1,200 hours']);
    expect(texts('The guild spent 35 days on them.')).toEqual(['35 days']);
    expect(texts('Ten years on, 40 kilns were still firing.')).toEqual(['40 kilns']);
    expect(texts('Glaze samples were kept for 30 days on a shelf.')).toEqual([]);
  });

  it('a length that "be" says of its subject measures it; one that a subject lasted does not', () => {
    expect(figuresInSentence('The average wait at the weir was about 47 minutes.')).toMatchObject([
      { text: 'about 47 minutes', measure: 'average wait at the weir' },
    ]);
    expect(figuresInSentence('The ferry has run for 40 years.')[0]!.measure).toBeUndefined();
  });

  it("a cell under no column's header is of its row's name, as a table without a header row writes it", () => {
    // A marina's price list of our own, as `tableRow` writes a headerless table's rows.
    expect(figuresInSentence('Mooring — £42.50 a week')).toMatchObject([{ text: '£42.50 a week', measure: 'Mooring' }]);
    expect(figuresInSentence('Dry storage — £310; £280')).toMatchObject([
      { text: '£310', measure: 'Dry storage' },
      { text: '£280', measure: 'Dry storage' },
    ]);
    expect(figuresInSentence('Balance to pay — £96 a month')[0]!.measure).toBe('Balance to pay');
    // A cell under its column's header keeps the header's measure; a dash in a sentence names no row.
    expect(figuresInSentence('berth: Jetty B — fee: £12')[0]!.measure).toBe('fee');
    expect(figuresInSentence('The slipway — rebuilt in May — took 40 days.')[0]!.measure).toBeUndefined();
  });

  it('a length after a label and its colon measures the label, as a count there does', () => {
    // "mean" and "wait" are read as verbs; in a label they name what it is.
    expect(figuresInSentence('Workshop — mean wait for parts: 3 days; average refit: 40 days')).toMatchObject([
      { text: '3 days', measure: 'mean wait for parts' },
      { text: '40 days', measure: 'average refit' },
    ]);
  });

  it('a length "be" says of a subject that defines its abbreviation measures both, and so does its baseline', () => {
    expect(figuresInSentence('Mean refit duration (MRD) was 30 days, up from 24 days in 2023.')).toMatchObject([
      { text: '30 days', measure: 'Mean refit duration (MRD)' },
      { text: '24 days', measure: 'Mean refit duration (MRD)', when: 'in 2023' },
    ]);
  });

  it('the first end of a change of length is a length, as the second is, where "from" a date frames', () => {
    expect(texts('The crossing was cut from 40 minutes to 25 minutes.')).toEqual(['40 minutes', '25 minutes']);
    expect(texts('From 3 May to 5 May the ferry ran hourly, 2 hours later than planned.')).toEqual([]);
  });
});

describe('figuresInSentence: a unit at the end of a sentence', () => {
  it('keeps the full stop out of the figure and its measure', () => {
    expect(figuresInSentence('The median wait was 95 ms.')).toMatchObject([{ text: '95 ms', measure: 'ms' }]);
  });
});

describe('figuresInSentence: versions', () => {
  it('the parts of a dotted version are no figures, nor a decimal that is the subject of a verb', () => {
    expect(texts('The firmware v3.1.4 cut the boot time by 40%.')).toEqual(['40%']);
    expect(texts('Since 7.2 shipped, 6.9 gets only security fixes; move to v7.2.3 before June.')).toEqual([]);
  });

  it('a version after its name is no figure, nor one with a "v"', () => {
    expect(texts('Version 2.6 lifts the file size cap to 8 GB.')).toEqual(['8 GB']);
    expect(texts('The kit runs on Python 3.12 and needs 4 cores.')).toEqual(['4 cores']);
    expect(texts('Firmware v2 added 40 new stations, and v4.2.1 fixed 12 bugs.')).toEqual([
      '40 new stations',
      '12 bugs',
    ]);
  });

  it('a number after "version", "release" or "edition" is a version and no figure, after a verb too', () => {
    expect(texts('This guide replaces version 3.1 and holds 12 new rules.')).toEqual(['12 new rules']);
    expect(texts('As of release 14.0 the catalogue lists over 9,000 plants.')).toEqual(['over 9,000 plants']);
    expect(texts('The atlas replaces edition 2.1 and maps 300 villages.')).toEqual(['300 villages']);
  });

  it('a decimal after its verb, or counting a unit, stays a figure', () => {
    expect(texts('The index rose to 4.3 last year, and yields were 2.5 tonnes a hectare.')).toEqual([
      '4.3',
      '2.5 tonnes',
    ]);
  });
});

describe('figuresInSentence: years and counts', () => {
  it('a round number shaped like a year is a count before a plural noun or after a hedge', () => {
    expect(only('2000 officers were hired last year.')).toMatchObject({ text: '2000 officers', value: 2000 });
    expect(only('Last week 1800 trucks crossed the bridge.')).toMatchObject({ text: '1800 trucks', unit: 'count' });
    expect(only('The school has about 1500 pupils.')).toMatchObject({ text: 'about 1500 pupils', hedge: 'about' });
  });

  it('a year after a time word or a determiner, or joined to another, stays a year', () => {
    for (const sentence of [
      'The bakery opened in 2000.',
      'The line will close by 1999.',
      'Fares have risen since 2015.',
      'The 2020 budget was cut.',
      'Fares rose in 2019–2021.',
    ])
      expect(texts(sentence), sentence).toEqual([]);
    expect(only('In 2000 the ferry carried 40 cars.')).toMatchObject({ text: '40 cars', when: 'In 2000' });
  });

  it('a number between a month and a plural noun counts the noun in that month', () => {
    expect(only('In May 15 people died in ferry accidents.')).toMatchObject({
      text: '15 people',
      value: 15,
      measure: 'people',
      when: 'In May',
    });
    expect(only('On May 15 two ferries collided.')).toMatchObject({ text: 'two ferries', when: 'May 15' });
    expect(texts('In May 15 the ferry sank.')).toEqual([]);
  });
});

describe('figuresInSentences: a pronoun subject', () => {
  const read = (...sentences: string[]) =>
    figuresInSentences([sentences.join(' ')])[0]!.map((f) => [f.text, f.measure]);

  it('a figure measuring nothing named is of what "it" or "they" stands for, one thing of its number before', () => {
    expect(read('The beekeepers met at the orchard.', 'They numbered 120 in July.')).toEqual([['120', 'beekeepers']]);
    expect(read('The cider press opened in 1994.', 'It earned £4,000 last year.')).toEqual([['£4,000', 'cider press']]);
    // Two singular things, or none of the pronoun's number: left unmeasured. A length is how long, not of anything.
    expect(read('The cider press stands in the barn.', 'It earned £4,000 last year.')).toEqual([['£4,000', undefined]]);
    expect(read('The cider press opened in 1994.', 'They numbered 120 in July.')).toEqual([['120', undefined]]);
    expect(read('The cider press opened in 1994.', 'It ran for 12 years.')).toEqual([['12 years', undefined]]);
  });

  it('a figure measured by its unit alone is of what "it" or "they" stands for, its unit kept in its text', () => {
    expect(read('The two silos were filled in August.', 'Together they hold 3,400 tonnes.')).toEqual([
      ['3,400 tonnes', 'silos'],
    ]);
    // Said of a noun, the unit's figure is that noun's.
    expect(read('The two silos were filled in August.', 'The barn holds 900 tonnes.')).toEqual([
      ['900 tonnes', 'barn'],
    ]);
  });

  it('a unit with a phrase after it other than "of" measures what stands at it; the phrase says where or when', () => {
    // A canal trust's and a spa's notes of our own.
    expect(read('The canal was 3 metres deep last year, and the lock was 4 metres at the top gate.')).toEqual([
      ['3 metres', 'canal'],
      ['4 metres', 'lock'],
    ]);
    expect(read('The plunge pool was 28 degrees at noon.')).toEqual([['28 degrees', 'plunge pool']]);
    expect(read('The towpath was 2 metres in the cutting.')).toEqual([['2 metres', 'towpath']]);
    // "of", or "in" and a bare singular noun, its dimension, says what the unit measures; with nothing standing at it,
    // the phrase is all the sentence says.
    expect(read('The barge carried 40 tonnes of coal.')).toEqual([['40 tonnes', 'tonnes of coal']]);
    expect(read('The trust bought 400 tonnes of gravel.')).toEqual([['400 tonnes', 'tonnes of gravel']]);
    expect(read('The trust bought 400 tonnes at the wharf.')).toEqual([['400 tonnes', 'tonnes at the wharf']]);
    expect(read('The new culvert is 2 metres in diameter.')).toEqual([['2 metres', 'metres in diameter']]);
  });

  it('a temperature is one figure with its unit, measuring what stands at it, or else the temperature', () => {
    expect(read('The spa pool was 34°C on Monday.')).toEqual([['34°C', 'spa pool']]);
    expect(read('It was 6°C at dawn and 41°F by noon.')).toEqual([
      ['6°C', 'temperature'],
      ['41°F', 'temperature'],
    ]); // Below zero, whichever minus the text writes: the sign is the figure's.
    expect(read('The cold store was -25 °C on Monday.')).toEqual([['-25 °C', 'cold store']]);
    expect(read('The cold store was \u221225 °C on Monday.')).toEqual([['\u221225 °C', 'cold store']]);
  });
});

describe('figuresInSentences: a part of the count the sentence before gives', () => {
  const read = (...sentences: string[]) =>
    figuresInSentences([sentences.join(' ')])[0]!.map((f) => [f.text, f.measure]);

  it('a count "of them" is that count\'s part its verb says, never the whole', () => {
    // A fire brigade's and a library's notes of our own.
    expect(read('The brigade attended 3,200 house fires in 2024.', 'More than 900 of them involved cookers.')).toEqual([
      ['3,200 house fires', 'house fires'],
      ['More than 900', 'house fires (involved cookers)'],
    ]);
    // Two wholes before: which one "them" counts is left unsaid; nothing said of the part: no measure, as before.
    expect(read('The library lent 8,000 e-books and 2,000 audiobooks.', 'Over 900 of them came back late.')[2]).toEqual(
      ['Over 900', undefined],
    );
    expect(read('The brigade attended 3,200 house fires in 2024.', 'Some 900 of those were not.')[1]).toEqual([
      'Some 900',
      undefined,
    ]);
  });

  it("a part read across sentences takes its whole's time, unless its own sentence names one", () => {
    const timed = (...sentences: string[]) => figuresInSentences([sentences.join(' ')])[0]!.map((f) => f.when);
    expect(timed('The brigade attended 3,200 house fires in 2024.', 'More than 900 of them involved cookers.')).toEqual(
      ['in 2024', 'in 2024'],
    );
    expect(timed('The brigade attended 3,200 house fires in 2024.', 'Chimneys accounted for some 400 in May.')).toEqual(
      ['in 2024', 'in May'],
    );
  });

  it('the subject of a verb of share is a part of the count before, in its sentence or the one before', () => {
    expect(read('The brigade attended 3,200 house fires in 2024.', 'Chimneys accounted for some 400.')[1]).toEqual([
      'some 400',
      'house fires (Chimneys)',
    ]);
    expect(read('The festival sold 12,000 tickets, and students represented 3,000.')[1]).toEqual([
      '3,000',
      'tickets (students)',
    ]);
    // With no count before, the subject is what it counts, as after any verb of quantity.
    expect(read('Chimneys accounted for some 400.')).toEqual([['some 400', 'Chimneys']]);
  });

  it('a definite count before a relative clause with no pronoun of its own is the part its verb names', () => {
    expect(
      read('The council received 610 planning applications and approved 540.', 'The 70 it refused were late.'),
    ).toEqual([
      ['610 planning applications', 'planning applications'],
      ['540', 'planning applications'],
      ['70', 'planning applications (refused)'],
    ]);
    expect(read('The 70 we refused were late.')).toEqual([['70', 'refused']]);
    // "The" opening a sentence is no name, as "Ward" in "Ward 12 has 30 beds" is: the count after it is a figure.
    expect(read('The 70 were late.')).toEqual([['70', undefined]]);
  });
});

describe('figuresInSentence: changes from one figure to another', () => {
  it('"fell from 150 litres to 120 litres" is two figures of one measure', () => {
    const [from, to] = figuresInSentence('Daily water use fell from 150 litres to 120 litres.');
    expect(from).toMatchObject({ text: '150 litres', value: 150, measure: 'Daily water use' });
    expect(to).toMatchObject({ text: '120 litres', value: 120, measure: 'Daily water use' });
  });

  it('a sum a time ago or later is no rate: "a year earlier" says when, not "per year"', () => {
    const [now, then] = figuresInSentence('A jar of local honey sold for $12.40, up from $11.20 a year earlier.');
    expect(now).toMatchObject({ text: '$12.40', value: 12.4 });
    expect(then).toMatchObject({ text: '$11.20', value: 11.2, unit: 'USD' });
    expect(then!.per).toBeUndefined();
    expect(only('Rent was £900 a month ago.')).toMatchObject({ text: '£900' });
    expect(only('Rent was £900 a month ago.').per).toBeUndefined();
    // A rate stays one, however the sentence goes on.
    expect(only('Membership costs $30 a year before discounts.')).toMatchObject({ text: '$30 a year', per: 'year' });
    expect(only('The club earned $2 million a month later in the season.').per).toBeUndefined();
  });

  it("a change set off by a comma after its verb is still said of the verb's subject", () => {
    expect(figuresInSentence('Ferry trips fell again, to 41,000 from 45,000.')).toMatchObject([
      { text: '41,000', measure: 'Ferry trips' },
      { text: '45,000', measure: 'Ferry trips' },
    ]);
    expect(only('Harbour dues rose sharply, by 12 percent.').measure).toBe('Harbour dues');
  });

  it('a change of a noun phrase from one figure to another measures both ends by that noun phrase', () => {
    // After a noun of change and its "in" or "of", or as the object of a verb of change, active or passive.
    for (const sentence of [
      'The council announced a cut in the single fare from $2.50 to $1.75 in March.',
      'The council cut the single fare from $2.50 to $1.75.',
      'The single fare was cut from $2.50 to $1.75.',
    ])
      expect(figuresInSentence(sentence), sentence).toMatchObject([
        { text: '$2.50', value: 2.5, unit: 'USD', measure: 'single fare' },
        { text: '$1.75', value: 1.75, unit: 'USD', measure: 'single fare' },
      ]);
    // A rise is two figures as a fall is, not a range of prices.
    expect(figuresInSentence('The bakery raised the price of a loaf from $3 to $3.50.')).toMatchObject([
      { text: '$3', value: 3, measure: 'price of a loaf' },
      { text: '$3.50', value: 3.5, measure: 'price of a loaf' },
    ]);
    expect(figuresInSentence('A rise in the ferry toll from 5 percent to 8 percent was approved.')).toMatchObject([
      { text: '5 percent', value: 5, unit: 'percent', measure: 'ferry toll' },
      { text: '8 percent', value: 8, unit: 'percent', measure: 'ferry toll' },
    ]);
    expect(figuresInSentence('The board cut the number of school routes from 12 to 9.')).toMatchObject([
      { text: '12', measure: 'number of school routes' },
      { text: '9', measure: 'number of school routes' },
    ]);
    // A noun phrase before "from" that nothing changes is no measure of the sum after it.
    expect(only('The school takes income from 12 percent of households.').measure).toBe('households');
    expect(only('The school raised funds from 12 percent of households.').measure).toBe('households');
  });

  it('the ends of a change written as a range are two figures, the first with the unit of the second', () => {
    expect(figuresInSentence('Bus fares rose from 3 to 5 percent of wages.')).toMatchObject([
      { text: '3', value: 3, unit: 'percent', measure: 'Bus fares' },
      { text: '5 percent', value: 5, unit: 'percent', measure: 'Bus fares' },
    ]);
    expect(texts('Grain stocks fell from $9 to $7 billion.')).toEqual(['$9', '$7 billion']);
    // Estimates that range over values are one figure.
    expect(only('Grain stock estimates ranged from $7 to $9 billion.').value).toEqual({ low: 7e9, high: 9e9 });
  });

  it('the counts a change of its subject runs between count that subject too', () => {
    const measures = (sentence: string) => figuresInSentence(sentence).map((f) => [f.text, f.measure]);
    expect(measures('The rowing leagues went from 5 or 6 clubs to more than 20.')).toEqual([
      ['5 or 6 clubs', 'clubs of rowing leagues'],
      ['more than 20', 'clubs of rowing leagues'],
    ]);
    expect(measures('The rowing leagues – some very old – went from 5 or 6 clubs to more than 20.')[0]).toEqual([
      '5 or 6 clubs',
      'clubs of rowing leagues',
    ]);
    expect(measures('The tram fleet has grown from a peak of 12 cars to 30.')).toEqual([
      ['12 cars', 'cars of tram fleet'],
      ['30', 'cars of tram fleet'],
    ]);
    // Where only the end it moved to names what it counts, both ends count that, of the subject that changed (a pool's
    // and a museum's notes of our own).
    expect(measures("The pool's swim limit rises from 40 to 60 bathers an hour at weekends.")).toEqual([
      ['40', 'bathers of pool'],
      ['60 bathers an hour', 'bathers of pool'],
    ]);
    expect(measures("The museum's daily cap rises from 300 to 450 visitors.")).toEqual([
      ['300', 'visitors'],
      ['450 visitors', 'visitors'],
    ]);
    // A subject the count already names, and a count that no change of the subject starts from, stay as they were.
    expect(measures('Tram cars rose from 12 cars to 30.')[0]).toEqual(['12 cars', 'Tram cars']);
    expect(measures('The league hired 12 coaches from 5 clubs.').map(([, measure]) => measure)).toEqual([
      'coaches',
      'clubs',
    ]);
  });

  it('a change from an alternative to a hedged value is two figures: the alternative, and where it moved to', () => {
    expect(figuresInSentence('The choir grew from 8 or 9 singers to upwards of 30.')).toMatchObject([
      { text: '8 or 9 singers', value: { low: 8, high: 9 }, unit: 'count' },
      { text: 'upwards of 30', value: 30, hedge: 'upwards of', unit: 'count' },
    ]);
    // The alternative takes the unit and scale of the end it moved to, as a single first end does.
    expect(figuresInSentence('Orchard debts rose from 2 or 3 to nearly 7 million euros.')).toMatchObject([
      { text: '2 or 3', value: { low: 2e6, high: 3e6 }, unit: 'EUR', measure: 'Orchard debts' },
      { text: 'nearly 7 million euros', value: 7e6, hedge: 'nearly', unit: 'EUR', measure: 'Orchard debts' },
    ]);
    expect(texts('Lighthouse keepers fell from 12–14 to about 3.')).toEqual(['12–14', 'about 3']);
  });

  it('two sums joined by a dash after "fell from", with no "to" after them, are the change\'s two ends', () => {
    for (const dash of ['-', '–'])
      expect(figuresInSentence(`Ferry ticket sales fell from $9${dash}$7 million.`)).toMatchObject([
        { text: '$9', value: 9e6, unit: 'USD', measure: 'Ferry ticket sales' },
        { text: '$7 million', value: 7e6, unit: 'USD', measure: 'Ferry ticket sales' },
      ]);
  });
});

describe('figuresInSentence: two numbers joined by a hyphen', () => {
  const dashed = (sentence: string) => sentence.replace(/(\d)-(\d)/g, '$1–$2');

  it.each([
    ['a range of percentages', 'Voter turnout slipped to 40-45 percent in the hill districts.'],
    ['a range of counts after "between"', 'Orchards yield between 40-45 tonnes of apples a season.'],
    ['a range of sums whose low end takes the currency and scale', 'The bridge repair will cost $40-45 million.'],
    ['a range with a scale glued to its high end', 'Broadband subsidies could reach £1.6-2bn by 2030.'],
    ['a range of decimals and thousands', 'Some 1,000-2,000 volunteers planted 0.5-1.5 hectares of reed beds.'],
  ])('%s reads as its en-dash spelling does', (_, sentence) => {
    const figures = figuresInSentence(sentence);
    expect(figures.length).toBeGreaterThan(0);
    expect(figures.every((f) => typeof f.value === 'object')).toBe(true);
    const strip = ({ text, start, end, ...rest }: Figure) => ({ ...rest, text: dashed(text), start, end });
    expect(figures.map(strip)).toEqual(figuresInSentence(dashed(sentence)).map(strip));
  });

  it('keeps the range whole, its text verbatim, with the unit of either end', () => {
    expect(only('Voter turnout slipped to 40-45 percent in the hill districts.')).toMatchObject({
      text: '40-45 percent',
      value: { low: 40, high: 45 },
      unit: 'percent',
      measure: 'Voter turnout',
    });
    expect(only('The bridge repair will cost $40-45 million.')).toMatchObject({
      text: '$40-45 million',
      value: { low: 40e6, high: 45e6 },
      unit: 'USD',
    });
    expect(only('Broadband subsidies could reach £1.6-2bn by 2030.').value).toEqual({ low: 1.6e9, high: 2e9 });
  });

  it.each([
    ['a phone number', 'For bookings call 555-1234 or 01632-960-118 after noon.'],
    ['a score', 'The Harriers won 4-2 at home and drew 1-1 away.'],
    ['a model number after its maker', 'The Boeing 737-800 jets were grounded.'],
    ['a bracket named with "the"', 'The 18-30 bracket votes least.'],
    ['names with a number in them', 'COVID-19 closed the I-35 bridge, grounded the F-16 jets and delayed H-2B visas.'],
    [
      'names ending in a letter glued to a number',
      'The lab bought a 3D printer, 5G phones and a kit for 17p deletions.',
    ],
    ['a date written with hyphens', 'The ledger closed on 2021-03-04.'],
    ['a span of years', 'She chaired the board from 2009-2013 and again in 2016-17.'],
    ['a span of days', 'The fair ran 12-15 March.'],
    ['a score or a span of days joined by an en dash', 'The Harriers won 4–2 at the fair on 12–15 March.'],
  ])('%s is no figure', (_, sentence) => {
    expect(texts(sentence)).toEqual([]);
  });

  it('a pair whose first number is the larger is two figures with a unit, as a change, and none without', () => {
    for (const sentence of ['Ferry use fell in winter (65-46%).', 'Ferry use fell in winter (65–46 %).'])
      expect(figuresInSentence(sentence).map((f) => [f.value, f.unit])).toEqual([
        [65, 'percent'],
        [46, 'percent'],
      ]);
    expect(texts('The Harriers won 4-2 and 5–3.')).toEqual([]);
  });

  it('a hundredth glued to a number is money beside a sum in its currency, and part of a name otherwise', () => {
    const read = (sentence: string) => figuresInSentence(sentence).map((f) => [f.text, f.value, f.unit]);
    expect(read('A stamp costs 85p and a parcel £3.')).toEqual([
      ['85p', 0.85, 'GBP'],
      ['£3', 3, 'GBP'],
    ]);
    expect(read('The 17p arm and a parcel of 3 genes.')).toEqual([['3 genes', 3, 'count']]);
  });

  it("a hundredth glued to a range's or a change's first end is money when its second end is a price", () => {
    const read = (sentence: string) => figuresInSentence(sentence).map((f) => [f.text, f.unit]);
    expect(read('The bus fare will rise from 18.9p to 19.8p a mile.')).toEqual([
      ['18.9p', 'GBP'],
      ['19.8p', 'GBP'],
    ]);
    expect(read('Copies cost 5p or 10p per sheet.').map(([text]) => text)).toEqual(['5p or 10p']);
    expect(read('The 17p to 19p arms hold 3 genes.')).toEqual([['3 genes', 'count']]);
  });

  it('a scale letter glued to a bare number scales a count of the plural noun after it; else it is a name', () => {
    const read = (sentence: string) => figuresInSentence(sentence).map((f) => [f.text, f.value, f.measure]);
    expect(read('The valley has 5m people and some 2.5m trees.')).toEqual([
      ['5m people', 5e6, 'people'],
      ['some 2.5m trees', 2.5e6, 'trees'],
    ]);
    expect(read('About 10k runners entered, and 12K cyclists.')).toEqual([
      ['About 10k runners', 1e4, 'runners'],
      ['12K cyclists', 1.2e4, 'cyclists'],
    ]);
    // "k", which chat writes for thousands, scales a number with no noun after it; "m" may be metres.
    expect(read('Gate takings reached 40k in 2021.')).toEqual([['40k', 4e4, 'Gate takings']]);
    expect(texts('The gallery hung a 4K screen beside a 5m wall and a 2G mast, and ran a 10k race.')).toEqual([]);
  });

  it('a scale letter counts the plural noun past adjectives, and the noun a tally names, as a scale word does', () => {
    const read = (sentence: string) => figuresInSentence(sentence).map((f) => [f.text, f.value, f.measure]);
    expect(read('The scheme adds 3m new trees and 12k extra wardens.')).toEqual([
      ['3m new trees', 3e6, 'new trees'],
      ['12k extra wardens', 1.2e4, 'extra wardens'],
    ]);
    expect(read('The 40k lightning strike count ran through June.')).toEqual([
      ['40k lightning strike count', 4e4, 'lightning strike count'],
    ]);
    // A length's adjective, or a compound naming no tally, leaves the letter a length or a standard, as before.
    expect(texts('The park has 5m high fences, 4K TV sets and a 5k toll road.')).toEqual([]);
  });

  it('a number glued by a hyphen to the word after it opens a measure, as in "a 3-bed flat"', () => {
    expect(only('She rents a 3-bed flat for £900 a month.').measure).toBe('3-bed flat');
  });

  it('number words joined by a hyphen are no range, and no figure of their last word', () => {
    expect(texts('The Ten-Eleven pact split the league.')).toEqual([]);
    expect(texts('Seventy-five percent of the lighthouses are automated.')).not.toContain('five percent');
  });

  it('a measure read back over a range starts after it, not at its dash', () => {
    for (const dash of ['-', '–']) {
      const sentence = `The shares of riders without 2${dash}3 spare tyres were 41% for road bikes.`;
      expect(figuresInSentence(sentence).find((f) => f.unit === 'percent')!.measure).toBe('spare tyres');
    }
  });

  it('a span of years is the time of the figure it dates, whichever dash joins it', () => {
    expect(only('Between 2019-2021 the clinic vaccinated 3,400 children.').when).toBe('Between 2019-2021');
    expect(only('Between 2019–2021 the clinic vaccinated 3,400 children.').when).toBe('Between 2019–2021');
    expect(only('The 2020-21 season drew 2.1 million skiers.').when).toBe('2020-21');
  });
});

describe('figuresInSentence: shares in words', () => {
  it.each([
    ['a part of a year', 'Output was cut in the second half of 2021.'],
    ['half of a year', 'Half of 2021 was lost to the strike.'],
    ['"a quarter of a million" is a count with no noun', 'A quarter of a million tourists came.'],
    ['"by half" with nothing after it', 'The fleet shrank by half.'],
  ])('%s is no share', (_, sentence) => {
    expect(figuresInSentence(sentence).filter((f) => f.unit === 'ratio')).toEqual([]);
  });
});

describe('figuresInSentence: small counts in words', () => {
  it('"the two unions in the capital" says how many; "the two unions" alone refers back', () => {
    expect(texts('Talks with the two unions in the capital failed.')).toEqual(['two unions']);
    expect(texts('Later the two unions signed.')).toEqual([]);
  });
});

describe('figuresInSentence: numbers written in words', () => {
  it('reads tens and a unit joined by a hyphen as one number, a count or a share as its digits are', () => {
    expect(only('Ninety-four choirs entered the festival.')).toMatchObject({
      text: 'Ninety-four choirs',
      value: 94,
      unit: 'count',
      measure: 'choirs',
    });
    expect(only('Fifty-five percent of the orchards are organic.')).toMatchObject({ value: 55, unit: 'percent' });
    expect(only('Forty-two of the fifty stalls reopened.')).toMatchObject({ value: 0.84, unit: 'ratio' });
  });

  it('reads hundreds, thousands and "and" as one number, where they were two of the wrong values', () => {
    expect(only('The trust raised three hundred and twenty thousand pounds for the lighthouse.')).toMatchObject({
      text: 'three hundred and twenty thousand pounds',
      value: 320_000,
      unit: 'GBP',
    });
    expect(only('The quarry shipped two thousand three hundred tonnes of slate.')).toMatchObject({
      value: 2300,
      measure: 'tonnes of slate',
    });
    expect(only('One hundred and twelve walkers finished the route.')).toMatchObject({
      value: 112,
      measure: 'walkers',
    });
    expect(texts('The bakery sold three hundred loaves and two hundred and fifty rolls.')).toEqual([
      'three hundred loaves',
      'two hundred and fifty rolls',
    ]);
    // A number after "and" that takes a hundred of its own is a range's other end.
    expect(only('The hall seats between five hundred and six hundred visitors.').value).toEqual({
      low: 500,
      high: 600,
    });
  });

  it('reads an article before a scale as one of it, and "dozen" as a scale', () => {
    const figures = figuresInSentence('A hundred volunteers and a dozen rangers cleared the path.');
    expect(figures.map((f) => [f.text, f.value])).toEqual([
      ['A hundred volunteers', 100],
      ['a dozen rangers', 12],
    ]);
    expect(only('Two dozen hives were moved to the heath.').value).toBe(24);
    expect(only('The museum was given a million dollars.')).toMatchObject({ value: 1e6, unit: 'USD' });
    // Its share's whole, not a million of its own; "dozens of", "hundreds of" say no number.
    expect(texts('A quarter of a million tourists came.')).toEqual([]);
    expect(texts('Dozens of hikers and hundreds of cyclists came.')).toEqual([]);
  });

  it('lists a number in words and its digits in brackets, either way round, once', () => {
    expect(texts('The club owns twelve (12) dinghies and 4 (four) trailers.')).toEqual([
      'twelve (12) dinghies',
      '4 (four) trailers',
    ]);
    expect(figuresInSentence('The club owns twelve (12) dinghies.')[0]!.value).toBe(12);
  });

  it.each([
    'One of the ferries sank.',
    'No one was hurt.',
    'The work went to a third party.',
    'It was the first time the gate had failed.',
    'The two sides met once.',
    'The second review found nothing.',
    'The six-year lease ends in May.',
    'The ninety-four choirs sang together.',
  ])('reads no figure in "%s"', (sentence) => {
    expect(texts(sentence)).toEqual([]);
  });
});

describe('figuresInSentence: time references', () => {
  it('a period that ends on a date, opening the sentence', () => {
    const [first, second] = figuresInSentence(
      'For the 12 months ending in June 2021, the agency counted over 5,000 arrests, up from 4,000 in June 2020.',
    );
    expect(first).toMatchObject({ text: 'over 5,000 arrests', when: 'the 12 months ending in June 2021' });
    expect(second).toMatchObject({ text: '4,000', measure: 'arrests', when: 'in June 2020' });
  });

  it('a date in a bracketed source note is not the figure’s time', () => {
    expect(only('Ferry fares rose 12 percent (Harbour Gazette, March 4, 2019).').when).toBeUndefined();
  });

  it('a baseline after "above" is not the figure’s time', () => {
    expect(only('In May, thefts ran 15 percent above the previous year’s level.').when).toBe('In May');
  });

  it('a season after "last" or "this" is a time', () => {
    expect(only('Rents climbed 7 percent last fall.').when).toBe('last fall');
    expect(only('Some 2,000 homes were flooded last spring.').when).toBe('last spring');
    expect(only('Ticket sales fell 9 percent this summer.').when).toBe('this summer');
    // "a fall of" is a change, not a season.
    expect(only('Orders saw a fall of 6 percent.').when).toBeUndefined();
  });

  it('a time after a count is not part of it, and a baseline "up from" never takes the time before', () => {
    const [now, before] = figuresInSentence(
      'The hospital treated 12,400 patients last winter, up from 10,900 the winter before.',
    );
    expect(now).toMatchObject({ text: '12,400 patients', when: 'last winter' });
    expect(before).toMatchObject({ text: '10,900', measure: 'patients' });
    expect(before!.when).toBeUndefined();
  });

  it('a length says how long, not when: no figure takes it for its time unless it is framed or counted back', () => {
    const when = (sentence: string) => figuresInSentence(sentence).map((f) => [f.text, f.when]);
    expect(when('A locker not emptied 14 days after notice costs a £15 clearing fee.')).toEqual([['£15', undefined]]);
    expect(when('Kayak hire costs £12, after a 45-minute safety talk.')).toEqual([['£12', undefined]]);
    expect(when('The choir has sung for 30 years and has 48 members.')).toEqual([
      ['30 years', undefined],
      ['48 members', undefined],
    ]);
    // Framed by a preposition of time, counted back from now, or ending on a date, a length still says when.
    expect(when('Within 14 days the club signed 60 members.')).toEqual([['60 members', 'Within 14 days']]);
    expect(when('3 years ago the club had 60 members.')).toEqual([['60 members', '3 years ago']]);
    expect(when('In the 12 months to March the club signed 300 members.')).toEqual([
      ['300 members', 'In the 12 months to March'],
    ]);
  });

  it('a comparison’s year is not the figure’s', () => {
    expect(only('The 2021 catch was 2.5 times greater than the catch in 2012.').when).toBe('2021');
  });
});

describe('figuresInSentence: numbers that name', () => {
  it('a number after a capitalised noun names one of its kind, and counts nothing', () => {
    // A rail station's and a hospital's notes of our own.
    expect(texts('Platform 4 — 22 trains an hour.')).toEqual(['22 trains an hour']);
    expect(texts('Ward 12 has 30 beds, and trains stop at Platform 3 twice a day.')).toEqual(['30 beds']);
    expect(texts('Under Article 9 the board met 11 times.')).toEqual(['11 times']);
  });

  it('a number after a lowercase singular noun opening its phrase names one of its kind, before its verb', () => {
    // A bus company's, a station's and a hospital's notes of our own, written in lower case as chat and notes are.
    expect(texts('route 7 runs 14 buses a day.')).toEqual(['14 buses a day']);
    expect(texts('Buses on route 7 run every 10 minutes.')).toEqual([]);
    expect(texts('From platform 4, 22 trains leave an hour; platform 4 has 3 lifts.')).toEqual([
      '22 trains',
      '3 lifts',
    ]);
    expect(texts('Staff on ward 12 treated 300 patients.')).toEqual(['300 patients']);
    expect(texts('Take the number 7 bus to the 40 stalls of the market.')).toEqual(['40 stalls']);
    // A noun of time says when; a plural or a verb's object is counted.
    expect(texts('The firm plans to hire 40 staff.')).toEqual(['40 staff']);
    expect(texts('The depot lost 12 buses, and the route 2 buses carry 900 people.')).toEqual([
      '12 buses',
      '2 buses',
      '900 people',
    ]);
  });

  it('a number opening with a zero is a code, as are the numbers right after it', () => {
    expect(texts('Call 01632 960 418 to book one of 6 slots.')).toEqual(['one of 6 slots']);
  });

  it("a number before a capitalised name with a singular last word is the name's number, as on a street", () => {
    expect(texts('The depot at 14 Mill Lane holds 40 buses.')).toEqual(['40 buses']);
    expect(texts('The clinic moved to 22 Harbour Road in 2019.')).toEqual([]);
    // A plural is counted, as is a lowercase noun after the name, and a capitalised unit is no name.
    expect(texts('The port has 3 Ferry Terminals and 40 Ford Transit vans.')).toEqual([
      '3 Ferry Terminals',
      '40 Ford Transit vans',
    ]);
    expect(texts('The licence caps abstraction at 120 Ml/d.')).toEqual(['120 Ml/d']);
    // Joined to a plural's other modifier, the name counts that plural: the number stays a count.
    expect(texts('In all, 212 Business and Enterprise customers got credits.')[0]).toMatch(/^212 Business/);
    expect(texts('The depot at 14 Mill Lane and 3 Station Street holds 40 buses.')).toEqual(['40 buses']);
  });

  it('a count after a plural, a lowercase noun or a first word ending its sentence stays a figure', () => {
    expect(texts('Undergraduates may borrow 15 books, postgraduates 30 and academic staff 50.')).toEqual([
      '15 books',
      '30',
      '50',
    ]);
    expect(texts('Undergraduates 15, postgraduates 30.')).toEqual(['15', '30']);
    expect(texts('Total 450')).toEqual(['450']);
    expect(texts('In 2019 Texas recorded 40 deaths; the Route 2 buses carried 300 people.')).toEqual([
      '40 deaths',
      '300 people',
    ]);
  });
});

describe('figuresInSentence: statistics in their notation', () => {
  it("reads n as a sample's size and p as a p-value, and a confidence interval's level as no share", () => {
    const figures = figuresInSentence(
      'Hens on the new feed laid more eggs (n = 120; 95% CI 2.2 to 6.0; p < 0.01) than the rest (N=118).',
    );
    const statistics = figures.filter((f) => f.measure === 'sample size' || f.measure === 'p value');
    expect(statistics.map(({ text, value, unit, hedge }) => ({ text, value, unit, hedge }))).toEqual([
      { text: 'n = 120', value: 120, unit: 'count', hedge: undefined },
      { text: 'p < 0.01', value: 0.01, unit: 'ratio', hedge: 'less than' },
      { text: 'N=118', value: 118, unit: 'count', hedge: undefined },
    ]);
    expect(figures.map((f) => f.text)).not.toContain('95%');
    expect(figures.map((f) => f.text)).not.toContain('120');
  });

  it("reads a ratio in capitals or named in words as a multiple, and a confidence interval's ends as no figure", () => {
    const figures = figuresInSentence(
      'Hens on the new feed laid more (OR 1.8, 95% CI 1.2 to 2.7) and lived longer (HR = 0.7; 95% CI, 0.55-0.9), ' +
        'and the rest had a laying ratio of 0.6 (95% confidence interval (CI) 0.4 to 0.8).',
    );
    expect(figures.map(({ text, value, unit, measure }) => ({ text, value, unit, measure }))).toEqual([
      { text: 'OR 1.8', value: 1.8, unit: 'multiple', measure: 'odds ratio' },
      { text: 'HR = 0.7', value: 0.7, unit: 'multiple', measure: 'hazard ratio' },
      { text: '0.6', value: 0.6, unit: 'multiple', measure: 'laying ratio' },
    ]);
    expect(texts('Hens laid 30 OR 40 eggs.')).toEqual(['30 OR 40 eggs']);
  });
});

describe('figuresInSentence: a unit divided by a unit of time', () => {
  it('reads a unit of time shortened after "/" as a text shortens it after a number ("kg/mo", "L/mins")', () => {
    expect(texts('Hens on the new feed gained 0.4 kg/mo over the winter.')).toEqual(['0.4 kg/mo']);
    expect(texts('The pump lifts 20 L/mins at full speed.')).toEqual(['20 L/mins']);
    expect(texts('The farm charged $40/mo for feed.')).toEqual(['$40']);
  });
});

describe('figuresInSentence: not figures', () => {
  it.each([
    ['a year on its own', 'In 2019 the law passed, and 2020 was calmer.'],
    ['a date', 'On March 3, 2020, and again on Dec. 12 the board met.'],
    ['list numbering', 'The plan has parts:\n  1. Reform the police;\n  2. Fund the courts;\n  3. Build schools.'],
    ['pillar and section numbering', 'Pillar 2: Securing the border, as Section 4 of the plan describes.'],
    ['paragraph numbers', '(4) The committee reviewed the budget.'],
    ["a report's numbered paragraph", '3.2 The Harbour Board reviewed the budget.'],
    ["a report's numbered paragraph on a line of its own", 'Agreed.\n4.1 Members asked for a plan.'],
    ['ordinal section names', 'The Second Pillar sets out a 21st century border.'],
    ['a span of office', 'She was governor from 2009–2013 and mayor in 2001–05.'],
    [
      'frames of time and numbers glued to names',
      'He flew the F-16 and wrote a six-year plan two years ago, in ten years.',
    ],
    ['a lone "one"', 'One state has one of the best records.'],
    ['a bound on a noun', 'Insurers charge drivers under 25 more, and towns above 5,000 must hire a planner.'],
    ['an age range', 'The clinic sees people aged 65 to 70 on Mondays.'],
    ['an age range before a noun', 'Most residents aged 18 to 24 rent their homes.'],
    ['an age after "older than"', 'Cyclists older than 70 were asked.'],
  ])('%s', (_, sentence) => {
    expect(texts(sentence)).toEqual([]);
  });
});

describe('figuresInSentence: lengths of time', () => {
  it('a length something lasted is a count of its unit, with no measure where it is of nothing named', () => {
    expect(only('The ferry has run for 40 years.')).toMatchObject({ text: '40 years', value: 40, unit: 'count' });
    expect(only('The ferry has run for 40 years.').measure).toBeUndefined();
    expect(only('She baked bread for some forty years in the village.')).toMatchObject({
      text: 'some forty years',
      value: 40,
      hedge: 'some',
    });
    expect(only('He served 40 years as a harbour master.')).toMatchObject({ text: '40 years', value: 40 });
    expect(only('The bakery has stood for over 90 years.')).toMatchObject({ text: 'over 90 years', hedge: 'over' });
  });

  it('a length of something named is measured in it: "years of records"', () => {
    expect(only('The fair marked 200 years of ferry crossings.').measure).toBe('years of ferry crossings');
    expect(only('In honour of 200 years of ferry crossings, the fair opened.').measure).toBe(
      'years of ferry crossings',
    );
    expect(only('The water board keeps 200 years of records.')).toMatchObject({
      text: '200 years',
      value: 200,
      unit: 'count',
      measure: 'years of records',
    });
  });

  it("a stretch up to now or from a start is how long its clause has lasted, and its other figures' time", () => {
    expect(only('Bakeries have closed over the past 10 years.')).toMatchObject({
      text: '10 years',
      unit: 'count',
      frames: true,
    });
    const [length, closed] = figuresInSentence('Over the last 15 years, the town lost 12 bakeries.');
    expect(length).toMatchObject({ text: '15 years', frames: true });
    expect(length!.when).toBeUndefined();
    expect(closed).toMatchObject({ text: '12 bakeries', when: 'Over the last 15 years' });
    const [first, ships] = figuresInSentence('In the first 10 months of 2022, the port handled 4,000 ships.');
    expect(first).toMatchObject({ text: '10 months', frames: true });
    expect(ships).toMatchObject({ text: '4,000 ships', when: 'In the first 10 months of 2022' });
    expect(only('The ferry has run for 40 years.').frames).toBeUndefined();
  });

  it('a frame of time, an age or a time counted back is no length of anything', () => {
    for (const sentence of [
      'The ferry sank two years ago.',
      'The school opened in 10 years.',
      'The pier is 40 years old.',
      'The school closed for the next four years.',
      'Three years later the ferry sank.',
      'The ferry runs every ten minutes.',
      'Waits of over 4 hours were common.',
    ])
      expect(texts(sentence)).toEqual([]);
  });

  it('a range of lengths refused whole gives no figure from its high end', () => {
    // A parks team's and a post room's notes of our own: how often and a frame, as "every 10 days" is.
    expect(texts('Crews water the new trees every 7 to 10 days.')).toEqual([]);
    expect(texts('Letters are answered within 3 to 5 days.')).toEqual([]);
    // A range from one is a range still, where "1 day" alone is "a day".
    expect(texts('The repair takes 1 to 2 days.')).toEqual(['1 to 2 days']);
  });
});

describe('figuresInSentence: verbatim text', () => {
  it('every figure’s text is a substring of its sentence at its offsets, for any input', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            'some',
            '$',
            '1.6',
            'billion',
            'between',
            'and',
            '12',
            'of',
            'the',
            '31',
            'states',
            '%',
            'percent',
            'in',
            '2016',
            'two',
            'times',
            '–',
            ',',
            'up',
            'to',
            'a',
            'month',
            '\n',
            '1.',
          ),
          { maxLength: 30 },
        ),
        (words) => {
          const sentence = words.join(' ');
          for (const f of figuresInSentence(sentence)) expect(sentence.slice(f.start, f.end)).toBe(f.text);
        },
      ),
      { numRuns: 300 },
    );
  });
});
