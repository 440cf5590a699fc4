import { DossierError } from '../../errors.js';
import {
  markRanges,
  type Attachment,
  type Citation,
  type FigureItem,
  type Reply,
  type ReplyBlock,
  type RichText,
} from '../reply.js';
import type { FiguresAnswer } from './answer.js';
import { seriesChart } from './chart.js';
import type { PassageFigure } from './passage.js';

/**
 * The reply to `figures <topic>`: a block per measure, most relevant first; where sources give
 * different figures for the same measure, those side by side in a `disagreement` block before the
 * rest; and a chart when the figures form a series over time.
 */
export function figuresReply(answer: FiguresAnswer, chart: typeof seriesChart = seriesChart): Reply {
  const title = `Figures on ${answer.query}`;
  if (!answer.figures.length) {
    return {
      title,
      status: 'empty',
      blocks: [{ type: 'text', text: [{ text: `No figures on ${answer.query} in the corpus.` }] }],
      attachments: [],
      more: 0,
    };
  }
  const blocks: ReplyBlock[] = [];
  answer.groups.forEach((group, i) => {
    const differing = answer.disagreements[i] ?? [];
    if (differing.length)
      blocks.push({ type: 'disagreement', measure: group.measure, items: differing.map(figureItem) });
    const rest = group.figures.filter((f) => !differing.includes(f));
    if (rest.length) blocks.push({ type: 'figures', title: group.measure, items: rest.map(figureItem) });
  });
  const attachments: Attachment[] = [];
  if (answer.series) {
    try {
      attachments.push(chart(answer.series));
    } catch (error) {
      // A server without fonts still answers; the figures are all in the blocks.
      if (!(error instanceof DossierError)) throw error;
      blocks.push({ type: 'text', text: [{ text: `Chart left out: ${error.message}` }] });
    }
  }
  return { title, status: 'ok', blocks, attachments, more: 0 };
}

/** A figure as shown under an excerpt or in a figures answer: its sentence with the figure marked. */
export function figureItem<F extends PassageFigure & { citation: Citation }>(figure: F): FigureItem {
  return {
    text: figure.text,
    measure: figure.measure,
    when: figure.when,
    sentence: markFigures(figure.sentence.text, [figure]),
    citation: figure.citation,
  };
}

/** The sentence with the given figures (offsets in it) marked strong, every character kept. */
export function markFigures(sentence: string, figures: Pick<PassageFigure, 'start' | 'end'>[]): RichText {
  return markRanges(
    sentence,
    figures.map((f) => [f.start, f.end] as const),
  );
}
