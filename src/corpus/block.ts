import type { DocumentMeta } from './types.js';

/** One unit of a document as its format gives it, before cleaning: a paragraph, a list item or a heading. */
export interface Block {
  kind: 'paragraph' | 'item' | 'heading';
  text: string;
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
}

/** A file whose bytes are not what its extension promises (a PDF that does not parse). */
export class CorruptFileError extends Error {}

/**
 * A table row as one item, each cell after the first under its column's header, in the table's own words:
 * "Law Library — weekdays: 9am to 9pm; weekends: closed". One reading for every format: kept whole, a Markdown table
 * was one passage of pipes and dashes, and an HTML table a passage per cell ("closed"), so no row could be quoted as
 * the answer, nor say which column a cell is in.
 */
export function tableRow(header: string[], row: string[]): string {
  const [first = '', ...rest] = row;
  const said = rest.flatMap((cell, i) => {
    if (!cell) return [];
    const column = header[i + 1];
    return [column ? `${column}: ${cell}` : cell];
  });
  return [first, said.join('; ')].filter(Boolean).join(' — ');
}
