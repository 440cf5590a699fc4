import type { Worker } from 'node:worker_threads';
import * as z from 'zod';
import type { FigureCache, PassageFigure } from '../answer/figures/passage.js';
import { receiveDocument } from '../corpus/document-messages.js';
import type { LoadedDocument } from '../corpus/load.js';
import { WARNING_CODES, type CorpusWarning } from '../corpus/types.js';
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

/**
 * What the worker sends (src/corpus/document-messages.ts): the warning loading the file gave, with the document's
 * head or instead of a document; and each passage's figures, attached to it.
 */
export interface ParseExtra {
  warning?: CorpusWarning;
}
export type ParseAttached = PassageFigure[];

/** The extra as it must arrive, with the head or instead of a document. */
const ParseExtraSchema = z.object({
  warning: z.object({ source: z.string(), code: z.enum(WARNING_CODES), message: z.string() }).optional(),
}) satisfies z.ZodType<ParseExtra>;

/** Starts the worker: parse-worker beside this module. */
const startWorker = (workerData: ParseRequest): Worker => moduleWorker('parse-worker', import.meta.url, { workerData });

/**
 * Loads one corpus file as `loadDocument` does (never throwing: a bad file is a warning, not yet
 * logged), but in a worker thread, which also reads every passage's figures into `figures`:
 * parsing a large document and reading its figures take seconds of CPU that would otherwise
 * hold up every request. Aborting `signal` stops the worker and returns nothing. A worker that fails, or sends what
 * does not fit (a slice without its figures), is a `corrupt` warning; one that takes longer than `timeoutMs` (the
 * watcher's `readTimeoutMs`), a `too-slow` one. `start` starts the worker (tests pass another).
 */
export function parseInWorker(
  request: ParseRequest,
  figures: FigureCache,
  {
    timeoutMs,
    signal,
    start = startWorker,
  }: { timeoutMs: number; signal?: AbortSignal; start?: (request: ParseRequest) => Worker },
): Promise<LoadedDocument> {
  const { source } = request;
  return receiveDocument<ParseExtra, ParseAttached, ParseExtra, LoadedDocument>(() => start(request), {
    onPassages: (passages, attached) => {
      if (!attached) throw new Error('passages came without their figures');
      passages.forEach((p, i) => figures.prime(p, attached[i]!));
    },
    schemas: { extra: ParseExtraSchema, none: ParseExtraSchema },
    document: (document, { warning }) => ({ document, warning }),
    none: ({ warning }) => ({ warning }),
    failed: (problem) => ({
      warning: { source, code: 'corrupt', message: `${source} could not be loaded (${problem})` },
    }),
    timeoutMs,
    timedOut: (problem) => ({ warning: { source, code: 'too-slow', message: `${source} ${problem}` } }),
    abort: signal && { signal, result: {} },
  });
}
