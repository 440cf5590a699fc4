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

  it('drops stop words and question words', () => {
    expect(terms('what is the')).toEqual([]);
    expect(terms('how much of the funding')).toEqual(terms('funding'));
  });

  it('indexes an acronym and its expansion as one synonym term', () => {
    expect(terms('AMLO')).toContain('syn:amlo');
    expect(terms('Andrés Manuel López Obrador said')).toContain('syn:amlo');
    expect(terms('Customs and Border Protection')).toContain('syn:cbp');
    expect(terms('the TCOs')).toContain('syn:tco');
    expect(terms('a transnational criminal organization')).toContain('syn:tco');
  });

  it('treats fentanyl and synthetic opioids as the same subject', () => {
    expect(terms('fentanyl')).toContain('syn:opioid');
    expect(terms('synthetic opioids')).toContain('syn:opioid');
  });

  it('keeps dotted acronyms in one piece', () => {
    expect(analyzer.tokenize('D.C. police')).toContain('dc');
  });

  it('lets a corpus add its own synonyms', () => {
    const custom = new Analyzer([{ id: 'usmca', terms: ['USMCA', 'T-MEC'] }]);
    expect(custom.terms('T-MEC')).toContain('syn:usmca');
    expect(custom.terms('usmca')).toContain('syn:usmca');
  });

  it('marks the words of a question that sit inside a multi-word synonym', () => {
    const words = analyzer.words('what did López Obrador say');
    expect(words.find((w) => w.word === 'lopez')?.terms).toContain('syn:amlo');
    expect(words.find((w) => w.word === 'what')?.terms).toEqual([]);
    // The phrase's term belongs to this question only, not to every later "López".
    expect(analyzer.processTerm('lopez')).not.toContain('syn:amlo');
    expect(analyzer.terms('López alone')).not.toContain('syn:amlo');
  });
});

describe('Analyzer synonyms', () => {
  it('lists a synonym group once for a word whose forms share a stem', () => {
    const analyzer = new Analyzer([{ id: 'homicide', terms: ['homicide', 'murder', 'murders', 'murdered'] }]);
    const terms = analyzer.processTerm('murder') ?? [];
    expect(terms).toEqual([...new Set(terms)]);
    expect(terms.filter((t) => Analyzer.isSynonym(t))).toHaveLength(1);
  });
});
