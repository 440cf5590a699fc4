import { answerFigures, figureItem } from '../answer/figures/index.js';
import { FIGURES_PER_TOPIC, type FigureSource } from './compose.js';

/**
 * Key figures from the figures module: a topic's most relevant figures (as the `figures` command
 * finds them), and for a new document the figures of its opening passages, in order.
 */
export const corpusFigures: FigureSource = {
  forTopic: (dossier, topic) => answerFigures(dossier, topic, { limit: FIGURES_PER_TOPIC }).figures.map(figureItem),
  // Reads passages only until it has enough: a new document may
  // have tens of thousands, and every channel's digest asks.
  forDocument: (dossier, document) => {
    const items: ReturnType<typeof figureItem>[] = [];
    for (const passage of document.passages)
      for (const figure of dossier.figures.of(passage)) {
        if (items.length === FIGURES_PER_TOPIC) return items;
        items.push(figureItem({ ...figure, citation: dossier.citation(passage) }));
      }
    return items;
  },
};
