import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CorpusWatcher } from '../../src/digest/watch.js';
import { silentLogger } from '../../src/log.js';
import { note } from '../support/corpus.js';
import { at, digestWorld } from './fixtures.js';

let world: Awaited<ReturnType<typeof digestWorld>>;
let watcher: CorpusWatcher | undefined;
beforeEach(async () => {
  world = await digestWorld();
});
afterEach(async () => {
  watcher?.stop();
  await world.cleanup();
});

describe('CorpusWatcher', () => {
  it('re-indexes added, changed and removed files, one document at a time, and records first sightings', async () => {
    let now = at('2026-03-01T00:00Z');
    const store = world.openStore();
    watcher = new CorpusWatcher({ dossier: world.dossier, store, log: silentLogger(), now: () => now });
    expect(await watcher.start()).toEqual({ added: [], changed: [], removed: [] });
    expect(store.seenSince(at('2026-02-28T00:00Z')).sort()).toEqual(['fentanyl.md', 'merida.md']);
    expect(await watcher.rescan()).toEqual({ added: [], changed: [], removed: [] });

    now = at('2026-03-02T00:00Z');
    await writeFile(
      join(world.corpusDir, 'new.md'),
      note('Extraditions', 'Officials announced three extraditions of cartel figures.'),
    );
    await writeFile(
      join(world.corpusDir, 'merida.md'),
      note('The Mérida Initiative', 'Mérida funding was cut in the new budget.'),
    );
    await rm(join(world.corpusDir, 'fentanyl.md'));
    expect(await watcher.rescan()).toEqual({ added: ['new.md'], changed: ['merida.md'], removed: ['fentanyl.md'] });
    expect(world.dossier.documents.map((d) => d.source).sort()).toEqual(['merida.md', 'new.md']);
    expect(world.dossier.search('extraditions').map((h) => h.passage.source)).toContain('new.md');
    expect(world.dossier.search('fentanyl')).toEqual([]);
    expect(store.seenSince(at('2026-03-01T12:00Z'))).toEqual(['new.md']);
  });

  it('notices a file dropped into the folder through fs.watch', async () => {
    const store = world.openStore();
    watcher = new CorpusWatcher({ dossier: world.dossier, store, log: silentLogger(), debounceMs: 20 });
    await watcher.start();
    await writeFile(join(world.corpusDir, 'dropped.md'), note('Dropped', 'A customs report on precursor chemicals.'));
    await vi.waitFor(() => expect(world.dossier.document('dropped.md')).toBeDefined(), { timeout: 5000, interval: 20 });
  });
});
