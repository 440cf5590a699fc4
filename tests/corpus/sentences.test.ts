import { describe, expect, it } from 'vitest';
import { joinsDigits, splitSentences } from '../../src/corpus/sentences.js';

const texts = (text: string) => splitSentences(text).map((s) => s.text);

describe('splitSentences', () => {
  it('keeps abbreviations inside their sentence: U.S. Congress, Dec. 12, Mr. Barr', () => {
    expect(texts('The U.S. Congress met on Dec. 12 with Mr. Barr. He spoke for an hour. Then the vote came!')).toEqual([
      'The U.S. Congress met on Dec. 12 with Mr. Barr.',
      'He spoke for an hour.',
      'Then the vote came!',
    ]);
  });

  it('mends a split inside a hyphenated abbreviation or before a lower-case word', () => {
    expect(texts('The Canada-U.S. talks resumed in May. Both sides were hopeful.')).toEqual([
      'The Canada-U.S. talks resumed in May.',
      'Both sides were hopeful.',
    ]);
    expect(texts('She is a retired colonel (ret.) from the Air Force. She writes.')).toEqual([
      'She is a retired colonel (ret.) from the Air Force.',
      'She writes.',
    ]);
  });

  it('ends no sentence at a dot joining two digits: a version keeps its dots', () => {
    expect(texts('The kiln firmware v2.3.1 shipped in May. It fixed the timer.')).toEqual([
      'The kiln firmware v2.3.1 shipped in May.',
      'It fixed the timer.',
    ]);
    // A number glued to a word's full stop is a note's, and starts the next sentence.
    expect(texts('The kiln cooled slowly.3 It cracked.')).toEqual(['The kiln cooled slowly.', '3 It cracked.']);
    // Only a full stop: another mark between two digits ends its sentence.
    expect(texts('Alarms rose to 4!2 of them false.')).toEqual(['Alarms rose to 4!', '2 of them false.']);
  });

  it('ends a sentence after a unit that wink reads as a title: a lower-case word after a number', () => {
    const text = 'The kiln timer lags 40 ms. Ms. Holt reset it at 9 a.m. on Monday.';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual([
      'The kiln timer lags 40 ms.',
      'Ms. Holt reset it at 9 a.m. on Monday.',
    ]);
    for (const s of sentences) expect(text.slice(s.start, s.start + s.text.length)).toBe(s.text);
    expect(texts('The old kiln fired at 900 vs. West kiln at 950.')).toHaveLength(1);
  });

  it('ends a sentence after a unit divided by another, written in capitals or not', () => {
    // A river authority's and a lab's notes of our own.
    expect(texts('The licence caps abstraction at 120 Ml/d. Summer flows fall first.')).toEqual([
      'The licence caps abstraction at 120 Ml/d.',
      'Summer flows fall first.',
    ]);
    expect(texts('Ferritin stayed under 0.3 mg/L. Tests resume in May.')).toHaveLength(2);
    expect(texts('Lorries keep to 30 km/h. Vans may not pass.')).toHaveLength(2);
  });

  it('gives offsets into the text as written, double spaces and no-break spaces included', () => {
    const text = 'First one.\u00a0 Second (e.g. this) one?  “Third,” she said.';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual(['First one.', 'Second (e.g. this) one?', '“Third,” she said.']);
    for (const s of sentences) expect(text.slice(s.start, s.start + s.text.length)).toBe(s.text);
  });

  it('returns one sentence for a fragment without final punctuation', () => {
    expect(splitSentences('Lamps and wiring')).toEqual([{ text: 'Lamps and wiring', start: 0 }]);
  });
});

describe('joinsDigits', () => {
  it('is a full stop between two digits, the one rule of both splitters (splitSentences, tokenSentences)', () => {
    // Given what stands either side of the full stop, as a sentence's text (without it) or as the tokens around it.
    expect(joinsDigits('The kiln firmware v2', '3.1 shipped')).toBe(true);
    expect(joinsDigits('4', '2')).toBe(true);
  });

  it('is no full stop after a word or before one', () => {
    expect(joinsDigits('The kiln cooled slowly', '3 It cracked.')).toBe(false);
    expect(joinsDigits('It fired 40 pots in 2024', 'May was quiet.')).toBe(false);
    expect(joinsDigits('', '2')).toBe(false);
  });
});
