import { describe, expect, it } from 'vitest';
import { asAsked } from '../../src/answer/asked.js';
import { amountsIn, analyseQuery } from '../../src/search/query.js';
import { corpusForSuite, note } from '../support/corpus.js';

describe('asAsked on a question asking who does something as a rule', () => {
  const harbour = corpusForSuite({
    'ferry.md': note('Ferry', 'The ferry service sails four times a day between the harbour and the island.'),
  });

  it('reads the verb from the terms the search found in each passage, not from its text again', () => {
    const dossier = harbour();
    const query = analyseQuery('who runs the ferry service', dossier.index, dossier.ranking.query);
    const passage = dossier.search(query, { limit: 1 })[0]!.passage;
    const read = (terms: string[]) => ({
      passage,
      amounts: amountsIn(passage.text, dossier.ranking.query.numberContext),
      terms,
    });
    // The passage's text never says "runs": only the terms the search found in it tell.
    expect(asAsked(dossier, query, 'confident', [read(dossier.index.analyzer.terms('ferry service'))]).match).toBe(
      'partial',
    );
    expect(asAsked(dossier, query, 'confident', [read(query.doer!.terms)]).match).toBe('confident');
  });
});
