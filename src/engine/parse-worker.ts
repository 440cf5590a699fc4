import { parentPort, workerData } from 'node:worker_threads';
import { FigureCache } from '../answer/figures/passage.js';
import { loadDocument } from '../corpus/load.js';
import type { ParseRequest, ParseMessage } from './parse.js';

/**
 * The worker's side of `parseInWorker`: loads one file and reads its passages' figures, then
 * sends the document a slice of passages per message, so that the main thread takes each slice
 * in a turn of its event loop of its own instead of one long turn for the whole document.
 */
const { root, path, maxBytes, passagesPerMessage } = workerData as ParseRequest;
const send = (message: ParseMessage) => parentPort!.postMessage(message);

const { document, warning } = await loadDocument(root, path, { maxBytes });
if (!document) send({ type: 'end', warning });
else {
  const { passages, ...head } = document;
  const figures = new FigureCache();
  send({ type: 'document', head, warning });
  for (let i = 0; i < passages.length; i += passagesPerMessage) {
    const slice = passages.slice(i, i + passagesPerMessage);
    // One message holds a passage and its figures, so each figure's sentence arrives as that passage's own.
    send({ type: 'passages', passages: slice, figures: slice.map((p) => figures.of(p)) });
  }
  send({ type: 'end' });
}
