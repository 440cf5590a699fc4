import { describe, expect, it } from 'vitest';
import { Dossier } from '../../../src/engine/dossier.js';
import { HAS_SEEDS, SEEDS } from '../../support/shared.js';

describe.runIf(HAS_SEEDS)('FigureCache over the seed articles', () => {
  it('finds every figure of the loaded seed articles verbatim in its sentence and passage', async () => {
    const dossier = await Dossier.open({ corpusDir: SEEDS });
    let count = 0;
    for (const p of dossier.passages) {
      for (const f of dossier.figures.of(p)) {
        expect(f.sentence.text.slice(f.start, f.end)).toBe(f.text);
        expect(p.text.slice(f.sentence.start, f.sentence.start + f.sentence.text.length)).toBe(f.sentence.text);
        count++;
      }
    }
    expect(count).toBeGreaterThan(40);
  });
});
