/**
 * The platform-neutral answer to a command. The core builds it; each adapter renders it for one
 * platform (escaping, limits and truncation are the renderer's job, never the core's).
 */

/** Where a quoted text comes from, down to the paragraph. */
export interface Citation {
  /** Path relative to the corpus folder. */
  source: string;
  title: string;
  author?: string;
  publisher?: string;
  /** ISO date (YYYY-MM-DD). */
  date?: string;
  paragraph: number;
  heading?: string;
  url?: string;
}

/** A run of text; `strong` marks matched words or figures, which renderers show in bold. */
export interface Span {
  text: string;
  strong?: boolean;
}
export type RichText = Span[];

/** One figure as shown under an excerpt or in a figures answer. `text` is verbatim from `sentence`. */
export interface FigureItem {
  text: string;
  measure?: string;
  when?: string;
  /** The sentence the figure comes from, with the figure marked. */
  sentence: RichText;
  citation: Citation;
}

/** A verbatim excerpt of one passage: one to three sentences, with "…" spans where text was left out. */
export interface Excerpt {
  text: RichText;
  /** The list lead-in for a list item, shown as context. */
  context?: string;
  citation: Citation;
  figures: FigureItem[];
  score: number;
}

export type ReplyBlock =
  | { type: 'text'; text: RichText }
  | { type: 'excerpt'; excerpt: Excerpt }
  | { type: 'figures'; title: string; items: FigureItem[] }
  /** Sources that give different figures for the same measure, shown side by side. */
  | { type: 'disagreement'; measure: string; items: FigureItem[] }
  | { type: 'list'; items: RichText[] };

/** A file the adapter uploads with the reply (a chart). */
export interface Attachment {
  name: string;
  contentType: 'image/png';
  /**
   * The file's bytes, drawn on first call. Drawing a chart takes about 100 ms, so an adapter calls
   * this only where the image is shown (Slack shows none in a private answer, the terminal prints the alt text).
   */
  draw(): Promise<Uint8Array>;
  /** Alt text and caption: what the image shows and its sources. */
  alt: string;
}

export interface Reply {
  /** One line: what this reply answers ("Mérida funding", "Sources in the corpus"). */
  title: string;
  /** `empty`: nothing relevant was found; `error`: the command could not run (see `error`). */
  status: 'ok' | 'empty' | 'error';
  blocks: ReplyBlock[];
  attachments: Attachment[];
  /** How many further results exist beyond those in `blocks`. */
  more: number;
  /** The command and arguments that fetch the next page of results, when `more` > 0. */
  next?: { command: string; args: Record<string, unknown> };
  error?: { code: string; message: string };
  /** Show only to the person who asked (a digest preview): Slack and Discord ephemeral messages. */
  onlyAsker?: boolean;
}

export const text = (s: string, strong = false): RichText => [strong ? { text: s, strong } : { text: s }];

export const plain = (rich: RichText): string => rich.map((s) => s.text).join('');

/**
 * `text` with the characters inside `ranges` ([start, end) offsets, in any order, overlapping or
 * not) marked strong. Every character is kept, in order, so `plain` gives back `text`.
 */
export function markRanges(text: string, ranges: Iterable<readonly [number, number]>): RichText {
  const spans: Span[] = [];
  let last = 0;
  for (const [from, to] of [...ranges]
    .map(([a, b]) => [Math.max(a, 0), Math.min(b, text.length)] as const)
    .sort((a, b) => a[0] - b[0])) {
    if (to <= last || from >= to) continue;
    const start = Math.max(from, last);
    if (start > last) spans.push({ text: text.slice(last, start) });
    const prev = spans[spans.length - 1];
    if (prev?.strong && start === last) prev.text += text.slice(start, to);
    else spans.push({ text: text.slice(start, to), strong: true });
    last = to;
  }
  if (last < text.length) spans.push({ text: text.slice(last) });
  return spans;
}

export function errorReply(code: string, message: string): Reply {
  return { title: message, status: 'error', blocks: [], attachments: [], more: 0, error: { code, message } };
}
