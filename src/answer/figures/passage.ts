import type { Passage, Sentence } from '../../corpus/types.js';
import { datesInSentences, figuresInSentences, type Figure } from './grammar/index.js';

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
  private readonly dated = new WeakMap<Passage, PassageFigure[]>();

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

  /**
   * The dates a passage's sentences name, each a figure of unit `date` (`datesInSentences`), for a topic asking when.
   * Read when first asked for, never saved: no other answer lists a date as a figure.
   */
  dates(passage: Passage): PassageFigure[] {
    let dates = this.dated.get(passage);
    if (!dates) {
      const read = datesInSentences(passage.sentences.map((s) => s.text));
      dates = passage.sentences.flatMap((sentence, i) => read[i]!.map((f) => ({ ...f, sentence })));
      this.dated.set(passage, dates);
    }
    return dates;
  }

  /** Figures read earlier (a saved corpus) for a passage, so they are not read again. */
  prime(passage: Passage, figures: PassageFigure[]): void {
    this.figures.set(passage, figures);
  }
}
