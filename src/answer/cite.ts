import { asShown } from '../corpus/text.js';
import type { Passage, Sentence } from '../corpus/types.js';
import type { Library } from './library.js';
import { fold } from '../search/analyzer.js';
import { editsForgiven, withinEdits, type TypoRule } from '../search/bridges.js';
import { NUMBER_WORDS } from '../search/english.js';
import { askJson, PAGE_SIZE, type AskAnswer, type AskResult } from './ask.js';
import { excerptText, WORD } from './excerpt.js';
import { DEFAULT_RANKING, type RankingOptions } from '../search/ranking.js';
import { STOP_WORDS } from '../search/stopwords.js';
import { markRanges, replyOf, textReply, type Reply, type ReplyBlock, type RichText } from './reply.js';

/**
 * Finds where a half-remembered quote comes from. Chat text around a quote ("Interesting point —
 * “…” Do we know if that happened?") is looked up by its quoted span first, then as a whole. The
 * index proposes candidates; each candidate's sentences (alone and in pairs) are then compared
 * word by word with the quote, forgiving a typo per word, a changed word or two, accents, quote
 * marks and numbers written as words.
 */
export function cite(dossier: Library, typed: string, { limit = PAGE_SIZE }: { limit?: number } = {}): AskAnswer {
  // Before the quote is looked for, so "<@U123> said “…”" is read as the person saw it: a quote and its lead-in.
  const text = asShown(typed);
  const span = quotedSpan(text, dossier.ranking.cite.minQuotedWords);
  const found = span ? citeQuote(dossier, span, limit) : undefined;
  return found?.results.length ? { ...found, query: text } : citeQuote(dossier, text, limit);
}

/** Quote marks, curly and straight. */
const QUOTED = [/“([^”]+)”/g, /"([^"]+)"/g, /‘([^’]+)’/g, /(?<!\p{L})'([^']+)'(?!\p{L})/gu];

/** The longest span of `text` between quote marks, curly or straight, of `minWords` words at least. */
export function quotedSpan(text: string, minWords = DEFAULT_RANKING.cite.minQuotedWords): string | undefined {
  let best: string | undefined;
  for (const pattern of QUOTED)
    for (const m of text.matchAll(pattern)) {
      const inner = m[1]!.trim();
      if (words(inner).length >= minWords && inner.length > (best?.length ?? 0)) best = inner;
    }
  return best && best.length < text.trim().length - 2 ? best : undefined;
}

function citeQuote(dossier: Library, quote: string, limit: number): AskAnswer {
  const options = dossier.ranking.cite;
  const wanted = words(quote);
  if (wanted.length === 0) return { query: quote, results: [], more: 0, match: 'none', unmatched: [] };
  const distinctive = wanted.filter((w) => !STOP_WORDS.has(w)).length;
  const threshold =
    distinctive >= options.minDistinctiveWords ? options.minSimilarity : options.minSimilarityCommonWords;
  const typos = dossier.ranking.query.typos;
  const near = closeWords(wanted, typos);
  const scored = dossier
    .search(quote, { limit: options.candidates })
    .map(({ passage }) => bestWindow(passage, wanted.length, near, options))
    .filter((m) => m.similarity >= threshold)
    .sort((a, b) => b.similarity - a.similarity);
  const results: AskResult[] = scored.slice(0, limit).map((m) => ({
    passage: m.passage,
    score: m.similarity,
    excerpt: {
      text: excerptText(m.passage, m.window, (text) => markQuoted(text, quote, typos)),
      context: m.passage.context,
      citation: dossier.citation(m.passage),
      figures: [],
      score: m.similarity,
    },
  }));
  return {
    query: quote,
    results,
    more: Math.max(0, scored.length - results.length),
    match: results.length ? 'confident' : 'none',
    unmatched: [],
  };
}

interface WindowMatch {
  passage: Passage;
  window: { sentences: Sentence[]; before: boolean; after: boolean };
  similarity: number;
}

/**
 * For a word of the corpus, which of the quote's words (by position) it is close to: worked out once per distinct
 * word of a cite, as its candidates' sentences, alone and in pairs, hold the same words many times over.
 */
function closeWords(wanted: string[], typos: TypoRule): (word: string) => Uint8Array {
  const known = new Map<string, Uint8Array>();
  return (word) => {
    let near = known.get(word);
    if (!near) known.set(word, (near = Uint8Array.from(wanted, (w) => (close(w, word, typos) ? 1 : 0))));
    return near;
  };
}

function bestWindow(
  passage: Passage,
  wanted: number,
  near: (word: string) => Uint8Array,
  { recallWeight, windowSentences }: RankingOptions['cite'],
): WindowMatch {
  const all = passage.sentences.length ? passage.sentences : [{ text: passage.text, start: 0 }];
  // A window's words are its sentences' words in turn: no word runs across the space that joins two sentences.
  const sentenceWords = all.map((s) => words(s.text).map(near));
  let best: WindowMatch = {
    passage,
    window: { sentences: [all[0]!], before: false, after: all.length > 1 },
    similarity: 0,
  };
  for (let i = 0; i < all.length; i++) {
    for (let len = 1; len <= windowSentences && i + len <= all.length; len++) {
      const have = sentenceWords.slice(i, i + len).flat();
      const similarity = similarityOf(wanted, have, recallWeight);
      if (similarity > best.similarity + 1e-9)
        best = {
          passage,
          window: { sentences: all.slice(i, i + len), before: i > 0, after: i + len < all.length },
          similarity,
        };
    }
  }
  return best;
}

/**
 * Mostly recall of the remembered words, with a little precision so the tightest window wins. Each of the quote's
 * `wanted` words, in order, takes the first word of the window close to it that no earlier one took.
 */
function similarityOf(wanted: number, have: Uint8Array[], recallWeight: number): number {
  const taken = new Uint8Array(have.length);
  let found = 0;
  for (let w = 0; w < wanted; w++)
    for (let i = 0; i < have.length; i++)
      if (!taken[i] && have[i]![w]) {
        taken[i] = 1;
        found++;
        break;
      }
  const recall = found / wanted;
  const precision = have.length ? found / have.length : 0;
  return recallWeight * recall + (1 - recallWeight) * precision;
}

function words(text: string): string[] {
  return (fold(text).match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => NUMBER_WORDS[w] ?? w);
}

/** Same word, or as many typos apart as `typos` forgives the shorter. */
function close(a: string, b: string, typos: TypoRule): boolean {
  if (a === b) return true;
  const max = editsForgiven(Math.min(a.length, b.length), typos);
  return max > 0 && withinEdits(a, b, max);
}

/** A whole word folded for comparison, its inner apostrophes and dots dropped: "World’s" → "worlds". */
const wordKeys = (text: string) =>
  [...text.matchAll(WORD)].map((m) => ({
    at: m.index,
    end: m.index + m[0].length,
    key: fold(m[0]).replace(/['’.]/g, ''),
  }));

/**
 * Marks the whole words of `text` that the quote has (forgiving a typo), as phrases: runs of such
 * words with only spaces between them, kept when they hold at least one word that is not a stop
 * word, so a lone "the" is never marked and a part of a word ("s" of "world’s") never is.
 */
function markQuoted(text: string, quote: string, typos: TypoRule): RichText {
  const wanted = wordKeys(quote).map((w) => w.key);
  const ranges: (readonly [number, number])[] = [];
  let run: { at: number; end: number; key: string }[] = [];
  const endRun = () => {
    if (run.some((w) => !STOP_WORDS.has(w.key))) ranges.push(...run.map((w) => [w.at, w.end] as const));
    run = [];
  };
  for (const word of wordKeys(text)) {
    const previous = run[run.length - 1];
    if (previous && !/^\s+$/.test(text.slice(previous.end, word.at))) endRun();
    if (wanted.some((x) => close(x, NUMBER_WORDS[word.key] ?? word.key, typos))) run.push(word);
    else endRun();
  }
  endRun();
  return markRanges(text, ranges);
}

export function citeReply(answer: AskAnswer): Reply {
  const json = () => askJson(answer);
  if (answer.results.length === 0) {
    return textReply(answer.query, 'No passage in the corpus is close to that quote.', { status: 'empty', json });
  }
  const blocks = answer.results.map((r): ReplyBlock => ({ type: 'excerpt', excerpt: r.excerpt }));
  return replyOf(answer.query, blocks, { isAnswer: true, json });
}
