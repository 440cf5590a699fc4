import { ELLIPSIS, plain, type RichText, type Span } from './reply.js';

/** Appended where text was cut. */
const CUT_MARK = ` ${ELLIPSIS}`;
/** Put before text whose beginning was cut. */
const LEAD_MARK = `${ELLIPSIS} `;

/** Sentence ends (with any closing quote or bracket) followed by a space: the preferred places to cut. */
const SENTENCE_END = /[.!?…]["'”’)\]]*(?=\s)/g;
/** Word ends followed by a space: where to cut when no sentence end will do. */
const WORD_END = /\S(?=\s)/g;
/** How text is cut to fit, each overridable through `FitOptions`. */
export const FIT_DEFAULTS = {
  /** A sentence cut is taken over a word cut when it keeps at least this share of what the word cut keeps. */
  sentencePreference: 0.5,
};

/** The characters [start, end) of a rich text, each span keeping its kind. */
function sliceRich(rich: RichText, end: number, start = 0): RichText {
  const out: Span[] = [];
  let at = 0;
  for (const span of rich) {
    if (at >= end) break;
    const from = Math.max(0, start - at);
    if (from < span.text.length) out.push({ ...span, text: span.text.slice(from, end - at) });
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
  /** Default `FIT_DEFAULTS.sentencePreference`. */
  sentencePreference?: number;
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
  options: FitOptions = {},
): string {
  return headCut(rich, max, render, options).shown;
}

/** `fitRich`'s cut, with how many characters of the plain text it keeps. */
function headCut(
  rich: RichText,
  max: number,
  render: (rich: RichText) => string,
  { mark = true, sentencePreference = FIT_DEFAULTS.sentencePreference }: FitOptions,
): { shown: string; kept: number } {
  const whole = render(rich);
  const text = plain(rich);
  if (whole.length <= max) return { shown: whole, kept: text.length };
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
  const cut =
    sentence !== undefined && sentence >= sentencePreference * (word ?? 0)
      ? sentence
      : // A first word longer than the room: cut inside it, still in the spans, so no escape is split.
        (word ?? longestFitting(text.length, (i) => i + 1, fits));
  return cut !== undefined ? { shown: shown(cut), kept: cut } : { shown: shown(0).slice(0, max), kept: 0 };
}

/** Where the first strong span lies in the plain text, [start, end), spaces around it left out. */
function firstStrong(rich: RichText): [number, number] | undefined {
  let at = 0;
  for (const span of rich) {
    const core = span.text.trim();
    if (span.strong && core) {
      const start = at + span.text.indexOf(core);
      return [start, start + core.length];
    }
    at += span.text.length;
  }
  return undefined;
}

/**
 * `rich` within `max` characters as `fitRich` cuts it, but keeping its first strong span (a figure in
 * its sentence) in view: when a cut from the beginning would lose that span, the words around it are
 * shown instead, as many as fit, taken one before and one after in turn, with "…" on each side where
 * text was cut. A window is cut between words and, as in `fitRich`, before rendering. When even the
 * span alone does not fit, the cut from the beginning is taken.
 */
export function fitAround(
  rich: RichText,
  max: number,
  render: (rich: RichText) => string,
  options: FitOptions = {},
): string {
  const head = headCut(rich, max, render, options);
  const focus = firstStrong(rich);
  if (!focus || head.kept >= focus[1]) return head.shown;
  const text = plain(rich);
  // Where the windows may begin and end: word starts at or before the span and word ends at or after it, nearest first.
  const starts = [...text.matchAll(/(?<!\S)\S/g)]
    .map((m) => m.index)
    .filter((i) => i <= focus[0])
    .reverse();
  const ends = [...text.matchAll(/\S(?!\S)/g)].map((m) => m.index + 1).filter((i) => i >= focus[1]);
  // Window i takes the span and i more words, one before and one after in turn while both sides have words.
  const windows: [number, number][] = [];
  for (let before = 0, after = 0; ;) {
    windows.push([starts[before]!, ends[after]!]);
    const takeBefore = before + 1 < starts.length && (before <= after || after + 1 >= ends.length);
    if (takeBefore) before++;
    else if (after + 1 < ends.length) after++;
    else break;
  }
  const { mark = true } = options;
  const shown = ([from, to]: [number, number]) => {
    const kept = sliceRich(rich, to, from);
    const lead = mark && text.slice(0, from).trim() ? [{ text: LEAD_MARK }] : [];
    const tail = mark && text.slice(to).trim() ? [{ text: CUT_MARK }] : [];
    return render([...lead, ...kept, ...tail]);
  };
  const best = longestFitting(
    windows.length,
    (i) => i,
    (i) => shown(windows[i]!).length <= max,
  );
  return best === undefined ? head.shown : shown(windows[best]!);
}

/** Plain text, escaped by `escape`, within `max` characters: cut as `fitRich` cuts, before escaping. */
export const fitText = (
  text: string,
  max: number,
  escape: (text: string) => string = (t) => t,
  options?: FitOptions,
): string => fitRich([{ text }], max, (rich) => escape(plain(rich)), options);
