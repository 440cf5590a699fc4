import { describe, expect, it } from 'vitest';
import { FigureCache } from '../../../src/answer/figures/passage.js';
import type { Passage } from '../../../src/corpus/types.js';

const passage = (text: string, sentences = [{ text, start: 0 }]): Passage => ({
  id: 'note.md#1',
  source: 'note.md',
  paragraph: 1,
  text,
  sentences,
});

describe('FigureCache', () => {
  it('reads each passage once: the same figures object comes back', () => {
    const cache = new FigureCache();
    const p = passage('The fleet grew to 42 trawlers in 2020.');
    const first = cache.of(p);
    expect(first.map((f) => f.text)).toEqual(['42 trawlers']);
    expect(cache.of(p)).toBe(first);
    expect(new FigureCache().of(p)).not.toBe(first);
  });

  it('keeps the loader’s sentence, even where wink-nlp alone would split it', () => {
    const text = 'Nets were mended. The fleet grew to 42 trawlers in 2020.';
    const [figure] = new FigureCache().of(passage(text));
    expect(figure!.sentence).toEqual({ text, start: 0 });
    expect(text.slice(figure!.start, figure!.end)).toBe('42 trawlers');
  });

  it('places figures by the loader’s sentence offsets', () => {
    const text = 'Nets were mended.  Some 300 boats sailed.';
    const [figure] = new FigureCache().of(
      passage(text, [
        { text: 'Nets were mended.', start: 0 },
        { text: 'Some 300 boats sailed.', start: 19 },
      ]),
    );
    expect(figure).toMatchObject({ text: 'Some 300 boats', sentence: { start: 19 } });
  });
});
