import { describe, expect, it } from 'vitest';
import { tokenSentences } from '../../../src/answer/figures/tokens.js';

describe('tokenSentences', () => {
  it('splits a text into sentences of tokens whose offsets give back the verbatim text', () => {
    const text = 'The kiln held  forty-two pots. Three cracked.';
    const sentences = tokenSentences(text);
    expect(sentences.map((s) => s.map((t) => t.text))).toEqual([
      ['The', 'kiln', 'held', 'forty', '-', 'two', 'pots', '.'],
      ['Three', 'cracked', '.'],
    ]);
    for (const token of sentences.flat()) expect(text.slice(token.start, token.end)).toBe(token.text);
  });

  it('splits a part of a year from the year it is hyphenated to, as wink splits them when spelt apart', () => {
    const [sentence] = tokenSentences('The kiln was rebuilt in mid-2022.');
    expect(sentence!.slice(5, 7).map((t) => [t.text, t.start, t.spaced, t.pos, t.entity])).toEqual([
      ['mid', 24, true, 'ADJ', 'DATE'],
      ['2022', 28, false, 'NUM', 'DATE'],
    ]);
  });

  it('reads a unit of time shortened after a number as the unit, keeping its text', () => {
    const [sentence] = tokenSentences('The kiln cooled for 2 h 40 min, then 3 hrs more; plan h had no number.');
    const read = sentence!.filter((t) => ['h', 'min', 'hrs'].includes(t.text)).map((t) => [t.text, t.lower, t.lemma]);
    expect(read).toEqual([
      ['h', 'hours', 'hour'],
      ['min', 'minutes', 'minute'],
      ['hrs', 'hours', 'hour'],
      ['h', 'h', 'h'],
    ]);
  });

  it('leaves a part hyphenated to a number not of the shape of a year as one word', () => {
    const [sentence] = tokenSentences('The kiln reached mid-1400 degrees before it cracked.');
    expect(sentence!.map((t) => t.text)).toContain('mid-1400');
  });

  it('ends no sentence at a dot joining two digits: a version keeps its dots', () => {
    const sentences = tokenSentences('The kiln firmware v2.3.1 shipped in May. It fixed the timer.');
    expect(sentences.map((s) => s.map((t) => t.text).join(' '))).toEqual([
      'The kiln firmware v2 . 3 . 1 shipped in May .',
      'It fixed the timer .',
    ]);
  });

  it("splits a sentence's full stop off the word wink leaves it on, but not off an abbreviation's dots", () => {
    const [weighed, abbreviation] = tokenSentences('The load weighed 20 kg. Sales rose in the U.S.');
    expect(weighed!.slice(-2).map((t) => [t.text, t.start, t.type])).toEqual([
      ['kg', 20, 'word'],
      ['.', 22, 'punctuation'],
    ]);
    expect(abbreviation!.at(-1)!.text).toBe('U.S.');
  });

  it('ends a sentence after a unit wink reads as a title, a lower-case word after a number ("95 ms. We")', () => {
    const sentences = tokenSentences('The kiln timer lags 40 ms. Ms. Holt reset it at 9 a.m. on Monday.');
    expect(sentences.map((s) => s.map((t) => t.text).join(' '))).toEqual([
      'The kiln timer lags 40 ms .',
      'Ms. Holt reset it at 9 a.m. on Monday .',
    ]);
  });

  it('ends a sentence after a unit divided by another ("74 Ml/d. Nearly"), as after one word', () => {
    const sentences = tokenSentences('The licence caps abstraction at 120 Ml/d. Summer flows fall first.');
    expect(sentences.map((s) => s.map((t) => t.text).join(' '))).toEqual([
      'The licence caps abstraction at 120 Ml / d .',
      'Summer flows fall first .',
    ]);
  });

  it('says which tokens stand apart, and gives each its part of speech, lower-case lemma and type', () => {
    const [sentence] = tokenSentences('The old kilns fired 12 bowls-worth.');
    expect(sentence!.map((t) => [t.text, t.spaced])).toEqual([
      ['The', true],
      ['old', true],
      ['kilns', true],
      ['fired', true],
      ['12', true],
      ['bowls', true],
      ['-', false],
      ['worth', false],
      ['.', false],
    ]);
    const kilns = sentence![2]!;
    expect([kilns.lower, kilns.lemma, kilns.pos, kilns.type]).toEqual(['kilns', 'kiln', 'NOUN', 'word']);
    expect(sentence![4]!.type).toBe('number');
  });

  it('splits two numbers joined by a hyphen as wink splits them at an en dash, and no longer chain or code', () => {
    const text = 'Kilns fired 40-45 pots, 1,000-2,500 tiles and 0.5-1.5 tonnes; call 555-0100-22 or 020-7946.';
    const [sentence] = tokenSentences(text);
    const words = sentence!.map((t) => t.text);
    expect(words).toEqual(expect.arrayContaining(['40', '-', '45', '1,000', '2,500', '0.5', '1.5']));
    expect(words).toEqual(expect.arrayContaining(['555-0100-22', '020-7946']));
    for (const token of sentence!) expect(text.slice(token.start, token.end)).toBe(token.text);
    const [low, dash, high] = sentence!.slice(words.indexOf('40'), words.indexOf('40') + 3);
    expect([low!.spaced, dash!.spaced, high!.spaced]).toEqual([true, false, false]);
    expect([low!.pos, dash!.pos, high!.pos, high!.type]).toEqual(['NUM', 'PUNCT', 'NUM', 'number']);
  });

  it("joins a temperature's sign and letter after a number into one word, and leaves a sign elsewhere", () => {
    const text = 'The kiln room was 31°C at noon and 88 °F by dusk; the roof slopes at 30° to the C wing.';
    const [sentence] = tokenSentences(text);
    const words = sentence!.map((t) => t.text);
    expect(words).toEqual(expect.arrayContaining(['31', '°C', '88', '°F', '30', '°', 'C']));
    for (const token of sentence!) expect(text.slice(token.start, token.end)).toBe(token.text);
    const celsius = sentence![words.indexOf('°C')]!;
    expect([celsius.lower, celsius.pos, celsius.type, celsius.spaced]).toEqual(['°c', 'NOUN', 'word', false]);
  });
});
