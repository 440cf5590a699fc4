/**
 * Every tuned number of search, ask, cite and figures, in one place (MiniSearch-style): `DEFAULT_RANKING`
 * documents each one, and `Dossier.open({ ranking })` overrides any of them, section by section,
 * so the benchmark and the evaluation can show what each number does.
 */
export interface RankingOptions {
  search: {
    /** BM25 parameters passed to MiniSearch: term saturation `k`, length normalisation `b`, BM25+ floor `d`. */
    bm25: { k: number; b: number; d: number };
    /** How much a match in each field counts: a title or heading says what a passage is about, but must not drown its body. */
    boost: { text: number; heading: number; title: number };
    /** Typos forgiven as a share of a word's length (MiniSearch's `fuzzy`), for words the corpus lacks. */
    fuzzy: number;
    /** Shortest word whose typos are forgiven by the index search: shorter ones are too easily another word. */
    fuzzyMinLength: number;
    /** Postings one search may score before it leaves its commonest terms out (see `PassageIndex.search`). */
    postingsBudget: number;
  };
  ask: {
    /** Passages taken from the index before re-ranking by coverage. */
    candidates: number;
    /** Passages matching less than this share of the question's weight are noise, not answers. */
    minCoverage: number;
    /** The exponent on coverage in the final score: higher favours passages that answer all of the question. */
    coveragePower: number;
    /** Score factor for a passage with a figure, when the question asks for an amount ("how many"). */
    figureBoost: number;
    /** Score factor, within an excerpt, for a sentence with a figure when the question asks for an amount. */
    figureSentenceBoost: number;
  };
  cite: {
    /** Passages taken from the index before comparing their sentences word by word with the quote. */
    candidates: number;
    /** Below this similarity (mostly the share of the quote's words found), a passage is not the source. */
    minSimilarity: number;
    /**
     * A quote of common words with at most one other ("to be or not to be that is the question") is
     * found in half the corpus by word counts alone: it must match nearly word for word.
     */
    minSimilarityCommonWords: number;
    /** Similarity is this much recall of the quote's words and the rest precision, so the tightest window wins. */
    recallWeight: number;
  };
  figures: {
    /** Passages searched for figures: enough to reach every paragraph that mentions the topic. */
    candidates: number;
    /** A figure whose sentence and passage cover less of the topic's weight than this is about something else. */
    minCoverage: number;
    /** Figures scoring under this share of the best figure's score are left out: nothing relevant beats noise. */
    minRelative: number;
    /** How much the figure's own sentence (with its heading and list lead-in) counts against the rest of its passage. */
    sentenceWeight: number;
    /** How much a sentence that only follows one naming the topic counts, against one that names it. */
    following: number;
    /** Score factor for a small count in words ("two cartels"), which matters less than a figure in digits. */
    wordedCount: number;
  };
}

export const DEFAULT_RANKING: RankingOptions = {
  search: {
    bm25: { k: 1.2, b: 0.7, d: 0.5 },
    boost: { text: 1, heading: 1.5, title: 1.2 },
    fuzzy: 0.2,
    fuzzyMinLength: 6,
    // A few milliseconds' work on the 1000x benchmark corpus (see README, Benchmarks).
    postingsBudget: 3000,
  },
  ask: { candidates: 60, minCoverage: 0.34, coveragePower: 2, figureBoost: 1.3, figureSentenceBoost: 1.5 },
  cite: { candidates: 30, minSimilarity: 0.6, minSimilarityCommonWords: 0.9, recallWeight: 0.85 },
  figures: {
    candidates: 40,
    minCoverage: 0.5,
    minRelative: 0.5,
    sentenceWeight: 0.7,
    following: 0.7,
    wordedCount: 0.8,
  },
};

/** Any part of the options: each section's given numbers replace the defaults, the rest stay. */
export type RankingOverrides = { [S in keyof RankingOptions]?: Partial<RankingOptions[S]> };

/** The defaults with `overrides` laid over them, section by section. */
export function rankingOptions(overrides: RankingOverrides = {}): RankingOptions {
  const out = {} as Record<string, unknown>;
  for (const section of Object.keys(DEFAULT_RANKING) as (keyof RankingOptions)[])
    out[section] = { ...DEFAULT_RANKING[section], ...overrides[section] };
  return out as unknown as RankingOptions;
}
