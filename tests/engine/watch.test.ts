import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ask } from '../../src/answer/ask.js';
import type { CorpusChange } from '../../src/engine/dossier.js';
import { Dossier } from '../../src/engine/dossier.js';
import { note, openCorpus, tempCorpusAndCache } from '../support/corpus.js';
import { capturingLogger } from '../support/log.js';

let corpus: Awaited<ReturnType<typeof openCorpus>>;
let dossier: Dossier;
let changes: [CorpusChange, string][];
beforeEach(async () => {
  corpus = await openCorpus({
    'fentanyl.md': note('Fentanyl on the border', 'Seizures of fentanyl at the southern border rose sharply.'),
    'merida.md': note('The Mérida Initiative', 'Mérida funding paid for scanners at several crossings.'),
  });
  dossier = corpus.dossier;
  changes = [];
  dossier.onChange((change, source) => changes.push([change, source]));
});
afterEach(() => corpus.cleanup());

// No digest, store or bot here: the engine keeps itself in step with its folder.
describe('Dossier watching its corpus folder', () => {
  it('re-indexes added, changed and removed files, one document at a time, and tells its listeners', async () => {
    expect(await dossier.watch()).toEqual({ added: [], changed: [], removed: [] });
    expect(await dossier.rescan()).toEqual({ added: [], changed: [], removed: [] });

    await writeFile(join(corpus.dir, 'new.md'), note('Extraditions', 'Officials announced three extraditions.'));
    await writeFile(join(corpus.dir, 'merida.md'), note('The Mérida Initiative', 'Mérida funding was cut.'));
    await rm(join(corpus.dir, 'fentanyl.md'));
    expect(await dossier.rescan()).toEqual({ added: ['new.md'], changed: ['merida.md'], removed: ['fentanyl.md'] });
    expect(dossier.documents.map((d) => d.source).sort()).toEqual(['merida.md', 'new.md']);
    expect(dossier.search('extraditions').map((h) => h.passage.source)).toContain('new.md');
    expect(dossier.search('fentanyl')).toEqual([]);
    expect(changes.sort()).toEqual([
      ['added', 'new.md'],
      ['changed', 'merida.md'],
      ['removed', 'fentanyl.md'],
    ]);
  });

  it('drops a document whose file can no longer be loaded, so its old text is never quoted', async () => {
    await dossier.watch();
    await writeFile(join(corpus.dir, 'fentanyl.md'), '');
    expect(await dossier.rescan()).toEqual({ added: [], changed: [], removed: ['fentanyl.md'] });
    expect(dossier.document('fentanyl.md')).toBeUndefined();
  });

  it('answers from a file dropped into the folder, noticed through fs.watch', async () => {
    await dossier.watch({ debounceMs: 20 });
    await writeFile(join(corpus.dir, 'dropped.md'), note('Dropped', 'A customs report on precursor chemicals.'));
    await vi.waitFor(() => expect(dossier.document('dropped.md')).toBeDefined(), { timeout: 5000, interval: 20 });
    expect(ask(dossier, 'precursor chemicals report').results[0]?.passage.source).toBe('dropped.md');
    expect(changes).toEqual([['added', 'dropped.md']]);
  });

  it('stops watching on close()', async () => {
    await dossier.watch({ debounceMs: 20 });
    dossier.close();
    await writeFile(join(corpus.dir, 'late.md'), note('Late', 'Filed after the engine closed.'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(dossier.document('late.md')).toBeUndefined();
  });

  it('names a skipped file once per start, from the folder or the saved corpus, and again once changed', async () => {
    const folder = await tempCorpusAndCache({
      'guard.md': note('Guard', 'The National Guard was deployed to the southern border.'),
      'blank.txt': ' \n',
    });
    try {
      for (const start of ['cold', 'warm']) {
        const { log, lines } = capturingLogger();
        const engine = await Dossier.open({ corpusDir: folder.dir, cacheDir: folder.cacheDir, log });
        await engine.watch();
        engine.close();
        const named = lines.filter((line) => line.msg.startsWith('blank.txt '));
        expect([start, named.map((line) => line.msg)]).toEqual([start, ['blank.txt has no text to index']]);
      }
      const { log, lines } = capturingLogger();
      const engine = await Dossier.open({ corpusDir: folder.dir, cacheDir: folder.cacheDir, log });
      await engine.watch();
      await writeFile(join(folder.dir, 'blank.txt'), '\n\n');
      await engine.rescan();
      engine.close();
      expect(lines.filter((line) => line.msg.startsWith('blank.txt ')).length).toBe(2);
    } finally {
      await folder.cleanup();
    }
  });

  it('keeps re-indexing when a listener throws', async () => {
    dossier.onChange(() => {
      throw new Error('database closed');
    });
    await writeFile(join(corpus.dir, 'new.md'), note('Extraditions', 'Officials announced three extraditions.'));
    expect(await dossier.rescan()).toMatchObject({ added: ['new.md'] });
    expect(changes).toEqual([['added', 'new.md']]);
  });
});
