import { answerFigures, figureItem } from '../answer/figures/index.js';
import { FIGURES_PER_TOPIC, type FigureSource } from './compose.js';

/**
 * Key figures from the figures module: a topic's most relevant figures (as the `figures` command
 * finds them), and for a new document the figures of its opening passages, in order.
 */
export const corpusFigures: FigureSource = {
  forTopic: (dossier, topic) => answerFigures(dossier, topic, { limit: FIGURES_PER_TOPIC }).figures.map(figureItem),
  forDocument: (dossier, document) =>
    document.passages
      .flatMap((passage) =>
        dossier.figures.of(passage).map((figure) => figureItem({ ...figure, citation: dossier.citation(passage) })),
      )
      .slice(0, FIGURES_PER_TOPIC),
};
