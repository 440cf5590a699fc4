import { beforeAll, describe, expect, it } from 'vitest';
import { answerFigures } from '../../../src/answer/figures/answer.js';
import { figuresReply } from '../../../src/answer/figures/reply.js';
import { Dossier } from '../../../src/engine/dossier.js';
import { SAMPLE_LEXICON } from '../../support/corpus.js';
import { HAS_SEEDS, SEEDS } from '../../support/shared.js';

const noChart = (): never => {
  throw new Error('no chart expected');
};

describe.runIf(HAS_SEEDS)('figures over the seed articles', () => {
  let seeds: Dossier;
  beforeAll(async () => {
    // The seed articles with the sample corpus's lexicon of their subject
    // (corpus/synonyms.yaml), as the README's evaluation runs them.
    seeds = await Dossier.open({ corpusDir: SEEDS, lexicon: SAMPLE_LEXICON });
  });
  it('shows the two estimates of drug-sale revenue side by side, from different articles', async () => {
    const answer = answerFigures(seeds, 'cartel profits from US drug sales');
    const differing = answer.disagreements.find((d) => d.length > 0) ?? [];
    expect(new Set(differing.map((f) => f.source)).size).toBe(2);
    expect(differing.map((f) => f.value)).toEqual(
      expect.arrayContaining([
        { low: 18e9, high: 30e9 },
        { low: 20e9, high: 30e9 },
      ]),
    );
    const reply = figuresReply(answer, noChart);
    expect(reply.blocks[0]?.type).toBe('disagreement');
  });

  it('charts synthetic-opioid deaths over 12-month periods, never joined with all drug overdose deaths', () => {
    const answer = answerFigures(seeds, 'US drug overdose deaths');
    const series = answer.series;
    expect(series?.unit).toBe('count');
    expect(series?.points.map((p) => [p.label, p.value])).toEqual([
      ['12 months to Mar 2021', 62000],
      ['12 months to Mar 2022', 70000],
    ]);
    expect(series?.measure).toMatch(/synthetic opioids/);
    const whole = answer.groups.find((g) => g.figures.some((f) => f.value === 64070));
    expect(whole?.figures.map((f) => f.value)).toEqual([64070]);
  });
});
