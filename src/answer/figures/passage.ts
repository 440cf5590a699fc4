import type { Passage, Sentence } from '../../corpus/types.js';
import { figuresInSentences, type Figure } from './grammar/index.js';

/** A figure of a passage. `start` and `end` are offsets in `sentence.text`. */
export interface PassageFigure extends Figure {
  /** The passage's sentence the figure stands in; `sentence.start` is its offset in the passage. */
  sentence: Sentence;
}

/**
 * The figures of each passage, read once per passage object, since reading them is most of what a
 * figures answer costs. The engine owns one and primes it from its saved corpus; a re-indexed
 * document brings new passage objects, so the old ones' figures go with them.
 */
export class FigureCache {
  private readonly figures = new WeakMap<Passage, PassageFigure[]>();

  /**
   * The figures of a passage, sentence by sentence as the loader split them and in order (a sentence
   * can complete the measure of the next).
   */
  of(passage: Passage): PassageFigure[] {
    let figures = this.figures.get(passage);
    if (!figures) {
      const read = figuresInSentences(passage.sentences.map((s) => s.text));
      figures = passage.sentences.flatMap((sentence, i) => read[i]!.map((f) => ({ ...f, sentence })));
      this.figures.set(passage, figures);
    }
    return figures;
  }

  /** Figures read earlier (a saved corpus) for a passage, so they are not read again. */
  prime(passage: Passage, figures: PassageFigure[]): void {
    this.figures.set(passage, figures);
  }
}
