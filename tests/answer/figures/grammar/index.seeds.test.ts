import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { figuresInSentence } from '../../../../src/answer/figures/grammar/index.js';
import { HAS_SEEDS, SEEDS } from '../../../support/shared.js';

describe.runIf(HAS_SEEDS)('figuresInSentence over the seed articles', () => {
  it('every figure in the raw seed articles, read by blank-line paragraphs, is verbatim', () => {
    let count = 0;
    for (const file of readdirSync(SEEDS)) {
      for (const paragraph of readFileSync(join(SEEDS, file), 'utf8').split(/\n\s*\n/)) {
        for (const f of figuresInSentence(paragraph)) {
          expect(paragraph.slice(f.start, f.end)).toBe(f.text);
          count++;
        }
      }
    }
    expect(count).toBeGreaterThan(40);
  });
});
