import { describe, expect, it } from 'vitest';
import { plain, type RichText } from '../../src/answer/reply.js';
import { fitAround, fitRich, fitText } from '../../src/render/cut.js';

const bold = (rich: RichText) => rich.map((s) => (s.strong ? `**${s.text}**` : s.text)).join('');

describe('fitRich and fitText', () => {
  it('gives the text whole when it fits', () => {
    expect(fitText('One two.', 8)).toBe('One two.');
  });

  it('cuts after the last sentence that fits, with " …"', () => {
    expect(fitText('One two. Three four five six.', 20)).toBe('One two. …');
  });

  it('cuts after a word when no sentence end fits, or when one would keep far less', () => {
    expect(fitText('alpha beta gamma delta epsilon', 20)).toBe('alpha beta gamma …');
    expect(fitText(`Hi. ${'word '.repeat(30)}`, 60)).toMatch(/^Hi\. (word ){10,}…$/);
  });

  it('takes a sentence cut over a word cut by FitOptions.sentencePreference', () => {
    const text = `Hi there. ${'word '.repeat(30)}`;
    // The sentence cut keeps 9 characters, a word cut 55: taken only when it may keep that small a share.
    expect(fitText(text, 60)).toMatch(/^Hi there\. (word ){9,}…$/);
    expect(fitText(text, 60, undefined, { sentencePreference: 0.1 })).toBe('Hi there. …');
  });

  it('cuts inside a first word longer than the room', () => {
    expect(fitText('x'.repeat(50), 10)).toBe('xxxxxxxx …');
  });

  it('cuts the spans before rendering, so the markup stays paired and the mark sits inside what wraps the text', () => {
    const rich: RichText = [
      { text: 'The ' },
      { text: 'tram line', strong: true },
      { text: ' was funded. It cost a lot.' },
    ];
    const shown = fitRich(rich, 40, (r) => `“${bold(r)}”`);
    expect(shown).toBe('“The **tram line** was funded. …”');
    const inBold = fitRich(rich, 16, (r) => `“${bold(r)}”`);
    expect(inBold).toBe('“The **tram** …”');
    expect(inBold.match(/\*\*/g)).toHaveLength(2);
  });

  it('escapes after cutting, so no escape is ever split', () => {
    const escape = (t: string) => t.replace(/[*<]/g, (c) => `\\${c}`);
    for (let max = 3; max < 40; max++) {
      const shown = fitText('a*b*c <@1> *d* e', max, escape);
      expect(shown.length).toBeLessThanOrEqual(max);
      expect(shown).not.toMatch(/(^|[^\\])[*<]/);
    }
  });

  it('can cut without the mark, for text that is used rather than read (a query)', () => {
    expect(fitText('find where this quote comes from', 20, undefined, { mark: false })).toBe('find where this');
  });

  it('renders a long text only a few dozen times, not once per word', () => {
    let renders = 0;
    const rich: RichText = [{ text: 'A sentence of several words. '.repeat(2000) }];
    fitRich(rich, 3000, (r) => (renders++, plain(r)));
    expect(renders).toBeLessThan(60);
  });
});

/** One very long sentence on a wetland bird count, with `figure` marked after `wordsBefore` words of its own. */
function countSentence(figure: string, wordsBefore: number, wordsAfter = 60): RichText {
  const words = (n: number, from: number) =>
    Array.from(
      { length: n },
      (_, i) => ['reed', 'warblers', 'nested', 'along', 'the', 'eastern', 'dyke'][(from + i) % 7],
    );
  return [
    { text: `${['Volunteers', ...words(wordsBefore - 1, 0)].join(' ')} counted ` },
    { text: figure, strong: true },
    { text: ` pairs ${words(wordsAfter, 3).join(' ')} that spring.` },
  ];
}

describe('fitAround', () => {
  const quoted = (r: RichText) => `“${bold(r)}”`;

  it('cuts as fitRich does when the cut from the beginning keeps the marked span', () => {
    const rich = countSentence('1,240', 3);
    expect(fitAround(rich, 80, quoted)).toBe(fitRich(rich, 80, quoted));
    expect(fitAround(rich, 80, quoted)).toContain('**1,240**');
  });

  it('shows the words around a marked span deep in a long sentence, with … on both sides, cut between words', () => {
    const rich = countSentence('1,240', 200);
    const text = plain(rich);
    expect(fitRich(rich, 120, quoted)).not.toContain('1,240');
    const shown = fitAround(rich, 120, quoted);
    expect(shown.length).toBeLessThanOrEqual(120);
    expect(shown).toMatch(/^“… \w.* counted \*\*1,240\*\* pairs .*\w …”$/);
    // Nearly the whole room is used, with words on both sides of the figure.
    expect(shown.length).toBeGreaterThan(100);
    const [before, after] = shown.slice(3, -3).replace(/\*\*/g, '').split('1,240') as [string, string];
    expect(Math.abs(before.length - after.length)).toBeLessThan(20);
    // Whole words only: the window is a run of the sentence that starts and ends at spaces.
    const window = shown.slice(3, -3).replace(/\*\*/g, '');
    const at = text.indexOf(window);
    expect(at).toBeGreaterThan(0);
    expect(text[at - 1]).toBe(' ');
    expect(text[at + window.length]).toBe(' ');
  });

  it('marks only the side that was cut when the span sits near the end', () => {
    const rich = countSentence('1,240', 200, 2);
    const shown = fitAround(rich, 120, quoted);
    expect(shown).toMatch(/^“… .*\*\*1,240\*\* pairs \w+ \w+ that spring\.”$/);
    expect(shown.length).toBeLessThanOrEqual(120);
  });

  it('cuts from the beginning when even the span does not fit', () => {
    const rich = countSentence('one thousand two hundred and forty breeding', 200);
    expect(fitAround(rich, 30, quoted)).toBe(fitRich(rich, 30, quoted));
  });

  it('escapes after cutting the window, so no escape or bold marker is split', () => {
    const escape = (t: string) => t.replace(/[*<_]/g, (c) => `\\${c}`);
    const rich: RichText = [
      { text: `${'a*b <@1> _c_ '.repeat(30)}reached ` },
      { text: '3*4', strong: true },
      { text: ` ${'d_e *f* '.repeat(30)}` },
    ];
    const render = (r: RichText) => r.map((s) => (s.strong ? `**${escape(s.text)}**` : escape(s.text))).join('');
    for (let max = 20; max < 120; max++) {
      const shown = fitAround(rich, max, render);
      expect(shown.length).toBeLessThanOrEqual(max);
      expect(shown).toContain('**3\\*4**');
      expect(shown.replace(/\*\*3\\\*4\*\*/, '')).not.toMatch(/(^|[^\\])[*<_]/);
    }
  });
});
