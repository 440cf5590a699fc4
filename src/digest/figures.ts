import { answerFigures, figureItem, type PassageFigure } from '../answer/figures/index.js';
import type { Citation } from '../answer/reply.js';
import type { Passage } from '../corpus/types.js';
import { figureId, type FigureSource, type KeyFigure } from './compose.js';

/** A figure as the digest shows it, with the id it is remembered by: where it stands in its passage. */
const keyFigure = (passage: Passage, figure: PassageFigure & { citation: Citation }): KeyFigure => ({
  id: figureId(passage, figure.sentence.start + figure.start),
  item: figureItem(figure),
});

/**
 * Key figures from the figures module: a topic's most relevant figures (as the `figures` command
 * finds them), and for a new document the figures of its opening passages, in order.
 */
export const corpusFigures: FigureSource = {
  // By relevance rather than in the figures answer's groups: the digest shows the best few the channel has not seen.
  forTopic: (dossier, topic, limit) => {
    const { figures, match, unmatched, lacks, heldAs } = answerFigures(dossier, topic, { limit });
    return {
      figures: figures
        .map((f) => ({ figure: keyFigure(f.passage, f), score: f.score }))
        .sort((a, b) => b.score - a.score)
        .map((f) => f.figure),
      match,
      unmatched,
      heldAs,
      ...lacks,
    };
  },
  // Reads passages only until it has enough: a new document may
  // have tens of thousands, and every channel's digest asks.
  forDocument: (dossier, document, limit) => {
    const items: KeyFigure[] = [];
    for (const passage of document.passages)
      for (const figure of dossier.figures.of(passage)) {
        // A length that says when its clause happened ("over the past 10 years") is no key figure of a document.
        if (figure.frames) continue;
        if (items.length === limit) return items;
        items.push(keyFigure(passage, { ...figure, citation: dossier.citation(passage) }));
      }
    return items;
  },
};
