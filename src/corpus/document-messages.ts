import type { MessagePort, Worker } from 'node:worker_threads';
import * as z from 'zod';
import { errorLine } from '../errors.js';
import type { DocumentMeta, Passage, SourceDocument } from './types.js';

/**
 * How a worker thread that reads one document sends it to the thread that started it, in order: the document's head
 * (all but its passages) with what else its caller wants (`Extra`), its passages a slice per message, each passage with
 * what the worker read of it (`Attached`), then the end; or, having no document, why (`None`). A slice per message,
 * because the receiving thread takes each message in a turn of its event loop: a 2 MB document in one message was one
 * turn of tens to hundreds of ms (by its passages' count) spent receiving it; a slice of 500 passages, about a ms.
 */
export type DocumentMessage<Extra, Attached, None> =
  | { type: 'document'; head: Omit<SourceDocument, 'passages'>; extra: Extra }
  | { type: 'passages'; passages: Passage[]; attached?: Attached[] }
  | { type: 'end' }
  | { type: 'none'; none: None };

/**
 * A document's head as it must arrive: what the index, citations and the saved state read of every document, checked
 * as it crosses from the worker, since a head missing any of it fails later and far from the worker that sent it.
 */
const Head = z.object({
  source: z.string().min(1),
  hash: z.string(),
  meta: z.object({
    title: z.string(),
    author: z.string().optional(),
    publisher: z.string().optional(),
    date: z.string().optional(),
    url: z.string().optional(),
    fetched: z.string().optional(),
    tags: z.array(z.string()),
  }) satisfies z.ZodType<DocumentMeta>,
});

/** Where a worker posts: its `parentPort`. */
type Port = Pick<MessagePort, 'postMessage'>;

/**
 * The worker's side: sends `document` through `port`, `perMessage` passages a message, with `extra` and, when given,
 * `attach`'s answer for each passage, in the same message as its passage so that it arrives as that passage's own.
 */
export function sendDocument<Extra, Attached = never>(
  port: Port,
  document: SourceDocument,
  { extra, perMessage, attach }: { extra: Extra; perMessage: number; attach?: (passage: Passage) => Attached },
): void {
  const send = (message: DocumentMessage<Extra, Attached, never>) => port.postMessage(message);
  const { passages, ...head } = document;
  send({ type: 'document', head, extra });
  for (let i = 0; i < passages.length; i += perMessage) {
    const slice = passages.slice(i, i + perMessage);
    send(
      attach
        ? { type: 'passages', passages: slice, attached: slice.map(attach) }
        : { type: 'passages', passages: slice },
    );
  }
  send({ type: 'end' });
}

/** The worker's side when it has no document to send: why, for `receiveDocument`'s `none`. */
export function sendNone<None>(port: Port, none: None): void {
  port.postMessage({ type: 'none', none } satisfies DocumentMessage<never, never, None>);
}

/**
 * What to try with a document its reader took too long over: as plain text it has no format to take apart, and a
 * smaller part is less to read.
 */
const TOO_SLOW_ADVICE = 'try it as plain text (.txt) or in smaller parts';

/** What `receiveDocument` makes of each way the worker can end, as its caller answers. */
export interface Receiving<Extra, Attached, None, Result> {
  /**
   * Each slice of passages as it arrives, with what the worker attached to each (if anything: one per passage when
   * given). Throwing (a slice without what the caller needs) fails the document: `failed` answers.
   */
  onPassages?(passages: Passage[], attached: Attached[] | undefined): void;
  /**
   * What the worker's first message must hold beside the head (`extra`), or instead of a document (`none`): checked as
   * it arrives, so that one not fitting fails the document (`failed` answers) rather than the caller reading it.
   */
  schemas: { extra: z.ZodType<Extra>; none: z.ZodType<None> };
  /** The whole document, its passages in order, and the extra sent with its head. */
  document(document: SourceDocument, extra: Extra): Result;
  /** The worker had no document to send, and said why. */
  none(none: None): Result;
  /** The worker failed (threw, or stopped before the end): one line saying how. */
  failed(problem: string): Result;
  /** Longest the worker may take to answer: then it is ended, and `timedOut` answers. */
  timeoutMs: number;
  /** The worker took longer than `timeoutMs`: what to try ("took longer than 120 s to read; …"). */
  timedOut(problem: string): Result;
  /** When `signal` is aborted, the worker is ended (or never started) and `result` is the answer. */
  abort?: { signal: AbortSignal; result: Result };
}

/**
 * The starting thread's side: starts the worker (`start`), puts the document it sends back together and answers once,
 * ending the worker then, whether it sent its end, failed, took too long or was aborted.
 */
export function receiveDocument<Extra, Attached, None, Result>(
  start: () => Worker,
  receiving: Receiving<Extra, Attached, None, Result>,
): Promise<Result> {
  const { abort, schemas } = receiving;
  return new Promise((resolve) => {
    if (abort?.signal.aborted) return resolve(abort.result);
    const worker = start();
    let read: { document: SourceDocument; extra: Extra } | undefined;
    let settled = false;
    const timer = setTimeout(
      () => settle(receiving.timedOut(`took longer than ${receiving.timeoutMs / 1000} s to read; ${TOO_SLOW_ADVICE}`)),
      receiving.timeoutMs,
    );
    const settle = (result: Result) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      abort?.signal.removeEventListener('abort', aborted);
      void worker.terminate();
      resolve(result);
    };
    const aborted = () => abort && settle(abort.result);
    abort?.signal.addEventListener('abort', aborted, { once: true });
    const take = (message: DocumentMessage<Extra, Attached, None>) => {
      if (message.type === 'document') {
        // Passages arrive only after their head, and a document has one: otherwise some would be dropped unseen.
        if (read) throw new Error('a second head came for one document');
        const head = checked("the document's head", Head, message.head);
        read = {
          document: { ...head, passages: [] },
          extra: checked('what came with it', schemas.extra, message.extra),
        };
      } else if (message.type === 'passages') {
        if (!read) throw new Error('passages came before their document');
        const { passages, attached } = message;
        if (!Array.isArray(passages)) throw new Error('a slice of passages was no list');
        if (attached !== undefined && (!Array.isArray(attached) || attached.length !== passages.length))
          throw new Error("a slice's attachments were not one per passage");
        receiving.onPassages?.(passages, attached);
        read.document.passages.push(...passages);
      } else if (message.type === 'none')
        settle(receiving.none(checked('why it had no document', schemas.none, message.none)));
      else if (message.type === 'end') {
        if (!read) throw new Error('the end came before any document');
        settle(receiving.document(read.document, read.extra));
      } else throw new Error('a message of no known type');
    };
    // A message that does not fit, or that `onPassages` refuses, fails the document as a worker error does: thrown
    // here, in an event handler, nothing would catch it and the process would end.
    worker.on('message', (message: DocumentMessage<Extra, Attached, None>) => {
      if (settled) return;
      try {
        take(message);
      } catch (error) {
        failed(`its reader sent a malformed message: ${errorLine(error)}`);
      }
    });
    const failed = (problem: string) => settle(receiving.failed(problem));
    worker.on('error', (error) => failed(errorLine(error)));
    worker.on('exit', (code) => failed(`its reader stopped with code ${code}`));
  });
}

/** `value` as `schema` reads it, or an error saying in one line what of `what` does not fit, and where. */
function checked<T>(what: string, schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new Error(`${what}${issue.path.length ? ` at ${issue.path.join('.')}` : ''}: ${issue.message}`);
}
