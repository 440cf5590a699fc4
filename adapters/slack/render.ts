import type { types } from '@slack/bolt';
import {
  figureQualifier,
  KEY_FIGURES,
  mergeSpans,
  plain,
  said,
  type Citation,
  type Excerpt,
  type FigureItem,
  type Reply,
  type ReplyBlock,
  type RichText,
} from '../../src/answer/reply.js';
import { formatCitation } from '../../src/render/citation.js';
import { fitAround, fitRich, fitText } from '../../src/render/cut.js';
import { moreResults, restOfList, resumeAt } from '../../src/render/paging.js';
import { quoted } from '../../src/render/quote.js';
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

/** An excerpt that almost fits is cut only while this much room is left for its quote; less would be a stub. */
const MIN_QUOTE = 200;
/** Characters kept, besides the closing blocks themselves, for the note saying how many results were left out. */
const LEFT_OUT_NOTE_RESERVE = 400;

export interface RenderOptions {
  /** The request that produced the reply: adds Share and 👍/👎 to an answer (`Reply.isAnswer`). Omit for posts. */
  request?: SlackRequest;
  /**
   * Share in channel: `offer` it (a private answer), or say it was `done` (the private answer once
   * shared). Omitted where there is nothing to share to (a public answer).
   */
  share?: 'offer' | 'done';
  /** The posted copy of a shared answer names who shared it. */
  sharedBy?: string;
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
  return oneLine(
    inert(s)
      .replace(/\*/g, '\u2217')
      .replace(/~/g, '\u223c')
      .replace(/`/g, '\u02cb')
      .replace(
        /(^|[^\p{L}\p{N}])_|_(?=$|[^\p{L}\p{N}])/gu,
        (_m, before: string | undefined) => `${before ?? ''}\u02cd`,
      ),
  );
}

/** `&`, `<` and `>` escaped and the mass mentions broken: what plain text and code spans both need. */
const inert = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(?=(here|channel|everyone)\b)/gi, '@\u2060');

/** Line breaks as spaces: a newline would end a `>` quote. */
const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, ' ');

/**
 * The bot's own code span. Its text is the bot's, but may quote what someone typed, so it is made
 * inert as plain text is, except that mrkdwn characters need no lookalikes inside code.
 */
const codeMrkdwn = (text: string) => `\`${oneLine(inert(text).replace(/`/g, '\u02cb'))}\``;

/**
 * The characters written as entities (`&amp;`, `&lt;`, `&gt;`) that touch a bold span from outside, moved inside it:
 * `*Johnson&amp;Johnson*` and `*&lt;5 km*` rather than `*Johnson*&amp;*Johnson*` and `&lt;*5 km*`. Slack documents
 * no rule for a `*` beside an entity, only that formatting applies to whole words; with the entity inside, the
 * character beside each marker is the one beside the word in the text (a space or punctuation), as for any bold span,
 * and a title or figure that starts with one is already written so (`*&lt;5 km*`). The text shown is unchanged.
 */
function entitiesInsideBold(rich: RichText): RichText {
  const spans = mergeSpans(rich);
  spans.forEach((span, i) => {
    if (!span.strong) return;
    const [before, after] = [spans[i - 1], spans[i + 1]];
    const lead = before && !before.strong && !before.code ? /[&<>]+$/.exec(before.text) : null;
    if (lead) [before!.text, span.text] = [before!.text.slice(0, lead.index), lead[0] + span.text];
    const trail = after && !after.strong && !after.code ? /^[&<>]+/.exec(after.text) : null;
    if (trail) [after!.text, span.text] = [after!.text.slice(trail[0].length), span.text + trail[0]];
  });
  return mergeSpans(spans);
}

/** A Slack user's id, as a mention writes it: nothing else goes between `<@` and `>`. */
const SLACK_USER_ID = /^[UW][A-Z0-9]+$/;

/**
 * Matched words in bold and the bot's code spans as code, the spaces around a span outside its markers and the
 * characters Slack needs as entities inside them (entitiesInsideBold); a member (`Span.member`) as Slack's mention,
 * which Slack shows each reader as the member's name without `users:read` (delivery keeps it out of a public message).
 */
function richMrkdwn(rich: RichText): string {
  return entitiesInsideBold(rich)
    .map((span) => {
      if (span.code) return codeMrkdwn(span.text);
      if (span.member !== undefined && SLACK_USER_ID.test(span.member)) return `<@${span.member}>`;
      const text = escapeMrkdwn(span.text);
      if (!span.strong || !text.trim()) return text;
      const [, lead, core, trail] = /^(\s*)(.*?)(\s*)$/su.exec(text)!;
      return `${lead}*${core}*${trail}`;
    })
    .join('');
}

/**
 * Shortens mrkdwn that is already rendered (and escaped): the last resort that keeps a section within Slack's limit.
 */
const fit = (mrkdwn: string, max: number) => fitText(mrkdwn, max);

/** Slack links a citation's title; `&` is escaped inside the link as everywhere in mrkdwn. */
const citationMrkdwn = (c: Citation): string =>
  formatCitation(c, {
    escape: escapeMrkdwn,
    title: (title, link) => (link ? `<${link.replace(/&/g, '&amp;')}|“${title}”>` : `“${title}”`),
  });

/**
 * `verbatim`: Slack takes the text as written, making no link of an address ("harbour.example/…"), channel or
 * mention, as it does otherwise: for text a person typed, shown back (a question in a reply's title).
 */
const section = (text: string, verbatim?: true): Block => ({
  type: 'section',
  text: { type: 'mrkdwn', text: fit(text, LIMITS.sectionText), ...(verbatim && { verbatim }) },
});
const context = (text: string): Block => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: fit(text, LIMITS.sectionText) }],
});

/**
 * A figure, its sentence and its citation on one line; a sentence too long for a section is cut around the figure,
 * not the citation.
 */
function figureLine(f: FigureItem): string {
  const qualifier = figureQualifier(f);
  const beside = qualifier ? ` (${escapeMrkdwn(qualifier)})` : '';
  const line = (sentence: RichText) =>
    `• *${escapeMrkdwn(f.text)}*${beside}: ${quoted(plain(sentence), richMrkdwn(sentence))} — ` +
    citationMrkdwn(f.citation);
  return fitAround(f.sentence, LIMITS.sectionText, line);
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
      [citationMrkdwn(e.citation), figures.length ? `${KEY_FIGURES}: ${figures.join('; ')}` : '']
        .filter(Boolean)
        .join('\n'),
    ),
  );
  return blocks;
}

const listBlocks = (items: RichText[]) =>
  sections(
    '',
    items.map((item) => `• ${richMrkdwn(item)}`),
  );

/**
 * How many of a list's first items fit `fits` (which holds for none and, as the list grows, stops holding once): a
 * list too long for the message shows as many whole items as it has room for, rather than none.
 */
function itemsThatFit(items: RichText[], fits: (blocks: Block[]) => boolean): number {
  let [low, high] = [0, items.length];
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(listBlocks(items.slice(0, mid)))) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The blocks for one reply block and how many results it counts as, for the "left out" note. */
function unit(block: ReplyBlock): { blocks: Block[]; results: number; excerpt?: Excerpt } {
  switch (block.type) {
    case 'text':
      return { blocks: [section(richMrkdwn(block.text))], results: 0 };
    case 'list':
      return { blocks: listBlocks(block.items), results: block.items.length };
    case 'excerpt':
      return { blocks: excerptBlocks(block.excerpt), results: 1, excerpt: block.excerpt };
    case 'figures':
    case 'disagreement':
      return {
        blocks: sections(`*${escapeMrkdwn(block.title)}*`, block.items.map(figureLine)),
        results: block.items.length,
      };
  }
}

const size = (blocks: Block[]) => JSON.stringify(blocks).length;

/** Buttons only where they mean something: Share and 👍/👎 on an answer, More results where there are more. */
function actionsBlock(reply: Reply, options: RenderOptions): Block | undefined {
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
  const { request } = options;
  const answer = reply.isAnswer === true && reply.status === 'ok' && request !== undefined;
  if (answer && options.share === 'offer') button(ACTIONS.share, 'Share in channel', buttonValue(request), 'primary');
  if (reply.next) button(ACTIONS.more, 'More results', buttonValue({ c: reply.next.command, a: reply.next.args }));
  if (answer) {
    button(ACTIONS.feedbackUp, '👍', buttonValue(request));
    button(ACTIONS.feedbackDown, '👎', buttonValue(request));
  }
  return buttons.length ? { type: 'actions', block_id: 'dossier_actions', elements: buttons } : undefined;
}

function fallbackText(reply: Reply): string {
  if (reply.error) return fitRich(said(reply.error.message), LIMITS.fallbackText, richMrkdwn);
  const first = reply.blocks.find((b) => b.type === 'excerpt');
  const quote =
    first?.type === 'excerpt'
      ? `: ${quoted(plain(first.excerpt.text))} (${first.excerpt.citation.title}, ¶${first.excerpt.citation.paragraph})`
      : '';
  return fitText(`${reply.title}${quote}`, LIMITS.fallbackText, escapeMrkdwn);
}

/**
 * What a message whose chart is not uploaded with it says before the chart's alt text: how to see the chart. Slack
 * takes no file with a message only its asker sees: an upload is shared into the conversation, for all its members
 * (files.completeUploadExternal has no ephemeral mode), and an image block shows only an image on the public web or a
 * Slack file its viewers may open, which a file uploaded to no conversation is not (Slack's SDK maintainers: only the
 * bot may). So a private answer says why it shows none and that Share posts it.
 */
function chartNotShown(reply: Reply, options: RenderOptions): string {
  return options.share === 'offer' && reply.isAnswer === true
    ? 'Slack shows no chart in a message only you can see; *Share in channel* posts it with the answer'
    : 'Chart';
}

/** The charts' alt texts, what a message without them shows instead. */
const alts = (reply: Reply): string => reply.attachments.map((a) => a.alt).join('; ');

/**
 * The one renderer for Slack: a Reply as Block Kit within Slack's limits. Results that do not fit
 * (50 blocks, about 13k characters) are left out whole, the last one that fits partly is cut at a
 * sentence, and a note says how many were left out.
 */
export function renderSlack(reply: Reply, options: RenderOptions = {}): SlackMessage {
  return renderSlackWhole(reply, options).message;
}

/** Whether `reply` rendered for Slack shows whole: no part left out or shortened for Slack's limits. */
export const fitsSlack = (reply: Reply, options: RenderOptions = {}): boolean => renderSlackWhole(reply, options).whole;

function renderSlackWhole(reply: Reply, options: RenderOptions): { message: SlackMessage; whole: boolean } {
  const text = fallbackText(reply);
  if (reply.status === 'error') {
    const actions = actionsBlock(reply, options);
    return {
      message: {
        text,
        blocks: [
          section(`:warning: ${richMrkdwn(said(reply.error?.message ?? reply.title))}`),
          ...(actions ? [actions] : []),
        ],
      },
      whole: true,
    };
  }
  const chartNote =
    reply.attachments.length && !options.chartUploaded
      ? context(`:bar_chart: ${chartNotShown(reply, options)}: ${escapeMrkdwn(alts(reply))}`)
      : undefined;
  const shareNote =
    options.share === 'done'
      ? context('Shared in the channel.')
      : options.sharedBy
        ? context(`Shared by ${escapeMrkdwn(options.sharedBy)}`)
        : undefined;
  const closing = (next: Reply['next']) =>
    [chartNote, shareNote, actionsBlock({ ...reply, next }, options)].filter((b): b is Block => b !== undefined);
  // Room kept for the closing blocks: the "left out" note, the chart note and the buttons.
  const tail = closing(reply.next);
  const reservedBlocks = tail.length + 1;
  const reservedChars = size(tail) + LEFT_OUT_NOTE_RESERVE;

  const blocks: Block[] = [section(`*${escapeMrkdwn(reply.title)}*`, true)];
  let leftOut = 0;
  let excerptsLeftOut = 0;
  /** Items of a list cut for room (the documents of `sources`), which its `rest` pages to. */
  let itemsLeftOut = 0;
  let cut = false;
  for (const block of reply.blocks) {
    if (block.type === 'excerpt' && leftOut > 0) excerptsLeftOut++;
    if (leftOut > 0) {
      leftOut += unit(block).results;
      continue;
    }
    const u = unit(block);
    const roomBlocks = LIMITS.blocks - reservedBlocks - blocks.length;
    const roomChars = LIMITS.blocksChars - reservedChars - size(blocks);
    const fits = (shown: Block[]) => shown.length <= roomBlocks && size(shown) <= roomChars;
    if (fits(u.blocks)) {
      blocks.push(...u.blocks);
      continue;
    }
    if (block.type === 'list') {
      const shown = itemsThatFit(block.items, fits);
      blocks.push(...listBlocks(block.items.slice(0, shown)));
      leftOut = block.items.length - shown;
      itemsLeftOut = leftOut;
      continue;
    }
    // Shorten an excerpt that almost fits rather than drop it; anything else is left out whole.
    const overhead = u.excerpt ? size(excerptBlocks({ ...u.excerpt, text: [] })) : 0;
    if (u.excerpt && u.blocks.length <= roomBlocks && roomChars - overhead >= MIN_QUOTE) {
      // The quote is cut by characters but the budget is serialised JSON, where a quote mark, tab or
      // control character takes two to six: shorten in proportion until it fits, or leave it out.
      let maxQuote = Math.min(LIMITS.sectionText, roomChars - overhead);
      let shortened = excerptBlocks(u.excerpt, maxQuote);
      while (size(shortened) > roomChars && maxQuote >= MIN_QUOTE) {
        maxQuote = Math.floor((maxQuote * (roomChars - overhead)) / (size(shortened) - overhead)) - 1;
        shortened = excerptBlocks(u.excerpt, maxQuote);
      }
      if (size(shortened) <= roomChars && maxQuote >= MIN_QUOTE) {
        blocks.push(...shortened);
        cut = true;
        continue;
      }
    }
    leftOut = Math.max(u.results, 1);
    if (u.excerpt) excerptsLeftOut++;
  }
  const next = resumeAt(reply.next, excerptsLeftOut) ?? restOfList(reply, itemsLeftOut);
  const notShown = leftOut + reply.more;
  if (notShown > 0) {
    const hint =
      next && (leftOut === 0 || next !== reply.next)
        ? ' Press *More results* to see them.'
        : leftOut > 0 && reply.leftOutHint
          ? ` ${escapeMrkdwn(reply.leftOutHint)}`
          : '';
    blocks.push(context(`${moreResults(notShown)} not shown.${hint}`));
  }
  blocks.push(...closing(next));
  return { message: { text, blocks }, whole: !cut && leftOut === 0 };
}
