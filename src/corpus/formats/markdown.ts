import { tableRow, type ParsedDocument } from '../block.js';
import { readStatedMeta, STATED_FIELDS } from '../metadata.js';
import { groupLines } from './text.js';

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
/** Front matter whose closing `---` is missing: the opening line, then lines up to the first blank one. */
const UNCLOSED_FRONT_MATTER = /^---[ \t]*\r?\n((?:[^\r\n]*\S[^\r\n]*(?:\r?\n|$))+)/;
const STATED_FIELD_LINE = new RegExp(`^(?:${STATED_FIELDS.join('|')})[ \t]*:`, 'm');
const ATX_HEADING = /^#{1,6}(?:\s+(.*?))?(?:\s+#+)?\s*$/;
const SETEXT_UNDERLINE = /^\s{0,3}(?:=+|-+)\s*$/;
const RULE = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/;
const FENCE = /^\s{0,3}(?:```|~~~)/;
const LINK_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s+\S+.*$/;
/** A footnote's label opening its text, `[^1]: `: the note is a paragraph of the document, as a reader reads it. */
const FOOTNOTE_LABEL = /^\s{0,3}\[\^[^\]\s]+\]:\s+/;
/** A pipe table's delimiter row, under its header: `|---|:--:|`, `--- | ---`. */
const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;

/**
 * Markdown with optional YAML front matter (title, author, publisher, date, url, tags). Syntax is
 * stripped minimally: `#` lines (and underlined titles) become headings, list markers open items,
 * a pipe table's rows become items (`tableRow`), `**bold**`, `_em_`, `` `code` `` and `[text](url)` become their
 * text, images, HTML comments and link definitions go; a footnote (`[^1]: …`) is a paragraph, without its mark.
 * A front matter field that does not parse or validate is reported and left out; the others are kept.
 */
export function parseMarkdown(source: string): ParsedDocument {
  const { yaml, length, problems } = frontMatter(source);
  const stated = yaml === undefined ? { meta: {}, problems: [] } : readStatedMeta(yaml, 'front matter', 2);
  const blocks = groupLines(blockSyntax(source.slice(length)), { heading: atxHeading, words: inlineText })
    .map((block) => ({ ...block, text: inlineText(block.text) }))
    .filter((block) => block.text);
  return { blocks, meta: stated.meta, metaProblems: [...problems, ...stated.problems] };
}

/**
 * The front matter's YAML and how much of the source it takes. A header left unclosed (no second
 * `---`) is still read, up to the first blank line, if it states one of the fields, with a
 * warning; otherwise the opening `---` is a rule and the text is all body.
 */
function frontMatter(source: string): { yaml?: string; length: number; problems: string[] } {
  const closed = FRONT_MATTER.exec(source);
  if (closed) return { yaml: closed[1]!, length: closed[0].length, problems: [] };
  const unclosed = UNCLOSED_FRONT_MATTER.exec(source);
  if (!unclosed || !STATED_FIELD_LINE.test(unclosed[1]!)) return { length: 0, problems: [] };
  const lines = unclosed[1]!.replace(/\r?\n$/, '').split(/\r?\n/).length;
  return {
    yaml: unclosed[1]!,
    length: unclosed[0].length,
    problems: [
      `front matter line 1: opened with --- but never closed; lines 2–${lines + 1} are read as its fields (close ` +
        `them with a --- line)`,
    ],
  };
}

/** The text of a `#` heading line ('' for a bare `#`), or undefined for any other line. */
function atxHeading(line: string): string | undefined {
  const m = ATX_HEADING.exec(line);
  return m ? (m[1] ?? '') : undefined;
}

/** Rewrites line-level syntax that plain-text grouping does not know into what it does. */
function blockSyntax(body: string): string {
  const lines = body.replace(/<!--[\s\S]*?-->/g, '').split(/\r\n?|\n/);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/^\s{0,3}>\s?/, '');
    const next = lines[i + 1];
    const opensParagraph = i === 0 || !lines[i - 1]!.trim();
    if (line.includes('|') && next !== undefined && next.includes('|') && TABLE_DELIMITER.test(next)) {
      const header = cells(line);
      out.push('');
      for (i += 2; i < lines.length && lines[i]!.includes('|') && lines[i]!.trim(); i++)
        out.push(`- ${tableRow(header, cells(lines[i]!))}`);
      out.push('');
      i--;
    } else if (next !== undefined && line.trim() && opensParagraph && SETEXT_UNDERLINE.test(next) && !RULE.test(line)) {
      out.push(`# ${line.trim()}`);
      i++;
    } else if (FOOTNOTE_LABEL.test(line)) out.push('', line.replace(FOOTNOTE_LABEL, ''));
    else if (RULE.test(line) || FENCE.test(line) || LINK_DEFINITION.test(line)) out.push('');
    else out.push(line);
  }
  return out.join('\n');
}

/** A table row's cells, without the pipes at its ends; `\\|` is a pipe inside a cell. */
function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

/**
 * Inline markup to its text. Escaped characters are set aside first, so `\*` is never emphasis. A footnote's mark
 * ("last year,[^1] the best") goes: the note is a paragraph of its own.
 */
function inlineText(text: string): string {
  return text
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, (_, c: string) => `\uE000${c.charCodeAt(0)}\uE001`)
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\s*\[\^[^\]\s]+\]/g, '')
    .replace(/\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])/g, '$1')
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(?<![\p{L}\p{N}*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\p{L}\p{N}*])/gu, '$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\uE000(\d+)\uE001/g, (_, code: string) => String.fromCharCode(Number(code)))
    .trim();
}
