import { describe, expect, it } from 'vitest';
import { plain, type RichText } from '../../src/answer/reply.js';
import { fitRich, fitText } from '../../src/render/cut.js';

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
