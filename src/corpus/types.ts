/** What a document says about itself: from front matter, a sidecar `.meta.yaml`, or the text. */
export interface DocumentMeta {
  title: string;
  author?: string;
  publisher?: string;
  /** ISO date (YYYY-MM-DD) when the document states one. */
  date?: string;
  url?: string;
  /** When the document was fetched from `url` (ISO date and time), for documents added from a link or feed. */
  fetched?: string;
  tags: string[];
}

/** One sentence of a passage; `start` is its offset in `Passage.text`, so `text` is always verbatim. */
export interface Sentence {
  text: string;
  start: number;
}

/** One paragraph of one document: the unit that is indexed, quoted and cited. */
export interface Passage {
  /** Stable across runs while the paragraph is unchanged: `<source>#<paragraph>`. */
  id: string;
  /** Path of the document relative to the corpus folder, with `/` separators. */
  source: string;
  /**
   * 1-based number of the paragraph among the document's body paragraphs (each list item counts as one), counted
   * from the document's start across its sections, as cited: never restarted at a heading.
   */
  paragraph: number;
  /** The section heading the paragraph sits under, if any. */
  heading?: string;
  /** For a list item: the sentence that introduced the list. Shown as context, never as the quote. */
  context?: string;
  /** The paragraph, verbatim. */
  text: string;
  sentences: Sentence[];
}

export interface SourceDocument {
  source: string;
  /** Content hash of the file (and its sidecar), which keys the index cache. */
  hash: string;
  meta: DocumentMeta;
  passages: Passage[];
  /**
   * Each passage's text, for a pass over every document that needs no more (the digest's start hashes them): a
   * saved document's passages not read yet are left unread, as holding all of them is the whole corpus in memory.
   */
  texts?: () => string[];
}

/**
 * What is wrong with a file the loader warns of. `too-slow`: read in a worker thread (a large file), it took longer
 * than the watcher allows (`readTimeoutMs`). A list, for a warning that crosses from a worker to be checked against.
 */
export const WARNING_CODES = [
  'empty',
  'binary',
  'unreadable',
  'too-large',
  'too-slow',
  'corrupt',
  'bad-metadata',
  'unsupported',
] as const;

/** A problem with one file; the rest of the corpus is still loaded. */
export interface CorpusWarning {
  source: string;
  code: (typeof WARNING_CODES)[number];
  message: string;
}

export interface Corpus {
  /** Absolute path of the corpus folder. */
  dir: string;
  documents: SourceDocument[];
  warnings: CorpusWarning[];
}
