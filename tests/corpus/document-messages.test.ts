import { EventEmitter } from 'node:events';
import { MessageChannel, type Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { receiveDocument, sendDocument, sendNone, type Receiving } from '../../src/corpus/document-messages.js';
import type { Passage, SourceDocument } from '../../src/corpus/types.js';

const passage = (paragraph: number): Passage => ({
  id: `log.md#${paragraph}`,
  source: 'log.md',
  paragraph,
  text: `Entry ${paragraph}: the lock keeper raised the gate ${paragraph * 2} times.`,
  sentences: [],
});
const logbook = (count: number): SourceDocument => ({
  source: 'log.md',
  hash: 'h1',
  meta: { title: 'Lock log', tags: [] },
  passages: Array.from({ length: count }, (_, i) => passage(i + 1)),
});
/** The head of a well-formed document, as a worker sends it. */
const lockLogHead = { source: 'log.md', hash: 'h1', meta: { title: 'Lock log', tags: [] } };

/**
 * A worker thread's stand-in: what the "worker" posts crosses a real MessageChannel (copied, and delivered a message
 * per turn, as between threads) and arrives as the Worker's 'message' event; a test emits 'error' and 'exit' itself.
 */
const channels: MessageChannel[] = [];
function standIn() {
  const channel = new MessageChannel();
  channels.push(channel);
  const worker = Object.assign(new EventEmitter(), { terminate: vi.fn(async () => 0) });
  channel.port2.on('message', (message) => worker.emit('message', message));
  return { port: channel.port1, worker, start: () => worker as unknown as Worker };
}
afterEach(() => {
  for (const { port1, port2 } of channels.splice(0)) {
    port1.close();
    port2.close();
  }
});

type Extra = { fingerprint: string };
type Answer = {
  document?: SourceDocument;
  extra?: Extra;
  none?: string;
  failed?: string;
  timedOut?: string;
  aborted?: true;
};
const answers = (over: Partial<Receiving<Extra, number, string, Answer>> = {}) => ({
  document: (document: SourceDocument, extra: Extra): Answer => ({ document, extra }),
  none: (none: string): Answer => ({ none }),
  failed: (failed: string): Answer => ({ failed }),
  timeoutMs: 60_000,
  timedOut: (timedOut: string): Answer => ({ timedOut }),
  schemas: { extra: z.object({ fingerprint: z.string() }), none: z.string() },
  ...over,
});

describe('sendDocument and receiveDocument', () => {
  it('bring a document larger than a slice whole and in order, a slice per message with its attachments', async () => {
    const { port, worker, start } = standIn();
    const slices: [number[], number[] | undefined][] = [];
    const received = receiveDocument(
      start,
      answers({ onPassages: (passages, attached) => slices.push([passages.map((p) => p.paragraph), attached]) }),
    );
    const sent = logbook(7);
    sendDocument(port, sent, { extra: { fingerprint: 'f7' }, perMessage: 3, attach: (p) => p.paragraph * 10 });

    expect(await received).toEqual({ document: sent, extra: { fingerprint: 'f7' } });
    expect(slices).toEqual([
      [
        [1, 2, 3],
        [10, 20, 30],
      ],
      [
        [4, 5, 6],
        [40, 50, 60],
      ],
      [[7], [70]],
    ]);
    expect(worker.terminate).toHaveBeenCalledOnce();
  });

  it('send passages with nothing attached unless asked, and a document of no passages whole', async () => {
    const { port, start } = standIn();
    const attachedSeen: unknown[] = [];
    const received = receiveDocument(start, answers({ onPassages: (_, attached) => attachedSeen.push(attached) }));
    sendDocument(port, logbook(2), { extra: { fingerprint: 'f2' }, perMessage: 500 });
    expect((await received).document).toEqual(logbook(2));
    expect(attachedSeen).toEqual([undefined]);

    const empty = standIn();
    const none = receiveDocument(empty.start, answers());
    sendDocument(empty.port, logbook(0), { extra: { fingerprint: 'f0' }, perMessage: 500 });
    expect(await none).toEqual({ document: logbook(0), extra: { fingerprint: 'f0' } });
  });

  it('answer why when the worker has no document', async () => {
    const { port, worker, start } = standIn();
    const received = receiveDocument(start, answers());
    sendNone(port, 'it holds no text');
    expect(await received).toEqual({ none: 'it holds no text' });
    expect(worker.terminate).toHaveBeenCalledOnce();
  });

  it("make a worker's error the first line of its message, and a worker stopped before the end a failure", async () => {
    const thrown = standIn();
    const received = receiveDocument(thrown.start, answers());
    thrown.worker.emit('error', new Error('the parser ran out of memory\n    at parse (parse.js:1:1)'));
    thrown.worker.emit('exit', 1);
    expect(await received).toEqual({ failed: 'the parser ran out of memory' });
    expect(thrown.worker.terminate).toHaveBeenCalledOnce();

    // The head and a slice arrived, but not the end: the document is not given half read.
    const stopped = standIn();
    const partial = receiveDocument(stopped.start, answers());
    stopped.port.postMessage({ type: 'document', head: lockLogHead, extra: { fingerprint: 'f1' } });
    stopped.port.postMessage({ type: 'passages', passages: [passage(1)] });
    await new Promise((resolve) => setTimeout(resolve, 20));
    stopped.worker.emit('exit', 0);
    expect(await partial).toEqual({ failed: 'its reader stopped with code 0' });
  });

  it('fail the document, never throwing, on a message that does not fit, and take nothing after', async () => {
    const head = { type: 'document', head: lockLogHead, extra: { fingerprint: 'f1' } };
    const cases: [string, unknown[], string][] = [
      ['no list', [head, { type: 'passages', passages: 'p1' }], 'a slice of passages was no list'],
      [
        'attachments short',
        [head, { type: 'passages', passages: [passage(1), passage(2)], attached: [10] }],
        "a slice's attachments were not one per passage",
      ],
      ['unknown type', [head, { type: 'chapter' }], 'a message of no known type'],
      ['null', [null], "Cannot read properties of null (reading 'type')"],
      ['passages first', [{ type: 'passages', passages: [passage(1)] }, head], 'passages came before their document'],
      ['end first', [{ type: 'end' }], 'the end came before any document'],
      ['two heads', [head, head], 'a second head came for one document'],
      [
        'headless',
        [{ ...head, head: undefined }],
        "the document's head: Invalid input: expected object, received undefined",
      ],
    ];
    for (const [, messages, why] of cases) {
      const { port, worker, start } = standIn();
      const received = receiveDocument(start, answers());
      for (const message of messages) port.postMessage(message);
      expect(await received).toEqual({ failed: `its reader sent a malformed message: ${why}` });
      expect(worker.terminate).toHaveBeenCalledOnce();
    }

    // The caller's own check (a slice without what it needs attached) fails it the same way; later slices are not
    // taken, though they arrive before the worker ends.
    const { port, start } = standIn();
    const taken: number[] = [];
    const onPassages = (passages: Passage[], attached: number[] | undefined) => {
      if (!attached) throw new Error('passages came without their figures');
      taken.push(...passages.map((p) => p.paragraph));
    };
    const received = receiveDocument(start, answers({ onPassages }));
    port.postMessage(head);
    port.postMessage({ type: 'passages', passages: [passage(1)], attached: [10] });
    port.postMessage({ type: 'passages', passages: [passage(2)] });
    port.postMessage({ type: 'passages', passages: [passage(3)], attached: [30] });
    port.postMessage({ type: 'end' });
    expect(await received).toEqual({
      failed: 'its reader sent a malformed message: passages came without their figures',
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(taken).toEqual([1]);
  });

  it('fail the document in one line, never throwing, on a first message that does not fit the protocol', async () => {
    const document = (head: unknown, extra: unknown = { fingerprint: 'f1' }) => ({ type: 'document', head, extra });
    const cases: [string, unknown, string][] = [
      [
        'no title',
        document({ ...lockLogHead, meta: { tags: [] } }),
        "the document's head at meta.title: Invalid input: expected string, received undefined",
      ],
      [
        'tags not a list',
        document({ ...lockLogHead, meta: { title: 'Lock log', tags: 'canal' } }),
        "the document's head at meta.tags: Invalid input: expected array, received string",
      ],
      [
        'hash a number',
        document({ ...lockLogHead, hash: 7 }),
        "the document's head at hash: Invalid input: expected string, received number",
      ],
      [
        'source empty',
        document({ ...lockLogHead, source: '' }),
        "the document's head at source: Too small: expected string to have >=1 characters",
      ],
      [
        'extra without its field',
        document(lockLogHead, { sidecar: 'x' }),
        'what came with it at fingerprint: Invalid input: expected string, received undefined',
      ],
      [
        'none not what the caller reads',
        { type: 'none', none: { reason: 'empty' } },
        'why it had no document: Invalid input: expected string, received object',
      ],
    ];
    for (const [, first, why] of cases) {
      const { port, worker, start } = standIn();
      const received = receiveDocument(start, answers());
      port.postMessage(first);
      sendDocument(port, logbook(2), { extra: { fingerprint: 'f2' }, perMessage: 1 });
      expect(await received).toEqual({ failed: `its reader sent a malformed message: ${why}` });
      expect(worker.terminate).toHaveBeenCalledOnce();
    }
  });

  it('end a worker that has not answered in `timeoutMs`, saying what to try, and never one that did', async () => {
    vi.useFakeTimers();
    try {
      const { worker, start } = standIn();
      const received = receiveDocument(start, answers({ timeoutMs: 1500 }));
      vi.advanceTimersByTime(1499);
      expect(worker.terminate).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(await received).toEqual({
        timedOut: 'took longer than 1.5 s to read; try it as plain text (.txt) or in smaller parts',
      });
      expect(worker.terminate).toHaveBeenCalledOnce();

      // Answered in time, the timer is gone: nothing fires later.
      const answered = standIn();
      const timedOut = vi.fn((problem: string): Answer => ({ timedOut: problem }));
      const none = receiveDocument(answered.start, answers({ timeoutMs: 1500, timedOut }));
      sendNone(answered.port, 'it holds no text');
      expect(await none).toEqual({ none: 'it holds no text' });
      expect(vi.getTimerCount()).toBe(0);
      vi.advanceTimersByTime(5000);
      expect(timedOut).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });

  it('end the worker and give the abort answer when aborted, and start none once already aborted', async () => {
    const { port, worker, start } = standIn();
    const controller = new AbortController();
    const abort = { signal: controller.signal, result: { aborted: true as const } };
    const received = receiveDocument(start, answers({ abort }));
    controller.abort();
    sendDocument(port, logbook(3), { extra: { fingerprint: 'f3' }, perMessage: 1 });
    expect(await received).toEqual({ aborted: true });
    expect(worker.terminate).toHaveBeenCalledOnce();

    const never = vi.fn(start);
    expect(await receiveDocument(never, answers({ abort }))).toEqual({ aborted: true });
    expect(never).not.toHaveBeenCalled();
  });
});
