import { existsSync } from 'node:fs';
import { CURRENCIES } from '../../corpus/currencies.js';
import { slug } from '../../corpus/slug.js';
import { capitalise } from '../../corpus/text.js';
import { DossierError } from '../../errors.js';
import { fitText } from '../cut.js';
import type { Attachment, Citation } from '../reply.js';
import type { FigureUnit } from './grammar/index.js';
import { timeOf, type Series, type Sourced } from './group.js';

/** What a chart needs of a point's figure: its source's citation. */
type Cited = Sourced & { citation: Citation };

/**
 * Sans fonts on the machines Dossier runs on, first found wins. resvg draws text only with fonts
 * it is given; Debian ships DejaVu in `fonts-dejavu-core`, which a slim image may lack.
 */
const FONTS = [
  {
    family: 'DejaVu Sans',
    files: ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'],
  },
  {
    family: 'Liberation Sans',
    files: [
      '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
      '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
    ],
  },
  {
    family: 'Noto Sans',
    files: ['/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf', '/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf'],
  },
  {
    family: 'Arial',
    files: ['/System/Library/Fonts/Supplemental/Arial.ttf', '/System/Library/Fonts/Supplemental/Arial Bold.ttf'],
  },
  { family: 'Arial', files: ['C:\\Windows\\Fonts\\arial.ttf', 'C:\\Windows\\Fonts\\arialbd.ttf'] },
];

/** A font charts are drawn with: its family and the files of it that exist here. */
export interface ChartFont {
  family: string;
  files: string[];
}

/** What drawing one chart takes; plain data, so a worker thread can be sent it (see chart-workers.ts). */
export interface ChartRequest {
  series: Series<Cited>;
  font: ChartFont;
}

/** Draws a chart into PNG bytes: in this thread by default, or handed to workers (`chartWorkers`). */
export type ChartDrawer = (request: ChartRequest) => Promise<Uint8Array>;

/** Draws in the calling thread: for the one-shot CLI and tests, where nothing else waits on it. */
export const drawHere: ChartDrawer = ({ series, font }) => drawSeries(series, font);

/** The font charts are drawn with: its family and the files of it that exist here. */
export function chartFont(candidates = FONTS): ChartFont {
  for (const font of candidates) {
    const files = font.files.filter((f) => existsSync(f));
    if (files.length) return { family: font.family, files };
  }
  throw new DossierError(
    'chart-font',
    'No font to draw the chart with: install a sans font (on Debian, the fonts-dejavu-core package).',
  );
}

/** Pixels per SVG unit: sharp on high-density screens, still a small upload. */
const ZOOM = 2;
const WIDTH = 560;
const HEIGHT = 260;

/**
 * A series as a line chart. The font is looked for now, so a machine without one hears so at once;
 * the drawing waits until an adapter asks for the image (see `Attachment.draw`), and is done by `draw`.
 */
export function seriesChart<F extends Cited>(
  series: Series<F>,
  font = chartFont(),
  draw: ChartDrawer = drawHere,
): Attachment {
  let drawn: Promise<Uint8Array> | undefined;
  return {
    name: `${slug(series.measure) || 'chart'}.png`,
    contentType: 'image/png',
    // A chart refused for now (the workers busy) may be asked for again.
    draw: () =>
      (drawn ??= draw({ series, font }).catch((error: unknown) => {
        drawn = undefined;
        throw error;
      })),
    title: capitalise(series.measure),
    alt: altText(series, sourcesOf(series)),
  };
}

/**
 * Each document a series quotes, once, with the paragraphs it quotes: an annual report's table gave a year a row, and
 * the subtitle named the report once for each ("…, ¶6", "…, ¶7", … five lines of one document).
 */
function sourcesOf(series: Series<Cited>): string[] {
  const quoted = new Map<string, { citation: Citation; paragraphs: Set<number> }>();
  for (const { citation } of series.points.map((p) => p.figure)) {
    const document = quoted.get(citation.source) ?? { citation, paragraphs: new Set<number>() };
    document.paragraphs.add(citation.paragraph);
    quoted.set(citation.source, document);
  }
  return [...quoted.values()].map(({ citation, paragraphs }) => sourceLine(citation, [...paragraphs]));
}

/**
 * Draws a series as a line chart: Vega-Lite compiled to Vega, rendered to SVG without a browser,
 * then to PNG by resvg. The title says what is measured; the subtitle names the sources.
 */
async function drawSeries(series: Series<Cited>, font: ChartFont): Promise<Uint8Array> {
  const [{ compile }, vega, { renderAsync }] = await Promise.all([
    import('vega-lite'),
    import('vega'),
    import('@resvg/resvg-js'),
  ]);
  const scale = axisScale(series);
  const sources = sourcesOf(series);
  // Each point is labelled with its value and its time as the source gives it ("12 months to Mar 2022").
  const points = series.points.map((p, i, all) => ({
    x: p.x,
    value: p.value / scale.divisor,
    text: [formatValue(p.value, series.unit), p.label],
    place: labelPlace(all[i - 1]?.value, p.value, all[i + 1]?.value),
  }));
  const xs = points.map((p) => p.x);
  const margin = Math.max(0.4, 0.1 * (Math.max(...xs) - Math.min(...xs)));
  const years: number[] = [];
  for (let year = Math.ceil(Math.min(...xs) - margin); year <= Math.max(...xs) + margin; year++) years.push(year);
  const valueLabel = (place: LabelPlace, mark: Record<string, unknown>) => ({
    transform: [{ filter: `datum.place == '${place}'` }],
    mark: { type: 'text' as const, fontSize: 11, color: '#222', ...mark },
    encoding: { text: { field: 'text' } },
  });
  const spec = compile({
    width: WIDTH,
    height: HEIGHT,
    padding: 16,
    background: 'white',
    title: {
      text: capitalise(series.measure),
      subtitle: sources.length === 1 ? [`Source: ${sources[0]}`] : ['Sources:', ...sources],
      anchor: 'start',
      fontSize: 15,
      subtitleFontSize: 11,
      subtitleColor: '#444',
      offset: 14,
    },
    data: { values: points },
    encoding: {
      x: {
        field: 'x',
        type: 'quantitative',
        scale: { domain: [Math.min(...xs) - margin, Math.max(...xs) + margin], nice: false, zero: false },
        axis: { title: null, values: years, format: 'd', labelOverlap: 'greedy', labelFontSize: 11, grid: false },
      },
      y: {
        field: 'value',
        type: 'quantitative',
        // Headroom over the highest point keeps its label inside the plot.
        scale: { domain: [0, 1.2 * Math.max(...points.map((p) => p.value)) || 1], nice: true },
        axis: { title: scale.title, format: ',~r', labelFontSize: 11, titleFontSize: 11, labelOverlap: 'greedy' },
      },
    },
    layer: [
      {
        mark: { type: 'line', color: '#1f5f99', strokeWidth: 2.5, point: { filled: true, size: 80, color: '#1f5f99' } },
      },
      valueLabel('below', { baseline: 'top', dy: 10 }),
      valueLabel('above-left', { baseline: 'bottom', align: 'right', dx: -4, dy: -22 }),
      valueLabel('above-right', { baseline: 'bottom', align: 'left', dx: 4, dy: -22 }),
      valueLabel('below-left', { baseline: 'top', align: 'right', dx: -4, dy: 10 }),
      valueLabel('below-right', { baseline: 'top', align: 'left', dx: 4, dy: 10 }),
    ],
    config: { font: font.family, view: { stroke: null } },
  }).spec;
  const svg = await new vega.View(vega.parse(spec), { renderer: 'none' }).toSVG();
  const png = await renderAsync(svg, {
    fitTo: { mode: 'zoom', value: ZOOM },
    background: 'white',
    font: { loadSystemFonts: false, fontFiles: font.files, defaultFontFamily: font.family },
  });
  return new Uint8Array(png.asPng());
}

type LabelPlace = 'below' | 'above-left' | 'above-right' | 'below-left' | 'below-right';

/**
 * Where a point's value label keeps clear of the line: below a dip; at the ends, towards the inside
 * of the plot, above or below as the line leaves; elsewhere above, towards the side where the line runs lower.
 */
function labelPlace(before: number | undefined, value: number, after: number | undefined): LabelPlace {
  if (before === undefined) return after !== undefined && after > value ? 'below-right' : 'above-right';
  if (after === undefined) return before > value ? 'below-left' : 'above-left';
  if (before > value && after > value) return 'below';
  return after <= before ? 'above-right' : 'above-left';
}

/** Large sums are drawn in millions or billions, with the unit on the axis. */
function axisScale(series: Series): { divisor: number; title: string } {
  const max = Math.max(...series.points.map((p) => Math.abs(p.value)));
  const per = series.per ? ` a ${series.per}` : '';
  if (series.unit === 'percent') return { divisor: 1, title: 'percent' };
  const [divisor, word] = max >= 1e9 ? [1e9, ' (billions)'] : max >= 1e6 ? [1e6, ' (millions)'] : [1, ''];
  return { divisor, title: `${unitName(series.unit)}${word}${per}` };
}

/** What a figure's unit is called on an axis or beside a heading: "number", "percent", "US dollars". */
export function unitName(unit: FigureUnit): string {
  if (unit === 'count') return 'number';
  return currencyOf(unit)?.name ?? unit;
}

const currencyOf = (unit: FigureUnit) => CURRENCIES.find((c) => c.unit === unit);

/** An amount as a sentence writes it in its unit: "$4.2 million", "12.5%", "40 pesos", "1,200". */
export function formatValue(value: number, unit: FigureUnit): string {
  if (unit === 'percent') return `${value.toLocaleString('en-US')}%`;
  const currency = currencyOf(unit);
  // Its first sign before the amount, as "$4.2 million"; a currency with none is named after it, "40 pesos".
  const sign = currency?.signs[0] ?? '';
  const big = Math.abs(value) >= 1e9 ? [1e9, ' billion'] : Math.abs(value) >= 1e6 ? [1e6, ' million'] : undefined;
  // An amount of money with cents has both digits of them, as its sources write it ("$10.80" was "$10.8").
  const cents = currency && !Number.isInteger(value) ? { minimumFractionDigits: 2 } : {};
  const number = big
    ? `${(value / (big[0] as number)).toLocaleString('en-US', { maximumFractionDigits: 2 })}${big[1]}`
    : value.toLocaleString('en-US', cents);
  return `${sign}${number}${currency && !sign ? ` ${currency.name}` : ''}`;
}

/** The most of a source's title a chart shows: one line of its subtitle, beside the date and paragraph. */
const SOURCE_TITLE_CHARS = 60;

/** A source's title, date and paragraphs, three or more in a row as a range: "Annual report, 2026-08-20, ¶6–10". */
function sourceLine(c: Citation, paragraphs = [c.paragraph]): string {
  const runs: number[][] = [];
  for (const n of paragraphs.sort((a, b) => a - b)) {
    const run = runs.at(-1);
    if (run && run.at(-1) === n - 1) run.push(n);
    else runs.push([n]);
  }
  const numbers = runs.flatMap((run) => (run.length > 2 ? [`${run[0]}–${run.at(-1)}`] : run.map(String)));
  return [fitText(c.title, SOURCE_TITLE_CHARS), c.date, `¶${numbers.join(', ')}`].filter(Boolean).join(', ');
}

function altText(series: Series<Cited>, sources: string[]): string {
  const points = series.points.map(
    (p) => `${formatValue(p.value, series.unit)} (${timeOf(p.figure) ?? p.label}; ${sourceLine(p.figure.citation)})`,
  );
  return `Line chart of ${series.measure}: ${points.join(', ')}. Sources: ${sources.join('; ')}.`;
}
