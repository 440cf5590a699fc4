import type { FigureCache, PassageFigure } from '../answer/figures/passage.js';
import type { LoadedDocument } from '../corpus/load.js';
import type { Corpus, CorpusWarning, DocumentMeta, Passage, Sentence, SourceDocument } from '../corpus/types.js';
import type { Logger } from '../log.js';
import { fileError } from '../errors.js';
import { SavedFile, savedPath, writeSave } from '../saved-file.js';

/** Bumped whenever parsing, cleaning, the figure grammar or this file's layout changes what a saved document holds. */
const SAVED_CORPUS_VERSION = 148;

/** One file as saved: its document's passages are a slice of the body, read when first asked for. */
interface Entry {
  source: string;
  hash: string;
  /** The file's stamp when it was read (see `LoadOptions.reuse`). */
  stamp: string;
  meta?: DocumentMeta;
  warning?: CorpusWarning;
  /** Where the document's passages lie in the body, in bytes: [start, end). */
  at?: [number, number];
}

/**
 * A passage without what its document gives it: [paragraph, text, [start, length] of each sentence, heading, context].
 */
type SavedPassage = [number, string, number[], string | null, string | null];
type SavedFigure = Omit<PassageFigure, 'sentence'> & { s: number };
/** A document's body slice: its passages, and their figures, each pointing at its sentence by index. */
interface SavedBody {
  passages: SavedPassage[];
  figures: SavedFigure[][];
}

/**
 * The parsed corpus, saved beside the index: a file whose stamp (or else whose bytes) has not changed
 * is taken from here instead of being read and parsed again, which is most of start-up. The file is a
 * small header (every document's source, hash, stamp and metadata) then each document's passages in a
 * slice of their own, parsed only when something asks for that document's passages: a question's
 * first answer needs a few documents, not the hundreds of megabytes of text a large corpus holds.
 */
export class SavedCorpus {
  private fresh = false;
  /**
   * The hash and stamp of every file the loader looked at, documents
   * or not, so a file skipped for its content is saved as skipped.
   */
  private readonly seen = new Map<string, { hash: string; stamp: string }>();

  private constructor(
    private readonly file: string,
    private readonly saved: Map<string, Entry>,
    /** Reads the bytes of the body from `start` to `end` (see `Entry.at`). */
    private readonly body: (start: number, end: number) => Buffer,
    private readonly log: Logger,
    private readonly figures: FigureCache,
  ) {}

  /** Whether nothing of the corpus is saved (a first start, a fresh cache): every document will be parsed. */
  get empty(): boolean {
    return this.saved.size === 0;
  }

  /** The saved corpus of `corpusDir`, whose figures go into (and are saved from) `figures`. */
  static async open(cacheDir: string, corpusDir: string, log: Logger, figures: FigureCache): Promise<SavedCorpus> {
    const file = savedPath(cacheDir, 'corpus', SAVED_CORPUS_VERSION, corpusDir);
    let entries: Entry[] = [];
    let body: (start: number, end: number) => Buffer = (start, end) => Buffer.alloc(end - start);
    try {
      const saved = SavedFile.open(file);
      if (saved) ({ entries, body } = readSaved(saved));
    } catch (error) {
      log.warn({ file, err: String(error) }, 'the saved corpus cannot be read; parsing every document again');
    }
    return new SavedCorpus(file, new Map(entries.map((e) => [e.source, e])), body, log, figures);
  }

  /**
   * For `loadCorpus`: the saved document for this file, if its stamp, or else its hash, is the one
   * saved. A file whose bytes are the same under a new stamp (touched, copied) is saved again with it.
   */
  readonly reuse = (source: string, file: { stamp: string; hash?: string }): LoadedDocument | undefined => {
    const saved = this.saved.get(source);
    if (file.hash === undefined) {
      if (saved?.stamp !== file.stamp) return undefined;
      this.seen.set(source, { hash: saved.hash, stamp: file.stamp });
      return this.loaded(saved);
    }
    this.seen.set(source, { hash: file.hash, stamp: file.stamp });
    if (saved?.hash !== file.hash) {
      this.fresh = true;
      return undefined;
    }
    if (saved.stamp !== file.stamp) this.fresh = true;
    return this.loaded(saved);
  };

  /**
   * Saves the corpus when anything in it was read anew (or a file went away). A file read but
   * skipped (all boilerplate, binary, corrupt) is saved with its warning, so it is not read,
   * and the corpus not saved again, on every start. Whether the corpus is saved as it is now.
   */
  async save(corpus: Corpus): Promise<boolean> {
    const documents = new Set(corpus.documents.map((d) => d.source));
    const skipped = corpus.warnings.filter((w) => this.seen.has(w.source) && !documents.has(w.source));
    const sources = new Set([...documents, ...skipped.map((w) => w.source)]);
    if (!this.fresh && [...this.saved.keys()].every((s) => sources.has(s))) return true;
    const warnings = new Map(corpus.warnings.map((w) => [w.source, w]));
    const entries: Entry[] = [];
    const slices: Buffer[] = [];
    let offset = 0;
    for (const document of corpus.documents) {
      const slice = Buffer.from(JSON.stringify(this.saveBody(document.passages)));
      slices.push(slice);
      entries.push({
        source: document.source,
        hash: document.hash,
        stamp: this.seen.get(document.source)?.stamp ?? '',
        meta: document.meta,
        warning: warnings.get(document.source),
        at: [offset, offset + slice.length],
      });
      offset += slice.length;
    }
    for (const warning of skipped) entries.push({ source: warning.source, ...this.seen.get(warning.source)!, warning });
    const header = Buffer.from(JSON.stringify(entries));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(header.length);
    try {
      await writeSave(this.file, Buffer.concat([length, header, ...slices]), this.log);
      return true;
    } catch (error) {
      this.log.warn(
        { file: this.file, err: String(error) },
        `could not save the parsed corpus (${fileError(error)}); it will be parsed again next start`,
      );
      return false;
    }
  }

  /** A saved file as the loader returns it; a document's passages (and their figures) are parsed on first use. */
  private loaded(entry: Entry): LoadedDocument {
    if (!entry.meta || !entry.at) return { warning: entry.warning };
    const [start, end] = entry.at;
    const { source, hash, meta } = entry;
    let passages: Passage[] | undefined;
    const document = Object.defineProperties({ source, hash, meta } as SourceDocument, {
      passages: {
        enumerable: true,
        get: () => (passages ??= this.readBody(source, this.savedBody(start, end))),
      },
      texts: {
        value: () => passages?.map((p) => p.text) ?? this.savedBody(start, end).passages.map(([, text]) => text),
      },
    });
    return { document, warning: entry.warning };
  }

  /** A document's body slice, parsed afresh and kept by nothing: a pass over every document holds one at a time. */
  private savedBody(start: number, end: number): SavedBody {
    return JSON.parse(this.body(start, end).toString('utf8')) as SavedBody;
  }

  private readBody(source: string, body: SavedBody): Passage[] {
    return body.passages.map(([paragraph, text, bounds, heading, context], i) => {
      const sentences: Sentence[] = [];
      for (let j = 0; j < bounds.length; j += 2)
        sentences.push({ text: text.slice(bounds[j]!, bounds[j]! + bounds[j + 1]!), start: bounds[j]! });
      const passage: Passage = { id: `${source}#${paragraph}`, source, paragraph, text, sentences };
      if (heading !== null) passage.heading = heading;
      if (context !== null) passage.context = context;
      this.figures.prime(
        passage,
        (body.figures[i] ?? []).map(({ s, ...f }) => ({ ...f, sentence: sentences[s]! })),
      );
      return passage;
    });
  }

  private saveBody(passages: Passage[]): SavedBody {
    return {
      passages: passages.map((p) => [
        p.paragraph,
        p.text,
        p.sentences.flatMap((s) => [s.start, s.text.length]),
        p.heading ?? null,
        p.context ?? null,
      ]),
      figures: passages.map((p) =>
        this.figures.of(p).map(({ sentence, ...f }) => ({ ...f, s: p.sentences.indexOf(sentence) })),
      ),
    };
  }
}

/**
 * The header and body of a saved corpus. Throws when they do not fit together (a truncated or foreign file), which
 * would otherwise surface only when a document's passages are first read, in the middle of an answer.
 */
function readSaved(file: SavedFile): { entries: Entry[]; body: (start: number, end: number) => Buffer } {
  const headerEnd = 4 + file.read(0, 4).readUInt32LE(0);
  const entries = JSON.parse(file.read(4, headerEnd).toString('utf8')) as Entry[];
  if (!Array.isArray(entries)) throw new Error('the saved corpus has no list of documents');
  const end = entries.reduce((max, e) => Math.max(max, e.at?.[1] ?? 0), 0);
  if (headerEnd + end !== file.size)
    throw new Error(`the saved corpus's body is ${file.size - headerEnd} bytes, not ${end}`);
  return { entries, body: (start, end) => file.read(headerEnd + start, headerEnd + end) };
}
