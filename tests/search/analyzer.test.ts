import { describe, expect, it } from 'vitest';
import { Analyzer, fold } from '../../src/search/analyzer.js';

const analyzer = new Analyzer();
const terms = (text: string) => analyzer.terms(text);

describe('Analyzer', () => {
  it('folds case and accents, so Mérida is Merida and López is Lopez', () => {
    expect(fold('Mérida López PEÑA')).toBe('merida lopez pena');
    expect(terms('Mérida')).toEqual(terms('merida'));
    expect(terms('López')).toEqual(terms('LOPEZ'));
  });

  it('reads a word with an invisible character inside it as the word', () => {
    expect(terms('ferr\u200by')).toEqual(terms('ferry'));
    expect(terms('har\u00adbour wa\u2060ters\ufeff')).toEqual(terms('harbour waters'));
  });

  it('stems, so extradite, extradited and extraditions share a term', () => {
    const [a] = terms('extradite');
    expect(terms('extradited')).toContain(a);
    expect(terms('extraditions')).toContain(a);
  });

  it('drops stop words, question words and chat filler', () => {
    expect(terms('what is the')).toEqual([]);
    expect(terms('how much of the funding')).toEqual(terms('funding'));
    expect(terms('ok so whats the funding pls')).toEqual(terms('funding'));
    // A preposition and its abbreviation: "vs" had weighed the most of "treatment vs locking up users", as no passage
    // held it.
    expect(terms('treatment vs prison versus fines')).toEqual(terms('treatment prison fines'));
    // "Besides" is a preposition and "apart" a particle, as "off" and "out" are: kept, each weighed as one of a small
    // corpus's rarest words, and "what else besides the ferry" was refused.
    expect(terms('boats besides the ferry, apart from the tug, or ones that fell apart')).toEqual(
      terms('boats ferry tug ones fell'),
    );
    // Pronouns of "every", "no" and "-ever" are stop words as "anything" and "someone" are: no dictionary holds
    // "everything", so it had weighed as a rare name would. "re" is chat's "regarding".
    expect(terms('re funding - would everything or nothing help whoever')).toEqual(terms('funding help'));
    // Adverbs pointing at the speaker's own time say when the asker is, not what a passage holds: "now" had weighed
    // more than "birds" in "are there more birds on the farms now", as a small corpus says it once or twice.
    expect(terms('are there more birds on the farms now')).toEqual(terms('birds farms'));
    expect(terms('what does a ticket cost nowadays, or currently, or presently')).toEqual(terms('ticket cost'));
    // Chat's spellings of them and English's other contractions: kept, "rn" would weigh as a name (radon's symbol),
    // more than twice a word no passage holds, and "how'd" as a word no passage holds.
    expect(terms('is the pool open rn')).toEqual(terms('pool open'));
    expect(terms("how'd the harvest go, and what'll em farmers plant")).toEqual(terms('harvest go farmers plant'));
    expect(terms("who'd guessed it'd rain, as it could've")).toEqual(terms('guessed rain'));
    // "ur" is chat's "your": kept, it weighed as a word no passage holds, three times "license" in "do u have to
    // license ur dog", and the question was refused.
    expect(terms('do u have to license ur dog')).toEqual(terms('license dog'));
    // In capitals they are acronyms: a ward's registered nurses.
    expect(terms('two RNs on the ward')).toEqual(terms('two RN ward'));
    // "Thing" stands for whatever the sentence is about, as "stuff" does: a small corpus says it once or twice, so it
    // had weighed as the rarest word of "did the whole ferry thing settle down".
    expect(terms('did the whole ferry thing settle down, or are things worse')).toEqual(
      terms('whole ferry settle worse'),
    );
  });

  it('reads an acronym\'s plural ("FTOs", "MSCs") as the acronym, in text and as a word of an excerpt', () => {
    expect(terms('FTOs')).toEqual(terms('FTO'));
    expect(terms('the MSCs and RNAs')).toEqual(terms('MSC RNA'));
    expect(analyzer.processTerm('NGOs')).toEqual(terms('NGO'));
    // In small letters, or with small letters before the "s", it is a word as typed.
    expect(terms('bus gas')).toEqual(['bus', 'gas']);
    expect(terms('CpGs')).toEqual(terms('cpgs'));
  });

  it('keeps dotted acronyms in one piece', () => {
    expect(analyzer.tokenize('D.C. police')).toContain('dc');
  });

  it('reads an acronym spelling a stop word ("U.S.", "US", "WHO") as the acronym, not the word', () => {
    const [us] = terms('U.S.');
    expect(us).toBeDefined();
    expect(terms('the U.S.-Mexico border')).toEqual([us, ...terms('mexico'), 'usmexico', ...terms('border')]);
    expect(terms('US aid')).toEqual([us, ...terms('aid')]);
    expect(terms("the US's demand")).toEqual([us, ...terms('demand')]);
    expect(terms('what did the u.s. do')).toEqual([us]);
    // "us" after "the" is never the pronoun; elsewhere in lower case it is.
    expect(terms('did the us deport')).toEqual([us, ...terms('deport')]);
    expect(terms('tell us about aid')).toEqual(terms('aid'));
    expect(terms('The WHO said')).toEqual(['who']);
    expect(terms('at 9 a.m.')).toEqual(['9', 'am']);
  });

  // Each row names a reading and gives texts that must be read as the one beside them.
  it.each<[string, [string, string][]]>([
    [
      'capitals among capitals as shouted words, and chat filler in capitals as filler',
      [
        ['WHAT IT MEANS FOR US', 'means'],
        ["IT'S DONE", 'done'],
        ['OK so FYI the aid', 'aid'],
      ],
    ],
    [
      'number words as digits',
      [
        ['ten to twenty', '10 to 20'],
        ['eight pillars', '8 pillars'],
      ],
    ],
    [
      '% and $ as the words they stand for, and "per cent" as "percent"',
      [
        ['90%', '90 percent'],
        ['90 per cent', '90 percent'],
        ['$5', 'dollars 5'],
      ],
    ],
    [
      'a number glued to a unit or suffix in Latin letters as the number and the unit',
      [
        ['$1.5bn', '$1.5 bn'],
        ['40mg a day', '40 mg a day'],
        ['70k deaths', '70 deaths'],
        ['the 1990s', '1990'],
        ['FY2022', 'fy 2022'],
      ],
    ],
  ])('reads %s', (_, pairs) => {
    for (const [text, same] of pairs) expect(terms(text), text).toEqual(terms(same));
  });

  it('keeps codes that mix digits and letters whole', () => {
    expect(terms('p16INK4A and 5HT2A')).toEqual(['p16ink4a', '5ht2a']);
    expect(terms('IL-1β')).toEqual(['il', '1β']);
  });

  it('reads a number with a decimal point, or a dotted version, as one word, not as the digits either side', () => {
    // Release notes: "4.3" is no "4" and "3"; a version's "v" is no part of its number.
    expect(terms('What changed in 4.3?')).toEqual(['chang', '4.3']);
    expect(terms('Release v4.3 ships today')).toEqual(terms('release 4.3 ships today'));
    // A version of three parts or more is also its release line's ("4.2.1" is a release of 4.2), which a reader asking
    // about 4.2 wants; asked about "4.2.1", a question means that release alone (`words` gives its first term).
    expect(terms('upgrade to v4.2.1')).toEqual(['upgrad', '4.2.1', '4.2']);
    expect(analyzer.words('v4.2.1')).toEqual([{ word: '4.2.1', term: '4.2.1' }]);
    // Written as typed: "4.30" is another version than "4.3", and a price's "£4.30" keeps its pence.
    expect(terms('4.30')).not.toEqual(terms('4.3'));
    // A lab report: a reading glued to its unit is the reading and the unit, as written apart.
    expect(terms('a 3.5mm bore and pH 7.4')).toEqual(terms('a 3.5 mm bore and pH 7.4'));
    expect(terms('uptime of 99.98%')).toEqual(['uptim', '99.98', 'percent']);
    // A budget: a sum's decimals, and a full stop ending a sentence after a number, which joins nothing.
    expect(terms('$1.8 billion in 2019. The rest')).toEqual(['dollar', '1.8', 'billion', '2019', 'rest']);
    // A date written with dots keeps its day, month and year apart, so its year is found as any year is.
    expect(terms('on 5.12.2024 and 2024.12.05')).toEqual(['5', '12', '2024', '05']);
    // A section number is one word too.
    expect(terms('§ 3.2 and section 3.2.1')).toEqual(['3.2', 'section', '3.2.1']);
  });

  it('reads an irregular past form as its verb, but leaves forms that are words of their own', () => {
    expect(terms('bought')).toEqual(terms('buy'));
    expect(terms('brought')).not.toEqual(terms('buy'));
    expect(terms('left')).not.toEqual(terms('leave'));
  });

  it('reads an irregular plural as its singular, but not a plural that is another word', () => {
    expect(terms('mice')).toEqual(terms('mouse'));
    expect(terms('buses')).toEqual(terms('bus'));
    expect(terms('crises')).toEqual(terms('crisis'));
    // A plural that is also a verb's form stays that verb's: "lives" with "live", "analyses" with "analysed".
    expect(terms('lives')).toEqual(terms('live'));
    expect(terms('analyses')).toEqual(terms('analysed'));
  });

  it('reads a compound written with hyphens as its parts and as one word, as either may be how it is written', () => {
    const [joined] = terms('multilayered');
    expect(terms('a multi-layered roof')).toEqual([...terms('multi layered'), joined, ...terms('roof')]);
    expect(terms('e-mail')).toEqual([...terms('mail'), ...terms('email')]);
    // Digits join no word: "covid-19", a code or a range of years is no word written as one.
    expect(terms('covid-19 6-MP 2015-2017')).toEqual(['covid', '19', '6', 'mp', '2015', '2017']);
    // A question's words in order: the joined form is no word of its own, but says each of its parts.
    expect(analyzer.words('multi-layered roofs')).toEqual([
      { word: 'multi', term: 'multi', joined },
      { word: 'layered', term: terms('layered')[0], joined },
      { word: 'roofs', term: terms('roof')[0] },
    ]);
  });

  it('gives each word of a text its term, none for a stop word', () => {
    expect(analyzer.words('the harbour costs')).toEqual([
      { word: 'the', term: undefined },
      { word: 'harbour', term: terms('harbour')[0] },
      { word: 'costs', term: terms('cost')[0] },
    ]);
  });
});
