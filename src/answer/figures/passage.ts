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
    return bySentence(this.figures, passage, figuresInSentences);
  }

  /**
   * The dates a passage's sentences name, each a figure of unit `date` (`datesInSentences`), for a topic asking when.
   * Read when first asked for, never saved: no other answer lists a date as a figure.
   */
  dates(passage: Passage): PassageFigure[] {
    return bySentence(this.dated, passage, datesInSentences);
  }

  /** Figures read earlier (a saved corpus) for a passage, so they are not read again. */
  prime(passage: Passage, figures: PassageFigure[]): void {
    this.figures.set(passage, figures);
  }
}

/** A passage's figures of one kind, read sentence by sentence with `read` the first time, kept in `cache` after. */
function bySentence(
  cache: WeakMap<Passage, PassageFigure[]>,
  passage: Passage,
  read: (sentences: string[]) => Figure[][],
): PassageFigure[] {
  let figures = cache.get(passage);
  if (!figures) {
    const each = read(passage.sentences.map((s) => s.text));
    figures = passage.sentences.flatMap((sentence, i) => each[i]!.map((f) => ({ ...f, sentence })));
    cache.set(passage, figures);
  }
  return figures;
}
