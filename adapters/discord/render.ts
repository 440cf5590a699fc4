import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIEmbedField,
} from 'discord.js';
import {
  KEY_FIGURES,
  figureQualifier,
  mergeSpans,
  plain,
  said,
  type Citation,
  type FigureItem,
  type Reply,
  type RichText,
} from '../../src/answer/reply.js';
import { formatCitation } from '../../src/render/citation.js';
import { fitAround, fitRich, fitText } from '../../src/render/cut.js';
import { moreResults, restOfList, resumeAt } from '../../src/render/paging.js';
import { quoted } from '../../src/render/quote.js';
import { breakMassMentions, neutralise } from './escape.js';

/**
 * Discord's limits on a message's embeds:
 * https://discord.com/developers/docs/resources/message#embed-object-embed-limits
 */
export const LIMITS = {
  title: 256,
  authorName: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** Across every embed of one message: titles, descriptions, field names and values, footers. */
  total: 6000,
  embeds: 10,
} as const;

/**
 * A part that does not fit whole is cut to fit only when this much room is left, and a quote only when this much is
 * left for its own words beside its citation; less would be a stub.
 */
const MIN_CUT = 160;
/** Discord's limit on an attachment's description (its alt text). */
const MAX_FILE_DESCRIPTION = 1024;
/** Room kept for the footer that says how many results were left out. */
const FOOTER_RESERVE = 120;

const COLOURS = { ok: 0x3b82f6, empty: 0x9ca3af, error: 0xdc2626 } as const;

/** What discord.js sends for one reply: pass it to `editReply`, `reply` or `channel.send`. */
export interface DiscordMessage {
  embeds: APIEmbed[];
  files: { attachment: Buffer; name: string; description?: string }[];
  allowedMentions: { parse: [] };
}

export interface RenderedReply {
  message: DiscordMessage;
  /**
   * What More results should fetch: the reply's `next`, moved back to the first excerpt this
   * message had no room for when the command pages with an `offset`; or for a list cut for room, its `rest` from the
   * first item left out.
   */
  next?: Reply['next'];
  /** Whether the message shows the whole reply: no part left out or cut for Discord's limits. */
  whole: boolean;
}

/**
 * The one renderer for Discord: a reply as embeds within every limit, with its charts attached.
 * `images`: each attachment's drawn bytes, in order (see `drawCharts`); an attachment without them is left out.
 */
export function renderDiscord(
  reply: Reply,
  images: Uint8Array[] = [],
  { sharedBy }: { sharedBy?: string } = {},
): RenderedReply {
  if (reply.status === 'error') {
    const message = said(reply.error?.message ?? reply.title);
    return {
      message: discordMessage(
        [
          {
            title: 'Dossier could not answer that',
            description: fitRich(message, LIMITS.description, richMarkdown),
            color: COLOURS.error,
          },
        ],
        [],
      ),
      whole: true,
    };
  }
  const budget = new Budget(LIMITS.total - FOOTER_RESERVE);
  const main: APIEmbed = {
    // An embed's author line is shown as it is, without Markdown or mentions.
    ...(sharedBy ? { author: { name: budget.take(fitText(`Shared by ${sharedBy}`, LIMITS.authorName)) } } : {}),
    title: budget.take(fitText(reply.title, LIMITS.title, neutralise)),
    color: COLOURS[reply.status],
  };
  const embeds: APIEmbed[] = [main];
  // Blocks are shown in the reply's order, as on Slack: text and excerpts go into the description of the embed they
  // follow, a figures block into an embed of its own, and what comes after it into a new embed below (`current` is
  // undefined until then), so a digest's key figures stand under their topic, not after every passage.
  let current: APIEmbed | undefined = main;
  let description: string[] = [];
  const closeDescription = () => {
    if (current && description.length) current.description = description.join('\n\n');
    description = [];
  };
  /** The embed the next text goes into, opened below a figures embed while the message has room for one. */
  const textEmbed = (): APIEmbed | undefined => {
    if (!current && embeds.length < LIMITS.embeds) embeds.push((current = { color: COLOURS[reply.status] }));
    return current;
  };
  let excerptsLeftOut = 0;
  let figuresLeftOut = 0;
  /** Items of a list (the documents of `sources`) with no room: counted beside the figures left out. */
  let itemsLeftOut = 0;
  let full = false;
  let excerptNumber = 0;

  /** Characters the description may still take: its own limit, and the message's. */
  const roomLeft = () => Math.min(LIMITS.description - description.reduce((n, p) => n + p.length + 2, 0), budget.left);

  /** `fit` cuts the part to a length, or gives undefined when what would be left is no use. Whether it was added. */
  const addDescription = (part: string, fit: (max: number) => string | undefined, isResult: boolean): boolean => {
    if (!full && !textEmbed()) full = true;
    if (full) {
      if (isResult) excerptsLeftOut++;
      return false;
    }
    const room = roomLeft();
    const text = part.length <= room ? part : room >= MIN_CUT ? fit(room) : undefined;
    if (text === undefined || text !== part) full = true;
    if (text === undefined) {
      if (isResult) excerptsLeftOut++;
      return false;
    }
    description.push(budget.take(text));
    return true;
  };

  for (const block of reply.blocks) {
    switch (block.type) {
      case 'text':
        addDescription(richMarkdown(block.text), (max) => fitRich(block.text, max, richMarkdown), false);
        break;
      case 'list': {
        // As many whole items as fit, the rest counted in the footer, rather than the list cut through an item.
        const lines = block.items.map((item) => `• ${richMarkdown(item)}`);
        const room = full || !textEmbed() ? 0 : roomLeft();
        let shown = 0;
        for (let length = -1; shown < lines.length && length + 1 + lines[shown]!.length <= room; shown++)
          length += 1 + lines[shown]!.length;
        // A first item longer than all the room there is is cut to it, as any other part.
        const first: RichText = [{ text: '• ' }, ...(block.items[0] ?? [])];
        const kept = Math.min(Math.max(shown, 1), lines.length);
        const fitFirst = (max: number) => fitRich(first, max, richMarkdown);
        const added = addDescription(lines.slice(0, kept).join('\n'), fitFirst, false);
        itemsLeftOut += lines.length - (added ? kept : 0);
        if (kept < lines.length) full = true;
        break;
      }
      case 'excerpt': {
        const e = block.excerpt;
        const n = ++excerptNumber;
        const render = (text: RichText) => excerptMarkdown(n, { ...e, text });
        addDescription(render(e.text), (max) => quoteWithin(e.text, max, render), true);
        break;
      }
      case 'figures':
      case 'disagreement': {
        if (embeds.length >= LIMITS.embeds || budget.left < MIN_CUT) {
          figuresLeftOut += block.items.length;
          break;
        }
        closeDescription();
        current = undefined;
        const embed: APIEmbed = {
          title: budget.take(fitText(block.title, LIMITS.title, neutralise)),
          color: COLOURS.ok,
          fields: [],
        };
        for (const item of block.items) {
          const field = figureField(item, budget.left);
          if (!field || embed.fields!.length >= LIMITS.fields) {
            figuresLeftOut++;
            continue;
          }
          budget.take(field.name + field.value);
          embed.fields!.push(field);
        }
        embeds.push(embed);
        break;
      }
    }
  }
  closeDescription();

  const files = reply.attachments.flatMap((a, i) => {
    const image = images[i];
    return image
      ? [
          {
            attachment: Buffer.from(image),
            name: fileName(a.name, i),
            description: fitText(a.alt, MAX_FILE_DESCRIPTION),
          },
        ]
      : [];
  });
  files.forEach((file, i) => {
    const image = { url: `attachment://${file.name}` };
    if (i === 0) main.image = image;
    else if (embeds.length < LIMITS.embeds) embeds.push({ image });
  });

  const rest = reply.next ? undefined : restOfList(reply, itemsLeftOut);
  const next = rest ?? resumeAt(reply.next, excerptsLeftOut);
  const resumed = next !== reply.next;
  // What More results pages to is counted as such: excerpts an answer resumes at, or the items of a list with a rest.
  const paged = rest ? itemsLeftOut : resumed ? excerptsLeftOut : 0;
  const footer = footerText(
    figuresLeftOut + itemsLeftOut + excerptsLeftOut - paged,
    reply.more + paged,
    reply.leftOutHint,
  );
  if (footer) embeds[embeds.length - 1]!.footer = { text: footer };
  const whole = !full && figuresLeftOut + itemsLeftOut + excerptsLeftOut === 0;
  return { message: discordMessage(embeds, files), ...(next ? { next } : {}), whole };
}

const discordMessage = (embeds: APIEmbed[], files: DiscordMessage['files']): DiscordMessage => ({
  embeds,
  files,
  allowedMentions: { parse: [] },
});

/**
 * How many results this message does not show, in plain words, and how to see them: those that can be paged to with
 * More results, those left out with the reply's own hint (a narrower topic), where it has one. A footer is plain text.
 */
function footerText(omitted: number, more: number, hint: string | undefined): string | undefined {
  const parts = [];
  if (omitted > 0) parts.push(`${moreResults(omitted)} did not fit in this message.${hint ? ` ${hint}` : ''}`);
  if (more > 0) parts.push(`${moreResults(more)}: press More results to see them.`);
  return parts.length ? parts.join(' ') : undefined;
}

/** Counts characters against the 6,000 a message's embeds may hold together. */
class Budget {
  constructor(public left: number) {}
  take(text: string): string {
    this.left -= text.length;
    return text;
  }
}

function excerptMarkdown(
  n: number,
  e: { text: RichText; context?: string; citation: Citation; figures: FigureItem[] },
): string {
  const lines = [];
  if (e.context) lines.push(`*${neutralise(e.context)}*`);
  lines.push(`**${n}.** ${quoted(plain(e.text), richMarkdown(e.text))}`, `— ${citationMarkdown(e.citation)}`);
  const figure = (f: FigureItem) => `**${neutralise(f.text)}**${f.measure ? ` (${neutralise(f.measure)})` : ''}`;
  if (e.figures.length) lines.push(`${KEY_FIGURES}: ${e.figures.map(figure).join('; ')}`);
  return lines.join('\n');
}

function figureField(item: FigureItem, room: number): APIEmbedField | undefined {
  // Named as Slack and the terminal name a figure: its row and time beside it, its measure being the embed's title.
  const qualifier = figureQualifier(item);
  const name = fitText(qualifier ? `${item.text} (${qualifier})` : item.text, LIMITS.fieldName, neutralise);
  const max = Math.min(LIMITS.fieldValue, room - name.length);
  const value = (linked: boolean) => {
    const render = (sentence: RichText) =>
      `${quoted(plain(sentence), richMarkdown(sentence))}\n— ${citationMarkdown(item.citation, linked)}`;
    const whole = render(item.sentence);
    // A sentence cut to fit keeps the figure in view: the words around it, not only its beginning.
    return whole.length <= max ? whole : quoteWithin(item.sentence, max, render, fitAround);
  };
  // A link is never cut, or it would lead nowhere; one too long to leave the sentence room is left out instead, the
  // figure still cited by its title and paragraph, where the whole figure used to be dropped.
  const shown = value(true) ?? value(false);
  return shown === undefined ? undefined : { name, value: shown };
}

/**
 * A quote cut to fit `max` with what is rendered around it (its citation, its figures), or undefined when fewer than
 * MIN_CUT characters would be left for the quote's own words: cut any shorter, it would be a few words, or none and
 * the citation itself cut through its Markdown. `cut` is `fitRich`, or `fitAround` for a figure's sentence.
 */
function quoteWithin(
  quote: RichText,
  max: number,
  render: (quote: RichText) => string,
  cut: typeof fitRich = fitRich,
): string | undefined {
  return max - render([]).length >= MIN_CUT ? cut(quote, max, render) : undefined;
}

/**
 * Discord shows the title in italics and the document's address as a `[link]` after the other parts; `linked` false
 * leaves the address out (see `figureField`).
 */
const citationMarkdown = (c: Citation, linked = true): string =>
  formatCitation(c, {
    escape: neutralise,
    title: (title) => `*${title}*`,
    ...(linked ? { link: (link: string) => `[link](${link})` } : {}),
  });

/**
 * The bot's own code span. Discord shows code as it is, mentions and links included, so only a
 * backtick (which would end it) and a line break are kept out, and a mass mention is broken as
 * elsewhere in case a span ever quotes someone.
 */
const codeMarkdown = (text: string) =>
  `\`${breakMassMentions(text.replace(/`/g, '\u02cb').replace(/\s*[\r\n]+\s*/g, ' '))}\``;

/**
 * Escaped text with `strong` spans in bold and the bot's code spans as code; whitespace stays
 * outside the `**` so Discord renders them.
 */
function richMarkdown(rich: RichText): string {
  return mergeSpans(rich)
    .map((span) => {
      if (span.code) return codeMarkdown(span.text);
      if (!span.strong || !span.text.trim()) return neutralise(span.text);
      const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(span.text)!;
      return `${lead}**${neutralise(core!)}**${trail}`;
    })
    .join('');
}

const fileName = (name: string, i: number) => name.replace(/[^\w.-]/g, '_').slice(-80) || `chart-${i + 1}.png`;

/** What a button does; its custom id is `brief:<action>:<flow>`. */
export type ButtonAction = 'share' | 'more' | 'up' | 'down';

const buttonId = (action: ButtonAction, flow: string) => `brief:${action}:${flow}`;

export function parseButtonId(customId: string): { action: ButtonAction; flow: string } | undefined {
  const m = /^brief:(share|more|up|down):([\w-]{1,64})$/.exec(customId);
  return m ? { action: m[1] as ButtonAction, flow: m[2]! } : undefined;
}

/**
 * Buttons only where they mean something: Share on a private answer (disabled, as "Shared", once
 * used), More results when there are more, 👍/👎 on an answer. No row at all when none applies.
 */
export function replyButtons(
  flow: string,
  { share, more, feedback }: { share?: 'offer' | 'done'; more: boolean; feedback: boolean },
): APIActionRowComponent<APIButtonComponent>[] {
  const button = (
    action: ButtonAction,
    style: ButtonStyle.Primary | ButtonStyle.Secondary,
    label: { label?: string; emoji?: string },
    disabled = false,
  ): APIButtonComponent => ({
    type: ComponentType.Button,
    style,
    custom_id: buttonId(action, flow),
    ...(label.label ? { label: label.label } : {}),
    ...(label.emoji ? { emoji: { name: label.emoji } } : {}),
    ...(disabled ? { disabled } : {}),
  });
  const buttons: APIButtonComponent[] = [];
  if (share)
    buttons.push(
      button('share', ButtonStyle.Primary, { label: share === 'done' ? 'Shared' : 'Share' }, share === 'done'),
    );
  if (more) buttons.push(button('more', ButtonStyle.Secondary, { label: 'More results' }));
  if (feedback)
    buttons.push(
      button('up', ButtonStyle.Secondary, { emoji: '👍' }),
      button('down', ButtonStyle.Secondary, { emoji: '👎' }),
    );
  return buttons.length ? [{ type: ComponentType.ActionRow, components: buttons }] : [];
}
