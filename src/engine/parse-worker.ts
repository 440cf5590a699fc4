import { parentPort, workerData } from 'node:worker_threads';
import { FigureCache } from '../answer/figures/passage.js';
import { sendDocument, sendNone } from '../corpus/document-messages.js';
import { loadDocument } from '../corpus/load.js';
import type { ParseAttached, ParseExtra, ParseRequest } from './parse.js';

/**
 * The worker's side of `parseInWorker`: loads one file and reads its passages' figures, then sends the document a
 * slice of passages per message, each passage's figures with it.
 */
const { root, path, maxBytes, passagesPerMessage } = workerData as ParseRequest;

const { document, warning } = await loadDocument(root, path, { maxBytes });
if (!document) sendNone<ParseExtra>(parentPort!, { warning });
else {
  const figures = new FigureCache();
  sendDocument<ParseExtra, ParseAttached>(parentPort!, document, {
    extra: { warning },
    perMessage: passagesPerMessage,
    attach: (p) => figures.of(p),
  });
}
