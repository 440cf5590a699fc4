import { describe, expect, it } from 'vitest';
import {
  datesInSentences,
  figuresInSentence,
  figuresInSentences,
  type Figure,
} from '../../../../src/answer/figures/grammar/index.js';
import { tokenSentences } from '../../../../src/answer/figures/tokens.js';
import { rowKey } from '../../../../src/answer/figures/grammar/measure.js';
import { Reading } from '../../../../src/answer/figures/grammar/view.js';
import { MINUTES_IN } from '../../../../src/search/english.js';

// What a figure measures, as a memo would label it. Every sentence here is written for these tests, on
// subjects far from the sample corpus: budgets, populations, sport, prices.

const figure = (sentence: string, text: string): Figure => {
  const found = figuresInSentence(sentence).find((f) => f.text === text);
  expect(found, `"${text}" in "${sentence}"`).toBeDefined();
  return found!;
};

/** Each row's figure (its sentence, its text) has the measure given, or none where it is undefined. */
const expectMeasures = (rows: readonly (readonly [sentence: string, text: string, measure: string | undefined])[]) => {
  for (const [sentence, text, measure] of rows) expect(figure(sentence, text).measure, sentence).toBe(measure);
};

describe('a measure is a noun phrase from its sentence', () => {
  it('a sum spent by someone is not labelled with the actor and its verb', () => {
    const sentence =
      'The city council has appropriated $12 million for road repairs since ' +
      '2019, and roughly $7 million has been spent.';
    expect(figure(sentence, '$12 million').measure).toBe('road repairs');
    // The sum that was spent is more of the same money, not "council has appropriated".
    expect(figure(sentence, 'roughly $7 million').measure).toBe('road repairs');
  });

  it('an actor with a sum and nothing it was spent on gives no measure', () => {
    expectMeasures([
      ['The school board spent $3.5 million last year.', '$3.5 million', undefined],
      ['The club is said to earn up to $2 million a month.', 'up to $2 million a month', undefined],
    ]);
  });

  it('a sum is of what it pays for: the object of "to ...", or the noun after "into" or "from"', () => {
    // Whichever way the sum is written, with an actor before it and no noun straight after.
    for (const sum of ['$1.6bn', '$1.6 billion', '1.6bn dollars']) {
      const of = (sentence: string) => figure(sentence.replace('SUM', sum), sum).measure;
      expect(of('The ministry has spent SUM to help modernise rural clinics since 2015.')).toBe('rural clinics');
      expect(of('Under the treaty, Norway has paid SUM to protect tropical forests.')).toBe('tropical forests');
      expect(of('Venture funds poured SUM into battery startups in 2021.')).toBe('battery startups');
      expect(of('The opera house raised SUM from private donors over a decade.')).toBe('private donors');
      expect(of('The county spent SUM last year on bridge repairs.')).toBe('bridge repairs');
    }
  });

  it('a sum spent "under" a named scheme is of that scheme; "under" a common noun says no measure', () => {
    expectMeasures([
      [
        'By 2019 the state had spent about $40 million under the Rural Schools Initiative.',
        'about $40 million',
        'Rural Schools Initiative',
      ],
      ['The ferry board paid out $3 million under Harbourlink.', '$3 million', 'Harbourlink'],
      ['The school spent $3 million under the new head teacher.', '$3 million', undefined],
    ]);
  });

  it('who pays or is paid between a verb and its sum is not what the sum measures', () => {
    expectMeasures([
      ['The upgrade cost taxpayers $1.6bn.', '$1.6bn', 'upgrade'],
      ['The new ferry terminal cost the city $40 million.', '$40 million', 'new ferry terminal'],
      // A verb that names the sum names the measure, with what it was for.
      ['The regulator fined the bank $1.6bn for late reports.', '$1.6bn', 'fine for late reports'],
      ['The bakery was fined $40,000.', '$40,000', 'fine'],
      ['The council lent the ferry company £2m in May.', '£2m', 'loan'],
      // What the sum is in says more than the verb's noun.
      ['The bakery paid staff $2m in bonuses.', '$2m', 'bonuses'],
      // Who is paid may be a pronoun, as a noun.
      ['Each club that enters pays us £40 a team.', '£40', 'payment'],
      ['The county still owes them £12,000.', '£12,000', 'debt'],
    ]);
  });

  it('a sum whose predicate says how it moves has no measure from what follows the verb of change', () => {
    expectMeasures([
      ['Some $2bn is expected to rise in line with inflation.', 'Some $2bn', undefined],
      ['About $40m is forecast to fall in value.', 'About $40m', undefined],
    ]);
  });

  it('a subject holding a sum or a share is that figure: its measure is said before it, or none is', () => {
    const [from, to] = figuresInSentence('School spending of $2bn is expected to rise to $3bn by 2030.');
    expect([from?.measure, to?.measure]).toEqual(['School spending', 'School spending']);
    expect(figure('Bakery sales of 40 percent rose to 50 percent.', '50 percent').measure).toBe('Bakery sales');
    expect(figure('Some $2bn is expected to rise to $3bn by 2030.', '$3bn').measure).toBeUndefined();
  });

  it('a sum that is its clause’s subject is of what its predicate says it is for', () => {
    expectMeasures([
      ['$2bn was set aside for flood barriers on the estuary.', '$2bn', 'flood barriers on the estuary'],
      ['Some $40m has been earmarked for school meals.', 'Some $40m', 'school meals'],
    ]);
  });

  it('what a sum is worth is said of the noun before "worth", never of the verb before that noun', () => {
    expectMeasures([
      ['The harbour handled cargo worth $1.6bn in 2022.', '$1.6bn', 'cargo'],
      ['Orders for wind turbines worth £900m were signed.', '£900m', 'Orders for wind turbines'],
      // Set off by commas, "worth" and its sum still say what the noun before them is worth.
      ['The project, worth $1.6bn, opened in June.', '$1.6bn', 'project'],
      ['The council sold the depot, worth £40m, to a bakery chain.', '£40m', 'depot'],
    ]);
  });

  it('a place, a verb or a time after a sum is no measure', () => {
    expectMeasures([
      ['Japan imported $1.6bn from Brazil.', '$1.6bn', undefined],
      ['The museum will cost $1.6bn to build.', '$1.6bn', 'museum'],
      ['The league earned $1.6bn to date.', '$1.6bn', undefined],
      ['Pension funds lost $1.6bn over the past decade.', '$1.6bn', undefined],
    ]);
  });

  it('a scale letter glued to a sum is its scale, and a currency word after a signed sum is part of it', () => {
    expect(figure('The state collected $900m from road tolls.', '$900m')).toMatchObject({
      value: 9e8,
      measure: 'road tolls',
    });
    expect(figure('The charity gave away £40k.', '£40k').value).toBe(4e4);
    expect(figure('Tourists spent $1.6 billion dollars on hotel rooms.', '$1.6 billion dollars')).toMatchObject({
      value: 1.6e9,
      measure: 'hotel rooms',
    });
  });

  it('what stands at, rises to or reaches a figure is what it measures', () => {
    expectMeasures([
      ['Spending on libraries rose to $4.1 million in 2022.', '$4.1 million', 'Spending on libraries'],
      ["The town's population reached 48,000 in 2020.", '48,000', "town's population"],
      ['Household debt stood at 95 percent of income.', '95 percent', 'Household debt'],
    ]);
  });

  it('the whole subject is the measure, through "among", "with" and a participle before its noun', () => {
    expectMeasures([
      [
        'In 2021, hospital admissions for asthma among children dropped by a third to 2,300.',
        '2,300',
        'hospital admissions for asthma among children',
      ],
      [
        'The share of adults with a library card fell to 31 percent.',
        '31 percent',
        'share of adults with a library card',
      ],
      [
        'Exports of frozen fish to Japan reached $1.2 billion in 2021.',
        '$1.2 billion',
        'Exports of frozen fish to Japan',
      ],
    ]);
  });

  it("a date is of its clause's subject past an aside between commas and past a participle before a noun", () => {
    const measure = (sentence: string) => datesInSentences([sentence])[0]!.map((f) => f.measure);
    // The aside "known as Ann" stands between the subject and its verb, as one in brackets does.
    expect(measure('The harbour master, known as Ann Lowe, took office in 2018.')).toEqual(['harbour master']);
    // "a deteriorating pier" names the pier: "deteriorating" is no verb of the clause, whose subject is the trust.
    expect(measure('The harbour trust inherited a deteriorating pier in 2016.')).toEqual(['harbour trust']);
    expect(measure('The harbour trust bought the proposed site in 2016.')).toEqual(['harbour trust']);
  });

  it('a count "with N killed" counts what the phrase before "with" names; a time ending a measure is left out', () => {
    const record = 'The county set a new record for road deaths with about 912 killed.';
    expect(figure(record, 'about 912 killed').measure).toBe('new record for road deaths');
    expect(figure('Officials counted 912 killed.', '912 killed').measure).toBe('killed');
    const power = 'Wind turbines generated 22 percent of the electricity consumed in the province last year.';
    expect(figure(power, '22 percent')).toMatchObject({
      measure: 'electricity consumed in the province',
      when: 'last year',
    });
  });

  it('a sum joined by "and" to one said of a subject is said of it too, its "for ..." saying which part', () => {
    expectMeasures([
      ['The entry fee is £5 for adults and £2 for children.', '£2', 'entry fee'],
      ['The hall charge is £40 a day for clubs and £25 a day for schools.', '£25 a day', 'hall charge'],
      // Said of no subject, each sum is of what it pays for.
      ['The council spent £3 million on roads and £2 million on parks.', '£2 million', 'parks'],
      ['He paid £5 for the atlas and £3 for the map.', '£3', 'map'],
    ]);
  });

  it('a sum whose verb is left out after the preposition the one before repeats is said of what that one is', () => {
    // A choir's accounts of our own: the second sum came from the raffle as the first came from concerts.
    const choir = 'Income was £9,000, of which £6,500 came from concerts and £2,500 from the raffle.';
    expectMeasures([
      [choir, '£6,500', 'Income'],
      [choir, '£2,500', 'Income'],
      // The first sum's own preposition names what it is: the second's is its own.
      ['Of the grant, £2,000 went on paint and £500 on brushes.', '£500', 'brushes'],
    ]);
  });

  it('a figure compared with a rate counts what the rate counts, not its base', () => {
    const sentence = 'There were 4.5 infections per 1,000 patients, against 3.9 in 2024.';
    expect(figuresInSentence(sentence).map((f) => f.text)).toEqual(['4.5 infections', '3.9']);
    expect(figure(sentence, '3.9').measure).toBe('infections');
  });

  it('a share left open at one end ("or more") is of what follows the open end', () => {
    expectMeasures([
      ['A pupil counts as absent after missing 10 percent or more of lessons.', '10 percent', 'lessons'],
      ['Some 40 percent or so of the orchards were sold.', 'Some 40 percent', 'orchards'],
      ['Growers lost 5% or less of their crop.', '5%', 'crop'],
    ]);
  });

  it('a sum compared with a rate of money measures what the rate does, not its base', () => {
    const sentence = 'The levy will be £2.10 per £1,000 of turnover, up from £1.95 last year.';
    expect(figuresInSentence(sentence).map((f) => f.text)).toEqual(['£2.10', '£1.95']);
    expect(figure(sentence, '£1.95').measure).toBe('levy');
  });

  it('a figure after "and" and a noun phrase, its verb left out, measures that noun phrase', () => {
    expectMeasures([
      ['Income was £3 million and spending £2.5 million.', '£2.5 million', 'spending'],
      ['Ticket sales brought in $4.1 million and advertising $900,000.', '$900,000', 'advertising'],
      ['Men made up 48 percent of the choir, women 52 percent.', '52 percent', 'women'],
      // The first figure keeps its own measure, and one joined with no noun phrase between stays the first's.
      ['Income was £3 million and spending £2.5 million.', '£3 million', 'Income'],
      ['The entry fee is £5 for adults and £2 for children.', '£2', 'entry fee'],
      ['Exports were worth £4 million and imports £3 million.', '£3 million', 'imports'],
      ['The canteen served 300 meals on Monday and 280 on Tuesday.', '280', 'meals'],
    ]);
  });

  it('a part named with its verb left out measures only its own figure, not the ones after it', () => {
    const sentence = 'The gauge was tested in dry air (error 2%, drift 5%) and in fog (error 4%, drift 9%).';
    expect(figure(sentence, '5%').measure).toBe('drift');
    expect(figure(sentence, '4%').measure).toBeUndefined();
  });

  it('a second predicate joined by "and" is said of the first one\'s subject', () => {
    const sentence = 'The merged district would take in three towns and eventually total about 45,000.';
    expect(figure(sentence, 'about 45,000').measure).toBe('merged district');
    expect(figure('Attendance fell in April and then reached 18,000 in May.', '18,000').measure).toBe('Attendance');
  });

  it('a share of people who said something is a share of those people, not the clause', () => {
    expect(figure('A survey found 58 percent of fans said ticket prices were too high.', '58 percent').measure).toBe(
      'fans',
    );
  });

  it('a share "of" a noun phrase opened by an -ing word before its noun is a share of that noun phrase', () => {
    expectMeasures([
      [
        'Last year ticket sales covered about 35 percent of its operating costs.',
        'about 35 percent',
        'operating costs',
      ],
      [
        'Grants met 60 percent of the running costs of village bakeries.',
        '60 percent',
        'running costs of village bakeries',
      ],
      ['The school spent $40,000 on its training budget.', '$40,000', 'training budget'],
    ]);
    // Further in, an -ing word opens a participle phrase, not a run of nouns.
    expect(figure('The depot sent 12 buses carrying pupils to the fair.', '12 buses').measure).toBe('buses');
  });

  it('"and" joins a second noun to a counted one, never the subject of a clause it opens', () => {
    expectMeasures([
      [
        'The ferry line employs 10 guards and cleaners from the harbour towns.',
        '10 guards and cleaners',
        'guards and cleaners from the harbour towns',
      ],
      ['The school has 10 guards and teachers say the halls feel safer.', '10 guards', 'guards'],
      ['The port has 10 guards and cameras watch the gangway and the car deck.', '10 guards', 'guards'],
      ['The ferry line employs 10 guards and security staff patrol the pier at night.', '10 guards', 'guards'],
      ['The bakery hired 4 drivers and cleaners joined the staff in May.', '4 drivers', 'drivers'],
      // A participle after the second noun narrows it: no clause of its own.
      [
        'The bakery hired 4 drivers and cleaners trained by the council.',
        '4 drivers and cleaners',
        'drivers and cleaners',
      ],
    ]);
  });

  it('"and" between two names joins them when a common noun after them is what both modify', () => {
    expectMeasures([
      [
        'The gallery now sells passes to 212 Business and Enterprise members.',
        '212 Business and Enterprise members',
        'Business and Enterprise members',
      ],
      // A name after "and" with no common noun after it is another thing, not more of the counted one.
      ['The quarry ships 40 loads and Dunmore Haulage takes the rest.', '40 loads', 'loads'],
      // A name ending in s modifies the noun after it too, with or without another name before it.
      [
        'The college enrolled 340 Arts and Humanities students.',
        '340 Arts and Humanities students',
        'Arts and Humanities students',
      ],
      ['The firm let 40 Highlands cottages this year.', '40 Highlands cottages', 'Highlands cottages'],
      // But a noun after it with an object of its own is the clause's verb.
      ['Some 12 Democrats support the bill.', 'Some 12 Democrats', 'Democrats'],
    ]);
  });

  it('a time between a subject and its verb says when: the subject before it is what the figure measures', () => {
    expectMeasures([
      ['Bus spending over the same period was about 10 times as much.', 'about 10 times as much', 'Bus spending'],
      ['School meal costs during the same years were $4 million.', '$4 million', 'School meal costs'],
      ['Ferry ridership in the same years was roughly 3 times as high.', 'roughly 3 times', 'Ferry ridership'],
    ]);
  });

  it('a preposition and a time ending the measure say when, wink dating them or not', () => {
    expect(figure('Revenue for the last quarter was £2m.', '£2m')).toMatchObject({
      measure: 'Revenue',
      when: 'the last quarter',
    });
    expect(figure('The kiln’s sales for 2024 were £3m.', '£3m')).toMatchObject({
      measure: 'kiln’s sales',
      when: '2024',
    });
    expect(figure('We hired 40 officers in the spring.', '40 officers')).toMatchObject({
      measure: 'officers',
      when: 'in the spring',
    });
    expect(figure('Volunteers dug 300 ponds over the winter.', '300 ponds').when).toBe('over the winter');
    // A season before a noun is often a kind, and a year modifying a noun names it: neither is cut.
    expect(figure('Sales in the winter round were £40,000.', '£40,000').when).toBeUndefined();
    expectMeasures([
      ['Sales in the winter round were £40,000.', '£40,000', 'Sales in the winter round'],
      ['The share of the 2020 budget was 12 percent.', '12 percent', 'share of the 2020 budget'],
    ]);
  });

  it('a count before "more" or "fewer" counts the noun after it: the comparative says how it changed', () => {
    expectMeasures([
      ['There are eleven fewer buses on the route than last year.', 'eleven fewer buses', 'buses on the route'],
      ['The hand count found two fewer votes for Ms Ode.', 'two fewer votes', 'votes for Ms Ode'],
    ]);
  });

  it('a range before a singular noun names a size or kind, no count of it', () => {
    // A tree nursery's list of our own: "10–12 standard" is a size of tree, its stem's girth.
    expect(figuresInSentence('The trade calls it a 10–12 standard.')).toEqual([]);
    expect(figuresInSentence('tree: 10–12 standard; price: £395').map((f) => f.text)).toEqual(['£395']);
    // A range before a plural, a unit or its symbol counts or measures it.
    expect(
      figuresInSentence('We planted 10–12 oaks, 2.5 to 3.5 m tall, on 10-12 tonne trucks.').map((f) => f.text),
    ).toEqual(['10–12 oaks', '2.5 to 3.5 m', '10-12 tonne trucks']);
    // A singular noun modifying the plural after it is no name: the range counts the plural.
    expect(figuresInSentence('The network grew from 5 or 6 bus routes.').map((f) => f.text)).toEqual([
      '5 or 6 bus routes',
    ]);
  });

  it('a participle that narrows the noun stays with it', () => {
    const sentence = 'An estimated 40 percent of water used in the valley goes to farms.';
    expect(figure(sentence, 'An estimated 40 percent').measure).toBe('water used in the valley');
  });

  it('a relative clause narrows its noun: the measure is the whole noun phrase, never the clause alone', () => {
    expectMeasures([
      ['Farms that lack irrigation fell to 3,000 in 2021.', '3,000', 'Farms that lack irrigation'],
      [
        'The share of households that own a car fell to 40 percent.',
        '40 percent',
        'share of households that own a car',
      ],
      ['Tenants who rent flats rose 5 percent.', '5 percent', 'Tenants who rent flats'],
      // A clause with an auxiliary is cut where it opens: the noun is left.
      ['Farms that were flooded rose to 300.', '300', 'Farms'],
      // "said that ..." opens no relative clause: what rose is what the clause names.
      ['The ministry said that exports rose 5 percent.', '5 percent', 'exports'],
    ]);
  });

  it('a long relative clause hides no subject: the measure is headed by the noun it narrows, never its object', () => {
    const schools = 'Schools that have joined the breakfast scheme run by the council dropped by 90 per cent.';
    expect(figure(schools, '90 per cent').measure).toBe('Schools');
    // A clause with no auxiliary stays with its noun, as "Farms that lack irrigation" does.
    expect(figure('Bakeries that opened in the old market hall rose to 40.', '40').measure).toBe(
      'Bakeries that opened in the old market hall',
    );
    expect(
      figure('Water bills for households that moved to meters in the city fell by 8 percent.', '8 percent').measure,
    ).toBe('Water bills for households that moved to meters in the city');
    // The main clause's own verb ends the clause: what "drop" is said of is the object of "saw", not the schools.
    expect(figure('Schools that joined the scheme saw absences drop by 90 per cent.', '90 per cent').measure).toBe(
      'absences',
    );
  });

  it('a noun phrase holding a hedged length is read whole, and the length is not its time', () => {
    const waits = figure('Waits of over 4 hours in emergency rooms rose 12 percent.', '12 percent');
    expect(waits.measure).toBe('Waits of over 4 hours in emergency rooms');
    expect(waits.when).toBeUndefined();
    // A stretch of time that is no noun's length stays the figure's time.
    expect(figure('Over 12 months, ticket prices rose 5 percent.', '5 percent').when).toBe('Over 12 months');
  });

  it('a class bounded by "with fewer than" is part of the measure, and no count of its own', () => {
    expect(figuresInSentence('Firms with fewer than 50 employees account for 45 percent of jobs.')).toMatchObject([
      { text: '45 percent', measure: 'Firms with fewer than 50 employees' },
    ]);
    expect(figure('Small firms account for 45 percent of jobs.', '45 percent').measure).toBe('Small firms');
    expect(
      figuresInSentence('Households with incomes under $30,000 spent 40 percent of their income on rent.').map(
        (f) => f.text,
      ),
    ).toEqual(['40 percent']);
    // One place, not a class: "with over 9,000 residents" says how many it has.
    expect(figuresInSentence('The county, with over 9,000 residents, hired 40 nurses.').map((f) => f.text)).toEqual([
      'over 9,000 residents',
      '40 nurses',
    ]);
  });

  it('a count of a unit of measure measures what stands at it, or what the unit is "of"', () => {
    expect(figure('Wheat yields averaged 3.1 tonnes per hectare.', '3.1 tonnes').measure).toBe('Wheat yields');
    // "between" before a range written with a dash opens it, as before one joined by "and".
    for (const dash of ['-', '–'])
      expect(figure(`Barley yields averaged between 3${dash}4 tonnes.`, `between 3${dash}4 tonnes`).measure).toBe(
        'Barley yields',
      );
    expect(figure('Rainfall reached 900 millimetres in 2021.', '900 millimetres').measure).toBe('Rainfall');
    expect(figure('The mill will produce some 12,000 tonnes of flour.', 'some 12,000 tonnes').measure).toBe(
      'tonnes of flour',
    );
    // A verb of what a thing holds, carries or uses says the unit is that thing's: its subject is the measure.
    expect(figure('Lorries carry 40 tonnes.', '40 tonnes').measure).toBe('Lorries');
    expect(figure('The old reservoir can hold up to 40 million litres.', 'up to 40 million litres').measure).toBe(
      'old reservoir',
    );
    // With no subject that stands at it, the unit is all the sentence says.
    expect(figure('The ministry bought 400 tonnes.', '400 tonnes').measure).toBe('tonnes');
  });

  it('a unit of data, power or speed, written short, is a unit of measure too', () => {
    // A file host's, a wind farm's and a road's notes of our own.
    expect(figure('Version 2.6 raises the storage limit to 8 GB.', '8 GB').measure).toBe('storage limit');
    expect(figure('The mailbox quota is 50 MB.', '50 MB').measure).toBe('mailbox quota');
    expect(figure('The wind farm can generate 120 MW.', '120 MW').measure).toBe('wind farm');
    expect(figure('The speed limit on the bypass is 50 mph.', '50 mph').measure).toBe('speed limit on the bypass');
  });

  it('a share that only says what it did has no measure', () => {
    const sentence = 'The ministry reported that around 60 percent travelled by rail in 2019.';
    expect(figure(sentence, 'around 60 percent').measure).toBeUndefined();
  });

  it('"the same period" is a time, never a measure', () => {
    expectMeasures([
      ['Viewers rose by 15 percent in the same period.', '15 percent', 'Viewers'],
      ['Attendance averaged 18,500 over the same period.', '18,500', 'Attendance'],
      ['Season ticket sales grew 9 percent on the same period last year.', '9 percent', 'Season ticket sales'],
    ]);
  });

  it('a bare change ("a drop", "an increase") says how a figure moved, not what it measures', () => {
    expect(
      figure('Police figures show a drop of 3 to 4 percent this spring.', '3 to 4 percent').measure,
    ).toBeUndefined();
    expect(figure('Ridership saw an increase of 12 percent.', '12 percent').measure).toBeUndefined();
    // A change of something named keeps it.
    expect(figure('The council reported a 7 percent rise in fares.', '7 percent').measure).toBe('rise in fares');
    // A bare change set beside a figure is a change of what that figure counts.
    const permits = 'The agency approved 1,450 permits in 2022, a 12 percent increase over 2021.';
    expect(figure(permits, '12 percent').measure).toBe('permits');
  });

  it("a measure never begins with another figure's number", () => {
    const sentence = 'The bus network has gone from a handful of 5 or 6 main routes to upwards of 20 in ten years.';
    // The subject whose change the counts are the ends of is counted too.
    expect(figure(sentence, '5 or 6 main routes').measure).toBe('main routes of bus network');
    expect(figure(sentence, 'upwards of 20').measure).toBe('main routes of bus network');
  });

  it('a bare head noun takes the fuller noun phrase the sentence before gave it', () => {
    const [, second] = figuresInSentences([
      'Officials warned of a sharp rise in injuries from falls among older adults.',
      'Hospitals treated 3,000 injuries in 2022.',
    ]);
    expect(second).toMatchObject([{ text: '3,000 injuries', measure: 'injuries from falls' }]);
  });

  it('a bare head noun with no fuller phrase before stays as it is', () => {
    expect(figure('The club sold 21,000 tickets in 2023.', '21,000 tickets').measure).toBe('tickets');
  });

  it('holds for every measure of a mixed page: no verb, no auxiliary, not only a time', () => {
    const page = [
      'The county budget for 2024 totals $86 million, up from $79 million in 2023.',
      'Property taxes bring in some $41 million a year in revenue.',
      'The county spent $6.2 million on snow clearing over the same period.',
      'The stadium, which holds 52,000 spectators, sold out 14 times last season.',
      'Ticket prices rose 8 percent over the same period, and 61 percent of season holders renewed.',
      'The price of a litre of milk was 1.20 euros in March 2023.',
      'Some 64 percent of households heated with gas in 2021.',
      'Exports of wine totalled €2.3 billion in fiscal year 2022.',
      'The mill said it would produce some 12,000 tonnes of flour this year.',
    ];
    const figures = figuresInSentences(page).flat();
    expect(figures.length).toBeGreaterThan(10);
    for (const f of figures.filter((x) => x.measure)) {
      const measure = f.measure!;
      const words = tokenSentences(page.join(' ')).flat();
      const at = page.join(' ').indexOf(measure);
      expect(at, measure).toBeGreaterThanOrEqual(0);
      const inside = words.filter((w) => w.start >= at && w.end <= at + measure.length);
      expect(
        inside.map((w) => w.pos),
        measure,
      ).not.toContain('AUX');
      expect(inside[0]!.pos, measure).not.toBe('VERB');
      expect(
        inside.some((w) => w.pos === 'NOUN' || w.pos === 'PROPN'),
        measure,
      ).toBe(true);
      expect(measure, measure).not.toMatch(/^(same )?(period|time|year|month)s?$/i);
    }
  });
});

describe('an acronym before the noun counted', () => {
  it('ending in a capital S is part of what is counted, no plural ending the phrase', () => {
    expectMeasures([
      ['The desk answered 3,870 PALS enquiries last year.', '3,870 PALS enquiries', 'PALS enquiries'],
      ['The county has 40 NHS hospitals and 12 GP practices.', '40 NHS hospitals', 'NHS hospitals'],
      ['The county has 40 NHS hospitals and 12 GP practices.', '12 GP practices', 'GP practices'],
      ['The port has 6 AIS transponders.', '6 AIS transponders', 'AIS transponders'],
      // A plural followed by another noun still ends the phrase, an acronym's written with a small s too.
      ['Three firms control the harbour.', 'Three firms', 'firms'],
      ['Some 40 NGOs work the valley.', 'Some 40 NGOs', 'NGOs'],
    ]);
  });
});

describe('a verb right after a plural', () => {
  it("is its clause's verb, no modifier of the noun after it", () => {
    expectMeasures([
      ['Some 40 firms run clinics.', 'Some 40 firms', 'firms'],
      ['Twelve farms grow barley.', 'Twelve farms', 'farms'],
      ['Some 40 NGOs run clinics.', 'Some 40 NGOs', 'NGOs'],
      ['Some 40 firms registered voters.', 'Some 40 firms', 'firms'],
      // Not after a singular or a number, nor an -ing form: "operating costs", "12 trained nurses".
      ['The unit cut 12 trained nurses and £3 million of operating costs.', '12 trained nurses', 'trained nurses'],
      ['About 300 volunteers staff the wards.', 'About 300 volunteers', 'volunteers'],
    ]);
  });
});

describe('a figure after a label and a colon', () => {
  it('is measured by the label, as a table row writes its cells and a memo its lines', () => {
    const row = 'Riverside — visitors (thousands): 41.5; car parks: 3; staff replaced (FTE): 12';
    expectMeasures([
      [row, '41.5', 'visitors'],
      [row, '3', 'car parks'],
      [row, '12', 'staff replaced'],
      ['Turnout: 64 percent; spoilt ballots: 212', '64 percent', 'Turnout'],
      ['Turnout: 64 percent; spoilt ballots: 212', '212', 'spoilt ballots'],
      ['Hill Farm — annual rent: £12,000', '£12,000', 'annual rent'],
      ['Lock — mean wait for boats: 14 minutes; mean toll: £4', '£4', 'mean toll'],
    ]);
  });

  it('is measured by its own label when the label names a change, not by the cell before it', () => {
    // A table of our own, as `tableRow` writes its rows: an apiary's colonies and a shop's takings.
    const apiary = 'apiary: Hill Farm — colonies: 480; losses: 173';
    const shop = 'shop: Market Street — sales: £9,400; losses: £1,200; growth (%): 3';
    expectMeasures([
      [apiary, '480', 'colonies'],
      [apiary, '173', 'losses'],
      ['colonies: 480; losses: 173', '173', 'losses'],
      [shop, '£9,400', 'sales'],
      [shop, '£1,200', 'losses'],
      [shop, '3', 'growth'],
      ['Annual losses: 12 percent', '12 percent', 'Annual losses'],
    ]);
    expect(figure(apiary, '173').row).toBe('Hill Farm');
  });

  it('is measured by its own label when the label ends in an irregular participle', () => {
    // Tables of our own, as `tableRow` writes their rows: a river's fish counts and a warden's season.
    const river = 'reach: Mill Pool — anglers: 62; fish caught: 40; fish kept: 9';
    const warden = 'warden: East Wood — nests: 31; chicks born: 58; trees cut: 12';
    expectMeasures([
      [river, '62', 'anglers'],
      [river, '40', 'fish caught'],
      [river, '9', 'fish kept'],
      ['anglers: 62; fish caught: 40', '40', 'fish caught'],
      [warden, '58', 'chicks born'],
      [warden, '12', 'trees cut'],
      ['- nests: 31; eggs laid: 200', '200', 'eggs laid'],
    ]);
  });

  it('is measured by its own label when an adjective alone stands before its participle', () => {
    // A table of our own, as `tableRow` writes its rows: a choir's appeal, year by year.
    const appeal = '2024 — donors: 310; total raised: £18,400; average given: £59';
    expectMeasures([
      [appeal, '310', 'donors'],
      [appeal, '£18,400', 'total raised'],
      [appeal, '£59', 'average given'],
    ]);
  });

  it('is measured by its own header when it is a participle alone or with its preposition, after a cell', () => {
    // A table of our own, as `tableRow` writes its rows: a rowing club's budget, line by line.
    const club = 'budget line: Boats — allocated: £12,000; spent to March 2026: £7,450';
    expectMeasures([
      [club, '£12,000', 'allocated'],
      [club, '£7,450', 'spent to March 2026'],
      ['year: 2024 — raised: £4,100; spent: £3,900', '£3,900', 'spent'],
      // Not outside a table's cell, where a participle before a colon is a clause's verb.
      ['The survey found: 40 percent agreed', '40 percent', undefined],
    ]);
    expect(figure(club, '£7,450').row).toBe('Boats');
  });

  it('is measured by its own label when a participle in "-ing" opens it', () => {
    // A table of our own, as `tableRow` writes its rows: a ferry's season, and a clinic's list.
    const ferry = 'season: 2025 — sailings: 410; paying passengers: 38,200; fare: £6';
    expectMeasures([
      [ferry, '38,200', 'paying passengers'],
      [ferry, '410', 'sailings'],
      ['Waiting patients: 112', '112', 'Waiting patients'],
      // A participle that works as a preposition says what the figure holds, not what it is.
      ['Including VAT: £40', '£40', undefined],
    ]);
  });

  it('is measured by its own label when a past participle opens it', () => {
    // A table of our own, as `tableRow` writes its rows: a sailing club's fleets, and an insurer's year.
    const fleet = 'fleet: Dinghies — boats: 24; licensed helms: 61; hired boats: 9';
    expectMeasures([
      [fleet, '61', 'licensed helms'],
      [fleet, '9', 'hired boats'],
      [fleet, '24', 'boats'],
      ['Insured drivers: 4,300', '4,300', 'Insured drivers'],
    ]);
    expect(figure(fleet, '61').row).toBe('Dinghies');
  });

  it('is measured by its whole header when a comma and a participle qualify the noun opening it', () => {
    // A table of our own, as `tableRow` writes its rows: a gym's memberships, and a herbarium's samples.
    const gym = 'membership: Adult — price a month, paid yearly: £28; price a month, paid monthly: £34; classes: 12';
    expectMeasures([
      [gym, '£28', 'price a month, paid yearly'],
      [gym, '£34', 'price a month, paid monthly'],
      [gym, '12', 'classes'],
      ['sample: A — weight, dried: 4 kg', '4 kg', 'weight, dried'],
      // Not outside a table's cell, where the words before the comma may be a clause of their own.
      ['Residents said, asked yearly: 40 percent', '40 percent', undefined],
    ]);
  });

  it('is measured by its own label when the tagger reads the verb after "to" in it as a noun', () => {
    // A table of our own, as `tableRow` writes its rows: a letting agent's year, whose row opens with the year.
    const lettings = '2024-25 — flats let: 212; weeks to re-let an empty flat: 3; cost to re-roof a block: £9,000';
    expectMeasures([
      [lettings, '3', 'weeks to re-let an empty flat'],
      [lettings, '£9,000', 'cost to re-roof a block'],
      ['days to re-let an empty home: 38', '38', 'days to re-let an empty home'],
    ]);
  });

  it('is measured by its own label when a preposition in it ties no noun phrase, after a cell', () => {
    // A table of our own, as `tableRow` writes its rows: a landlord's lifts, block by block.
    const lifts = 'Block: Cedar Tower — Breakdowns: 21; Days out of service: 17; Residents affected: 240';
    expectMeasures([
      [lifts, '21', 'Breakdowns'],
      [lifts, '17', 'Days out of service'],
      [lifts, '240', 'Residents affected'],
    ]);
  });

  it('is measured by its own label when a participle narrows a time noun, after a cell', () => {
    // A table of our own, as `tableRow` writes its rows: a depot's year.
    const depot = 'depot: North — breakdowns: 21; days lost: 17; hours worked: 3,400';
    expectMeasures([
      [depot, '17', 'days lost'],
      [depot, '3,400', 'hours worked'],
    ]);
  });

  it("is measured by its row's first cell when the label is a time, as a row under a year's column writes it", () => {
    const budget = 'budget line: Street lighting — 2025-26: £12,500; 2026-27: £13,100';
    const journeys = 'Bus journeys (millions) — 2023: 41.2; July 2024: 3.9';
    expectMeasures([
      [budget, '£12,500', 'Street lighting'],
      [budget, '£13,100', 'Street lighting'],
      [journeys, '41.2', 'Bus journeys'],
      [journeys, '3.9', 'Bus journeys'],
      // Outside a table row, or in a row named by a time, a time's label says when only.
      ['Visitors: 2024: 310,000', '310,000', undefined],
      ['July — 2025: 14', '14', undefined],
    ]);
  });

  it("names the table row of a figure its column's header measures, which tells the rows apart", () => {
    const prices = 'class: Yoga — price: £8; places: 20; instructor: two';
    const bands = 'monthly income: below £1,000 — discount: 50%';
    const rowOf = (sentence: string, text: string) => figure(sentence, text).row;
    expect([rowOf(prices, '£8'), figure(prices, '£8').measure, rowOf(prices, '20')]).toEqual(['Yoga', 'price', 'Yoga']);
    expect(rowOf(bands, '50%')).toBe('below £1,000');
    // A row under years' columns is measured by its name already; a row named by a time is dated by it, not named; a
    // dash in a sentence is no row, nor a figure no column measures.
    expect(rowOf('budget line: Street lighting — 2025-26: £12,500', '£12,500')).toBeUndefined();
    expect(rowOf('month: July 2025 — visitors: 14,200', '14,200')).toBeUndefined();
    expect(rowOf('The ferry — which sails daily — carries 300 cars: a record', '300 cars')).toBeUndefined();
    expect(rowOf('The fee — set last year: $40', '$40')).toBeUndefined();
  });

  it("reads a row's name once for all its cells", () => {
    const text = 'budget line: Street lighting — 2025-26: £12,500; 2026-27: £13,100; 2027-28: £13,700';
    const r = new Reading(text, tokenSentences(text)[0]!);
    expect(rowKey(r)).toMatchObject({ name: 'Street lighting', measure: 'Street lighting' });
    expect(rowKey(r)).toBe(rowKey(r));
    // A verb's base after "to" names what the row is of, as in a label; a verb of a clause before a dash is none.
    const due = 'Balance to pay — £96 a month';
    expect(rowKey(new Reading(due, tokenSentences(due)[0]!))).toMatchObject({ name: 'Balance to pay' });
    const clause = 'The club agreed to pay — in full — £96';
    expect(rowKey(new Reading(clause, tokenSentences(clause)[0]!))).toBeUndefined();
  });

  it('reads a row of totals as the whole of its column, measured by its header, which a time measures not', () => {
    const read = (text: string) => rowKey(new Reading(text, tokenSentences(text)[0]!));
    expect(read('kiln: Total — 2025-26: 412; 2026-27: 398')).toEqual({
      name: 'Total',
      measure: 'kiln',
      dash: 3,
      total: true,
    });
    expect(read('month: Grand total — 2025: 4,120')).toMatchObject({ name: 'Grand total', measure: undefined });
    expect(read('kiln: Totals — firings: 412')).toMatchObject({ total: true });
    // What the total is over, after a comma or in brackets, as a spreadsheet's writer qualifies it.
    expect(read('kiln: Total, all kilns — firings: 412')).toMatchObject({ total: true, measure: 'kiln' });
    expect(read('kiln: Total (both sites) — firings: 412')).toMatchObject({ total: true, measure: 'kiln' });
    const figures = (text: string) =>
      figuresInSentence(text).map(({ text: shown, measure, row, when }) => ({ shown, measure, row, when }));
    // Each cell of the row says it is the total, under a time's label too, where "Total" had been its measure.
    expect(figures('pottery class: Total — 2025-26: £42,500; 2026-27: £43,100')).toEqual([
      { shown: '£42,500', measure: 'pottery class', row: 'Total', when: '2025-26' },
      { shown: '£43,100', measure: 'pottery class', row: 'Total', when: '2026-27' },
    ]);
    expect(figures('month: Total — 2025: 4,120')).toEqual([
      { shown: '4,120', measure: undefined, row: 'Total', when: '2025' },
    ]);
    expect(figures('month: Total — kiln firings: 412')).toEqual([
      { shown: '412', measure: 'kiln firings', row: 'Total', when: undefined },
    ]);
  });

  it("is as much as its label's unit in brackets says, a column's before its row's", () => {
    // A table of our own, as `tableRow` writes its rows: a county's transport statistics.
    const journeys = 'Bus journeys (millions) — 2023: 41.2; 2024: 43.0';
    const budget = 'budget line: Road repairs (£000) — 2025-26: 1,250; change (%): 4';
    const read = (sentence: string, text: string) => {
      const { value, unit, measure } = figure(sentence, text);
      return { value, unit, measure };
    };
    expect(read(journeys, '41.2')).toEqual({ value: 41.2e6, unit: 'count', measure: 'Bus journeys' });
    expect(read(budget, '1,250')).toEqual({ value: 1_250_000, unit: 'GBP', measure: 'Road repairs' });
    expect(read(budget, '4')).toMatchObject({ value: 4, unit: 'percent' });
    // The brackets are no figure of £0; a number with its own noun, or a label's unit the grammar does not know, stays.
    expect(figuresInSentence(budget).map((f) => f.text)).toEqual(['1,250', '4']);
    expect(read('trips (millions): 12 ferries', '12 ferries')).toMatchObject({ value: 12, unit: 'count' });
    expect(read('weight (tonnes): 3', '3')).toMatchObject({ value: 3, unit: 'count' });
  });

  it('is measured by a label the tagger reads as verbs when its brackets give a unit', () => {
    // A clinic's and a lab's tables of our own, as `tableRow` writes their rows.
    expectMeasures([
      ['clinic: Elm Road — mean wait (hours): 4; staff: 9', '4', 'mean wait'],
      ['lead (mg/L): 0.01', '0.01', 'lead'],
    ]);
    expect(figure('mean wait (hours): 4', '4').units).toBe('hours');
  });

  it('is counted in a unit divided by another, written after its number', () => {
    // A river authority's and a town's notes of our own.
    expect(figure('The licence caps abstraction at 120 Ml/d in summer.', '120 Ml/d').measure).toBe('abstraction');
    expect(figure('The limit is 30 km/h near schools.', '30 km/h').measure).toBe('limit');
    expect(figure('Ferritin stayed under 0.3 mg/L.', 'under 0.3 mg/L').measure).toBe('Ferritin');
    // Spaced, a slash joins two figures, not a unit.
    expect(figuresInSentence('The ferry carries 40 tonnes / 12 cars.').map((f) => f.text)).toEqual([
      '40 tonnes',
      '12 cars',
    ]);
  });

  it("is counted in its label's unit of measure in brackets, a column's before its row's", () => {
    // A quarry's returns of our own, as `tableRow` writes its rows.
    const site = 'site: North Pit — output (tonnes): 4,200; staff: 31';
    const freight = 'Rail freight (tonnes) — 2023: 41.2; 2024: 43.0';
    expect(figure(site, '4,200')).toMatchObject({ value: 4200, unit: 'count', measure: 'output', units: 'tonnes' });
    expect(figure(site, '31').units).toBeUndefined();
    expect(figure(freight, '43.0')).toMatchObject({ measure: 'Rail freight', when: '2024', units: 'tonnes' });
    expect(figure('weight (tonnes): 3', '3').units).toBe('tonnes');
    // A number with a noun of its own says what it counts.
    expect(figure('loads (tonnes): 12 trucks', '12 trucks').units).toBeUndefined();
  });

  it('is not measured by what does not open its clause, nor by a clause before the colon', () => {
    expectMeasures([
      ['He said: 40 people were rescued.', '40 people', 'people'],
      ['Two things stood out: 40 percent of voters stayed home.', '40 percent', 'voters'],
      ['Residents said: 40 percent', '40 percent', undefined],
    ]);
  });
});

describe('a possessive inside a noun phrase', () => {
  it('ties the phrase after it to the noun before, as an article does', () => {
    expectMeasures([
      ['The fee for your permit will rise by 6 percent.', '6 percent', 'fee for your permit'],
      ['The rent for their allotment went up by £12.', '£12', 'rent for their allotment'],
      ['Our fee rose by 5 percent.', '5 percent', 'fee'],
    ]);
  });

  it('opens a noun phrase with "my" as with any other possessive', () => {
    // A tenant's chat of our own: "my rent" had been measured "my rent", and "for my service charge" tied to nothing.
    expectMeasures([
      ['My rent went up by 4.8 percent.', '4.8 percent', 'rent'],
      ['my bill rose to £412 in 2025', '£412', 'bill'],
      ['I pay £6.15 a week for my service charge.', '£6.15 a week', 'payment for service charge'],
    ]);
  });
});

describe('a subject set apart from its verb by an apposition', () => {
  it('measures the figure its verb says of it, past the noun phrase between commas', () => {
    // A hospital's and a port's reports of our own.
    expectMeasures([
      ['Bed occupancy, the share of beds in use, was 96 percent.', '96 percent', 'Bed occupancy'],
      ['Berth use, the share of berths taken by ships, stood at 74 percent.', '74 percent', 'Berth use'],
      // A clause set off by commas is no apposition, nor a verb of saying between them.
      ['Sales, the firm said, were 40 percent up.', '40 percent', undefined],
    ]);
  });
});

describe('a subject that defines its abbreviation in brackets before its verb', () => {
  it('measures the figure it is said of, with its abbreviation', () => {
    expectMeasures([['Voter turnout (VT) was 64 percent.', '64 percent', 'Voter turnout (VT)']]);
  });
});

describe('a figure over a period carries the period', () => {
  it('a total for the 12 months to a date carries "12 months", and so does the figure it is compared with', () => {
    const [now, before] = figuresInSentence(
      'Over the 12 months ending in March 2023, shoppers returned 9,000 parcels, down from 11,000 in March 2022.',
    );
    expect(now).toMatchObject({
      text: '9,000 parcels',
      when: 'Over the 12 months ending in March 2023',
      period: '12 months',
      periodMinutes: 12 * MINUTES_IN.get('month')!,
    });
    expect(before).toMatchObject({ text: '11,000', measure: 'parcels', when: 'in March 2022', period: '12 months' });
    expect(before!.periodMinutes).toBe(now!.periodMinutes);
  });

  it("a period's length is its count of its unit, in digits or in words", () => {
    for (const [text, period, minutes] of [
      ['In the six months to June 2023, fares earned $40 million.', 'six months', 6 * MINUTES_IN.get('month')!],
      ['In the 52 weeks to June 2023, fares earned $40 million.', '52 weeks', 52 * MINUTES_IN.get('week')!],
      ['In the twelve months to June 2023, fares earned $40 million.', 'twelve months', MINUTES_IN.get('year')!],
    ] as const)
      expect(figure(text, '$40 million'), text).toMatchObject({ period, periodMinutes: minutes });
  });

  it('a baseline of another precision does not take the period', () => {
    const [, before] = figuresInSentence(
      'For the 12 months to June 2023, fares earned $40 million, up from $25 million in 2015.',
    );
    expect(before).toMatchObject({ text: '$25 million', when: 'in 2015' });
    expect(before!.period).toBeUndefined();
  });

  it('a fiscal year is a period of its own', () => {
    expect(figure('Exports of wine totalled €2.3 billion in fiscal year 2022.', '€2.3 billion')).toMatchObject({
      measure: 'Exports of wine',
      when: 'in fiscal year 2022',
      period: 'fiscal year',
      periodMinutes: MINUTES_IN.get('year'),
    });
  });

  it('a point in time carries none', () => {
    const f = figure('The price of a litre of milk was 1.20 euros in March 2023.', '1.20 euros');
    expect(f).toMatchObject({ measure: 'price of a litre of milk', when: 'in March 2023' });
    expect(f.period).toBeUndefined();
  });

  it('a comparison with a year before keeps the measure', () => {
    const [, before] = figuresInSentence('The museum drew 310,000 visitors in 2019, compared with 250,000 in 2018.');
    expect(before).toMatchObject({ text: '250,000', measure: 'visitors', when: 'in 2018' });
  });

  it('reads a sentence ending in "cannot", for one of whose words wink gives no lemma', () => {
    const words = tokenSentences('Together the crews handle floods that they separately cannot.').flat();
    expect(words.map((w) => w.lemma)).toContain('cannot');
    expect(words.every((w) => typeof w.lemma === 'string')).toBe(true);
  });
});
