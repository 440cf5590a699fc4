import { ELLIPSIS, plain, type RichText, type Span } from './reply.js';

/** Appended where text was cut. */
const CUT_MARK = ` ${ELLIPSIS}`;

/** Sentence ends (with any closing quote or bracket) followed by a space: the preferred places to cut. */
const SENTENCE_END = /[.!?…]["'”’)\]]*(?=\s)/g;
/** Word ends followed by a space: where to cut when no sentence end will do. */
const WORD_END = /\S(?=\s)/g;
/** A sentence cut is taken over a word cut when it keeps at least this share of what the word cut keeps. */
const SENTENCE_PREFERENCE = 0.5;

/** The first `end` characters of a rich text, spans intact. */
function sliceRich(rich: RichText, end: number): RichText {
  const out: Span[] = [];
  let at = 0;
  for (const span of rich) {
    if (at >= end) break;
    out.push({ ...span, text: span.text.slice(0, end - at) });
    at += span.text.length;
  }
  return out;
}

/**
 * The largest of `count` ascending cuts (`cutAt(0)` … `cutAt(count - 1)`) for which `fits` holds,
 * found by bisection, since the rendering grows with the cut.
 */
function longestFitting(count: number, cutAt: (i: number) => number, fits: (cut: number) => boolean) {
  let best: number | undefined;
  for (let lo = 0, hi = count - 1; lo <= hi;) {
    const mid = (lo + hi) >> 1;
    const cut = cutAt(mid);
    if (fits(cut)) [best, lo] = [cut, mid + 1];
    else hi = mid - 1;
  }
  return best;
}

export interface FitOptions {
  /** Mark the cut with " …" (default true); off for text that is used rather than read, such as a query. */
  mark?: boolean;
}

/**
 * `rich` rendered by `render` within `max` characters: whole when it fits, otherwise cut after the
 * last sentence that fits (after a word when that keeps much more), with " …". The spans are cut
 * before rendering, so the platform's escapes and bold markers always stay whole and paired.
 * Rendering grows with the cut, so the longest cut that fits is found by bisection rather than by
 * rendering once per word.
 */
export function fitRich(
  rich: RichText,
  max: number,
  render: (rich: RichText) => string,
  { mark = true }: FitOptions = {},
): string {
  const whole = render(rich);
  if (whole.length <= max) return whole;
  const text = plain(rich);
  // The mark goes in as a span of its own, inside whatever the rendering wraps around the text.
  const shown = (cut: number) => {
    const kept = sliceRich(rich, cut);
    const last = kept[kept.length - 1];
    if (last) last.text = last.text.trimEnd();
    return render(mark ? [...kept, { text: CUT_MARK }] : kept);
  };
  const fits = (cut: number) => shown(cut).length <= max;
  const atEnds = (pattern: RegExp) => {
    const ends = [...text.matchAll(pattern)].map((m) => m.index + m[0].length);
    return longestFitting(ends.length, (i) => ends[i]!, fits);
  };
  const sentence = atEnds(SENTENCE_END);
  const word = atEnds(WORD_END);
  if (sentence !== undefined && sentence >= SENTENCE_PREFERENCE * (word ?? 0)) return shown(sentence);
  if (word !== undefined) return shown(word);
  // A first word longer than the room: cut inside it, still in the spans, so no escape is split.
  const inWord = longestFitting(text.length, (i) => i + 1, fits);
  return inWord !== undefined ? shown(inWord) : shown(0).slice(0, max);
}

/** Plain text, escaped by `escape`, within `max` characters: cut as `fitRich` cuts, before escaping. */
export const fitText = (
  text: string,
  max: number,
  escape: (text: string) => string = (t) => t,
  options?: FitOptions,
): string => fitRich([{ text }], max, (rich) => escape(plain(rich)), options);
