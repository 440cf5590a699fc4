import type { Passage, SourceDocument } from '../corpus/types.js';
import type { PassageIndex, SearchHit, SearchOptions, WeightedQuery } from '../search/index.js';
import type { RankingOptions } from '../search/ranking.js';
import type { FigureCache } from './figures/passage.js';
import type { Citation } from './reply.js';

/**
 * What an answer reads: the documents, the index, a search, each passage's citation and figures. The engine
 * (`Dossier` in src/engine) provides it; declaring it here keeps the answers below the engine, which
 * owns loading, saving and watching the corpus and is free to use the answers' own parts to do so.
 */
export interface Library {
  readonly documents: SourceDocument[];
  readonly index: PassageIndex;
  /** The tuned numbers the answers rank with. */
  readonly ranking: RankingOptions;
  /** Each passage's figures, read once. */
  readonly figures: FigureCache;
  document(source: string): SourceDocument | undefined;
  /** The passage of this id (`<source>#<paragraph>`), as the index names it. */
  passage(id: string): Passage | undefined;
  citation(passage: Passage): Citation;
  /**
   * Passages that match `query` (a text, or an analysed question with
   * its alternatives), best first, each with the query terms it matched.
   */
  search(query: string | WeightedQuery, options?: SearchOptions): SearchHit[];
}
