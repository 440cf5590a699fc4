import type { Passage, Sentence } from '../corpus/types.js';
import type { Analyzer } from '../search/analyzer.js';
import { DEFAULT_RANKING } from '../search/ranking.js';
import type { Library } from './library.js';
import { ELLIPSIS, markRanges, mergeSpans, type Excerpt, type RichText } from './reply.js';

/** A whole word as excerpts mark it: letters and digits, with the apostrophes and dots inside ("world’s", "U.S"). */
export const WORD = /[\p{L}\p{N}]+(?:['’.][\p{L}\p{N}]+)*/gu;

/**
 * A compound written with hyphens ("Meso-American"), which the analyser also reads as one word: marked whole when the
 * question has it as one word ("mesoamerican"). Its dashes, as `fold` reads them, are no part of a term.
 */
const COMPOUND = /(?<![\p{L}\p{N}])\p{L}+(?:[-\u2010-\u2015]\p{L}+)+(?![\p{L}\p{N}])/gu;
const DASHES = /[-\u2010-\u2015]/g;

/**
 * Marks the words of `text` whose analysed terms are in `terms` as strong, and every character
 * inside `ranges` (figures, as [start, end) offsets in `text`). Every character of `text` is kept,
 * in order, so joining the spans gives back the verbatim source.
 */
export function markTerms(
  text: string,
  terms: ReadonlySet<string>,
  analyzer: Analyzer,
  ranges: readonly (readonly [number, number])[] = [],
): RichText {
  const marked = (word: string) => (analyzer.processTerm(word) ?? []).some((t) => terms.has(t));
  const words = [
    ...[...text.matchAll(WORD)].filter((m) => marked(m[0])),
    ...[...text.matchAll(COMPOUND)].filter((m) => marked(m[0].replace(DASHES, ''))),
  ].map((m) => [m.index, m.index + m[0].length] as const);
  return markRanges(text, [...ranges, ...words]);
}

/**
 * Picks up to `max` consecutive sentences of a passage around the one that scores best, and
 * returns them verbatim with "…" where the passage goes on before or after; while they are fewer than `minChars`
 * characters, the next sentence too.
 */
export function chooseSentences(
  passage: Passage,
  score: (s: Sentence) => number,
  max = DEFAULT_RANKING.ask.excerptSentences,
  minChars = DEFAULT_RANKING.ask.excerptMinChars,
): { sentences: Sentence[]; before: boolean; after: boolean } {
  const all = passage.sentences.length ? passage.sentences : [{ text: passage.text, start: 0 }];
  const scores = all.map(score);
  let best = 0;
  for (let i = 1; i < all.length; i++) if (scores[i]! > scores[best]!) best = i;
  let from = best;
  let to = best;
  // Grow the window while a neighbour adds evidence, or while the excerpt is too short to stand alone.
  const length = () => all.slice(from, to + 1).reduce((n, s) => n + s.text.length, 0);
  while (to - from + 1 < max) {
    const next = to + 1 < all.length ? scores[to + 1]! : -1;
    const prev = from > 0 ? scores[from - 1]! : -1;
    const short = length() < minChars;
    if (next > 0 && next >= prev) to++;
    else if (prev > 0) from--;
    else if (short && next >= 0) to++;
    else break;
  }
  return { sentences: all.slice(from, to + 1), before: from > 0, after: to < all.length - 1 };
}

/** Joins chosen sentences with the source's own spacing, and "…" where sentences are left out. */
export function excerptText(
  passage: Passage,
  chosen: { sentences: Sentence[]; before: boolean; after: boolean },
  mark: (text: string) => RichText,
): RichText {
  const first = chosen.sentences[0]!;
  const last = chosen.sentences[chosen.sentences.length - 1]!;
  const verbatim = passage.text.slice(first.start, last.start + last.text.length);
  return mergeSpans([
    ...(chosen.before ? [{ text: `${ELLIPSIS} ` }] : []),
    ...mark(verbatim),
    ...(chosen.after ? [{ text: ` ${ELLIPSIS}` }] : []),
  ]);
}

/** The opening sentences of a passage, verbatim, cited: how a new document is introduced (a digest, an add). */
export function leadExcerpt(library: Pick<Library, 'citation'>, passage: Passage): Excerpt {
  const chosen = chooseSentences(passage, () => 0, DEFAULT_RANKING.ask.leadSentences);
  return {
    text: excerptText(passage, chosen, (text) => [{ text }]),
    context: passage.context,
    citation: library.citation(passage),
    figures: [],
    score: 0,
  };
}
