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

describe('asAsked on a question asking how long or how often', () => {
  const harbour = corpusForSuite({
    'ferry.md': note(
      'Ferry',
      'The crossing to the island takes about forty minutes.\n\nThe ferry to the island sails weekly in winter.\n\n' +
        'The crossing to the island is a pleasant one.\n\nThe pier on the island was built in 1890.\n\n' +
        'The pier on the island will reopen by the summer.',
    ),
  });
  const decided = (question: string, text: string) => {
    const dossier = harbour();
    const query = analyseQuery(question, dossier.index, dossier.ranking.query);
    const passage = dossier.search(query, { limit: 10 }).find((hit) => hit.passage.text.includes(text))!.passage;
    const read = { passage, amounts: amountsIn(passage.text, dossier.ranking.query.numberContext), terms: [] };
    return asAsked(dossier, query, 'confident', [read]).match;
  };

  it('is answered by an amount the figure grammar reads, in words too, and by a rate for how often', () => {
    expect(decided('how long is the crossing to the island', 'forty minutes')).toBe('confident');
    expect(decided('how often does the ferry to the island sail', 'weekly')).toBe('confident');
  });

  it('is answered by a time for how old or how soon, as an age or a wait is given by when', () => {
    expect(decided('how old is the pier on the island', 'built in 1890')).toBe('confident');
    expect(decided('how soon will the pier on the island reopen', 'by the summer')).toBe('confident');
    expect(decided('how long is the pier on the island', 'built in 1890')).toBe('partial');
  });

  it('is answered less surely by a passage on its subject that gives no amount, or for how often no rate', () => {
    expect(decided('how long is the crossing to the island', 'pleasant')).toBe('partial');
    expect(decided('how often does the crossing to the island take place', 'forty minutes')).toBe('partial');
  });
});
