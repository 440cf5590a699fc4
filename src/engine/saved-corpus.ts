import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FigureCache, PassageFigure } from '../answer/figures/passage.js';
import type { LoadedDocument } from '../corpus/load.js';
import type { Corpus, SourceDocument } from '../corpus/types.js';
import type { Logger } from '../log.js';

/** Bumped whenever parsing, cleaning or the figure grammar changes what a saved document holds. */
export const SAVED_CORPUS_VERSION = 5;

type SavedFigure = Omit<PassageFigure, 'sentence'> & { s: number };
interface SavedDocument {
  loaded: LoadedDocument;
  /** Figures per passage, each pointing at its sentence by index. */
  figures: SavedFigure[][];
}

/**
 * The parsed corpus, saved beside the index: documents whose bytes have not changed are taken from
 * here instead of being parsed (and their figures read) again, which is most of start-up.
 */
export class SavedCorpus {
  private fresh = false;
  /** The hash of every file the loader read, documents or not, so a file skipped for its content is saved as skipped. */
  private readonly hashes = new Map<string, string>();

  private constructor(
    private readonly file: string,
    private readonly saved: Map<string, SavedDocument & { hash: string }>,
    private readonly log: Logger,
    private readonly figures: FigureCache,
  ) {}

  /** The saved corpus of `corpusDir`, whose figures go into (and are saved from) `figures`. */
  static async open(cacheDir: string, corpusDir: string, log: Logger, figures: FigureCache): Promise<SavedCorpus> {
    const file = join(
      cacheDir,
      `corpus-v${SAVED_CORPUS_VERSION}-${createHash('sha256').update(corpusDir).digest('hex').slice(0, 12)}.json`,
    );
    let entries: [string, SavedDocument & { hash: string }][] = [];
    try {
      entries = JSON.parse(await readFile(file, 'utf8')) as typeof entries;
    } catch {
      // Nothing saved yet, or unreadable: every document is parsed.
    }
    return new SavedCorpus(file, new Map(entries), log, figures);
  }

  /** For `loadCorpus`: the saved document for these bytes, its figures primed, if there is one. */
  readonly reuse = (source: string, hash: string): LoadedDocument | undefined => {
    this.hashes.set(source, hash);
    const saved = this.saved.get(source);
    if (saved?.hash !== hash) {
      this.fresh = true;
      return undefined;
    }
    const document = saved.loaded.document;
    document?.passages.forEach((p, i) =>
      this.figures.prime(
        p,
        (saved.figures[i] ?? []).map(({ s, ...f }) => ({ ...f, sentence: p.sentences[s]! })),
      ),
    );
    return saved.loaded;
  };

  /**
   * Saves the corpus when anything in it was parsed anew (or a file went away). A file read but
   * skipped (all boilerplate, binary, corrupt) is saved with its warning, so it is not parsed,
   * and the corpus not saved again, on every start.
   */
  async save(corpus: Corpus): Promise<void> {
    const documents = new Set(corpus.documents.map((d) => d.source));
    const skipped = corpus.warnings.filter((w) => this.hashes.has(w.source) && !documents.has(w.source));
    const sources = new Set([...documents, ...skipped.map((w) => w.source)]);
    if (!this.fresh && [...this.saved.keys()].every((s) => sources.has(s))) return;
    const warnings = new Map(corpus.warnings.map((w) => [w.source, w]));
    const entries = [
      ...corpus.documents.map(
        (document) =>
          [
            document.source,
            {
              hash: document.hash,
              loaded: { document, warning: warnings.get(document.source) },
              figures: document.passages.map((p) => saveFigures(p.sentences, this.figures.of(p))),
            },
          ] as const,
      ),
      ...skipped.map((warning) => [
        warning.source,
        { hash: this.hashes.get(warning.source)!, loaded: { warning }, figures: [] },
      ]),
    ];
    try {
      await mkdir(join(this.file, '..'), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      await writeFile(tmp, JSON.stringify(entries));
      await rename(tmp, this.file);
    } catch (error) {
      this.log.warn(
        { file: this.file, err: String(error) },
        'could not save the parsed corpus; it will be parsed again next start',
      );
    }
  }
}

function saveFigures(
  sentences: SourceDocument['passages'][number]['sentences'],
  figures: PassageFigure[],
): SavedFigure[] {
  return figures.map(({ sentence, ...f }) => ({ ...f, s: sentences.indexOf(sentence) }));
}
