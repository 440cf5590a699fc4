import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/search/analyzer.js';
import { PassageIndex } from '../../src/search/index.js';
import { DEFAULT_RANKING } from '../../src/search/ranking.js';
import { nothingLearned, readSavedIndex, savedIndex } from '../../src/search/saved-index.js';
import { best, byScore, grown, ShortIdMap, TermScorer } from '../../src/search/term-scores.js';
import type { SavedFile } from '../../src/saved-file.js';

interface Doc {
  id: string;
  text: string;
  title: string;
  heading: string;
}

const ranking = DEFAULT_RANKING.search;
const analyzer = new Analyzer();

/** Ferry notes: the same paragraph twice (a tie), a term in a title and a heading, paragraphs of several lengths. */
const DOCS: Doc[] = [
  { id: 'a#1', text: 'The ferry carried 400 passengers.', title: 'Harbour ferries', heading: '' },
  { id: 'a#2', text: 'The ferry carried 400 passengers.', title: 'Harbour ferries', heading: '' },
  {
    id: 'b#1',
    text: 'Passengers waited while the crew loaded cars onto the ferry and then the ferry left.',
    title: 'Crossings',
    heading: 'Ferry timetable',
  },
  { id: 'b#2', text: 'Storms cancelled two crossings in March.', title: 'Crossings', heading: 'Weather' },
  {
    id: 'c#1',
    text: 'A new terminal opened for ferry passengers, cyclists and cars.',
    title: 'Terminal',
    heading: 'Ferry',
  },
];

function index(docs: Doc[]): MiniSearch<Doc> {
  const mini = new MiniSearch<Doc>(PassageIndex.options(analyzer, ranking) as never);
  mini.addAll(docs);
  return mini;
}

/** What MiniSearch's own search gives for one analysed term, as the index asks it. */
function miniSearch(mini: MiniSearch<Doc>, term: string) {
  const results = mini.search(term, {
    bm25: ranking.bm25,
    boost: ranking.boost,
    tokenize: (text: string) => text.split(' '),
    processTerm: (t: string) => t,
  });
  return { ids: results.map((r) => r.id as string), scores: results.map((r) => r.score) };
}

/** The scorer's results for one term, put in MiniSearch's order (by score, ties in postings order) to compare. */
function scorerResults(mini: MiniSearch<Doc>, term: string) {
  const scorer = new TermScorer(mini as MiniSearch<unknown>);
  const { ids, scores } = scorer.scores(term, ranking);
  const order = best(scores, ids.length);
  return { ids: order.map((i) => scorer.id(ids[i]!)), scores: order.map((i) => scores[i]!) };
}

const TERMS = ['ferri', 'passeng', 'cross', 'car', 'storm', 'unknown'];

describe('TermScorer', () => {
  it('gives the scores MiniSearch gives, bit for bit, ties in its order', () => {
    const mini = index(DOCS);
    for (const term of TERMS) expect(scorerResults(mini, term)).toEqual(miniSearch(mini, term));
    const ferry = scorerResults(mini, 'ferri');
    expect(ferry.ids.indexOf('a#1')).toBe(ferry.ids.indexOf('a#2') - 1);
  });

  it('drops a discarded passage whose postings are still there, as MiniSearch does', () => {
    const ours = index(DOCS);
    const theirs = index(DOCS);
    for (const mini of [ours, theirs]) mini.discard('b#1');
    for (const term of TERMS) expect(scorerResults(ours, term)).toEqual(miniSearch(theirs, term));
    expect(scorerResults(ours, 'ferri').ids).not.toContain('b#1');
  });

  it('reads a saved index as the index it was saved from', () => {
    const mini = index(DOCS);
    const bytes = savedIndex('key', mini as MiniSearch<unknown>, nothingLearned());
    const file = { size: bytes.length, read: (from: number, to: number) => bytes.subarray(from, to) } as SavedFile;
    const loaded = readSavedIndex<Doc>(file, 'key', PassageIndex.options(analyzer, ranking) as never)!.mini;
    for (const term of TERMS) expect(scorerResults(loaded, term)).toEqual(miniSearch(mini, term));
    // A passage added after loading: the saved tables give way to MiniSearch's own.
    const added = { id: 'd#1', text: 'Storms delayed the ferry and its passengers.', title: 'Delays', heading: '' };
    for (const index of [mini, loaded]) index.add(added);
    for (const term of TERMS) expect(scorerResults(loaded, term)).toEqual(miniSearch(mini, term));
  });

  it('tells which passages hold a term, in any field', () => {
    const mini = index(DOCS);
    const scorer = new TermScorer(mini as MiniSearch<unknown>);
    const ferry = scorer.holders('ferri');
    const storm = scorer.holders('storm');
    expect(scorer.scores('ferri', ranking).ids.every((id) => ferry(id) && !storm(id))).toBe(true);
    expect(scorer.scores('storm', ranking).ids.every((id) => storm(id) && !ferry(id))).toBe(true);
  });
});

describe('ShortIdMap', () => {
  it('forgets every entry on clear, and grows past its length', () => {
    const map = new ShortIdMap();
    map.set(3, 7);
    map.set(5000, 1);
    expect([map.get(3), map.get(5000), map.get(4)]).toEqual([7, 1, -1]);
    map.clear();
    expect([map.get(3), map.get(5000)]).toEqual([-1, -1]);
  });
});

describe('best', () => {
  it('keeps the highest positive scores, highest first, ties in position order, as sorting them all does', () => {
    const scores = [0.5, 2.25, 0, 0.5, 1e-9, 2.25, -1, 0.5, 3];
    const sorted = scores
      .map((_, i) => i)
      .filter((i) => scores[i]! > 0)
      .sort(byScore(scores));
    for (let limit = 0; limit <= scores.length + 1; limit++)
      expect(best(scores, limit)).toEqual(sorted.slice(0, limit));
    expect(best(scores, 4)).toEqual([8, 1, 5, 0]);
  });

  it('agrees with a full sort on many scores with many ties', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const scores = Array.from({ length: 5000 }, () => Math.floor(next() * 50) / 10);
    const sorted = scores
      .map((_, i) => i)
      .filter((i) => scores[i]! > 0)
      .sort(byScore(scores));
    for (const limit of [1, 40, 400]) expect(best(scores, limit)).toEqual(sorted.slice(0, limit));
  });
});

describe('byScore', () => {
  it('sorts positions as subtracting scores does, ties kept in order', () => {
    const scores = [0.5, 2.25, 0.5, 1e-9, 2.25];
    const positions = [0, 1, 2, 3, 4];
    expect([...positions].sort(byScore(scores))).toEqual([...positions].sort((a, b) => scores[b]! - scores[a]!));
    expect([...positions].sort(byScore(scores))).toEqual([1, 4, 0, 2, 3]);
  });
});

describe('grown', () => {
  it('is a longer typed array of the same kind, starting with what the array held', () => {
    const ids = grown(Int32Array.of(3, -1), 4);
    expect(ids).toBeInstanceOf(Int32Array);
    expect([...ids]).toEqual([3, -1, 0, 0]);
    // Of part of an array: the rest is left behind.
    const scores = grown(Float64Array.of(0.5, 2, 7).subarray(0, 2), 3);
    expect(scores).toBeInstanceOf(Float64Array);
    expect([...scores]).toEqual([0.5, 2, 0]);
  });
});
