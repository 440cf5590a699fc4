import { isUtf8 } from 'node:buffer';
import { headerless, tableRow, type Block, type ParsedDocument } from '../block.js';
import { parseDateValue } from '../dates.js';
import { bylineOf, datelineOf } from '../metadata.js';
import { isShortLine, wordCount } from '../text.js';

/** A bullet ("•", "-", "*" and kin) or a number ("1.", "1)") that opens a list item. */
const LIST_MARKER = /^(?:[•◦▪‣·*-]|\d{1,3}[.)])\s+/;

/** Sentence-final punctuation, possibly inside closing quotes or brackets. */
const FINAL_PUNCTUATION = /[.!?,;:…]["'”’)\]]*$/;

/** How plain text is told from binary, and its titles from paragraphs. */
export const TEXT_DEFAULTS = {
  /** Share of undecodable or control characters above which a file is taken for binary. */
  maxBadShare: 0.01,
  /** Longest first line still read as a plain-text title: one sentence of a long title, never a paragraph. */
  titleMaxChars: 300,
  titleMaxWords: 40,
  /** Most lines in capitals opening a document read as its title: a body and its committee, and one more. */
  titleMaxLines: 3,
  /** Most lines with text under an email's signature separator read as its signature: four, as netiquette asks. */
  signatureMaxLines: 4,
};
/** The lines opening a document before its first blank line, two at least (one is the first line's own title rule). */
const openingLines = (most: number) => new RegExp(String.raw`^\s*((?:[^\n]*\S[^\n]*\r?\n){2,${most}})\s*\r?\n`);

/** Windows-1252's characters for bytes 0x80–0x9F, which Latin-1 leaves to control codes (five it leaves so too). */
const WINDOWS_1252_HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';

/** Bytes as Windows-1252: Node 20's decoder of that name reads them as Latin-1, "–" and "“" as control codes. */
export function windows1252(bytes: Uint8Array): string {
  return new TextDecoder('latin1')
    .decode(bytes)
    .replace(/[\x80-\x9f]/g, (c) => WINDOWS_1252_HIGH.charAt(c.charCodeAt(0) - 0x80));
}

/**
 * Text saved as UTF-16 with its byte-order mark, as Windows Notepad's "Unicode" and spreadsheets' "Unicode text" save
 * it: every other byte of English is NUL, which read as UTF-8 is binary. Undefined for bytes without the mark, or not
 * text in UTF-16 either (a control character in more than `maxBadShare` of them).
 */
function utf16Of(bytes: Uint8Array): string | undefined {
  const encoding =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : undefined;
  if (!encoding) return undefined;
  const text = new TextDecoder(encoding).decode(bytes);
  return badShare(text) > TEXT_DEFAULTS.maxBadShare ? undefined : text;
}

/**
 * Decodes text, or returns undefined when the bytes are not text: UTF-16 behind its byte-order mark (`utf16Of`), else
 * any NUL byte, or more than `maxBadShare` (1%) of characters that are invalid UTF-8 or control characters. Bytes that
 * are not UTF-8 and hold no character UTF-8 reads beyond ASCII are Windows-1252 (Latin-1 and the characters it adds,
 * as older editors and spreadsheets save text), where each "é" or "£" is one byte: read as UTF-8 each would be U+FFFD,
 * and the file binary past a few of them. A UTF-8 file keeps a few bad bytes as U+FFFD rather than losing the document.
 */
export function decodeText(bytes: Uint8Array): string | undefined {
  const utf16 = utf16Of(bytes);
  if (utf16 !== undefined) return utf16;
  if (bytes.includes(0)) return undefined;
  const utf8 = new TextDecoder('utf-8').decode(bytes);
  const text = isUtf8(bytes) || /[^\0-\x7f\ufffd]/.test(utf8) ? utf8 : windows1252(bytes);
  return badShare(text) > TEXT_DEFAULTS.maxBadShare ? undefined : text;
}

/** The share of a text's characters that no text holds: U+FFFD, for bytes its encoding could not read, and controls. */
function badShare(text: string): number {
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (
      code === 0xfffd ||
      (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) ||
      (code >= 0x7f && code < 0xa0)
    )
      bad++;
  }
  return text.length ? bad / text.length : 0;
}

/** How plain text shows a heading: a short line on its own, capitalised, without final punctuation. */
export function isHeadingLine(text: string): boolean {
  return isShortLine(text) && /^[\p{Lu}\p{N}"“‘'(]/u.test(text) && !FINAL_PUNCTUATION.test(text);
}

export interface LineRules {
  /** A line's words as the format writes them (Markdown's emphasis and links off), read for a byline or dateline. */
  words?: (line: string) => string;
  /** The heading a line declares by syntax (markdown `#`), if it declares one. */
  heading?: (line: string) => string | undefined;
  /** Whether a paragraph of one heading-like line is a heading (plain text and PDF, which have no syntax for it). */
  inferHeadings?: boolean;
  /**
   * Which lines of columns are a table (`tableAt`), where the format has no syntax for one: `text`, columns apart by
   * tabs or aligned by spaces; `figures`, columns apart by tabs with a number in every row, as a PDF's wide gaps give
   * them (a page of two columns of prose gives lines of two cells too, of words alone).
   */
  tables?: 'text' | 'figures';
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
  /** Whether every block so far opens the document: headings, and lines that state its byline or date. */
  let opening = true;
  const flush = (introduces = false): void => {
    if (lines.length === 0) return;
    const joined = lines.join(' ');
    // A table's caption is never a heading, however it is set ("Table 2: Rents by size, 2025"): read as one, the
    // paragraphs after the table would be cited in a section named by the caption, not by their own heading.
    const heading =
      !introduces &&
      kind === 'paragraph' &&
      lines.length === 1 &&
      rules.inferHeadings === true &&
      isHeadingLine(joined);
    blocks.push({
      kind: heading ? 'heading' : kind,
      text: joined,
      ...(introduces && kind === 'paragraph' && { introduces }),
    });
    opening &&= heading;
    lines = [];
    kind = 'paragraph';
  };
  const raws = text.split(/\r\n?|\n/);
  for (let i = 0; i < raws.length; i++) {
    const drawn = rules.tables === 'text' ? drawnTableAt(raws, i) : undefined;
    if (drawn) {
      flush(true);
      opening = false;
      for (const row of drawn.rows) blocks.push({ kind: 'item', text: tableRow(drawn.header, row) });
      i += drawn.lines - 1;
      continue;
    }
    const table = rules.tables ? tableAt(raws, i, rules.tables) : undefined;
    if (table) {
      // A line right above a table, with no blank line between, is its caption: it says what each row is.
      flush(true);
      opening = false;
      const [header, ...rows] = headerless(table[0]!) ? [[], ...table] : table;
      for (const row of rows) blocks.push({ kind: 'item', text: tableRow(header!, row) });
      i += table.length - 1;
      continue;
    }
    const raw = raws[i]!;
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
    if (marker && rules.inferHeadings === true && isNumberedHeading(raws, i, marker[0])) {
      flush();
      blocks.push({ kind: 'heading', text: line.slice(marker[0].length) });
      continue;
    }
    if (marker) {
      flush();
      kind = 'item';
      lines.push(line.slice(marker[0].length));
      continue;
    }
    // A byline or a dateline opening the document stands alone, as does its title right above it (`titleAbove`), with
    // no blank line between: else a title, "By …" and a date typed on three lines are one paragraph, the document's
    // title its opening words, with no author or date.
    if (opening && kind === 'paragraph' && lines.length <= 2) {
      const words = rules.words?.(line) ?? line;
      const byline = bylineOf(words) ? words : undefined;
      if ((byline || datelineOf(words)) && titleAbove(lines, byline, rules.words)) {
        if (lines.length) blocks.push({ kind: 'heading', text: lines.join(' ') });
        blocks.push({ kind: 'paragraph', text: line });
        lines = [];
        continue;
      }
    }
    lines.push(line);
  }
  flush();
  return blocks;
}

/**
 * Whether `lines`, right above a byline or dateline opening the document, are its title: none, or one short line; or a
 * title wrapped over two lines above a `byline` typed as one (capitalised: "By …", "Posted …"), the two read whole as a
 * heading (short, capitalised, no sentence's end). Two lines above a date alone are as often a sentence wrapped ("… its
 * last count was on / 1 March 2026"), as are two above a lowercase "by …", and a sentence's end is the body's.
 */
function titleAbove(lines: string[], byline: string | undefined, words: LineRules['words']): boolean {
  if (lines.length <= 1) return lines.every(isShortLine);
  const title = lines.join(' ');
  return lines.length === 2 && /^\p{Lu}/u.test(byline ?? '') && isHeadingLine(words?.(title) ?? title);
}

/** The nearest line with text before (`step` -1) or after (1) line `i`, trimmed; '' at either end of the text. */
function nearestText(lines: string[], i: number, step: 1 | -1): string {
  for (let j = i + step; j >= 0 && j < lines.length; j += step) if (lines[j]!.trim()) return lines[j]!.trim();
  return '';
}

/**
 * A numbered line standing alone between blank lines, read as a heading ("2. CAPITAL WORKS", "3. Late claims"): the
 * way minutes and reports typed as plain text number their sections. It is a list item when a numbered or bulleted
 * line stands next to it, as each item of a list spaced out by blank lines does.
 */
function isNumberedHeading(lines: string[], i: number, marker: string): boolean {
  const apart = (j: number) => j < 0 || j >= lines.length || !lines[j]!.trim();
  return (
    /^\d/.test(marker) &&
    apart(i - 1) &&
    apart(i + 1) &&
    isHeadingLine(lines[i]!.trim().slice(marker.length)) &&
    ![nearestText(lines, i, -1), nearestText(lines, i, 1)].some((line) => LIST_MARKER.test(line))
  );
}

/** A rule of a table drawn in text: dashes or equals signs, perhaps with pluses, pipes and colons ("+----+----+"). */
const RULE_LINE = /^[+|:\s]*[-=]{3,}[-=+|:\s]*$/;
/** A row of a table drawn in text, a pipe at each end and between its cells: "| Share price | £1 a share |". */
const PIPED_ROW = /^\|.*\|$/;

/**
 * The table drawn with pipes and rules starting at line `start`, if one does: lines each a rule ("+----+----+",
 * "|---|---|") or a row of cells between pipes, at least two rows of the same number of cells, two or more, and a
 * rule, as box-drawn tables in text and Markdown's typed in a text file set them. The rows above the first rule
 * with rows on both sides of it are the header; with no such rule the table has none, each row's first cell naming
 * it ("| Minimum investment | £100 |"). Read by spaces instead, each pipe was a cell of its own and the first row
 * the header of every other, so that no row said what it was ("| Share price: | Minimum investment — …").
 */
function drawnTableAt(
  lines: string[],
  start: number,
): { header: string[]; rows: string[][]; lines: number } | undefined {
  const drawn = (line: string | undefined) =>
    line !== undefined && (RULE_LINE.test(line.trim()) || PIPED_ROW.test(line.trim()));
  if (!drawn(lines[start]) || drawn(lines[start - 1])) return undefined;
  const run: (string[] | 'rule')[] = [];
  for (let i = start; drawn(lines[i]); i++) {
    const line = lines[i]!.trim();
    run.push(
      RULE_LINE.test(line)
        ? 'rule'
        : line
            .slice(1, -1)
            .split('|')
            .map((cell) => cell.trim()),
    );
  }
  const rows = run.filter((entry) => entry !== 'rule');
  const width = rows[0]?.length ?? 0;
  if (rows.length < 2 || width < 2 || rows.some((row) => row.length !== width) || rows.length === run.length)
    return undefined;
  const split = run.findIndex((entry, i) => entry === 'rule' && run.slice(0, i).some((e) => e !== 'rule'));
  const below = split >= 0 && run.slice(split).some((e) => e !== 'rule');
  const headerRows = below ? (run.slice(0, split).filter((e) => e !== 'rule') as string[][]) : [];
  // A header wrapped over two lines names each column by both ("share" over "price"), as an HTML table's two rows do.
  const header = Array.from({ length: width }, (_, column) =>
    headerRows
      .map((row) => row[column])
      .filter(Boolean)
      .join(' '),
  );
  return { header, rows: rows.slice(headerRows.length), lines: run.length };
}

/** The fewest lines of a plain-text table: a header and two rows, as two lines of prose rarely line up by chance. */
const TABLE_MIN_LINES = 3;

/**
 * The table starting at line `start`, as a header and rows of cells, if one does: at least `TABLE_MIN_LINES` lines
 * that each split into the same number of cells, two or more, at tabs, or at runs of two or more spaces where each
 * column starts, or ends (numbers set right), at the same place in every line, as text exports and typed tables set
 * them. A cell ending a sentence before the gap ("ends.  Next") is prose set with two spaces, no table.
 */
function tableAt(lines: string[], start: number, kind: 'text' | 'figures'): string[][] | undefined {
  if (start > 0 && lines[start - 1]!.trim() && columnsOf(lines[start - 1]!)) return undefined;
  const first = columnsOf(lines[start]!);
  if (!first) return undefined;
  const run = [first];
  for (let i = start + 1; i < lines.length; i++) {
    const next = columnsOf(lines[i]!);
    const row = next && !next.tabs && !first.tabs ? realigned(next, first.cells) : next;
    if (!row || row.tabs !== first.tabs || row.cells.length !== first.cells.length) break;
    run.push(row);
  }
  if (run.length < TABLE_MIN_LINES) return undefined;
  if (kind === 'figures' && !(first.tabs && run.slice(1).every((line) => line.cells.some((c) => /\d/.test(c.text)))))
    return undefined;
  if (!first.tabs) {
    const aligned = (edge: (c: Column) => number, column: number) =>
      run.every((line) => Math.abs(edge(line.cells[column]!) - edge(first.cells[column]!)) <= 1);
    const columns = first.cells.map((_, column) => column).slice(1);
    if (!columns.every((c) => aligned((cell) => cell.start, c) || aligned((cell) => cell.end, c))) return undefined;
  }
  return run.map((line) => line.cells.map((cell) => cell.text));
}

interface Column {
  text: string;
  start: number;
  end: number;
}

/** A line's cells, apart by tabs or by two or more spaces, where it holds two or more; undefined otherwise. */
function columnsOf(line: string): { cells: Column[]; tabs: boolean } | undefined {
  if (!line.trim()) return undefined;
  const tabs = line.includes('\t');
  const cells: Column[] = [];
  for (const m of line.matchAll(tabs ? /[^\t]+/g : /\S+(?: \S+)*/g)) {
    const text = m[0].trim();
    if (text) cells.push({ text, start: m.index, end: m.index + m[0].length });
  }
  if (cells.length < 2) return undefined;
  if (cells.slice(0, -1).some((cell) => /[.!?]["'”’)\]]*$/.test(cell.text))) return undefined;
  return { cells, tabs };
}

/**
 * A line of a table typed with spaces whose cells ran together at one space, a cell typed a space out of line
 * ("February  1,310 91" under "month  swims  lessons"), split again where a word there starts at a column of the
 * table's first line, or the word before it ends at the column before's end, within one place either way, as the
 * alignment check allows. A line that splits into as many cells already, or does not split into as many so, is left.
 */
function realigned(line: { cells: Column[]; tabs: boolean }, columns: Column[]): { cells: Column[]; tabs: boolean } {
  if (line.cells.length >= columns.length) return line;
  const near = (a: number, b: number) => Math.abs(a - b) <= 1;
  const cells: Column[] = [];
  for (const cell of line.cells) {
    let from = 0;
    for (const space of cell.text.matchAll(/ /g)) {
      const at = cell.start + space.index + 1;
      const column = columns.findIndex((c, n) => n > 0 && (near(c.start, at) || near(columns[n - 1]!.end, at - 1)));
      if (column < 0) continue;
      cells.push({ text: cell.text.slice(from, space.index), start: cell.start + from, end: at - 1 });
      from = space.index + 1;
    }
    cells.push({ text: cell.text.slice(from), start: cell.start + from, end: cell.end });
  }
  return cells.length === columns.length ? { cells, tabs: false } : line;
}

/** A sentence end followed by another sentence's start. */
const SENTENCE_BREAK = /[.!?]["'”’)\]]*\s+["'“‘(]?\p{Lu}/u;

/**
 * Plain text: paragraphs at blank lines, list items, and lone short lines as headings. A file that
 * opens with one line of one sentence, then a blank line and a longer paragraph, opens with its
 * title, even when the title ends with a full stop as many paper and report titles do.
 */
export function parseText(text: string): ParsedDocument {
  const email = emailHeaders(text);
  if (email) return { ...parseText(unsigned(email.body)), meta: email.meta };
  const blocks = groupLines(text, { inferHeadings: true, tables: 'text' });
  const [first, second] = blocks;
  const firstLine = /^\s*([^\n]*)\r?\n\s*\r?\n/.exec(text)?.[1]?.trim();
  if (
    first?.kind === 'paragraph' &&
    second?.kind === 'paragraph' &&
    firstLine === first.text &&
    first.text.length <= TEXT_DEFAULTS.titleMaxChars &&
    wordCount(first.text) <= TEXT_DEFAULTS.titleMaxWords &&
    !SENTENCE_BREAK.test(first.text) &&
    // A line ending in a comma is a letter's greeting ("Dear councillors,", "Hi all,"), or a clause, never a title.
    !first.text.endsWith(',') &&
    second.text.length > first.text.length
  )
    first.kind = 'heading';
  // "HENSMOOR COUNTY COUNCIL / FARM SUPPORT PANEL": lines typed in capitals opening the document, each short with no
  // sentence's end, are its title over a few lines (a body and its committee: `titleMaxLines`), not a paragraph.
  const opening = openingLines(TEXT_DEFAULTS.titleMaxLines).exec(text)?.[1]?.trim().split(/\r?\n/);
  const capitals = (line: string) => /\p{Lu}/u.test(line) && !/\p{Ll}/u.test(line) && isHeadingLine(line.trim());
  if (first?.kind === 'paragraph' && second && opening?.every(capitals)) first.kind = 'heading';
  return { blocks, meta: {}, metaProblems: [] };
}

/** A line of an email's header as a mail program saves or prints it: "From: …", "Subject: …". */
const EMAIL_FIELD = /^(from|to|cc|bcc|date|sent|subject|reply-to):[ \t]*(.*)$/i;

/**
 * An email saved as text: its header's lines open the file, one field each up to the first blank line, with a
 * subject and a sender or a date. The subject is its title, the sender's name its author and the date its date, as a
 * page's meta tags give them; the header is no paragraph of the body, where it read as one, and gave the citation's
 * title "From: … To: …" and no date.
 */
function emailHeaders(text: string): { meta: ParsedDocument['meta']; body: string } | undefined {
  // Found by a plain search, not one pattern over the lines: a line pattern that can match a line in many ways
  // ("[^\n]*\S[^\n]*") backtracks through every combination of them when no blank line follows, and never ends.
  const at = text.search(/\S/);
  if (at < 0) return undefined;
  const rest = text.slice(at);
  const blank = /\n[^\S\n]*\n/.exec(rest);
  if (!blank) return undefined;
  const fields = new Map<string, string>();
  for (const line of rest.slice(0, blank.index).split('\n')) {
    const field = EMAIL_FIELD.exec(line.trim());
    if (!field) return undefined;
    fields.set(field[1]!.toLowerCase(), field[2]!.trim());
  }
  const subject = fields.get('subject');
  const sender = fields
    .get('from')
    ?.replace(/<[^>]*>/, '')
    .trim()
    .replace(/^"(.*)"$/, '$1');
  const date = fields.get('date') ?? fields.get('sent');
  if (!subject || (sender === undefined && date === undefined)) return undefined;
  const meta: ParsedDocument['meta'] = { title: subject };
  // A sender given by address alone names nobody.
  if (sender && !sender.includes('@')) meta.author = sender;
  const iso = date && parseDateValue(date);
  if (iso) meta.date = iso;
  return { meta, body: rest.slice(blank.index + blank[0].length) };
}

/** The line mail programs write above a sender's signature, "-- " (RFC 3676), often typed without its space. */
const SIGNATURE_SEPARATOR = /(?:^|\n)-- ?\r?(?=\n|$)/g;

/**
 * An email's body without its signature: the few lines (`signatureMaxLines`) under its last separator are the
 * sender's name, post and address, added to every message they send, no paragraph of this one: read as one, they were
 * a passage ("-- Press Office County Hall, Hadleigh Cross"). More lines under a separator are the body's own.
 */
function unsigned(body: string): string {
  const separator = [...body.matchAll(SIGNATURE_SEPARATOR)].at(-1);
  if (!separator) return body;
  const signature = body.slice(separator.index + separator[0].length).split('\n');
  return signature.filter((line) => line.trim()).length <= TEXT_DEFAULTS.signatureMaxLines
    ? body.slice(0, separator.index)
    : body;
}
