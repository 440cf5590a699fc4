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
