import { describe, expect, it } from 'vitest';
import { answerFigures } from '../../../src/answer/figures/answer.js';
import { chartFont, seriesChart } from '../../../src/answer/figures/chart.js';
import { figuresReply } from '../../../src/answer/figures/reply.js';
import { Dossier } from '../../../src/engine/dossier.js';
import { HAS_SEEDS, SEEDS } from '../../support/shared.js';

describe.runIf(HAS_SEEDS)('chartFont over the seed articles', () => {
  it('leaves the chart out of a reply, with a note, when no font can draw it', async () => {
    const seeds = await Dossier.open({ corpusDir: SEEDS });
    const reply = figuresReply(answerFigures(seeds, 'US drug overdose deaths'), (s) => seriesChart(s, chartFont([])));
    expect(reply.status).toBe('ok');
    expect(reply.attachments).toEqual([]);
    expect(JSON.stringify(reply.blocks.at(-1))).toContain('Chart left out');
  });
});
