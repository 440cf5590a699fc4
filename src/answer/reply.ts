import type { DocumentMeta } from '../corpus/types.js';
import { DossierError, TYPED_BACKTICK, type ErrorCode } from '../errors.js';
import type { Logger } from '../log.js';

/**
 * The platform-neutral answer to a command. The core builds it; each adapter renders it for one
 * platform (escaping, limits and truncation are the renderer's job, never the core's).
 */

/** Where a quoted text comes from, down to the paragraph, with its document's title, author, publisher, date, link. */
export interface Citation extends Pick<DocumentMeta, 'title' | 'author' | 'publisher' | 'date' | 'url'> {
  /** Path relative to the corpus folder. */
  source: string;
  /** Counted from the document's start (`Passage.paragraph`), not from `heading`. */
  paragraph: number;
  /** The section the paragraph is in, shown apart from its number. */
  heading?: string;
}

/**
 * The publisher as a byline shows it after the author: none where the author's last part already names it (the
 * author "Property Services, Larchfield Homes" of a document Larchfield Homes published, or one author and publisher),
 * which read "Property Services, Larchfield Homes, Larchfield Homes".
 */
export function publisherBesides(author: string | undefined, publisher: string | undefined): string | undefined {
  const last = author?.split(',').at(-1)!.trim().toLowerCase();
  return publisher && last === publisher.trim().toLowerCase() ? undefined : publisher;
}

/** A run of text; `strong` marks matched words or figures, which renderers show in bold. */
export interface Span {
  text: string;
  strong?: boolean;
  /**
   * The bot's own markup: a command or value it shows as code (`sources`). Set only on the bot's
   * own words (see `said`), never on text from documents or users, which renderers always escape.
   */
  code?: boolean;
  /**
   * A member of the chat by the platform's id for them, where the bot could not learn the name the platform shows
   * (Slack without `users:read`): a platform that can write the member as its readers see them, without telling the
   * member, does so (Slack's `<@U1>` in a message only the asker sees); `text` is what every other place shows.
   */
  member?: string;
}
export type RichText = Span[];

/** One figure as shown under an excerpt or in a figures answer. `text` is verbatim from `sentence`. */
export interface FigureItem {
  text: string;
  measure?: string;
  /** The table row the figure stands in ("Starter" for a plan's "$19"), where its measure is its column's. */
  row?: string;
  when?: string;
  /** The sentence the figure comes from, with the figure marked. */
  sentence: RichText;
  citation: Citation;
}

/**
 * What a figure in a figures answer is shown with, after it in brackets: its table row and its time ("Starter",
 * "2025-26"). The measure is the group's title there; without the row, a table's figures under one column ("$19",
 * "$79") said nothing of which was which but in their quotes.
 */
export const figureQualifier = (f: Pick<FigureItem, 'row' | 'when'>): string | undefined =>
  [f.row, f.when].filter(Boolean).join(', ') || undefined;

/** What a 👍 or 👎 under an answer is answered with, to the presser alone, on every platform. */
export const FEEDBACK_THANKS = 'Thanks, your feedback is noted.';

/** What leads the figures shown under an excerpt, in every renderer ("Key figures: …"). */
export const KEY_FIGURES = 'Key figures';

/** Where an excerpt leaves text of its passage out: part of the reply, so that renderers cut text the same way. */
export const ELLIPSIS = '…';

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
  /** Sources that give different figures for the same measure, shown side by side; `title` says so and names it. */
  | { type: 'disagreement'; title: string; items: FigureItem[] }
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
  /** A short title, a few words (the chart's heading), where the platform names the file. */
  title: string;
  /** Alt text and caption: what the image shows and its sources. */
  alt: string;
}

export interface Reply {
  /** One line: what this reply answers ("harbour dredging", "Sources in the corpus"). */
  title: string;
  /** `empty`: nothing relevant was found; `error`: the command could not run (see `error`). */
  status: 'ok' | 'empty' | 'error';
  blocks: ReplyBlock[];
  attachments: Attachment[];
  /** How many further results exist beyond those in `blocks`. */
  more: number;
  /** The command and arguments that fetch the next page of results, when `more` > 0. */
  next?: { command: string; args: Record<string, unknown> };
  /**
   * For a reply whose list comes whole (`sources`): the command and arguments that list what follows it, its `offset`
   * just past the last item. A platform with no room for every item moves the offset back to the first one it left
   * out (`restOfList`) and offers that as More results, so that a long list pages as an answer does.
   */
  rest?: { command: string; args: Record<string, unknown> };
  /**
   * For a reply that does not page (no `next`): one sentence saying how to see results a platform had no room for,
   * which renderers add to their "N more results not shown" line (`figures`: name a narrower topic).
   */
  leftOutHint?: string;
  error?: { code: ErrorCode; message: string };
  /** Show only to the person who asked (a digest preview): Slack and Discord ephemeral messages. */
  onlyAsker?: boolean;
  /**
   * An answer found in the corpus (passages or figures): the platforms offer Share and 👍/👎 on it,
   * and on nothing else (help, lists, notices, "nothing answers this").
   */
  isAnswer?: boolean;
  /**
   * Show to everyone in the channel, even where answers are private at first (a document added:
   * what arrives is news to the whole team).
   */
  toChannel?: boolean;
  /**
   * A short reply the whole channel is shown besides this one, which only the asker sees: a change to what the channel
   * gets (its digest set up, changed, paused, resumed or stopped), which the others would otherwise learn of from the
   * first post, or its absence, alone. Where the reply itself is shown to the channel (an answer to a Slack mention, in
   * its thread), the channel has it already, and the note is not shown.
   */
  channelNote?: Reply;
  /**
   * The answer as `dossier … --json` prints it (`ask` and `cite`: `askJson`), made only when asked for: the command
   * line prints it from the reply the command table gave, so the table's refusals apply and the search runs once.
   */
  json?: () => unknown;
}

export const text = (s: string, strong = false): RichText => [strong ? { text: s, strong } : { text: s }];

export const plain = (rich: RichText): string => rich.map((s) => s.text).join('');

/** A backtick that is the bot's markup: one not marked as typed (TYPED_BACKTICK, a word joiner before it). */
export const CODE_MARK = /(?<!\u2060)`/;

/**
 * The bot's own words, with `code` spans between backticks: "Try `sources`." Only for text the bot
 * writes; text from documents and users goes in plain spans, so its backticks stay text. Words a
 * message quotes from someone come marked by `typed`: their backticks stay backticks, in the span they fall in.
 */
export function said(text: string): RichText {
  return text
    .split(CODE_MARK)
    .map((part, i) => {
      const literal = part.replaceAll(TYPED_BACKTICK, '`');
      return i % 2 ? { text: literal, code: true } : { text: literal };
    })
    .filter((span) => span.text);
}

/** A span that is text alone, neither the bot's code nor a member (`Span.member`), which merge with their like. */
const ofText = (span: Span) => !span.code && span.member === undefined;

/** Adjacent spans of the same kind become one, so renderers never write markers back to back (`****`). */
export function mergeSpans(rich: RichText): RichText {
  const out: Span[] = [];
  for (const span of rich) {
    if (!span.text) continue;
    const last = out[out.length - 1];
    if (last && ofText(last) && ofText(span) && Boolean(last.strong) === Boolean(span.strong)) last.text += span.text;
    else out.push({ ...span });
  }
  return out;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** Apostrophes and dots inside a word: "world’s", "U.S", "1.6". */
const JOINER = /['’.]/;
const DIGIT = /\d/;
/** Only spaces between two marks: they are one marked phrase. */
const PHRASE_GAP = /^[ \t\u00a0]+$/;

/** [from, to) widened to whole words, so a mark never starts or ends inside one. */
function wholeWords(text: string, from: number, to: number): [number, number] {
  const isWord = (i: number) => i >= 0 && i < text.length && WORD_CHAR.test(text[i]!);
  const isDigit = (i: number) => DIGIT.test(text[i] ?? '');
  // A comma between digits groups a number's thousands ("50,000"): inside the number, as the dot is inside "1.6".
  const joins = (i: number) =>
    (JOINER.test(text[i] ?? '') && isWord(i - 1) && isWord(i + 1)) ||
    (text[i] === ',' && isDigit(i - 1) && isDigit(i + 1));
  // Whether the boundary before character i falls inside a word.
  const inside = (i: number) => (isWord(i - 1) || joins(i - 1)) && (isWord(i) || joins(i));
  let start = from;
  let end = to;
  while (start > 0 && inside(start)) start--;
  while (end < text.length && inside(end)) end++;
  // A mention's sign opening the word goes with it ("@everyone", "@here"): each platform makes a mass mention inert
  // where it stands whole in one span; a mark after the "@" would leave "@**everyone**" unescaped, inert only because
  // the marks split it.
  if (text[start - 1] === '@' && !isWord(start - 2)) start--;
  // An abbreviation of single letters keeps its final dot: U.S. rather than U.S followed by a dot.
  if (text[end] === '.' && /^(?:\p{L}\.)+\p{L}$/u.test(text.slice(start, end))) end++;
  return [start, end];
}

/**
 * `text` with the characters inside `ranges` ([start, end) offsets, in any order, overlapping or
 * not) marked strong, each widened to whole words, and marks with only spaces between them joined
 * into one phrase. Every character is kept, in order, so `plain` gives back `text`.
 */
export function markRanges(text: string, ranges: Iterable<readonly [number, number]>): RichText {
  const marks: [number, number][] = [];
  for (const [from, to] of [...ranges]
    .map(([a, b]) => [Math.max(a, 0), Math.min(b, text.length)] as const)
    .filter(([a, b]) => a < b)
    .map(([a, b]) => wholeWords(text, a, b))
    .sort((a, b) => a[0] - b[0])) {
    const last = marks[marks.length - 1];
    if (last && (from <= last[1] || PHRASE_GAP.test(text.slice(last[1], from)))) last[1] = Math.max(last[1], to);
    else marks.push([from, to]);
  }
  const spans: Span[] = [];
  let at = 0;
  for (const [from, to] of marks) {
    if (from > at) spans.push({ text: text.slice(at, from) });
    spans.push({ text: text.slice(from, to), strong: true });
    at = to;
  }
  if (at < text.length) spans.push({ text: text.slice(at) });
  return spans;
}

/** The line that stands in for a chart that could not be drawn, saying why. */
export const chartLeftOut = (why: string): ReplyBlock => ({ type: 'text', text: [{ text: `Chart left out: ${why}` }] });

/**
 * Draws a reply's charts, for an adapter about to show them. A chart that cannot be drawn now
 * (the chart workers busy, no font) is left out of the reply with a line saying why, so the
 * answer itself still goes out; a failure nobody foresaw is logged.
 */
export async function drawCharts(
  reply: Reply,
  log?: Pick<Logger, 'warn'>,
): Promise<{ reply: Reply; images: Uint8Array[] }> {
  const drawn = await Promise.allSettled(reply.attachments.map((a) => a.draw()));
  const images: Uint8Array[] = [];
  const attachments: Attachment[] = [];
  const notes: ReplyBlock[] = [];
  drawn.forEach((result, i) => {
    if (result.status === 'fulfilled') {
      images.push(result.value);
      attachments.push(reply.attachments[i]!);
    } else if (result.reason instanceof DossierError) notes.push(chartLeftOut(result.reason.message));
    else {
      log?.warn({ err: String(result.reason) }, 'a chart could not be drawn');
      notes.push(chartLeftOut('it could not be drawn.'));
    }
  });
  return notes.length
    ? { reply: { ...reply, attachments, blocks: [...reply.blocks, ...notes] }, images }
    : { reply, images };
}

/** A number with its noun, plural but for one: "1 passage", "3 passages". */
export const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

/**
 * Items as a sentence lists them: "a, b and c" (`last` "and") or "a, b or c"; one alone, undefined for none. The one
 * way a reply joins a list in words.
 */
export const listed = (items: readonly string[], last: 'and' | 'or'): string | undefined =>
  items.length > 1 ? `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}` : items[0];

/**
 * The plain line over a partial match ("These passages only partly match the question"), naming what the closest
 * result does not mention, what it has only as a related word (`heldAs`: "has “automobile” only as “car”"), and what
 * it does not give of what was asked for (`lacking`: "gives no figure"): the reader sees the quotes and judges them.
 * One wording for `ask`, `figures` and the digest, which differ only in what they show and what was asked for.
 */
export function partlyBlock(
  shown: 'passages' | 'figures',
  asked: 'question' | 'topic' | 'topics',
  unmatched: string[],
  lacking?: string,
  heldAs: [word: string, as: string][] = [],
): ReplyBlock {
  const lead = `These ${shown} only partly match the ${asked}`;
  const list = listed(
    unmatched.map((w) => `“${w}”`),
    'or',
  );
  const related = listed(
    heldAs.map(([word, as]) => `“${word}” only as “${as}”`),
    'and',
  );
  const why = [list && `does not mention ${list}`, related && `has ${related}`, lacking].filter(Boolean).join(' and ');
  return { type: 'text', text: [{ text: why ? `${lead}: the closest ${why}.` : `${lead}.` }] };
}

/** A reply of `blocks` and nothing else (no attachment, nothing more to page); `over` sets any other field. */
export const replyOf = (title: string, blocks: ReplyBlock[], over: Partial<Reply> = {}): Reply => ({
  title,
  status: 'ok',
  blocks,
  attachments: [],
  more: 0,
  ...over,
});

/** `reply`'s blocks with the rich text of each paragraph and list item passed through `map`; others as they are. */
export function mapRichText(reply: Reply, map: (rich: RichText) => RichText): ReplyBlock[] {
  return reply.blocks.map((block) =>
    block.type === 'text'
      ? { ...block, text: map(block.text) }
      : block.type === 'list'
        ? { ...block, items: block.items.map(map) }
        : block,
  );
}

/** `reply` with every member span (`Span.member`) as its text alone: for a message that others see too. */
export const withoutMembers = (reply: Reply): Reply => ({
  ...reply,
  blocks: mapRichText(reply, (rich) => rich.map(({ member: _member, ...span }) => span)),
});

/** A reply of one paragraph: `body` as plain text (it may quote what someone typed), or the bot's own rich text. */
export const textReply = (title: string, body: string | RichText, over: Partial<Reply> = {}): Reply =>
  replyOf(title, [{ type: 'text', text: typeof body === 'string' ? [{ text: body }] : body }], over);

export function errorReply(code: ErrorCode, message: string): Reply {
  return replyOf(message, [], { status: 'error', error: { code, message } });
}

/**
 * Why a question (or a `figures` topic) was not searched, in one line, or nothing when it was: one of symbols alone
 * ("???", an emoji), or of common words alone ("how much", "why"). "Nothing in the corpus answers" would blame the
 * corpus, and "try other words" not say which to add; `example` is one that says what it is about. A greeting ("hi",
 * "thanks!") is such a question too: the line also points to `help`.
 */
export function notSearchedLine(
  query: string,
  onlyCommonWords: boolean | undefined,
  what: 'question' | 'topic',
  example: string,
): string | undefined {
  if (!/[\p{L}\p{N}]/u.test(query))
    return `That ${what} has no words to look for: ${what === 'question' ? 'ask it' : 'name it'} in words.`;
  if (onlyCommonWords)
    return (
      `That ${what} has only words too common to look for: say what it is about, as in \`${example}\`, ` +
      'or see `help` for the commands.'
    );
  return undefined;
}
