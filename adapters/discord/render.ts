import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIEmbedField,
} from 'discord.js';
import { plain, type Citation, type FigureItem, type Reply, type RichText, type Span } from '../../src/answer/reply.js';
import { neutralise } from './escape.js';

/** Discord's limits on a message's embeds (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** Across every embed of one message: titles, descriptions, field names and values, footers. */
  total: 6000,
  embeds: 10,
} as const;

/** A part that does not fit whole is cut to fit only when this much room is left; less would be a stub. */
const MIN_CUT = 160;
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
   * message had no room for when the command pages with an `offset`.
   */
  next?: Reply['next'];
}

/** Draws a reply's charts for `renderDiscord`: Discord shows them in every answer, private or not. */
export const drawAttachments = (reply: Reply): Promise<Uint8Array[]> =>
  Promise.all(reply.attachments.map((a) => a.draw()));

/**
 * The one renderer for Discord: a reply as embeds within every limit, with its charts attached.
 * `images`: each attachment's drawn bytes, in order (see `drawAttachments`); an attachment without them is left out.
 */
export function renderDiscord(reply: Reply, images: Uint8Array[] = []): RenderedReply {
  if (reply.status === 'error') {
    const message = reply.error?.message ?? reply.title;
    return {
      message: discordMessage(
        [
          {
            title: 'Dossier could not answer that',
            description: cutMarkdown(neutralise(message), LIMITS.description),
            color: COLOURS.error,
          },
        ],
        [],
      ),
    };
  }
  const budget = new Budget(LIMITS.total - FOOTER_RESERVE);
  const main: APIEmbed = {
    title: budget.take(cutMarkdown(neutralise(reply.title), LIMITS.title)),
    color: COLOURS[reply.status],
  };
  const embeds: APIEmbed[] = [main];
  const description: string[] = [];
  let excerptsLeftOut = 0;
  let figuresLeftOut = 0;
  let full = false;
  let excerptNumber = 0;

  const addDescription = (part: string, fit: (max: number) => string, isResult: boolean) => {
    if (full) {
      if (isResult) excerptsLeftOut++;
      return;
    }
    const used = description.reduce((n, p) => n + p.length + 2, 0);
    const room = Math.min(LIMITS.description - used, budget.left);
    const text = part.length <= room ? part : room >= MIN_CUT ? fit(room) : undefined;
    if (text === undefined || text !== part) full = true;
    if (text === undefined) {
      if (isResult) excerptsLeftOut++;
      return;
    }
    description.push(budget.take(text));
  };

  for (const block of reply.blocks) {
    switch (block.type) {
      case 'text':
        addDescription(richMarkdown(block.text), (max) => fitRich(block.text, max, richMarkdown), false);
        break;
      case 'list': {
        const format = (items: RichText[]) => items.map((item) => `• ${richMarkdown(item)}`).join('\n');
        addDescription(format(block.items), (max) => cutMarkdown(format(block.items), max), false);
        break;
      }
      case 'excerpt': {
        const e = block.excerpt;
        const n = ++excerptNumber;
        const render = (text: RichText) => excerptMarkdown(n, { ...e, text });
        addDescription(render(e.text), (max) => fitRich(e.text, max, render), true);
        break;
      }
      case 'figures':
      case 'disagreement': {
        const title = block.type === 'figures' ? block.title : `Sources differ on ${block.measure}`;
        if (embeds.length >= LIMITS.embeds || budget.left < MIN_CUT) {
          figuresLeftOut += block.items.length;
          break;
        }
        const embed: APIEmbed = {
          title: budget.take(cutMarkdown(neutralise(title), LIMITS.title)),
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
  if (description.length) main.description = description.join('\n\n');

  const files = reply.attachments.flatMap((a, i) => {
    const image = images[i];
    return image
      ? [{ attachment: Buffer.from(image), name: fileName(a.name, i), description: cutMarkdown(a.alt, 1024) }]
      : [];
  });
  files.forEach((file, i) => {
    const image = { url: `attachment://${file.name}` };
    if (i === 0) main.image = image;
    else if (embeds.length < LIMITS.embeds) embeds.push({ image });
  });

  const next = resumeAt(reply.next, excerptsLeftOut);
  const resumed = next !== reply.next;
  const footer = footerText(
    figuresLeftOut + (resumed ? 0 : excerptsLeftOut),
    reply.more + (resumed ? excerptsLeftOut : 0),
  );
  if (footer) embeds[embeds.length - 1]!.footer = { text: footer };
  return { message: discordMessage(embeds, files), ...(next ? { next } : {}) };
}

/** `next` with its `offset` moved back by the excerpts left out, so More results shows them first. */
function resumeAt(next: Reply['next'], excerptsLeftOut: number): Reply['next'] {
  const offset = next?.args.offset;
  if (!next || excerptsLeftOut === 0 || typeof offset !== 'number') return next;
  return { ...next, args: { ...next.args, offset: Math.max(0, offset - excerptsLeftOut) } };
}

const discordMessage = (embeds: APIEmbed[], files: DiscordMessage['files']): DiscordMessage => ({
  embeds,
  files,
  allowedMentions: { parse: [] },
});

function footerText(omitted: number, more: number): string | undefined {
  const results = (n: number) => `${n} result${n === 1 ? '' : 's'}`;
  const parts = [];
  if (omitted > 0) parts.push(`${results(omitted)} left out to fit Discord's limits`);
  if (more > 0) parts.push(`${results(more)} more: press More results`);
  return parts.length ? parts.join(' · ') : undefined;
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
  lines.push(`**${n}.** “${richMarkdown(e.text)}”`, `— ${citationMarkdown(e.citation)}`);
  if (e.figures.length)
    lines.push(
      `Key figures: ${e.figures.map((f) => `**${neutralise(f.text)}**${f.measure ? ` (${neutralise(f.measure)})` : ''}`).join('; ')}`,
    );
  return lines.join('\n');
}

function figureField(item: FigureItem, room: number): APIEmbedField | undefined {
  const name = cutMarkdown(
    neutralise([item.text, item.measure, item.when].filter(Boolean).join(' · ')),
    LIMITS.fieldName,
  );
  const render = (sentence: RichText) => `“${richMarkdown(sentence)}”\n— ${citationMarkdown(item.citation)}`;
  const max = Math.min(LIMITS.fieldValue, room - name.length);
  if (max < MIN_CUT) return undefined;
  const whole = render(item.sentence);
  return { name, value: whole.length <= max ? whole : fitRich(item.sentence, max, render) };
}

/** “Title” · author, publisher · date · ¶n, and a link when the document gives a web address. */
export function citationMarkdown(c: Citation): string {
  const who = [c.author, c.publisher].filter(Boolean).join(', ');
  const parts = [`*${neutralise(c.title)}*`, who && neutralise(who), c.date && neutralise(c.date), `¶${c.paragraph}`];
  const link = safeUrl(c.url);
  if (link) parts.push(`[link](${link})`);
  return parts.filter(Boolean).join(' · ');
}

/** Only http(s) addresses become links, with the characters that would end a Markdown link encoded. */
function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
    return parsed.href.replace(/[()<> ]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  } catch {
    return undefined;
  }
}

/** Escaped text with `strong` spans in bold; whitespace stays outside the `**` so Discord renders them. */
export function richMarkdown(rich: RichText): string {
  return merge(rich)
    .map((span) => {
      if (!span.strong || !span.text.trim()) return neutralise(span.text);
      const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(span.text)!;
      return `${lead}**${neutralise(core!)}**${trail}`;
    })
    .join('');
}

/** Adjacent spans of the same weight become one, so bold words never meet as `****`. */
function merge(rich: RichText): Span[] {
  const out: Span[] = [];
  for (const span of rich) {
    const last = out[out.length - 1];
    if (last && Boolean(last.strong) === Boolean(span.strong)) last.text += span.text;
    else out.push({ ...span });
  }
  return out;
}

/**
 * Renders `rich` cut short enough that the rendering fits in `max` characters, ending at a sentence
 * (or failing that a word) with "…". Cutting the spans rather than the Markdown keeps `**` paired.
 */
export function fitRich(rich: RichText, max: number, render: (r: RichText) => string): string {
  let rendered = render(rich);
  let limit = plain(rich).length;
  while (rendered.length > max && limit > 0) {
    limit = Math.max(0, Math.min(limit - 1, limit - (rendered.length - max)));
    rendered = render(cutRich(rich, limit));
  }
  return rendered.length <= max ? rendered : cutMarkdown(rendered, max);
}

/** The first `limit` characters of `rich`, cut back to a sentence or word boundary, plus "…". */
export function cutRich(rich: RichText, limit: number): RichText {
  const end = boundary(plain(rich), Math.max(0, limit - 2));
  const out: Span[] = [];
  let at = 0;
  for (const span of rich) {
    if (at >= end) break;
    const text = span.text.slice(0, end - at);
    out.push(span.strong ? { text, strong: true } : { text });
    at += span.text.length;
  }
  out.push({ text: ' …' });
  return out;
}

/** Plain or already-escaped text cut to `max` characters at a sentence or word boundary, with "…". */
export function cutMarkdown(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, boundary(text, max - 2)).trimEnd();
  // A cut after an escaping backslash would escape the ellipsis' space instead.
  while (cut.endsWith('\\')) cut = cut.slice(0, -1);
  return `${cut} …`;
}

/** Where to cut `text` to keep at most `max` characters: after the last full sentence, else the last word. */
function boundary(text: string, max: number): number {
  if (text.length <= max) return text.length;
  const head = text.slice(0, max + 1);
  let sentenceEnd = -1;
  for (const m of head.matchAll(/[.!?…]["'”’)\]]*(?=\s)/g)) sentenceEnd = m.index + m[0].length;
  if (sentenceEnd > max * 0.3) return sentenceEnd;
  const space = head.lastIndexOf(' ');
  return space > max * 0.5 ? space : max;
}

const fileName = (name: string, i: number) => name.replace(/[^\w.-]/g, '_').slice(-80) || `chart-${i + 1}.png`;

/** What a button does; its custom id is `brief:<action>:<flow>`. */
export type ButtonAction = 'share' | 'more' | 'up' | 'down';

export const buttonId = (action: ButtonAction, flow: string) => `brief:${action}:${flow}`;

export function parseButtonId(customId: string): { action: ButtonAction; flow: string } | undefined {
  const m = /^brief:(share|more|up|down):([\w-]{1,64})$/.exec(customId);
  return m ? { action: m[1] as ButtonAction, flow: m[2]! } : undefined;
}

/** Share (on a private answer), More results (when there are more), and 👍/👎 feedback. */
export function replyButtons(
  flow: string,
  { share, more }: { share: boolean; more: boolean },
): APIActionRowComponent<APIButtonComponent>[] {
  const button = (
    action: ButtonAction,
    style: ButtonStyle.Primary | ButtonStyle.Secondary,
    label: { label?: string; emoji?: string },
  ): APIButtonComponent => ({
    type: ComponentType.Button,
    style,
    custom_id: buttonId(action, flow),
    ...(label.label ? { label: label.label } : {}),
    ...(label.emoji ? { emoji: { name: label.emoji } } : {}),
  });
  const buttons: APIButtonComponent[] = [];
  if (share) buttons.push(button('share', ButtonStyle.Primary, { label: 'Share' }));
  if (more) buttons.push(button('more', ButtonStyle.Secondary, { label: 'More results' }));
  buttons.push(
    button('up', ButtonStyle.Secondary, { emoji: '👍' }),
    button('down', ButtonStyle.Secondary, { emoji: '👎' }),
  );
  return [{ type: ComponentType.ActionRow, components: buttons }];
}
