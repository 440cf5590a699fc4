import { createHash } from 'node:crypto';
import type { Worker } from 'node:worker_threads';
import * as z from 'zod';
import type { Format } from '../corpus/files.js';
import { buildDocument } from '../corpus/document.js';
import { receiveDocument } from '../corpus/document-messages.js';
import { contentHash, emptyProblem, parseFormat } from '../corpus/load.js';
import { readStatedMeta } from '../corpus/metadata.js';
import { collapseSpaces } from '../corpus/text.js';
import type { DocumentMeta, SourceDocument } from '../corpus/types.js';
import { WATCH_DEFAULTS } from '../engine/watch.js';
import { moduleWorker } from '../worker-pool.js';
import { stringifyYaml } from '../yaml.js';

/** What an add reads: the bytes fetched or downloaded, to be stored as the corpus file `source`. */
export interface ItemToRead {
  format: Format;
  bytes: Uint8Array;
  source: string;
  meta: Partial<DocumentMeta>;
  /** Metadata known from elsewhere (a feed's item), used where the document states none. */
  fallback?: Partial<DocumentMeta>;
}

/**
 * What an add makes of them: the document as it is indexed, the sidecar stored beside it and the fingerprint of its
 * text (see `fingerprint`); or what is wrong with them, to follow the item's name.
 */
export type ReadItem = { problem: string } | { document: SourceDocument; sidecar: Uint8Array; fingerprint: string };

/** Metadata stated in a sidecar, in the order a person reading it expects. */
const SIDECAR_FIELDS = ['title', 'author', 'publisher', 'date', 'url', 'fetched'] as const;

/** Reads an item to add on this thread: the corpus pipeline, as a file in the folder goes through it. */
export async function readItem(item: ItemToRead): Promise<ReadItem> {
  const read = await parseFormat(item.format, item.bytes);
  if ('problem' in read) return { problem: read.problem.message };
  const parsed = { ...read.parsed, fallbackMeta: { ...item.fallback, ...read.parsed.fallbackMeta } };
  const first = buildDocument(item.source, '', parsed, item.meta);
  const empty = emptyProblem(item.format, first);
  if (empty) return { problem: empty.message };

  // The sidecar states the metadata as read, so it is kept even if the parsing changes: a title the text never
  // stated (its opening words) too, unless stating it would change the passages. That is when the opening words
  // are a whole paragraph (a short first line): stated, the title would be read as that paragraph's headline and
  // the paragraph dropped from the body, so that title stays out and is derived again on every load.
  const withSidecar = (fields: readonly (keyof DocumentMeta)[]) => {
    const yaml = sidecarText(first.meta, fields);
    const sidecar = new TextEncoder().encode(yaml);
    const { meta } = readStatedMeta(yaml, 'sidecar');
    return { sidecar, document: buildDocument(item.source, contentHash(item.bytes, { bytes: sidecar }), parsed, meta) };
  };
  let stored = withSidecar(SIDECAR_FIELDS);
  if (!samePassages(stored.document, first)) stored = withSidecar(SIDECAR_FIELDS.filter((f) => f !== 'title'));
  return { ...stored, fingerprint: fingerprint(first) };
}

/** What `readInWorker` asks its worker: the item, and how many passages to send back per message. */
export interface ReadRequest {
  item: ItemToRead;
  passagesPerMessage: number;
}

/**
 * What the worker sends (src/corpus/document-messages.ts): the sidecar and fingerprint with the document's head, or
 * instead of a document the problem with the item.
 */
export type ReadExtra = Omit<Extract<ReadItem, { document: SourceDocument }>, 'document'>;

/** What must arrive with the head (the sidecar's bytes and the fingerprint), or instead of a document (the problem). */
const READ_SCHEMAS = {
  extra: z.object({ sidecar: z.instanceof(Uint8Array), fingerprint: z.string() }) satisfies z.ZodType<ReadExtra>,
  none: z.string(),
};

/** Starts the worker: read-worker beside this module. */
const startWorker = (workerData: ReadRequest): Worker => moduleWorker('read-worker', import.meta.url, { workerData });

/**
 * Reads an item to add as `readItem` does, in a worker thread of its own; a reader that fails, or takes longer than
 * `timeoutMs`, is a problem too. The document comes back a slice of passages per message (`passagesPerMessage`), so
 * the main thread takes each slice in a turn of its own. Both by default as the watcher's parsing worker
 * (`WATCH_DEFAULTS`). Aborting `signal` (shutdown) ends the worker, and the item is not read. `start` starts the worker
 * (tests pass another).
 */
export function readInWorker(
  item: ItemToRead,
  {
    passagesPerMessage = WATCH_DEFAULTS.passagesPerMessage,
    timeoutMs = WATCH_DEFAULTS.readTimeoutMs,
    signal,
    start = startWorker,
  }: {
    passagesPerMessage?: number;
    timeoutMs?: number;
    signal?: AbortSignal;
    start?: (request: ReadRequest) => Worker;
  } = {},
): Promise<ReadItem> {
  const request: ReadRequest = { item, passagesPerMessage };
  return receiveDocument<ReadExtra, never, string, ReadItem>(() => start(request), {
    schemas: READ_SCHEMAS,
    document: (document, extra) => ({ document, ...extra }),
    none: (problem) => ({ problem }),
    failed: (problem) => ({ problem: `could not be read (${problem})` }),
    timeoutMs,
    timedOut: (problem) => ({ problem }),
    abort: signal && { signal, result: { problem: 'was not read: Dossier is stopping' } },
  });
}

/** The text of a document's passages, hashed: the same article under two links is one document. */
export function fingerprint(document: SourceDocument): string {
  const hash = createHash('sha256');
  for (const p of document.passages) hash.update(collapseSpaces(p.text)).update('\n');
  return hash.digest('hex');
}

function samePassages(a: SourceDocument, b: SourceDocument): boolean {
  return a.passages.length === b.passages.length && a.passages.every((p, i) => p.text === b.passages[i]!.text);
}

function sidecarText(meta: DocumentMeta, fields: readonly (keyof DocumentMeta)[]): string {
  const record = Object.fromEntries(fields.flatMap((f) => (meta[f] === undefined ? [] : [[f, meta[f]]])));
  return (
    `# Metadata of the document beside this file, written by Dossier when it was added. Edit to correct ` +
    `it.\n${stringifyYaml(record)}`
  );
}
