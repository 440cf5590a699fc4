import type { Worker } from 'node:worker_threads';
import type { FigureCache, PassageFigure } from '../answer/figures/passage.js';
import type { LoadedDocument } from '../corpus/load.js';
import type { CorpusWarning, Passage, SourceDocument } from '../corpus/types.js';
import { errorLine } from '../errors.js';
import { moduleWorker } from '../worker-pool.js';

/** What the worker is asked: one file of the corpus folder `root`. */
export interface ParseRequest {
  root: string;
  path: string;
  /** The file's name in the corpus, for a warning the worker could not give (it failed). */
  source: string;
  maxBytes?: number;
  passagesPerMessage: number;
}

/** What the worker answers, in order: the document's head, its passages in slices, the end. */
export type ParseMessage =
  | { type: 'document'; head: Omit<SourceDocument, 'passages'>; warning?: CorpusWarning }
  | { type: 'passages'; passages: Passage[]; figures: PassageFigure[][] }
  | { type: 'end'; warning?: CorpusWarning };

/** Starts the worker: parse-worker beside this module. */
const startWorker = (workerData: ParseRequest): Worker => moduleWorker('parse-worker', import.meta.url, { workerData });

/**
 * Loads one corpus file as `loadDocument` does (never throwing: a bad file is a warning, not yet
 * logged), but in a worker thread, which also reads every passage's figures into `figures`:
 * parsing a large document and reading its figures take seconds of CPU that would otherwise
 * hold up every request. Aborting `signal` stops the worker and returns nothing.
 */
export function parseInWorker(
  request: ParseRequest,
  figures: FigureCache,
  signal?: AbortSignal,
): Promise<LoadedDocument> {
  const { source } = request;
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve({});
    const worker = startWorker(request);
    let document: SourceDocument | undefined;
    let warning: CorpusWarning | undefined;
    let settled = false;
    const settle = (loaded: LoadedDocument) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', abort);
      void worker.terminate();
      resolve(loaded);
    };
    const abort = () => settle({});
    signal?.addEventListener('abort', abort, { once: true });
    worker.on('message', (message: ParseMessage) => {
      if (message.type === 'document') {
        document = { ...message.head, passages: [] };
        warning = message.warning;
      } else if (message.type === 'passages') {
        message.passages.forEach((p, i) => figures.prime(p, message.figures[i]!));
        document?.passages.push(...message.passages);
      } else settle(document ? { document, warning } : { warning: message.warning });
    });
    const failed = (problem: string) =>
      settle({ warning: { source, code: 'corrupt', message: `${source} could not be loaded (${problem})` } });
    worker.on('error', (error) => failed(errorLine(error)));
    worker.on('exit', (code) => failed(`its reader stopped with code ${code}`));
  });
}
