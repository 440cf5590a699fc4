import { Worker } from 'node:worker_threads';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerFigures, type FoundFigure } from '../../../src/answer/figures/answer.js';
import { chartFont, drawHere, seriesChart, type ChartRequest } from '../../../src/answer/figures/chart.js';
import { chartWorkers, startChartWorker, type ChartWorkers } from '../../../src/answer/figures/chart-workers.js';
import type { Series } from '../../../src/answer/figures/group.js';
import { drawCharts, type Reply } from '../../../src/answer/reply.js';
import { DossierError } from '../../../src/errors.js';
import { HARBOUR } from './fixtures.js';
import { openCorpus } from '../../support/corpus.js';

let request: ChartRequest;
let workers: ChartWorkers;
/** The workers the pool started, and every message they posted back, as this thread received it. */
const started: Worker[] = [];
const posted: unknown[] = [];
let cleanup: () => Promise<void>;
beforeAll(async () => {
  const corpus = await openCorpus(HARBOUR);
  cleanup = corpus.cleanup;
  const series: Series<FoundFigure> = answerFigures(corpus.dossier, 'cargo thefts').series!;
  request = { series, font: chartFont() };
  workers = chartWorkers({ size: 1, maxWaiting: 1 }, () => {
    const worker = startChartWorker();
    started.push(worker);
    worker.on('message', (message) => posted.push(message));
    return worker;
  });
});
afterAll(async () => {
  await workers.close();
  await cleanup();
});

describe('chartWorkers', () => {
  it('draws on a worker thread the same chart as in this one', async () => {
    const [there, here] = await Promise.all([workers.draw(request), drawHere(request)]);
    // The image is the very one the worker it started posted back: drawn there, not on this thread.
    expect(started).toHaveLength(1);
    expect(posted).toEqual([{ ok: true, value: there }]);
    expect((posted[0] as { value: Uint8Array }).value).toBe(there);
    const image = PNG.sync.read(Buffer.from(there));
    expect([image.width, image.height]).toEqual([
      PNG.sync.read(Buffer.from(here)).width,
      PNG.sync.read(Buffer.from(here)).height,
    ]);
    expect(there.byteLength).toBeGreaterThan(10_000);
  });

  it('refuses a chart at once with `busy` when as many wait as it allows, and draws again afterwards', async () => {
    const drawing = workers.draw(request);
    const waiting = workers.draw(request);
    await expect(workers.draw(request)).rejects.toMatchObject({ code: 'busy' });
    await Promise.all([drawing, waiting]);
    expect((await workers.draw(request)).byteLength).toBeGreaterThan(10_000);
  });
});

describe('drawCharts', () => {
  const reply = (draw: () => Promise<Uint8Array>): Reply => ({
    title: 'Figures on cargo thefts',
    status: 'ok',
    blocks: [{ type: 'text', text: [{ text: 'About 1,200 in 2018.' }] }],
    attachments: [
      { name: 'thefts.png', contentType: 'image/png', title: 'Cargo thefts', alt: 'Cargo thefts by year', draw },
    ],
    more: 0,
  });

  it('gives the images of a reply whose charts are drawn, leaving the reply as it is', async () => {
    const png = new Uint8Array([1, 2, 3]);
    const shown = reply(async () => png);
    expect(await drawCharts(shown)).toEqual({ reply: shown, images: [png] });
  });

  it('leaves out a chart the workers are too busy to draw, with one line saying so', async () => {
    const busy = reply(() => Promise.reject(new DossierError('busy', 'Dossier is busy — try again in a moment.')));
    const { reply: shown, images } = await drawCharts(busy);
    expect(images).toEqual([]);
    expect(shown.attachments).toEqual([]);
    expect(shown.blocks.at(-1)).toEqual({
      type: 'text',
      text: [{ text: 'Chart left out: Dossier is busy — try again in a moment.' }],
    });
  });

  it('leaves out a chart that takes too long to draw, with the line the chart workers give', async () => {
    // A worker that never answers stands in for a chart that takes too long to draw.
    const silent = chartWorkers({ taskTimeoutMs: 50 }, () => new Worker('setInterval(() => {}, 1000)', { eval: true }));
    try {
      const { reply: shown } = await drawCharts(reply(() => silent.draw(request)));
      expect(shown.blocks.at(-1)).toEqual({
        type: 'text',
        text: [{ text: 'Chart left out: That took too long to draw; try again.' }],
      });
    } finally {
      await silent.close();
    }
  });

  it('logs a failure nobody foresaw and tells the reader only that the chart could not be drawn', async () => {
    const warned: unknown[] = [];
    const broken = reply(() => Promise.reject(new TypeError('vega exploded')));
    const { reply: shown } = await drawCharts(broken, { warn: (fields: unknown) => void warned.push(fields) });
    expect(JSON.stringify(shown.blocks.at(-1))).toContain('Chart left out: it could not be drawn.');
    expect(JSON.stringify(warned)).toContain('vega exploded');
  });

  it('asks the drawer again after a refusal, rather than keeping the refusal', async () => {
    let calls = 0;
    const chart = seriesChart(request.series, request.font, async () => {
      if (++calls === 1) throw new DossierError('busy', 'busy');
      return new Uint8Array([7]);
    });
    await expect(chart.draw()).rejects.toThrow('busy');
    expect([...(await chart.draw())]).toEqual([7]);
  });
});
