import { CURRENCY_SIGNS } from './currencies.js';
import { findDate, MONTH_PATTERN, YEAR_DIGITS, YEAR_SPAN } from './dates.js';
import type { DocumentMeta } from './types.js';

/** One unit of a document as its format gives it, before cleaning: a paragraph, a list item or a heading. */
export interface Block {
  kind: 'paragraph' | 'item' | 'heading';
  text: string;
  /** A paragraph that introduces the items after it, as a lead-in ending with a colon does: a table's caption. */
  introduces?: boolean;
}

/** What a format parser makes of one file. */
export interface ParsedDocument {
  blocks: Block[];
  /** Metadata the file states in its format's own way (front matter, HTML meta tags): outranks what the text says. */
  meta: Partial<DocumentMeta>;
  /** Metadata a tool may have filled in without the author (PDF info): used only where the text says nothing. */
  fallbackMeta?: Partial<DocumentMeta>;
  /** Why metadata the file states was rejected (bad front matter); empty when there was nothing wrong. */
  metaProblems: string[];
  /** A format whose text names nothing of itself (a spreadsheet's rows): the file's name is its title. */
  namedByFile?: boolean;
}

/** A file whose bytes are not what its extension promises (a PDF that does not parse). */
export class CorruptFileError extends Error {}

/** What `tableRow` writes between a row's name and its cells, spaced: the figure grammar finds a row's name by it. */
export const ROW_NAME_SEPARATOR = '—';
/**
 * A table's row of totals by its first cell, as a pattern's source: "Total", "Totals", "Grand total", perhaps with
 * what it sums over after a comma or in brackets, as a spreadsheet's writer qualifies it ("Total, 12 months", "Total
 * (all routes)"). The figure grammar reads such a row as its column's whole, and `figures` lists it before the rows it
 * sums.
 */
export const TOTAL_ROW_NAME = String.raw`(?:grand )?totals?(?:, [^${ROW_NAME_SEPARATOR}:;,()]+| \([^()]+\))?`;
/** What `tableRow` writes between two cells of a row, before a space. */
export const CELL_SEPARATOR = ';';

/**
 * A table row as one item, each cell under its column's header, in the table's own words: "building: Law Library —
 * weekdays: 9am to 9pm; weekends: closed". One reading for every format: kept whole, a Markdown table was one passage
 * of pipes and dashes, and an HTML table a passage per cell ("closed"), so no row could be quoted as the answer, nor
 * say which column a cell is in. The first cell names its row, and its header says what kind of thing the rows are
 * ("plan: Starter"): without it no row of a price list said "plan", which every question about one names. A first
 * cell that is a time ("July", "2022-23") says its kind itself, and its header ("month", "year"), the same on every
 * row, would only match a question's own time ("last year") in every row alike.
 */
export function tableRow(header: string[], row: string[]): string {
  const [first = '', ...rest] = row;
  const said = rest.flatMap((cell, i) => {
    if (!cell) return [];
    const column = header[i + 1];
    return [column ? `${column}: ${cell}` : cell];
  });
  const name = first && header[0] && !isTime(first) ? `${header[0]}: ${first}` : first;
  return [name, said.join(`${CELL_SEPARATOR} `)].filter(Boolean).join(` ${ROW_NAME_SEPARATOR} `);
}

/**
 * A number as a cell gives an amount, perhaps after a currency's sign (any the figure grammar reads, in any case:
 * "US$4.50") and before words: "£118.62 a week", "38.1".
 */
const AMOUNT_CELL = new RegExp(`^[-+]?(?:${CURRENCY_SIGNS})?\\d[\\d,.]*%?(?:\\s.*)?$`, 'iu');

/**
 * Whether a plain-text table's first line is a row of data rather than its columns' header: every cell after its
 * first an amount, none a time ("2025" heads a year's column). A rent letter's "Rent   £118.62 a week" over "Service
 * charge   £6.15 a week" had put the second row's £6.15 under a column "£118.62 a week", and the rent in no row.
 */
export function headerless(first: string[]): boolean {
  return first.slice(1).every((cell) => AMOUNT_CELL.test(cell) && !isTime(cell.split(/\s/)[0]!));
}

/** A month, perhaps with its year ("July", "Sept 2025"), a year or a span of years ("2024", "2022-23"). */
const TIME_CELL = new RegExp(`^(?:${MONTH_PATTERN}(?:\\s+${YEAR_DIGITS})?|${YEAR_DIGITS}|${YEAR_SPAN})$`, 'i');

/** Whether a cell is a time that names its own kind: `TIME_CELL`, or a calendar date and nothing more. */
function isTime(cell: string): boolean {
  const date = findDate(cell);
  return TIME_CELL.test(cell) || (date !== undefined && date.index === 0 && date.end === cell.length);
}
