import type { Block, ParsedDocument } from '../block.js';

/** A bullet ("•", "-", "*" and kin) or a number ("1.", "1)") that opens a list item. */
const LIST_MARKER = /^(?:[•◦▪‣·*-]|\d{1,3}[.)])\s+/;

/** Sentence-final punctuation, possibly inside closing quotes or brackets. */
const FINAL_PUNCTUATION = /[.!?,;:…]["'”’)\]]*$/;

/** How plain text is told from binary, and its titles and headings from paragraphs. */
export const TEXT_DEFAULTS = {
  /** Share of undecodable or control characters above which a file is taken for binary. */
  maxBadShare: 0.01,
  /** The longest line read as a title or headline: a long headline's length, well short of a paragraph's. */
  shortLineChars: 150,
  shortLineWords: 20,
  /** Longest first line still read as a plain-text title: one sentence of a long title, never a paragraph. */
  titleMaxChars: 300,
  titleMaxWords: 40,
};

/**
 * Decodes UTF-8 text, or returns undefined when the bytes are not text: any NUL byte, or more than
 * `maxBadShare` (1%) of characters that are invalid UTF-8 or control characters. A few bad bytes in a real text
 * file are kept as U+FFFD rather than losing the document.
 */
export function decodeText(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  const text = new TextDecoder('utf-8').decode(bytes);
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (
      code === 0xfffd ||
      (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) ||
      code === 0x7f
    )
      bad++;
  }
  return bad > text.length * TEXT_DEFAULTS.maxBadShare ? undefined : text;
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** A line short enough to be a title or headline and not ending like a sentence. */
export function isShortLine(text: string): boolean {
  return text.length <= TEXT_DEFAULTS.shortLineChars && wordCount(text) <= TEXT_DEFAULTS.shortLineWords;
}

/** How plain text shows a heading: a short line on its own, capitalised, without final punctuation. */
export function isHeadingLine(text: string): boolean {
  return isShortLine(text) && /^[\p{Lu}\p{N}"“‘'(]/u.test(text) && !FINAL_PUNCTUATION.test(text);
}

export interface LineRules {
  /** The heading a line declares by syntax (markdown `#`), if it declares one. */
  heading?: (line: string) => string | undefined;
  /** Whether a paragraph of one heading-like line is a heading (plain text and PDF, which have no syntax for it). */
  inferHeadings?: boolean;
}

/**
 * Splits text into blocks at blank lines. The hard-wrapped lines of one paragraph are joined with
 * a single space and only the ends of each line are trimmed, so a paragraph stays verbatim. Each
 * line that starts with a list marker opens a list item (without its marker); lines after it
 * continue the item.
 */
export function groupLines(text: string, rules: LineRules = {}): Block[] {
  const blocks: Block[] = [];
  let lines: string[] = [];
  let kind: 'paragraph' | 'item' = 'paragraph';
  const flush = (): void => {
    if (lines.length === 0) return;
    const joined = lines.join(' ');
    const heading = kind === 'paragraph' && lines.length === 1 && rules.inferHeadings === true && isHeadingLine(joined);
    blocks.push({ kind: heading ? 'heading' : kind, text: joined });
    lines = [];
    kind = 'paragraph';
  };
  for (const raw of text.split(/\r\n?|\n/)) {
    const line = raw.trim();
    if (!line) {
      flush();
      continue;
    }
    const heading = rules.heading?.(line);
    if (heading !== undefined) {
      flush();
      if (heading) blocks.push({ kind: 'heading', text: heading });
      continue;
    }
    const marker = LIST_MARKER.exec(line);
    if (marker) {
      flush();
      kind = 'item';
      lines.push(line.slice(marker[0].length));
      continue;
    }
    lines.push(line);
  }
  flush();
  return blocks;
}

/** A sentence end followed by another sentence's start. */
const SENTENCE_BREAK = /[.!?]["'”’)\]]*\s+["'“‘(]?\p{Lu}/u;

/**
 * Plain text: paragraphs at blank lines, list items, and lone short lines as headings. A file that
 * opens with one line of one sentence, then a blank line and a longer paragraph, opens with its
 * title, even when the title ends with a full stop as many paper and report titles do.
 */
export function parseText(text: string): ParsedDocument {
  const blocks = groupLines(text, { inferHeadings: true });
  const [first, second] = blocks;
  const firstLine = /^\s*([^\n]*)\r?\n\s*\r?\n/.exec(text)?.[1]?.trim();
  if (
    first?.kind === 'paragraph' &&
    second?.kind === 'paragraph' &&
    firstLine === first.text &&
    first.text.length <= TEXT_DEFAULTS.titleMaxChars &&
    wordCount(first.text) <= TEXT_DEFAULTS.titleMaxWords &&
    !SENTENCE_BREAK.test(first.text) &&
    second.text.length > first.text.length
  )
    first.kind = 'heading';
  return { blocks, meta: {}, metaProblems: [] };
}
