import { parseYaml } from '../../yaml.js';
import { errorLine, type ParsedDocument } from '../block.js';
import { parseMetaRecord } from '../metadata.js';
import { groupLines } from './text.js';

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const ATX_HEADING = /^#{1,6}(?:\s+(.*?))?(?:\s+#+)?\s*$/;
const SETEXT_UNDERLINE = /^\s{0,3}(?:=+|-+)\s*$/;
const RULE = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/;
const FENCE = /^\s{0,3}(?:```|~~~)/;
const LINK_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s+\S+.*$/;

/**
 * Markdown with optional YAML front matter (title, author, publisher, date, url, tags). Syntax is
 * stripped minimally: `#` lines (and underlined titles) become headings, list markers open items,
 * `**bold**`, `_em_`, `` `code` `` and `[text](url)` become their text, images and HTML comments go.
 * Front matter that does not validate is reported and ignored.
 */
export function parseMarkdown(source: string): ParsedDocument {
  const front = FRONT_MATTER.exec(source);
  const { meta = {}, problem } = front ? readFrontMatter(front[1]!) : { meta: {} };
  const body = front ? source.slice(front[0].length) : source;
  const blocks = groupLines(blockSyntax(body), { heading: atxHeading })
    .map((block) => ({ ...block, text: inlineText(block.text) }))
    .filter((block) => block.text);
  return { blocks, meta, metaProblems: problem ? [problem] : [] };
}

/** The text of a `#` heading line ('' for a bare `#`), or undefined for any other line. */
function atxHeading(line: string): string | undefined {
  const m = ATX_HEADING.exec(line);
  return m ? (m[1] ?? '') : undefined;
}

function readFrontMatter(yaml: string): ReturnType<typeof parseMetaRecord> {
  try {
    return parseMetaRecord(parseYaml(yaml), 'front matter');
  } catch (error) {
    return { problem: `front matter: ${errorLine(error)}` };
  }
}

/** Rewrites line-level syntax that plain-text grouping does not know into what it does. */
function blockSyntax(body: string): string {
  const lines = body.replace(/<!--[\s\S]*?-->/g, '').split(/\r\n?|\n/);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/^\s{0,3}>\s?/, '');
    const next = lines[i + 1];
    const opensParagraph = i === 0 || !lines[i - 1]!.trim();
    if (next !== undefined && line.trim() && opensParagraph && SETEXT_UNDERLINE.test(next) && !RULE.test(line)) {
      out.push(`# ${line.trim()}`);
      i++;
    } else if (RULE.test(line) || FENCE.test(line) || LINK_DEFINITION.test(line)) out.push('');
    else out.push(line);
  }
  return out.join('\n');
}

/** Inline markup to its text. Escaped characters are set aside first, so `\*` is never emphasis. */
function inlineText(text: string): string {
  return text
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, (_, c: string) => `\uE000${c.charCodeAt(0)}\uE001`)
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])/g, '$1')
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(?<![\p{L}\p{N}*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\p{L}\p{N}*])/gu, '$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\uE000(\d+)\uE001/g, (_, code: string) => String.fromCharCode(Number(code)))
    .trim();
}
