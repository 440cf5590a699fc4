import type { Passage, Sentence } from '../../corpus/types.js';
import { figuresInSentence, type Figure } from './grammar.js';

/** A figure of a passage. `start` and `end` are offsets in `sentence.text`. */
export interface PassageFigure extends Figure {
  /** The passage's sentence the figure stands in; `sentence.start` is its offset in the passage. */
  sentence: Sentence;
}

const cache = new WeakMap<Passage, PassageFigure[]>();

/** The figures of a passage, sentence by sentence as the loader split them, read once per passage object. */
export function figuresInPassage(passage: Passage): PassageFigure[] {
  let figures = cache.get(passage);
  if (!figures) {
    figures = passage.sentences.flatMap((sentence) =>
      figuresInSentence(sentence.text).map((f) => ({ ...f, sentence })),
    );
    cache.set(passage, figures);
  }
  return figures;
}

/** Figures read earlier (a saved corpus) for a passage, so they are not read again. */
export function primeFigures(passage: Passage, figures: PassageFigure[]): void {
  cache.set(passage, figures);
}
