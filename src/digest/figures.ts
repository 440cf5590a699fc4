import { answerFigures, figureItem } from '../answer/figures/index.js';
import { DIGEST_DEFAULTS, type FigureSource } from './compose.js';

/**
 * Key figures from the figures module: a topic's most relevant figures (as the `figures` command
 * finds them), and for a new document the figures of its opening passages, in order.
 */
export const corpusFigures: FigureSource = {
  forTopic: (dossier, topic) =>
    answerFigures(dossier, topic, { limit: DIGEST_DEFAULTS.figuresPerTopic }).figures.map(figureItem),
  // Reads passages only until it has enough: a new document may
  // have tens of thousands, and every channel's digest asks.
  forDocument: (dossier, document) => {
    const items: ReturnType<typeof figureItem>[] = [];
    for (const passage of document.passages)
      for (const figure of dossier.figures.of(passage)) {
        if (items.length === DIGEST_DEFAULTS.figuresPerTopic) return items;
        items.push(figureItem({ ...figure, citation: dossier.citation(passage) }));
      }
    return items;
  },
};
