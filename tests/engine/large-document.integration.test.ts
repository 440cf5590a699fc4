import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SourceDocument } from '../../src/corpus/types.js';
import type { CorpusChange } from '../../src/engine/dossier.js';
import { Dossier } from '../../src/engine/dossier.js';
import { createLogger } from '../../src/log.js';
import { note, openCorpus } from '../support/corpus.js';

/** A report of `n` numbered paragraphs, each with a figure, as one markdown note. */
const report = (n: number) =>
  note(
    'Harbour report',
    Array.from({ length: n }, (_, i) => `Inspectors counted ${i + 10} cranes at berth ${i + 1} of the harbour.`).join(
      '\n\n',
    ),
  );

let corpus: Awaited<ReturnType<typeof openCorpus>>;
let dossier: Dossier;
let changes: [CorpusChange, string][];
let logs: { msg: string; source?: string }[];
beforeEach(async () => {
  logs = [];
  const log = createLogger('info', { write: (line: string) => void logs.push(JSON.parse(line)) });
  corpus = await openCorpus({ 'small.md': note('Small', 'A short note on canals.') }, { log });
  dossier = corpus.dossier;
  changes = [];
  dossier.onChange((change, source) => changes.push([change, source]));
});
afterEach(() => corpus.cleanup());

describe('a large document added while the engine runs', () => {
  it(
    'is parsed in a worker thread, which also reads its figures, each ' + 'pointing at its own passage’s sentence',
    async () => {
      await dossier.watch({ workerFromBytes: 0 });
      const primed = vi.spyOn(dossier.figures, 'prime');
      await writeFile(join(corpus.dir, 'harbour.md'), report(30));
      expect(await dossier.rescan()).toEqual({ added: ['harbour.md'], changed: [], removed: [] });

      const doc = dossier.document('harbour.md')!;
      expect(doc.passages).toHaveLength(30);
      expect(primed).toHaveBeenCalledTimes(30);
      const [figure] = dossier.figures.of(doc.passages[6]!);
      expect(figure?.text).toBe('16 cranes');
      expect(doc.passages[6]!.sentences).toContain(figure!.sentence);
      expect(dossier.search('cranes berth 7').map((h) => h.passage.id)).toContain('harbour.md#7');
      expect(changes).toEqual([['added', 'harbour.md']]);
    },
  );

  it('that cannot be loaded in the worker is a one-line warning naming it, and nothing is added', async () => {
    await dossier.watch({ workerFromBytes: 0 });
    await writeFile(join(corpus.dir, 'broken.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 255, 254]));
    expect(await dossier.rescan()).toEqual({ added: [], changed: [], removed: [] });
    expect(logs.filter((l) => l.source === 'broken.txt').map((l) => l.msg)).toEqual([
      'broken.txt is not text (binary content)',
    ]);
  });

  it('is indexed a slice per turn of the event loop, and listeners are told once all of it is in', async () => {
    const passages = Array.from({ length: 1000 }, (_, i) => ({
      id: `big.md#${i + 1}`,
      source: 'big.md',
      paragraph: i + 1,
      text: `Berth ${i + 1} holds cranes.`,
      sentences: [{ text: `Berth ${i + 1} holds cranes.`, start: 0 }],
    }));
    const doc: SourceDocument = { source: 'big.md', hash: 'h', meta: { title: 'Big', tags: [] }, passages };
    // What a request arriving meanwhile sees, one look per turn of the event loop.
    const seen: number[] = [];
    let looking = true;
    const look = () => {
      seen.push(dossier.search('cranes', { limit: 2000 }).length);
      if (looking) setImmediate(look);
    };
    setImmediate(look);
    await dossier.upsertInTurns(doc, { passagesPerTurn: 100 });
    looking = false;

    expect(seen.length).toBeGreaterThanOrEqual(9);
    expect(seen.some((n) => n > 0 && n < 1000)).toBe(true);
    expect(dossier.search('cranes', { limit: 2000 })).toHaveLength(1000);
    expect(changes).toEqual([['added', 'big.md']]);

    // Replacing it drops the old passages a slice at a time too: none is found twice.
    await dossier.upsertInTurns({ ...doc, hash: 'h2', passages: passages.slice(0, 300) }, { passagesPerTurn: 100 });
    expect(dossier.search('cranes', { limit: 2000 })).toHaveLength(300);
    expect(changes).toEqual([
      ['added', 'big.md'],
      ['changed', 'big.md'],
    ]);
  });

  it('being parsed when the engine closes is left: the rescan ends, nothing is added, no listener told', async () => {
    await dossier.watch({ workerFromBytes: 0 });
    await writeFile(join(corpus.dir, 'harbour.md'), report(30));
    const rescan = dossier.rescan();
    dossier.close();
    expect(await rescan).toEqual({ added: [], changed: [], removed: [] });
    expect(dossier.document('harbour.md')).toBeUndefined();
    expect(changes).toEqual([]);
  });
});
