import { describe, expect, it } from 'vitest';
import { Dossier } from '../../src/dossier.js';
import { analyseQuery, coverage } from '../../src/search/query.js';
import { note, tempCorpus } from '../support/corpus.js';

describe('coverage', () => {
  it('counts a quantity word ("murder count") as covered by a passage that states a figure', async () => {
    const corpus = await tempCorpus({ 'a.md': note('Violence', 'Murders reached 34,500 in 2019.\n\nHow one counts the groups matters.') });
    try {
      const dossier = await Dossier.open({ corpusDir: corpus.dir });
      const query = analyseQuery('murder count', dossier.index);
      expect(query.words.map((w) => w.quantity)).toEqual([false, true]);
      const murder = query.words[0]!.terms;
      expect(coverage(query, murder, false)).toBeLessThan(1);
      expect(coverage(query, murder, true)).toBe(1);
    } finally {
      await corpus.cleanup();
    }
  });
});
