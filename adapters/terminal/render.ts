import {
  figureQualifier,
  KEY_FIGURES,
  plain,
  type Citation,
  type FigureItem,
  type Reply,
  type RichText,
} from '../../src/answer/reply.js';
import { asWritten } from '../../src/errors.js';
import { formatCitation } from '../../src/render/citation.js';
import { moreResults } from '../../src/render/paging.js';
import { quoted } from '../../src/render/quote.js';

export interface TerminalStyle {
  bold(text: string): string;
  dim(text: string): string;
}

export const ansi: TerminalStyle = { bold: (t) => `\x1b[1m${t}\x1b[22m`, dim: (t) => `\x1b[2m${t}\x1b[22m` };
export const noStyle: TerminalStyle = { bold: (t) => t, dim: (t) => t };

/** Bold and dim only on a terminal, and never when NO_COLOR is set to anything (no-color.org). */
export const styleFor = (stream: { isTTY?: boolean }, env: Record<string, string | undefined>): TerminalStyle =>
  stream.isTTY && !env.NO_COLOR ? ansi : noStyle;

/** The width to wrap at: a terminal's own; text going to a file or a pipe is left unwrapped. */
export const widthOf = (stream: { isTTY?: boolean; columns?: number }): number | undefined =>
  stream.isTTY && stream.columns ? stream.columns : undefined;

/** Control characters from documents or users would move the cursor or recolour the terminal. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const safe = (t: string) => t.replace(CONTROL, '');

/** The terminal shows the document's address as it is, after the other parts. */
const citationLine = (c: Citation): string =>
  formatCitation(c, { escape: safe, title: (title) => `“${title}”`, link: (link) => link });

export interface TerminalRenderOptions {
  /**
   * End a reply that has further results with "N more results: type `more`." (default true). The
   * interactive terminal has `more`; the one-shot `dossier` command has not, so it passes false.
   */
  moreHint?: boolean;
  /** Wrap lines at this many columns, between words (see `wrap`); unset, lines are left as they are. */
  width?: number;
  /** The number of the reply's first result (default 1): a later page of `more` goes on from the one before. */
  firstNumber?: number;
}

/** The one renderer for the terminal: readable text, matched words in bold where the terminal supports it. */
export function renderTerminal(
  reply: Reply,
  style: TerminalStyle = noStyle,
  { moreHint = true, width, firstNumber = 1 }: TerminalRenderOptions = {},
): string {
  const text = renderLines(reply, style, moreHint, firstNumber);
  return width ? wrap(text, width) : text;
}

function renderLines(reply: Reply, style: TerminalStyle, moreHint: boolean, firstNumber: number): string {
  // The bot's own code spans keep their backticks: they are what to type.
  const rich = (r: RichText) =>
    r.map((s) => (s.code ? `\`${safe(s.text)}\`` : s.strong ? style.bold(safe(s.text)) : safe(s.text))).join('');
  // Error messages quote what the user typed (a bad time, an unknown zone): strip controls there too.
  if (reply.error) return safe(asWritten(reply.error.message));
  const out: string[] = [style.bold(safe(reply.title)), ''];
  let n = firstNumber - 1;
  for (const block of reply.blocks) {
    switch (block.type) {
      case 'text':
        out.push(rich(block.text), '');
        break;
      case 'list':
        for (const item of block.items) out.push(`  • ${rich(item)}`);
        out.push('');
        break;
      case 'excerpt': {
        const e = block.excerpt;
        n++;
        // The lines under a result start where its text does, past "9. " or "10. ", as its wrapped lines do.
        const under = ' '.repeat(`${n}. `.length);
        // A list item's lead-in opens its own result, so it is not read as the end of the one before.
        const quote = quoted(plain(e.text), rich(e.text));
        if (e.context) out.push(`${n}. ${style.dim(safe(e.context))}`, `${under}${quote}`);
        else out.push(`${n}. ${quote}`);
        out.push(style.dim(`${under}— ${citationLine(e.citation)}`));
        if (e.figures.length)
          out.push(`${under}${KEY_FIGURES}: ${e.figures.map((f) => figureText(f, style)).join('; ')}`);
        out.push('');
        break;
      }
      case 'figures':
      case 'disagreement':
        out.push(style.bold(safe(block.title)));
        for (const f of block.items) {
          const qualifier = figureQualifier(f);
          const beside = qualifier ? ` (${safe(qualifier)})` : '';
          out.push(
            `  • ${style.bold(safe(f.text))}${beside}: ${quoted(plain(f.sentence), rich(f.sentence))}`,
            style.dim(`    — ${citationLine(f.citation)}`),
          );
        }
        out.push('');
        break;
    }
  }
  for (const a of reply.attachments) out.push(style.dim(`[chart: ${safe(a.alt)}]`));
  if (moreHint && reply.more > 0) out.push(style.dim(`${moreResults(reply.more)}: type \`more\`.`));
  return out.join('\n').trimEnd();
}

/** The styles `ansi` adds, which take no room on the screen. */
// eslint-disable-next-line no-control-regex -- the escape character starts each style
const STYLE_CODE = /\x1b\[[0-9;]*m/g;
const columnsOf = (text: string) => [...text.replace(STYLE_CODE, '')].length;
/** A line's indent and list marker ("  • ", "12. ", "   — "), under which its wrapped lines continue. */
// eslint-disable-next-line no-control-regex -- a style may open the line
const HANGING = /^(?:\x1b\[[0-9;]*m)*\s*(?:(?:[•—]|\d+\.)\s+)?/;

/**
 * Wraps each line at `width` columns between words, continuing under the line's own text past its
 * indent and list marker. A word longer than a line (a link) is left whole, since cutting it would break it.
 */
export function wrap(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => wrapLine(line, width))
    .join('\n');
}

function wrapLine(line: string, width: number): string {
  if (columnsOf(line) <= width) return line;
  const lead = HANGING.exec(line)![0];
  const indent = columnsOf(lead) < width / 2 ? ' '.repeat(columnsOf(lead)) : '';
  const lines: string[] = [];
  let current = lead;
  let used = columnsOf(lead);
  let empty = true;
  for (const word of line.slice(lead.length).split(/ +/)) {
    const size = columnsOf(word);
    if (!empty && used + 1 + size > width) {
      lines.push(current);
      current = indent + word;
      used = indent.length + size;
    } else {
      current += (empty ? '' : ' ') + word;
      used += (empty ? 0 : 1) + size;
    }
    empty = false;
  }
  lines.push(current);
  return lines.join('\n');
}

/** A key figure in the terminal: its text in bold, what it measures after it. */
const figureText = (f: FigureItem, style: TerminalStyle) =>
  style.bold(safe(f.text)) + (f.measure ? ` (${safe(f.measure)})` : '');
