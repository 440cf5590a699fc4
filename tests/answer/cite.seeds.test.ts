import { describe, expect, it } from 'vitest';
import { cite } from '../../src/answer/cite.js';
import { Dossier } from '../../src/engine/dossier.js';
import { HAS_SEEDS, SEEDS } from '../support/shared.js';

describe.runIf(HAS_SEEDS)('cite over the seed articles', () => {
  it('asks a quote of common words to match nearly word for word', async () => {
    // Over the seed articles these words all occur in one sentence or
    // two ("The question is whether…"), yet the quote is Hamlet's.
    const seeds = await Dossier.open({ corpusDir: SEEDS });
    expect(cite(seeds, 'to be or not to be, that is the question').results).toEqual([]);
  });
});
