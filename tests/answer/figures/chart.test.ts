import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerFigures, type FoundFigure } from '../../../src/answer/figures/answer.js';
import { chartFont, seriesChart } from '../../../src/answer/figures/chart.js';
import type { Series } from '../../../src/answer/figures/group.js';
import { DossierError } from '../../../src/errors.js';
import { fitText } from '../../../src/render/cut.js';
import { note, openCorpus } from '../../support/corpus.js';

/** The line and point colour of a chart: #1f5f99. */
const isLine = (png: PNG, x: number, y: number) => {
  const i = (png.width * y + x) << 2;
  return (
    Math.abs(png.data[i]! - 0x1f) < 24 &&
    Math.abs(png.data[i + 1]! - 0x5f) < 24 &&
    Math.abs(png.data[i + 2]! - 0x99) < 24
  );
};
const isInk = (png: PNG, x: number, y: number) => {
  const i = (png.width * y + x) << 2;
  return png.data[i]! < 120 && png.data[i + 1]! < 120 && png.data[i + 2]! < 120;
};

/** Centres of the point markers: columns where the line colour runs tallest, left to right. */
function markers(png: PNG): { x: number; y: number }[] {
  const columns: { x: number; count: number; top: number; bottom: number }[] = [];
  for (let x = 0; x < png.width; x++) {
    let count = 0;
    let top = -1;
    let bottom = -1;
    for (let y = 0; y < png.height; y++) {
      if (!isLine(png, x, y)) continue;
      count++;
      if (top < 0) top = y;
      bottom = y;
    }
    columns.push({ x, count, top, bottom });
  }
  // A marker is much taller than the line is thick; keep the middle column of each run of tall columns.
  const tall = columns.filter((c) => c.count >= 12);
  const runs: (typeof tall)[] = [];
  for (const c of tall) {
    const run = runs.at(-1);
    if (run && c.x - run.at(-1)!.x <= 1) run.push(c);
    else runs.push([c]);
  }
  return runs.map((run) => {
    const mid = run[run.length >> 1]!;
    return { x: mid.x, y: (mid.top + mid.bottom) / 2 };
  });
}

let series: Series<FoundFigure>;
let png: PNG;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  // Three years of one measure, unevenly spaced, from two reports.
  const corpus = await openCorpus({
    'review.md': note(
      'Library Review',
      'Book loans at the city library reached 64,070 in 2012.\n\nBook loans at ' +
        'the city library fell to 62,000 in 2020.',
      '2021-02-01',
    ),
    'annual.md': note('Annual Report', 'Book loans at the city library climbed to 70,000 in 2021.', '2022-01-15'),
  });
  cleanup = corpus.cleanup;
  series = answerFigures(corpus.dossier, 'book loans').series!;
  png = PNG.sync.read(Buffer.from(await seriesChart(series).draw()));
});
afterAll(() => cleanup());

describe('seriesChart', () => {
  it('draws a PNG of a readable size', () => {
    expect(png.width).toBeGreaterThanOrEqual(1000);
    expect(png.width).toBeLessThanOrEqual(1600);
    expect(png.height).toBeGreaterThanOrEqual(500);
    expect(png.height).toBeLessThanOrEqual(1000);
  });

  it('draws one marker per point of the series, higher for larger values', () => {
    expect(series.points.map((p) => p.value)).toEqual([64070, 62000, 70000]);
    const drawn = markers(png);
    expect(drawn).toHaveLength(3);
    // Screen y grows downwards: 70,000 is highest, 62,000 lowest.
    const [a, b, c] = drawn.map((m) => m.y);
    expect(c).toBeLessThan(a!);
    expect(a).toBeLessThan(b!);
    // Spaced by time: 2012 to 2020 is much longer than 2020 to 2021.
    expect(drawn[1]!.x - drawn[0]!.x).toBeGreaterThan(3 * (drawn[2]!.x - drawn[1]!.x));
  });

  it('draws its labels: the plot area and the title band hold text', () => {
    let title = 0;
    for (let y = 0; y < png.height * 0.1; y++) for (let x = 0; x < png.width / 2; x++) if (isInk(png, x, y)) title++;
    expect(title).toBeGreaterThan(500);
    let axis = 0;
    for (let y = Math.floor(png.height * 0.9); y < png.height; y++)
      for (let x = 0; x < png.width; x++) if (isInk(png, x, y)) axis++;
    expect(axis).toBeGreaterThan(300);
  });

  it('names its sources in the alt text', async () => {
    const chart = seriesChart(series);
    for (const p of series.points) expect(chart.alt).toContain(p.figure.citation.title);
    expect(chart.alt).toContain('64,070');
  });

  it('names each document once, with the paragraphs it quotes', () => {
    expect(seriesChart(series).alt).toMatch(
      /Sources: Library Review, 2021-02-01, ¶1, 2; Annual Report, 2022-01-15, ¶1\.$/,
    );
    // An annual report's table of our own, a row a year: three rows in a row are a range.
    const rows = {
      ...series,
      points: series.points.map((p, i) => ({
        ...p,
        figure: {
          ...p.figure,
          citation: { ...p.figure.citation, source: 'report.md', title: 'Report', paragraph: 6 + i },
        },
      })),
    };
    expect(seriesChart(rows).alt).toMatch(/Sources: Report, [-\d]+, ¶6–8\.$/);
  });

  it('writes an amount of money with cents as the sources do, "$10.80" rather than "$10.8"', async () => {
    const fares = await openCorpus({
      'fares.md': note(
        'Fare Review',
        'The single bus fare was $2.50 in 2022.\n\nThe single bus fare rose to $2.75 in 2023.\n\n' +
          'The single bus fare reached $3 in 2024.',
      ),
    });
    try {
      const alt = seriesChart(answerFigures(fares.dossier, 'single bus fare').series!).alt;
      expect(alt).toMatch(/^Line chart of [^:]+: \$2\.50 \(in 2022; .*\$2\.75 \(in 2023; .*\$3 \(in 2024; /);
    } finally {
      await fares.cleanup();
    }
  });

  it('cuts a long source title as the rendering toolkit cuts text: at a word, marked " …"', () => {
    const title = 'A Review of Book Lending at the City Library and Its Branches over Twenty Years';
    const long = {
      ...series,
      points: series.points.map((p) => ({ ...p, figure: { ...p.figure, citation: { ...p.figure.citation, title } } })),
    };
    const alt = seriesChart(long).alt;
    expect(alt).toContain(`${fitText(title, 60)},`);
    expect(alt).toContain('A Review of Book Lending at the City Library and Its …,');
  });
});

describe('chartFont', () => {
  it('finds a font on this machine (Debian: fonts-dejavu-core)', () => {
    expect(chartFont().files.length).toBeGreaterThan(0);
  });

  it('says which package to install when there is none', () => {
    expect(() => chartFont([])).toThrow(DossierError);
    expect(() => chartFont([{ family: 'Nowhere Sans', files: ['/nonexistent/font.ttf'] }])).toThrow(
      /fonts-dejavu-core/,
    );
  });
});
