import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { FigureCache } from '../../src/answer/figures/passage.js';
import { loadDocument } from '../../src/corpus/load.js';
import { parseInWorker } from '../../src/engine/parse.js';
import { WATCH_DEFAULTS } from '../../src/engine/watch.js';

const root = mkdtempSync(join(tmpdir(), 'dossier-parse-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const paragraphs = Array.from(
  { length: 7 },
  (_, i) => `The crew in lane ${'ABCDEFG'[i]} rowed ${(i + 2) * 100} metres before the weir.`,
);
writeFileSync(join(root, 'regatta.md'), `# Regatta Day\n\n${paragraphs.join('\n\n')}\n`);
const { readTimeoutMs: timeoutMs } = WATCH_DEFAULTS;
const request = (name: string) => ({ root, path: join(root, name), source: name, passagesPerMessage: 3 });

/** The engine's cache, counting the passages whose figures arrive read (so the main thread need not read them). */
class PrimedCache extends FigureCache {
  primed = 0;
  override prime(...args: Parameters<FigureCache['prime']>): void {
    this.primed++;
    super.prime(...args);
  }
}

describe('parseInWorker', () => {
  it('loads a file as loadDocument does, its passages sent in slices, and primes their figures', async () => {
    const figures = new PrimedCache();
    const { document, warning } = await parseInWorker(request('regatta.md'), figures, { timeoutMs });
    expect(figures.primed).toBe(7);
    const here = await loadDocument(root, join(root, 'regatta.md'));
    expect(warning).toBeUndefined();
    expect(document).toEqual(here.document);
    const third = document!.passages[2]!;
    expect(figures.of(third).map((f) => f.text)).toEqual(['400 metres']);
  });

  it('gives the warning of a file it cannot load, and nothing once aborted', async () => {
    writeFileSync(join(root, 'empty.txt'), '  \n');
    const empty = await parseInWorker(request('empty.txt'), new FigureCache(), { timeoutMs });
    expect([empty.document, empty.warning?.code]).toEqual([undefined, 'empty']);
    const aborted = await parseInWorker(request('regatta.md'), new FigureCache(), {
      timeoutMs,
      signal: AbortSignal.abort(),
    });
    expect(aborted).toEqual({});
  });

  it('makes a worker sending a slice without its figures a `corrupt` warning, and runs on', async () => {
    // A stand-in for parse-worker: a real thread that sends a document whose one slice lacks its figures.
    const badSlice = () =>
      new Worker(
        `const { parentPort } = require('node:worker_threads');
         const meta = { title: 'Regatta Day', tags: [] };
         parentPort.postMessage({ type: 'document', head: { source: 'regatta.md', hash: 'h', meta }, extra: {} });
         parentPort.postMessage({ type: 'passages', passages: [{ id: 'regatta.md#1', paragraph: 1, text: 'Lane A' }] });
         parentPort.postMessage({ type: 'end' });`,
        { eval: true },
      );
    const figures = new PrimedCache();
    expect(await parseInWorker(request('regatta.md'), figures, { timeoutMs, start: badSlice })).toEqual({
      warning: {
        source: 'regatta.md',
        code: 'corrupt',
        message:
          'regatta.md could not be loaded (its reader sent a malformed message: passages came without their figures)',
      },
    });
    expect(figures.primed).toBe(0);
  });

  it('makes a worker whose first message does not fit the protocol a `corrupt` warning in one line', async () => {
    // Stand-ins for parse-worker: real threads whose head has no title, or whose warning has a code of no kind known.
    const sending = (first: string) => () =>
      new Worker(
        `const { parentPort } = require('node:worker_threads');
         parentPort.postMessage(${first});
         parentPort.postMessage({ type: 'end' });`,
        { eval: true },
      );
    const untitled = sending(
      `{ type: 'document', head: { source: 'regatta.md', hash: 'h', meta: { tags: [] } }, extra: {} }`,
    );
    const unknownCode = sending(
      `{ type: 'none', none: { warning: { source: 'regatta.md', code: 'soggy', message: 'regatta.md is wet' } } }`,
    );
    const figures = new PrimedCache();
    const corrupt = (why: string) => ({
      warning: {
        source: 'regatta.md',
        code: 'corrupt',
        message: `regatta.md could not be loaded (its reader sent a malformed message: ${why})`,
      },
    });
    expect(await parseInWorker(request('regatta.md'), figures, { timeoutMs, start: untitled })).toEqual(
      corrupt("the document's head at meta.title: Invalid input: expected string, received undefined"),
    );
    expect(await parseInWorker(request('regatta.md'), figures, { timeoutMs, start: unknownCode })).toEqual(
      corrupt(
        'why it had no document at warning.code: Invalid option: expected one of "empty"|"binary"|"unreadable"|' +
          '"too-large"|"too-slow"|"corrupt"|"bad-metadata"|"unsupported"',
      ),
    );
    expect(figures.primed).toBe(0);
  });

  it('ends a worker that takes longer than `timeoutMs`, with a `too-slow` warning saying what to try', async () => {
    // A stand-in for parse-worker stuck on a pathological file: a real thread that never answers.
    let stuck: Worker | undefined;
    const start = () => (stuck = new Worker('setInterval(() => {}, 1000)', { eval: true }));
    const loaded = await parseInWorker(request('regatta.md'), new FigureCache(), { timeoutMs: 50, start });
    expect(loaded).toEqual({
      warning: {
        source: 'regatta.md',
        code: 'too-slow',
        message: 'regatta.md took longer than 0.05 s to read; try it as plain text (.txt) or in smaller parts',
      },
    });
    await once(stuck!, 'exit');
    expect(stuck!.threadId).toBe(-1);
  });
});
