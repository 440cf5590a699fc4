import type { types } from '@slack/bolt';
import type { Citation, Excerpt, FigureItem, Reply, ReplyBlock, RichText } from '../../src/answer/reply.js';
import { ACTIONS, buttonValue, MAX_BUTTON_VALUE, type SlackRequest } from './buttons.js';

type Block = types.KnownBlock;

/** Block Kit's limits, and ours where Slack's are vaguer than its documentation. */
export const LIMITS = {
  /** Slack refuses a message with more blocks. */
  blocks: 50,
  /** Characters of mrkdwn in one section or context element. */
  sectionText: 3000,
  /**
   * Slack refuses messages whose blocks total about 13k characters (msg_blocks_too_long) although each
   * section may hold 3,000; we measure the serialised blocks, an upper bound, and keep a margin.
   */
  blocksChars: 12_000,
  /** The plain `text` fallback shown in notifications. */
  fallbackText: 3000,
  /** A button's `value`. */
  buttonValue: MAX_BUTTON_VALUE,
} as const;

export interface RenderOptions {
  /** The request that produced the reply: adds the 👍/👎 buttons (and Share when `shareable`). Omit for posts. */
  request?: SlackRequest;
  /** The answer is ephemeral: offer Share in channel, which posts it for everyone. */
  shareable?: boolean;
  /** Whether the adapter uploads the reply's chart with the message; if not, the reply says how to get it. */
  chartUploaded?: boolean;
}

export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/**
 * Makes text from documents or users inert in mrkdwn: `&`, `<` and `>` are escaped (so no `<!channel>`,
 * `<@U…>` or link markup survives), the bare `@here`/`@channel`/`@everyone` words are broken with a
 * word joiner, and the characters that would open bold, strike, code or italics are swapped for
 * lookalikes, so a stray `*` or a triple backtick in a document cannot break the layout. Line breaks
 * become spaces: a newline would end a `>` quote.
 */
export function escapeMrkdwn(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(?=(here|channel|everyone)\b)/gi, '@\u2060')
    .replace(/\*/g, '\u2217')
    .replace(/~/g, '\u223c')
    .replace(/`/g, '\u02cb')
    .replace(/(^|[^\p{L}\p{N}])_|_(?=$|[^\p{L}\p{N}])/gu, (_m, before: string | undefined) => `${before ?? ''}\u02cd`)
    .replace(/\s*[\r\n]+\s*/g, ' ');
}

/** Matched words in bold; the spaces around a span stay outside the `*` so Slack sees the markers. */
export function richMrkdwn(rich: RichText): string {
  return rich
    .map((span) => {
      const text = escapeMrkdwn(span.text);
      if (!span.strong || !text.trim()) return text;
      const [, lead, core, trail] = /^(\s*)(.*?)(\s*)$/su.exec(text)!;
      return `${lead}*${core}*${trail}`;
    })
    .join('');
}

/** The first `end` characters of a rich text, spans intact. */
function sliceRich(rich: RichText, end: number): RichText {
  const out: RichText = [];
  let at = 0;
  for (const span of rich) {
    if (at >= end) break;
    const take = span.text.slice(0, end - at);
    out.push({ ...span, text: take });
    at += span.text.length;
  }
  return out;
}

/**
 * Renders `rich` with `render` within `max` characters: whole when it fits, otherwise cut after the
 * last sentence that fits (after a word if no sentence does) and marked with "…".
 */
export function fitRich(rich: RichText, max: number, render: (r: RichText) => string = richMrkdwn): string {
  const whole = render(rich);
  if (whole.length <= max) return whole;
  const plainText = rich.map((s) => s.text).join('');
  const cuts = (pattern: RegExp) => [...plainText.matchAll(pattern)].map((m) => m.index + m[0].trimEnd().length);
  const shown = (cut: number) => `${render(sliceRich(rich, cut)).trimEnd()} …`;
  for (const candidates of [cuts(/[.!?…]["”’)\]]*\s+/g), cuts(/\S\s+/g)]) {
    // The rendering grows with the cut, so the longest cut that fits is found by bisection: trying
    // every cut from the end rendered a long paragraph once per word, seconds for one message.
    let fitting: string | undefined;
    for (let lo = 0, hi = candidates.length - 1; lo <= hi;) {
      const mid = (lo + hi) >> 1;
      const text = shown(candidates[mid]!);
      if (text.length <= max) [fitting, lo] = [text, mid + 1];
      else hi = mid - 1;
    }
    if (fitting !== undefined) return fitting;
  }
  return `${whole.slice(0, Math.max(0, max - 2))} …`;
}

/** Shortens mrkdwn that is already rendered (and escaped): the last resort that keeps a section within Slack's limit. */
const fit = (mrkdwn: string, max: number) => fitRich([{ text: mrkdwn }], max, (r) => r.map((s) => s.text).join(''));

/** Only plain web links become Slack links; anything else could smuggle markup through the `<url|label>` form. */
const safeUrl = (url: string | undefined) =>
  url && /^https?:\/\/[^\s<>|]+$/.test(url) ? url.replace(/&/g, '&amp;') : undefined;

export function citationMrkdwn(c: Citation): string {
  const title = `“${escapeMrkdwn(c.title)}”`;
  const url = safeUrl(c.url);
  const who = [c.author, c.publisher]
    .filter(Boolean)
    .map((s) => escapeMrkdwn(s!))
    .join(', ');
  const where = [c.heading ? `§ ${escapeMrkdwn(c.heading)}` : '', `¶${c.paragraph}`].filter(Boolean).join(' ');
  return [url ? `<${url}|${title}>` : title, who, c.date ? escapeMrkdwn(c.date) : '', where]
    .filter(Boolean)
    .join(' · ');
}

const section = (text: string): Block => ({
  type: 'section',
  text: { type: 'mrkdwn', text: fit(text, LIMITS.sectionText) },
});
const context = (text: string): Block => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: fit(text, LIMITS.sectionText) }],
});

function figureLine(f: FigureItem): string {
  const when = f.when ? ` (${escapeMrkdwn(f.when)})` : '';
  return `• *${escapeMrkdwn(f.text)}*${when}: “${richMrkdwn(f.sentence)}” — ${citationMrkdwn(f.citation)}`;
}

/** Lines grouped into as few sections as fit 3,000 characters each. */
function sections(heading: string, lines: string[]): Block[] {
  const out: Block[] = [];
  let current = heading;
  for (const line of lines) {
    if (current && current.length + 1 + line.length > LIMITS.sectionText) {
      out.push(section(current));
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) out.push(section(current));
  return out;
}

/** An excerpt as a quote, matched words bold; `maxQuote` shortens it at a sentence when space runs out. */
function excerptBlocks(e: Excerpt, maxQuote: number = LIMITS.sectionText): Block[] {
  const blocks: Block[] = [];
  if (e.context) blocks.push(context(`_${escapeMrkdwn(e.context)}_`));
  blocks.push({
    type: 'section',
    text: { type: 'mrkdwn', text: fitRich(e.text, maxQuote, (r) => `> ${richMrkdwn(r)}`) },
  });
  const figures = e.figures.map((f) => `*${escapeMrkdwn(f.text)}*${f.measure ? ` (${escapeMrkdwn(f.measure)})` : ''}`);
  blocks.push(
    context(
      [citationMrkdwn(e.citation), figures.length ? `Key figures: ${figures.join('; ')}` : '']
        .filter(Boolean)
        .join('\n'),
    ),
  );
  return blocks;
}

/** The blocks for one reply block and how many results it counts as, for the "left out" note. */
function unit(block: ReplyBlock): { blocks: Block[]; results: number; excerpt?: Excerpt } {
  switch (block.type) {
    case 'text':
      return { blocks: [section(richMrkdwn(block.text))], results: 0 };
    case 'list':
      return {
        blocks: sections(
          '',
          block.items.map((item) => `• ${richMrkdwn(item)}`),
        ),
        results: block.items.length,
      };
    case 'excerpt':
      return { blocks: excerptBlocks(block.excerpt), results: 1, excerpt: block.excerpt };
    case 'figures':
      return {
        blocks: sections(`*${escapeMrkdwn(block.title)}*`, block.items.map(figureLine)),
        results: block.items.length,
      };
    case 'disagreement':
      return {
        blocks: sections(`*Sources differ on ${escapeMrkdwn(block.measure)}:*`, block.items.map(figureLine)),
        results: block.items.length,
      };
  }
}

const size = (blocks: Block[]) => JSON.stringify(blocks).length;

function actionsBlock(reply: Reply, request: SlackRequest | undefined, shareable: boolean): Block | undefined {
  const buttons: types.Button[] = [];
  const button = (action_id: string, text: string, value: string | undefined, style?: 'primary') => {
    if (value)
      buttons.push({
        type: 'button',
        action_id,
        text: { type: 'plain_text', text, emoji: true },
        value,
        ...(style ? { style } : {}),
      });
  };
  if (request && shareable) button(ACTIONS.share, 'Share in channel', buttonValue(request), 'primary');
  if (reply.next) button(ACTIONS.more, 'More results', buttonValue({ c: reply.next.command, a: reply.next.args }));
  if (request && reply.status !== 'error') {
    button(ACTIONS.feedbackUp, '👍', buttonValue(request));
    button(ACTIONS.feedbackDown, '👎', buttonValue(request));
  }
  return buttons.length ? { type: 'actions', block_id: 'dossier_actions', elements: buttons } : undefined;
}

function fallbackText(reply: Reply): string {
  const first = reply.blocks.find((b) => b.type === 'excerpt');
  const lead = reply.error ? reply.error.message : reply.title;
  const quote =
    first?.type === 'excerpt'
      ? `: “${first.excerpt.text.map((s) => s.text).join('')}” (${first.excerpt.citation.title}, ¶${first.excerpt.citation.paragraph})`
      : '';
  return fitRich([{ text: `${lead}${quote}` }], LIMITS.fallbackText, (r) =>
    escapeMrkdwn(r.map((s) => s.text).join('')),
  );
}

/**
 * The one renderer for Slack: a Reply as Block Kit within Slack's limits. Results that do not fit
 * (50 blocks, about 13k characters) are left out whole, the last one that fits partly is cut at a
 * sentence, and a note says how many were left out.
 */
export function renderSlack(reply: Reply, options: RenderOptions = {}): SlackMessage {
  const text = fallbackText(reply);
  if (reply.status === 'error') {
    const actions = actionsBlock(reply, undefined, false);
    return {
      text,
      blocks: [
        section(`:warning: ${escapeMrkdwn(reply.error?.message ?? reply.title)}`),
        ...(actions ? [actions] : []),
      ],
    };
  }
  const chartNote =
    reply.attachments.length && !options.chartUploaded
      ? context(
          `:bar_chart: ${options.shareable ? 'Share in channel to post the chart' : 'Chart'}: ${escapeMrkdwn(reply.attachments.map((a) => a.alt).join('; '))}`,
        )
      : undefined;
  const closing = (next: Reply['next']) =>
    [chartNote, actionsBlock({ ...reply, next }, options.request, options.shareable ?? false)].filter(
      (b): b is Block => b !== undefined,
    );
  // Room kept for the closing blocks: the "left out" note, the chart note and the buttons.
  const tail = closing(reply.next);
  const reservedBlocks = tail.length + 1;
  const reservedChars = size(tail) + 400;

  const blocks: Block[] = [section(`*${escapeMrkdwn(reply.title)}*`)];
  let leftOut = 0;
  let excerptsLeftOut = 0;
  for (const block of reply.blocks) {
    if (block.type === 'excerpt' && leftOut > 0) excerptsLeftOut++;
    if (leftOut > 0) {
      leftOut += unit(block).results;
      continue;
    }
    const u = unit(block);
    const roomBlocks = LIMITS.blocks - reservedBlocks - blocks.length;
    const roomChars = LIMITS.blocksChars - reservedChars - size(blocks);
    if (u.blocks.length <= roomBlocks && size(u.blocks) <= roomChars) {
      blocks.push(...u.blocks);
      continue;
    }
    // Shorten an excerpt that almost fits rather than drop it; anything else is left out whole.
    const overhead = u.excerpt ? size(excerptBlocks({ ...u.excerpt, text: [] })) : 0;
    if (u.excerpt && u.blocks.length <= roomBlocks && roomChars - overhead >= 200) {
      // The quote is cut by characters but the budget is serialised JSON, where a quote mark, tab or
      // control character takes two to six: shorten in proportion until it fits, or leave it out.
      let maxQuote = Math.min(LIMITS.sectionText, roomChars - overhead);
      let shortened = excerptBlocks(u.excerpt, maxQuote);
      while (size(shortened) > roomChars && maxQuote >= 200) {
        maxQuote = Math.floor((maxQuote * (roomChars - overhead)) / (size(shortened) - overhead)) - 1;
        shortened = excerptBlocks(u.excerpt, maxQuote);
      }
      if (size(shortened) <= roomChars && maxQuote >= 200) {
        blocks.push(...shortened);
        continue;
      }
    }
    leftOut = Math.max(u.results, 1);
    if (u.excerpt) excerptsLeftOut++;
  }
  const next = resumeAt(reply.next, excerptsLeftOut);
  const notShown = leftOut + reply.more;
  if (notShown > 0) {
    const hint = next && (leftOut === 0 || next !== reply.next) ? ' Press *More results* to see them.' : '';
    blocks.push(context(`${notShown} more result${notShown === 1 ? '' : 's'} not shown.${hint}`));
  }
  blocks.push(...closing(next));
  return { text, blocks };
}

/**
 * "More results" must not skip the excerpts this message had no room for: a paged command's next
 * `offset` is moved back by that many.
 */
function resumeAt(next: Reply['next'], excerptsLeftOut: number): Reply['next'] {
  const offset = next?.args.offset;
  if (!next || excerptsLeftOut === 0 || typeof offset !== 'number') return next;
  return { ...next, args: { ...next.args, offset: Math.max(0, offset - excerptsLeftOut) } };
}
