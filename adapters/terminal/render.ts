import { type Citation, type Reply, type RichText } from '../../src/answer/reply.js';
import { formatCitation } from '../../src/render/citation.js';
import { moreResults } from '../../src/render/paging.js';

export interface TerminalStyle {
  bold(text: string): string;
  dim(text: string): string;
}

export const ansi: TerminalStyle = { bold: (t) => `\x1b[1m${t}\x1b[22m`, dim: (t) => `\x1b[2m${t}\x1b[22m` };
export const noStyle: TerminalStyle = { bold: (t) => t, dim: (t) => t };

/** Control characters from documents or users would move the cursor or recolour the terminal. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const safe = (t: string) => t.replace(CONTROL, '');

/** The terminal shows the document's address as it is, after the other parts. */
export const citationLine = (c: Citation): string =>
  formatCitation(c, { escape: safe, title: (title) => `“${title}”`, link: (link) => link });

export interface TerminalRenderOptions {
  /**
   * End a reply that has further results with "N more results: type `more`." (default true). The
   * interactive terminal has `more`; the one-shot `dossier` command has not, so it passes false.
   */
  moreHint?: boolean;
}

/** The one renderer for the terminal: readable text, matched words in bold where the terminal supports it. */
export function renderTerminal(
  reply: Reply,
  style: TerminalStyle = noStyle,
  { moreHint = true }: TerminalRenderOptions = {},
): string {
  // The bot's own code spans keep their backticks: they are what to type.
  const rich = (r: RichText) =>
    r.map((s) => (s.code ? `\`${safe(s.text)}\`` : s.strong ? style.bold(safe(s.text)) : safe(s.text))).join('');
  const out: string[] = [style.bold(safe(reply.title)), ''];
  // Error messages quote what the user typed (a bad time, an unknown zone): strip controls there too.
  if (reply.error) return safe(reply.error.message);
  let n = 0;
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
        if (e.context) out.push(style.dim(`   ${safe(e.context)}`));
        out.push(`${n}. “${rich(e.text)}”`, style.dim(`   — ${citationLine(e.citation)}`));
        if (e.figures.length)
          out.push(
            `   Key figures: ${e.figures.map((f) => style.bold(safe(f.text)) + (f.measure ? ` (${safe(f.measure)})` : '')).join('; ')}`,
          );
        out.push('');
        break;
      }
      case 'figures':
      case 'disagreement':
        out.push(style.bold(safe(block.type === 'figures' ? block.title : `Sources differ on ${block.measure}:`)));
        for (const f of block.items)
          out.push(
            `  • ${style.bold(safe(f.text))}${f.when ? ` (${safe(f.when)})` : ''}: “${rich(f.sentence)}”`,
            style.dim(`    — ${citationLine(f.citation)}`),
          );
        out.push('');
        break;
    }
  }
  for (const a of reply.attachments) out.push(style.dim(`[chart: ${safe(a.alt)}]`));
  if (moreHint && reply.more > 0) out.push(style.dim(`${moreResults(reply.more)}: type \`more\`.`));
  return out.join('\n').trimEnd();
}
