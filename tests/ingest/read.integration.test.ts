import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { WATCH_DEFAULTS } from '../../src/engine/watch.js';
import { readInWorker, readItem, type ItemToRead } from '../../src/ingest/read.js';

/**
 * A document as large as `add` reads in a worker, every paragraph different (its number in its words) and under
 * a heading of its own every 40 paragraphs, so that a slice lost, repeated or put out of order changes the result.
 */
function seedCatalogue(): string {
  const sections: string[] = [];
  for (let s = 0; sections.join('').length < WATCH_DEFAULTS.workerFromBytes; s++) {
    const paragraphs = Array.from({ length: 40 }, (_, i) => {
      const n = s * 40 + i + 1;
      return (
        `Packet ${n} holds ${n * 3} seeds of the ${['runner bean', 'marrow', 'parsnip', 'sweet pea'][n % 4]}. ` +
        `Sow it ${(n % 9) + 1} weeks after the last frost, in rows ${(n % 5) + 2} hand-spans apart.`
      );
    });
    sections.push(`## Drawer ${s + 1}\n\n${paragraphs.join('\n\n')}\n\n`);
  }
  return `# The Seed Library Catalogue\n\n${sections.join('')}`;
}

const item = (source: string, text: string): ItemToRead => ({
  format: 'markdown',
  bytes: new TextEncoder().encode(text),
  source,
  meta: { url: 'https://seeds.example/catalogue' },
});

describe('readInWorker', () => {
  it('brings a large document back whole and in order, in slices of passages, as readItem reads it', async () => {
    const catalogue = item('catalogue.md', seedCatalogue());
    expect(catalogue.bytes.byteLength).toBeGreaterThanOrEqual(WATCH_DEFAULTS.workerFromBytes);
    const here = await readItem(catalogue);
    if (!('document' in here)) throw new Error(here.problem);
    // 97 divides no count of passages here: the last slice is a short one.
    const passages = here.document.passages.length;
    expect(passages).toBeGreaterThan(97 * 20);
    expect(passages % 97).not.toBe(0);

    const inWorker = await readInWorker(catalogue, { passagesPerMessage: 97 });
    expect(inWorker).toEqual(here);
    if (!('document' in inWorker)) throw new Error(inWorker.problem);
    expect(inWorker.document.passages.map((p) => p.paragraph)).toEqual(
      Array.from({ length: passages }, (_, i) => i + 1),
    );
    expect(inWorker.document.passages.at(-1)!.text).toMatch(new RegExp(`^Packet ${passages} holds`));
  });

  it('gives the problem readItem gives, and a document smaller than one slice whole', async () => {
    const blank = item('blank.md', '  \n\n');
    expect(await readInWorker(blank)).toEqual(await readItem(blank));
    const short = item('short.md', '# Two Packets\n\nPacket 1 holds chard.\n\nPacket 2 holds kale.\n');
    expect(await readInWorker(short)).toEqual(await readItem(short));
  });

  it('makes a reader whose head comes without its sidecar a problem in one line, nothing read', async () => {
    // A stand-in for read-worker: a real thread whose head carries the fingerprint but, instead of the sidecar's
    // bytes, its text.
    const start = () =>
      new Worker(
        `const { parentPort } = require('node:worker_threads');
         const head = { source: 'chard.md', hash: 'h', meta: { title: 'Chard', tags: [] } };
         parentPort.postMessage({ type: 'document', head, extra: { sidecar: 'title: Chard', fingerprint: 'f' } });
         parentPort.postMessage({ type: 'end' });`,
        { eval: true },
      );
    expect(await readInWorker(item('chard.md', '# Chard\n\nPacket 1 holds chard.\n'), { start })).toEqual({
      problem:
        'could not be read (its reader sent a malformed message: what came with it at sidecar: ' +
        'Invalid input: expected Uint8Array, received string)',
    });
  });

  it('ends a reader that takes longer than `timeoutMs`, the problem saying what to try', async () => {
    // A stand-in for read-worker stuck on a pathological file: a real thread that never answers.
    let stuck: Worker | undefined;
    const start = () => (stuck = new Worker('setInterval(() => {}, 1000)', { eval: true }));
    const read = await readInWorker(item('stuck.md', '# Stuck\n\nPacket 1.\n'), { timeoutMs: 50, start });
    expect(read).toEqual({
      problem: 'took longer than 0.05 s to read; try it as plain text (.txt) or in smaller parts',
    });
    await once(stuck!, 'exit');
  });

  it('ends its worker when `signal` aborts (shutdown), the item unread', async () => {
    let stuck: Worker | undefined;
    const start = () => (stuck = new Worker('setInterval(() => {}, 1000)', { eval: true }));
    const stopping = new AbortController();
    const reading = readInWorker(item('stuck.md', '# Stuck\n\nPacket 1.\n'), { signal: stopping.signal, start });
    const exited = once(stuck!, 'exit');
    stopping.abort();
    expect(await reading).toEqual({ problem: 'was not read: Dossier is stopping' });
    await exited;
  });
});
