import { describe, expect, it } from 'vitest';
import { ask } from '../../src/answer/ask.js';
import { cite, quotedSpan } from '../../src/answer/cite.js';
import { analyseQuery } from '../../src/search/query.js';
import { Dossier } from '../../src/engine/dossier.js';
import { DEFAULT_RANKING, rankingOptions } from '../../src/search/ranking.js';
import { plain } from '../../src/answer/reply.js';
import { note, withCorpus } from '../support/corpus.js';

describe('ranking options', () => {
  it('lays overrides over the defaults section by section, leaving the defaults untouched', () => {
    const options = rankingOptions({ answer: { minCoverage: 0.9 }, cite: { candidates: 5 } });
    expect(options.answer).toEqual({ ...DEFAULT_RANKING.answer, minCoverage: 0.9 });
    expect(options.cite.candidates).toBe(5);
    expect(options.search).toEqual(DEFAULT_RANKING.search);
    expect(DEFAULT_RANKING.answer.minCoverage).not.toBe(0.9);
  });

  it('reach the answers through Dossier.open', async () => {
    await withCorpus(
      {
        'a.md': note('Harbour', 'The harbour dredging cost 4 million pounds.'),
        'b.md': note('Library', 'The library opened a new wing.'),
      },
      async (loose, dir) => {
        const question = 'harbour dredging budget';
        const strict = await Dossier.open({ corpusDir: dir, ranking: { answer: { minCoverage: 0.99 } } });
        expect(loose.ranking.answer.minCoverage).toBe(DEFAULT_RANKING.answer.minCoverage);
        expect(ask(loose, question).results.length).toBeGreaterThan(0);
        expect(ask(strict, question).results).toEqual([]);
      },
    );
  });

  it('reach the typos read in a question and the words a quoted span needs', async () => {
    await withCorpus(
      { 'a.md': note('Harbour', 'The harbour dredging cost 4 million pounds.') },
      async (dossier, dir) => {
        const strict = await Dossier.open({
          corpusDir: dir,
          ranking: { query: { typos: { minLength: 99, twoEditsFrom: 99 } }, cite: { minQuotedWords: 9 } },
        });
        const typos = (d: Dossier) =>
          analyseQuery('harbur', d.index, d.ranking.query).words[0]!.alternatives.filter((a) => a.via === 'typo');
        expect(typos(dossier)).toHaveLength(1);
        expect(typos(strict)).toEqual([]);
        const chat = 'did someone say "harbour dredging cost" at the meeting?';
        expect(cite(dossier, chat).query).toBe(chat);
        expect(cite(dossier, chat).results).toHaveLength(1);
        expect(quotedSpan(chat, strict.ranking.cite.minQuotedWords)).toBeUndefined();
        expect(quotedSpan(chat)).toBe('harbour dredging cost');
      },
    );
  });

  it('reach how much of a passage an answer shows', async () => {
    const text = 'The harbour dredging cost 4 million pounds. Dredging took a year. The harbour reopened in May.';
    await withCorpus({ 'a.md': note('Harbour', text) }, async (dossier, dir) => {
      const one = await Dossier.open({ corpusDir: dir, ranking: { ask: { excerptSentences: 1, excerptMinChars: 0 } } });
      const shown = (d: Dossier) => plain(ask(d, 'harbour dredging cost').results[0]!.excerpt.text);
      expect(shown(dossier)).toContain('Dredging took a year.');
      expect(shown(one)).toBe('The harbour dredging cost 4 million pounds. …');
    });
  });
});
