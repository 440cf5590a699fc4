import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { Analyzer, fold } from '../../src/search/analyzer.js';
import { PassageIndex } from '../../src/search/index.js';
import { analyseQuery, answerable, coverage } from '../../src/search/query.js';
import { DEFAULT_RANKING } from '../../src/search/ranking.js';
import { STOP_WORDS } from '../../src/search/stopwords.js';
import { anyInput, fuzz, HOSTILE_CORPUS, VOCAB } from '../support/arbitraries.js';
import { tempCorpus } from '../support/corpus.js';

const analyzer = new Analyzer();

describe('Analyzer, fuzzed', () => {
  it(
    'never throws, and gives terms that are non-empty and free of spaces, ' +
      'the same ones for words() as for terms()',
    () => {
      fc.assert(
        fc.property(anyInput(), (text) => {
          const terms = analyzer.terms(text);
          for (const t of terms) expect(t).toMatch(/^\S+$/);
          expect(new Set(terms).size).toBe(terms.length);
          const all = new Set(terms);
          for (const w of analyzer.words(text))
            if (w.term) expect(all.has(w.term), `${w.term} of ${w.word}`).toBe(true);
          expect(analyzer.terms(text)).toEqual(terms);
        }),
        fuzz(300),
      );
    },
  );

  it('folds accents and case away: a text and its folded form search for the same terms', () => {
    // But for an acronym in capitals that spells a stop word ("US", "WHO"), which folded is the stop word.
    const words = (text: string) => analyzer.terms(text).filter((t) => !STOP_WORDS.has(t));
    fc.assert(
      fc.property(anyInput(), (text) => {
        expect(words(fold(text))).toEqual(words(text));
      }),
      fuzz(500),
    );
  });

  it('treats a word with accents added as the word without them (Mérida = Merida)', () => {
    const marks = fc.constantFrom('\u0301', '\u0300', '\u0308', '\u0303', '\u0327');
    const accented = fc
      .tuple(fc.constantFrom(...VOCAB), fc.array(fc.tuple(fc.nat(20), marks), { maxLength: 3 }))
      .map(([word, adds]) => {
        const chars = [...word];
        for (const [at, mark] of adds) if (/[a-z]/i.test(chars[at % chars.length]!)) chars[at % chars.length] += mark;
        return [word, chars.join('').normalize('NFC')] as const;
      });
    fc.assert(
      fc.property(accented, ([word, withAccents]) => {
        expect(analyzer.terms(withAccents)).toEqual(analyzer.terms(word.normalize('NFD').replace(/\p{M}/gu, '')));
      }),
      fuzz(300),
    );
  });
});

describe('Analyzer on plain ASCII text, fuzzed', () => {
  // ASCII text takes plain patterns; a word beyond ASCII after it sends the whole text down the general path. It comes
  // on a line of its own: a word beside capitals says whether they are an acronym or a shouted line's words.
  const piece = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('U.S.', 'd.c.', "Mexico's", "it's", '%', '$5', '1,200', 'e.g.', 'CBP', ' ', '.', "'", '-', '\n'),
    fc.constantFrom('US', 'IT', 'WHO', 'OK', 'the us', "US's", "IT'S", '5bn', 'fy22', 'FY2022', 'per cent'),
    fc.constantFrom(...VOCAB),
  );
  const ascii = fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join(''));

  it('reads ASCII text as the general path reads it', () => {
    fc.assert(
      fc.property(ascii, (text) => {
        expect(fold(`${text}é`)).toBe(`${fold(text)}e`);
        expect(analyzer.tokenize(`${text}\né`)).toEqual([...analyzer.tokenize(text), 'e']);
      }),
      fuzz(1000),
    );
  });
});

describe('analyseQuery, fuzzed', () => {
  let index: PassageIndex;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const corpus = await tempCorpus(HOSTILE_CORPUS);
    cleanup = corpus.cleanup;
    index = PassageIndex.fromCorpus(await loadCorpus(corpus.dir));
  });
  afterAll(() => cleanup());

  it('never throws; weights are finite and positive, and coverage stays between 0 and 1', () => {
    const query = fc.oneof(
      anyInput(1000),
      fc.array(fc.constantFrom(...VOCAB), { maxLength: 10 }).map((w) => w.join(' ')),
    );
    fc.assert(
      fc.property(
        query,
        fc.array(fc.oneof(fc.string(), fc.constantFrom('harbour', 'dredg', 'cost', 'us')), { maxLength: 6 }),
        (text, matched) => {
          const analysed = analyseQuery(text, index, DEFAULT_RANKING.query);
          for (const w of analysed.words) {
            expect(w.terms.length).toBeGreaterThan(0);
            expect(Number.isFinite(w.weight) && w.weight > 0).toBe(true);
          }
          const share = coverage(analysed, [...matched, ...analysed.words.slice(0, 1).flatMap((w) => w.terms)]);
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(1);
          if (answerable(analysed)) expect(analysed.words.length).toBeGreaterThan(0);
        },
      ),
      fuzz(300),
    );
  });
});
