import { DossierError } from '../../errors.js';
import {
  chartLeftOut,
  markRanges,
  notSearchedLine,
  partlyBlock,
  said,
  textReply,
  type Attachment,
  type Citation,
  type FigureItem,
  type Reply,
  type ReplyBlock,
  type RichText,
} from '../reply.js';
import { lackingLine } from '../asked.js';
import type { FiguresAnswer } from './answer.js';
import { formatValue, seriesChart, unitName } from './chart.js';
import { MONEY_UNITS } from './topic.js';
import { CURRENCIES, CURRENCY_SIGNS, CURRENCY_WORD_ALTERNATIVES } from '../../corpus/currencies.js';
import { timeOf, type MeasureGroup, type Sourced } from './group.js';
import type { PassageFigure } from './passage.js';

/**
 * What a figures answer says of figures a platform had no room for. They are not paged with More results as `ask`'s
 * passages are: they come grouped by measure, sources that differ side by side and a chart over a series, so a page
 * of the figures left over would split a group or a comparison from its chart; a narrower topic gives fewer groups.
 */
export const NARROWER_TOPIC = 'Name a narrower topic (one measure, place or year) to see them.';

/**
 * The reply to `figures <topic>`: a block per measure, most relevant first; where sources give
 * different figures for the same measure, those side by side in a `disagreement` block before the
 * rest; and a chart when the figures form a series over time.
 */
export function figuresReply(answer: FiguresAnswer, chart: typeof seriesChart = seriesChart): Reply {
  const title = `Figures on ${answer.query}`;
  if (!answer.figures.length) {
    const notSearched = notSearchedLine(answer.query, answer.onlyCommonWords, 'topic', 'ferry fares since 2020');
    return textReply(title, notSearched ? said(notSearched) : `No figures on ${answer.query} in the corpus.`, {
      status: 'empty',
    });
  }
  const blocks: ReplyBlock[] =
    answer.match === 'partial'
      ? [partlyBlock('figures', 'topic', answer.unmatched, lackingLine(answer.lacks), answer.heldAs)]
      : [];
  const compared = new Set(answer.disagreements.flat());
  const titles = headings(answer.groups);
  answer.groups.forEach((group, i) => {
    const differing = answer.disagreements[i] ?? [];
    if (differing.length)
      blocks.push({
        type: 'disagreement',
        title: `Sources differ on ${titles[i]}`,
        items: differing.map(figureItem),
      });
    const rest = group.figures.filter((f) => !compared.has(f));
    if (rest.length) blocks.push({ type: 'figures', title: titles[i]!, items: rest.map(figureItem) });
  });
  const attachments: Attachment[] = [];
  if (answer.series) {
    try {
      attachments.push(chart(answer.series));
    } catch (error) {
      // A server without fonts still answers; the figures are all in the blocks.
      if (!(error instanceof DossierError)) throw error;
      blocks.push(chartLeftOut(error.message));
    }
  }
  return { title, status: 'ok', blocks, attachments, more: 0, isAnswer: true, leftOutHint: NARROWER_TOPIC };
}

/**
 * Each group's heading: its measure, and, where another group of the answer has the same one, how its figures are
 * given ("colonies (number)", "colonies (percent)", "honey (US dollars a year)"). Groups part figures of one measure
 * by unit and rate, which are not comparable; under one heading twice they read as one list split in two.
 */
function headings(groups: MeasureGroup<Sourced>[]): string[] {
  const count = new Map<string, number>();
  const key = (g: MeasureGroup<Sourced>) => g.measure.toLowerCase();
  for (const g of groups) count.set(key(g), (count.get(key(g)) ?? 0) + 1);
  return groups.map((g) => {
    if (count.get(key(g))! < 2) return g.measure;
    const per = g.figures[0]?.per;
    return `${g.measure} (${unitName(g.unit)}${per ? ` a ${per}` : ''})`;
  });
}

/**
 * A figure as shown under an excerpt or in a figures answer: its sentence with the figure marked. The
 * measure is left out where the figure's own words already say it ("two organizations"), and a figure
 * over a period shows the period ("12 months to March 2021").
 */
export function figureItem<F extends PassageFigure & { citation: Citation }>(figure: F): FigureItem {
  // "41.2" under "Freight (tonnes)" is shown as "41.2 tonnes", as a sentence would write it, and "13,200" under
  // "cost (USD)" as "$13,200": a sum of money whose own words name no currency.
  const text = figure.units ? `${figure.text} ${figure.units}` : (unwrittenMoney(figure) ?? figure.text);
  return {
    text,
    measure: figure.measure && !saysMeasure(text, figure.measure) ? figure.measure : undefined,
    row: figure.row,
    when: timeOf(figure),
    sentence: markFigures(figure.sentence.text, [figure]),
    citation: figure.citation,
  };
}

/** Any currency's sign, word or hundredth's letter ("5p") as a figure's text may write it. */
const WRITES_CURRENCY = new RegExp(
  String.raw`${CURRENCY_SIGNS}|\b(?:${CURRENCY_WORD_ALTERNATIVES})\b|\d\s?(?:` +
    String.raw`${CURRENCIES.flatMap((c) => c.hundredth ?? []).join('|')})\b`,
  'i',
);

/**
 * A sum of money as a sentence writes it ("$13,200", "£41.2 million"), where the figure's text is a bare number that
 * its table column's header made money ("cost (USD)", "amount ($ millions)"); none where the text says its currency.
 */
function unwrittenMoney(figure: Pick<PassageFigure, 'text' | 'value' | 'unit'>): string | undefined {
  if (!MONEY_UNITS.has(figure.unit) || WRITES_CURRENCY.test(figure.text)) return undefined;
  const { value, unit } = figure;
  return typeof value === 'number'
    ? formatValue(value, unit)
    : `${formatValue(value.low, unit)}–${formatValue(value.high, unit)}`;
}

/** The sentence with the given figures (offsets in it) marked strong, every character kept. */
export function markFigures(sentence: string, figures: Pick<PassageFigure, 'start' | 'end'>[]): RichText {
  return markRanges(
    sentence,
    figures.map((f) => [f.start, f.end] as const),
  );
}

/** Whether a figure's text holds every word of its measure: "two organizations" says "organizations". */
function saysMeasure(text: string, measure: string): boolean {
  const words = new Set(text.toLowerCase().split(/\s+/));
  return measure
    .toLowerCase()
    .split(/\s+/)
    .every((w) => words.has(w));
}
