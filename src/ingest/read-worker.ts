import { parentPort, workerData } from 'node:worker_threads';
import { readItem, type ReadMessage, type ReadRequest } from './read.js';

/**
 * The worker's side of `readInWorker`: reads one item to add and answers with what it made of it, the document's
 * passages a slice per message, so that the main thread takes each slice in a turn of its event loop of its own.
 */
const { item, passagesPerMessage } = workerData as ReadRequest;
const send = (message: ReadMessage) => parentPort!.postMessage(message);

const read = await readItem(item);
if ('problem' in read) send({ type: 'problem', problem: read.problem });
else {
  const { document, sidecar, fingerprint } = read;
  const { passages, ...head } = document;
  send({ type: 'document', head, sidecar, fingerprint });
  for (let i = 0; i < passages.length; i += passagesPerMessage)
    send({ type: 'passages', passages: passages.slice(i, i + passagesPerMessage) });
  send({ type: 'end' });
}
