import type MiniSearch from 'minisearch';
import type { SearchOptions } from 'minisearch';

/**
 * BM25's inverse document frequency of a term that `matching` of `total` documents hold (as MiniSearch computes it):
 * one formula for the index's scores and the question's word weights, so the two agree.
 */
export const bm25Idf = (total: number, matching: number): number =>
  Math.log(1 + (total - matching + 0.5) / (matching + 0.5));

/**
 * The MiniSearch tables one term's scores are read from. They are private to MiniSearch (its `termResults` reads
 * them), as are those `readSavedIndex` fills: version 7's, the major package.json allows. Its test (tests/search)
 * compares every score with `mini.search`'s, so a release that changes them fails there.
 */
interface ScoringTables {
  _index: {
    get(term: string): Map<number, Map<number, number>> | undefined;
    /** A saved index's quicker answer to whether a passage holds a term (see `TermsOnDemand`). */
    holders?(term: string): (id: number) => boolean;
  };
  _fieldIds: Record<string, number>;
  _avgFieldLength: number[];
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, unknown>;
  /** With `lengthOf` in a saved index (see `FieldLengths`). */
  _fieldLength: Map<number, number[]> & { lengthOf?(id: number, fieldId: number): number };
  _options: { fields: string[] };
  removeTerm(fieldId: number, documentId: number, term: string): void;
  /** What `search` sorts and decodes: each passage's score, the query terms it matched and the index terms. */
  executeQuery(
    query: string,
    options: SearchOptions,
  ): Map<number, { score: number; terms: string[]; match: Record<string, string[]> }>;
}

/** One result of `TermScorer.search`: a passage by MiniSearch's short id. */
export interface ShortResult {
  id: number;
  score: number;
  /** Index terms matched (differs from `queryTerms` on a fuzzy match). */
  terms: string[];
  queryTerms: string[];
}

/** One term's hits, in the order of its postings: MiniSearch's short document ids and their scores. */
export interface TermScores {
  ids: number[];
  scores: number[];
}

export interface TermScoring {
  bm25: { k: number; b: number; d: number };
  boost: Record<string, number>;
}

/**
 * Orders positions in `scores` from the highest score down, as `(a, b) => b.score - a.score` does, but answering -1,
 * 0 or 1: a fractional difference returned to the sort is a new heap number on every comparison.
 */
export const byScore =
  (scores: number[]) =>
  (a: number, b: number): number =>
    scores[a]! < scores[b]! ? 1 : scores[a]! > scores[b]! ? -1 : 0;

/**
 * The positions of the `limit` highest positive `scores`, highest first, ties in position order: what filtering out
 * the others, sorting with `byScore` and keeping the first `limit` gives, without sorting them all. A common word's
 * passages run to tens of thousands at 1000× the seeds, and a question keeps a few dozen of them.
 */
export function best(scores: number[], limit: number): number[] {
  // A heap of the kept positions whose root is the one to drop first: the lowest score, the latest position of equals.
  const heap: number[] = [];
  const worse = (a: number, b: number) => scores[a]! < scores[b]! || (scores[a] === scores[b] && a > b);
  const sift = (from: number) => {
    for (let i = from; ;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < heap.length && worse(heap[left]!, heap[worst]!)) worst = left;
      if (right < heap.length && worse(heap[right]!, heap[worst]!)) worst = right;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst]!, heap[i]!];
      i = worst;
    }
  };
  if (limit <= 0) return heap;
  for (let position = 0; position < scores.length; position++) {
    if (!(scores[position]! > 0)) continue;
    if (heap.length < limit) {
      heap.push(position);
      for (let i = heap.length - 1; i > 0;) {
        const parent = (i - 1) >> 1;
        if (!worse(heap[i]!, heap[parent]!)) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
    } else if (scores[position]! > scores[heap[0]!]!) {
      // A later position ties with the root only to lose to it: equal scores keep the earlier.
      heap[0] = position;
      sift(0);
    }
  }
  const order = byScore(scores);
  return heap.sort((a, b) => order(a, b) || a - b);
}

const NO_HITS: TermScores = { ids: [], scores: [] };

/**
 * A number for each of MiniSearch's short ids (passages), for one pass over some postings, in two typed arrays as
 * long as the largest id: a Map of thousands of passages built and dropped for every term of every question was
 * much of the garbage whose collection the slowest questions waited on. `clear` forgets every entry at once.
 */
export class ShortIdMap {
  private values = new Int32Array(0);
  /** The pass each entry was set in: an entry from an earlier pass is no entry. */
  private passes = new Uint32Array(0);
  private pass = 1;

  clear(): void {
    this.pass++;
    if (this.pass === 0xffffffff) {
      this.passes.fill(0);
      this.pass = 1;
    }
  }

  /** The number set for `id` in this pass, or -1. */
  get(id: number): number {
    return id < this.passes.length && this.passes[id] === this.pass ? this.values[id]! : -1;
  }

  set(id: number, value: number): void {
    if (id >= this.passes.length) this.reserve(Math.max(id + 1, this.passes.length * 2));
    this.passes[id] = this.pass;
    this.values[id] = value;
  }

  /** Makes room for ids below `size` at once (the index's `TermScorer.ids`), rather than doubling as they come. */
  reserve(size: number): void {
    if (size <= this.passes.length) return;
    this.values = grown(this.values, size);
    this.passes = grown(this.passes, size);
  }
}

/**
 * A typed array of `array`'s kind, `size` long, that starts with what `array` holds: room for more in the arrays that
 * searches keep from question to question (`ShortIdMap`, `PassageIndex`'s scratch arrays).
 */
export function grown<T extends Int32Array | Uint32Array | Float64Array>(array: T, size: number): T {
  const copy = new (array.constructor as new (length: number) => T)(size);
  copy.set(array);
  return copy;
}

/**
 * What `mini.search(term)` finds for one analysed term, taken as it is, with the same scores, but as arrays of
 * numbers, in the postings' order: the caller sums a question's terms before anything is ranked, so sorting each
 * term's thousands of passages was work thrown away. MiniSearch makes a result object, a match object,
 * two arrays and a decoded id string for every passage holding the term, only to sort them: at 1000× the seeds a
 * question's terms hold thousands of passages, and that garbage was most of what the slowest questions waited on.
 *
 * The arithmetic is MiniSearch's `termResults` and `calcBM25Score`, in their order (a term weight, term boost and
 * document boost of 1 change nothing), so every score is the same number; a passage removed but not yet vacuumed
 * from the postings is dropped as MiniSearch drops it.
 */
export class TermScorer {
  /** Where each passage stands in the term's hits, for a passage matched in a second field. */
  private readonly positions = new ShortIdMap();

  constructor(private readonly mini: MiniSearch<unknown>) {}

  private get tables(): ScoringTables {
    return this.mini as unknown as ScoringTables;
  }

  /** One more than the largest short id the index has given a passage. */
  get ids(): number {
    return this.tables._nextId;
  }

  scores(term: string, { bm25, boost }: TermScoring): TermScores {
    const tables = this.tables;
    const data = tables._index.get(term);
    if (!data) return NO_HITS;
    const { k, b, d } = bm25;
    const total = tables._documentCount;
    const positions = this.positions;
    positions.clear();
    positions.reserve(this.ids);
    const ids: number[] = [];
    const scores: number[] = [];
    for (const field of tables._options.fields) {
      const fieldId = tables._fieldIds[field]!;
      const frequencies = data.get(fieldId);
      if (!frequencies) continue;
      // MiniSearch's boost of 0 (or none) counts as 1.
      const fieldBoost = boost[field] || 1;
      const averageLength = tables._avgFieldLength[fieldId]!;
      let matching = frequencies.size;
      let idf = bm25Idf(total, matching);
      // forEach, not for…of: no entry array per posting.
      frequencies.forEach((frequency, id) => {
        if (!tables._documentIds.has(id)) {
          tables.removeTerm(fieldId, id, term);
          matching -= 1;
          idf = bm25Idf(total, matching);
          return;
        }
        const lengths = tables._fieldLength;
        const length = lengths.lengthOf ? lengths.lengthOf(id, fieldId) : lengths.get(id)![fieldId]!;
        const score =
          fieldBoost * (idf * (d + (frequency * (k + 1)) / (frequency + k * (1 - b + (b * length) / averageLength))));
        const i = positions.get(id);
        if (i < 0) {
          positions.set(id, ids.length);
          ids.push(id);
          scores.push(score);
        } else scores[i]! += score;
      });
    }
    return { ids, scores };
  }

  /**
   * `mini.search(query, options)`, passages by short id: the same results, scores and order (MiniSearch's `search`
   * with no filter), without decoding every result's id when a few are kept.
   */
  search(query: string, options: SearchOptions): ShortResult[] {
    const results: ShortResult[] = [];
    for (const [id, { score, terms, match }] of this.tables.executeQuery(query, options))
      results.push({ id, score: score * (terms.length || 1), terms: Object.keys(match), queryTerms: terms });
    const scores = results.map((r) => r.score);
    return results
      .map((_, i) => i)
      .sort(byScore(scores))
      .map((i) => results[i]!);
  }

  /**
   * Whether a passage (a short id) holds `term` in any field: for the hits of a search that left the term out as too
   * common to score (see `PassageIndex.plan`).
   */
  holders(term: string): (id: number) => boolean {
    const index = this.tables._index;
    if (index.holders) return index.holders(term);
    const data = index.get(term);
    return (id) => data !== undefined && [...data.values()].some((documents) => documents.has(id));
  }

  /** The passages (short ids) holding `term` in any field. */
  holderIds(term: string): Set<number> {
    const ids = new Set<number>();
    const { _index: index, _documentIds: live } = this.tables;
    for (const documents of index.get(term)?.values() ?? [])
      for (const id of documents.keys()) if (live.has(id)) ids.add(id);
    return ids;
  }

  /** Our id of a passage (`<source>#<paragraph>`) from MiniSearch's short id. */
  id(shortId: number): string {
    return String(this.tables._documentIds.get(shortId));
  }
}
