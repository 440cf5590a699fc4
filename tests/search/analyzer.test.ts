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

  it('stems, so extradite, extradited and extraditions share a term', () => {
    const [a] = terms('extradite');
    expect(terms('extradited')).toContain(a);
    expect(terms('extraditions')).toContain(a);
  });

  it('drops stop words, question words and chat filler', () => {
    expect(terms('what is the')).toEqual([]);
    expect(terms('how much of the funding')).toEqual(terms('funding'));
    expect(terms('ok so whats the funding pls')).toEqual(terms('funding'));
  });

  it('keeps dotted acronyms in one piece', () => {
    expect(analyzer.tokenize('D.C. police')).toContain('dc');
  });

  it('reads an acronym spelling a stop word ("U.S.", "US", "WHO") as the acronym, not the word', () => {
    const [us] = terms('U.S.');
    expect(us).toBeDefined();
    expect(terms('the U.S.-Mexico border')).toEqual([us, ...terms('mexico border')]);
    expect(terms('US aid')).toEqual([us, ...terms('aid')]);
    expect(terms("the US's demand")).toEqual([us, ...terms('demand')]);
    expect(terms('what did the u.s. do')).toEqual([us]);
    // "us" after "the" is never the pronoun; elsewhere in lower case it is.
    expect(terms('did the us deport')).toEqual([us, ...terms('deport')]);
    expect(terms('tell us about aid')).toEqual(terms('aid'));
    expect(terms('The WHO said')).toEqual(['who']);
    expect(terms('at 9 a.m.')).toEqual(['9', 'am']);
  });

  it('reads capitals among capitals as shouted words, and chat filler in capitals as filler', () => {
    expect(terms('WHAT IT MEANS FOR US')).toEqual(terms('means'));
    expect(terms("IT'S DONE")).toEqual(terms('done'));
    expect(terms('OK so FYI the aid')).toEqual(terms('aid'));
  });

  it('reads number words as digits, so "ten to twenty" is "10 to 20"', () => {
    expect(terms('ten to twenty')).toEqual(terms('10 to 20'));
    expect(terms('eight pillars')).toEqual(terms('8 pillars'));
  });

  it('reads % and $ as the words they stand for, and "per cent" as "percent"', () => {
    expect(terms('90%')).toEqual(terms('90 percent'));
    expect(terms('90 per cent')).toEqual(terms('90 percent'));
    expect(terms('$5')).toEqual(terms('dollars 5'));
  });

  it('reads a number glued to a unit or suffix in Latin letters as the number and the unit', () => {
    expect(terms('$1.5bn')).toEqual(terms('$1.5 bn'));
    expect(terms('40mg a day')).toEqual(terms('40 mg a day'));
    expect(terms('70k deaths')).toEqual(terms('70 deaths'));
    expect(terms('the 1990s')).toEqual(terms('1990'));
    expect(terms('FY2022')).toEqual(terms('fy 2022'));
    // Codes that mix digits and letters otherwise stay whole.
    expect(terms('p16INK4A and 5HT2A')).toEqual(['p16ink4a', '5ht2a']);
    expect(terms('IL-1β')).toEqual(['il', '1β']);
  });

  it('reads an irregular past form as its verb, but leaves forms that are words of their own', () => {
    expect(terms('bought')).toEqual(terms('buy'));
    expect(terms('brought')).not.toEqual(terms('buy'));
    expect(terms('left')).not.toEqual(terms('leave'));
  });

  it('gives each word of a text its term, none for a stop word', () => {
    expect(analyzer.words('the harbour costs')).toEqual([
      { word: 'the', term: undefined },
      { word: 'harbour', term: terms('harbour')[0] },
      { word: 'costs', term: terms('cost')[0] },
    ]);
  });
});
