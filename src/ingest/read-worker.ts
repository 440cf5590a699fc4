import { parentPort, workerData } from 'node:worker_threads';
import { readItem, type ItemToRead } from './read.js';

/** The worker's side of `readInWorker`: reads one item to add and answers with what it made of it. */
parentPort!.postMessage(await readItem(workerData as ItemToRead));
