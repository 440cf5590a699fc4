import type { Passage, Sentence } from '../../corpus/types.js';
import { figuresBySentence, type Figure } from './grammar.js';

/** A figure of a passage. `start` and `end` are offsets in `sentence.text`. */
export interface PassageFigure extends Figure {
  /** The sentence the figure stands in, verbatim; `sentence.start` is its offset in the passage. */
  sentence: Sentence;
}

const cache = new WeakMap<Passage, PassageFigure[]>();

/**
 * The figures of a passage, sentence by sentence, read once per passage object. Each of the
 * loader's sentences is read on its own; where one still holds several (a paragraph the loader did
 * not split), the figure keeps only the sentence it stands in.
 */
export function figuresInPassage(passage: Passage): PassageFigure[] {
  let figures = cache.get(passage);
  if (!figures) {
    figures = passage.sentences.flatMap((outer) =>
      figuresBySentence(outer.text).flatMap(({ start, end, figures: found }) => {
        const sentence = { text: outer.text.slice(start, end), start: outer.start + start };
        return found.map((f) => ({ ...f, start: f.start - start, end: f.end - start, sentence }));
      }),
    );
    cache.set(passage, figures);
  }
  return figures;
}
