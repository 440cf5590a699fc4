import { parentPort, workerData } from 'node:worker_threads';
import { sendDocument, sendNone } from '../corpus/document-messages.js';
import { readItem, type ReadExtra, type ReadRequest } from './read.js';

/**
 * The worker's side of `readInWorker`: reads one item to add and answers with what it made of it, the document's
 * passages a slice per message.
 */
const { item, passagesPerMessage } = workerData as ReadRequest;

const read = await readItem(item);
if ('problem' in read) sendNone(parentPort!, read.problem);
else {
  const { document, ...extra } = read;
  sendDocument<ReadExtra>(parentPort!, document, { extra, perMessage: passagesPerMessage });
}
