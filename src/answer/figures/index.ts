/** Key figures: the grammar that finds them, the `figures` answer, and what `ask` shows under its excerpts. */
export { figuresInSentence, type Figure, type FigureUnit, type FigureValue } from './grammar/index.js';
export { FigureCache, type PassageFigure } from './passage.js';
export { answerFigures, FiguresAnswer, type FigureJson, type FiguresOptions, type FoundFigure } from './answer.js';
export { besideTopic } from './adjust.js';
export { heldBy } from './clauses.js';
export { figuresReply, figureItem, markFigures } from './reply.js';
export { seriesChart, chartFont, type ChartDrawer } from './chart.js';
export { chartWorkers, type ChartWorkers } from './chart-workers.js';
