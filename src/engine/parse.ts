import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FigureCache, PassageFigure } from '../answer/figures/passage.js';
import type { LoadedDocument } from '../corpus/load.js';
import type { CorpusWarning, Passage, SourceDocument } from '../corpus/types.js';
import { errorLine } from '../errors.js';

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

const here = fileURLToPath(import.meta.url);
/** The worker's module beside this one: compiled JavaScript in dist/, TypeScript when run from the sources. */
const WORKER = new URL(`./parse-worker${extname(here)}`, import.meta.url);

/**
 * Starts the worker. From the sources (tests, `tsx`) its module is TypeScript, which it loads
 * through tsx's API: Node 20 does not apply `--import tsx` to a worker's own module.
 */
function startWorker(workerData: ParseRequest): Worker {
  if (extname(here) !== '.ts') return new Worker(WORKER, { workerData });
  const require = createRequire(import.meta.url);
  const manifest = require('tsx/package.json') as { exports: Record<string, { import: { default: string } }> };
  const api = join(dirname(require.resolve('tsx/package.json')), manifest.exports['./esm/api']!.import.default);
  const worker = JSON.stringify(WORKER.href);
  const boot = `import(${JSON.stringify(pathToFileURL(api).href)}).then((tsx) => tsx.tsImport(${worker}, ${worker}))`;
  return new Worker(boot, { eval: true, workerData });
}

/**
 * Loads one corpus file as `loadDocument` does (never throwing: a bad file is a warning, not yet
 * logged), but in a worker thread, which also reads every passage's figures into `figures`:
 * parsing a large document and reading its figures take seconds of CPU that would otherwise
 * hold up every request. Aborting `signal` stops the worker and returns nothing.
 */
export function parseInWorker(
  request: Omit<ParseRequest, 'passagesPerMessage'> & { passagesPerMessage?: number },
  figures: FigureCache,
  signal?: AbortSignal,
): Promise<LoadedDocument> {
  const { root, path, source, maxBytes, passagesPerMessage = 500 } = request;
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve({});
    const worker = startWorker({ root, path, source, maxBytes, passagesPerMessage });
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
